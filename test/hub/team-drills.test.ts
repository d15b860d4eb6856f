import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../bridge/server';
import { testKeychain } from '../helpers/keychain';
import { interfaces, makeSigner, managedLocation, policyBody, siteFor, startTestBeacon, writeSignedPolicy } from '../helpers/network';
import { tmpDir } from '../helpers/tmp';
import { PASSWORD, startTeamHub, until } from './harness';

type Result = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
type Window = <T = unknown>(channel: string, request?: unknown) => Promise<T>;

/** A window of the console: its own session cookie; each call goes through the contract, as the renderer's would. */
async function openWindow(bridge: RunningBridge, url: string): Promise<{ call: (channel: string, request?: unknown) => Promise<Result>; ok: Window }> {
  const opened = await fetch(url, { redirect: 'manual' });
  const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
  const call = async (channel: string, request: unknown = {}) =>
    (await (
      await fetch(`${bridge.origin}/__bridge/ipc/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: bridge.origin }, body: JSON.stringify(request) })
    ).json()) as Result;
  const ok: Window = async <T,>(channel: string, request: unknown = {}) => {
    const r = await call(channel, request);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
    return r.value as T;
  };
  return { call, ok };
}

type Summary = { id: number; assignee: { id: string } | null };
type Detail = { messages: Array<{ id: number; direction: string; delivery?: { state: string } }> };

/**
 * Phishing drills in team mode (issue 16): an administrator's console starts a drill for an agent at the hub (two
 * nodes, their own processes, a real PostgreSQL); the attempts reach the agent's console through the event stream as
 * customer messages assigned to her; her report and her reply are scored at the hub; the lead reads the report.
 */
describe('team mode runs phishing drills at the hub', () => {
  let team: Awaited<ReturnType<typeof startTeamHub<'amal' | 'layla' | 'aziz'>>>;
  let bridge: RunningBridge;

  beforeAll(async () => {
    team = await startTeamHub({
      users: [
        { username: 'amal', role: 'agent' },
        { username: 'layla', role: 'lead' },
        { username: 'aziz', role: 'admin' },
      ],
      nodes: 2,
    });
    const beacon = await startTestBeacon('hq');
    const signer = makeSigner();
    const loc = managedLocation([signer]);
    writeSignedPolicy(loc.policyFile, policyBody([siteFor('hq', beacon, ['10.20.0.0/16'])], { hub: { url: team.lb.url, pin: team.files.pin } }), signer);
    const { keychain, service } = testKeychain();
    bridge = await startBridge({
      dataDir: tmpDir(),
      rendererDir: tmpDir(),
      keychain,
      keychainService: service,
      channels: true,
      network: { ...loc, interfaces: () => interfaces({ eth0: ['10.20.1.5'] }), dnsSuffixes: async () => [], debounceMs: 10 },
    });
    await until(async () => (bridge.core.gate.current()?.state === 'office' ? true : null), 'the gate to find the office');
    await until(async () => (bridge.core.team()?.url === team.lb.url ? true : null), 'the console to take the hub from the policy');
    const device = bridge.core.identity.deviceIdentity;
    await team.seed.store.enrolDevice({ fingerprint: device.fingerprint, publicKey: device.publicKeyPem, label: 'front desk' }, { actor: 'it:test' });
  }, 240_000);

  afterAll(async () => {
    await bridge?.close();
    await team?.close();
  }, 120_000);

  it('starts a drill for an agent from the admin console, scores her report and reply at the hub, and shows the lead the result', async () => {
    const admin = await openWindow(bridge, bridge.url);
    const agent = await openWindow(bridge, bridge.anotherWindow());
    const lead = await openWindow(bridge, bridge.anotherWindow());
    expect(await admin.ok('signIn', { username: 'aziz', password: PASSWORD })).toMatchObject({ status: 'signed_in' });
    expect(await agent.ok('signIn', { username: 'amal', password: PASSWORD })).toMatchObject({ status: 'signed_in' });
    expect(await lead.ok('signIn', { username: 'layla', password: PASSWORD })).toMatchObject({ status: 'signed_in' });
    const audit = async (action: string) => team.seed.store.q.all<{ actor: string; target: string }>('SELECT actor, target FROM audit WHERE action = ? ORDER BY seq', [action]);

    // Only an administrator starts one; the admin picks the agent from the team's people.
    expect(await agent.call('scheduleDrill', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const people = await admin.ok<{ users: Array<{ id: string; username: string }> }>('listUsers');
    const amalId = people.users.find((u) => u.username === 'amal')!.id;
    expect(await admin.call('scheduleDrill', { agentId: '999999' })).toMatchObject({ ok: false, error: { code: 'user_unknown' } });
    const started = await admin.ok<{ drillId: string; messagesSent: number }>('scheduleDrill', { agentId: amalId, kind: 'code_forward' });
    expect(started).toMatchObject({ drillId: expect.stringMatching(/^drill-[0-9a-f]+$/), messagesSent: 1 });
    const started2 = await admin.ok<{ drillId: string; messagesSent: number }>('scheduleDrill', { agentId: amalId, kind: 'upgrade_fee' });

    // Both attempts reach her console through the stream, assigned to her, as customers' messages.
    const mine = await until(async () => {
      const items = (await agent.ok<{ items: Summary[] }>('listConversations', { filter: { scope: 'all' }, cursor: null, limit: 50 })).items;
      return items.length === 2 && items.every((c) => c.assignee?.id === amalId) ? items : null;
    }, "the drill's attempts at the agent's console");
    const [first, second] = await Promise.all(mine.map((c) => agent.ok<Detail>('openConversation', { conversationId: c.id }).then((d) => ({ id: c.id, inbound: d.messages.find((m) => m.direction === 'in')!.id }))));

    // She reports one as a scam (told it was a drill) and replies unsafely to the other: the hub scores the reply
    // before its outbound guard stops it.
    const sentBefore = team.tg.sent.length;
    expect(await agent.ok('reportScam', { messageId: first!.inbound })).toEqual({ drill: true });
    expect(await agent.call('sendReply', { conversationId: second!.id, text: 'OK. Send me the verification code the customer received and I will do it.', seenInboundId: second!.inbound })).toMatchObject({
      ok: false,
      error: { code: 'guard_blocked' },
    });
    // A safe reply in a drill's conversation stays at the hub, shown as sent: there is no customer to send it to.
    await agent.ok('sendReply', { conversationId: first!.id, text: 'We never ask for codes here. Please use the official app.', seenInboundId: first!.inbound });
    await until(async () => {
      const d = await agent.ok<Detail>('openConversation', { conversationId: first!.id });
      return d.messages.find((m) => m.direction === 'out' && m.delivery?.state === 'sent')?.id;
    }, 'the reply to show as sent');

    const report = async (drillId: string) =>
      lead.ok<{ messagesSent: number; agents: Array<{ agent: { id: string; name: string }; flagged: number; unsafeReplies: number; safeReplies: number }> }>('drillReport', { drillId });
    const both = [await report(started.drillId), await report(started2.drillId)];
    const flaggedIn = both.find((r) => r.agents.some((a) => a.flagged === 1));
    const unsafeIn = both.find((r) => r.agents.some((a) => a.unsafeReplies === 1));
    expect(flaggedIn?.agents).toEqual([{ agent: { id: amalId, name: expect.any(String) }, flagged: 1, unsafeReplies: 0, safeReplies: 0 }]);
    expect(unsafeIn?.agents).toEqual([{ agent: { id: amalId, name: expect.any(String) }, flagged: 0, unsafeReplies: 1, safeReplies: 0 }]);
    expect(await agent.call('drillReport', { drillId: started.drillId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Audited with the single-seat actions; the drill's report is no scam alert.
    expect((await audit('guard.drill.scheduled')).map((a) => a.actor)).toEqual(['aziz', 'aziz']);
    expect((await audit('guard.drill.flagged')).map((a) => a.actor)).toEqual(['amal']);
    expect((await audit('guard.drill.unsafe_reply')).map((a) => a.actor)).toEqual(['amal']);
    expect(await audit('guard.scam_reported')).toEqual([]);
    // Nothing of the drill went to the platform (the channel polls and sends on the emulator all along).
    await new Promise((r) => setTimeout(r, 1_500));
    expect(team.tg.sent.length).toBe(sentBefore);
    expect(await team.seed.store.q.all("SELECT id FROM outbox WHERE state <> 'sent'")).toEqual([]);
  }, 120_000);
});
