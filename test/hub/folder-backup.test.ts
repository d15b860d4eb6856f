import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { openCore, type Core } from '../../main/core/app';
import { newTotpSecret, totpCode } from '../../main/core/auth';
import { loadOsKeychain, Vault } from '../../main/core/vault';
import { startEmbeddedHub, type StartedEmbeddedHub } from '../../main/hub/embedded';
import { TelegramEmulator } from '../emulators/telegram';
import { testKeychain } from '../helpers/keychain';
import { tmpDir } from '../helpers/tmp';
import { until } from './harness';
import { consoleWindow, ok, seedTeam } from '../helpers/console-window';

const PASSWORD = 'a long and careful passphrase 7';
const PASSPHRASE = 'the disaster-recovery passphrase, kept apart';
const TOKEN = '123456:folder-backup-test-token';
const CARD = '4111 1111 1111 1111';

const window = consoleWindow;

const ROOT = path.resolve(__dirname, '../..');

/** The command line in this process, with no console running in it (their SQLite connections would share one thread). */
async function cli(args: string[], service: string, stdin = '') {
  const out: string[] = [];
  const sink = new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) });
  const code = await runCli(args, { stdin: Readable.from(stdin ? [stdin] : []), stdout: sink, stderr: sink, env: { DIWAN_KEYCHAIN_SERVICE: service } });
  return { code, out: out.join('') };
}

/**
 * The command line as IT runs it: its own process (beside a console that keeps its hub running in another), on the
 * real OS keychain under the test's service.
 */
function cliBeside(args: string[], service: string, stdin = ''): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'main/cli/main.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DIWAN_KEYCHAIN_SERVICE: service, DIWAN_DATA_DIR: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, out });
    });
    child.stdin.end(stdin);
  });
}

/** What the CLI wrote straight to the OS keychain (not through the test's port) goes too. */
async function forgetHubKeys(service: string): Promise<void> {
  const vault = new Vault(loadOsKeychain(), service);
  for (const a of await vault.accounts()) if (a.startsWith('hub:') || a.startsWith('backupkey:')) await vault.delete(a as `hub:${string}`);
}

function startConsole(dataDir: string, keychain: ReturnType<typeof testKeychain>) {
  return openCore({
    dataDir,
    keychain: keychain.keychain,
    keychainService: keychain.service,
    embedded: 'hub',
    // IT's policy names the lead, so one administrator may make her one (the single-seat rule, docs/SECURITY.md).
    identityPolicy: { privilegedUsers: [{ username: 'layla', role: 'lead' }] },
    embeddedHub: (o, source) => startEmbeddedHub({ ...o, runtime: { outboxIdleMs: 200 } }, source),
  });
}

const tgMessages = async (hub: StartedEmbeddedHub) =>
  Number((await hub.store.q.get<{ n: number }>("SELECT count(*) AS n FROM messages WHERE conversation_id IN (SELECT id FROM conversations WHERE channel_id = 'tg')"))!.n);

type Detail = { messages: Array<{ id: number; segments: Array<{ kind: string; fieldIndex?: number; type?: string }> }> };

/** An agent asks for the card, the lead approves on the same desk, the agent reads it: the sealed original opens. */
async function revealCard(core: Core): Promise<string> {
  const desk = window(core);
  await ok(desk('signIn', { username: 'amal', password: PASSWORD }));
  const { conversationId, message } = await until(async () => {
    const list = await ok<{ items: Array<{ id: number; channelId: string }> }>(desk('listConversations', { filter: { scope: 'all', channelId: 'tg' }, cursor: null, limit: 50 }));
    for (const c of list.items.filter((i) => i.channelId === 'tg')) {
      const detail = await ok<Detail>(desk('openConversation', { conversationId: c.id }));
      const m = detail.messages.find((x) => x.segments.some((s) => s.type === 'CARD'));
      if (m) return { conversationId: c.id, message: m };
    }
    return null;
  }, 'the restored conversation with the card in the console');
  expect(conversationId).toBeGreaterThan(0);
  const field = message.segments.find((s) => s.type === 'CARD')!.fieldIndex!;
  const asked = await ok<{ requestId: string }>(desk('requestReveal', { messageId: message.id, fieldIndex: field, reason: 'Customer disputes a double charge' }));
  await ok(desk('signOut'));
  await ok(desk('signIn', { username: 'layla', password: PASSWORD }));
  await ok(desk('decideReveal', { requestId: asked.requestId, approve: true }));
  await ok(desk('signOut'));
  await ok(desk('signIn', { username: 'amal', password: PASSWORD }));
  const read = await ok<{ value: string }>(desk('readReveal', { grantId: asked.requestId }));
  await ok(desk('signOut'));
  return read.value;
}

