/** Scores the outbound and inbound guards on the labelled sets (used by run.ts and by the tests). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateReply, inspectInbound, resolveGuardPolicy, type DetectSensitive } from '../../main/core/guard';

const here = path.dirname(fileURLToPath(import.meta.url));

export const BENCH_POLICY = resolveGuardPolicy({
  companyDomains: ['acme.com'],
  allowedLinkDomains: ['apple.com', 'play.google.com'],
  brandNames: ['acme'],
  serviceNeedsOnlyPhoneAndActivationCode: true,
  officialSupportNumbers: ['+966 800 123 4567', '800-2263'],
  officialSupportHandles: ['@AcmeCare'],
});

export interface OutboundRow { id: string; split: 'dev' | 'heldout'; lang: string; label: 'block' | 'allow'; text: string }
export interface InboundRow { id: string; split: 'dev' | 'heldout'; lang: string; flags: string[]; text: string }

export function loadJsonl<T>(file: string): T[] {
  return fs.readFileSync(path.join(here, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
}

export interface Score { n: number; tp: number; fp: number; fn: number; tn: number; precision: number; recall: number; fpr: number }

function score(pairs: Array<[expected: boolean, got: boolean]>): Score {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const [e, g] of pairs) {
    if (e && g) tp++;
    else if (e) fn++;
    else if (g) fp++;
    else tn++;
  }
  return { n: pairs.length, tp, fp, fn, tn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, fpr: fp + tn ? fp / (fp + tn) : 0 };
}

export function scoreOutbound(rows: OutboundRow[], detect: DetectSensitive) {
  const results = rows.map((r) => {
    const f = evaluateReply(r.text, 'en', BENCH_POLICY, detect);
    return { row: r, blocked: f.some((x) => x.verdict === 'block') };
  });
  return { score: score(results.map((x) => [x.row.label === 'block', x.blocked])), errors: results.filter((x) => (x.row.label === 'block') !== x.blocked) };
}

export const INBOUND_FLAGS = ['lookalike', 'shortener', 'fake_number', 'upgrade_fee', 'urgency', 'secret'] as const;

export function scoreInbound(rows: InboundRow[], detect: DetectSensitive) {
  const results = rows.map((r) => ({ row: r, got: new Set(inspectInbound(r.text, 'en', { policy: BENCH_POLICY, detectSensitive: detect }).flags.map((f) => (f.code === 'mixed_script' ? 'lookalike' : f.code === 'fake_handle' ? 'fake_number' : f.code))) }));
  const perFlag = Object.fromEntries(INBOUND_FLAGS.map((flag) => [flag, score(results.map((x) => [x.row.flags.includes(flag), x.got.has(flag)]))]));
  const scam = (s: Iterable<string>) => [...s].some((f) => f !== 'secret');
  const anyScam = score(results.map((x) => [scam(x.row.flags), scam(x.got)]));
  const errors = results.filter((x) => INBOUND_FLAGS.some((f) => x.row.flags.includes(f) !== x.got.has(f)));
  return { perFlag, anyScam, errors };
}
