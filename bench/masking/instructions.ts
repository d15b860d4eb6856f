/**
 * A fixed workload for instruction counts (the machine is shared, so CPU time is noisy): `detectSensitive` over every
 * text of the PII kit's dev set, --warm passes (JIT) then --passes passes. Run it bundled under callgrind twice, with
 * --passes 0 and --passes N; the difference over N is the detector's instructions per pass, start-up and JIT
 * warm-up subtracted:
 *
 *   npx esbuild bench/masking/instructions.ts --bundle --platform=node --format=esm --outfile=/tmp/instr.mjs
 *   valgrind --tool=callgrind --callgrind-out-file=/dev/null node /tmp/instr.mjs --passes 0   # and --passes 30
 *
 * `bench/masking/instructions.sh` does both for a checkout and prints the figure; `--reader` counts the number-token
 * reader alone (`readAsDigits`); `--corpus REPO` adds every set of REPO's masking and guard benches that is not report
 * only (the whole corpus the passes are profiled on, not just the dev set).
 */
import path from 'node:path';
import { detectSensitive } from '../../main/core/masking';
import { readAsDigits } from '../../main/core/masking/number-reader';
import { jsonlTexts as jsonl } from '../golden-pin';
import { visibleSetFiles as sets } from './report-only';

const arg = (k: string, d: string): string => {
  const i = process.argv.indexOf(`--${k}`);
  return i >= 0 ? process.argv[i + 1]! : d;
};
const corpus = process.argv.includes('--corpus') ? arg('corpus', '.') : undefined;
const texts = [...jsonl(arg('gold', '../shared/pii/dev.jsonl')), ...(corpus ? [...sets(path.join(corpus, 'bench/masking/sets')), ...sets(path.join(corpus, 'bench/guard'))].flatMap(jsonl) : [])];
const warm = Number(arg('warm', '10'));
const passes = Number(arg('passes', '30'));
// --reader: the number-token reader alone (its first tests and what it reads), as `dictated.ts` calls it per message
const reader = process.argv.includes('--reader');
let found = 0;
for (let p = 0; p < warm + passes; p++) for (const t of texts) found += reader ? (readAsDigits(t)?.runs.length ?? 0) : detectSensitive(t).length;
console.log(`${texts.length} texts, ${warm} warm-up + ${passes} passes, ${found} ${reader ? 'candidates' : 'spans'}`);
