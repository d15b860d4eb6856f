import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { AUDIT_ACTIONS, exportAudit } from '../../main/core/audit';
import { newSessionSlot, totpCode } from '../../main/core/auth';
import { createMainDispatch } from '../../main/ipc';
import { testCore } from '../helpers/core';
import { confirmAsSecondAdmin } from '../helpers/console-people';
import { caller, customerMessage, TestClock } from '../helpers/identity';

let core: Core | undefined;
afterEach(() => core?.close());

const ADMIN_PW = 'admin pass phrase one';
const AGENT_PW = 'agent pass phrase two';
const LEAD_PW = 'lead pass phrase three';
const NEW_PW = 'a brand new pass phrase';
const PHONE = '+971501234567';
const NATIONAL_ID = '784198712345671';

/**
 * Each audited action done once through the real IPC path leaves exactly one entry of its kind; afterwards nothing
 * secret or unmasked used in the test appears in any entry, in the audit tables, in the SIEM export or anywhere
 * in the database file.
 */
describe('audited actions', () => {
  it('each leaves exactly one entry, and no entry holds a secret or an unmasked value', async () => {
    const clock = new TestClock();
    core = await testCore({ clock });
    const customer = customerMessage(core, { contact: 'Amira', text: `phone ${PHONE} id ${NATIONAL_ID}` });
    const conversationId = customer.conversationId;
    const call = caller(createMainDispatch(core));
    const secrets: string[] = [ADMIN_PW, AGENT_PW, LEAD_PW, NEW_PW, PHONE, NATIONAL_ID];
    const counts = () => {
      const m = new Map<string, number>();
      for (const e of core!.auditTrail.list({ limit: 10_000 })) m.set(e.action, (m.get(e.action) ?? 0) + 1);
      return m;
    };
    const expectOne = async (action: string, run: () => Promise<unknown>) => {
      const before = counts();
      const result = await run();
      expect(result, action).toMatchObject({ ok: true });
      const after = counts();
      expect((after.get(action) ?? 0) - (before.get(action) ?? 0), action).toBe(1);
      return result as { ok: true; value: never };
    };

    const admin = newSessionSlot();
    await expectOne(AUDIT_ACTIONS.adminCreated, () => call(admin, 'createAdmin', { username: 'admin', password: ADMIN_PW }));
    secrets.push(admin.sessionId!);
    await expectOne(AUDIT_ACTIONS.userCreated, () => call(admin, 'createUser', { username: 'amal', role: 'agent', password: AGENT_PW }));
    const lina = await expectOne(AUDIT_ACTIONS.userCreated, () => call(admin, 'createUser', { username: 'lina', role: 'agent', password: LEAD_PW }));
    await expectOne(AUDIT_ACTIONS.userRoleRequested, () => call(admin, 'setUserRole', { userId: (lina.value as { id: string }).id, role: 'lead' }));
    await expectOne(AUDIT_ACTIONS.userRoleChanged, async () => (confirmAsSecondAdmin(core!, (lina.value as { id: string }).id), { ok: true }));

    const agent = newSessionSlot();
    const before = counts();
    expect(await call(agent, 'signIn', { username: 'amal', password: 'wrong-password-here' })).toMatchObject({ ok: false });
    expect((counts().get(AUDIT_ACTIONS.signInFailed) ?? 0) - (before.get(AUDIT_ACTIONS.signInFailed) ?? 0)).toBe(1);
    await expectOne(AUDIT_ACTIONS.signIn, () => call(agent, 'signIn', { username: 'amal', password: AGENT_PW }));
    secrets.push(agent.sessionId!);
    await expectOne(AUDIT_ACTIONS.passwordChanged, () => call(agent, 'changePassword', { current: AGENT_PW, next: NEW_PW }));

    const begin = (await call(agent, 'beginTotpEnrolment')) as { ok: true; value: { otpauthUri: string } };
    const totpSecret = new URL(begin.value.otpauthUri).searchParams.get('secret')!;
    const code = totpCode(totpSecret, clock.t);
    secrets.push(totpSecret, code);
    const enrolled = await expectOne(AUDIT_ACTIONS.totpEnrolled, () => call(agent, 'confirmTotpEnrolment', { code }));
    const recoveryCodes = (enrolled.value as { recoveryCodes: string[] }).recoveryCodes;
    secrets.push(...recoveryCodes, ...recoveryCodes.map((c) => c.replace(/-/g, '')));

    const reveal = await expectOne(AUDIT_ACTIONS.revealGranted, () => call(agent, 'requestReveal', { ...customer.field('PHONE'), reason: 'call back' }));
    expect(reveal.value).toMatchObject({ value: PHONE });
    const pending = await expectOne(AUDIT_ACTIONS.revealRequested, () =>
      call(agent, 'requestReveal', { ...customer.field('NATIONAL_ID'), reason: 'identity check' }),
    );

    const lead = newSessionSlot();
    await expectOne(AUDIT_ACTIONS.signIn, () => call(lead, 'signIn', { username: 'lina', password: LEAD_PW }));
    secrets.push(lead.sessionId!);
    await expectOne(AUDIT_ACTIONS.revealApproved, () => call(lead, 'decideReveal', { requestId: (pending.value as { requestId: string }).requestId, approve: true }));
    expect(await call(agent, 'readReveal', { grantId: (pending.value as { requestId: string }).requestId })).toMatchObject({ ok: true, value: { value: NATIONAL_ID } });
    await expectOne(AUDIT_ACTIONS.conversationOpened, () => call(lead, 'getReviewTranscript', { conversationId }));
    await expectOne(AUDIT_ACTIONS.qualityScored, () => call(lead, 'setQualityScore', { conversationId, score: 4, comment: 'polite, quick' }));
    await expectOne(AUDIT_ACTIONS.transcriptExported, () => call(lead, 'exportTranscript', { conversationId, format: 'json' }));
    await expectOne(AUDIT_ACTIONS.signOut, () => call(lead, 'signOut'));
    const before2 = counts();
    core.identity.sessions.lockAll('suspend');
    expect((counts().get(AUDIT_ACTIONS.sessionEnded) ?? 0) - (before2.get(AUDIT_ACTIONS.sessionEnded) ?? 0)).toBe(2);

    await call(admin, 'signIn', { username: 'admin', password: ADMIN_PW });
    await expectOne(AUDIT_ACTIONS.auditVerified, () => call(admin, 'verifyAudit'));

    // Nothing secret anywhere the audit trail reaches: entries, tables, export, and the database file itself.
    await core.auditTrail.flush();
    const device = core.identity.deviceIdentity;
    const exported = exportAudit(core.auditTrail, device, { now: clock.t }).text;
    const tables = JSON.stringify([core.db.prepare('SELECT * FROM audit_entries').all(), core.db.prepare('SELECT * FROM audit_checkpoints').all()]);
    const auditKey = (await core.vault.get(core.auditTrail.keyAccount))!;
    const devicePem = (await core.vault.get('device'))!;
    secrets.push(auditKey, devicePem.split('\n')[1]!);
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const fileBytes = fs.readFileSync(path.join(core.dataDir, 'diwan.sqlite')).toString('latin1');
    for (const s of secrets) {
      expect(exported, `export holds ${s.slice(0, 4)}…`).not.toContain(s);
      expect(tables, `audit tables hold ${s.slice(0, 4)}…`).not.toContain(s);
      // (a 6-digit code could occur by chance in any binary file, so it is checked in the text above only)
      if (s !== code) expect(fileBytes.includes(s), `database file holds ${s.slice(0, 4)}…`).toBe(false);
    }
    expect(core.auditTrail.list({ limit: 10_000 }).length).toBeGreaterThan(15);
    expect((await core.auditTrail.verify()).ok).toBe(true);
  });
});
