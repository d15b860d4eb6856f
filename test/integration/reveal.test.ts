import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { AUDIT_ACTIONS } from '../../main/core/audit';
import type { IdentityPolicy, SessionSlot } from '../../main/core/auth';
import { createMainDispatch } from '../../main/ipc';
import { testCore } from '../helpers/core';
import { caller, entriesOf, signedInAs, customerMessage, TestClock } from '../helpers/identity';

let core: Core | undefined;
afterEach(() => core?.close());

const PHONE = '+971 50 123 4567';
const NATIONAL_ID = '784-1987-1234567-1';

async function setup(policy?: IdentityPolicy) {
  const clock = new TestClock();
  core = await testCore({ clock, identityPolicy: policy });
  const message = customerMessage(core, { contact: 'Amira', text: `call me on ${PHONE} my id is ${NATIONAL_ID} code 482913` });
  const call = caller(createMainDispatch(core));
  const agent = await signedInAs(core, 'agent', 'amal');
  const lead = await signedInAs(core, 'lead', 'lina');
  const lead2 = await signedInAs(core, 'lead', 'layla');
  return {
    core,
    clock,
    call,
    agent,
    lead,
    lead2,
    message,
    phone: message.field('PHONE'),
    id: message.field('NATIONAL_ID'),
    otp: message.field('OTP'),
  };
}

