import crypto from 'node:crypto';
import path from 'node:path';
import { cachedStatement, type Db } from '../store';
import { DiwanError } from '../shared/errors';
import type { AuditEvent, Clock } from '../shared/ports';
import type { Vault } from '../vault';
import {
  canonicalDetails,
  checkpointMac,
  entryMac,
  GENESIS_HASH,
  parseHead,
  type AuditHead,
  type StoredCheckpoint,
  type StoredEntry,
} from './chain';
import { boundName, sanitizeDetails } from './sanitize';
import { verifyChain, type VerifyReport } from './verify';
import { AUDIT_ACTIONS } from './actions';

export interface AuditTrailOptions {
  db: Db;
  vault: Vault;
  clock: Clock;
  /** Namespaces the keychain accounts `audit:<databaseId>` and `audit-head:<databaseId>`. */
  databaseId: string;
  /** A checkpoint row every this many entries (and on close). */
  checkpointEvery?: number;
  /** Where a failed keychain head update is reported (it is retried with the next entry). */
  onError?: (error: unknown) => void;
  /**
   * The database file's path. The keychain remembers which database owns it (`audit-db:<hash of the path>`), so a
   * database deleted or swapped for another while the keychain still holds the old one's head is found as tampering.
   */
  location?: string;
}

/** What a person sees of an entry: the stored fields with details parsed. */
export type AuditEntry = Omit<StoredEntry, 'details'> & { details: Record<string, string | number | boolean | null> };

const MAX_BUFFERED = 10_000;

/**
 * The append-only, hash-chained audit trail. `record` is synchronous (it is the core's `AuditPort`): entries made
 * before `open()` has fetched the key from the keychain wait in memory, in order, and are written when it has.
 * Each entry is written in its own IMMEDIATE transaction that reads the newest entry, so the CLI and the console
 * can both append to one database.
 */
export class AuditTrail {
  private key: Buffer | null = null;
  private device = 'unknown';
  private readonly buffered: Array<{ event: AuditEvent; at: number }> = [];
  private pendingHead: AuditHead | null = null;
  private headWriter: Promise<void> | null = null;
  private readonly every: number;

  constructor(private readonly opts: AuditTrailOptions) {
    this.every = opts.checkpointEvery ?? 100;
  }

  get keyAccount(): `audit:${string}` {
    return `audit:${this.opts.databaseId}`;
  }

  get headAccount(): `audit-head:${string}` {
    return `audit-head:${this.opts.databaseId}`;
  }

  /**
   * Loads (or, for an empty trail, creates) the audit key and checks the keychain head against the database.
   * Refuses to continue when the newest entries were cut off or rewritten: `diwan audit verify` says what
   * happened and `diwan audit acknowledge` lets IT resume after keeping the evidence.
   */
  async open(device: string): Promise<void> {
    if (this.key) return;
    const replaced = await this.replacedDatabase();
    if (replaced) {
      throw new DiwanError(
        'audit_tampered',
        `${replaced} Diwan stops here so the evidence is kept. IT: run \`diwan audit verify\`, then \`diwan audit acknowledge\` with IT's signed acknowledgement to resume.`,
      );
    }
    const last = this.lastStored();
    let keyText = await this.opts.vault.get(this.keyAccount);
    if (!keyText) {
      if (last) {
        throw new DiwanError(
          'audit_key_missing',
          `The audit key for this database is not in the OS keychain (entry "${this.keyAccount}"), so the audit trail cannot be extended or verified. ` +
            'Restore the OS keychain from its backup. Without the key this trail can be read but no longer extended or checked.',
        );
      }
      await this.opts.vault.set(this.keyAccount, crypto.randomBytes(32).toString('base64'));
      keyText = await this.opts.vault.get(this.keyAccount);
      if (!keyText) throw new DiwanError('audit_key_lost', 'The OS keychain did not keep the audit key. Check that it is unlocked and try again.');
    }
    const head = parseHead(await this.opts.vault.get(this.headAccount));
    const problem = headProblem(head, (seq) => this.storedAt(seq));
    if (problem) {
      throw new DiwanError(
        'audit_tampered',
        `The audit trail does not match its last known state (${problem}). Diwan stops here so the evidence is kept. ` +
          'IT: run `diwan audit verify` to see what changed, export it, then `diwan audit acknowledge` to resume.',
      );
    }
    this.key = Buffer.from(keyText, 'base64');
    this.device = device;
    if (this.opts.location) await this.opts.vault.set(this.locationAccount, this.opts.databaseId);
    for (const b of this.buffered.splice(0)) this.append(b.event, b.at);
    if (last && !head) this.scheduleHead(last);
  }

