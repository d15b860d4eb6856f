import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { HubAccounts } from '../../main/hub/accounts';
import { EMBEDDED_HUB_DATABASE, EMBEDDED_HUB_DIR } from '../../main/hub/embedded';
import { HubStore, sqliteExecutor } from '../../main/hub/store';
import { tmpDir } from '../helpers/tmp';
import { embeddedHubConfigFile, hubFiles, type HubFiles } from './harness';
import { preparedMessage } from './prepared-message';

const DAY = 24 * 60 * 60 * 1000;

async function cli(args: string[], env: Record<string, string>, stdin = ''): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const sink = new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) });
  const code = await runCli(args, { stdin: Readable.from(stdin ? [stdin] : []), stdout: sink, stderr: sink, env });
  return { code, out: out.join('') };
}

/** Old and new customers on channel `support` of the hub database in `file`. */
async function seed(file: string): Promise<void> {
  const store = new HubStore(sqliteExecutor(file), Date.now);
  try {
    const old = Date.now() - 90 * DAY;
    await store.ingest('support', [preparedMessage('o1', 'old', old, { contact: { platformUserId: 'u-old', displayName: 'Olga' }, maskedText: 'old question' })]);
    await store.ingest('support', [
      preparedMessage('n1', 'new', Date.now() - DAY, { contact: { platformUserId: 'u-new', displayName: 'Nima' }, maskedText: 'my number is ⟦PHONE·…19⟧' }),
    ]);
  } finally {
    await store.close();
  }
}

/** IT honours a customer's erasure or export request and sets retention on a hub from its host (`--config`). */
describe('diwan hub customer | retention', () => {
  let files: HubFiles;
  let config: string;
  const run = (args: string[]) => cli(['hub', ...args, '--config', config], { CREDENTIALS_DIRECTORY: files.credentials, USER: 'ops' });

  beforeAll(async () => {
    files = await hubFiles();
    config = embeddedHubConfigFile(files, 'data.json');
    expect((await run(['migrate'])).code).toBe(0);
    expect((await run(['channel', 'add', '--id', 'support', '--kind', 'telegram', '--name', 'Support'])).code).toBe(0);
    await seed(path.join(files.dir, 'hub.sqlite'));
  });

  it('exports one customer to a new file only, erases with --yes only, and says what is unknown', async () => {
    const out = path.join(files.dir, 'nima.json');
    expect(await run(['customer', 'export', '--channel', 'support', '--user', 'u-new', '--out', out])).toMatchObject({ code: 0, out: expect.stringMatching(/masked text/) });
    const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(doc).toMatchObject({ format: 'diwan-hub-customer-export/1', contact: { platformUserId: 'u-new', displayName: 'Nima' } });
    expect(doc.conversations[0].messages[0].text).toBe('my number is ⟦PHONE·…19⟧');
    expect((fs.statSync(out).mode & 0o777).toString(8)).toBe('600');
    expect(await run(['customer', 'export', '--channel', 'support', '--user', 'u-new', '--out', out])).toMatchObject({ code: 1, out: expect.stringMatching(/already exists/) });

    expect(await run(['customer', 'erase', '--channel', 'support', '--user', 'u-new'])).toMatchObject({ code: 1, out: expect.stringMatching(/add --yes/) });
    expect(await run(['customer', 'erase', '--channel', 'support', '--user', 'u-new', '--yes'])).toMatchObject({ code: 0, out: expect.stringMatching(/Erased contact \d+ \(support\): 1 conversations, 1 messages/) });
    expect(await run(['customer', 'erase', '--channel', 'support', '--user', 'u-new', '--yes'])).toMatchObject({ code: 1, out: expect.stringMatching(/no customer "u-new".*nothing was changed/) });
    expect(await run(['customer', 'erase', '--contact', 'x1', '--yes'])).toMatchObject({ code: 1, out: expect.stringMatching(/contact id is a number/) });
  });

  it('sets, shows and applies a channel policy on demand, audited under IT', async () => {
    expect(await run(['retention', '--channel', 'support', '--mode', 'all', '--days', '0'])).toMatchObject({ code: 1, out: expect.stringMatching(/at least 1/) });
    expect(await run(['retention', '--channel', 'nope', '--mode', 'all', '--days', '30'])).toMatchObject({ code: 1, out: expect.stringMatching(/no channel "nope"/) });
    expect(await run(['retention', '--channel', 'support', '--mode', 'all', '--days', '30'])).toMatchObject({ code: 0, out: expect.stringMatching(/support: all after 30 days/) });
    expect((await run(['retention', '--show'])).out).toMatch(/support\tall after 30 days\t\(set by it:ops\)/);
    expect(await run(['retention'])).toMatchObject({ code: 0, out: expect.stringMatching(/support: 1 messages, 1 conversations and 1 contacts deleted/) });
    expect(await run(['retention'])).toMatchObject({ code: 0, out: expect.stringMatching(/support: 0 messages, 0 conversations/) });
  });
});

