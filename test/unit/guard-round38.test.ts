/**
 * Round 38 of issue #21. Part A: a lexicon too long for one optimised regular expression (V8 stops optimising a source
 * over 20 KiB) is scanned in parts that find exactly what the one alternation would — round 37 took the card's
 * alternation over that size and every decision slowed by about half.
 * Part B: the told r26–r29 classes from parts in new words — our want negated before "except" ("ما اشتي إلا …"), a
 * request of "your" thing ("may we kindly request your app password"), "would you mind kindly sharing", the national
 * number by its name, a Dari number "that was texted to you", a document sent by WhatsApp as one Persian verb; safe: a
 * Persian passive "… انجام میشه" is no "could you", "درخواست بدید" requests a new code, Finglish "shown at the branch".
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DESCRIBED_SECRETS } from '../../main/core/guard/outbound/described';
import { alternationParts, findAll, MAX_ALTERNATION_SOURCE, SECRET_OBJECTS } from '../../main/core/guard/outbound/lexicon';
import { foldLetters } from '../../main/core/guard/text/clauses';
import { blocked, pick, RUNS } from '../helpers/guard-rounds';

/** The scan as it was before round 38: the whole lexicon as one alternation. */
function oneAlternation(text: string, entries: string[]): Array<[number, number]> {
  const sorted = [...entries].sort((a, b) => b.length - a.length).map((e) => foldLetters(e));
  const re = new RegExp(`(?<=^| )(?:${sorted.join('|')})(?= |$)`, 'gu');
  const out: Array<[number, number]> = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}
const spans = (text: string, entries: string[]) => findAll(text, entries).map((h): [number, number] => [h.start, h.end]);

