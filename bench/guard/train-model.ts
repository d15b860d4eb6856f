/**
 * Trains the outbound guard's learned component (`main/core/guard/outbound/request-model.ts`) from the labelled voice
 * corpora, deterministically (seeded shuffle, fixed epochs, weights rounded), and writes the checked-in model:
 *   node --import tsx bench/guard/train-model.ts            # writes main/core/guard/outbound/request-model.json
 *   node --import tsx bench/guard/train-model.ts --check    # exits 1 if the checked-in file differs
 * Training rows: every outbound row of `bench/guard/voices/` except the held-back sets (`heldout-*`, `*-check.jsonl`),
 * which are only ever reported. `model-loro.ts` scores it leave-one-round-out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateReply } from '../../main/core/guard';
import { mentionsASecret } from '../../main/core/guard/outbound/classify';
import { requestFeatures, requestProbability, type RequestModel } from '../../main/core/guard/outbound/request-model';
import { VOICES as COMPOSE_VOICES } from '../../test/unit/guard-compose-parts';
import { detectSensitive } from '../../main/core/masking';
import { rng } from '../../main/core/connectors/demo/values';
import { BENCH_POLICY } from './eval';

export interface LabelledReply { id: string; label: 'block' | 'allow'; text: string; file: string }

const here = path.dirname(fileURLToPath(import.meta.url));
export const VOICES = path.join(here, 'voices');
export const MODEL_PATH = path.resolve(here, '../../main/core/guard/outbound/request-model.json');

/**
 * Switched on only if leave-one-round-out shows it helps beside the rules (bench/README.md, "A learned component").
 */
export const ENABLED = true;
const BUCKETS = 1 << 14;
const EPOCHS = 12;
const L2 = 1e-3;
const RATE = 0.5;
const SEED = 21;
/** Training runs averaged, each with its own shuffle (round 22: one run's model depends on the rows' order). */
const SHUFFLES = 5;
/** The model may add at most this share of safe replies blocked on out-of-fold scores of the training rows. */
const ADDED_FALSE_BLOCKS = 0.01;
const FOLDS = 5;

export const heldBack = (file: string) => file.startsWith('heldout') || file.endsWith('-check.jsonl');

export function outboundRows(exclude: (file: string) => boolean = heldBack): LabelledReply[] {
  return fs.readdirSync(VOICES).filter((f) => f.endsWith('.jsonl') && !f.includes('inbound') && !exclude(f)).sort()
    .flatMap((file) => fs.readFileSync(path.join(VOICES, file), 'utf8').split('\n').filter(Boolean).map((l) => ({ ...(JSON.parse(l) as Omit<LabelledReply, 'file'>), file })));
}

/**
 * Logistic regression by AdaGrad over the rows, L2-regularised, averaged over SHUFFLES runs with seeds SEED,
 * SEED + 1, …; weights rounded to 3 decimals. (Round 22) One run's weights depend on the order it met the rows in:
 * the same rows with the seed changed, or a tuning file's rows met in another place of the order, moved the model's
 * blocks at its threshold by 6–7 of ~95 — most of what a retraining cost older sets (`model-drift.ts`). The mean of
 * five runs moves by 1–2.
 */
export function fit(rows: LabelledReply[], { l2 = L2, epochs = EPOCHS, seed = SEED, shuffles = SHUFFLES } = {}): Pick<RequestModel, 'buckets' | 'bias' | 'weights'> {
  const xs = rows.map((r) => [...requestFeatures(r.text, BUCKETS)]);
  const ys = rows.map((r) => (r.label === 'block' ? 1 : 0));
  const sum = new Float64Array(BUCKETS);
  let biasSum = 0;
  for (let k = 0; k < shuffles; k++) {
    const run = fitOnce(xs, ys, { l2, epochs, seed: seed + k });
    for (let b = 0; b < BUCKETS; b++) sum[b] = sum[b]! + run.w[b]!;
    biasSum += run.bias;
  }
  // 3 decimals: the same file on every machine, and a small one
  const round = (x: number) => Math.round(x * 1e3) / 1e3 || 0;
  return { buckets: BUCKETS, bias: round(biasSum / shuffles), weights: [...sum].map((x) => round(x / shuffles)) };
}

