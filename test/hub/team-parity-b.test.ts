import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, totpCode } from '../../main/core/auth';
import { HubAccounts } from '../../main/hub/accounts';
import { TelegramEmulator } from '../emulators/telegram';
import { valueOf, type ContractAnswer, type ContractWindow } from '../helpers/contract-window';
import { teamConsoleSuite } from '../helpers/team-console';
import { PASSWORD, until } from './harness';

/** The value of an answer, or an error naming the code. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each contract call has its own response shape; the test reads the fields it checks
const value = (a: ContractAnswer) => valueOf<any>('the call', a);

/**
 * Feature parity B: what a single-seat console does that a console in team mode now does at the hub (its own process,
 * on a real PostgreSQL). The console is the real core behind the test bridge, its contract calls made as the renderer
 * makes them; the hub is told to require a second factor.
 */
describe('a console in team mode: feature parity B', () => {
  const desk = teamConsoleSuite({
    users: [],
    nodes: 1,
    nodeConfig: { sessions: { idleMinutes: 15, requireTwoFactor: true } },
    prepare: async (team) => {
      const accounts = new HubAccounts(team.seed.store, { now: Date.now, idleMs: 60_000, requireTwoFactor: true });
      for (const [username, role] of [['amal', 'agent'], ['salma', 'admin'], ['layla', 'lead']] as const) {
        await accounts.createUser({ username, displayName: username, role, password: PASSWORD }, { actor: 'it:test' });
      }
    },
  });
  let amalRecovery: string[] = [];
  let salesConversation = 0;

  it('sets up two-step sign-in at the hub from the console: held to the set-up until a first code, then recovery codes that work once', async () => {
    const amal = (await desk.window()).call;
    expect(value(await amal('signIn', { username: 'amal', password: PASSWORD }))).toEqual({ status: 'signed_in' });
    // The hub requires a second factor amal has not set up: the window may only set one up.
    const held = value(await amal('getSession'));
    expect(held).toMatchObject({ signedIn: true, permissions: ['session'], twoFactor: { enabled: false, required: true, mustEnrol: true } });
    expect(await amal('listConversations', { filter: { scope: 'all' }, cursor: null, limit: 10 })).toMatchObject({ ok: false, error: { code: 'two_factor_enrolment_required' } });

    const begun = value(await amal('beginTotpEnrolment'));
    expect(begun.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const secret = new URL(begun.otpauthUri).searchParams.get('secret')!;
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    // The waiting secret is sealed in the hub's database, not written in clear.
    const waiting = await desk.team.seed.store.q.get<{ sealed_secret: string }>('SELECT sealed_secret FROM totp_enrolments');
    expect(waiting!.sealed_secret).toMatch(/^sealed:v1:/);
    expect(waiting!.sealed_secret).not.toContain(secret);

    expect(await amal('confirmTotpEnrolment', { code: wrongCode(totpCode(secret, Date.now())) })).toMatchObject({ ok: false, error: { code: 'totp_code_wrong' } });
    const { recoveryCodes } = value(await amal('confirmTotpEnrolment', { code: totpCode(secret, Date.now()) }));
    amalRecovery = recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(value(await amal('getSession'))).toMatchObject({ twoFactor: { enabled: true, mustEnrol: false }, permissions: expect.arrayContaining(['conversations.read']) });
    await until(async () => value(await amal('listConversations', { filter: { scope: 'all' }, cursor: null, limit: 10 })), 'the inbox to open once the factor is set up');
    const stored = (await desk.team.seed.store.userByName('amal'))!.totpSecret!;
    expect(stored).toMatch(/^sealed:v1:/);
    expect(stored).not.toContain(secret);
    const trail = await desk.team.seed.store.q.all<{ action: string; actor: string }>("SELECT action, actor FROM audit WHERE action LIKE 'user.second_factor%' OR action LIKE 'signin.%' ORDER BY seq");
    expect(trail.map((e) => e.action)).toEqual(['signin.must_enrol_second_factor', 'user.second_factor_enrolment_started', 'user.second_factor_enrolled']);

    // Next sign-in asks for the second factor; a recovery code works once, then never again.
    value(await amal('signOut'));
    expect(value(await amal('signIn', { username: 'amal', password: PASSWORD }))).toEqual({ status: 'second_factor' });
    expect(value(await amal('signInSecondFactor', { recoveryCode: recoveryCodes[0] }))).toEqual({ status: 'signed_in' });
    expect(value(await amal('getSession'))).toMatchObject({ twoFactor: { enabled: true, mustEnrol: false } });
    value(await amal('signOut'));
    expect(value(await amal('signIn', { username: 'amal', password: PASSWORD }))).toEqual({ status: 'second_factor' });
    expect(await amal('signInSecondFactor', { recoveryCode: recoveryCodes[0] })).toMatchObject({ ok: false, error: { code: 'second_factor_invalid' } });
    // The authenticator's next code signs in (the confirming code's own time step was used up by the set-up).
    expect(value(await amal('signInSecondFactor', { code: totpCode(secret, Date.now() + 30_000) }))).toEqual({ status: 'signed_in' });
    // The administrator sees it in the Users tab.
    const admin = (await desk.window()).call;
    value(await admin('signIn', { username: 'salma', password: PASSWORD }));
    expect(value(await admin('getSession'))).toMatchObject({ twoFactor: { mustEnrol: true } });
    expect(await admin('listUsers')).toMatchObject({ ok: false, error: { code: 'two_factor_enrolment_required' } });
  }, 120_000);

  it('lets an administrator add and fix a channel from the console: the token goes once into the hub’s sealed store, the hub runs it, its health comes on the stream', async () => {
    const token = `${700_000_000 + Math.floor(Math.random() * 1e8)}:${'S'.repeat(20)}${Date.now().toString(36)}`;
    const tg = await TelegramEmulator.start(token, 600_000);
    try {
      const admin = (await desk.window()).call;
      value(await admin('signIn', { username: 'salma', password: PASSWORD }));
      await enrolSelf(admin);
      const agent = (await desk.window()).call;
      value(await agent('signIn', { username: 'amal', password: PASSWORD }));
      // One of her unused recovery codes (the first test used up the authenticator's current and next codes).
      expect(value(await agent('signInSecondFactor', { recoveryCode: amalRecovery[1] }))).toEqual({ status: 'signed_in' });
      // An agent may not set up channels.
      expect(await agent('saveChannel', { kind: 'telegram', name: 'Mine', credentials: { botToken: token } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      const saved = value(await admin('saveChannel', { id: 'sales', kind: 'telegram', name: 'Sales bot', credentials: { botToken: token }, settings: { baseUrl: tg.url, longPollSeconds: 1 } }));
      expect(saved).toMatchObject({ id: 'sales', kind: 'telegram', name: 'Sales bot', enabled: true, hasCredentials: true });
      expect(JSON.stringify(saved)).not.toContain(token);
      // Kept sealed in the hub's database, for every node; never in clear, in the trail, the events or the hub's log.
      const row = await desk.team.seed.store.q.get<{ sealed: Buffer }>("SELECT sealed FROM hub_secrets WHERE name = 'sales.token'");
      expect(Buffer.from(row!.sealed).includes(Buffer.from(token.split(':')[1]!))).toBe(false);
      const audit = await desk.team.seed.store.q.get<{ actor: string; details: string }>("SELECT actor, details FROM audit WHERE action = 'channel.saved' ORDER BY seq DESC LIMIT 1");
      expect(audit).toMatchObject({ actor: 'salma' });
      expect(JSON.parse(audit!.details)).toMatchObject({ kind: 'telegram', created: true, secrets: ['sales.token'] });
      // The hub runs it under its lease and reports its health on the stream: the agent's console hears it.
      const healthOf = async (w: Window) => (value(await w('channelHealth')) as Array<{ channelId: string; state: string; detail?: string }>).find((h) => h.channelId === 'sales');
      await until(async () => ((await healthOf(agent))?.state === 'ok' ? true : null), 'the new channel to be reported healthy');
      expect(value(await admin('listChannels'))).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'sales', hasCredentials: true, health: expect.objectContaining({ state: 'ok' }) })]));
      tg.addText(9001, 'Hello, is the sales desk open on Friday?', { first_name: 'Huda' });
      const [first] = await until(async () => {
        const page = value(await agent('listConversations', { filter: { scope: 'all', channelId: 'sales' }, cursor: null, limit: 10 }));
        return page.items.length ? page.items : null;
      }, 'the channel’s first message to reach the console');
      salesConversation = Number(first.id);

      // A wrong token: the node running the channel restarts it, the platform refuses it, and every console hears why.
      value(await admin('saveChannel', { id: 'sales', kind: 'telegram', name: 'Sales bot', credentials: { botToken: `${token}x` } }));
      const down = await until(async () => {
        const h = await healthOf(agent);
        return h?.state === 'down' ? h : null;
      }, 'the refused token to show');
      expect(down.detail).toMatch(/token/i);
      // The settings were kept (the edit left them out), and the right token brings it back.
      value(await admin('saveChannel', { id: 'sales', kind: 'telegram', name: 'Sales bot', credentials: { botToken: token } }));
      await until(async () => ((await healthOf(agent))?.state === 'ok' ? true : null), 'the fixed channel to be healthy again');
      expect(desk.team.nodes[0]!.log).not.toContain(token.split(':')[1]!);
      // What the hub does not run is refused in words.
      expect(await admin('saveChannel', { kind: 'demo', name: 'Demo', credentials: { password: 'x' } })).toMatchObject({ ok: false, error: { code: 'hub_kind_unsupported' } });
      expect(await admin('saveChannel', { kind: 'email', name: 'Mail', credentials: { password: 'x' } })).toMatchObject({ ok: false, error: { code: 'hub_settings_missing' } });
    } finally {
      await tg.close();
    }
  }, 180_000);

  it('exports a masked transcript signed at the hub with its grant key, which the auditor checks against that key', async () => {
    expect(salesConversation).toBeGreaterThan(0);
    const lead = (await desk.window()).call;
    value(await lead('signIn', { username: 'layla', password: PASSWORD }));
    await enrolSelf(lead);
    const file = value(await lead('exportTranscript', { conversationId: salesConversation, format: 'json' }));
    expect(file).toMatchObject({ fileName: `diwan-transcript-${salesConversation}.json`, mediaType: 'application/json', signature: { alg: 'Ed25519' } });
    // The hub's grant key signed it: the public half IT holds for the custodian verifies the exact bytes.
    const grantPublic = crypto.createPublicKey(crypto.createPrivateKey(desk.team.files.custody.grantKeyPem));
    expect(file.signature.device).toBe(fingerprintOf(grantPublic));
    expect(crypto.verify(null, Buffer.from(file.content, 'utf8'), grantPublic, Buffer.from(file.signature.signature, 'base64'))).toBe(true);
    expect(crypto.verify(null, Buffer.from(file.content.replace('sales desk', 'sales d3sk'), 'utf8'), grantPublic, Buffer.from(file.signature.signature, 'base64'))).toBe(false);
    const doc = JSON.parse(file.content);
    expect(doc).toMatchObject({ format: 'diwan-masked-transcript-v1', exportedBy: 'layla', transcript: { conversationId: salesConversation, channel: 'telegram' } });
    expect(doc.transcript.messages[0]).toMatchObject({ direction: 'in', text: 'Hello, is the sales desk open on Friday?' });
    const html = value(await lead('exportTranscript', { conversationId: salesConversation, format: 'html' }));
    expect(html.content).toMatch(/^<!doctype html>/);
    expect(crypto.verify(null, Buffer.from(html.content, 'utf8'), grantPublic, Buffer.from(html.signature.signature, 'base64'))).toBe(true);
    const trail = await desk.team.seed.store.q.all<{ actor: string; target: string }>("SELECT actor, target FROM audit WHERE action = 'export.transcript' ORDER BY seq");
    expect(trail).toEqual([
      { actor: 'layla', target: `conversation:${salesConversation}` },
      { actor: 'layla', target: `conversation:${salesConversation}` },
    ]);
    // An agent may not export.
    const agent = (await desk.window()).call;
    value(await agent('signIn', { username: 'amal', password: PASSWORD }));
    value(await agent('signInSecondFactor', { recoveryCode: amalRecovery[2] }));
    expect(await agent('exportTranscript', { conversationId: salesConversation, format: 'json' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  }, 120_000);
});

type Window = ContractWindow['call'];

/** Sets up the window's person's own two-step sign-in (the hub requires it) and returns the authenticator's secret. */
async function enrolSelf(w: Window): Promise<string> {
  const secret = new URL(value(await w('beginTotpEnrolment')).otpauthUri).searchParams.get('secret')!;
  value(await w('confirmTotpEnrolment', { code: totpCode(secret, Date.now()) }));
  return secret;
}

/** A six-digit code that is certainly not `code`. */
function wrongCode(code: string): string {
  return code.replace(/^./, (d) => String((Number(d) + 5) % 10));
}
