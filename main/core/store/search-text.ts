/**
 * Search normalisation for Arabic and Persian (and Latin accents), applied to masked text before it is indexed
 * and to every query, so the forms a reader treats as the same letter match each other:
 * alef with hamza or madda and wasla → alef; waw/yeh with hamza → waw/yeh; Persian yeh and alef maksura → yeh;
 * Persian kaf → kaf; teh marbuta and heh with yeh → heh; tatweel, harakat, Quranic marks and zero-width
 * joiners removed; Arabic-Indic and Persian digits → 0-9; presentation forms unfolded (NFKC); lower case.
 * Words with the Arabic definite article are also indexed without it (`indexBody`).
 */
const MAP = new Map<number, string>();
const put = (cps: number[], to: string) => cps.forEach((cp) => MAP.set(cp, to));
put([0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673], '\u0627');
put([0x0624], '\u0648');
put([0x0626, 0x0649, 0x06cc, 0x06d0], '\u064a');
put([0x06a9, 0x06aa], '\u0643');
put([0x0629, 0x06c0, 0x06d5], '\u0647');
for (let d = 0; d < 10; d++) put([0x0660 + d, 0x06f0 + d], String(d));

function removed(cp: number): boolean {
  return (
    cp === 0x0640 ||
    (cp >= 0x064b && cp <= 0x065f) ||
    cp === 0x0670 ||
    (cp >= 0x06d6 && cp <= 0x06dc) ||
    (cp >= 0x06df && cp <= 0x06e8) ||
    (cp >= 0x06ea && cp <= 0x06ed) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    cp === 0xfeff ||
    (cp >= 0x0300 && cp <= 0x036f)
  );
}

const PLAIN = /^[\x20-\x7e\n\t\r]*$/;

/** Normalises one code point (already a string) into zero or more normalised characters. */
function fold(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80) return ch.toLowerCase();
  if (removed(cp)) return '';
  const mapped = MAP.get(cp);
  if (mapped !== undefined) return mapped;
  if ((cp >= 0xfb00 && cp <= 0xffef) || (cp >= 0x00c0 && cp <= 0x024f)) {
    const decomposed = ch.normalize('NFKD');
    let out = '';
    for (const c of decomposed) out += c.codePointAt(0)! < 0x80 ? c.toLowerCase() : removed(c.codePointAt(0)!) ? '' : (MAP.get(c.codePointAt(0)!) ?? c);
    return out.normalize('NFC').toLowerCase();
  }
  return ch.toLowerCase();
}

/** Every character `fold` does more to than lower-case it. */
const SPECIAL =
  // eslint-disable-next-line no-misleading-character-class -- ranges of combining marks, each matched on its own
  /[\u00c0-\u024f\u0300-\u036f\u0622-\u0626\u0629\u0640\u0649\u064b-\u065f\u0660-\u0673\u06a9\u06aa\u06c0\u06cc\u06d0\u06d5-\u06dc\u06df-\u06e8\u06ea-\u06ed\u06f0-\u06f9\u200b-\u200f\ufb00-\uffef]/g;

/** The text as the index and the queries see it. */
export function normalizeForSearch(text: string): string {
  const lower = text.toLowerCase();
  return PLAIN.test(lower) ? lower : lower.replace(SPECIAL, fold);
}

/** Normalised text plus, for each of its UTF-16 units, the span of the original it came from. */
export function normalizeWithOffsets(text: string): { norm: string; from: number[]; to: number[] } {
  let norm = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) {
      from.push(i);
      to.push(i + ch.length);
    }
    norm += f;
    i += ch.length;
  }
  return { norm, from, to };
}

const WORD = /[\p{L}\p{N}]+/gu;
/** Arabic definite article, alone or after a one-letter conjunction or preposition (already normalised). */
const ARTICLE = /^(?:وبال|وال|فال|بال|كال|ولل|لل|ال)(?=[\u0621-\u064a]{2})/u;
const ARTICLE_WORD = /(?<![\p{L}\p{N}])(?:وبال|وال|فال|بال|كال|ولل|لل|ال)([\u0621-\u064a]{2}[\p{L}\p{N}]*)/gu;

/**
 * What goes into the index for a masked text: its normalised form, plus each word that carries the Arabic
 * definite article again without it, so "فاتورة" finds "الفاتورة".
 */
export function indexBody(masked: string): string {
  const norm = normalizeForSearch(masked);
  if (!norm.includes('\u0644')) return norm; // no lam, no article
  let extra = '';
  for (const m of norm.matchAll(ARTICLE_WORD)) extra += ' ' + m[1];
  return norm + extra;
}
const MAX_TERMS = 8;

/** The query's words, normalised; at most eight. */
export function queryTerms(query: string): string[] {
  return [...normalizeForSearch(query).matchAll(WORD)].map((m) => m[0]).slice(0, MAX_TERMS);
}

/**
 * An FTS5 MATCH expression for the terms: every term must appear, the last one as a prefix when it is long enough
 * (so results come while typing). Terms are quoted: nothing a person types is FTS5 syntax.
 */
export function ftsExpression(terms: string[]): string {
  return terms.map((t, i) => `"${t}"${i === terms.length - 1 && [...t].length >= 2 ? '*' : ''}`).join(' ');
}

/** Where the terms occur in `text` (whole words; the last term as a prefix), as [start, end) offsets into `text`. */
export function highlightRanges(text: string, terms: string[]): Array<[number, number]> {
  if (!terms.length) return [];
  const { norm, from, to } = normalizeWithOffsets(text);
  const ranges: Array<[number, number]> = [];
  for (const m of norm.matchAll(WORD)) {
    const word = m[0];
    const bare = word.replace(ARTICLE, '');
    const hit = terms.some((t, i) =>
      i === terms.length - 1 && [...t].length >= 2 ? word.startsWith(t) || bare.startsWith(t) : word === t || bare === t,
    );
    if (!hit) continue;
    const last = m.index + word.length - 1;
    ranges.push([from[m.index]!, to[last]!]);
  }
  return ranges;
}
