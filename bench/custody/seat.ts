/**
 * Single-seat custody (issue 17, deliverable 5): the reveal round trip through the console's own rules and the
 * in-process custodian, and the cost of sealing originals at ingest (one key agreement per chunk, as ingest does)
 * against one key agreement per message (the code before) and the symmetric data-key path sealing replaced,
 * measured in the same run on the same texts. Every variant includes masking and the search text.
 *   npm run -s bench:custody-seat -- [--reveals 300] [--messages 3000]
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { openCore } from '../../main/core/app';
import { detectorMasker } from '../../main/core/app/masker';
import { newSessionSlot } from '../../main/core/auth';
import { originalContext, sealAllTo } from '../../main/core/custody';
import { prepareTexts, type SealingTarget } from '../../main/core/store';
import { indexBody } from '../../main/core/store/search-text';
import { FieldCipher, newKeyRing } from '../../main/core/vault';
import { argValue, freshDir, memoryKeychain, messageText, rng, timings } from '../store/common';

const REVEALS = argValue('--reveals', 300);
const MESSAGES = argValue('--messages', 3000);
const CHUNK = 100;

const dataDir = freshDir('custody-seat');
const core = await openCore({ dataDir, keychain: memoryKeychain(), keychainService: 'Diwan-bench', custody: { rateLimit: { perUser: 1_000_000, windowMs: 3_600_000 } } });
await core.ready();
const adminSlot = newSessionSlot();
await core.identity.createAdmin(adminSlot, { username: 'dana', displayName: 'Dana', password: 'admin-password-12' });
await core.identity.createUser(core.identity.requireSession(adminSlot), { username: 'sam', displayName: 'Sam', role: 'agent', password: 'agent-password-12' });
core.store.channels.create({ id: 'tg', kind: 'telegram', name: 'bench' });

// 1. Reveal round trip: RevealService (role, reason, audit entry) → grant signed → custodian checks, logs (fsync), opens.
core.store.sink.ingest('tg', [
  { platformMessageId: 'r1', platformConversationId: 'c1', contact: { platformUserId: 'u1' }, direction: 'in', text: 'call me back on 0551234567 please', sentAt: Date.now() },
]);
const conv = core.store.conversations.list().items[0]!;
const msg = core.store.conversations.messages(conv.id)[0]!;
const phone = msg.fields.find((f) => f.type === 'PHONE')!;
const slot = newSessionSlot();
await core.identity.signIn(slot, { username: 'sam', password: 'agent-password-12' });
const agent = core.identity.requireSession(slot);
const reveal = () => {
  const t = performance.now();
  const out = core.reveal.request(agent, { messageId: msg.id, fieldIndex: phone.n }, 'Customer asked for a call back');
  if (out.status !== 'granted' || out.value !== '0551234567') throw new Error('the reveal did not open the value');
  return { ms: performance.now() - t, grantId: out.grantId };
};
for (let i = 0; i < 20; i++) reveal();
const round: number[] = [];
let grantId = '';
for (let i = 0; i < REVEALS; i++) {
  const r = reveal();
  round.push(r.ms);
  grantId = r.grantId;
}
const reread: number[] = [];
for (let i = 0; i < REVEALS; i++) {
  const t = performance.now();
  core.reveal.read(agent, grantId);
  reread.push(performance.now() - t);
}

// 2. Sealing at ingest against the old symmetric path, chunk by chunk on the same texts, alternating the order.
const r = rng(17);
const texts = Array.from({ length: MESSAGES }, () => messageText(r));
const masker = detectorMasker(() => undefined);
const key = core.store.custody.sealingKey();
const to: SealingTarget = { seat: core.store.custody.seat, ...key };
const cipher = new FieldCipher(newKeyRing());
/** What `prepareTexts` did before single-seat custody: AES-256-GCM under the data key, one call per value. */
const symmetric = (chunk: string[], first: number) =>
  chunk.map((text, i) => {
    const { masked, fields } = masker(text);
    return {
      masked,
      body: indexBody(masked),
      textEnc: cipher.encrypt(`msg:${first + i}:text`, text),
      fields: fields.map((f, n) => cipher.encrypt(`msg:${first + i}:field:${n}`, f.value)),
    };
  });
