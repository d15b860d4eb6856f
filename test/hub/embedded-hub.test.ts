import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { openCore, type Core, type EmbeddedMode } from '../../main/core/app';
import { newSessionSlot, type IdentityPolicy } from '../../main/core/auth';
import type { KeychainPort } from '../../main/core/vault';
import { EMBEDDED_HUB_DATABASE, EMBEDDED_HUB_DIR, startEmbeddedHub, type StartedEmbeddedHub } from '../../main/hub/embedded';
import { ingestMessage } from '../helpers/console';
import { testKeychain } from '../helpers/keychain';
import { tmpDir } from '../helpers/tmp';
import { consoleWindow, ok } from '../helpers/console-window';

const PASSWORD = 'a long and careful passphrase 7';
const TOKEN = '123456:moved-in-test-token';

async function consoleOn(dataDir: string, keychain: KeychainPort, service: string, embedded?: EmbeddedMode, port?: number, identityPolicy?: IdentityPolicy): Promise<Core> {
  const core = await openCore({
    dataDir,
    keychain,
    keychainService: service,
    ...(embedded ? { embedded } : {}),
    ...(identityPolicy ? { identityPolicy } : {}),
    embeddedHub: (o, source) => startEmbeddedHub({ ...o, ...(port ? { port } : {}), runtime: { outboxIdleMs: 200 } }, source),
  });
  try {
    await core.ready();
  } catch (e) {
    await core.closeAndWait();
    throw e;
  }
  return core;
}


/** The files of a folder (names and sizes), to prove a refused start wrote nothing. */
function listing(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `${path.relative(dir, path.join(e.parentPath, e.name))}:${fs.statSync(path.join(e.parentPath, e.name)).size}`)
    .sort();
}