  private get locationAccount(): `audit-db:${string}` {
    return `audit-db:${crypto.createHash('sha256').update(path.resolve(this.opts.location ?? '')).digest('hex').slice(0, 24)}`;
  }

  /** A sentence when the keychain names another database, with a trail head, as the owner of this file's path. */
  private async replacedDatabase(): Promise<string | null> {
    if (!this.opts.location) return null;
    const owner = await this.opts.vault.get(this.locationAccount);
    if (!owner || owner === this.opts.databaseId) return null;
    const head = parseHead(await this.opts.vault.get(`audit-head:${owner}`));
    if (!head) return null;
    return (
      `The database at ${this.opts.location} is not the one whose audit trail the keychain holds: database ${owner} had ${head.seq} entries, ` +
      `this one (${this.opts.databaseId}) has ${this.lastStored()?.seq ?? 0}. It was deleted or replaced.`
    );
  }

  get isOpen(): boolean {
    return this.key !== null;
  }

  /** The core's `AuditPort`. Never pass a secret or an unmasked value in `details`. */
  readonly record = (event: AuditEvent): void => {
    if (this.key) {
      this.append(event, this.opts.clock.now());
      return;
    }
    if (this.buffered.length >= MAX_BUFFERED) {
      throw new DiwanError('audit_unavailable', 'The audit trail cannot be written (the OS keychain has not given its key), so Diwan refuses the action.');
    }
    this.buffered.push({ event, at: this.opts.clock.now() });
  };

  list(opts: { afterSeq?: number; limit?: number; newestFirst?: boolean } = {}): AuditEntry[] {
    const limit = Math.min(Math.max(opts.limit ?? 100, 1), 10_000);
    const rows = opts.newestFirst
      ? this.opts.db.prepare(`${SELECT_ENTRY} WHERE seq > ? ORDER BY seq DESC LIMIT ?`).all(opts.afterSeq ?? 0, limit)
      : this.opts.db.prepare(`${SELECT_ENTRY} WHERE seq > ? ORDER BY seq LIMIT ?`).all(opts.afterSeq ?? 0, limit);
    return (rows as StoredEntry[]).map(toEntry);
  }

  /** Every stored entry in seq order, one at a time (export and verify of large trails). */
  *iterate(afterSeq = 0): Generator<StoredEntry> {
    yield* this.opts.db.prepare(`${SELECT_ENTRY} WHERE seq > ? ORDER BY seq`).iterate(afterSeq) as Iterable<StoredEntry>;
  }

  /** Checks every entry, the chain, the checkpoints and the keychain head. Needs the audit key, not an open trail. */
  async verify(): Promise<VerifyReport> {
    const replaced = await this.replacedDatabase();
    const report = await this.verifyStored();
    return replaced ? { ...report, ok: false, problems: [{ kind: 'database_replaced', seq: null, message: replaced }, ...report.problems] } : report;
  }

  private async verifyStored(): Promise<VerifyReport> {
    const keyText = await this.opts.vault.get(this.keyAccount);
    if (!keyText) {
      const any = this.lastStored();
      return {
        ok: !any,
        entries: 0,
        lastSeq: any?.seq ?? 0,
        headChecked: false,
        problems: any
          ? [{ kind: 'key_missing', seq: null, message: `The audit key (keychain entry "${this.keyAccount}") is missing, so no entry can be checked.` }]
          : [],
      };
    }
    const head = parseHead(await this.opts.vault.get(this.headAccount));
    const checkpoints = this.opts.db.prepare('SELECT seq, hash, at, mac FROM audit_checkpoints ORDER BY seq').all() as StoredCheckpoint[];
    return verifyChain(Buffer.from(keyText, 'base64'), this.iterate(), checkpoints, head, this.every);
  }

