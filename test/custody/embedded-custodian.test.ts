import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../main/core/auth';
import { HubClient, TeamCache } from '../../main/core/team';
import { EpochKeys } from '../../main/custodian';
import { Readable, Writable } from 'node:stream';
import { runCli } from '../../main/cli/run';
import { HubAccounts, loadHubConfig, openHubStore, OriginalsSealer, startHubNode, type RunningHub } from '../../main/hub';
import { auditHead } from '../../main/hub/store/custody';
import { CredentialsDirSecrets } from '../../main/hub';
import { hubFiles, PASSWORD, type HubFiles } from '../hub/harness';
import { testPolicy } from './policy-fixture';

/**
 * A team on one machine: the hub on SQLite with the custodian in its own process (`custodian: { embedded }`). The
 * same path as a team's — device-signed request, hub-signed grant, the custodian's checks and log, a value sealed to
 * the console's one-time key — with the key-encryption key among the hub's secrets.
 */
describe('the embedded custodian of a one-machine hub', () => {
  let files: HubFiles;
  let hub: RunningHub;
  let client: HubClient;
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const device = { fingerprint: fingerprintOf(publicKeyPem), sign: (d: string) => crypto.sign(null, Buffer.from(d, 'utf8'), privateKey).toString('base64') };
  const kek = crypto.randomBytes(32).toString('base64');
  let config: ReturnType<typeof loadHubConfig>;
  let configPath: string;

  beforeAll(async () => {
    files = await hubFiles();
    fs.writeFileSync(path.join(files.credentials, 'custodian-key-encryption-key'), kek, { mode: 0o400 });
    const policy = testPolicy(files.dir);
    policy.enrol([device.fingerprint]);
    const configFile = path.join(files.dir, 'solo.json');
    fs.writeFileSync(
      configFile,
      JSON.stringify({
        nodeId: 'solo',
        team: 'acme',
        database: { sqlite: path.join(files.dir, 'hub.sqlite') },
        listen: { host: '127.0.0.1', port: 0 },
        tls: { certFile: files.certFile },
        custodian: { embedded: { keysDir: path.join(files.dir, 'custodian-keys'), logFile: path.join(files.dir, 'custodian.log'), policy: { file: policy.file, signers: [policy.signer] } } },
        officeRanges: ['127.0.0.0/8'],
        secrets: { source: 'credentials' },
        auditHeadFile: path.join(files.dir, 'siem-audit-heads.jsonl'),
      }),
    );
    config = loadHubConfig(configFile);
    configPath = configFile;
    const { openHubStore } = await import('../../main/hub');
    const { store } = await openHubStore(config, new CredentialsDirSecrets(files.credentials));
    await store.migrate();
    await new HubAccounts(store, { now: Date.now, idleMs: 60_000, requireTwoFactor: false }).createUser({ username: 'amal', displayName: 'Amal', role: 'agent', password: PASSWORD }, { actor: 'it:test' });
    await store.enrolDevice({ fingerprint: device.fingerprint, publicKey: publicKeyPem, label: 'desk' }, { actor: 'it:test' });
    await store.saveChannel({ id: 'tg', kind: 'telegram', name: 'bot', enabled: false, config: {} }, { actor: 'it:test' });
    await store.close();
    hub = await startHubNode({ config, secrets: new CredentialsDirSecrets(files.credentials), log: () => {} });
    client = new HubClient({ url: hub.url, pin: files.pin, device, cache: new TeamCache(path.join(files.dir, 'cache.sqlite'), crypto.randomBytes(32)) });
    await client.signIn('amal', PASSWORD);
  }, 60_000);

  afterAll(async () => {
    await client?.stop();
    await hub?.close();
  });

  it('seals to its current epoch and opens a granted reveal for the enrolled device only through a grant', async () => {
    // A message ingested by the hub (as its channel would), sealed to the embedded custodian's key.
    const keys = new EpochKeys(path.join(files.dir, 'custodian-keys'), Buffer.from(kek, 'base64'), { months: 1 });
    const [epoch] = keys.epochs();
    const sealer = new OriginalsSealer('acme', () => ({ epoch: epoch!, publicKey: keys.publicKey(epoch!)! }), null);
    await hub.store.ingest('tg', [sealer.prepare({ platformMessageId: 'm1', platformConversationId: 'c1', contact: { platformUserId: 'u1' }, direction: 'in', text: 'رقمي ٠٥٠١٢٣٤٥٦٧', sentAt: Date.now() })]);
    const msg = (await hub.store.q.get<{ id: number }>("SELECT id FROM messages WHERE platform_message_id = 'm1'"))!;
    const asked = (await client.call('POST', '/v1/reveals', { messageId: msg.id, field: 0, reason: 'customer asked for a call back' })).reveal as { id: number };
    expect(await client.openReveal(asked.id)).toMatchObject({ value: '٠٥٠١٢٣٤٥٦٧', type: 'PHONE' });
    expect(fs.readFileSync(path.join(files.dir, 'custodian.log'), 'utf8')).toMatch(/"event":"reveal.opened"/);
    expect(fs.readFileSync(path.join(files.dir, 'hub.sqlite')).includes(Buffer.from('٠٥٠١٢٣٤٥٦٧'))).toBe(false);
  });

  it('checkpoints the audit head at the custodian and in the SIEM file on the way out; verify agrees', async () => {
    await client.stop();
    await hub.close();
    const { store } = await openHubStore(config, new CredentialsDirSecrets(files.credentials));
    const head = await auditHead(store);
    await store.close();
    const lines = fs.readFileSync(path.join(files.dir, 'siem-audit-heads.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { seq: number; hash: string });
    expect(lines.at(-1)).toMatchObject({ seq: head.seq, hash: head.hash });
    const out: string[] = [];
    const sink = new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) });
    const code = await runCli(['hub', 'audit', 'verify', '--config', configPath], { stdin: Readable.from([]), stdout: sink, stderr: sink, env: { CREDENTIALS_DIRECTORY: files.credentials } });
    expect(out.join('')).toMatch(new RegExp(`matches the custodian's checkpoint at entry ${head.seq}`));
    expect(code).toBe(0);
  });
});