describe('the embedded hub: a console with no hub configured runs the hub’s code in its own process', () => {
  it('starts on SQLite in the data folder, sets up the first administrator, runs the demo channel at the hub, and keeps everything across a restart', async () => {
    const dataDir = tmpDir();
    const { keychain, service } = testKeychain();
    // IT's policy names Lina for the lead role, so one administrator may give it (the single seat's rule).
    let core = await consoleOn(dataDir, keychain, service, 'hub', undefined, { privilegedUsers: [{ username: 'lina', role: 'lead' }] });
    try {
      const hub = core.embeddedHub()!;
      expect(core.embedded).toBe('hub');
      expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(core.team()?.url).toBe(hub.url);
      expect(fs.existsSync(path.join(dataDir, EMBEDDED_HUB_DIR, EMBEDDED_HUB_DATABASE))).toBe(true);
      // No key in a file: the TLS key, grant key, outbox key and the custodian's key-encryption key are in the keychain.
      for (const f of listing(path.join(dataDir, EMBEDDED_HUB_DIR))) expect(fs.readFileSync(path.join(dataDir, EMBEDDED_HUB_DIR, f.split(':')[0]!), 'utf8')).not.toMatch(/PRIVATE KEY/);

      const call = consoleWindow(core);
      expect(await call('getSession')).toMatchObject({ ok: true, value: { needsAdmin: true, signedIn: false } });
      expect(await call('createAdmin', { username: 'salma', displayName: 'Salma', password: PASSWORD })).toMatchObject({
        ok: true,
        value: { needsAdmin: false, signedIn: true, user: { username: 'salma', role: 'admin' } },
      });
      // The set-up happens once: a second window cannot make itself administrator.
      expect(await consoleWindow(core)('createAdmin', { username: 'mallory', displayName: '', password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'setup_done' } });
      expect(await call('createUser', { username: 'amal', displayName: 'Amal', role: 'agent', password: PASSWORD })).toMatchObject({ ok: true });
      // A role IT's policy names the person for, from the Users tab: the embedded hub's administrator makes a lead, who signs in as one.
      expect(await call('createUser', { username: 'lina', displayName: 'Lina', role: 'lead', password: PASSWORD })).toMatchObject({
        ok: true,
        value: { username: 'lina', role: 'lead', disabled: false },
      });
      const lead = consoleWindow(core);
      expect(await lead('signIn', { username: 'lina', password: PASSWORD })).toMatchObject({ ok: true, value: { status: 'signed_in' } });
      expect(await lead('getSession')).toMatchObject({ ok: true, value: { user: { username: 'lina', role: 'lead' } } });

      const agent = consoleWindow(core);
      expect(await agent('signIn', { username: 'amal', password: PASSWORD })).toMatchObject({ ok: true, value: { status: 'signed_in' } });
      // The built-in demo channel runs at the embedded hub (the console itself runs no channel).
      expect(core.channels.runtime.health()).toEqual([]);
      let items: Array<{ id: number; preview?: string }> = [];
      await expect
        .poll(
          async () => {
            const r = await agent('listConversations', { filter: { scope: 'all' }, cursor: null, limit: 50 });
            items = r.ok ? (r.value.items as typeof items) : [];
            return items.length;
          },
          { timeout: 20_000 },
        )
        .toBeGreaterThan(0);
      const opened = await agent('openConversation', { conversationId: items[0]!.id });
      expect(opened.ok).toBe(true);
      const store = (core.embeddedHub() as StartedEmbeddedHub).store;
      const audit = await store.verifyAudit();
      expect(audit.broken).toBeFalsy();
      const created = await store.q.all<{ actor: string; action: string }>("SELECT actor, action FROM audit WHERE action = 'user.created' ORDER BY seq");
      expect(created.map((r) => r.actor)).toEqual(['salma', 'salma', 'salma']);
    } finally {
      await core.closeAndWait();
    }

    // A restart: the same hub, the same people, the same inbox, a new port and the same pinned certificate.
    core = await consoleOn(dataDir, keychain, service);
    try {
      expect(core.embedded).toBe('hub');
      const hub = core.embeddedHub()!;
      expect(await hub.needsAdmin()).toBe(false);
      const agent = consoleWindow(core);
      expect(await agent('getSession')).toMatchObject({ ok: true, value: { needsAdmin: false, signedIn: false } });
      expect(await agent('signIn', { username: 'amal', password: PASSWORD })).toMatchObject({ ok: true });
      // The seat's cache is the one from before (named for the embedded hub, not its port), caught up from its cursor.
      await expect
        .poll(async () => {
          const r = await agent('listConversations', { filter: { scope: 'all' }, cursor: null, limit: 50 });
          return r.ok ? (r.value.items as unknown[]).length : 0;
        }, { timeout: 20_000 })
        .toBeGreaterThan(0);
      expect(fs.readdirSync(path.join(dataDir, 'team')).filter((f) => f.endsWith('.sqlite')).sort()).toEqual(['embedded-1.sqlite', 'embedded-2.sqlite', 'embedded-3.sqlite']);
    } finally {
      await core.closeAndWait();
    }
  }, 120_000);

  it('gives a privileged role as the single seat does: a second administrator confirms, unless IT’s policy names the person; the first administrator needs nobody', async () => {
    const { keychain, service } = testKeychain();
    const policy: IdentityPolicy = { privilegedUsers: [{ username: 'omar', role: 'admin' }, { username: 'Huda', role: 'lead' }] };
    const core = await consoleOn(tmpDir(), keychain, service, 'hub', undefined, policy);
    try {
      type User = { id: string; username: string; role: string; disabled: boolean; pendingRole?: string };
      const salma = consoleWindow(core);
      // The first run's administrator is made with nobody to confirm (there is nobody yet).
      await ok(salma('createAdmin', { username: 'salma', displayName: 'Salma', password: PASSWORD }));

      // Not named: a lead account waits as a disabled agent; nobody signs in with it until a second administrator confirms.
      const nadia = await ok<User>(salma('createUser', { username: 'nadia', displayName: 'Nadia', role: 'lead', password: PASSWORD }));
      expect(nadia).toMatchObject({ role: 'agent', disabled: true, pendingRole: 'lead' });
      expect(await consoleWindow(core)('signIn', { username: 'nadia', password: PASSWORD })).toMatchObject({ ok: false });
      // A role change for someone not named waits too; lowering a role or giving the agent role takes one administrator.
      const amal = await ok<User>(salma('createUser', { username: 'amal', displayName: 'Amal', role: 'agent', password: PASSWORD }));
      expect(await ok<User>(salma('setUserRole', { userId: amal.id, role: 'auditor' }))).toMatchObject({ role: 'agent', pendingRole: 'auditor' });
      // The person asking cannot confirm their own request.
      const waiting = await ok<{ requests: Array<{ grantId: string; username: string; role: string }> }>(salma('listRoleGrants'));
      expect(waiting.requests.map((r) => `${r.username}:${r.role}`).sort()).toEqual(['amal:auditor', 'nadia:lead']);
      const nadiaGrant = waiting.requests.find((r) => r.username === 'nadia')!.grantId;
      expect(await salma('confirmRoleGrant', { grantId: nadiaGrant })).toMatchObject({ ok: false, error: { code: 'role_request_same_admin' } });

      // Named by IT's policy (usernames compared as Diwan compares them): one administrator is enough, for exactly that role.
      const huda = await ok<User>(salma('createUser', { username: 'huda', displayName: 'Huda', role: 'lead', password: PASSWORD }));
      expect(huda).toMatchObject({ role: 'lead', disabled: false });
      const omar = await ok<User>(salma('createUser', { username: 'omar', displayName: 'Omar', role: 'admin', password: PASSWORD }));
      expect(omar).toMatchObject({ role: 'admin', disabled: false });
      expect(await ok<User>(salma('createUser', { username: 'rami', displayName: 'Rami', role: 'admin', password: PASSWORD }))).toMatchObject({ role: 'agent', pendingRole: 'admin' });

      // The second administrator confirms: Nadia becomes a lead and can sign in.
      const omarDesk = consoleWindow(core);
      await ok(omarDesk('signIn', { username: 'omar', password: PASSWORD }));
      expect(await ok<User>(omarDesk('confirmRoleGrant', { grantId: nadiaGrant }))).toMatchObject({ username: 'nadia', role: 'lead', disabled: false });
      expect(await consoleWindow(core)('signIn', { username: 'nadia', password: PASSWORD })).toMatchObject({ ok: true, value: { status: 'signed_in' } });
      expect(await ok<User>(salma('setUserRole', { userId: nadia.id, role: 'agent' }))).toMatchObject({ role: 'agent' });

      // Each grant is in the hub's trail with the authority it rested on.
      const trail = await ok<{ entries: Array<{ action: string; actor: string; target: string | null; details: Record<string, unknown> }> }>(salma('listAudit', { limit: 500 }));
      const about = (action: string, user: User) => trail.entries.filter((e) => e.action === action && e.target === `user:${user.id}`);
      expect(about('user.created', nadia)[0]?.details).toMatchObject({ authority: 'pending-second-administrator' });
      expect(about('user.created', huda)[0]?.details).toMatchObject({ authority: 'it-policy', role: 'lead' });
      expect(about('user.created', omar)[0]?.details).toMatchObject({ authority: 'it-policy', role: 'admin' });
      expect(about('user.role_changed', nadia).map((e) => [e.actor, e.details.authority])).toEqual([['omar', 'second-administrator'], ['salma', 'administrator']]);
    } finally {
      await core.closeAndWait();
    }
  }, 60_000);

  it('moves a single-seat folder in on its first start in hub mode: same people and passwords, same conversations, once', async () => {
    const dataDir = tmpDir();
    const { keychain, service } = testKeychain();
    let core = await consoleOn(dataDir, keychain, service, 'store');
    try {
      const slot = newSessionSlot();
      await core.identity.createAdmin(slot, { username: 'salma', displayName: 'Salma', password: PASSWORD });
      await core.identity.createUser(core.identity.requireSession(slot), { username: 'amal', displayName: 'Amal', role: 'agent', password: PASSWORD });
      core.identity.signOut(slot);
      // A Telegram channel whose API is a closed loopback port: nothing new arrives while the test counts.
      core.store.channels.create({ id: 'tg', kind: 'telegram', name: 'Support bot', config: { baseUrl: 'http://127.0.0.1:9' } });
      await core.vault.setChannelToken('tg', JSON.stringify({ botToken: TOKEN }));
      ingestMessage(core, { channelId: 'tg', contact: 'Noura', text: 'My card 4111 1111 1111 1111 was charged twice' });
      ingestMessage(core, { channelId: 'tg', contact: 'Omid', text: 'سلام، شماره من ۰۹۱۲۳۴۵۶۷۸۹ است' });
    } finally {
      await core.closeAndWait();
    }

    const conversationsAtHub = async (c: Core) => (await (c.embeddedHub() as StartedEmbeddedHub).store.q.get<{ n: number }>('SELECT COUNT(*) AS n FROM conversations'))!.n;
    core = await consoleOn(dataDir, keychain, service, 'hub');
    try {
      expect(await core.embeddedHub()!.needsAdmin()).toBe(false);
      expect(await conversationsAtHub(core)).toBe(2);
      const marker = JSON.parse(fs.readFileSync(path.join(dataDir, EMBEDDED_HUB_DIR, 'moved-in.json'), 'utf8'));
      expect(marker).toMatchObject({ users: 2, channels: 1, conversations: 2, messages: 2 });
      // The bot's token moved inside this computer's keychain, to the name the hub reads.
      expect(JSON.parse((await core.vault.get('hub:tg.token'))!)).toEqual({ botToken: TOKEN });
      // The single-seat trail says so (and was flushed before and after); its database is still whole.
      const moved = core.auditTrail.list({ newestFirst: false, limit: 500 }).filter((e) => e.action === 'store.moved_to_embedded_hub');
      expect(moved.map((e) => (e.details as { stage: string }).stage)).toEqual(['started', 'finished']);
      expect(core.store.conversations.list().items).toHaveLength(2);

      const agent = consoleWindow(core);
      expect(await agent('signIn', { username: 'amal', password: PASSWORD })).toMatchObject({ ok: true });
      let texts: string[] = [];
      await expect
        .poll(async () => {
          const r = await agent('listConversations', { filter: { scope: 'all' }, cursor: null, limit: 50 });
          texts = r.ok ? (r.value.items as Array<{ preview: unknown }>).map((i) => JSON.stringify(i.preview)) : [];
          return texts.length;
        }, { timeout: 20_000 })
        .toBe(2);
      // Masked at the hub's ingest as on the single seat: the card and the Persian-digit phone never arrive in clear.
      expect(texts.join(' ')).toContain('charged twice');
      expect(texts.join(' ')).not.toMatch(/4111 1111|۰۹۱۲۳۴۵۶۷۸۹/);
    } finally {
      await core.closeAndWait();
    }

    // Interrupted after the copy (no marker): the next start runs the move again and nothing arrives twice.
    fs.rmSync(path.join(dataDir, EMBEDDED_HUB_DIR, 'moved-in.json'));
    core = await consoleOn(dataDir, keychain, service);
    try {
      expect(await conversationsAtHub(core)).toBe(2);
      expect((await (core.embeddedHub() as StartedEmbeddedHub).store.team()).map((m) => m.username).sort()).toEqual(['amal', 'salma']);
    } finally {
      await core.closeAndWait();
    }
  }, 120_000);

  it('runs the hub in a new folder and writes that down; a folder that already ran single-seat stays single-seat; a written mode is kept', async () => {
    const { keychain, service } = testKeychain();
    const fresh = tmpDir();
    let core = await consoleOn(fresh, keychain, service);
    try {
      expect(core.embedded).toBe('hub');
      expect(await core.embeddedHub()!.needsAdmin()).toBe(true);
      expect(JSON.parse(fs.readFileSync(path.join(fresh, 'embedded-mode.json'), 'utf8'))).toEqual({ embedded: 'hub' });
    } finally {
      await core.closeAndWait();
    }

    // An install from before the default changed: single-seat people and no mode file. It stays single-seat, for good.
    const older = tmpDir();
    core = await consoleOn(older, keychain, service, 'store');
    try {
      await core.identity.createAdmin(newSessionSlot(), { username: 'salma', displayName: 'Salma', password: PASSWORD });
    } finally {
      await core.closeAndWait();
    }
    fs.rmSync(path.join(older, 'embedded-mode.json'));
    core = await consoleOn(older, keychain, service);
    try {
      expect(core.embedded).toBe('store');
      expect(core.embeddedHub()).toBeNull();
      expect(core.team()).toBeNull();
      expect(core.identity.users.count()).toBe(1);
      expect(fs.existsSync(path.join(older, EMBEDDED_HUB_DIR))).toBe(false);
      expect(JSON.parse(fs.readFileSync(path.join(older, 'embedded-mode.json'), 'utf8'))).toEqual({ embedded: 'store' });
    } finally {
      await core.closeAndWait();
    }
    fs.writeFileSync(path.join(fresh, 'embedded-mode.json'), '{"embedded":"cloud"}');
    await expect(consoleOn(fresh, keychain, service)).rejects.toThrow(/should say \{"embedded": "hub"\}/);
  }, 60_000);

  it('in a hub-mode folder, `diwan audit verify` walks the embedded hub’s trail and `diwan db` refuses with a sentence, changing nothing', async () => {
    const dataDir = tmpDir();
    const { keychain, service } = testKeychain();
    const core = await consoleOn(dataDir, keychain, service, 'hub');
    try {
      expect(await consoleWindow(core)('createAdmin', { username: 'salma', displayName: 'Salma', password: PASSWORD })).toMatchObject({ ok: true });
    } finally {
      await core.closeAndWait();
    }
    const cli = async (args: string[]) => {
      const out: string[] = [];
      const sink = new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) });
      const code = await runCli([...args, '--data-dir', dataDir], { stdin: Readable.from([]), stdout: sink, stderr: sink, env: { DIWAN_KEYCHAIN_SERVICE: service } });
      return { code, out: out.join('') };
    };
    const intact = await cli(['audit', 'verify']);
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/embedded team hub's trail .* [1-9]\d* entries\.\nThe audit trail is intact\./s);

    const before = listing(dataDir);
    // The hub folder's own backup (test/hub/folder-backup.test.ts) still wants its archive's name; there is no data key to rotate.
    expect((await cli(['db', 'backup'])).out).toMatch(/Say where to write the archive: --out FILE\./);
    expect((await cli(['db', 'rotate-key'])).out).toMatch(/built-in team hub: its originals are not under a data key .*nothing was changed/s);
    expect(listing(dataDir)).toEqual(before);

    // An edited entry in the hub's own trail is found.
    const db = new Database(path.join(dataDir, EMBEDDED_HUB_DIR, EMBEDDED_HUB_DATABASE));
    db.prepare("UPDATE audit SET actor = 'mallory' WHERE seq = (SELECT MAX(seq) FROM audit)").run();
    db.close();
    const tampered = await cli(['audit', 'verify']);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toMatch(/tampered with: entry \d+: the entry was edited after it was written/);
  }, 60_000);

  it('lets IT choose a folder’s mode from the command line before the console first starts', async () => {
    const { service } = testKeychain();
    const dataDir = tmpDir();
    const out: string[] = [];
    const sink = new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) });
    const io = { stdin: Readable.from([]), stdout: sink, stderr: sink, env: { DIWAN_EMBEDDED: 'hub', DIWAN_KEYCHAIN_SERVICE: service } };
    await runCli(['status', '--data-dir', dataDir], io);
    expect(out.join('')).toMatch(/Without a hub in the policy\s+runs the built-in hub/);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'embedded-mode.json'), 'utf8'))).toEqual({ embedded: 'hub' });
    out.length = 0;
    await runCli(['status', '--data-dir', dataDir], { ...io, env: { DIWAN_EMBEDDED: 'sideways', DIWAN_KEYCHAIN_SERVICE: service } });
    expect(out.join('')).toMatch(/DIWAN_EMBEDDED is "sideways"; set it to hub or store/);
  }, 60_000);

  it('refuses to start on a port already taken, with a sentence, and starts on a free one afterwards', async () => {
    const { keychain, service } = testKeychain();
    const dataDir = tmpDir();
    const taken = net.createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      await expect(consoleOn(dataDir, keychain, service, 'hub', port)).rejects.toMatchObject({ code: 'hub_listen_failed', message: expect.stringMatching(/cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\)/) });
    } finally {
      await new Promise<void>((r) => taken.close(() => r()));
    }
    const core = await consoleOn(dataDir, keychain, service);
    try {
      expect(await core.embeddedHub()!.needsAdmin()).toBe(true);
    } finally {
      await core.closeAndWait();
    }
  }, 60_000);

  it('refuses a damaged database file with a sentence and changes nothing', async () => {
    const { keychain, service } = testKeychain();
    const dataDir = tmpDir();
    fs.mkdirSync(path.join(dataDir, EMBEDDED_HUB_DIR), { recursive: true });
    const file = path.join(dataDir, EMBEDDED_HUB_DIR, EMBEDDED_HUB_DATABASE);
    const garbage = Buffer.alloc(8192, 'not a database at all ');
    fs.writeFileSync(file, garbage);
    await expect(consoleOn(dataDir, keychain, service, 'hub')).rejects.toMatchObject({ code: 'embedded_hub_db_damaged', message: expect.stringMatching(/Nothing was changed/) });
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  }, 60_000);

  it('refuses to start while the keychain is locked, with the keychain’s advice, and makes no key', async () => {
    const { keychain, service } = testKeychain();
    const dataDir = tmpDir();
    // The console's own keys first (device, audit), then the keychain locks before the hub asks for its keys.
    let locked = false;
    const locking: KeychainPort = {
      getPassword: (s, a) => (locked && a.startsWith('hub:') ? Promise.reject(Object.assign(new Error('Cannot unlock the collection: the keyring is locked'), {})) : keychain.getPassword(s, a)),
      setPassword: (s, a, p) => (locked && a.startsWith('hub:') ? Promise.reject(new Error('Cannot unlock the collection: the keyring is locked')) : keychain.setPassword(s, a, p)),
      deletePassword: (s, a) => keychain.deletePassword(s, a),
      findCredentials: (s) => keychain.findCredentials(s),
    };
    const core = await openCore({ dataDir, keychain: locking, keychainService: service, embedded: 'hub', embeddedHub: (o) => ((locked = true), startEmbeddedHub(o)) });
    try {
      await expect(core.ready()).rejects.toMatchObject({ code: 'embedded_hub_keychain', message: expect.stringMatching(/keychain refused: .*Nothing was changed/) });
      expect(await keychain.getPassword(service, 'hub:grant-key')).toBeNull();
      expect(fs.existsSync(path.join(dataDir, EMBEDDED_HUB_DIR, EMBEDDED_HUB_DATABASE))).toBe(false);
    } finally {
      await core.closeAndWait();
    }
  }, 60_000);
});
