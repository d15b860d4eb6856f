import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { openCore } from '../../main/core/app';
import { newSessionSlot, totpCode } from '../../main/core/auth';
import { testKeychain } from '../helpers/keychain';
import { inbound } from '../helpers/store';
import { tmpDir } from '../helpers/tmp';

function cliFor(service: string) {
  const out: string[] = [];
  const sink = new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) });
  const run = (args: string[], stdin = '') => runCli(args, { stdin: Readable.from([stdin]), stdout: sink, stderr: sink, env: { DIWAN_KEYCHAIN_SERVICE: service } });
  return { run, text: () => out.splice(0).join('') };
}

const PW = 'correct horse battery staple';
/** The administrator's sign-in for the privileged commands: --admin NAME, the password on stdin. */
const ADMIN = ['--admin', 'it-admin'];

async function populated() {
  const { keychain, service } = testKeychain();
  const dataDir = tmpDir();
  const core = await openCore({ embedded: 'store', dataDir, keychain, keychainService: service });
  await core.ready();
  await core.identity.createAdmin(newSessionSlot(), { username: 'it-admin', displayName: 'IT', password: PW });
  core.store.channels.create({ id: 'tg', kind: 'telegram', name: 'bot' });
  core.store.sink.ingest('tg', [inbound(1, { text: 'id 1234567890' }), inbound(2, { contact: { platformUserId: 'u2' }, platformConversationId: 'c2' })]);
  await core.auditTrail.flush();
  core.close();
  const trail = async () => {
    const c = await openCore({ embedded: 'store', dataDir, keychain, keychainService: service });
    try {
      await c.ready();
      return c.auditTrail.list({ limit: 1000 }).map((e) => ({ action: e.action, actor: e.actor, details: e.details }));
    } finally {
      c.close();
    }
  };
  return { dataDir, service, trail, ...cliFor(service) };
}

