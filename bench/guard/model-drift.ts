/**
 * Why a retraining loses asks the model caught before (issue #21, outbound round 22). Trains the model without one
 * tuning file and with it — the file's asks only, its safe replies only, both — and, as the yardstick of the training's
 * own noise, on the same rows with the shuffle's seed changed; then counts, over every outbound text of the corpus the
 * model judges (the rules allow it and it names a secret), how many blocks each model makes at the checked-in
 * threshold and how many of the first model's blocks the second loses. Counts only: no row is printed, so the
 * report-only sets may be in the counted texts.
 *   node --import tsx bench/guard/model-drift.ts [--file=round21-tune.jsonl]
 */
import fs from 'node:fs';
import path from 'node:path';
import { mentionsASecret } from '../../main/core/guard/outbound/classify';
import { REQUEST_MODEL, requestProbability, type RequestModel } from '../../main/core/guard/outbound/request-model';
import { VOICES, fit, outboundRows, rulesBlock, type LabelledReply } from './train-model';

const file = process.argv.find((a) => a.startsWith('--file='))?.slice(7) ?? 'round21-tune.jsonl';
const texts = fs.readdirSync(VOICES).filter((f) => f.endsWith('.jsonl') && !f.includes('inbound'))
  .flatMap((f) => fs.readFileSync(path.join(VOICES, f), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text));
const judged = texts.filter((t) => mentionsASecret(t, { phoneAndActivationOnly: true }) && !rulesBlock(t));
const threshold = REQUEST_MODEL.threshold;
const model = (rows: LabelledReply[], shuffles: number, seed?: number): RequestModel => ({ ...fit(rows, seed === undefined ? { shuffles } : { shuffles, seed }), threshold, enabled: true });
const scores = (m: RequestModel) => judged.map((t) => requestProbability(t, m));
const SHUFFLE_COUNTS = [1, 5];

const rows = outboundRows();
const without = rows.filter((r) => r.file !== file);
const added = rows.filter((r) => r.file === file);
const blocks = (p: number[]) => p.filter((x) => x >= threshold).length;
console.log(`${judged.length} of ${texts.length} outbound texts are the model's to judge; threshold ${threshold}; ${file}: ${added.filter((r) => r.label === 'block').length} asks, ${added.filter((r) => r.label === 'allow').length} safe\n`);
console.log('| second model | its blocks | first model\'s blocks | lost | gained | mean change of p |\n|---|---|---|---|---|---|');
const compare = (name: string, first: number[], second: number[]) => {
  const lost = first.filter((p, i) => p >= threshold && second[i]! < threshold).length;
  const gained = second.filter((p, i) => p >= threshold && first[i]! < threshold).length;
  const shift = second.reduce((s, p, i) => s + p - first[i]!, 0) / second.length;
  console.log(`| ${name} | ${blocks(second)} | ${blocks(first)} | ${lost} | ${gained} | ${shift >= 0 ? '+' : ''}${shift.toFixed(4)} |`);
};
for (const shuffles of SHUFFLE_COUNTS) {
  const before = scores(model(without, shuffles));
  const all = scores(model(rows, shuffles));
  const tag = `${shuffles} run${shuffles > 1 ? 's averaged' : ''}`;
  compare(`${tag}: + ${file}'s asks only`, before, scores(model([...without, ...added.filter((r) => r.label === 'block')], shuffles)));
  compare(`${tag}: + ${file}'s safe replies only`, before, scores(model([...without, ...added.filter((r) => r.label === 'allow')], shuffles)));
  compare(`${tag}: + all of ${file}`, before, all);
  compare(`${tag}: the same rows as the last, ${file}'s met last (the order's own noise)`, all, scores(model([...without, ...added], shuffles)));
  compare(`${tag}: the same rows as the first, other shuffles (the seed's own noise)`, before, scores(model(without, shuffles, 121)));
}