const KINDS = Object.keys(SECRET_OBJECTS) as Array<keyof typeof SECRET_OBJECTS>;
const byKind = KINDS.map((k) => [...SECRET_OBJECTS[k], ...(DESCRIBED_SECRETS[k] ?? [])]);
const everything = byKind.flat();
const voices = path.join(__dirname, '../../bench/guard/voices');
// tune sets only: report-only rows are never read
const texts = fs.readdirSync(voices).filter((f) => /^(?:tune|round\d+-tune)/.test(f)).sort()
  .flatMap((f) => fs.readFileSync(path.join(voices, f), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text))
  .map((t) => foldLetters(t.toLowerCase().replace(/[.,!?؟،:;()"]+/gu, ' ').replace(/\s+/gu, ' ').trim()));

describe('a lexicon scanned in parts', () => {
  it('keeps every part under the size V8 optimises, and the card kind and all secrets together need more than one', () => {
    for (const entries of [...byKind, everything]) for (const re of alternationParts(entries)) expect(re.source.length).toBeLessThanOrEqual(MAX_ALTERNATION_SOURCE);
    expect(MAX_ALTERNATION_SOURCE).toBeLessThan(20 * 1024);
    expect(alternationParts(byKind[KINDS.indexOf('card')]!).length).toBeGreaterThan(1);
    expect(alternationParts(everything).length).toBeGreaterThan(2);
  });
  it('finds what one alternation finds, over the tune rows', () => {
    expect(texts.length).toBeGreaterThan(500);
    // a fifth of the rows against the card's lexicon, a thirtieth against all the secrets' (the one alternation, unoptimised, is slow)
    for (const t of texts.filter((_, i) => i % 5 === 0)) expect(spans(t, byKind[KINDS.indexOf('card')]!)).toEqual(oneAlternation(t, byKind[KINDS.indexOf('card')]!));
    for (const t of texts.filter((_, i) => i % 30 === 0)) expect(spans(t, everything)).toEqual(oneAlternation(t, everything));
  });
  it('takes the earlier part at one position and the leftmost hit across parts, on made-up words', () => {
    // long entries land in the first part, short ones (that also match inside them) in the later ones
    const long = Array.from({ length: 400 }, (_, i) => `w${i} (?:\\S+ ){0,2}?zz${'x'.repeat(30)}`);
    const short = ['w1', 'zz\\S*', 'a b', 'b', 'a', 'w\\d+', '(?:)'];
    const entries = [...long, ...short];
    expect(alternationParts(entries).length).toBeGreaterThan(1);
    const word = fc.constantFrom('w1', 'w12', 'a', 'b', 'zz', `zz${'x'.repeat(30)}`, 'q', 'w399');
    fc.assert(fc.property(fc.array(word, { minLength: 0, maxLength: 12 }), (ws) => {
      const t = ws.join(' ');
      expect(spans(t, entries)).toEqual(oneAlternation(t, entries));
    }), RUNS);
  });
});

describe('round 38: asks the told classes hold', () => {
  it('blocks our want negated before "except" the secret, and allows it negated outright or "unless"', () => {
    const want = ['ما اشتي', 'ما نبي منك', 'ما ابغى منك', 'ما نحتاج', 'مش عايز منك', 'ما بدنا منك'];
    const secret = ['الرقم السري', 'الأربعة الأرقام السرية حق البطاقة', 'كلمة السر حق التطبيق', 'رمز التحقق'];
    fc.assert(fc.property(pick(want), pick(secret), (w, s) => blocked(`${w} إلا ${s}`)), RUNS);
    fc.assert(fc.property(pick(want), pick(secret), (w, s) => !blocked(`${w} ${s} أبداً`) && !blocked(`${w} ${s} إلا إذا طلبه الفرع`)), RUNS);
  });
  it('blocks our request of the reader\'s secret, never the reader\'s request of a new code', () => {
    const who = ['may we kindly', 'we', 'I would like to', 'we respectfully', 'could we'];
    const secret = ['your app password', 'your online banking password', 'your PIN', 'your OTP'];
    fc.assert(fc.property(pick(who), pick(secret), pick(['', ' po', ' please']), (w, s, e) => blocked(`${w} request ${s}${e}`)), RUNS);
    fc.assert(fc.property(pick(['request a new code in the app', 'you can request a new code from the app', 'tap resend to request a new code']), (t) => !blocked(t)), RUNS);
  });
  it('reads "would you mind kindly sharing" as the ask', () => {
    fc.assert(fc.property(pick(['kindly', 'please', 'just']), pick(['sharing', 'sending', 'providing']), pick(['your online banking username and password', 'your app password', 'your card PIN']), (k, v, s) => blocked(`Would you mind ${k} ${v} ${s}?`)), RUNS);
  });
  it('knows the national number by its name and a Dari number that was texted, told to a third party', () => {
    fc.assert(fc.property(pick(['نحبو', 'ابعثلي', 'عطيني']), pick(['النومرو الوطني متاعك', 'الرقم الوطني', 'الرقم المدني كامل']), (v, s) => blocked(`${v} ${s}`)), RUNS);
    fc.assert(fc.property(pick(['شماره‌ای که برایتان پیامک شد', 'شماره‌ای که الان براتون اومد']), pick(['را به کارمند ما که زنگ می‌زند بگویید', 'را به همکارم بگویید', 'رو بفرستید']), (n, v) => blocked(`${n} ${v}`)), RUNS);
    expect(blocked('شماره سفارشی که براتون پیامک شد رو بفرستید')).toBe(false);
  });
  it('blocks a document sent by a named app as one Persian verb, not when it is forbidden', () => {
    fc.assert(fc.property(pick(['عکس پاسپورت رو', 'یه عکس از صفحه اول پاسپورت', 'عکس کارت ملی رو']), pick(['واتساپ کنید', 'تلگرام کنید', 'ایمیل کنید']), (d, v) => blocked(`${d} ${v}`)), RUNS);
    expect(blocked('عکس پاسپورت رو هیچ وقت واتساپ نکنید')).toBe(false);
  });
});

describe('round 38: safe replies stay allowed', () => {
  it('a Persian passive "… میشه" before a self-entry is no "could you"; "میشه … بفرستید؟" still asks', () => {
    fc.assert(fc.property(pick(['پرداخت انجام میشه', 'درگاه بانک باز میشه', 'صفحه پرداخت باز میشه']), pick(['رمز پویا', 'رمز دوم']), (a, s) => !blocked(`${a} و ${s} رو خودتون اونجا وارد می‌کنید`)), RUNS);
    fc.assert(fc.property(pick(['رمز پویا', 'کد تایید', 'رمز دوم']), (s) => blocked(`میشه ${s} رو برام بفرستید؟`)), RUNS);
  });
  it('"درخواست بدید" asks the reader to request a code of the system', () => {
    fc.assert(fc.property(pick(['کد', 'کد تایید', 'رمز یکبار مصرف']), pick(['درخواست بدید', 'درخواست کنید', 'درخواست بدین']), (s, v) => !blocked(`اگه کد نیومد از تنظیمات اپراتور پیامک تبلیغاتی رو فعال کنید و دوباره ${s} رو ${v}`)), RUNS);
  });
  it('a Finglish national card shown at the branch', () => {
    fc.assert(fc.property(pick(['kart melli', 'kart meli', 'shenasname']), pick(['neshoon bedid', 'neshun bedid', 'nishun bedin']), pick(['dar shobe', 'too shobe', 'tu shoabe']), (d, v, b) => !blocked(`${d} ro faghat khodetoon ${b} ${v}`)), RUNS);
    expect(blocked('kart melli ro inja befrestid')).toBe(true);
  });
});