/** What `prepareTexts` did before the sealing session: one ephemeral key and key agreement per message. */
const sealedPerMessage = (chunk: string[], first: number) =>
  chunk.map((text, i) => {
    const { masked, fields } = masker(text);
    const id = first + i;
    const [textEnc, ...sealed] = sealAllTo(to.publicKey, to.epoch, [
      { context: originalContext(to.seat, id, 'text'), plain: text },
      ...fields.map((f, n) => ({ context: originalContext(to.seat, id, { field: n, type: f.type }), plain: f.value })),
    ]);
    return { masked, body: indexBody(masked), textEnc, sealed };
  });
/** Masking and the search text: what every variant does besides protecting the originals. */
const maskOnly = (chunk: string[]) => chunk.map((t) => indexBody(masker(t).masked));
const spent = { mask: 0, sealed: 0, perMessage: 0, symmetric: 0 };
let fields = 0;
for (let k = 0; k * CHUNK < texts.length; k++) {
  const chunk = texts.slice(k * CHUNK, (k + 1) * CHUNK);
  const runs: Array<[keyof typeof spent, () => unknown]> = [
    ['mask', () => maskOnly(chunk)],
    ['sealed', () => prepareTexts(chunk, 1 + k * CHUNK, masker, to)],
    ['perMessage', () => sealedPerMessage(chunk, 1 + k * CHUNK)],
    ['symmetric', () => symmetric(chunk, 1 + k * CHUNK)],
  ];
  if (k % 2) runs.reverse();
  for (const [name, f] of runs) {
    const t = performance.now();
    f();
    spent[name] += performance.now() - t;
  }
  fields += chunk.reduce((n, t) => n + masker(t).fields.length, 0);
}

// 3. The whole ingest path with sealing (store transaction, search index, conversations), batches of CHUNK.
const t0 = performance.now();
for (let k = 0; k * CHUNK < texts.length; k++) {
  core.store.sink.ingest(
    'tg',
    texts.slice(k * CHUNK, (k + 1) * CHUNK).map((text, i) => ({
      platformMessageId: `m${k}-${i}`,
      platformConversationId: `c${(k * CHUNK + i) % 200}`,
      contact: { platformUserId: `u${(k * CHUNK + i) % 200}` },
      direction: 'in' as const,
      text,
      sentAt: Date.now(),
    })),
  );
}
const ingestMs = performance.now() - t0;
core.close();

const per = (total: number) => +((total / MESSAGES) * 1000).toFixed(1);
const round2 = (x: number) => +x.toFixed(2);
const rt = timings(round);
const rr = timings(reread);
process.stdout.write(
  `${JSON.stringify(
    {
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, load: os.loadavg().map((l) => +l.toFixed(1)) },
      reveal: { n: REVEALS, p50Ms: round2(rt.p50), p99Ms: round2(rt.p99), maxMs: round2(rt.max) },
      rereadOfGrant: { n: REVEALS, p50Ms: round2(rr.p50), p99Ms: round2(rr.p99), maxMs: round2(rr.max) },
      ingestPrepare: {
        messages: MESSAGES,
        fields,
        maskOnlyUsPerMsg: per(spent.mask),
        maskAndSealUsPerMsg: per(spent.sealed),
        maskAndSealPerMessageUsPerMsg: per(spent.perMessage),
        maskAndSymmetricUsPerMsg: per(spent.symmetric),
        sealingUsPerMsg: per(spent.sealed - spent.mask),
        sealingPerMessageUsPerMsg: per(spent.perMessage - spent.mask),
        symmetricUsPerMsg: per(spent.symmetric - spent.mask),
      },
      ingestWithSealing: { messages: MESSAGES, msgPerS: Math.round(MESSAGES / (ingestMs / 1000)), msPerMsg: round2(ingestMs / MESSAGES) },
    },
    null,
    2,
  )}\n`,
);
