/**
 * What a long search prefix costs when it names many common words (issue #26): the message index's part of a search
 * whose last word is spelled out as at most `MAX_EXPANSION` (32) indexed words, against FTS5's own prefix merge, on a
 * kept dataset opened read-only.
 *   node --import tsx bench/store/long-prefix.ts --dir <kept dataset dir> [--rounds 3] [--runs 40]
 * Cases, each the store's own page statement (newest 200 hits, as the console's search asks):
 *  - the 4-letter prefix whose words occur in the most messages, as FTS5's prefix and as its words (all, or 32);
 *  - the 32 most common indexed words of 4+ letters OR'd: the worst a narrowed prefix can be (every word common);
 *  - the 32 rarest, OR'd: the best;
 *  - each of those after a common word (`w AND (…)`), as a two-word query is.
 * CPU time per query (min / median / max over the rounds of each round's p50 and max). Prints, changes nothing.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { MAX_EXPANSION, ftsExpression } from '../../main/core/store/search-text';
import { argValue, ms } from './common';

const dirArg = process.argv.indexOf('--dir');
if (dirArg < 0) throw new Error('Give the kept dataset: --dir <directory printed by dataset.ts --keep or bulk.ts>');
const db = new Database(path.join(process.argv[dirArg + 1]!, 'diwan.sqlite'), { readonly: true, fileMustExist: true });
const rounds = argValue('--rounds', 3);
const runs = argValue('--runs', 40);

db.exec('CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, messages_fts, row)');
const t0 = process.cpuUsage();
// Words the expansion may name: `search_terms` (4+ letters), with how many messages hold each.
const words = db
  .prepare('SELECT v.term, v.doc FROM temp.vocab v JOIN search_terms s ON s.term = v.term')
  .all() as Array<{ term: string; doc: number }>;
console.log(`${words.length.toLocaleString('en')} indexed words of 4+ letters (vocabulary read in ${ms((process.cpuUsage(t0).user + process.cpuUsage(t0).system) / 1000)} of CPU)`);
const byPrefix = new Map<string, Array<{ term: string; doc: number }>>();
for (const w of words) {
  const p = [...w.term].slice(0, 4).join('');
  byPrefix.set(p, [...(byPrefix.get(p) ?? []), w]);
}
const docsOf = (ws: Array<{ doc: number }>) => ws.reduce((n, w) => n + w.doc, 0);
const [prefix, prefixWords] = [...byPrefix].sort((a, b) => docsOf(b[1]) - docsOf(a[1]))[0]!;
const byDocs = [...words].sort((a, b) => b.doc - a.doc);
const common = byDocs.slice(0, MAX_EXPANSION);
const rare = byDocs.slice(-MAX_EXPANSION);
const lead = byDocs[0]!.term;
const spelled = [...prefixWords].sort((a, b) => [...a.term].length - [...b.term].length || (a.term < b.term ? -1 : 1)).slice(0, MAX_EXPANSION);
console.log(
  `prefix "${prefix}": ${prefixWords.length} words in ${docsOf(prefixWords).toLocaleString('en')} postings; ` +
    `32 most common: ${docsOf(common).toLocaleString('en')} postings (from ${common.at(-1)!.doc.toLocaleString('en')} to ${common[0]!.doc.toLocaleString('en')} each); 32 rarest: ${docsOf(rare)}; common first word "${lead}"`,
);

const page = db.prepare(
  `SELECT m.id, m.conversation_id, m.channel_id, m.direction, m.masked_text, m.sent_at FROM (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f
   JOIN messages m ON m.id = f.rowid ORDER BY m.id DESC`,
);
const cases: Array<[string, string]> = [
  [`prefix "${prefix}", FTS5's own prefix`, ftsExpression([prefix])],
  [`prefix "${prefix}", its ${spelled.length} shortest words`, ftsExpression([prefix], spelled.map((w) => w.term))],
  ['32 most common words OR\'d (worst narrowing)', ftsExpression(['x'], common.map((w) => w.term))],
  ['32 rarest words OR\'d', ftsExpression(['x'], rare.map((w) => w.term))],
  [`"${lead}" + prefix "${prefix}", FTS5's prefix`, ftsExpression([lead, prefix])],
  [`"${lead}" + the 32 most common OR'd`, ftsExpression([lead, 'x'], common.map((w) => w.term))],
];
const results = new Map<string, Array<{ p50: number; max: number; hits: number }>>();
for (let r = 0; r < rounds; r++) {
  for (const [name, match] of cases) {
    const cpu: number[] = [];
    let hits = 0;
    for (let i = 0; i < runs; i++) {
      const c = process.cpuUsage();
      hits = page.all(match, 200).length;
      const d = process.cpuUsage(c);
      cpu.push((d.user + d.system) / 1000);
    }
    cpu.sort((a, b) => a - b);
    results.set(name, [...(results.get(name) ?? []), { p50: cpu[Math.floor(cpu.length / 2)]!, max: cpu[cpu.length - 1]!, hits }]);
  }
}
const mmm = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${s[0]!.toFixed(2)}–${s[Math.floor(s.length / 2)]!.toFixed(2)}–${s[s.length - 1]!.toFixed(2)}`;
};
console.log(`CPU per query, ${rounds} rounds of ${runs} (min–median–max of the rounds' p50 / max), load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)}:`);
for (const [name, rs] of results) console.log(`  ${name.padEnd(60)} p50 ${mmm(rs.map((x) => x.p50))} ms   max ${mmm(rs.map((x) => x.max))} ms   (${rs[0]!.hits} hits)`);
db.close();
