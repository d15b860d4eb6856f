import crypto from 'node:crypto';
import { attachmentViews } from './attachment-views';
import type { Role } from '../../core/auth';
import { DiwanError } from '../../core/shared/errors';
import { Listeners } from '../../core/shared/listeners';
import type { SqlExecutor, SqlValue } from './executor';
import { ingestBatch, type IngestResult } from './ingest';
import { updateConversations } from './label-activity';
import { checkSchema, migrate, schemaVersion } from './migrations';
import { chunks, inList, valuesList } from './sql-rows';
import type {
  Actor,
  Audience,
  AuditInput,
  EventInput,
  ConversationView,
  HubChannel,
  HubDevice,
  HubEvent,
  HubSession,
  SessionChange,
  HubUser,
  MessageView,
  OutboxClaim,
  PreparedMessage,
  RevealRow,
  TeamMember,
} from './types';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  totp_secret: string | null;
  disabled: number;
  failures: number;
  locked_until: number;
}

interface ConversationRow {
  id: number;
  channel_id: string;
  contact_id: number;
  display_name: string | null;
  handle: string | null;
  status: ConversationView['status'];
  assignee_id: number | null;
  last_message_at: number;
  version: number;
}

interface MessageRow {
  id: number;
  conversation_id: number;
  direction: 'in' | 'out';
  author_id: number | null;
  masked_text: string;
  sent_at: number;
  attachments: string | null;
  delivery: string | null;
  revision: 'edited' | 'deleted' | null;
  revised_by: number | null;
}

/** One event row to write: what happened, who may see it, and where (for the nodes' filters). */

const CONVERSATION_SELECT = `SELECT c.id, c.channel_id, c.contact_id, k.display_name, k.handle, c.status, c.assignee_id, c.last_message_at, c.version
  FROM conversations c JOIN contacts k ON k.id = c.contact_id`;

const MESSAGE_SELECT = `SELECT m.id, m.conversation_id, m.direction, m.author_id, m.masked_text, m.sent_at, m.attachments, o.state AS delivery, m.revision, m.revised_by
  FROM messages m LEFT JOIN outbox o ON o.message_id = m.id`;

/** What `claimSignInAttempt` counted: this attempt's number and the lock the name had before it. */
export interface SignInClaim {
  counted: number;
  lockedBefore: number;
}

const toUser = (r: UserRow, channels: string[]): HubUser => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  passwordHash: r.password_hash,
  totpSecret: r.totp_secret,
  disabled: Boolean(r.disabled),
  failures: r.failures,
  lockedUntil: r.locked_until,
  channels,
});

export const toMember = (u: Pick<HubUser, 'id' | 'username' | 'displayName' | 'role' | 'disabled'>): TeamMember => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  disabled: u.disabled,
});

const toConversation = (r: ConversationRow): ConversationView => ({
  id: r.id,
  channelId: r.channel_id,
  contact: { id: r.contact_id, displayName: r.display_name, handle: r.handle },
  status: r.status,
  assigneeId: r.assignee_id,
  lastMessageAt: r.last_message_at,
  version: r.version,
});

/**
 * The hub's data, on either adapter. Every operation that changes what consoles show writes its event row in the
 * same transaction (after `serializeEvents`, so event order is commit order); the one NOTIFY (PostgreSQL) that
 * `serializeEvents` queues per transaction only wakes nodes.
 * Text columns hold masked text; originals arrive sealed from the ingest step and leave sealed.
 */
export class HubStore {
  constructor(
    readonly q: SqlExecutor,
    readonly now: () => number,
  ) {}

  /** Heard in this process as soon as a statement ends or changes sessions (other nodes hear the `diwan_sessions` NOTIFY). */
  readonly sessionChanges = new Listeners<[SessionChange]>('session changes');

  /**
   * Inside the transaction that ends or changes sessions: tells every node's cache of verified sessions. The NOTIFY is
   * delivered at COMMIT, so a node that has heard every notification committed before a request (`EventFeed.fence`)
   * never answers that request from a stale entry.
   */
  private async sessionsChanged(t: SqlExecutor, change: SessionChange): Promise<void> {
    if (t.dialect === 'postgres') await t.run("SELECT pg_notify('diwan_sessions', ?)", [JSON.stringify(change)]);
    this.sessionChanges.emit(change);
  }

  get dialect() {
    return this.q.dialect;
  }

  migrate() {
    return migrate(this.q);
  }

  schemaVersion() {
    return schemaVersion(this.q);
  }

  checkSchema() {
    return checkSchema(this.q);
  }

  async ping(): Promise<void> {
    await this.q.get('SELECT 1 AS one');
  }

  close() {
    return this.q.close();
  }

  // ── events ────────────────────────────────────────────────────────────────────────────────────────────────

  /** Writes an event row inside `t` (the caller's transaction); store modules of each area use it. */
  async emit(
    t: SqlExecutor,
    kind: string,
    audience: Audience,
    payload: unknown,
    where: { channelId?: string | null; conversationId?: number | null } = {},
  ): Promise<number> {
    return (await this.emitMany(t, [{ kind, audience, payload, where }]))[0]!;
  }

  /**
   * Writes event rows inside `t` in the given order; returns their seqs. On PostgreSQL one INSERT of array parameters
   * (whatever the number of events) that also takes the event lock (`eventLockCondition`), with `along`
   * (data-modifying CTEs, e.g. `conversationUpdateCtes`) in the same statement: an ingest batch's last round trip.
   * SQLite: one multi-row INSERT per chunk.
   */
  async emitMany(
    t: SqlExecutor,
    events: readonly EventInput[],
    along?: { ctes: string; params: readonly SqlValue[] },
  ): Promise<number[]> {
    if (along && t.dialect !== 'postgres') throw new Error('emitMany: CTEs along with the events are PostgreSQL only');
    if (!events.length) return [];
    const lock = t.eventLockCondition();
    if (!lock) await t.serializeEvents();
    const at = this.now();
    if (t.dialect === 'postgres') {
      // One statement for any number of events: each column one array parameter.
      const rows = await t.all<{ seq: number }>(
        `${along ? `WITH ${along.ctes} ` : ''}INSERT INTO events (at, kind, audience, channel_id, conversation_id, payload)
         SELECT CAST(? AS BIGINT), e.kind, e.audience, e.channel, e.conversation, e.payload
           FROM unnest(CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS BIGINT[]), CAST(? AS TEXT[])) AS e(kind, audience, channel, conversation, payload)${lock ? ` WHERE ${lock}` : ''}
         RETURNING seq`,
        [
          ...(along?.params ?? []),
          at,
          events.map((e) => e.kind),
          events.map((e) => e.audience),
          events.map((e) => e.where?.channelId ?? null),
          events.map((e) => e.where?.conversationId ?? null),
          events.map((e) => JSON.stringify(e.payload)),
        ],
      );
      return rows.map((r) => r.seq).sort((x, y) => x - y);
    }
    const seqs: number[] = [];
    for (const [n, part] of chunks(events).entries()) {
      const values = part.flatMap((e) => [at, e.kind, e.audience, e.where?.channelId ?? null, e.where?.conversationId ?? null, JSON.stringify(e.payload)]);
      const rows =
        n === 0 && (lock || along)
          ? await t.all<{ seq: number }>(
              `${along ? `WITH ${along.ctes} ` : ''}INSERT INTO events (at, kind, audience, channel_id, conversation_id, payload)
               SELECT * FROM (VALUES ${valuesList(part.length, '(CAST(? AS BIGINT), ?, ?, ?, CAST(? AS BIGINT), ?)')}) AS v${lock ? ` WHERE ${lock}` : ''} RETURNING seq`,
              [...(along?.params ?? []), ...values],
            )
          : await t.all<{ seq: number }>(`INSERT INTO events (at, kind, audience, channel_id, conversation_id, payload) VALUES ${valuesList(part.length, '(?, ?, ?, ?, ?, ?)')} RETURNING seq`, values);
      seqs.push(...rows.map((r) => r.seq).sort((x, y) => x - y));
    }
    return seqs;
  }

