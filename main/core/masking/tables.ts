/**
 * A table pasted from a spreadsheet or a form, its cells apart by tabs or by runs of spaces: a header row names what
 * every value below it in its column is ("DOB", "تاريخ الميلاد", "کد ملی", "Emirates ID", "IBAN" — and "Qty", "Price",
 * "Order no", which keep theirs visible). Each cell under a header is read as "header: value", as if its label stood
 * before it, and that reading is the cell's (a value no header names is read alone: no value runs across a column's gap).
 */
import { digitValue } from '../text/fold';
import { isWeakCue } from './lexicon';
import { namesAny, RECORD_WORDS } from './words-in';
import { FAIL_CLOSED_CONFIDENCE } from './fail-closed';
import type { DetectedSpan } from './types';

interface Cell {
  start: number;
  end: number;
}

/** A line's cells: apart by tabs (an empty cell keeps its place) or, with `spaces`, by two spaces or more. */
function cellsOf(text: string, from: number, to: number, spaces: boolean): Cell[] {
  const cells: Cell[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : -1;
    let gap = 0;
    if (c === 0x09) gap = 1;
    else if (spaces && (c === 0x20 || c === 0xa0)) {
      let k = i;
      while (k < to && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0xa0)) k++;
      if (k - i >= 2) gap = k - i;
    }
    if (gap || c === -1) {
      let a = start;
      let b = i;
      while (a < b && text.charCodeAt(a) === 0x20) a++;
      while (b > a && text.charCodeAt(b - 1) === 0x20) b--;
      cells.push({ start: a, end: b });
      start = i + (gap || 1);
      i = start - 1;
    }
  }
  return cells;
}

function hasDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (digitValue(text.charCodeAt(i)) >= 0) return true;
  return false;
}

/** Does the text hold a line break and a tab or two spaces in a row (the only texts a table can be in)? */
export function mayHoldTable(text: string): boolean {
  return text.includes('\n') && (text.includes('\t') || text.includes('  ') || text.includes(' \u00a0') || text.includes('\u00a0 '));
}

/** The header cell above a row's cell: the same place when both lines have as many cells, else the one it starts under. */
function headerFor(header: Cell[], headerStart: number, row: Cell[], rowStart: number, k: number): Cell | undefined {
  if (row.length === header.length) return header[k];
  const col = row[k]!.start - rowStart;
  let best: Cell | undefined;
  for (const h of header) if (h.start - headerStart <= col + 1) best = h;
  return best;
}

/**
 * Does a header cell name a record ("Order no", "رقم الطلب", "Price", "Tracking")? Its column's values are explained
 * by it as by a label before each, whatever else the message talks about ("Passport no" in the next column).
 */
const recordHeader = (label: string): boolean => namesAny(label, (c) => RECORD_WORDS.has(c));

const key = (s: DetectedSpan): string => `${s.type}:${s.start}:${s.end}`;

/**
 * The spans of `found` (the message read as a whole) with each cell under a header read as "header: value" by
 * `read` (the whole detector; a cell's text holds no line break, so it is never read as a table again).
 */
export function withTableColumns(text: string, found: DetectedSpan[], read: (t: string) => DetectedSpan[]): DetectedSpan[] {
  if (!mayHoldTable(text)) return found;
  const lines: Array<[number, number]> = [];
  for (let a = 0; a <= text.length; ) {
    let b = text.indexOf('\n', a);
    if (b < 0) b = text.length;
    lines.push([a, b]);
    a = b + 1;
  }
  let out = found;
  let changed = false;
  for (let h = 0; h < lines.length - 1; h++) {
    const [hs, he] = lines[h]!;
    if (hasDigit(text, hs, he)) continue;
    const spaces = !text.slice(hs, he).includes('\t');
    const header = cellsOf(text, hs, he, spaces).filter((c) => c.end > c.start || !spaces);
    if (header.length < 2) continue;
    let r = h + 1;
    for (; r < lines.length; r++) {
      const [rs, re] = lines[r]!;
      const row = cellsOf(text, rs, re, spaces).filter((c) => c.end > c.start || !spaces);
      if (row.length < 2) break;
      const first = row[0]!;
      const rowLabelled = !hasDigit(text, first.start, first.end) && namesAny(text.slice(first.start, first.end), (c) => !isWeakCue(c));
      for (let k = 0; k < row.length; k++) {
        const cell = row[k]!;
        if (!hasDigit(text, cell.start, cell.end)) continue;
        const head = headerFor(header, hs, row, rs, k);
        const label = head ? text.slice(head.start, head.end) : '';
        const value = text.slice(cell.start, cell.end);
        const lead = label ? label.length + 2 : 0;
        const labelled = read(label ? `${label}: ${value}` : value)
          .filter((s) => s.start >= lead)
          .map((s) => ({ ...s, start: s.start + cell.start - lead, end: s.end + cell.start - lead }));
        // the header's reading is the cell's: it replaces what the whole message's reading found there, but for a
        // value that reading found by context it has no overlap with (fail-closed masks always yield)
        const inCell = (s: DetectedSpan): boolean => s.start < cell.end && cell.start < s.end;
        const before = out.filter(inCell);
        // (nor does a value the whole reading ran on across the gap into the next cell: "278.02    4916372" is no card)
        // a record's header says all there is ("رقم الطلب" over an order number in a row with a passport), unless the
        // row names its own field ("Passport    A1234567" under "Booking    Value")
        const kept = recordHeader(label) && !rowLabelled ? [] : before.filter((s) => s.confidence !== FAIL_CLOSED_CONFIDENCE && s.start >= cell.start && s.end <= cell.end && !labelled.some((l) => l.start < s.end && s.start < l.end));
        const now = kept.concat(labelled);
        if (now.map(key).sort().join() === before.map(key).sort().join()) continue;
        out = out.filter((s) => !inCell(s)).concat(now);
        changed = true;
      }
    }
    h = r - 1;
  }
  return changed ? out.sort((x, y) => x.start - y.start || y.end - x.end) : found;
}