function fitOnce(xs: [number, number][][], ys: number[], { l2, epochs, seed }: { l2: number; epochs: number; seed: number }): { w: Float64Array; bias: number } {
  const w = new Float64Array(BUCKETS);
  const g2 = new Float64Array(BUCKETS).fill(1e-8);
  let bias = 0;
  let b2 = 1e-8;
  const random = rng(seed); // the demo data's seeded generator: the same shuffle (and so the same model) on every run
  const order = xs.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const swap = order[i]!;
      order[i] = order[j]!;
      order[j] = swap;
    }
    for (const i of order) {
      let z = bias;
      for (const [b, v] of xs[i]!) z += w[b]! * v;
      const err = 1 / (1 + Math.exp(-z)) - ys[i]!;
      for (const [b, v] of xs[i]!) {
        const g = err * v + l2 * w[b]!;
        g2[b] = g2[b]! + g * g;
        w[b] = w[b]! - (RATE * g) / Math.sqrt(g2[b]!);
      }
      b2 += err * err;
      bias -= (RATE * err) / Math.sqrt(b2);
    }
  }
  return { w, bias };
}

/** The rules alone (the checked-in model left out, so training never depends on the file it writes). */
export const rulesBlock = (text: string) => evaluateReply(text, 'en', BENCH_POLICY, detectSensitive, null).some((f) => f.verdict === 'block');

/** Hard safe replies composed from the team's parts (a warning, our own sending, entry in the app, per voice). */
export function composedSafeReplies(): string[] {
  return COMPOSE_VOICES.flatMap((v) => v.safe.flatMap((frame) => v.secrets.map((s) => frame.replace('{s}', s))));
}

/**
 * The lowest threshold at which the model, on out-of-fold scores (each row scored by a model trained without it),
 * adds at most ADDED_FALSE_BLOCKS of the safe rows as blocks beyond the rules' own — and none of the composed hard
 * safe replies (scored by the model trained on all the rows).
 */
export function chooseThreshold(rows: LabelledReply[], model: Pick<RequestModel, 'buckets' | 'bias' | 'weights'>): number {
  const oof = new Array<number>(rows.length);
  for (let k = 0; k < FOLDS; k++) {
    const m = { ...fit(rows.filter((_, i) => i % FOLDS !== k)), threshold: 1, enabled: true };
    rows.forEach((r, i) => { if (i % FOLDS === k) oof[i] = requestProbability(r.text, m); });
  }
  const judged = (text: string) => mentionsASecret(text, { phoneAndActivationOnly: true }) && !rulesBlock(text);
  const safeAllowedByRules = rows.map((r, i) => ({ r, p: oof[i]! })).filter(({ r }) => r.label === 'allow' && judged(r.text)).map(({ p }) => p);
  const composed = composedSafeReplies().filter(judged).map((t) => requestProbability(t, { ...model, threshold: 1, enabled: true }));
  const safe = rows.filter((r) => r.label === 'allow').length;
  for (let t = 50; t <= 99; t++) {
    if (safeAllowedByRules.filter((p) => p >= t / 100).length <= ADDED_FALSE_BLOCKS * safe && !composed.some((p) => p >= t / 100)) return t / 100;
  }
  return 0.99;
}

export function train(rows: LabelledReply[] = outboundRows()): RequestModel {
  const model = fit(rows);
  return { ...model, threshold: chooseThreshold(rows, model), enabled: ENABLED };
}

export const serialise = (m: RequestModel) => JSON.stringify(m) + '\n';

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = outboundRows();
  const text = serialise(train(rows));
  if (process.argv.includes('--check')) {
    const same = fs.readFileSync(MODEL_PATH, 'utf8') === text;
    console.log(same ? 'request-model.json is what training produces' : 'request-model.json differs from what training produces');
    process.exit(same ? 0 : 1);
  }
  fs.writeFileSync(MODEL_PATH, text);
  console.log(`${rows.length} rows (${rows.filter((r) => r.label === 'block').length} asking) → ${path.relative(process.cwd(), MODEL_PATH)}, ${text.length} bytes`);
}