  /**
   * After tampering (or a restore from backup) was found and its evidence kept: records an entry that says so and
   * moves the keychain head to the trail as it now stands, so Diwan can run again. Needs the audit key.
   */
  async acknowledge(actor: string, device: string): Promise<{ previousHead: AuditHead | null; lastSeq: number }> {
    const previousHead = parseHead(await this.opts.vault.get(this.headAccount));
    await this.opts.vault.delete(this.headAccount);
    // IT accepted this database in place of the one the keychain remembered for this path.
    if (this.opts.location) await this.opts.vault.set(this.locationAccount, this.opts.databaseId);
    this.key = null;
    await this.open(device);
    this.record({
      action: AUDIT_ACTIONS.auditAcknowledged,
      actor,
      details: { previousHeadSeq: previousHead?.seq ?? null, foundLastSeq: this.lastStored()?.seq ?? 0 },
    });
    await this.flush();
    return { previousHead, lastSeq: this.lastStored()?.seq ?? 0 };
  }

  /** Waits for the keychain head to catch up with the newest entry. */
  async flush(): Promise<void> {
    while (this.headWriter) await this.headWriter;
  }

  /** A checkpoint at the newest entry; the core writes one before it closes the database. */
  checkpointNow(): void {
    if (!this.key) return;
    const last = this.lastStored();
    if (last) this.writeCheckpoint(last.seq, last.hash);
  }

  private append(event: AuditEvent, at: number): void {
    const key = this.key!;
    const db = this.opts.db;
    const stored = db
      .transaction(() => {
        const last = this.lastStored();
        const fields = {
          seq: (last?.seq ?? 0) + 1,
          at,
          actor: boundName(event.actor, 'system'),
          device: this.device,
          action: boundName(event.action, 'unknown'),
          target: event.target ? boundName(event.target, '') : null,
          details: canonicalDetails(sanitizeDetails(event.details)),
          prevHash: last?.hash ?? GENESIS_HASH,
        };
        const entry: StoredEntry = { ...fields, hash: entryMac(key, fields) };
        // Cached: every audited call appends, and a statement prepared per call is not given back (issue #26).
        cachedStatement(
          db,
          'INSERT INTO audit_entries (seq, at, actor, device, action, target, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        ).run(entry.seq, entry.at, entry.actor, entry.device, entry.action, entry.target, entry.details, entry.prevHash, entry.hash);
        if (entry.seq % this.every === 0) this.writeCheckpoint(entry.seq, entry.hash);
        return entry;
      })
      .immediate();
    this.scheduleHead({ seq: stored.seq, hash: stored.hash });
  }

  private writeCheckpoint(seq: number, hash: string): void {
    const at = this.opts.clock.now();
    cachedStatement(this.opts.db, 'INSERT OR IGNORE INTO audit_checkpoints (seq, hash, at, mac) VALUES (?, ?, ?, ?)')
      .run(seq, hash, at, checkpointMac(this.key!, { seq, hash, at }));
  }

  /** Coalesces head updates: one keychain write in flight, always this process's newest entry. */
  private scheduleHead(head: AuditHead): void {
    if (!this.pendingHead || head.seq > this.pendingHead.seq) this.pendingHead = head;
    if (this.headWriter) return;
    this.headWriter = (async () => {
      while (this.pendingHead) {
        const next = this.pendingHead;
        this.pendingHead = null;
        try {
          // Another process (the CLI) may have written a newer head meanwhile; a head left behind only weakens the
          // truncation check for the newest entries, it never raises a false alarm.
          await this.opts.vault.set(this.headAccount, JSON.stringify(next));
        } catch (e) {
          this.opts.onError?.(e);
        }
      }
      this.headWriter = null;
    })();
  }

  private lastStored(): { seq: number; hash: string } | undefined {
    return cachedStatement(this.opts.db, 'SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1').get() as
      | { seq: number; hash: string }
      | undefined;
  }

  private storedAt(seq: number): string | undefined {
    return (this.opts.db.prepare('SELECT hash FROM audit_entries WHERE seq = ?').get(seq) as { hash: string } | undefined)?.hash;
  }
}

const SELECT_ENTRY = 'SELECT seq, at, actor, device, action, target, details, prev_hash AS prevHash, hash FROM audit_entries';

function toEntry(e: StoredEntry): AuditEntry {
  return { ...e, details: JSON.parse(e.details) as AuditEntry['details'] };
}

function headProblem(head: AuditHead | null, hashAt: (seq: number) => string | undefined): string | null {
  if (!head) return null;
  const found = hashAt(head.seq);
  if (found === undefined) return `entry ${head.seq} was recorded but is no longer there`;
  if (found !== head.hash) return `entry ${head.seq} is not the entry that was recorded`;
  return null;
}
