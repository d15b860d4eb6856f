/**
 * What a fresh preparation thread pays on its first messages, with and without the warm-up the worker now runs before
 * it says it is ready (issue #26, round 19):
 *   node --import tsx bench/store/worker-warmup.ts [--messages 20000] [--warm 128] [--passes 2]
 * One fresh process a run (a worker is a fresh V8 isolate, and so is this). `--warm 0` is the cold thread as before.
 * This thread: the warm-up (`warmPreparation`, counted in messages), then `ingest.ts`'s store messages prepared as
 * the worker prepares them (masking, the scam check, sealing, the search body) in chunks of 128, `--passes` times
 * over. Prints the warm-up's CPU, each pass's CPU a message and the first chunk's and the worst chunk's CPU (the first
 * chunk is the one with a deadline a cold worker missed), with the load average. CPU per thread (getrusage).
 */
import os from 'node:os';
import '../../main/core/shared/regexp-engine';
import { detectorMasker, GuardScreen } from '../../main/core/app';
import { warmPreparation } from '../../main/core/app/prepare-warmup';
import { DEFAULT_GUARD_POLICY } from '../../main/core/guard';
import { generateSealingKey } from '../../main/core/custody';
import { prepareTexts } from '../../main/core/store';
import { argValue, parseUpdate, platformUpdate, rng } from './common';

const total = argValue('--messages', 20_000);
const warm = argValue('--warm', 128);
const passes = argValue('--passes', 2);
const CHUNK = 128;

const cpu = () => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1e3; // ms
};
const r = rng(7);
const texts = Array.from({ length: total }, (_, i) => parseUpdate(platformUpdate(i, Math.floor(r() * 2000), 1_700_000_000_000 + i * 1000, r), 0).text);
const load0 = os.loadavg()[0]!;

const w0 = cpu();
const warmed = warm > 0 ? warmPreparation(warm) : 0;
const warmMs = cpu() - w0;

const key = generateSealingKey(1);
const sealing = { seat: 'bench', epoch: key.epoch, publicKey: key.publicKey };
const check = new GuardScreen(DEFAULT_GUARD_POLICY);
const masker = detectorMasker(() => undefined);
const out: string[] = [];
for (let p = 0; p < passes; p++) {
  const chunks: number[] = [];
  for (let i = 0; i < total; i += CHUNK) {
    const slice = texts.slice(i, i + CHUNK);
    const c0 = cpu();
    prepareTexts(slice, 1 + i, masker, sealing, { check, inbound: slice.map(() => true) });
    chunks.push(cpu() - c0);
  }
  const sum = chunks.reduce((a, b) => a + b, 0);
  out.push(`pass ${p + 1}: ${((sum * 1e3) / total).toFixed(1)} µs/msg, first chunk ${chunks[0]!.toFixed(1)} ms, worst ${Math.max(...chunks).toFixed(1)} ms`);
}
console.log(
  `worker-warmup: warm-up ${warmed} messages, ${warmMs.toFixed(0)} ms CPU; ${total} store messages: ${out.join('; ')}; load ${load0.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)}`,
);
