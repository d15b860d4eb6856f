import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../bridge/server';
import { RENDERER_DIR } from '../helpers/browser';
import fs from 'node:fs';
import os from 'node:os';
import { loadOsKeychain, type KeychainPort } from '../../main/core/vault';
import { registerSensitive } from '../helpers/leak-registry';
import { keepTestData } from '../helpers/tmp';
import { AUDIT_ACTIONS } from '../../main/core/audit';
import { channelNames, contract } from '../../main/ipc/contract';
import { hostileCall, seeded, WRONG_CHANNELS } from './fuzz-input';
import { confirmAsSecondAdmin } from '../helpers/console-people';

/**
 * The hostile renderer: every IPC channel, through the real loopback bridge and a real core, gets malformed types,
 * missing and extra keys, oversized strings and bodies, 10,000-deep nesting, prototype-pollution keys, broken JSON
 * and wrong channel names, from an anonymous page and from a signed-in user of every role. Every answer must be a
 * typed error (the exact code the call earns), the server must keep answering, and nothing may be written except
 * the audit entries and sign-in bookkeeping a refused call is meant to leave.
 *
 * `DIWAN_FUZZ_PER_CHANNEL` sets the hostile calls per channel per session (default 20 → ≈3,000 calls in `npm test`;
 * `npm run test:fuzz` runs 200 → ≈27,000). `DIWAN_FUZZ_SEED` replays a run.
 */
const PER_CHANNEL = Number(process.env.DIWAN_FUZZ_PER_CHANNEL ?? 20);
const SEED = Number(process.env.DIWAN_FUZZ_SEED ?? crypto.randomInt(2 ** 31));
const PASSWORD = 'fuzz-password-Long-enough-1';
registerSensitive('secret', PASSWORD); // hashed at rest, never in clear
/** Tables a refused call may legitimately touch: the audit trail, sign-in throttling, a session's last-seen time. */
const BOOKKEEPING = new Set(['audit_entries', 'audit_checkpoints', 'login_throttle', 'user_sessions']);
/** What a refused call may leave in the audit trail. */
const REFUSAL_AUDIT = new Set<string>([AUDIT_ACTIONS.signInFailed]);

let bridge: RunningBridge;
let reader: Database.Database;
let cookie = '';
let calls = 0;
const byKind = new Map<string, number>();

interface Answer {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } | null;
}