/** `diwan db retention|erase|export` in a data folder that runs the console's built-in hub: on the hub's store, by one of its administrators. */
describe('diwan db in an embedded-hub data folder', () => {
  let dataDir: string;
  const env = { DIWAN_EMBEDDED: 'hub', DIWAN_KEYCHAIN_SERVICE: 'diwan-test-customer-data' };
  const db = (args: string[], stdin = '') => cli(['db', ...args, '--data-dir', dataDir], env, stdin);

  beforeAll(async () => {
    dataDir = tmpDir('embedded-data-');
    fs.mkdirSync(path.join(dataDir, EMBEDDED_HUB_DIR), { recursive: true });
    const file = path.join(dataDir, EMBEDDED_HUB_DIR, EMBEDDED_HUB_DATABASE);
    const store = new HubStore(sqliteExecutor(file), Date.now);
    try {
      await store.migrate();
      await store.saveChannel({ id: 'support', kind: 'telegram', name: 'Support', config: {}, enabled: true }, { actor: 'test' });
      const accounts = new HubAccounts(store, { now: Date.now, idleMs: 60_000, requireTwoFactor: false });
      await accounts.createUser({ username: 'salma', displayName: 'Salma', role: 'admin', password: 'correct horse battery staple 1' }, { actor: 'test' });
      await accounts.createUser({ username: 'amal', displayName: 'Amal', role: 'agent', password: 'correct horse battery staple 2' }, { actor: 'test' });
    } finally {
      await store.close();
    }
    await seed(file);
  });

  it('needs an administrator of the hub, then erases, exports and applies retention there (no longer refused)', async () => {
    expect(await db(['erase', '--channel', 'support', '--user', 'u-new', '--yes'])).toMatchObject({ code: 1, out: expect.stringMatching(/needs an administrator of this computer's hub/) });
    expect(await db(['erase', '--channel', 'support', '--user', 'u-new', '--yes', '--admin', 'salma'], 'wrong password\n')).toMatchObject({ code: 1, out: expect.stringMatching(/do not match an active account/) });
    expect(await db(['erase', '--channel', 'support', '--user', 'u-new', '--yes', '--admin', 'amal'], 'correct horse battery staple 2\n')).toMatchObject({ code: 1, out: expect.stringMatching(/not an administrator/) });

    const out = path.join(dataDir, 'export.json');
    expect(await db(['export', '--channel', 'support', '--user', 'u-new', '--out', out, '--admin', 'salma'], 'correct horse battery staple 1\n')).toMatchObject({ code: 0 });
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).originals).toMatch(/Masked text only/);
    expect(await db(['erase', '--channel', 'support', '--user', 'u-new', '--yes', '--admin', 'salma'], 'correct horse battery staple 1\n')).toMatchObject({ code: 0, out: expect.stringMatching(/Erased contact/) });
    expect(await db(['retention', '--channel', 'support', '--mode', 'all', '--days', '30', '--admin', 'salma'], 'correct horse battery staple 1\n')).toMatchObject({ code: 0 });
    expect(await db(['retention', '--admin', 'salma'], 'correct horse battery staple 1\n')).toMatchObject({ code: 0, out: expect.stringMatching(/support: 1 messages, 1 conversations/) });

    // The hub's trail: the refusals, the erase and the export under the administrator's name, intact.
    const store = new HubStore(sqliteExecutor(path.join(dataDir, EMBEDDED_HUB_DIR, EMBEDDED_HUB_DATABASE)), Date.now);
    try {
      const trail = await store.q.all<{ actor: string; action: string }>("SELECT actor, action FROM audit WHERE action IN ('signin.refused', 'customer.erase', 'customer.export', 'retention.policy', 'retention.run') ORDER BY seq");
      expect(trail).toEqual([
        { actor: 'salma', action: 'signin.refused' },
        { actor: 'amal', action: 'signin.refused' },
        { actor: 'cli:salma', action: 'customer.export' },
        { actor: 'cli:salma', action: 'customer.erase' },
        { actor: 'cli:salma', action: 'retention.policy' },
        { actor: 'cli:salma', action: 'retention.run' },
      ]);
      expect((await store.verifyAudit()).broken).toBeNull();
    } finally {
      await store.close();
    }
  });
});
