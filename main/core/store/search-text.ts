import { textWithoutTokens } from '../masking/tokens';
import { foldText, foldWithOffsets } from '../text/fold';

/**
 * Search text: masked text is folded (`core/text/fold`) before it is indexed, and so is every query, so the forms a
 * reader treats as the same letter match each other. Words with the Arabic definite article are also indexed
 * without it (`indexBody`).
 */

/** The text as the index and the queries see it. */
export const normalizeForSearch = foldText;

/** Folded text plus, for each of its UTF-16 units, the span of the original it came from. */
export const normalizeWithOffsets = foldWithOffsets;

const WORD = /[\p{L}\p{N}]+/gu;
/** Arabic definite article, alone or after a one-letter conjunction or preposition (already normalised). */
const ARTICLE = /^(?:وبال|وال|فال|بال|كال|ولل|لل|ال)(?=[\u0621-\u064a]{2})/u;
const ARTICLE_WORD = /(?<![\p{L}\p{N}])(?:وبال|وال|فال|بال|كال|ولل|لل|ال)([\u0621-\u064a]{2}[\p{L}\p{N}]*)/gu;

/**
 * What goes into the index for a masked text: its normalised form, plus each word that carries the Arabic
 * definite article again without it, so "فاتورة" finds "الفاتورة". Masked tokens are left out (a field type's name
 * is no word of the message).
 */
export function indexBody(masked: string): string {
  const norm = normalizeForSearch(textWithoutTokens(masked));
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
 * A last word this long or longer is searched as the words it begins (`search_terms`, migration 023) rather than as
 * an FTS5 prefix; shorter ones have the index's own prefix entries (2 and 3 letters, migration 009).
 */
export const EXPANDED_PREFIX = 4;
/**
 * A prefix is searched as at most this many of the words it begins (a long OR costs more than FTS5's merge). One
 * that names more is searched as its shortest words (those closest to what was typed) and the reader is told, rather
 * than left to FTS5's merge of every word's postings (≈ 20 ms and more at 3M messages, growing with the data).
 */
export const MAX_EXPANSION = 32;
/** How many of a prefix's words are read to choose the shortest: a bound on the work, not on what is found. */
export const MAX_PREFIX_WORDS_READ = 1000;

/** A prefix that names more words than were searched: what the reader is told (`SearchRepository.searchNarrowed`). */
export interface PrefixNarrowing {
  /** The last word as searched (folded). */
  prefix: string;
  /** How many of its words were searched (`MAX_EXPANSION`). */
  searched: number;
  /** How many words it begins; `more`: at least this many (only `MAX_PREFIX_WORDS_READ` are read). */
  named: number;
  more: boolean;
}

/** The words a prefix is searched as, shortest first then in index order, and the narrowing when not all of them. */
export function chooseExpansion(prefix: string, words: string[]): { words: string[]; narrowed: PrefixNarrowing | null } {
  if (words.length <= MAX_EXPANSION) return { words, narrowed: null };
  const read = words.slice(0, MAX_PREFIX_WORDS_READ);
  const shortest = [...read].sort((a, b) => [...a].length - [...b].length || (a < b ? -1 : a > b ? 1 : 0)).slice(0, MAX_EXPANSION);
  return {
    words: shortest,
    narrowed: { prefix, searched: shortest.length, named: read.length, more: words.length > MAX_PREFIX_WORDS_READ },
  };
}

/** FTS5's unicode61 token characters (letters, digits, private use): the words as the index splits them. */
const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;

/** The distinct words of an indexed body (`indexBody`) that `search_terms` keeps: those a prefix may expand to. */
export function indexTerms(body: string): string[] {
  return [...addIndexTerms(body, new Set())];
}

/**
 * `indexTerms` added to `into` (a batch's terms in one set). Words are measured in code points without spreading
 * them into arrays: the ingest path did that for every word of every message (issue #26 round 15).
 */
export function addIndexTerms(body: string, into: Set<string>): Set<string> {
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(body); m; m = TOKEN.exec(body)) if (codePointsAtLeast(m[0], EXPANDED_PREFIX)) into.add(m[0]);
  return into;
}

/** Whether `word` has at least `n` code points (a surrogate pair is one). */
function codePointsAtLeast(word: string, n: number): boolean {
  if (word.length < n) return false;
  if (word.length >= 2 * n) return true;
  let points = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    // A high surrogate followed by a low one is one code point; a lone surrogate counts as one, as spreading does.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < word.length && (word.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    if (++points >= n) return true;
  }
  return false;
}

/**
 * An FTS5 MATCH expression for the terms: every term must appear, the last one as a prefix when it is long enough
 * (so results come while typing). `lastWords`, when given, are the indexed words the last term begins: matched
 * exactly, newest first, FTS5 stops after the page instead of merging every posting of the prefix. Terms are
 * quoted: nothing a person types is FTS5 syntax.
 */
export function ftsExpression(terms: string[], lastWords?: string[]): string {
  if (lastWords?.length) return [...terms.slice(0, -1).map((t) => `"${t}"`), `(${lastWords.map((w) => `"${w}"`).join(' OR ')})`].join(' AND ');
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

/** Customers counted past this many are only "more": a one-letter query should not read every contact. */
export const MAX_CUSTOMER_MATCHES = 1000;

/**
 * Whether a customer's name and handle answer a query: every term begins a word of them (a word with the Arabic
 * definite article also without it), after both are folded by the one rule, so "moh kar" finds "Mohammad Karimi",
 * "احمد" finds "أحمد" and "۴۲" finds "@sara_42". Masked tokens in the name are no words of it. Single-seat and team
 * search both answer it from the words `customerWords` gives (the store's `contact_words`, the cache's `names`), so a
 * name is found the same way in either mode, and as this function finds it.
 */
export function customerMatches(terms: string[], name: string | null, handle: string | null): boolean {
  if (!terms.length) return false;
  const folded = foldedCustomer(name, handle);
  // A word start is a substring: most names fail here, before any word is split.
  if (!terms.every((t) => folded.includes(t))) return false;
  const words = wordsOf(folded);
  return terms.every((t) => words.some((w) => w.startsWith(t)));
}

/**
 * The words `customerMatches` tests a customer's terms against, each once: what the store's `contact_words` index and
 * the team cache's `names` column hold, so an indexed search answers "every term begins one of these" and finds
 * exactly whom the scan found.
 */
export function customerWords(name: string | null, handle: string | null): string[] {
  return [...new Set(wordsOf(foldedCustomer(name, handle)))];
}

function foldedCustomer(name: string | null, handle: string | null): string {
  return normalizeForSearch(`${name !== null && name.includes('⟦') ? textWithoutTokens(name) : (name ?? '')} ${handle ?? ''}`);
}

function wordsOf(folded: string): string[] {
  const words: string[] = [];
  for (const m of folded.matchAll(WORD)) {
    words.push(m[0]);
    const bare = m[0].replace(ARTICLE, '');
    if (bare !== m[0]) words.push(bare);
  }
  return words;
}

/**
 * The least string greater than every string that begins with `term` (its last code point plus one), so
 * `word >= term AND word < prefixEnd(term)` is "word begins with term" under SQLite's binary (UTF-8, code point
 * order) collation, answered from an index.
 */
export function prefixEnd(term: string): string {
  const cps = [...term];
  const last = cps.pop()!.codePointAt(0)!;
  const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
  return cps.join('') + String.fromCodePoint(next);
}