describe('diwan db', () => {
  it('explains missing subcommands and options', async () => {
    const { run, text, dataDir } = await populated();
    expect(await run(['db'])).toBe(2);
    expect(text()).toMatch(/a subcommand is needed.*backup/s);
    expect(await run(['db', 'backup', '--data-dir', dataDir])).toBe(1);
    expect(text()).toMatch(/^diwan db: Say where to write the archive: --out FILE\.\n$/);
    expect(await run(['db', 'erase', '--contact', '1', '--data-dir', dataDir])).toBe(1);
    expect(text()).toMatch(/cannot be undone: add --yes/);
    expect(await run(['db', 'restore', '--data-dir', dataDir])).toBe(1);
    expect(text()).toMatch(/Name the archive to restore/);
    expect(await run(['db', 'retention', '--channel', 'tg', '--mode', 'forever', '--data-dir', dataDir])).toBe(1);
    expect(text()).toMatch(/--mode keep, --mode originals or --mode all/);
  });

  it('backs up with a passphrase file and restores, refusing a wrong passphrase first', async () => {
    const { run, text, dataDir } = await populated();
    const dir = tmpDir();
    const pass = path.join(dir, 'pass');
    fs.writeFileSync(pass, 'a long disaster passphrase\n');
    const archive = path.join(dir, 'x.backup');
    expect(await run(['db', 'backup', '--out', archive, '--passphrase-file', pass, '--data-dir', dataDir, ...ADMIN], `${PW}\n`)).toBe(0);
    expect(text()).toMatch(/Backup written to .*x\.backup .*passphrase-protected/);

    expect(await run(['db', 'restore', archive, '--passphrase-stdin', '--data-dir', dataDir, ...ADMIN], `${PW}\nwrong passphrase here\n`)).toBe(1);
    expect(text()).toMatch(/passphrase does not open this backup archive\. Nothing was changed/);
    expect(await run(['db', 'restore', '--passphrase-file', pass, archive, '--data-dir', dataDir, ...ADMIN], `${PW}\n`)).toBe(0);
    expect(text()).toMatch(/Restored .*diwan\.sqlite \(schema \d+\)\.\nThe previous database was kept as .*before-restore/);
  });

  it('sets and runs retention, rotates the key, exports and erases a customer', async () => {
    const { run, text, dataDir } = await populated();
    expect(await run(['db', 'retention', '--data-dir', dataDir])).toBe(0);
    expect(text()).toMatch(/No channel has a retention policy/);
    expect(await run(['db', 'retention', '--channel', 'tg', '--mode', 'originals', '--days', '30', '--data-dir', dataDir])).toBe(0);
    expect(text()).toBe('Channel tg: originals after 30 days.\n');
    expect(await run(['db', 'retention', '--data-dir', dataDir])).toBe(0);
    expect(text()).toMatch(/tg: 2 originals deleted \(masked transcript kept\)/);

    expect(await run(['db', 'rotate-key', '--data-dir', dataDir, ...ADMIN], `${PW}\n`)).toBe(0);
    expect(text()).toMatch(/Rotated the data key: now version 2/);

    const out = path.join(tmpDir(), 'customer.json');
    expect(await run(['db', 'export', '--channel', 'tg', '--user', 'u2', '--out', out, '--data-dir', dataDir, ...ADMIN], `${PW}\n`)).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toMatchObject({ format: 'diwan-customer-export/1', contact: { platformUserId: 'u2' } });
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    expect(await run(['db', 'export', '--channel', 'tg', '--user', 'u2', '--out', out, '--data-dir', dataDir, ...ADMIN], `${PW}\n`)).toBe(1);
    expect(text()).toMatch(/already exists/);

    expect(await run(['db', 'erase', '--channel', 'tg', '--user', 'u2', '--yes', '--data-dir', dataDir, ...ADMIN], `${PW}\n`)).toBe(0);
    expect(text()).toMatch(/Erased contact \d+: 1 conversations, 1 messages/);
    expect(await run(['db', 'erase', '--channel', 'tg', '--user', 'u2', '--yes', '--data-dir', dataDir, ...ADMIN], `${PW}\n`)).toBe(1);
    expect(text()).toMatch(/No such customer/);
  });

  it('refuses every privileged command without an administrator\'s sign-in, and audits each refusal; audits the command before it acts', async () => {
    const { run, text, dataDir, trail } = await populated();
    const dir = tmpDir();
    const commands: Array<[string, string[]]> = [
      ['db backup', ['db', 'backup', '--out', path.join(dir, 'b.backup')]],
      ['db restore', ['db', 'restore', path.join(dir, 'missing.backup')]],
      ['db rotate-key', ['db', 'rotate-key']],
      ['db erase', ['db', 'erase', '--channel', 'tg', '--user', 'u2', '--yes']],
      ['db export', ['db', 'export', '--channel', 'tg', '--user', 'u2', '--out', path.join(dir, 'c.json')]],
    ];
    for (const [, args] of commands) {
      expect(await run([...args, '--data-dir', dataDir])).toBe(1);
      expect(text()).toMatch(/needs an administrator: add --admin NAME/);
    }
    // A wrong password is refused the same way (and counts towards the sign-in lock-out, so only twice here).
    for (const [, args] of commands.slice(0, 2)) {
      expect(await run([...args, '--data-dir', dataDir, ...ADMIN], 'not the password\n')).toBe(1);
      expect(text()).toMatch(/sign-in as "it-admin" failed/);
    }
    expect(fs.readdirSync(dir)).toEqual([]);
    const refused = (await trail()).filter((e) => e.action === 'cli.refused');
    for (const [command] of commands) expect(refused).toContainEqual(expect.objectContaining({ actor: 'cli', details: { command, reason: 'no_sign_in' } }));
    for (const [command] of commands.slice(0, 2)) expect(refused).toContainEqual(expect.objectContaining({ actor: 'it-admin', details: { command, reason: 'sign_in_failed' } }));

    expect(await run(['db', 'export', '--channel', 'tg', '--user', 'u2', '--out', path.join(dir, 'ok.json'), '--data-dir', dataDir, ...ADMIN], `${PW}\n`)).toBe(0);
    const actions = (await trail()).map((e) => e.action);
    // The command is on the record before it acts, and the export itself is recorded (both flushed before exit).
    expect(actions.slice(-2)).toEqual(['cli.admin_command', 'customer.export']);
  });

  it('asks an administrator with two-step sign-in for her code on the next line of stdin', async () => {
    const { keychain, service } = testKeychain();
    const dataDir = tmpDir();
    const core = await openCore({ embedded: 'store', dataDir, keychain, keychainService: service });
    await core.ready();
    const slot = newSessionSlot();
    await core.identity.createAdmin(slot, { username: 'it-admin', displayName: 'IT', password: PW });
    const session = core.identity.requireSession(slot);
    const secret = new URL((await core.identity.beginTotpEnrolment(session)).otpauthUri).searchParams.get('secret')!;
    await core.identity.confirmTotpEnrolment(session, totpCode(secret, Date.now()));
    core.store.channels.create({ id: 'tg', kind: 'telegram', name: 'bot' });
    core.store.sink.ingest('tg', [inbound(1)]);
    await core.auditTrail.flush();
    core.close();
    const { run, text } = cliFor(service);
    expect(await run(['db', 'rotate-key', '--data-dir', dataDir, ...ADMIN], `${PW}\n`)).toBe(1);
    expect(text()).toMatch(/two-step sign-in: give the 6-digit code/);
    // The next time step's code (the enrolment used this one; a code is accepted once, within one step either side).
    expect(await run(['db', 'rotate-key', '--data-dir', dataDir, ...ADMIN], `${PW}\n${totpCode(secret, Date.now() + 30_000)}\n`)).toBe(0);
    expect(text()).toMatch(/Rotated the data key/);
  });
});
