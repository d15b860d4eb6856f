import { checkpointMac, entryMac, GENESIS_HASH, macEquals, type AuditHead, type StoredCheckpoint, type StoredEntry } from './chain';

export type ProblemKind =
  | 'edited'
  | 'reordered'
  | 'deleted'
  | 'truncated'
  | 'chain_broken'
  | 'checkpoint_edited'
  | 'checkpoint_deleted'
  | 'checkpoint_mismatch'
  | 'head_mismatch'
  | 'database_replaced'
  | 'key_missing';

export interface VerifyProblem {
  kind: ProblemKind;
  /** The entry concerned (the first of a range), or null when it is about the whole trail. */
  seq: number | null;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  entries: number;
  lastSeq: number;
  /** False when the keychain holds no head, so cutting off the newest entries is checked against checkpoints only. */
  headChecked: boolean;
  problems: VerifyProblem[];
}

/** How far from its position an entry is looked for, to tell a moved entry from an edited one. */
const MOVE_WINDOW = 16;

/**
 * Finds every edited, deleted, reordered or truncated entry. Each row's MAC is checked at its own position; a row
 * whose MAC holds at another sequence number is an authentic entry that was moved. Missing sequence numbers below
 * the newest row were deleted; missing ones above it, but promised by a checkpoint or the keychain head, were cut off.
 */
export function verifyChain(
  key: Buffer,
  rows: Iterable<StoredEntry>,
  checkpoints: StoredCheckpoint[],
  head: AuditHead | null,
  /** The trail writes a checkpoint with every entry whose seq is a multiple of this, in the same transaction. */
  checkpointEvery: number,
): VerifyReport {
  const problems: VerifyProblem[] = [];
  const authentic = new Map<number, { hash: string; prevHash: string }>();
  const editedAt = new Set<number>();
  let entries = 0;
  let lastPosition = 0;

  for (const row of rows) {
    entries++;
    lastPosition = Math.max(lastPosition, row.seq);
    const seq = authenticSeq(key, row);
    if (seq === null) {
      editedAt.add(row.seq);
      problems.push({ kind: 'edited', seq: row.seq, message: `Entry ${row.seq} was edited: its content no longer matches its hash.` });
      continue;
    }
    if (seq !== row.seq) {
      problems.push({ kind: 'reordered', seq, message: `Entry ${seq} was moved: it is stored at position ${row.seq}.` });
    }
    authentic.set(seq, { hash: row.hash, prevHash: row.prevHash });
  }

  const validCheckpoints: StoredCheckpoint[] = [];
  for (const c of checkpoints) {
    if (!macEquals(checkpointMac(key, c), c.mac)) {
      problems.push({ kind: 'checkpoint_edited', seq: c.seq, message: `The checkpoint at entry ${c.seq} was edited.` });
    } else validCheckpoints.push(c);
  }

  // A checkpoint is written in the same transaction as its entry: one missing next to its entry was deleted.
  const checkpointAt = new Set(checkpoints.map((c) => c.seq));
  for (const seq of [...authentic.keys(), ...editedAt].sort((a, b) => a - b)) {
    if (seq % checkpointEvery === 0 && !checkpointAt.has(seq)) {
      problems.push({ kind: 'checkpoint_deleted', seq, message: `The checkpoint at entry ${seq} was deleted.` });
    }
  }

  const present = (seq: number) => authentic.has(seq) || editedAt.has(seq);
  let newestPresent = 0;
  for (const seq of [...authentic.keys(), ...editedAt]) newestPresent = Math.max(newestPresent, seq);
  let promised = Math.max(newestPresent, head?.seq ?? 0);
  for (const c of validCheckpoints) promised = Math.max(promised, c.seq);

  for (const [from, to] of missingRanges(promised, present)) {
    const range = from === to ? `Entry ${from} was` : `Entries ${from}–${to} were`;
    if (from > newestPresent) {
      problems.push({ kind: 'truncated', seq: from, message: `${range} cut off the end of the trail (the newest recorded entry was ${promised}).` });
    } else {
      problems.push({ kind: 'deleted', seq: from, message: `${range} deleted.` });
    }
  }

  for (const [seq, e] of authentic) {
    const expectedPrev = seq === 1 ? GENESIS_HASH : authentic.get(seq - 1)?.hash;
    if (expectedPrev !== undefined && e.prevHash !== expectedPrev) {
      problems.push({ kind: 'chain_broken', seq, message: `Entry ${seq} does not follow entry ${seq - 1}: the chain is broken there.` });
    }
  }

  for (const c of validCheckpoints) {
    const e = authentic.get(c.seq);
    if (e && e.hash !== c.hash) {
      problems.push({ kind: 'checkpoint_mismatch', seq: c.seq, message: `Entry ${c.seq} is not the entry its checkpoint recorded.` });
    }
  }
  if (head) {
    const e = authentic.get(head.seq);
    if (e && e.hash !== head.hash) {
      problems.push({ kind: 'head_mismatch', seq: head.seq, message: `Entry ${head.seq} is not the newest entry the keychain recorded.` });
    }
  }

  problems.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  return { ok: problems.length === 0, entries, lastSeq: lastPosition, headChecked: head !== null, problems };
}

function authenticSeq(key: Buffer, row: StoredEntry): number | null {
  if (macEquals(entryMac(key, row), row.hash)) return row.seq;
  for (let d = 1; d <= MOVE_WINDOW; d++) {
    for (const seq of [row.seq - d, row.seq + d]) {
      if (seq > 0 && macEquals(entryMac(key, { ...row, seq }), row.hash)) return seq;
    }
  }
  return null;
}

function missingRanges(upTo: number, present: (seq: number) => boolean): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let seq = 1; seq <= upTo; seq++) {
    if (present(seq)) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === seq - 1) last[1] = seq;
    else ranges.push([seq, seq]);
  }
  return ranges;
}
