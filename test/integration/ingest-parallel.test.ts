import fs from 'node:fs';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { GuardScreen } from '../../main/core/app';
import { detectorMasker } from '../../main/core/app/masker';
import { DEFAULT_GUARD_POLICY } from '../../main/core/guard';
import { ParallelPreparer } from '../../main/core/app/parallel-preparer';
import { WARM_UP_MESSAGES } from '../../main/core/app/prepare-warmup';
import { epochOf, generateSealingKey, openSealed, originalContext, type SealingKeyPair } from '../../main/core/custody';
import { prepareTexts, type SealingTarget } from '../../main/core/store';

const SEAT = 'seat-0123456789abcdef';
const keyOf = (epoch: number) => generateSealingKey(epoch);
const target = (k: SealingKeyPair): SealingTarget => ({ seat: SEAT, epoch: k.epoch, publicKey: k.publicKey });
const openText = (k: SealingKeyPair, id: number, blob: Uint8Array) => openSealed(k.privateKey, originalContext(SEAT, id, 'text'), Buffer.from(blob));
const texts = Array.from({ length: 300 }, (_, i) =>
  i % 3 === 0 ? `رقمي ٠٥٠١٢٣٤٥${String(i % 100).padStart(2, '0')} شكرا` : i % 3 === 1 ? `card 4111 1111 1111 1111 and mail user${i}@example.com` : `سلام، سفارش ${i} کی می‌رسد؟`,
);
const hints = { PHONE: { showLast: 2 } };
const masker = detectorMasker(() => hints);
const open: ParallelPreparer[] = [];
const preparer = () => {
  const p = new ParallelPreparer(() => hints);
  open.push(p);
  return p;
};
afterEach(() => open.splice(0).forEach((p) => p.close()));

/** Every chunk of a batch, in order, as the ingest path asks for them. */
function prepareAll(p: ParallelPreparer, key: SealingKeyPair, firstId: number) {
  const get = p.start(texts, firstId, { masker, sealing: target(key) });
  return Array.from({ length: Math.ceil(texts.length / p.chunkSize) }, (_, k) => get(k)).flat();
}

describe('ingest preparation on a worker thread', () => {
  it('masks, indexes and seals exactly as the inline path does, under the ids it is given', async () => {
    const p = preparer();
    expect(await p.warmUp()).toBe(true);
    const key = keyOf(3);
    const parallel = prepareAll(p, key, 1000);
    const inline = prepareTexts(texts, 1000, masker, target(key));
    expect(parallel).toHaveLength(texts.length);
    parallel.forEach((got, i) => {
      const want = inline[i]!;
      expect({ masked: got.masked, body: got.body, keyVersion: got.keyVersion }).toEqual({ masked: want.masked, body: want.body, keyVersion: 0 });
      expect(got.fields.map(({ type, start, end }) => ({ type, start, end }))).toEqual(want.fields.map(({ type, start, end }) => ({ type, start, end })));
      expect(openText(key, 1000 + i, got.textEnc)).toBe(texts[i]);
      got.fields.forEach((f, n) =>
        expect(openSealed(key.privateKey, originalContext(SEAT, 1000 + i, { field: n, type: f.type }), Buffer.from(f.valueEnc))).toBe(masker(texts[i]!).fields[n]!.value),
      );
      // Bound to its own record: another message's context does not open it.
      expect(() => openText(key, 1001 + i, got.textEnc)).toThrow(/does not open/);
    });
    expect(parallel.some((m) => m.fields.length)).toBe(true);
  });

  it('seals to the new epoch\'s key once the custodian moves to it', async () => {
    const p = preparer();
    await p.warmUp();
    prepareAll(p, keyOf(1), 1);
    const next = keyOf(2);
    const after = prepareAll(p, next, 400);
    expect(after.every((m) => epochOf(Buffer.from(m.textEnc)) === 2)).toBe(true);
    expect(openText(next, 400, after[0]!.textEnc)).toBe(texts[0]);
  });

  it('prepares inline, with the same result, when the worker is gone or the batch is small', async () => {
    const p = preparer();
    await p.warmUp();
    p.close();
    expect(await p.warmUp(100)).toBe(false);
    const key = keyOf(1);
    const after = prepareAll(p, key, 1);
    expect(after.map((m) => m.masked)).toEqual(texts.map((t) => masker(t).masked));
    const small = preparer().start(texts.slice(0, 5), 7, { masker, sealing: target(key) })(0);
    expect(openText(key, 11, small[4]!.textEnc)).toBe(texts[4]);
  });

  it('ships as its own entry of the built main process, which answers the same protocol', async () => {
    const built = path.resolve('out/main/prepare-worker.js');
    expect(fs.existsSync(built), 'npm test builds out/ before the tests run; run `npx electron-vite build` first').toBe(true);
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(built, { workerData: { port: port2, signal }, transferList: [port2] });
    try {
      const key = keyOf(5);
      port1.postMessage({ type: 'key', sealing: target(key) });
      port1.postMessage({ type: 'screen', policy: DEFAULT_GUARD_POLICY });
      port1.postMessage({ type: 'chunk', job: 1, chunk: 0, firstId: 9, texts: texts.slice(0, 3), inbound: [true, false, true], hints });
      const replies: unknown[] = [];
      const warming: number[] = [];
      // Up to 10 s without a word from the worker; each step of its warm-up is one.
      for (let waited = 0; replies.length < 2 && waited < 10_000; waited += 50) {
        const got = receiveMessageOnPort(port1);
        if (got && 'warming' in got.message) {
          warming.push(got.message.warming);
          waited = 0;
        } else if (got) replies.push(got.message);
        else await new Promise((r) => setTimeout(r, 50));
      }
      // It warmed up on its own sample first (round 19 of #26), step by step, and said so before it was ready.
      expect(warming.at(-1)).toBe(WARM_UP_MESSAGES);
      expect(warming).toEqual([...warming].sort((a, b) => a - b));
      expect(replies[0]).toEqual({ ready: true, warmed: WARM_UP_MESSAGES });
      const reply = replies[1] as { job: number; prepared: Array<{ masked: string; textEnc: Uint8Array }> };
      expect(reply.job).toBe(1);
      expect(reply.prepared.map((m) => m.masked)).toEqual(texts.slice(0, 3).map((t) => masker(t).masked));
      expect(openText(key, 10, reply.prepared[1]!.textEnc)).toBe(texts[1]);
      // The scam check ran in the built worker too (the guard's rules are bundled into it), on inbound texts only.
      const screen = new GuardScreen(DEFAULT_GUARD_POLICY);
      expect(reply.prepared.map((m) => (m as { screened?: unknown }).screened ?? null)).toEqual([
        { rules: screen.rules, flagged: screen.flagged(masker(texts[0]!).masked) },
        null,
        { rules: screen.rules, flagged: screen.flagged(masker(texts[2]!).masked) },
      ]);
    } finally {
      await worker.terminate();
    }
  });
});
