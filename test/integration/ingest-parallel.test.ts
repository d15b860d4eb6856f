import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { detectorMasker } from '../../main/core/app/masker';
import { ParallelPreparer } from '../../main/core/app/parallel-preparer';
import { prepareTexts } from '../../main/core/store';
import { FieldCipher } from '../../main/core/vault/cipher';

const cipherWith = (version: number) => new FieldCipher({ current: version, keys: new Map([[version, crypto.randomBytes(32)]]) });
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
function prepareAll(p: ParallelPreparer, cipher: FieldCipher, firstId: number) {
  const get = p.start(texts, firstId, { masker, cipher });
  return Array.from({ length: Math.ceil(texts.length / p.chunkSize) }, (_, k) => get(k)).flat();
}

describe('ingest preparation on a worker thread', () => {
  it('masks, indexes and encrypts exactly as the inline path does, under the ids it is given', async () => {
    const p = preparer();
    expect(await p.warmUp()).toBe(true);
    const cipher = cipherWith(3);
    const parallel = prepareAll(p, cipher, 1000);
    const inline = prepareTexts(texts, 1000, masker, cipher);
    expect(parallel).toHaveLength(texts.length);
    parallel.forEach((got, i) => {
      const want = inline[i]!;
      expect({ masked: got.masked, body: got.body, keyVersion: got.keyVersion }).toEqual({ masked: want.masked, body: want.body, keyVersion: 3 });
      expect(got.fields.map(({ type, start, end }) => ({ type, start, end }))).toEqual(want.fields.map(({ type, start, end }) => ({ type, start, end })));
      expect(cipher.decrypt(`msg:${1000 + i}:text`, Buffer.from(got.textEnc))).toBe(texts[i]);
      got.fields.forEach((f, n) => expect(cipher.decrypt(`msg:${1000 + i}:field:${n}`, Buffer.from(f.valueEnc))).toBe(masker(texts[i]!).fields[n]!.value));
      // Bound to its own record: another message's identity does not open it.
      expect(() => cipher.decrypt(`msg:${1001 + i}:text`, Buffer.from(got.textEnc))).toThrow(/does not decrypt/);
    });
    expect(parallel.some((m) => m.fields.length)).toBe(true);
  });

  it('encrypts with the new key after a rotation replaces the cipher', async () => {
    const p = preparer();
    await p.warmUp();
    prepareAll(p, cipherWith(1), 1);
    const rotated = cipherWith(2);
    const after = prepareAll(p, rotated, 400);
    expect(after.every((m) => m.keyVersion === 2 && FieldCipher.versionOf(Buffer.from(m.textEnc)) === 2)).toBe(true);
    expect(rotated.decrypt('msg:400:text', Buffer.from(after[0]!.textEnc))).toBe(texts[0]);
  });

  it('prepares inline, with the same result, when the worker is gone or the batch is small', async () => {
    const p = preparer();
    await p.warmUp();
    p.close();
    expect(await p.warmUp(100)).toBe(false);
    const cipher = cipherWith(1);
    const after = prepareAll(p, cipher, 1);
    expect(after.map((m) => m.masked)).toEqual(texts.map((t) => masker(t).masked));
    const small = preparer().start(texts.slice(0, 5), 7, { masker, cipher })(0);
    expect(cipher.decrypt('msg:11:text', Buffer.from(small[4]!.textEnc))).toBe(texts[4]);
  });

  it('ships as its own entry of the built main process, which answers the same protocol', async () => {
    const built = path.resolve('out/main/prepare-worker.js');
    expect(fs.existsSync(built), 'npm test builds out/ before the tests run; run `npx electron-vite build` first').toBe(true);
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(built, { workerData: { port: port2, signal }, transferList: [port2] });
    try {
      const cipher = cipherWith(5);
      const { version, key } = cipher.writingKey();
      port1.postMessage({ type: 'key', version, key });
      port1.postMessage({ type: 'chunk', job: 1, chunk: 0, firstId: 9, texts: texts.slice(0, 3), hints });
      const replies: unknown[] = [];
      for (let waited = 0; replies.length < 2 && waited < 10_000; waited += 50) {
        const got = receiveMessageOnPort(port1);
        if (got) replies.push(got.message);
        else await new Promise((r) => setTimeout(r, 50));
      }
      expect(replies[0]).toEqual({ ready: true });
      const reply = replies[1] as { job: number; prepared: Array<{ masked: string; textEnc: Uint8Array }> };
      expect(reply.job).toBe(1);
      expect(reply.prepared.map((m) => m.masked)).toEqual(texts.slice(0, 3).map((t) => masker(t).masked));
      expect(cipher.decrypt('msg:10:text', Buffer.from(reply.prepared[1]!.textEnc))).toBe(texts[1]);
    } finally {
      await worker.terminate();
    }
  });
});