/**
 * Issue 16, backups of a data folder that runs the built-in hub: an online backup while the hub runs and takes in
 * messages, restored into a fresh folder on a fresh keychain with the passphrase; the hub starts there, its trail
 * verifies, the conversations are there and a sealed original opens. The refusals change nothing.
 */
describe('backup and restore of a built-in hub folder', () => {
  it('backs up online while the hub writes, and restores onto a fresh folder and keychain with the passphrase', async () => {
    const dirA = tmpDir();
    const dirB = tmpDir();
    const out = tmpDir();
    const a = testKeychain();
    const b = testKeychain();
    const tg = await TelegramEmulator.start(TOKEN, 600_000);
    let core: Core | null = await startConsole(dirA, a);
    let restored: Core | null = null;
    try {
      await core.ready();
      const hub = core.embeddedHub() as StartedEmbeddedHub;
      await core.vault.set('hub:tg.token', TOKEN);
      await hub.store.saveChannel({ id: 'tg', kind: 'telegram', name: 'Support bot', enabled: true, config: { baseUrl: tg.url, settings: { longPollSeconds: 1 } } }, { actor: 'test', device: null });
      const desk = window(core);
      await seedTeam(desk, PASSWORD);
      tg.addText(7001, `I was charged twice on card ${CARD}`, { first_name: 'Noura' });
      const countMessages = async () => tgMessages(hub);
      await until(async () => (await countMessages()) >= 1, 'the first message at the hub');

      // Customers keep writing while the backup runs.
      let sent = 0;
      const writer = setInterval(() => tg.addText(7002 + (sent++ % 3), `message ${sent} while backing up`, { first_name: 'Rana' }), 15);
      const archive = path.join(out, 'hub.backup');
      let backup: { code: number; out: string };
      try {
        await until(async () => (await countMessages()) >= 4, 'messages arriving during the test');
        backup = await cliBeside(['db', 'backup', '--out', archive, '--passphrase-stdin', '--admin', 'salma', '--data-dir', dirA], a.service, `${PASSWORD}\n${PASSPHRASE}\n`);
      } finally {
        clearInterval(writer);
      }
      expect(backup.out).toMatch(/Backup of the built-in team hub written to .*passphrase-protected, with the hub's \d+ keychain entries inside/);
      expect(backup.code).toBe(0);
      const atBackup = await countMessages();
      expect(fs.readFileSync(archive).includes(Buffer.from('Noura'))).toBe(false);
      expect((await hub.store.q.get<{ actor: string }>("SELECT actor FROM audit WHERE action = 'folder.backed_up'"))!.actor).toBe('salma');

      // A console runs on folder A: its hub cannot be replaced under it.
      const busy = await cliBeside(['db', 'restore', archive, '--passphrase-stdin', '--admin', 'salma', '--data-dir', dirA], a.service, `${PASSWORD}\n${PASSPHRASE}\n`);
      expect(busy.code).not.toBe(0);
      expect(busy.out).toMatch(/A console is running on this data folder .* Quit it, then restore\. Nothing was changed\./);
      expect(fs.readdirSync(dirA).filter((f) => f.startsWith('hub.before-restore'))).toEqual([]);

      await core.closeAndWait();
      core = null;
      tg.close();

      // A wrong passphrase, and a damaged copy, change nothing.
      const wrong = await cli(['db', 'restore', archive, '--passphrase-stdin', '--admin', 'salma', '--data-dir', dirB], b.service, `${PASSWORD}\nnot the passphrase at all\n`);
      expect(wrong.out).toMatch(/The passphrase does not open this backup archive\. Nothing was changed/);
      const damaged = path.join(out, 'damaged.backup');
      const bytes = fs.readFileSync(archive);
      bytes[bytes.length - 40]! ^= 0x01;
      fs.writeFileSync(damaged, bytes);
      const bad = await cli(['db', 'restore', damaged, '--passphrase-stdin', '--admin', 'salma', '--data-dir', dirB], b.service, `${PASSWORD}\n${PASSPHRASE}\n`);
      expect(bad.out).toMatch(/damaged or incomplete.*Nothing was changed/);
      expect(fs.existsSync(path.join(dirB, 'hub'))).toBe(false);
      expect(await new Vault(loadOsKeychain(), b.service).get('hub:custodian-key-encryption-key')).toBeNull();
      // Someone who is not the archive's administrator cannot restore it.
      const notAdmin = await cli(['db', 'restore', archive, '--passphrase-stdin', '--admin', 'amal', '--data-dir', dirB], b.service, `${PASSWORD}\n${PASSPHRASE}\n`);
      expect(notAdmin.out).toMatch(/"amal" is not an administrator/);
      expect(fs.existsSync(path.join(dirB, 'hub'))).toBe(false);

      const restore = await cli(['db', 'restore', archive, '--passphrase-stdin', '--admin', 'salma', '--data-dir', dirB], b.service, `${PASSWORD}\n${PASSPHRASE}\n`);
      expect(restore.out).toMatch(/Restored the built-in team hub into .*audit trail intact/);
      expect(restore.out).toMatch(/Added \d+ of the hub's keys to this keychain/);
      expect(restore.code).toBe(0);

      restored = await startConsole(dirB, b);
      await restored.ready();
      const hubB = restored.embeddedHub() as StartedEmbeddedHub;
      expect((await hubB.store.verifyAudit()).broken).toBeNull();
      const restoredMessages = await tgMessages(hubB);
      expect(restoredMessages).toBeGreaterThanOrEqual(4);
      expect(restoredMessages).toBeLessThanOrEqual(atBackup);
      expect((await hubB.store.q.get<{ actor: string }>("SELECT actor FROM audit WHERE action = 'folder.restored'"))!.actor).toBe('salma');
      expect(await revealCard(restored)).toBe(CARD);
    } finally {
      await core?.closeAndWait();
      await restored?.closeAndWait();
      tg.close();
      await forgetHubKeys(a.service);
      await forgetHubKeys(b.service);
    }
  }, 240_000);

  it("asks a hub administrator with two-step sign-in for her code on the line after the password", async () => {
    const dir = tmpDir();
    const out = tmpDir();
    const a = testKeychain();
    const core = await startConsole(dir, a);
    try {
      await core.ready();
      await ok(window(core)('createAdmin', { username: 'salma', displayName: 'Salma', password: PASSWORD }));
      const hub = core.embeddedHub() as StartedEmbeddedHub;
      const secret = newTotpSecret();
      await hub.store.updateUser((await hub.store.userByName('salma'))!.id, { totpSecret: secret }, { actor: 'test', action: 'user.second_factor_enrolled' });
      const archive = path.join(out, 'two-step.backup');
      const noCode = await cliBeside(['db', 'backup', '--out', archive, '--admin', 'salma', '--data-dir', dir], a.service, `${PASSWORD}\n`);
      expect(noCode.out).toMatch(/uses two-step sign-in: give the 6-digit code on the line after the password/);
      expect(fs.existsSync(archive)).toBe(false);
      const withCode = await cliBeside(['db', 'backup', '--out', archive, '--admin', 'salma', '--data-dir', dir], a.service, `${PASSWORD}\n${totpCode(secret, Date.now())}\n`);
      expect(withCode.code).toBe(0);
      const trail = await hub.store.q.all<{ action: string; details: string }>("SELECT action, details FROM audit WHERE action IN ('cli.refused', 'cli.admin_command', 'folder.backed_up') ORDER BY seq");
      expect(trail.map((e) => `${e.action} ${(JSON.parse(e.details) as { reason?: string }).reason ?? ''}`.trim())).toEqual(['cli.refused second_factor_missing', 'cli.admin_command', 'folder.backed_up']);
    } finally {
      await core.closeAndWait();
      await forgetHubKeys(a.service);
    }
  }, 120_000);

  it('keeps the keys in this keychain without a passphrase, and refuses in words what it cannot bring', async () => {
    const dirA = tmpDir();
    const out = tmpDir();
    const a = testKeychain();
    const other = testKeychain();
    const clash = testKeychain();
    let core: Core | null = await startConsole(dirA, a);
    try {
      await core.ready();
      await ok(window(core)('createAdmin', { username: 'salma', displayName: 'Salma', password: PASSWORD }));
      const archive = path.join(out, 'local.backup');
      const backup = await cliBeside(['db', 'backup', '--out', archive, '--admin', 'salma', '--data-dir', dirA], a.service, `${PASSWORD}\n`);
      expect(backup.out).toMatch(/archive key and the hub's keys in this machine's keychain/);
      expect(backup.code).toBe(0);
      const nobody = await cliBeside(['db', 'backup', '--out', path.join(out, 'x.backup'), '--data-dir', dirA], a.service);
      expect(nobody.out).toMatch(/needs an administrator: add --admin NAME/);
      expect(fs.existsSync(path.join(out, 'x.backup'))).toBe(false);
      const rotate = await cliBeside(['db', 'rotate-key', '--data-dir', dirA], a.service);
      expect(rotate.code).not.toBe(0);
      expect(rotate.out).toMatch(/sealed to its custodian's key .*diwan custodian shred --epoch N/);
      await core.closeAndWait();
      core = null;

      // Another keychain has neither the archive key nor the hub's keys.
      const elsewhere = await cli(['db', 'restore', archive, '--admin', 'salma', '--data-dir', tmpDir()], other.service, `${PASSWORD}\n`);
      expect(elsewhere.out).toMatch(/not in this machine's keychain.*Nothing was changed/);

      // Same keychain, new folder: the keys are here, the restore works and starts.
      const dirC = tmpDir();
      const here = await cli(['db', 'restore', archive, '--admin', 'salma', '--data-dir', dirC], a.service, `${PASSWORD}\n`);
      expect(here.code).toBe(0);
      expect(JSON.parse(fs.readFileSync(path.join(dirC, 'embedded-mode.json'), 'utf8'))).toEqual({ embedded: 'hub' });

      // A passphrase archive into a keychain that holds another hub's custodian key: refused, nothing replaced.
      const portable = path.join(out, 'portable.backup');
      await new Vault(loadOsKeychain(), clash.service).set('hub:custodian-key-encryption-key', Buffer.alloc(32, 7).toString('base64'));
      core = await startConsole(dirA, a);
      await core.ready();
      expect((await cliBeside(['db', 'backup', '--out', portable, '--passphrase-stdin', '--admin', 'salma', '--data-dir', dirA], a.service, `${PASSWORD}\n${PASSPHRASE}\n`)).code).toBe(0);
      await core.closeAndWait();
      core = null;
      const dirD = tmpDir();
      const conflict = await cli(['db', 'restore', portable, '--passphrase-stdin', '--admin', 'salma', '--data-dir', dirD], clash.service, `${PASSWORD}\n${PASSPHRASE}\n`);
      expect(conflict.out).toMatch(/already holds different built-in hub keys \(.*custodian-key-encryption-key.*\).*nothing was changed/);
      expect(fs.existsSync(path.join(dirD, 'hub'))).toBe(false);

      // A single-seat folder is not turned into a hub folder by a hub archive.
      const single = tmpDir();
      fs.writeFileSync(path.join(single, 'embedded-mode.json'), '{"embedded":"store"}\n');
      const wrongKind = await cli(['db', 'restore', portable, '--passphrase-stdin', '--admin', 'salma', '--data-dir', single], clash.service, `${PASSWORD}\n${PASSPHRASE}\n`);
      expect(wrongKind.out).toMatch(/holds a built-in team hub, but this data folder runs the single-seat store/);
    } finally {
      await core?.closeAndWait();
      for (const s of [a.service, other.service, clash.service]) await forgetHubKeys(s);
    }
  }, 240_000);
});
