/**
 * Row-by-row verdicts of the outbound guard on a tune file kept out of `voices/` (so the request model's training
 * does not read it): node --import tsx bench/guard/tune-out/score.ts FILE [--wrong]
 */
import fs from 'node:fs';
import { evaluateReply } from '../../../main/core/guard';
import { detectSensitive } from '../../../main/core/masking';
import { BENCH_POLICY } from '../eval';

const file = process.argv[2] ?? 'bench/guard/tune-out/outbound-round29-tune.jsonl';
const wrongOnly = process.argv.includes('--wrong');
const rows = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; class: string; label: string; text: string });
let right = 0;
for (const r of rows) {
  const f = evaluateReply(r.text, 'en', BENCH_POLICY, detectSensitive);
  const got = f.some((x) => x.verdict === 'block') ? 'block' : 'allow';
  if (got === r.label) right++;
  if (!wrongOnly || got !== r.label) console.log(`${got === r.label ? 'ok ' : 'BAD'} ${r.id} ${r.class} ${r.label} [${f.map((x) => x.code).join(',')}] ${r.text.replace(/\n/g, ' / ')}`);
}
console.log(`${right}/${rows.length} right`);
