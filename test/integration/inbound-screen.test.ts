import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { GuardScreen, type Core } from '../../main/core/app';
import { detectorMasker } from '../../main/core/app/masker';
import { ParallelPreparer } from '../../main/core/app/parallel-preparer';
import { generateSealingKey } from '../../main/core/custody';
import { DEFAULT_GUARD_POLICY, inspectInbound, resolveGuardPolicy, type DetectSensitive } from '../../main/core/guard';
import { READ_LIMIT } from '../../main/core/guard/text/reading-window';
import { detectSensitive } from '../../main/core/masking';
import { prepareTexts } from '../../main/core/store';
import { InboundFlags } from '../../main/ipc/inbound-flags';
import { inbound, storeCore } from '../helpers/store';

let core: Core | undefined;
const preparers: ParallelPreparer[] = [];
afterEach(() => {
  core?.close();
  core = undefined;
  preparers.splice(0).forEach((p) => p.close());
});

const policy = resolveGuardPolicy({ companyDomains: ['acme.com'], brandNames: ['acme'], officialSupportNumbers: ['+966500000000'] });

/**
 * Customer messages in the three languages, some carrying what the scam check looks for (short links, look-alike
 * domains, numbers presented as support, fees, pasted codes), most not: generated, not a fixed list.
 */
const word = fc.constantFrom('hello', 'order', 'refund', 'please', 'account', 'مرحبا', 'الطلب', 'حسابي', 'عاجل', 'سفارش', 'لطفا', 'کارت', 'fee', 'support', 'الدعم', 'پشتیبانی');
const link = fc.oneof(
  fc.constantFrom('bit.ly', 'tinyurl.com', 'acme.com', 'acme-support-verify.com', 'acrne.com', 'acme.com.secure-login.net', 'example.org').chain((host) =>
    fc.stringMatching(/^[a-z0-9]{0,6}$/).map((p) => `https://${host}/${p}`),
  ),
  fc.constant(''),
);
const extra = fc.oneof(
  fc.constant(''),
  fc.integer({ min: 100000, max: 999999 }).map((n) => `code ${n}`),
  fc.integer({ min: 0, max: 99_999_999 }).map((n) => `call support on 05${String(n).padStart(8, '0')}`),
  fc.integer({ min: 0, max: 99_999_999 }).map((n) => `رقم الدعم ٠٥${String(n).padStart(8, '0').replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!)}`),
  fc.constantFrom('pay a 50 USD fee to unlock your account', 'حسابك سيتم تجميده خلال ساعة', 'کد تایید را بفرستید'),
);
const message = fc.tuple(fc.array(word, { minLength: 1, maxLength: 10 }), link, extra).map(([w, l, x]) => [...w, l, x].filter(Boolean).join(' '));

