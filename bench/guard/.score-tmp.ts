import fs from 'node:fs';
import { inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';
import { BENCH_POLICY } from './eval';
const show = process.argv.includes('--show');
for (const [pname, policy] of [['default', resolveGuardPolicy()], ['bench', BENCH_POLICY]] as const) {
  for (const f of process.argv.slice(2).filter((a) => !a.startsWith('--'))) {
    const rows = fs.readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    let scams = 0, caught = 0, ord = 0, ordF = 0; const need: Record<string, [number, number]> = {}; const extra: Record<string, number> = {};
    for (const r of rows) {
      const got = new Set(inspectInbound(r.text, 'en', { policy, detectSensitive }).flags.map((x) => x.code === 'mixed_script' ? 'lookalike' : x.code === 'fake_handle' ? 'fake_number' : x.code));
      const isScam = r.flags.length > 0;
      if (isScam) { scams++; if (got.size) caught++; } else { ord++; if (got.size) ordF++; }
      for (const fl of r.flags) { need[fl] ??= [0, 0]; need[fl][0]++; if (got.has(fl)) need[fl][1]++; }
      for (const g of got) if (!r.flags.includes(g)) extra[g] = (extra[g] ?? 0) + 1;
      if (show && pname === 'default' && (r.flags.some((x: string) => !got.has(x)) || [...got].some((g) => !r.flags.includes(g)))) console.log(`  ${r.id} want ${r.flags} got ${[...got]}`);
    }
    const fr = Object.values(need).reduce((a, [n, c]) => [a[0] + n, a[1] + c], [0, 0]);
    console.log(`${pname} ${f.split('/').pop()}: caught ${caught}/${scams}, ordinary flagged ${ordF}/${ord}, flag recall ${fr[1]}/${fr[0]} ${JSON.stringify(need)} extra ${JSON.stringify(extra)}`);
  }
}