  async eventsAfter(seq: number, limit = 500): Promise<HubEvent[]> {
    const rows = await this.q.all<{ seq: number; at: number; kind: string; audience: Audience; channel_id: string | null; conversation_id: number | null; payload: string }>(
      'SELECT seq, at, kind, audience, channel_id, conversation_id, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
      [seq, limit],
    );
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      kind: r.kind,
      audience: r.audience,
      channelId: r.channel_id,
      conversationId: r.conversation_id,
      payload: JSON.parse(r.payload) as unknown,
    }));
  }

  async latestEventSeq(): Promise<number> {
    return (await this.q.get<{ s: number | null }>('SELECT MAX(seq) AS s FROM events'))?.s ?? 0;
  }

  async ackCursor(userId: number, device: string, seq: number): Promise<void> {
    await this.q.run(
      'INSERT INTO cursors (user_id, device, seq, at) VALUES (?, ?, ?, ?) ON CONFLICT (user_id, device) DO UPDATE SET seq = excluded.seq, at = excluded.at WHERE cursors.seq < excluded.seq',
      [userId, device, seq, this.now()],
    );
  }

  /** How far each console (person and device) has acknowledged the stream, most recent first: `diwan hub status`. */
  async consoleCursors(limit = 50): Promise<Array<{ username: string; device: string; seq: number; at: number }>> {
    return this.q.all(
      `SELECT u.username, COALESCE(d.label, c.device) AS device, c.seq, c.at FROM cursors c
         JOIN users u ON u.id = c.user_id LEFT JOIN devices d ON d.fingerprint = c.device
        ORDER BY c.at DESC LIMIT ?`,
      [limit],
    );
  }

  // ── accounts, devices, sessions ───────────────────────────────────────────────────────────────────────────

  async createUser(u: { username: string; displayName: string; role: Role; passwordHash: string }, actor: Actor): Promise<HubUser> {
    return this.q.tx((t) => this.createUserIn(t, u, actor));
  }

  /** `createUser` inside the caller's transaction; `disabled` makes an account nobody can sign in with yet (a role grant waiting for a second administrator). */
  async createUserIn(
    t: SqlExecutor,
    u: { username: string; displayName: string; role: Role; passwordHash: string; disabled?: boolean },
    actor: Actor & { details?: Record<string, unknown> },
  ): Promise<HubUser> {
    const taken = await t.get('SELECT id FROM users WHERE username = ?', [u.username]);
    if (taken) throw new DiwanError('user_exists', `There is already a user called "${u.username}".`);
    const disabled = u.disabled ?? false;
    const row = await t.get<{ id: number }>(
      'INSERT INTO users (username, display_name, role, password_hash, created_at, disabled) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
      [u.username, u.displayName, u.role, u.passwordHash, this.now(), disabled ? 1 : 0],
    );
    const user: HubUser = { id: row!.id, username: u.username, displayName: u.displayName, role: u.role, passwordHash: u.passwordHash, totpSecret: null, disabled, failures: 0, lockedUntil: 0, channels: [] };
    await this.emit(t, 'user.updated', 'team', toMember(user));
    const { details, ...by } = actor;
    await this.appendAudit(t, { ...by, action: 'user.created', target: `user:${user.id}`, details: { ...details, username: u.username, role: u.role, ...(disabled ? { disabled } : {}) } });
    return user;
  }

  async userCount(): Promise<number> {
    return (await this.q.get<{ n: number }>('SELECT COUNT(*) AS n FROM users'))!.n;
  }

  private async channelsOf(q: SqlExecutor, userId: number): Promise<string[]> {
    return (await q.all<{ channel_id: string }>('SELECT channel_id FROM user_channels WHERE user_id = ? ORDER BY channel_id', [userId])).map((r) => r.channel_id);
  }

  async userByName(username: string): Promise<HubUser | null> {
    const r = await this.q.get<UserRow>('SELECT * FROM users WHERE username = ?', [username]);
    return r ? toUser(r, await this.channelsOf(this.q, r.id)) : null;
  }

  async userById(id: number, q: SqlExecutor = this.q): Promise<HubUser | null> {
    const r = await q.get<UserRow>('SELECT * FROM users WHERE id = ?', [id]);
    return r ? toUser(r, await this.channelsOf(q, r.id)) : null;
  }

  async team(): Promise<TeamMember[]> {
    const rows = await this.q.all<UserRow>('SELECT * FROM users ORDER BY username');
    return rows.map((r) => toMember(toUser(r, [])));
  }

  /** Sign-in bookkeeping (failures, lock-out) — not an event: consoles do not follow it. */
  async recordSignIn(userId: number, outcome: { failures: number; lockedUntil: number }): Promise<void> {
    await this.q.run('UPDATE users SET failures = ?, locked_until = ? WHERE id = ?', [outcome.failures, outcome.lockedUntil, userId]);
  }

  /**
   * Counts an attempt at a person's password or code BEFORE it is checked (compare-and-set on the count, so guesses sent
   * at once, to any node, each take their own number and the one that reaches the limit locks the name for the rest):
   * `refusedUntil` while the name is locked (nothing counted), else the count this attempt took and the lock before it,
   * for `giveBackSignInAttempt`. Counting after the check let every guess in flight read the same unlocked row. A name
   * with no failure for `forgetMs` starts again from zero.
   */
  async claimSignInAttempt(userId: number, now: number, lockFor: (failures: number) => number, forgetMs: number): Promise<{ refusedUntil: number } | SignInClaim> {
    return this.claimAttempt('users', 'id', userId, now, lockFor, forgetMs);
  }

  /**
   * The same count for a name that is no account (its password checked against a decoy), so five wrong guesses lock a
   * made-up name as they lock a real one. Its rows are swept a day after their last failure.
   */
  async claimUnknownNameAttempt(name: string, now: number, lockFor: (failures: number) => number, forgetMs: number): Promise<{ refusedUntil: number } | SignInClaim> {
    return this.claimAttempt('signin_names', 'name', name, now, lockFor, forgetMs);
  }

  private async claimAttempt(
    table: 'users' | 'signin_names',
    key: 'id' | 'name',
    id: number | string,
    now: number,
    lockFor: (failures: number) => number,
    forgetMs: number,
  ): Promise<{ refusedUntil: number } | SignInClaim> {
    for (let tries = 0; tries < 100; tries++) {
      const r = await this.q.get<{ failures: number; last_failure_at: number; locked_until: number }>(`SELECT failures, last_failure_at, locked_until FROM ${table} WHERE ${key} = ?`, [id]);
      if (r && r.locked_until > now) return { refusedUntil: r.locked_until };
      if (!r && table === 'users') return { refusedUntil: now + 1_000 };
      const failures = (r && now - r.last_failure_at < forgetMs ? r.failures : 0) + 1;
      const lockMs = lockFor(failures);
      // Unlocked stays 0, never "now": a guess read a moment earlier must not find a time after its own.
      const lockedUntil = lockMs > 0 ? now + lockMs : 0;
      const won = r
        ? await this.q.run(`UPDATE ${table} SET failures = ?, last_failure_at = ?, locked_until = ? WHERE ${key} = ? AND failures = ? AND last_failure_at = ? AND locked_until = ?`, [
            failures,
            now,
            lockedUntil,
            id,
            r.failures,
            r.last_failure_at,
            r.locked_until,
          ])
        : await this.q.run('INSERT INTO signin_names (name, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING', [id, failures, now, lockedUntil]);
      if (won.changes !== 1) continue;
      if (!r) await this.q.run('DELETE FROM signin_names WHERE last_failure_at < ? AND locked_until < ?', [now - forgetMs, now]);
      return { counted: failures, lockedBefore: r && failures > 1 ? r.locked_until : 0 };
    }
    return { refusedUntil: now + 1_000 };
  }

  /**
   * A right password that still needs its second factor takes back only its own attempt: the count of wrong codes
   * before it stays (clearing it let someone who knows the password try codes without end). The lock it set is undone
   * only when no attempt was counted after it.
   */
  async giveBackSignInAttempt(userId: number, claim: SignInClaim): Promise<void> {
    await this.q.run('UPDATE users SET failures = failures - 1, locked_until = CASE WHEN failures = ? THEN ? ELSE locked_until END WHERE id = ? AND failures > 0', [
      claim.counted,
      claim.lockedBefore,
      userId,
    ]);
  }

  /** Accepts a TOTP time step once per user across every node (compare-and-set): false when it was used already. */
  async useTotpStep(userId: number, step: number): Promise<boolean> {
    const r = await this.q.run('UPDATE users SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)', [step, userId, step]);
    return r.changes === 1;
  }

  async updateUser(
    id: number,
    patch: { disabled?: boolean; role?: Role; totpSecret?: string | null; passwordHash?: string; channels?: string[] },
    actor: Actor & { action: string; details?: Record<string, unknown>; keepSession?: string },
  ): Promise<HubUser> {
    return this.q.tx((t) => this.updateUserIn(t, id, patch, actor));
  }

  /** `updateUser` inside the caller's transaction (a confirmed request and the change it asked for commit together). */
  async updateUserIn(
    t: SqlExecutor,
    id: number,
    patch: { disabled?: boolean; role?: Role; totpSecret?: string | null; passwordHash?: string; channels?: string[] },
    actor: Actor & { action: string; details?: Record<string, unknown>; keepSession?: string },
  ): Promise<HubUser> {
    const before = await t.get<UserRow>('SELECT * FROM users WHERE id = ?', [id]);
    if (!before) throw new DiwanError('user_unknown', `There is no user with id ${id}.`);
    if (patch.disabled !== undefined) await t.run('UPDATE users SET disabled = ? WHERE id = ?', [patch.disabled ? 1 : 0, id]);
    if (patch.role !== undefined) await t.run('UPDATE users SET role = ? WHERE id = ?', [patch.role, id]);
    if (patch.totpSecret !== undefined) await t.run('UPDATE users SET totp_secret = ? WHERE id = ?', [patch.totpSecret, id]);
    // A reset second factor takes its recovery codes and any half-done set-up with it (store/second-factor.ts).
    if (patch.totpSecret === null) for (const table of ['recovery_codes', 'totp_enrolments']) await t.run(`DELETE FROM ${table} WHERE user_id = ?`, [id]);
    if (patch.passwordHash !== undefined) await t.run('UPDATE users SET password_hash = ?, failures = 0, locked_until = 0 WHERE id = ?', [patch.passwordHash, id]);
    if (patch.channels) {
      await t.run('DELETE FROM user_channels WHERE user_id = ?', [id]);
      for (const c of [...new Set(patch.channels)]) await t.run('INSERT INTO user_channels (user_id, channel_id) VALUES (?, ?)', [id, c]);
    }
    // Disabling, a role change or a second-factor reset ends the user's sessions on every node.
    if (patch.disabled || patch.role !== undefined || patch.totpSecret !== undefined || patch.passwordHash !== undefined) {
      // A person changing their own password stays signed in on the desk where they did it, and nowhere else.
      await t.run('DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?', [id, actor.keepSession ?? '']);
    }
    // Cached sessions carry the user as it was (role, channels, disabled): any change drops them on every node.
    await this.sessionsChanged(t, { userId: id });
    const after = toUser((await t.get<UserRow>('SELECT * FROM users WHERE id = ?', [id]))!, await this.channelsOf(t, id));
    await this.emit(t, 'user.updated', 'team', toMember(after));
    const details: Record<string, unknown> = {};
    if (patch.disabled !== undefined) details.disabled = patch.disabled;
    if (patch.role !== undefined) details.role = patch.role;
    if (patch.channels) details.channels = after.channels;
    const { keepSession: _kept, ...by } = actor;
    await this.appendAudit(t, { ...by, target: `user:${id}`, details: { ...actor.details, ...details } });
    return after;
  }

  async enrolDevice(d: { fingerprint: string; publicKey: string; label: string }, actor: Actor): Promise<void> {
    await this.q.tx(async (t) => {
      await t.run(
        'INSERT INTO devices (fingerprint, public_key, label, enrolled_at) VALUES (?, ?, ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET public_key = excluded.public_key, label = excluded.label, revoked = 0',
        [d.fingerprint, d.publicKey, d.label, this.now()],
      );
      await this.appendAudit(t, { ...actor, action: 'device.enrolled', target: `device:${d.fingerprint}`, details: { label: d.label } });
    });
  }

  async revokeDevice(fingerprint: string, actor: Actor): Promise<void> {
    await this.q.tx(async (t) => {
      await t.run('UPDATE devices SET revoked = 1 WHERE fingerprint = ?', [fingerprint]);
      await t.run('DELETE FROM sessions WHERE device = ?', [fingerprint]);
      await this.sessionsChanged(t, { device: fingerprint });
      // What a relayed channel queued for this computer is erased with it, and its relay sessions end.
      const relayed = await t.all<{ seq: number }>('DELETE FROM relay_events WHERE device = ? RETURNING seq', [fingerprint]);
      await t.run('DELETE FROM relay_sessions WHERE fingerprint = ?', [fingerprint]);
      await this.appendAudit(t, { ...actor, action: 'device.revoked', target: `device:${fingerprint}`, ...(relayed.length ? { details: { relayEventsErased: relayed.length } } : {}) });
    });
  }

  async device(fingerprint: string): Promise<HubDevice | null> {
    const r = await this.q.get<{ fingerprint: string; public_key: string; label: string; revoked: number }>('SELECT * FROM devices WHERE fingerprint = ?', [fingerprint]);
    return r ? { fingerprint: r.fingerprint, publicKey: r.public_key, label: r.label, revoked: Boolean(r.revoked) } : null;
  }

  /** A single-use nonce for an enrolled device; at most `perDevice` wait per device, so strangers cannot evict it. */
  async createChallenge(fingerprint: string, nonce: string, expiresAt: number, perDevice = 8): Promise<void> {
    await this.q.tx(async (t) => {
      await t.run('DELETE FROM device_challenges WHERE expires_at <= ?', [this.now()]);
      const pending = await t.all<{ nonce: string }>('SELECT nonce FROM device_challenges WHERE fingerprint = ? ORDER BY expires_at', [fingerprint]);
      for (const old of pending.slice(0, Math.max(0, pending.length - perDevice + 1))) await t.run('DELETE FROM device_challenges WHERE nonce = ?', [old.nonce]);
      await t.run('INSERT INTO device_challenges (nonce, fingerprint, expires_at) VALUES (?, ?, ?)', [nonce, fingerprint, expiresAt]);
    });
  }

  /** Takes a nonce (single use whatever happens next): true when it was issued to this device and is still valid. */
  async takeChallenge(fingerprint: string, nonce: string): Promise<boolean> {
    const row = await this.q.get<{ fingerprint: string; expires_at: number }>('DELETE FROM device_challenges WHERE nonce = ? RETURNING fingerprint, expires_at', [nonce]);
    return Boolean(row && row.fingerprint === fingerprint && row.expires_at > this.now());
  }

  async createSession(s: HubSession): Promise<void> {
    await this.q.run('INSERT INTO sessions (token_hash, user_id, device, stage, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)', [
      s.tokenHash,
      s.userId,
      s.device,
      s.stage,
      this.now(),
      s.expiresAt,
    ]);
  }

  async session(tokenHash: string): Promise<HubSession | null> {
    const r = await this.q.get<{ token_hash: string; user_id: number; device: string; stage: HubSession['stage']; expires_at: number }>(
      'SELECT token_hash, user_id, device, stage, expires_at FROM sessions WHERE token_hash = ?',
      [tokenHash],
    );
    if (!r) return null;
    if (r.expires_at <= this.now()) {
      await this.q.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]);
      return null;
    }
    return { tokenHash: r.token_hash, userId: r.user_id, device: r.device, stage: r.stage, expiresAt: r.expires_at };
  }

  async extendSession(tokenHash: string, expiresAt: number): Promise<void> {
    await this.q.run('UPDATE sessions SET expires_at = ? WHERE token_hash = ? AND expires_at < ?', [expiresAt, tokenHash, expiresAt]);
  }

  async endSession(tokenHash: string): Promise<void> {
    await this.q.tx(async (t) => {
      await t.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]);
      await this.sessionsChanged(t, { tokenHash });
    });
  }

  /** Up to `limit` complete sessions still alive, newest deadline first (a node's cache fills from them in one read). */
  async liveSessions(limit: number): Promise<HubSession[]> {
    const rows = await this.q.all<{ token_hash: string; user_id: number; device: string; expires_at: number }>(
      "SELECT token_hash, user_id, device, expires_at FROM sessions WHERE stage = 'full' AND expires_at > ? ORDER BY expires_at DESC LIMIT ?",
      [this.now(), limit],
    );
    return rows.map((r) => ({ tokenHash: r.token_hash, userId: r.user_id, device: r.device, stage: 'full', expiresAt: Number(r.expires_at) }));
  }

  /** Users by id, with their channels, in two statements whatever their number. */
  async usersByIds(ids: readonly number[]): Promise<Map<number, HubUser>> {
    const out = new Map<number, HubUser>();
    for (const part of chunks([...new Set(ids)])) {
      const rows = await this.q.all<UserRow>(`SELECT * FROM users WHERE id IN (${inList(part.length)})`, part);
      const channels = await this.q.all<{ user_id: number; channel_id: string }>(
        `SELECT user_id, channel_id FROM user_channels WHERE user_id IN (${inList(part.length)}) ORDER BY channel_id`,
        part,
      );
      for (const r of rows) out.set(r.id, toUser(r, channels.filter((c) => c.user_id === r.id).map((c) => c.channel_id)));
    }
    return out;
  }

  /** Moves several sessions' idle deadlines in one statement (never backwards). */
  async extendSessions(deadlines: ReadonlyArray<{ tokenHash: string; expiresAt: number }>): Promise<void> {
    for (const part of chunks(deadlines)) {
      await this.q.run(
        `UPDATE sessions SET expires_at = v.column2 FROM (VALUES ${valuesList(part.length, '(CAST(? AS TEXT), CAST(? AS BIGINT))')}) AS v
          WHERE sessions.token_hash = v.column1 AND sessions.expires_at < v.column2`,
        part.flatMap((d) => [d.tokenHash, d.expiresAt]),
      );
    }
  }

  // ── channels ──────────────────────────────────────────────────────────────────────────────────────────────

  async saveChannel(c: HubChannel, actor: Actor): Promise<void> {
    await this.q.tx(async (t) => {
      await t.run(
        // The revision moves on so the node running the channel restarts it with what changed (store/channel-setup.ts).
        'INSERT INTO channels (id, kind, name, config, enabled) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, config = excluded.config, enabled = excluded.enabled, revision = channels.revision + 1',
        [c.id, c.kind, c.name, JSON.stringify(c.config), c.enabled ? 1 : 0],
      );
      await this.emit(t, 'channel.updated', 'team', { id: c.id, kind: c.kind, name: c.name, enabled: c.enabled });
      await this.appendAudit(t, { ...actor, action: 'channel.saved', target: `channel:${c.id}`, details: { kind: c.kind, enabled: c.enabled } });
    });
  }

  async channels(): Promise<HubChannel[]> {
    const rows = await this.q.all<{ id: string; kind: string; name: string; config: string; enabled: number }>('SELECT id, kind, name, config, enabled FROM channels ORDER BY id');
    return rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, config: JSON.parse(r.config) as Record<string, unknown>, enabled: Boolean(r.enabled) }));
  }

  async channelCursor(channelId: string): Promise<string | null> {
    return (await this.q.get<{ cursor: string | null }>('SELECT cursor FROM channels WHERE id = ?', [channelId]))?.cursor ?? null;
  }

  // ── ingest ────────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Stores a batch idempotently by (channel, platform message id), with the channel's cursor, in one transaction;
   * each new message becomes an event. Set-based: a fixed number of statements per batch (`ingest.ts`).
   */
  async ingest(channelId: string, batch: PreparedMessage[], cursor?: string | null, q: SqlExecutor = this.q): Promise<IngestResult> {
    return q.tx((t) => ingestBatch(this, t, channelId, batch, cursor));
  }

  /**
   * An agent's reply moves the conversation's activity and version (consoles follow the version). Customers' messages
   * reach conversations only through `ingest.ts`, whose `bump` is the one rule for opening and reopening.
   */
  private async bumpForReply(t: SqlExecutor, id: number, at: number): Promise<ConversationView> {
    await updateConversations(
      t,
      'UPDATE conversations SET last_message_at = CASE WHEN last_message_at > ? THEN last_message_at ELSE ? END, version = version + 1 WHERE id = ?',
      [at, at, id],
      [id],
    );
    return (await this.conversationIn(t, id))!;
  }

  async conversationIn(t: SqlExecutor, id: number): Promise<ConversationView | null> {
    const r = await t.get<ConversationRow>(`${CONVERSATION_SELECT} WHERE c.id = ?`, [id]);
    return r ? toConversation(r) : null;
  }

  // ── conversations ─────────────────────────────────────────────────────────────────────────────────────────

  conversation(id: number): Promise<ConversationView | null> {
    return this.conversationIn(this.q, id);
  }

  async conversations(filter: { channels?: readonly string[] | null; assigneeId?: number | null; status?: string; labelId?: number; limit?: number } = {}): Promise<ConversationView[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.channels) {
      if (!filter.channels.length) return [];
      where.push(`c.channel_id IN (${filter.channels.map(() => '?').join(', ')})`);
      params.push(...filter.channels);
    }
    if (filter.assigneeId !== undefined) {
      if (filter.assigneeId === null) where.push('c.assignee_id IS NULL');
      else {
        where.push('c.assignee_id = ?');
        params.push(filter.assigneeId);
      }
    }
    if (filter.status) {
      where.push('c.status = ?');
      params.push(filter.status);
    }
    const limit = Math.min(filter.limit ?? 100, 500);
    // One person's conversations with a label: walk that person's newest (`conversations_assignee_recent`) and probe
    // each for the label — bounded by the person's workload. The label's own index would be walked until 50 of its
    // entries are that person's: 29 ms a page at 3M messages for a label on a fifth of the conversations
    // (bench/README.md, "The hub's store after a year", s15-team).
    if (filter.labelId !== undefined && typeof filter.assigneeId === 'number') {
      const rows = await this.q.all<ConversationRow>(
        `${CONVERSATION_SELECT} WHERE ${where.join(' AND ')} AND EXISTS (SELECT 1 FROM conversation_labels l WHERE l.conversation_id = c.id AND l.label_id = ?)
          ORDER BY c.last_message_at DESC, c.id DESC LIMIT ?`,
        [...params, filter.labelId, limit],
      );
      return rows.map(toConversation);
    }
    // With a label, walk that label's activity index (schema 11) instead of every conversation carrying it.
    const rows =
      filter.labelId !== undefined
        ? await this.q.all<ConversationRow>(
            `${CONVERSATION_SELECT} JOIN conversation_labels l ON l.conversation_id = c.id WHERE l.label_id = ?${where.length ? ` AND ${where.join(' AND ')}` : ''}
              ORDER BY l.last_message_at DESC, l.conversation_id DESC LIMIT ?`,
            [filter.labelId, ...params, limit],
          )
        : await this.q.all<ConversationRow>(`${CONVERSATION_SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY c.last_message_at DESC, c.id DESC LIMIT ?`, [
            ...params,
            limit,
          ]);
    return rows.map(toConversation);
  }

  async messages(conversationId: number, limit = 200): Promise<MessageView[]> {
    const rows = await this.q.all<MessageRow>(`${MESSAGE_SELECT} WHERE m.conversation_id = ? ORDER BY m.id DESC LIMIT ?`, [conversationId, Math.min(limit, 1000)]);
    rows.reverse();
    const fields = rows.length
      ? await this.q.all<{ message_id: number; n: number; type: string; shown: string }>(
          `SELECT message_id, n, type, shown FROM message_fields WHERE message_id IN (${rows.map(() => '?').join(', ')}) ORDER BY message_id, n`,
          rows.map((r) => r.id),
        )
      : [];
    return rows.map((r) => ({
      id: r.id,
      conversationId: r.conversation_id,
      direction: r.direction,
      authorId: r.author_id,
      maskedText: r.masked_text,
      sentAt: r.sent_at,
      fields: fields.filter((f) => f.message_id === r.id).map((f) => ({ n: f.n, type: f.type, shown: f.shown })),
      attachments: r.attachments ? attachmentViews(JSON.parse(r.attachments) as unknown[]) : [],
      delivery: r.delivery,
      ...(r.revision ? { revision: r.revision, revisedBy: Number(r.revised_by) } : {}),
    }));
  }

  /**
   * Assigns (or unassigns) a conversation. With `expectedVersion`, a compare-and-set: if someone changed the
   * conversation meanwhile, nothing is written and `conflict` says so.
   */
  async assign(conversationId: number, assigneeId: number | null, actor: Actor, expectedVersion?: number): Promise<ConversationView> {
    return this.q.tx(async (t) => {
      const r = await t.run(
        `UPDATE conversations SET assignee_id = ?, version = version + 1 WHERE id = ?${expectedVersion === undefined ? '' : ' AND version = ?'}`,
        expectedVersion === undefined ? [assigneeId, conversationId] : [assigneeId, conversationId, expectedVersion],
      );
      const view = await this.conversationIn(t, conversationId);
      if (!view) throw new DiwanError('conversation_unknown', 'That conversation does not exist.');
      if (!r.changes) throw new DiwanError('conflict', 'Someone changed this conversation a moment ago. Look at it again, then assign.');
      await this.emit(t, 'conversation.updated', 'conversation', view, { channelId: view.channelId, conversationId });
      await this.appendAudit(t, { ...actor, action: 'conversation.assigned', target: `conversation:${conversationId}`, details: { assigneeId } });
      return view;
    });
  }

  async setStatus(conversationId: number, status: ConversationView['status'], actor: Actor): Promise<ConversationView> {
    return this.q.tx(async (t) => {
      // Any status set here ends a snooze (snoozing itself is `store/snoozes.ts`).
      await t.run("UPDATE conversations SET status = ?, resolved_at = CASE WHEN ? = 'resolved' THEN ? ELSE resolved_at END, snoozed_until = NULL, version = version + 1 WHERE id = ?", [
        status,
        status,
        this.now(),
        conversationId,
      ]);
      const view = await this.conversationIn(t, conversationId);
      if (!view) throw new DiwanError('conversation_unknown', 'That conversation does not exist.');
      await this.emit(t, 'conversation.updated', 'conversation', view, { channelId: view.channelId, conversationId });
      await this.appendAudit(t, { ...actor, action: 'conversation.status', target: `conversation:${conversationId}`, details: { status } });
      return view;
    });
  }

  /** `alsoInTx` lets an area add its own rows and events to the note's transaction (mentions, `store/workflow.ts`). */
  async addNote(
    conversationId: number,
    authorId: number,
    maskedText: string,
    sealedText: Buffer | null,
    actor: Actor,
    alsoInTx?: (t: SqlExecutor, note: { id: number; conversation: ConversationView }) => Promise<void>,
  ): Promise<number> {
    return this.q.tx(async (t) => {
      const view = await this.conversationIn(t, conversationId);
      if (!view) throw new DiwanError('conversation_unknown', 'That conversation does not exist.');
      const row = await t.get<{ id: number }>('INSERT INTO notes (conversation_id, author_id, masked_text, sealed_text, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id', [
        conversationId,
        authorId,
        maskedText,
        sealedText,
        this.now(),
      ]);
      await this.emit(t, 'note.added', 'conversation', { id: row!.id, conversationId, authorId, maskedText, at: this.now() }, { channelId: view.channelId, conversationId });
      await this.appendAudit(t, { ...actor, action: 'note.added', target: `conversation:${conversationId}` });
      await alsoInTx?.(t, { id: row!.id, conversation: view });
      return row!.id;
    });
  }

  /** The newest event a reply's author could have seen that a colleague or the customer wrote after `seenSeq`. */
  async newerActivity(conversationId: number, seenSeq: number, authorId: number, q: SqlExecutor = this.q): Promise<{ seq: number; kind: string } | null> {
    const rows = await q.all<{ seq: number; kind: string; payload: string }>(
      "SELECT seq, kind, payload FROM events WHERE conversation_id = ? AND seq > ? AND kind IN ('message.added', 'note.added') ORDER BY seq",
      [conversationId, seenSeq],
    );
    for (const r of rows) {
      const p = JSON.parse(r.payload) as { direction?: string; authorId?: number | null };
      if (r.kind === 'message.added' && p.direction === 'in') return { seq: r.seq, kind: 'customer' };
      if (p.authorId != null && p.authorId !== authorId) return { seq: r.seq, kind: 'colleague' };
    }
    return null;
  }

  // ── replies and the outbox ────────────────────────────────────────────────────────────────────────────────

  /**
   * Queues an agent's reply. Idempotent by (device, clientId): a console that sends the same queued reply again
   * after a lost answer gets the first one back (`duplicate`), so a reply goes out once.
   */
  async enqueueReply(r: {
    conversationId: number;
    /** null: the hub itself (the consent notice). */
    authorId: number | null;
    device: string;
    clientId: string;
    maskedText: string;
    fields: Array<{ type: string; shown: string }>;
    seal: (messageId: number) => { text: Buffer | null; fields: Buffer[] };
    /** The text the channel sends, under the hub's outbox key; erased once the platform has it (or refused it for good). */
    outboxText: (messageId: number) => Buffer;
    actor: Actor;
    /** Runs in the same transaction once the reply has its id (a lead's approval is used up with the send it allows). */
    alsoInTx?: (t: SqlExecutor, messageId: number) => Promise<void>;
    /**
     * Runs holding the event lock, so what it reads (the send-time collision check) cannot change before the reply
     * is written: of two colleagues sending at the same moment, the second sees the first's reply.
     */
    guard?: (t: SqlExecutor) => Promise<void>;
    /** The reply has nobody to go to (a phishing drill's conversation, `store/drills.ts`): written as sent, never queued. */
    stayAtHub?: boolean;
    /** Per-connector choices the channel sends with (`replyOptions` in the core: the human-agent tag). */
    options?: Record<string, string>;
  }): Promise<{ messageId: number; outboxId: number; duplicate: boolean }> {
    return this.q.tx(async (t) => {
      // The event lock first (the reply's events take it anyway): the same reply sent twice at once, through two
      // nodes, finds the first one here instead of failing on the unique key, and the guard reads settled data.
      await t.serializeEvents();
      const prior = await t.get<{ id: number; message_id: number }>('SELECT id, message_id FROM outbox WHERE device = ? AND client_id = ?', [r.device, r.clientId]);
      if (prior) return { messageId: prior.message_id, outboxId: prior.id, duplicate: true };
      await r.guard?.(t);
      const conv = await t.get<{ channel_id: string; platform_conversation_id: string }>('SELECT channel_id, platform_conversation_id FROM conversations WHERE id = ?', [r.conversationId]);
      if (!conv) throw new DiwanError('conversation_unknown', 'That conversation does not exist.');
      const at = this.now();
      const msg = await t.get<{ id: number }>(
        'INSERT INTO messages (conversation_id, channel_id, platform_message_id, direction, author_id, masked_text, sent_at) VALUES (?, ?, NULL, ?, ?, ?, ?) RETURNING id',
        [r.conversationId, conv.channel_id, 'out', r.authorId, r.maskedText, at],
      );
      const id = msg!.id;
      await r.alsoInTx?.(t, id);
      const sealed = r.seal(id);
      await t.run('UPDATE messages SET sealed_text = ? WHERE id = ?', [sealed.text, id]);
      for (const [n, f] of r.fields.entries()) {
        await t.run('INSERT INTO message_fields (message_id, n, type, shown, sealed) VALUES (?, ?, ?, ?, ?)', [id, n, f.type, f.shown, sealed.fields[n]!]);
      }
      const ob = await t.get<{ id: number }>(
        'INSERT INTO outbox (message_id, channel_id, platform_conversation_id, state, device, client_id, pending_text, options) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
        [id, conv.channel_id, conv.platform_conversation_id, r.stayAtHub ? 'sent' : 'queued', r.device, r.clientId, r.stayAtHub ? null : r.outboxText(id), r.options ? JSON.stringify(r.options) : null],
      );
      const view = await this.bumpForReply(t, r.conversationId, at);
      await this.emit(t, 'conversation.updated', 'conversation', view, { channelId: conv.channel_id, conversationId: r.conversationId });
      await this.emit(
        t,
        'message.added',
        'conversation',
        {
          id,
          conversationId: r.conversationId,
          direction: 'out',
          authorId: r.authorId,
          maskedText: r.maskedText,
          sentAt: at,
          fields: r.fields.map((f, n) => ({ n, type: f.type, shown: f.shown })),
          attachments: [],
          delivery: r.stayAtHub ? 'sent' : 'queued',
          clientId: r.clientId,
        },
        { channelId: conv.channel_id, conversationId: r.conversationId },
      );
      await this.appendAudit(t, { ...r.actor, action: 'message.sent', target: `conversation:${r.conversationId}`, details: { messageId: id, ...(r.options ? { options: r.options } : {}) } });
      return { messageId: id, outboxId: ob!.id, duplicate: false };
    });
  }

  /** The next due reply of a channel, marked `sending` (the channel's lease holder is the only caller). */
  async claimOutbox(channelId: string, now: number): Promise<OutboxClaim | null> {
    return this.q.tx(async (t) => {
      const r = await t.get<{ id: number; message_id: number; platform_conversation_id: string; attempts: number; sealed_text: Buffer | null; options: string | null }>(
        `SELECT o.id, o.message_id, o.platform_conversation_id, o.attempts, o.pending_text AS sealed_text, o.options FROM outbox o JOIN messages m ON m.id = o.message_id
          WHERE o.channel_id = ? AND o.state = 'queued' AND o.not_before <= ? ORDER BY o.id LIMIT 1`,
        [channelId, now],
      );
      if (!r) return null;
      await t.run("UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ?", [r.id]);
      return {
        outboxId: r.id,
        messageId: r.message_id,
        channelId,
        platformConversationId: r.platform_conversation_id,
        sealedText: r.sealed_text,
        attempts: r.attempts + 1,
        ...(r.options ? { options: JSON.parse(r.options) as Record<string, string> } : {}),
      };
    });
  }

  /** Replies caught mid-send by a node that died: their fate is unknown, and the agent decides (never resent blindly). */
  async recoverInterrupted(channelId: string): Promise<number> {
    const rows = await this.q.all<{ id: number }>("SELECT id FROM outbox WHERE channel_id = ? AND state = 'sending'", [channelId]);
    for (const r of rows) await this.markOutbox(r.id, 'unknown', 'The hub node sending this reply stopped; check the conversation on the platform before sending it again.');
    return rows.length;
  }

  async markOutbox(
    outboxId: number,
    state: 'sent' | 'queued' | 'failed' | 'unknown' | 'delivered' | 'read',
    reason: string | null,
    extra: { platformMessageId?: string; notBefore?: number } = {},
    q: SqlExecutor = this.q,
  ): Promise<void> {
    await q.tx(async (t) => {
      await t.run("UPDATE outbox SET state = ?, reason = ?, not_before = COALESCE(?, not_before), sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END WHERE id = ?", [
        state,
        reason,
        extra.notBefore ?? null,
        state,
        this.now(),
        outboxId,
      ]);
      // The clear copy a channel needs lives only until the platform has the reply or refused it for good.
      if (state !== 'queued' && state !== 'unknown') await t.run('UPDATE outbox SET pending_text = NULL WHERE id = ?', [outboxId]);
      const row = await t.get<{ message_id: number; channel_id: string; conversation_id: number }>(
        'SELECT o.message_id, o.channel_id, m.conversation_id FROM outbox o JOIN messages m ON m.id = o.message_id WHERE o.id = ?',
        [outboxId],
      );
      if (!row) return;
      // The platform's echo of this reply (a webhook at another node) may have been stored first under the same id: it
      // keeps the id, and the reply is still sent (a second outgoing copy shows, rather than a failed mark).
      if (extra.platformMessageId) {
        await t.run('UPDATE messages SET platform_message_id = ? WHERE id = ? AND NOT EXISTS (SELECT 1 FROM messages e WHERE e.channel_id = ? AND e.platform_message_id = ?)', [
          extra.platformMessageId,
          row.message_id,
          row.channel_id,
          extra.platformMessageId,
        ]);
      }
      await this.emit(t, 'message.delivery', 'conversation', { messageId: row.message_id, conversationId: row.conversation_id, delivery: state, reason }, {
        channelId: row.channel_id,
        conversationId: row.conversation_id,
      });
    });
  }

  async markDelivery(channelId: string, platformMessageId: string, state: 'delivered' | 'read' | 'failed', reason?: string, q: SqlExecutor = this.q): Promise<void> {
    const r = await q.get<{ id: number }>('SELECT o.id FROM outbox o JOIN messages m ON m.id = o.message_id WHERE m.channel_id = ? AND m.platform_message_id = ?', [
      channelId,
      platformMessageId,
    ]);
    if (r) await this.markOutbox(r.id, state, reason ?? null, {}, q);
  }

  async outboxState(device: string, clientId: string): Promise<string | null> {
    return (await this.q.get<{ state: string }>('SELECT state FROM outbox WHERE device = ? AND client_id = ?', [device, clientId]))?.state ?? null;
  }

  // ── originals and reveals ─────────────────────────────────────────────────────────────────────────────────

  async sealedField(messageId: number, n: number): Promise<{ type: string; sealed: Buffer; conversationId: number; channelId: string } | null> {
    const r = await this.q.get<{ type: string; sealed: Buffer; conversation_id: number; channel_id: string }>(
      // A field whose original retention removed (zero bytes, store/retention.ts) has nothing left to reveal.
      'SELECT f.type, f.sealed, m.conversation_id, m.channel_id FROM message_fields f JOIN messages m ON m.id = f.message_id WHERE f.message_id = ? AND f.n = ? AND length(f.sealed) > 0',
      [messageId, n],
    );
    return r ? { type: r.type, sealed: Buffer.from(r.sealed), conversationId: r.conversation_id, channelId: r.channel_id } : null;
  }

  async createReveal(r: Omit<RevealRow, 'id' | 'approverId' | 'createdAt'>, actor: Actor): Promise<RevealRow> {
    return this.q.tx(async (t) => {
      const row = await t.get<{ id: number }>(
        'INSERT INTO reveals (message_id, field_n, requester_id, device, reason, state, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
        [r.messageId, r.fieldN, r.requesterId, r.device, r.reason, r.state, this.now(), r.expiresAt],
      );
      const reveal: RevealRow = { ...r, id: row!.id, approverId: null, createdAt: this.now() };
      const field = await t.get<{ type: string; conversation_id: number; channel_id: string }>(
        'SELECT f.type, m.conversation_id, m.channel_id FROM message_fields f JOIN messages m ON m.id = f.message_id WHERE f.message_id = ? AND f.n = ?',
        [r.messageId, r.fieldN],
      );
      if (r.state === 'pending') {
        await this.emit(t, 'reveal.requested', 'leads', { ...publicReveal(reveal), type: field?.type, conversationId: field?.conversation_id }, { channelId: field?.channel_id, conversationId: field?.conversation_id });
      }
      await this.appendAudit(t, {
        ...actor,
        action: r.state === 'pending' ? 'reveal.requested' : 'reveal.granted',
        target: `message:${r.messageId}:${r.fieldN}`,
        details: { revealId: reveal.id, reason: r.reason, type: field?.type },
      });
      return reveal;
    });
  }

  async reveal(id: number, q: SqlExecutor = this.q): Promise<RevealRow | null> {
    const r = await q.get<{
      id: number;
      message_id: number;
      field_n: number;
      requester_id: number;
      device: string;
      reason: string;
      state: RevealRow['state'];
      approver_id: number | null;
      created_at: number;
      expires_at: number;
    }>('SELECT * FROM reveals WHERE id = ?', [id]);
    return r
      ? {
          id: r.id,
          messageId: r.message_id,
          fieldN: r.field_n,
          requesterId: r.requester_id,
          device: r.device,
          reason: r.reason,
          state: r.state,
          approverId: r.approver_id,
          createdAt: r.created_at,
          expiresAt: r.expires_at,
        }
      : null;
  }

  async pendingReveals(): Promise<RevealRow[]> {
    const ids = await this.q.all<{ id: number }>("SELECT id FROM reveals WHERE state = 'pending' AND expires_at > ? ORDER BY id", [this.now()]);
    return (await Promise.all(ids.map((r) => this.reveal(r.id)))).filter((r): r is RevealRow => r !== null);
  }

  /**
   * A lead decides a pending reveal; only a pending one still inside its approval window changes (compare-and-set on
   * its state and time, as the single seat's rule): a request nobody answered in time is not approved later.
   */
  async decideReveal(id: number, approverId: number, approve: boolean, expiresAt: number, actor: Actor, approval: string | null = null): Promise<RevealRow> {
    return this.q.tx(async (t) => {
      const r = await t.run("UPDATE reveals SET state = ?, approver_id = ?, expires_at = ?, approval = ? WHERE id = ? AND state = 'pending' AND expires_at > ?", [
        approve ? 'granted' : 'denied',
        approverId,
        expiresAt,
        approval,
        id,
        this.now(),
      ]);
      if (!r.changes) throw new DiwanError('reveal_not_pending', 'That reveal request is no longer waiting for a decision (decided, or not answered in time: the agent asks again with a reason).');
      const row = (await t.get<{ requester_id: number; message_id: number; field_n: number }>('SELECT requester_id, message_id, field_n FROM reveals WHERE id = ?', [id]))!;
      await this.emit(t, 'reveal.decided', `user:${row.requester_id}`, { id, state: approve ? 'granted' : 'denied', approverId, expiresAt });
      await this.emit(t, 'reveal.decided', 'leads', { id, state: approve ? 'granted' : 'denied', approverId });
      await this.appendAudit(t, { ...actor, action: approve ? 'reveal.approved' : 'reveal.denied', target: `message:${row.message_id}:${row.field_n}`, details: { revealId: id } });
      return (await this.reveal(id, t))!;
    });
  }

  // ── audit ─────────────────────────────────────────────────────────────────────────────────────────────────

  /** Appends to the hash chain inside the caller's transaction (ordered by the event lock, so the chain never forks). */
  async appendAudit(t: SqlExecutor, e: AuditInput): Promise<void> {
    await t.run(`INSERT INTO audit ${AUDIT_ROW}`, await this.auditRow(t, e));
  }

  /**
   * `appendAudit` and `emitMany` in one transaction: on PostgreSQL the audit entry rides in the events' statement (a
   * data-modifying CTE), one round trip fewer — what a batch that holds messages back writes (`store/webhooks.ts`).
   */
  async emitWithAudit(t: SqlExecutor, events: readonly EventInput[], e: AuditInput | null): Promise<number[]> {
    if (e && (t.dialect !== 'postgres' || !events.length)) await this.appendAudit(t, e);
    else if (e) return this.emitMany(t, events, { ctes: `audited AS (INSERT INTO audit ${AUDIT_ROW})`, params: await this.auditRow(t, e) });
    return this.emitMany(t, events);
  }

  /** The next entry of the hash chain, linked to the last one (read under the event lock, which every audit writer takes). */
  private async auditRow(t: SqlExecutor, e: AuditInput): Promise<SqlValue[]> {
    await t.serializeEvents();
    const prev = (await t.get<{ hash: string }>('SELECT hash FROM audit ORDER BY seq DESC LIMIT 1'))?.hash ?? GENESIS;
    const at = this.now();
    const details = JSON.stringify(e.details ?? {});
    const hash = auditHash(prev, { at, actor: e.actor, device: e.device ?? null, action: e.action, target: e.target ?? null, details });
    return [at, e.actor, e.device ?? null, e.action, e.target ?? null, details, prev, hash];
  }

  audit(e: AuditInput): Promise<void> {
    return this.q.tx((t) => this.appendAudit(t, e));
  }

  /** Walks the chain: the first entry whose link or hash does not match, or null when intact. */
  async verifyAudit(): Promise<{ entries: number; broken: { seq: number; why: string } | null }> {
    const rows = await this.q.all<{ seq: number; at: number; actor: string; device: string | null; action: string; target: string | null; details: string; prev_hash: string; hash: string }>(
      'SELECT * FROM audit ORDER BY seq',
    );
    let prev = GENESIS;
    for (const r of rows) {
      if (r.prev_hash !== prev) return { entries: rows.length, broken: { seq: r.seq, why: 'the link to the previous entry does not match (an entry was removed or reordered)' } };
      if (auditHash(prev, { at: r.at, actor: r.actor, device: r.device, action: r.action, target: r.target, details: r.details }) !== r.hash) {
        return { entries: rows.length, broken: { seq: r.seq, why: 'the entry was edited after it was written' } };
      }
      prev = r.hash;
    }
    return { entries: rows.length, broken: null };
  }
}

const GENESIS = '0'.repeat(64);
const AUDIT_ROW = '(at, actor, device, action, target, details, prev_hash, hash) VALUES (CAST(? AS BIGINT), ?, ?, ?, ?, ?, ?, ?)';

function auditHash(prev: string, e: { at: number; actor: string; device: string | null; action: string; target: string | null; details: string }): string {
  return crypto.createHash('sha256').update(prev).update(JSON.stringify([e.at, e.actor, e.device, e.action, e.target, e.details])).digest('hex');
}

/** A reveal as colleagues may see it: who asked, for which field and why — never the value. */
export function publicReveal(r: RevealRow) {
  return { id: r.id, messageId: r.messageId, fieldN: r.fieldN, requesterId: r.requesterId, device: r.device, reason: r.reason, state: r.state, expiresAt: r.expiresAt };
}
