/**
 * Does the learned component help out of round? Leave-one-round-out over the four independent outbound rounds (each
 * written by writers who never saw the guard): train on every training row except that round's file (threshold chosen
 * on those rows alone, as `train-model.ts` does), then score the round with the rules alone, the model alone and the
 * two combined (rules block, or the model's probability ≥ threshold). Then the checked-in model on the held-back sets.
 *   node --import tsx bench/guard/model-loro.ts [--base DIR]
 * The rules have been tuned on every independent round, so "rules" on a left-out round is in-sample for them. `--base
 * DIR` (a `git archive` of an earlier commit with node_modules linked) also scores that commit's rules, e.g. main
 * before round 7, which had not seen independent-r4: the honest out-of-round baseline for r4.
 */
import fs from 'node:fs';
import path from 'node:path';
import { modelBlocks } from '../../main/core/guard/outbound/guard';
import { REQUEST_MODEL, type RequestModel } from '../../main/core/guard/outbound/request-model';
import { BENCH_POLICY } from './eval';
import { VOICES, chooseThreshold, fit, heldBack, outboundRows, rulesBlock as rules, type LabelledReply } from './train-model';

type Judge = (text: string) => boolean;

async function baseRules(dir: string): Promise<Judge> {
  const guard = (await import(path.resolve(dir, 'main/core/guard/index.ts'))) as typeof import('../../main/core/guard');
  const masking = (await import(path.resolve(dir, 'main/core/masking/index.ts'))) as typeof import('../../main/core/masking');
  const policy = guard.resolveGuardPolicy({ companyDomains: BENCH_POLICY.companyDomains, serviceNeedsOnlyPhoneAndActivationCode: true });
  return (t) => guard.evaluateReply(t, 'en', policy, masking.detectSensitive).some((f) => f.verdict === 'block');
}

function score(rows: LabelledReply[], judge: Judge): string {
  let asks = 0, caught = 0, safe = 0, blocked = 0;
  for (const r of rows) {
    const got = judge(r.text);
    if (r.label === 'block') { asks++; if (got) caught++; } else { safe++; if (got) blocked++; }
  }
  return `${(caught / asks).toFixed(3)} (${caught}/${asks}) / ${((100 * blocked) / safe).toFixed(1)} % (${blocked}/${safe})`;
}

const ROUNDS = ['independent-outbound.jsonl', 'independent-r2-outbound.jsonl', 'independent-r3-outbound.jsonl', 'independent-r4-outbound.jsonl'];
const baseDir = process.argv.includes('--base') ? process.argv[process.argv.indexOf('--base') + 1] : undefined;
const base = baseDir ? await baseRules(baseDir) : undefined;

console.log('### Leave one round out (recall / safe replies blocked)\n');
console.log(`| left-out round | threshold | rules (tuned on it) | model alone | rules + model |${base ? ' base rules | base rules + model |' : ''}`);
console.log(`|---|---|---|---|---|${base ? '---|---|' : ''}`);
for (const round of ROUNDS) {
  const train = outboundRows((f) => heldBack(f) || f === round);
  const fitted = fit(train);
  const model: RequestModel = { ...fitted, threshold: chooseThreshold(train, fitted), enabled: true };
  const test = outboundRows((f) => f !== round);
  const byModel: Judge = (t) => modelBlocks(t, model, BENCH_POLICY);
  const cells = [score(test, rules), score(test, byModel), score(test, (t) => rules(t) || byModel(t))];
  if (base) cells.push(score(test, base), score(test, (t) => base(t) || byModel(t)));
  console.log(`| ${round} | ${model.threshold} | ${cells.join(' | ')} |`);
}

console.log(`\n### Checked-in model (threshold ${REQUEST_MODEL.threshold}) on the held-back sets\n`);
console.log('| set | rules | model alone | rules + model |\n|---|---|---|---|');
const byChecked: Judge = (t) => modelBlocks(t, REQUEST_MODEL, BENCH_POLICY);
for (const f of fs.readdirSync(VOICES).filter((x) => heldBack(x) && !x.includes('inbound')).sort()) {
  const rows = outboundRows((x) => x !== f);
  console.log(`| ${f} | ${score(rows, rules)} | ${score(rows, byChecked)} | ${score(rows, (t) => rules(t) || byChecked(t))} |`);
}
