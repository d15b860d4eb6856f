import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { privateKeyFromPem } from '../../main/core/policy';
import type { RunningCustodian } from '../../main/custodian';
import { CustodianLink } from '../../main/hub/custodian-link';
import { HubStore, postgresExecutor } from '../../main/hub/store';
import { auditHead, hubRoleGrants } from '../../main/hub/store/custody';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { startTestCustodian } from '../hub/custody-fixture';
import { hubFiles, type HubFiles } from '../hub/harness';

function cli() {
  const out: string[] = [];
  const sink = new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) });
  return { io: { stdin: Readable.from([]), stdout: sink, stderr: sink, env: { CREDENTIALS_DIRECTORY: '' } as NodeJS.ProcessEnv }, out: () => out.join('') };
}

/**
 * The hub's audit trail in PostgreSQL: the hub's role may only INSERT into it, and its head is checkpointed at the
 * custodian, so a database administrator (who can do anything) rewriting history consistently is still found by
 * `diwan hub audit verify`.
 */
describe("the hub's audit trail against its database administrator", () => {
  let pg: TestPostgres;
  let ownerUrl: string;
  let owner: HubStore;
  let app: HubStore;
  let files: HubFiles;
  let custodian: RunningCustodian;
  let link: CustodianLink;
  let configFile: string;

  const verify = async () => {
    const c = cli();
    c.io.env.CREDENTIALS_DIRECTORY = files.credentials;
    const code = await runCli(['hub', 'audit', 'verify', '--config', configFile], c.io);
    return { code, out: c.out() };
  };

  beforeAll(async () => {
    pg = await startTestPostgres();
    ownerUrl = await pg.newDatabase();
    owner = new HubStore(postgresExecutor({ connectionString: ownerUrl, max: 2 }), Date.now);
    await owner.migrate();
    await owner.q.run('CREATE ROLE hub_app LOGIN');
    for (const sql of hubRoleGrants('hub_app')) await owner.q.run(sql);
    const appUrl = new URL(ownerUrl);
    appUrl.username = 'hub_app';
    app = new HubStore(postgresExecutor({ connectionString: appUrl.toString(), max: 2 }), Date.now);
    files = await hubFiles();
    custodian = await startTestCustodian(files.custody);
    link = new CustodianLink({ url: custodian.url, pin: custodian.pin, team: 'acme', grantKey: privateKeyFromPem(files.custody.grantKeyPem, 'grant key'), now: Date.now });
    configFile = path.join(files.dir, 'hub.json');
    fs.writeFileSync(
      configFile,
      JSON.stringify({
        nodeId: 'n1',
        team: 'acme',
        database: { postgres: appUrl.toString() },
        listen: { host: '127.0.0.1', port: 0 },
        tls: { certFile: files.certFile },
        custodian: { url: custodian.url, pin: custodian.pin },
        officeRanges: ['127.0.0.0/8'],
        secrets: { source: 'credentials' },
      }),
    );
  }, 60_000);

  afterAll(async () => {
    await link?.close();
    await custodian?.close();
    await app?.close();
    await owner?.close();
    await pg?.destroy();
  });

  it('runs under a role that may add audit entries but never change or remove one', async () => {
    await app.saveChannel({ id: 'tg', kind: 'telegram', name: 'bot', enabled: false, config: {} }, { actor: 'it:test' });
    for (let i = 0; i < 5; i++) await app.audit({ actor: 'amal', action: 'conversation.opened', target: `conversation:${i}` });
    expect((await app.verifyAudit()).entries).toBe(6);
    await expect(app.q.run("UPDATE audit SET actor = 'someone' WHERE seq = 2")).rejects.toThrow(/permission denied/);
    await expect(app.q.run('DELETE FROM audit WHERE seq = 6')).rejects.toThrow(/permission denied/);
    await expect(app.q.run('TRUNCATE audit')).rejects.toThrow(/permission denied/);
    expect((await app.verifyAudit()).entries).toBe(6);
  });

  it('checkpoints its head at the custodian; verify agrees while nothing changed', async () => {
    await link.checkpoint(await auditHead(app));
    expect(await link.lastCheckpoint()).toEqual(await auditHead(app));
    const r = await verify();
    expect(r.out).toMatch(/intact, 6 entries; matches the custodian's checkpoint at entry 6/);
    expect(r.code).toBe(0);
  });

  it('finds a database administrator who rewrote the whole chain consistently', async () => {
    // The DBA edits entry 3 and recomputes every hash after it: the chain alone verifies.
    await owner.q.run('UPDATE audit SET target = ? WHERE seq = 3', ['conversation:999']);
    const rows = await owner.q.all<{ seq: number; at: number; actor: string; device: string | null; action: string; target: string | null; details: string }>('SELECT * FROM audit ORDER BY seq');
    let prev = '0'.repeat(64);
    for (const r of rows) {
      const hash = crypto.createHash('sha256').update(prev).update(JSON.stringify([Number(r.at), r.actor, r.device, r.action, r.target, r.details])).digest('hex');
      await owner.q.run('UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?', [prev, hash, r.seq]);
      prev = hash;
    }
    expect((await owner.verifyAudit()).broken).toBeNull();
    const r = await verify();
    expect(r.out).toMatch(/TAMPERED: entry 6 does not match the hash checkpointed at the custodian/);
    expect(r.code).toBe(1);
  });

  it('finds a trail cut back below the checkpoint', async () => {
    await owner.q.run('DELETE FROM audit WHERE seq >= 5');
    const r = await verify();
    expect(r.out).toMatch(/TAMPERED: entry 6, checkpointed at the custodian, is missing/);
    expect(r.code).toBe(1);
  });
});