describe('reveal grants', () => {
  it('reveals a permitted field with a reason, for the policy time only', async () => {
    const t = await setup({ reveal: { grantMinutes: 2 } });
    expect(await t.call(t.agent, 'requestReveal', { ...t.phone, reason: '' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await t.call(t.agent, 'requestReveal', { ...t.phone, reason: 'ok' })).toMatchObject({ ok: false, error: { code: 'reason_required' } });
    // what a hostile tester got through: five zero-width spaces, and dots
    for (const reason of ['\u200b'.repeat(5), '.....']) {
      expect(await t.call(t.agent, 'requestReveal', { ...t.phone, reason })).toMatchObject({ ok: false, error: { code: 'reason_required' } });
    }
    const r = await t.call(t.agent, 'requestReveal', { ...t.phone, reason: 'customer asked for a call back' });
    expect(r).toMatchObject({ ok: true, value: { status: 'granted', fieldType: 'PHONE', value: PHONE, expiresAt: t.clock.t + 120_000 } });
    const grantId = (r as { value: { grantId: string } }).value.grantId;

    t.clock.advance(119_000);
    expect(await t.call(t.agent, 'readReveal', { grantId })).toMatchObject({ ok: true, value: { value: PHONE } });
    t.clock.advance(1_000);
    const expired = await t.call(t.agent, 'readReveal', { grantId });
    expect(expired).toMatchObject({ ok: false, error: { code: 'reveal_expired' } });
    expect(JSON.stringify(expired)).not.toContain(PHONE);

    const granted = entriesOf(t.core, AUDIT_ACTIONS.revealGranted);
    expect(granted).toHaveLength(1);
    expect(granted[0]).toMatchObject({
      actor: 'amal',
      target: `message:${t.phone.messageId}#${t.phone.fieldIndex}`,
      details: { type: 'PHONE', reason: 'customer asked for a call back', approver: null, conversation: t.message.conversationId },
    });
  });

  it('refuses the original to anyone but the grantee, and for any field not granted', async () => {
    const t = await setup();
    const other = await signedInAs(t.core, 'agent', 'sami');
    const r = await t.call(t.agent, 'requestReveal', { ...t.phone, reason: 'verify the caller' });
    const grantId = (r as { value: { grantId: string } }).value.grantId;
    const attempts: Array<[SessionSlot, unknown]> = [
      [other, { grantId }],
      [t.agent, { grantId: 'not-a-grant' }],
      [t.agent, { grantId: "' OR 1=1 --" }],
      [t.lead, { grantId }],
    ];
    for (const [slot, req] of attempts) {
      const res = await t.call(slot, 'readReveal', req);
      expect(res).toMatchObject({ ok: false, error: { code: 'reveal_not_granted' } });
      expect(JSON.stringify(res)).not.toContain(PHONE);
    }
    // An auditor or an administrator cannot even ask.
    for (const role of ['auditor', 'admin'] as const) {
      const slot = await signedInAs(t.core, role, `x-${role}`);
      expect(await t.call(slot, 'readReveal', { grantId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await t.call(slot, 'requestReveal', { ...t.phone, reason: 'just curious' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('needs a team lead (not the requester) to approve the types the policy marks, and counts the time from approval', async () => {
    const t = await setup();
    const r = await t.call(t.agent, 'requestReveal', { ...t.id, reason: 'identity check for refund' });
    expect(r).toMatchObject({ ok: true, value: { status: 'pending', fieldType: 'NATIONAL_ID' } });
    expect(JSON.stringify(r)).not.toContain(NATIONAL_ID);
    const requestId = (r as { value: { requestId: string } }).value.requestId;
    expect(await t.call(t.agent, 'readReveal', { grantId: requestId })).toMatchObject({ ok: false, error: { code: 'reveal_pending' } });
    expect(await t.call(t.agent, 'decideReveal', { requestId, approve: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const list = await t.call(t.lead, 'listRevealApprovals');
    expect(list).toMatchObject({ ok: true, value: { requests: [{ requestId, requestedBy: 'amal', fieldType: 'NATIONAL_ID', reason: 'identity check for refund' }] } });
    expect(JSON.stringify(list)).not.toContain(NATIONAL_ID);

    t.clock.advance(10 * 60_000);
    expect(await t.call(t.lead, 'decideReveal', { requestId, approve: true })).toMatchObject({ ok: true, value: { status: 'granted' } });
    expect(await t.call(t.lead2, 'decideReveal', { requestId, approve: false })).toMatchObject({ ok: false, error: { code: 'request_not_pending' } });
    expect(await t.call(t.agent, 'readReveal', { grantId: requestId })).toMatchObject({ ok: true, value: { value: NATIONAL_ID, fieldType: 'NATIONAL_ID' } });
    t.clock.advance(5 * 60_000);
    expect(await t.call(t.agent, 'readReveal', { grantId: requestId })).toMatchObject({ ok: false, error: { code: 'reveal_expired' } });

    // A lead's own request needs another lead.
    const own = await t.call(t.lead, 'requestReveal', { ...t.id, reason: 'escalated complaint' });
    const ownId = (own as { value: { requestId: string } }).value.requestId;
    expect(await t.call(t.lead, 'decideReveal', { requestId: ownId, approve: true })).toMatchObject({ ok: false, error: { code: 'self_approval' } });
    expect((await t.call(t.lead, 'listRevealApprovals') as { value: { requests: unknown[] } }).value.requests).toHaveLength(0);
    expect(await t.call(t.lead2, 'decideReveal', { requestId: ownId, approve: false })).toMatchObject({ ok: true, value: { status: 'denied' } });
    // The requester learns it was declined (so the console stops saying "waiting"), and still sees nothing.
    const declined = await t.call(t.lead, 'readReveal', { grantId: ownId });
    expect(declined).toMatchObject({ ok: false, error: { code: 'reveal_denied' } });
    expect(JSON.stringify(declined)).not.toContain(NATIONAL_ID);

    expect(entriesOf(t.core, AUDIT_ACTIONS.revealApproved)).toEqual([
      expect.objectContaining({ actor: 'lina', details: expect.objectContaining({ type: 'NATIONAL_ID', reason: 'identity check for refund', approver: 'lina', requestedBy: 'amal' }) }),
    ]);
    expect(entriesOf(t.core, AUDIT_ACTIONS.revealDenied)).toHaveLength(1);
  });

  it('lists a person their own requests a lead decides (waiting, granted, declined) while they matter, never a value nor anyone else’s', async () => {
    const t = await setup({ idleMinutes: 120, reveal: { grantMinutes: 5, approvalWindowMinutes: 30 } });
    // Granted at once: seen when asked, not listed again.
    await t.call(t.agent, 'requestReveal', { ...t.phone, reason: 'customer asked for a call back' });
    const asked = (await t.call(t.agent, 'requestReveal', { ...t.id, reason: 'identity check for refund' })) as { value: { requestId: string } };
    const own = async (who: SessionSlot) => ((await t.call(who, 'listOwnReveals')) as { ok: true; value: { reveals: Array<{ requestId: string; state: string }> } }).value.reveals;
    expect(await t.call(t.agent, 'listOwnReveals')).toMatchObject({ ok: true, value: { reveals: [{ requestId: asked.value.requestId, ...t.id, fieldType: 'NATIONAL_ID', state: 'pending' }] } });
    expect(await own(t.lead)).toEqual([]);
    await t.call(t.lead, 'decideReveal', { requestId: asked.value.requestId, approve: true });
    expect((await own(t.agent)).map((r) => r.state)).toEqual(['granted']);
    expect(JSON.stringify(await own(t.agent))).not.toContain(NATIONAL_ID);
    // Over when the grant is: nothing left to show.
    t.clock.advance(5 * 60_000);
    expect(await own(t.agent)).toEqual([]);
    // A declined one is listed for the approval window, so the console can say so after a sign-in.
    const again = (await t.call(t.agent, 'requestReveal', { ...t.id, reason: 'identity check for refund again' })) as { value: { requestId: string } };
    await t.call(t.lead, 'decideReveal', { requestId: again.value.requestId, approve: false });
    expect((await own(t.agent)).map((r) => [r.requestId, r.state])).toEqual([[again.value.requestId, 'denied']]);
    t.clock.advance(30 * 60_000);
    expect(await own(t.agent)).toEqual([]);
  });

  it('a request not decided within the approval window can no longer be approved', async () => {
    const t = await setup({ idleMinutes: 60, reveal: { approvalWindowMinutes: 30 } });
    const r = await t.call(t.agent, 'requestReveal', { ...t.id, reason: 'identity check for refund' });
    const requestId = (r as { value: { requestId: string } }).value.requestId;
    t.clock.advance(30 * 60_000);
    expect(await t.call(t.lead, 'decideReveal', { requestId, approve: true })).toMatchObject({ ok: false, error: { code: 'request_stale' } });
    // The agent's console stops waiting: the request says it went unanswered.
    expect(await t.call(t.agent, 'readReveal', { grantId: requestId })).toMatchObject({ ok: false, error: { code: 'reveal_request_stale' } });
  });

  it('reveals only the types the policy allows the role (one-time codes never, by default)', async () => {
    const t = await setup({ reveal: { allowedTypes: { agent: ['EMAIL'], lead: ['PHONE'] } } });
    expect(await t.call(t.agent, 'requestReveal', { ...t.phone, reason: 'call back please' })).toMatchObject({ ok: false, error: { code: 'reveal_not_allowed' } });
    expect(await t.call(t.lead, 'requestReveal', { ...t.phone, reason: 'call back please' })).toMatchObject({ ok: true, value: { status: 'granted' } });
    expect(entriesOf(t.core, AUDIT_ACTIONS.revealRefused)).toHaveLength(1);

    t.core.close();
    const d = await setup();
    expect(await d.call(d.agent, 'requestReveal', { ...d.otp, reason: 'customer says it is wrong' })).toMatchObject({
      ok: false,
      error: { code: 'reveal_not_allowed' },
    });
    expect(await d.call(d.agent, 'requestReveal', { messageId: d.phone.messageId, fieldIndex: 9, reason: 'does not exist' })).toMatchObject({
      ok: false,
      error: { code: 'field_not_found' },
    });
  });

  it('never reveals a one-time code or a card security code, even when a policy lists them', async () => {
    const t = await setup({ reveal: { allowedTypes: { agent: ['OTP', 'CVV', 'PHONE'] } } });
    expect(await t.call(t.agent, 'requestReveal', { ...t.otp, reason: 'customer says it is wrong' })).toMatchObject({ ok: false, error: { code: 'reveal_not_allowed' } });
    expect(await t.call(t.agent, 'requestReveal', { ...t.phone, reason: 'call back please' })).toMatchObject({ ok: true, value: { status: 'granted' } });
  });

  it('masks a sensitive value typed into the reason before it is stored or audited', async () => {
    const t = await setup({ idleMinutes: 60 });
    const r = await t.call(t.agent, 'requestReveal', { ...t.id, reason: 'customer gave 0501234567 and ID 2182979746 on the call' });
    expect(r).toMatchObject({ ok: true, value: { status: 'pending' } });
    const audited = JSON.stringify(entriesOf(t.core, AUDIT_ACTIONS.revealRequested));
    expect(audited).toContain('⟦PHONE');
    expect(audited).not.toContain('0501234567');
    expect(audited).not.toContain('2182979746');
    const list = JSON.stringify(await t.call(t.lead, 'listRevealApprovals'));
    expect(list).toContain('⟦NATIONAL_ID');
    expect(list).not.toContain('2182979746');
  });

  it('opens no customer data on a device the policy has not enrolled, and says why', async () => {
    const t = await setup({ enrolledDevices: ['AAAA BBBB'] });
    const r = await t.call(t.agent, 'requestReveal', { ...t.phone, reason: 'call back please' });
    expect(r).toMatchObject({ ok: false, error: { code: 'device_not_enrolled', message: expect.stringMatching(/diwan device id/) } });
    expect(await t.call(t.agent, 'getSession')).toMatchObject({ ok: true, value: { device: { enrolled: false } } });

    const fp = t.core.identity.deviceIdentity.fingerprint;
    t.core.identity.setPolicy({ enrolledDevices: [fp.toUpperCase().match(/.{4}/g)!.join(' ')] });
    expect(await t.call(t.agent, 'requestReveal', { ...t.phone, reason: 'call back please' })).toMatchObject({ ok: true });
  });
});