describe('the inbound scam check at ingest', () => {
  it('the worker thread screens as the inline path does, inbound messages only, under the rules it was sent', async () => {
    const log: string[] = [];
    const p = new ParallelPreparer(() => undefined, (line) => log.push(line), 120_000);
    preparers.push(p);
    expect(await p.warmUp()).toBe(true);
    const key = generateSealingKey(1);
    const sealing = { seat: 'seat-0123456789abcdef', epoch: key.epoch, publicKey: key.publicKey };
    const masker = detectorMasker(() => undefined);
    const texts = fc.sample(message, { numRuns: 200, seed: 26 });
    const inboundOnes = texts.map((_, i) => i % 5 !== 4);
    for (const rules of [new GuardScreen(policy), new GuardScreen(DEFAULT_GUARD_POLICY)]) {
      const get = p.start(texts, 500, { masker, sealing, screen: { check: rules, inbound: inboundOnes } });
      const parallel = Array.from({ length: Math.ceil(texts.length / p.chunkSize) }, (_, k) => get(k)).flat();
      const inline = prepareTexts(texts, 500, masker, sealing, { check: rules, inbound: inboundOnes });
      expect(parallel.map((x) => x.screened ?? null)).toEqual(inline.map((x) => x.screened ?? null));
      parallel.forEach((x, i) => expect(x.screened === undefined).toBe(!inboundOnes[i]));
      expect(parallel.every((x) => !x.screened || x.screened.rules === rules.rules)).toBe(true);
    }
    expect(log).toEqual([]); // every chunk came from the worker, none fell back to the inline path
    // The generated set exercises both outcomes.
    const outcomes = new Set(texts.map((t) => new GuardScreen(policy).flagged(masker(t).masked)));
    expect(outcomes).toEqual(new Set([true, false]));
  });

  it('asks the masking engine again only of a message masking changed: the ingest hands its answer to the check (#26, round 17)', () => {
    const key = generateSealingKey(1);
    const sealing = { seat: 'seat-0123456789abcdef', epoch: key.epoch, publicKey: key.publicKey };
    const masker = detectorMasker(() => undefined);
    let asked = 0;
    const counting: DetectSensitive = (t) => (asked++, detectSensitive(t));
    // (and a message longer than the check reads, nothing in it masked: its read part is another text, asked again)
    const long = 'please help with my order '.repeat(Math.ceil(READ_LIMIT / 20));
    const texts = [...fc.sample(message, { numRuns: 200, seed: 17 }), long];
    const inboundOnes = texts.map((_, i) => i % 5 !== 4);
    const changed = texts.map((t) => masker(t).masked !== t);
    for (const rules of [policy, DEFAULT_GUARD_POLICY]) {
      asked = 0;
      const prepared = prepareTexts(texts, 500, masker, sealing, { check: new GuardScreen(rules, counting), inbound: inboundOnes });
      expect(changed.at(-1)).toBe(false);
      expect(asked).toBe(texts.filter((_, i) => inboundOnes[i] && changed[i]).length + (inboundOnes.at(-1) ? 1 : 0));
      // …and the outcome is the one the check gives when it asks the engine itself
      const again = new GuardScreen(rules);
      prepared.forEach((p, i) => expect(p.screened ?? null).toEqual(inboundOnes[i] ? { rules: again.rules, ...again.screen(p.masked) } : null));
    }
    // (the sample has messages of both kinds, and a flagged one nothing was masked in)
    expect(new Set(changed)).toEqual(new Set([true, false]));
    expect(texts.some((t, i) => !changed[i] && new GuardScreen(policy).flagged(t))).toBe(true);
  });

  it('stores each inbound message\'s outcome with it, equal to what the check says; opening reads it and checks nothing again', async () => {
    core = await storeCore();
    const c = core;
    c.guards.setPolicy(policy);
    const texts = fc.sample(message, { numRuns: 120, seed: 2026 });
    c.store.sink.ingest('tg', texts.map((text, i) => inbound(i, { text, direction: i % 4 === 3 ? 'out' : 'in' })));
    const id = c.store.conversations.list().items[0]!.id;
    const messages = c.store.conversations.messages(id, { limit: 500 });
    const flags = new InboundFlags(() => c.guards.policy, c.store.inboundChecks);
    const stored = c.store.inboundChecks.of(id, flags.rules());
    expect(stored.size).toBe(messages.filter((m) => m.direction === 'in').length);
    const wordsIn = (text: string, lang: 'en' | 'ar' | 'fa') => inspectInbound(text, lang, { policy, detectSensitive }).flags.map((f) => ({ code: f.code, explanation: f.explanation }));
    for (const m of messages) {
      if (m.direction === 'out') expect(stored.has(m.id)).toBe(false);
      else {
        const outcome = stored.get(m.id)!;
        expect(outcome.flagged).toBe(inspectInbound(m.maskedText, 'fa', { policy, detectSensitive }).flags.length > 0);
        // A flagged message keeps its flags' wording in each interface language; one not flagged keeps none.
        expect(outcome.wording === null ? null : JSON.parse(outcome.wording)).toEqual(outcome.flagged ? { en: wordsIn(m.maskedText, 'en'), ar: wordsIn(m.maskedText, 'ar'), fa: wordsIn(m.maskedText, 'fa') } : null);
      }
    }
    expect([...stored.values()].map((o) => o.flagged)).toContain(true);
    const opened = flags.forConversation(c.store.conversations.page(id, { limit: 500 }), 'ar');
    expect(opened.unrecorded).toEqual([]);
    expect(new Set(opened.flags.keys())).toEqual(new Set([...stored].filter(([, o]) => o.flagged).map(([m]) => m)));
    for (const [m, f] of opened.flags) expect(f).toEqual(wordsIn(messages.find((x) => x.id === m)!.maskedText, 'ar'));
  });

  it('opening shows the recorded wording without checking again; an outcome recorded without it is worded once and recorded', async () => {
    core = await storeCore();
    const c = core;
    c.guards.setPolicy(policy);
    c.store.sink.ingest('tg', [inbound(1, { text: 'see https://acme-support-verify.com/x' }), inbound(2, { text: 'hello, where is my order?' })]);
    const id = c.store.conversations.list().items[0]!.id;
    const [flaggedId] = c.db.prepare('SELECT id FROM messages WHERE check_flags IS NOT NULL').pluck().all() as number[];
    expect(flaggedId).toBeDefined();
    // The stored wording is what is shown: a wording the check would never write proves it was not run again.
    const marked = JSON.stringify({ en: [{ code: 'lookalike', explanation: 'as recorded' }], ar: [{ code: 'lookalike', explanation: 'كما سُجّل' }], fa: [{ code: 'lookalike', explanation: 'همان‌طور که ثبت شد' }] });
    c.db.prepare('UPDATE messages SET check_flags = ? WHERE id = ?').run(marked, flaggedId);
    const flags = new InboundFlags(() => c.guards.policy, c.store.inboundChecks);
    expect(flags.forConversation(c.store.conversations.page(id), 'fa').flags.get(flaggedId!)).toEqual([{ code: 'lookalike', explanation: 'همان‌طور که ثبت شد' }]);
    // As before migration 021: flagged, no wording. Worded by the check, and the wording goes with the opening's record.
    c.db.prepare("UPDATE messages SET check_flags = '' WHERE id = ?").run(flaggedId);
    const first = flags.forConversation(c.store.conversations.page(id), 'en');
    expect(first.flags.get(flaggedId!)?.[0]?.code).toBe('lookalike');
    expect(first.unrecorded.map(([m, f]) => [m, f])).toEqual([[flaggedId, true]]);
    c.store.inboundChecks.record(id, first.rules, first.unrecorded);
    const again = flags.forConversation(c.store.conversations.page(id), 'ar');
    expect(again.unrecorded).toEqual([]);
    expect(JSON.parse(c.store.inboundChecks.of(id, first.rules).get(flaggedId!)!.wording!).ar).toEqual(again.flags.get(flaggedId!));
  });

  it('follows a new policy: later messages are stored under its rules, earlier ones are checked again once', async () => {
    core = await storeCore();
    const c = core;
    c.store.sink.ingest('tg', [inbound(1, { text: 'see https://acme-support-verify.com/x' })]);
    const id = c.store.conversations.list().items[0]!.id;
    const before = new InboundFlags(() => c.guards.policy, c.store.inboundChecks).rules();
    c.guards.setPolicy(policy);
    c.store.sink.ingest('tg', [inbound(2, { text: 'see https://acme-support-verify.com/y' })]);
    const flags = new InboundFlags(() => c.guards.policy, c.store.inboundChecks);
    expect(flags.rules()).not.toBe(before);
    const opened = flags.forConversation(c.store.conversations.page(id), 'en');
    expect(opened.unrecorded.map(([m]) => m)).toEqual([c.store.conversations.messages(id)[0]!.id]);
    expect(opened.flags.size).toBe(2);
  });

  it('an outcome leaves with its message when retention deletes it', async () => {
    core = await storeCore();
    const c = core;
    // Message 1 is old; message 2, in another conversation, is recent.
    c.store.sink.ingest('tg', [inbound(1, { text: 'bit.ly/abc', sentAt: 1_000 }), inbound(2, { text: 'hello', platformConversationId: 'chat2', sentAt: Date.now() })]);
    const checks = () => c.db.prepare('SELECT id FROM messages WHERE check_rules IS NOT NULL ORDER BY id').pluck().all();
    const [old, recent] = c.db.prepare('SELECT id FROM messages ORDER BY id').pluck().all() as number[];
    expect(checks()).toEqual([old, recent]);
    c.store.channels.setRetention('tg', 'all', 1);
    expect(c.store.runRetention(Date.now())[0]!.messagesDeleted).toBe(1);
    expect(checks()).toEqual([recent]);
  });
});
