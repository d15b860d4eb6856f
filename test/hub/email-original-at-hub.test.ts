import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../main/core/auth';
import { HubClient, TeamCache } from '../../main/core/team';
import { CredentialsDirSecrets, startHubNode, type RunningHub } from '../../main/hub';
import { shownReveal } from '../../main/ipc/handlers/reveal-view';
import { Dovecot, hubMailboxChannel, rawMail } from '../helpers/mail-servers';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { CustodianProcess } from './custody-fixture';
import { hubFiles, inProcessHubConfig, PASSWORD, seedHub, until, type HubFiles } from './harness';

const CARD = '4111 1111 1111 1111';
const HTML = `<html><body><p onclick="x()">Hello, my card <b>${CARD}</b> was charged twice.</p>
<img src="https://track.example/pixel.gif"><a href="https://acme-refunds.example/claim">Claim refund</a>
<p>Your verification code is 482913.</p><script>alert(document.cookie)</script></body></html>`;

function deviceKey() {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return { publicKeyPem, signer: { fingerprint: fingerprintOf(publicKeyPem), sign: (d: string) => crypto.sign(null, Buffer.from(d, 'utf8'), privateKey).toString('base64') } };
}

/**
 * Team mode: the hub takes an HTML e-mail from a real Dovecot and seals its HTML to the team's public key as the
 * message's whole original; an agent's reveal of it goes the field reveal's way — the lead's device countersigns,
 * the hub signs a grant, the custodian (its own process) checks and logs it and re-seals the HTML to the agent's
 * one-time key — and the console shows the safe view of it.
 */
describe('the HTML original of an e-mail at the hub', () => {
  let pg: TestPostgres;
  let files: HubFiles;
  let custodian: CustodianProcess;
  let imap: Dovecot;
  let hub: RunningHub;
  let seed: Awaited<ReturnType<typeof seedHub>>;
  const agentDevice = deviceKey();
  const leadDevice = deviceKey();
  const clients: HubClient[] = [];

  beforeAll(async () => {
    pg = await startTestPostgres();
    files = await hubFiles();
    files.custody.enrol([agentDevice.signer.fingerprint, leadDevice.signer.fingerprint], ['lina']);
    custodian = new CustodianProcess(files.custody);
    await custodian.start();
    imap = await Dovecot.start({ users: { 'support@acme.test': `hub-mailbox-${crypto.randomBytes(6).toString('hex')}` } });
    seed = await seedHub(pg.url, { users: [{ username: 'amal', role: 'agent' }, { username: 'lina', role: 'lead' }] });
    for (const [d, label] of [[agentDevice, 'agent desk'], [leadDevice, 'lead desk']] as const) {
      await seed.store.enrolDevice({ fingerprint: d.signer.fingerprint, publicKey: d.publicKeyPem, label }, { actor: 'it:test' });
    }
    fs.writeFileSync(path.join(files.credentials, 'mail.token'), JSON.stringify({ username: imap.user, password: imap.password }), { mode: 0o400 });
    await seed.store.saveChannel(hubMailboxChannel(imap, 9), { actor: 'it:test' });
    await imap.append([rawMail({ from: 'Layla Haddad <layla@customer.test>', subject: 'Charged twice', messageId: 'h1@customer.test', html: HTML })]);
    hub = await startHubNode({ config: inProcessHubConfig(files, pg.url, { officeRanges: ['127.0.0.1/32'], leaseRetryMs: 200 }), secrets: new CredentialsDirSecrets(files.credentials), log: () => {} });
  }, 90_000);

  afterAll(async () => {
    for (const c of clients) await c.stop();
    await hub?.close();
    await imap?.stop();
    await custodian?.stop();
    await seed?.store.close();
    await pg?.destroy();
  });

  async function console(username: string, device: ReturnType<typeof deviceKey>): Promise<HubClient> {
    const client = new HubClient({ url: hub.url, pin: files.pin, device: device.signer, cache: new TeamCache(path.join(files.dir, `cache-${username}.sqlite`), crypto.randomBytes(32)) });
    clients.push(client);
    await client.signIn(username, PASSWORD);
    return client;
  }

  it('seals the HTML as the last field, and opens it only through a countersigned grant at the custodian', async () => {
    await until(async () => (await seed.store.conversations({ channels: ['mail'] })).length === 1, 'the mail at the hub', 30_000);
    const [conversation] = await seed.store.conversations({ channels: ['mail'] });
    const [message] = await seed.store.messages(conversation!.id);
    expect(message!.maskedText).not.toContain(CARD);
    const original = message!.fields.find((f) => f.type === 'ORIGINAL')!;
    expect(original).toMatchObject({ n: message!.fields.length - 1, shown: '' });
    const sealed = await seed.store.q.get<{ sealed: Buffer }>('SELECT sealed FROM message_fields WHERE message_id = ? AND n = ?', [message!.id, original.n]);
    expect(sealed!.sealed.toString('latin1')).not.toMatch(/track\.example|4111|<script/);

    const agent = await console('amal', agentDevice);
    const lead = await console('lina', leadDevice);
    const asked = (await agent.call('POST', '/v1/reveals', { messageId: message!.id, field: original.n, reason: 'Customer says the refund link in the mail is ours' })) as { reveal: { id: number; state: string }; type: string };
    expect(asked).toMatchObject({ reveal: { state: 'pending' }, type: 'ORIGINAL' });
    await expect(agent.openReveal(asked.reveal.id)).rejects.toMatchObject({ code: 'reveal_not_granted' });
    await lead.decideReveal(asked.reveal.id, true);

    const opened = await agent.openReveal(asked.reveal.id);
    expect(opened.type).toBe('ORIGINAL');
    // The console's main process receives the HTML as the customer's mail carried it.
    expect(opened.value).toContain(`<p onclick="x()">Hello, my card <b>${CARD}</b> was charged twice.</p>`);
    expect(opened.value).toContain('<script>alert(document.cookie)</script>');
    // What the console's main process hands its renderer: the safe view, never the sender's markup.
    const view = shownReveal({ fieldType: opened.type, value: opened.value }).value;
    expect(view).toContain(CARD);
    expect(view).toContain('Claim refund</span> <span class="href">&lt;https://acme-refunds.example/claim&gt;</span>');
    expect(view).not.toMatch(/482913|<script|<img|onclick|track\.example/);

    // The custodian logged the opening (with the type the hub cannot relabel: it is bound into the sealed blob).
    await until(() => fs.readFileSync(path.join(files.custody.dir, 'custodian.log'), 'utf8').includes('"ORIGINAL"'), 'the custodian\'s log entry', 5_000);
    const log = fs.readFileSync(path.join(files.custody.dir, 'custodian.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(log.filter((e) => e.type === 'ORIGINAL').map((e) => e.event)).toContain('reveal.opened');
    const audit = await seed.store.q.all<{ action: string; actor: string }>("SELECT action, actor FROM audit WHERE action LIKE 'reveal.%' ORDER BY seq");
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['reveal.requested', 'reveal.approved', 'reveal.read']));
  }, 60_000);
});
