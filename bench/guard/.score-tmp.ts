import fs from 'node:fs';
import { evaluateReply } from '../../work/wt-guard/main/core/guard';
import { detectSensitive as detect } from '../../work/wt-guard/main/core/masking';
import { BENCH_POLICY } from '../../work/wt-guard/bench/guard/eval';
const f = process.argv[2]!; const show = process.argv.includes('--show');
let ok = 0, n = 0;
for (const l of fs.readFileSync(f, 'utf8').split('\n').filter(Boolean)) {
  const r = JSON.parse(l); const fs_ = evaluateReply(r.text, 'en', BENCH_POLICY, detect);
  const got = fs_.some((x) => x.verdict === 'block'); n++;
  if (got === (r.label === 'block')) ok++; else if (show) console.log(r.id, r.label, fs_.filter(x=>x.verdict==='block').map((x) => x.code).join(','), r.text);
}
console.log(`${ok}/${n}`);