async function post(channel: string, body: string, opts: { cookie?: string; origin?: string } = {}): Promise<Answer> {
  calls++;
  const res = await fetch(`${bridge.origin}/__bridge/ipc/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: opts.cookie ?? cookie, origin: opts.origin ?? bridge.origin },
    body,
  }).catch((e: unknown) => {
    throw new Error(`${channel}: the bridge did not answer (${(e as Error).message}); body began ${JSON.stringify(body.slice(0, 80))}`, { cause: e });
  });
  const text = await res.text();
  let parsed: Answer['body'];
  try {
    parsed = JSON.parse(text) as Answer['body'];
  } catch {
    parsed = null;
  }
  return { status: res.status, body: parsed };
}

async function call(channel: string, request: unknown = {}) {
  const a = await post(channel, JSON.stringify(request));
  if (!a.body?.ok) throw new Error(`${channel} failed: ${JSON.stringify(a.body)}`);
  return a.body.value as Record<string, unknown>;
}

/** A fingerprint of every table but the bookkeeping ones (plus the bookkeeping tables' row counts where fixed). */
function snapshot(): { digest: string; auditCount: number; sessions: number; users: number } {
  const tables = reader.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const h = crypto.createHash('sha256');
  for (const t of tables) {
    if (BOOKKEEPING.has(t)) continue;
    for (const row of reader.prepare(`SELECT * FROM "${t}"`).raw().iterate()) h.update(JSON.stringify(row));
    h.update(`|${t}|`);
  }
  return {
    digest: h.digest('hex'),
    auditCount: reader.prepare('SELECT count(*) FROM audit_entries').pluck().get() as number,
    sessions: reader.prepare('SELECT count(*) FROM user_sessions').pluck().get() as number,
    users: reader.prepare('SELECT count(*) FROM users').pluck().get() as number,
  };
}

function newAuditActions(afterCount: number): string[] {
  return reader.prepare('SELECT action FROM audit_entries ORDER BY seq LIMIT -1 OFFSET ?').pluck().all(afterCount) as string[];
}

// The per-test helpers clean up after each test; this suite shares one core across its tests, so it keeps its own.
const service = `Diwan-fuzz-${crypto.randomBytes(6).toString('hex')}`;
const written = new Set<string>();
const osKeychain = loadOsKeychain();
const keychain: KeychainPort = {
  getPassword: (s, a) => osKeychain.getPassword(s, a),
  setPassword: (s, a, p) => (written.add(a), osKeychain.setPassword(s, a, p)),
  deletePassword: (s, a) => osKeychain.deletePassword(s, a),
  findCredentials: (s) => osKeychain.findCredentials(s),
};
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diwan-fuzz-'));

beforeAll(async () => {
  bridge = await startBridge({
    embedded: 'store',
    dataDir,
    rendererDir: RENDERER_DIR,
    keychain,
    keychainService: service,
    network: { policyFile: path.join(dataDir, 'no-policy.json'), signersDir: path.join(dataDir, 'no-signers') },
  });
  const res = await fetch(bridge.url, { redirect: 'manual' });
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  expect(cookie).toMatch(/^diwan_bridge=/);
  reader = new Database(bridge.core.databaseFile, { readonly: true, fileMustExist: true });
  // One user of each role, made through the identity API as the console would.
  await call('createAdmin', { username: 'fz-admin', displayName: 'Admin', password: PASSWORD });
  for (const role of ['agent', 'lead', 'auditor']) {
    const made = await call('createUser', { username: `fz-${role}`, displayName: role, role, password: PASSWORD });
    // lead and auditor are privileged: a second administrator confirms them
    if (made.pendingRole) confirmAsSecondAdmin(bridge.core, made.id as string);
  }
  await call('signOut');
}, 60_000);

afterAll(async () => {
  reader?.close();
  await bridge?.close();
  for (const account of written) await osKeychain.deletePassword(service, account);
  if (!keepTestData) fs.rmSync(dataDir, { recursive: true, force: true });
  console.log(`ipc fuzz: ${calls} calls (seed ${SEED}) ${JSON.stringify(Object.fromEntries(byKind))}`);
});

describe('hostile renderer: every IPC channel through the test bridge', () => {
  for (const who of ['agent', 'lead', 'admin', 'auditor', 'anonymous'] as const) {
    it(`${who}: every hostile call gets the typed error it earns and writes nothing`, async () => {
      const rng = seeded(SEED + who.length * 7919 + who.charCodeAt(0));
      if (who !== 'anonymous') await call('signIn', { username: `fz-${who}`, password: PASSWORD });
      const session = await call('getSession');
      const granted = new Set(session.permissions as string[]);
      expect(session.signedIn).toBe(who !== 'anonymous');

      for (const channel of channelNames) {
        const spec = contract[channel];
        const allowed = spec.permission === 'public' || granted.has(spec.permission);
        const before = snapshot();
        for (let i = 0; i < PER_CHANNEL; i++) {
          let c = hostileCall(rng, spec.request);
          // The fuzzer sends only invalid requests (a valid one would be a legitimate call, e.g. signOut's `{}`).
          for (let tries = 0; tries < 10 && isValid(spec.request, c.body); tries++) c = hostileCall(rng, spec.request);
          if (isValid(spec.request, c.body)) continue;
          byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
          const a = await post(channel, c.body);
          const where = `${who} ${channel} ${c.kind} (seed ${SEED})`;
          expect(a.status, where).toBe(200);
          expect(a.body?.ok, where).toBe(false);
          // A body that is not JSON, or larger than 1 MB, is refused by the transport before any channel looks at it.
          const refusedAtDoor = !isJson(c.body) || Buffer.byteLength(c.body) > 1024 * 1024;
          expect(a.body?.error?.code, where).toBe(!refusedAtDoor ? expectedCode(allowed, session.signedIn as boolean) : 'bad_request');
          expect(typeof a.body?.error?.message, where).toBe('string');
        }
        const after = snapshot();
        expect(after.digest, `${who} ${channel}: a refused call changed stored data`).toBe(before.digest);
        expect(after.users).toBe(before.users);
        expect(after.sessions).toBe(before.sessions);
        expect(newAuditActions(before.auditCount).filter((a) => !REFUSAL_AUDIT.has(a)), `${who} ${channel}`).toEqual([]);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((Object.prototype as Record<string, unknown>).isAdmin).toBeUndefined();
      // Still signed in as the same person, and still answering.
      expect((await call('getSession')).signedIn).toBe(who !== 'anonymous');
      if (who !== 'anonymous') await call('signOut');
    }, 120_000);
  }

  it('wrong channel names, foreign origins, missing cookies and oversized bodies are refused at the door', async () => {
    const before = snapshot();
    for (const name of WRONG_CHANNELS) {
      const a = await post(name, '{}');
      if (a.status === 200) expect(a.body?.error?.code, name).toBe('unknown_channel');
      else expect([404, 400], name).toContain(a.status);
    }
    for (const channel of channelNames) {
      const foreign = await post(channel, '{}', { origin: 'http://evil.example' });
      expect(foreign.body?.error?.code, channel).toBe('untrusted_sender');
      const noCookie = await post(channel, '{}', { cookie: '' });
      expect(noCookie.status, channel).toBe(403);
      const forged = await post(channel, '{}', { cookie: 'diwan_bridge=forged' });
      expect(forged.status, channel).toBe(403);
      const huge = await post(channel, JSON.stringify({ username: 'a'.repeat(2 * 1024 * 1024) }));
      expect(huge.body?.error?.code, channel).toBe('bad_request');
    }
    expect(snapshot().digest).toBe(before.digest);
    expect(newAuditActions(before.auditCount)).toEqual([]);
    expect((await call('getStatus')).schemaVersion).toBeGreaterThan(0);
    const verdict = await bridge.core.auditTrail.verify();
    expect(verdict.ok, JSON.stringify(verdict.problems)).toBe(true);
  }, 60_000);
});

function isValid(schema: (typeof contract)[keyof typeof contract]['request'], body: string): boolean {
  try {
    return schema.safeParse(JSON.parse(body)).success;
  } catch {
    return false;
  }
}

function isJson(body: string): boolean {
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

/** Authorization comes before the schema: a forbidden call is refused as such whatever it carries. */
function expectedCode(allowed: boolean, signedIn: boolean): string {
  if (allowed) return 'bad_request';
  return signedIn ? 'forbidden' : 'unauthenticated';
}
