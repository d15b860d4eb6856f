import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CredentialsDirSecrets, startHubNode, type HubConfig, type RunningHub } from '../../main/hub';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { HubApi, TestDesk } from '../helpers/hub-desk';
import { CustodianProcess } from './custody-fixture';
import { hubFiles, inProcessHubConfig, PASSWORD, seedHub, until, type HubFiles } from './harness';
import { preparedMessage } from './prepared-message';

type Json = Record<string, unknown>;

/**
 * The team's remaining data through the hub's API, on PostgreSQL: labels, canned replies, a reply the guard holds
 * approved by a lead on another desk and sent once, the lead's review and alerts (live on the lead's stream), and a
 * second-factor reset that needs a second administrator.
 */
describe('team data at the hub API', () => {
  let custodian: CustodianProcess;
  let pg: TestPostgres;
  let files: HubFiles;
  let hub: RunningHub;
  let seed: Awaited<ReturnType<typeof seedHub>>;
  const agentDesk = new TestDesk();
  const leadDesk = new TestDesk();
  const api = new HubApi(() => hub.url);
  const { tokens } = api;
  const call = api.call.bind(api);
  let conversationId: number;
  const leadFrames: Array<{ kind: string; payload: Json }> = [];
  const agentFrames: Array<{ kind: string; payload: Json }> = [];
  const sockets: WebSocket[] = [];

  const signIn = (username: string, desk: TestDesk) => api.signIn(username, desk, PASSWORD);

  async function follow(username: string, into: Array<{ kind: string; payload: Json }>): Promise<void> {
    const ws = new WebSocket(`${hub.url.replace('https', 'wss')}/v1/stream?after=0`, { headers: { authorization: `Bearer ${tokens[username]}` }, rejectUnauthorized: false });
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { type: string; events?: Array<{ kind: string; payload: Json }> };
      if (frame.type === 'events') into.push(...frame.events!);
    });
    ws.on('error', () => {});
    await new Promise((resolve) => ws.once('open', resolve));
    sockets.push(ws);
  }

  const config = (): HubConfig =>
    inProcessHubConfig(files, pg.url, {
      officeRanges: ['127.0.0.1/32'],
      sessions: { idleMinutes: 15, requireTwoFactor: false, factorResetNeedsSecondAdmin: true },
      limits: { maxBufferedBytes: 1024 * 1024, maxFrameBytes: 64 * 1024, maxBodyBytes: 64 * 1024, maxConsoles: 100 },
      // This team needs only a phone number and an activation code: asking for a national ID waits for a lead.
      guard: { serviceNeedsOnlyPhoneAndActivationCode: true },
    });

  beforeAll(async () => {
    pg = await startTestPostgres();
    files = await hubFiles();
    custodian = new CustodianProcess(files.custody);
    await custodian.start();
    seed = await seedHub(pg.url, {
      users: [
        { username: 'amal', role: 'agent' },
        { username: 'layla', role: 'lead' },
        { username: 'adam', role: 'admin' },
        { username: 'huda', role: 'admin' },
      ],
    });
    const it_ = { actor: 'it:test' };
    for (const d of [agentDesk, leadDesk]) await seed.store.enrolDevice({ fingerprint: d.fingerprint, publicKey: d.publicKeyPem, label: 'desk' }, it_);
    await seed.store.saveChannel({ id: 'tg', kind: 'telegram', name: 'bot', enabled: false, config: {} }, it_);
    const m = preparedMessage('p1', 'chat-1', Date.now(), { contact: { platformUserId: 'u1', displayName: 'Sara' }, maskedText: 'my account is locked' });
    await seed.store.ingest('tg', [m]);
    conversationId = (await seed.store.conversations())[0]!.id;
    hub = await startHubNode({ config: config(), secrets: new CredentialsDirSecrets(files.credentials), log: () => {} });
    await signIn('amal', agentDesk);
    await signIn('layla', leadDesk);
    await signIn('adam', leadDesk);
    await signIn('huda', leadDesk);
    await follow('layla', leadFrames);
    await follow('amal', agentFrames);
  }, 90_000);

  afterAll(async () => {
    await custodian?.stop();
    for (const s of sockets) s.close();
    await hub?.close();
    await api.close();
    await seed?.store.close();
    await pg?.destroy();
  });

  it('keeps the label list (lead and admin only, names masked) and labels conversations for the list filter', async () => {
    const phone = await call('POST', '/v1/labels', 'adam', { name: 'callback 0912 345 6789' });
    expect(phone.status).toBe(200);
    expect(String((phone.body.label as Json).name)).not.toMatch(/345|6789/);
    expect((await call('POST', '/v1/labels', 'amal', { name: 'mine' })).status).toBe(403);
    const vip = await call('POST', '/v1/labels', 'layla', { name: 'VIP' });
    const dup = await call('POST', '/v1/labels', 'adam', { name: '  vip ' });
    expect(dup).toMatchObject({ status: 409, body: { error: 'label_exists' } });
    expect(String(dup.body.message)).toMatch(/already exists/);
    expect((await call('POST', '/v1/labels', 'adam', { name: '   ' })).status).toBe(400);
    const vipId = (vip.body.label as { id: number }).id;

    expect(await call('POST', `/v1/conversations/${conversationId}/labels`, 'amal', { labelIds: [vipId] })).toMatchObject({ status: 200, body: { labelIds: [vipId] } });
    expect((await call('POST', `/v1/conversations/${conversationId}/labels`, 'amal', { labelIds: [vipId, 987_654] })).status).toBe(404);
    const filtered = await call('GET', `/v1/conversations?label=${vipId}`, 'amal');
    expect((filtered.body.conversations as Array<{ id: number; labelIds: number[] }>).map((c) => [c.id, c.labelIds])).toEqual([[conversationId, [vipId]]]);
    const other = (phone.body.label as { id: number }).id;
    expect((await call('GET', `/v1/conversations?label=${other}`, 'amal')).body.conversations).toEqual([]);
    expect((await call('GET', '/v1/conversations?label=abc', 'amal')).status).toBe(400);
    await until(() => agentFrames.find((f) => f.kind === 'conversation.labels'), 'the agent sees the labels set');
    await until(() => agentFrames.filter((f) => f.kind === 'label.updated').length === 2 || null, 'the agent sees the label list');
  });

  it('keeps canned replies for the team: the administrator writes them, a duplicate shortcut is refused, every agent sees them live', async () => {
    const hello = await call('POST', '/v1/canned-replies', 'adam', { shortcut: 'hello', title: 'Greeting', body: 'Hello! Call us on +98 912 345 6789.' });
    expect(hello.status).toBe(200);
    expect(String((hello.body.cannedReply as Json).body)).not.toContain('345 6789');
    expect(await call('POST', '/v1/canned-replies', 'huda', { shortcut: 'HELLO', title: 'Other', body: 'replaced?' })).toMatchObject({ status: 409, body: { error: 'canned_shortcut_taken' } });
    expect((await call('POST', '/v1/canned-replies', 'amal', { shortcut: 'x', title: 'x', body: 'x' })).status).toBe(403);
    expect((await call('POST', '/v1/canned-replies', 'adam', { shortcut: 'no spaces', title: 'x', body: 'x' })).body).toMatchObject({ error: 'canned_bad_shortcut' });
    const list = await call('GET', '/v1/canned-replies', 'amal');
    expect((list.body.cannedReplies as Array<{ shortcut: string; title: string }>).map((c) => [c.shortcut, c.title])).toEqual([['hello', 'Greeting']]);
    await until(() => agentFrames.find((f) => f.kind === 'canned.updated'), 'the agent sees the canned reply');
  });

  it("refuses a reply longer than the channel's platform accepts (Instagram: 1,000 bytes) or blank, before queuing it", async () => {
    await seed.store.saveChannel({ id: 'ig', kind: 'instagram', name: 'shop', enabled: false, config: {} }, { actor: 'it:test' });
    await seed.store.ingest('ig', [
      preparedMessage('ig-1', 'igsid-1', Date.now(), { contact: { platformUserId: 'igsid-1' }, maskedText: 'سلام' }),
    ]);
    const ig = (await seed.store.conversations()).find((c) => c.channelId === 'ig')!.id;
    const outbound = async () => (await seed.store.q.get<{ n: number }>("SELECT count(*) AS n FROM messages WHERE direction = 'out'"))!.n;
    const before = await outbound();
    const long = await call('POST', `/v1/conversations/${ig}/replies`, 'amal', { clientId: 'too-long-1', text: 'س'.repeat(501), seenSeq: 1_000_000 });
    expect(long).toMatchObject({ status: 422, body: { error: 'reply_bad_text' } });
    expect(String(long.body.message)).toMatch(/Instagram accepts replies of at most 1,000 bytes; this one has 1,002/);
    const blank = await call('POST', `/v1/conversations/${conversationId}/replies`, 'amal', { clientId: 'blank-reply-1', text: ' \n ', seenSeq: 1_000_000 });
    expect(blank).toMatchObject({ status: 422, body: { error: 'reply_bad_text' } });
    expect(await outbound()).toBe(before);
  });

  it('holds a reply that asks for a one-time code, alerts the lead live, and nobody can approve it', async () => {
    const codeAsk = 'Please send me the 6-digit code we just texted you.';
    const r = await call('POST', `/v1/conversations/${conversationId}/replies`, 'amal', { clientId: 'code-ask-1', text: codeAsk, seenSeq: 1_000_000 });
    expect(r).toMatchObject({ status: 422, body: { error: 'reply_blocked' } });
    const alert = await until(() => leadFrames.find((f) => f.kind === 'alert.raised'), 'the lead sees the alert');
    expect(alert.payload).toMatchObject({ kind: 'reply_secret_request', conversationId, details: { agent: 'amal' } });
    expect(JSON.stringify(alert.payload)).not.toContain('code we just texted');
    expect((await call('POST', `/v1/conversations/${conversationId}/reply-approvals`, 'amal', { text: codeAsk })).body).toMatchObject({ error: 'guard_not_approvable' });
    expect((await call('POST', `/v1/conversations/${conversationId}/reply-approvals`, 'amal', { text: 'Thanks, we are on it.' })).body).toMatchObject({ error: 'not_blocked' });

    const alerts = await call('GET', '/v1/alerts?open=1', 'layla');
    const [a] = alerts.body.alerts as Array<{ id: number }>;
    expect((await call('GET', '/v1/alerts', 'amal')).status).toBe(403);
    expect((await call('POST', `/v1/alerts/${a!.id}/acknowledge`, 'layla')).body).toMatchObject({ alert: { acknowledgedBy: 'layla' } });
    expect(await call('POST', `/v1/alerts/${a!.id}/acknowledge`, 'adam')).toMatchObject({ status: 409, body: { error: 'alert_acknowledged' } });
    await until(() => leadFrames.find((f) => f.kind === 'alert.acknowledged'), 'the lead sees the acknowledgement');
  });

  it('sends a held reply once, after a lead on another desk approves that exact text', async () => {
    const idAsk = 'To finish, please send me your national ID number.';
    const base = `/v1/conversations/${conversationId}`;
    const held = await call('POST', `${base}/replies`, 'amal', { clientId: 'id-ask-0', text: idAsk, seenSeq: 1_000_000 });
    expect(held).toMatchObject({ status: 422, body: { error: 'reply_blocked' } });
    expect(String(held.body.message)).toMatch(/ask for an approval/);

    const asked = await call('POST', `${base}/reply-approvals`, 'amal', { text: idAsk });
    expect(asked.status).toBe(200);
    const approval = asked.body.approval as { id: number; state: string; maskedText: string };
    expect(approval.state).toBe('pending');
    const seen = await until(() => leadFrames.find((f) => f.kind === 'reply_approval.requested'), "the lead's console sees the request");
    expect(seen.payload).toMatchObject({ id: approval.id, maskedText: approval.maskedText });
    expect((await call('GET', '/v1/reply-approvals/pending', 'layla')).body.approvals).toEqual([expect.objectContaining({ id: approval.id })]);

    // Before a decision, and with the agent's own hands, nothing goes out.
    expect((await call('POST', `${base}/replies`, 'amal', { clientId: 'id-ask-1', text: idAsk, seenSeq: 1_000_000, approvalId: approval.id })).body).toMatchObject({ error: 'guard_approval_invalid' });
    expect((await call('POST', `/v1/reply-approvals/${approval.id}/decide`, 'amal', { approve: true })).status).toBe(403);

    expect((await call('POST', `/v1/reply-approvals/${approval.id}/decide`, 'layla', { approve: true })).body).toMatchObject({ approval: { state: 'approved' } });
    await until(() => agentFrames.find((f) => f.kind === 'reply_approval.decided'), 'the agent hears of the decision');
    expect((await call('GET', `/v1/reply-approvals/${approval.id}`, 'amal')).body).toMatchObject({ approval: { state: 'approved' } });

    // Another text under the same approval is refused; the exact text goes once.
    const edited = await call('POST', `${base}/replies`, 'amal', { clientId: 'id-ask-2', text: `${idAsk} Also your card.`, seenSeq: 1_000_000, approvalId: approval.id });
    expect(edited.status).toBe(409);
    const sent = await call('POST', `${base}/replies`, 'amal', { clientId: 'id-ask-3', text: idAsk, seenSeq: 1_000_000, approvalId: approval.id });
    expect(sent).toMatchObject({ status: 200, body: { duplicate: false } });
    expect((await call('POST', `${base}/replies`, 'amal', { clientId: 'id-ask-3', text: idAsk, seenSeq: 1_000_000, approvalId: approval.id })).body).toMatchObject({ duplicate: true });
    expect((await call('POST', `${base}/replies`, 'amal', { clientId: 'id-ask-4', text: idAsk, seenSeq: 1_000_000, approvalId: approval.id })).body).toMatchObject({ error: 'guard_approval_invalid' });
    const out = await seed.store.q.all<{ n: number }>("SELECT COUNT(*)::int AS n FROM messages WHERE direction = 'out'");
    expect(out).toEqual([{ n: 1 }]);

    // A lead never approves their own held reply.
    const own = await call('POST', `${base}/reply-approvals`, 'layla', { text: idAsk });
    expect((await call('POST', `/v1/reply-approvals/${(own.body.approval as { id: number }).id}/decide`, 'layla', { approve: true })).body).toMatchObject({ error: 'self_approval' });
    const trail = await seed.store.q.all<{ action: string; details: string }>("SELECT action, details FROM audit WHERE action LIKE 'guard.reply.%' ORDER BY seq");
    expect(trail.map((e) => e.action)).toEqual(
      expect.arrayContaining(['guard.reply.blocked', 'guard.reply.approval_requested', 'guard.reply.approved', 'guard.reply.sent_with_approval']),
    );
    expect(JSON.stringify(trail)).not.toContain('national ID');
  });

  it("gives the lead a review queue and keeps a masked quality comment", async () => {
    expect((await call('POST', `/v1/conversations/${conversationId}/status`, 'amal', { status: 'resolved' })).status).toBe(200);
    const q = await call('GET', '/v1/review/queue', 'layla');
    expect((q.body.items as Array<{ conversation: { id: number }; review: unknown }>).map((i) => [i.conversation.id, i.review])).toEqual([[conversationId, null]]);
    expect((await call('GET', '/v1/review/queue', 'amal')).status).toBe(403);
    const bad = await call('POST', `/v1/conversations/${conversationId}/review`, 'layla', { score: 7, comment: 'x' });
    expect(bad).toMatchObject({ status: 400, body: { error: 'score_invalid' } });
    const scored = await call('POST', `/v1/conversations/${conversationId}/review`, 'layla', { score: 4, comment: 'Good; she gave 0912 345 6789 in chat, fine.' });
    expect(scored.status).toBe(200);
    expect(String((scored.body.review as Json).comment)).not.toContain('345 6789');
    expect(((await call('GET', '/v1/review/queue', 'layla')).body.items as Array<{ review: { score: number } }>)[0]!.review.score).toBe(4);
    await until(() => leadFrames.find((f) => f.kind === 'review.scored'), 'the lead sees the score');
    expect(agentFrames.find((f) => f.kind === 'review.scored' || f.kind.startsWith('alert.'))).toBeUndefined();
  });

  it('masks a phone number typed into any staff text, in Latin, Arabic-Indic or Persian digits, with any separators (property)', async () => {
    const DIGITS = { latin: '0123456789', arabic: '٠١٢٣٤٥٦٧٨٩', persian: '۰۱۲۳۴۵۶۷۸۹' } as const;
    const toLatin = (s: string) => s.replace(/[٠-٩۰-۹]/g, (d) => String(DIGITS.arabic.indexOf(d) >= 0 ? DIGITS.arabic.indexOf(d) : DIGITS.persian.indexOf(d)));
    const phone = fc.record({
      // Iranian mobile numbers (operator prefixes the masking detector knows), any subscriber digits.
      digits: fc
        .tuple(fc.constantFrom('0912', '0919', '0935', '0936', '0990', '0901', '0921'), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 }))
        .map(([prefix, rest]) => `${prefix}${rest.join('')}`),
      script: fc.constantFrom<keyof typeof DIGITS>('latin', 'arabic', 'persian'),
      sep: fc.constantFrom(' ', '-', ''),
      words: fc.constantFrom(['call back on', 'today'], ['اتصل على', 'بعد الظهر'], ['تماس با', 'لطفا'], ['whatsapp', 'asap']),
    });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(phone, async ({ digits, script, sep, words }) => {
        const written = [digits.slice(0, 4), digits.slice(4, 7), digits.slice(7)].map((g) => [...g].map((d) => DIGITS[script][Number(d)]).join('')).join(sep);
        const text = `${words[0]} ${written} ${words[1]}`;
        const leaked = (out: unknown) => toLatin(String(out)).replace(/[\s-]/g, '').includes(digits.slice(0, 9));
        n++;
        const label = await call('POST', '/v1/labels', 'layla', { name: `${n} ${text}` });
        const canned = await call('POST', '/v1/canned-replies', 'adam', { shortcut: `p${n}`, title: 'Callback', body: text });
        const review = await call('POST', `/v1/conversations/${conversationId}/review`, 'layla', { score: 3, comment: text });
        expect([label.status, canned.status, review.status]).toEqual([200, 200, 200]);
        expect(leaked((label.body.label as Json).name)).toBe(false);
        expect(leaked((canned.body.cannedReply as Json).body)).toBe(false);
        expect(leaked((review.body.review as Json).comment)).toBe(false);
      }),
      { numRuns: 25 },
    );
  });

  it('resets a second factor only when a second administrator confirms', async () => {
    const amal = seed.ids.amal!;
    await seed.store.updateUser(amal, { totpSecret: 'JBSWY3DPEHPK3PXP' }, { actor: 'it:test', action: 'user.second_factor_enrolled' });
    await signIn('amal', agentDesk);
    const asked = await call('POST', `/v1/admin/users/${amal}`, 'adam', { resetSecondFactor: true });
    expect(asked.status).toBe(200);
    const request = asked.body.factorReset as { id: number };
    expect((await seed.store.userById(amal))!.totpSecret).toBe('JBSWY3DPEHPK3PXP');
    expect((await call('GET', '/v1/admin/factor-resets', 'huda')).body.requests).toEqual([expect.objectContaining({ id: request.id, userId: amal })]);
    expect(await call('POST', `/v1/admin/factor-resets/${request.id}/confirm`, 'adam')).toMatchObject({ status: 403, body: { error: 'reset_request_same_admin' } });
    expect((await call('POST', `/v1/admin/factor-resets/${request.id}/confirm`, 'layla')).status).toBe(403);
    expect((await call('POST', `/v1/admin/factor-resets/${request.id}/confirm`, 'huda')).status).toBe(200);
    expect((await seed.store.userById(amal))!.totpSecret).toBeNull();
    expect((await call('GET', '/v1/me', 'amal')).status).toBe(401);
    const trail = await seed.store.q.all<{ actor: string; action: string }>("SELECT actor, action FROM audit WHERE action LIKE 'user.second_factor_reset%' ORDER BY seq");
    expect(trail).toEqual([
      { actor: 'adam', action: 'user.second_factor_reset_requested' },
      { actor: 'huda', action: 'user.second_factor_reset' },
    ]);
    expect((await seed.store.verifyAudit()).broken).toBeNull();
  });
});
