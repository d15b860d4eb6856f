import crypto from 'node:crypto';
import fs from 'node:fs';
import { canonicalJson } from '../policy/canonical';
import { DiwanError } from '../shared/errors';
import { FileLock } from './file-lock';

/** One line of the custodian's own log: what was asked, by whom, and the outcome — never a value. */
export interface CustodianEntry {
  at: number;
  event: 'reveal.opened' | 'reveal.refused' | 'export.opened' | 'export.refused' | 'epoch.created' | 'epoch.shredded' | 'hub.audit_head' | 'custodian.started';
  device?: string;
  user?: string;
  /** The hub's reveal number, or the single-seat console's reveal request id. */
  revealId?: number | string;
  messageId?: number;
  field?: number;
  type?: string;
  grantId?: string;
  nonce?: string;
  epoch?: number;
  /** Single-seat exports: the customer and how many originals were opened. */
  contactId?: number;
  count?: number;
  /** Refusals: the stable code. */
  code?: string;
  detail?: string;
  /** hub.audit_head: the hub trail's newest seq and hash. */
  seq?: number;
  hash?: string;
}

export interface StoredCustodianEntry extends CustodianEntry {
  n: number;
  prev: string;
  self: string;
}

const GENESIS = '0'.repeat(64);
const hashOf = (prev: string, n: number, e: CustodianEntry) => crypto.createHash('sha256').update(`${prev}\n${n}\n${canonicalJson(e)}`).digest('hex');

/**
 * An append-only JSONL file, each line chained to the one before by SHA-256 and flushed to disk before the
 * custodian answers. Its head (n, hash) is printed by `diwan custodian log verify` for IT to note or ship to the SIEM.
 */
export class CustodianLog {
  private fd: number;
  private n = 0;
  private head = GENESIS;
  private recent: StoredCustodianEntry[] = [];
  private size = 0;
  /** Held around reading the head and appending: the console and its CLI append to the same file. */
  private readonly lock: FileLock;
  /** The newest hub audit head checkpointed here (kept beyond the recent window). */
  lastAuditHead: { seq: number; hash: string } | null;

  constructor(
    readonly file: string,
    private readonly keepRecentMs: number,
  ) {
    this.lastAuditHead = null;
    this.fd = fs.openSync(file, 'a', 0o600);
    this.lock = new FileLock(`${file}.lock`);
    this.lock.with(() => this.reload());
  }

  append(e: CustodianEntry): StoredCustodianEntry {
    return this.lock.with(() => this.appendLocked(e));
  }

  private appendLocked(e: CustodianEntry): StoredCustodianEntry {
    // Another process on this log (the single-seat console and its CLI) appended since: continue its chain.
    if (fs.fstatSync(this.fd).size !== this.size) this.reload();
    const n = this.n + 1;
    const stored: StoredCustodianEntry = { ...e, n, prev: this.head, self: hashOf(this.head, n, e) };
    const line = `${JSON.stringify(stored)}\n`;
    fs.writeSync(this.fd, line);
    fs.fsyncSync(this.fd);
    this.size += Buffer.byteLength(line);
    this.n = n;
    this.head = stored.self;
    this.recent.push(stored);
    if (e.event === 'hub.audit_head') this.lastAuditHead = { seq: e.seq!, hash: e.hash! };
    while (this.recent.length && this.recent[0]!.at < e.at - this.keepRecentMs) this.recent.shift();
    return stored;
  }

  private reload(): void {
    const size = fs.fstatSync(this.fd).size;
    const report = verifyCustodianLog(this.file, this.keepRecentMs);
    if (report.broken) {
      throw new DiwanError('custodian_log_tampered', `The custodian log ${this.file} is broken at line ${report.broken.line}: ${report.broken.why}. Keep the file as evidence and ask IT.`);
    }
    this.n = report.entries;
    this.head = report.head;
    this.recent = report.tail;
    this.lastAuditHead = report.lastAuditHead;
    this.size = size;
  }

  /** Entries of the last `keepRecentMs` (for replay and rate checks across a restart). */
  since(at: number): readonly StoredCustodianEntry[] {
    return this.recent.filter((r) => r.at >= at);
  }

  get state(): { entries: number; head: string } {
    return { entries: this.n, head: this.head };
  }

  /** Closing twice is harmless (the console and its shutdown path may both close). */
  close(): void {
    if (this.fd < 0) return;
    fs.closeSync(this.fd);
    this.fd = -1;
  }
}

export interface CustodianLogReport {
  entries: number;
  head: string;
  broken: { line: number; why: string } | null;
  /** Entries of the last hour, for the replay and rate windows. */
  tail: StoredCustodianEntry[];
  lastAuditHead: { seq: number; hash: string } | null;
}

export function verifyCustodianLog(file: string, tailMs = 3_600_000): CustodianLogReport {
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const lines = text.split('\n').filter(Boolean);
  let head = GENESIS;
  const all: StoredCustodianEntry[] = [];
  for (const [i, line] of lines.entries()) {
    let s: StoredCustodianEntry;
    try {
      s = JSON.parse(line) as StoredCustodianEntry;
    } catch {
      return { entries: i, head, broken: { line: i + 1, why: 'not JSON' }, tail: [], lastAuditHead: null };
    }
    const { n, prev, self, ...e } = s;
    if (n !== i + 1) return { entries: i, head, broken: { line: i + 1, why: `entry ${n} where ${i + 1} was expected (removed or reordered)` }, tail: [], lastAuditHead: null };
    if (prev !== head) return { entries: i, head, broken: { line: i + 1, why: 'does not follow the entry before it' }, tail: [], lastAuditHead: null };
    if (hashOf(prev, n, e) !== self) return { entries: i, head, broken: { line: i + 1, why: 'its content was changed' }, tail: [], lastAuditHead: null };
    head = self;
    all.push(s);
  }
  const last = all.at(-1)?.at ?? 0;
  const h = all.filter((s) => s.event === 'hub.audit_head').at(-1);
  return { entries: all.length, head, broken: null, tail: all.filter((s) => s.at >= last - tailMs), lastAuditHead: h ? { seq: h.seq!, hash: h.hash! } : null };
}
