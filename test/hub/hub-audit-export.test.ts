import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { openCore, type Core } from '../../main/core/app';
import { newSessionSlot } from '../../main/core/auth';
import { createMainDispatch, type CallContext } from '../../main/ipc';
import { startEmbeddedHub } from '../../main/hub/embedded';
import { testKeychain } from '../helpers/keychain';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { tmpDir } from '../helpers/tmp';
import { embeddedHubConfigFile, hubFiles, PASSWORD } from './harness';

async function cli(args: string[], env: Record<string, string>, stdin = '') {
  const out: string[] = [];
  const sink = new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) });
  const code = await runCli(args, { stdin: Readable.from(stdin ? [stdin] : []), stdout: sink, stderr: sink, env });
  return { code, out: out.join('') };
}

const entryLines = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as { type: string; seq?: number; action?: string; prevHash?: string; hash?: string });

/**
 * Issue 16: the hub's trail leaves for the SIEM in the single-seat export's format, checked by the same
 * `diwan audit verify-export` — from a data folder's built-in hub (`diwan audit export`) and from a team hub
 * (`diwan hub audit export --config`), on SQLite and PostgreSQL. `audit acknowledge` names what to do instead.
 */
describe("exports of a hub's audit trail", () => {
  let pg: TestPostgres;
  beforeAll(async () => {
    pg = await startTestPostgres();
  }, 120_000);
  afterAll(async () => {
    await pg?.destroy();
  });

  it('exports a built-in hub folder’s trail, signed and verifiable, from a position; a changed file fails; acknowledge says what instead', async () => {
    const dataDir = tmpDir();
    const { keychain, service } = testKeychain();
    const core: Core = await openCore({ dataDir, keychain, keychainService: service, embedded: 'hub', embeddedHub: (o, source) => startEmbeddedHub(o, source) });
    try {
      await core.ready();
      const dispatch = createMainDispatch(core);
      const ctx: CallContext = { trustedSender: true, session: newSessionSlot() };
      expect(await dispatch('createAdmin' as never, { username: 'salma', displayName: 'Salma', password: PASSWORD } as never, ctx)).toMatchObject({ ok: true });
    } finally {
      await core.closeAndWait();
    }
    const env = { DIWAN_KEYCHAIN_SERVICE: service };
    const out = tmpDir();
    const file = path.join(out, 'trail.jsonl');
    const r = await cli(['audit', 'export', '--out', file, '--data-dir', dataDir], env);
    expect(r.out).toMatch(/Wrote (\d+) entries of the hub's trail \(1–\d+\) to .*, signed by device/);
    expect(r.code).toBe(0);
    const lines = entryLines(file);
    const entries = lines.filter((l) => l.type === 'entry');
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(entries.some((e) => e.action === 'user.created')).toBe(true);
    const device = (await cli(['device', 'id', '--json'], env)).out;
    const fingerprint = (JSON.parse(device) as { fingerprint: string }).fingerprint;
    const check = await cli(['audit', 'verify-export', file, '--device', fingerprint], env);
    expect(check.out).toMatch(new RegExp(`The export is intact: ${entries.length} entries`));
    expect(check.code).toBe(0);

    // From a position: only what the SIEM does not have yet, and the export itself is in the trail.
    const next = path.join(out, 'next.jsonl');
    expect((await cli(['audit', 'export', '--out', next, '--since-seq', String(entries.length), '--data-dir', dataDir], env)).code).toBe(0);
    const later = entryLines(next).filter((l) => l.type === 'entry');
    expect(later[0]).toMatchObject({ seq: entries.length + 1, action: 'audit.exported' });
    expect((await cli(['audit', 'verify-export', next], env)).code).toBe(0);

    // A changed line is found, as the SIEM would find it.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"salma"', '"mallory"'));
    const changed = await cli(['audit', 'verify-export', file], env);
    expect(changed.code).toBe(1);
    expect(changed.out).toMatch(/The signature does not match the entries/);

    expect((await cli(['audit', 'export', '--data-dir', dataDir], env)).out).toMatch(/Say where to write the export: `diwan audit export --out FILE`/);
    const ack = await cli(['audit', 'acknowledge', '--ack', file, '--admin', 'salma', '--data-dir', dataDir], env, `${PASSWORD}\n`);
    expect(ack.code).not.toBe(0);
    expect(ack.out).toMatch(/never stops taking entries .* `diwan audit export --out FILE`/s);
  }, 120_000);

  for (const adapter of ['sqlite', 'postgres'] as const) {
    it(`exports a team hub's trail with \`diwan hub audit export --config\` (${adapter})`, async () => {
      const files = await hubFiles();
      const config = embeddedHubConfigFile(files, `${adapter}.json`, adapter === 'postgres' ? { database: { postgres: await pg.newDatabase() } } : {});
      const { service } = testKeychain();
      const env = { CREDENTIALS_DIRECTORY: files.credentials, DIWAN_KEYCHAIN_SERVICE: service };
      expect((await cli(['hub', 'migrate', '--config', config], env)).code).toBe(0);
      expect((await cli(['hub', 'user', 'add', 'amal', '--role', 'agent', '--config', config], env, PASSWORD)).code).toBe(0);
      const file = path.join(files.dir, `${adapter}-trail.jsonl`);
      const r = await cli(['hub', 'audit', 'export', '--out', file, '--config', config], env);
      expect(r.out).toMatch(/Wrote 1 entries of the hub's trail \(1–1\)/);
      expect(entryLines(file)[0]).toMatchObject({ type: 'entry', seq: 1, action: 'user.created' });
      expect((await cli(['audit', 'verify-export', file], env)).out).toMatch(/The export is intact: 1 entries/);
      // The export is recorded in the hub's own trail, chained to what came before.
      const next = path.join(files.dir, `${adapter}-next.jsonl`);
      expect((await cli(['hub', 'audit', 'export', '--out', next, '--since-seq', '1', '--config', config], env)).code).toBe(0);
      expect(entryLines(next)[0]).toMatchObject({ seq: 2, action: 'audit.exported', prevHash: entryLines(file)[0]!.hash });
      expect((await cli(['hub', 'audit', 'export', '--config', config], env)).out).toMatch(/`diwan hub audit export --out FILE`/);
    }, 120_000);
  }
});
