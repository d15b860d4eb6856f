/**
 * Round 18 of issue #21: an ask recognised by its shape, not its verb. Generated: a secret, the writer as receiver
 * (Nepali "malai", Hindi-Urdu "mujhe", Bengali "amake", a Berber verb's "-iyi", "yaha" with a Nepali polite
 * imperative, Gulf pidgin "inta … ana") and a verb no lexicon lists — blocks; the same with the language's negator or
 * "anyone" — never blocks. The Arabic article written "am-" (Tihama, Jazan): an ask for "امرمز" blocks like one for
 * "الرمز", and the warning with it does not.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { knowsWord } from '../../main/core/guard/text/words';
import { repairSpelling } from '../../main/core/guard/text/typos';
import { findAll, STRONG_REQUEST, TRANSFER_VERBS } from '../../main/core/guard/outbound/lexicon';
import { blocked, pick, RUNS } from '../helpers/guard-rounds';

const SECRETS = ['OTP', 'the code', 'your pin', 'your password', 'verification code'];
/**
 * A made-up verb: letters no lexicon knows, so only the clause's shape can say what it does — neither a listed word nor
 * one the request patterns read after spelling repair ("bidi" is repaired to Persian "bede", give; "dizi", "dilo" are
 * request verbs' spellings), which the rules rightly read as an ask.
 */
const knownVerb = (v: string): boolean => {
  const t = repairSpelling(v);
  return knowsWord(v) || findAll(t, STRONG_REQUEST).length > 0 || findAll(t, TRANSFER_VERBS).length > 0;
};
const verb = fc.stringMatching(/^[bcdfghjklmprstvz][aeiou][bcdfghjklmprstvz][aeiou][bcdfghjklmprstvz]?$/).filter((v) => !knownVerb(v) && !/^na/.test(v));

describe('the writer as receiver, whatever the verb', () => {
  it('blocks a secret handed to "me" with a verb no lexicon lists', () => {
    const shapes = [
      (s: string, v: string) => `${s} malai ${v}nus`,
      (s: string, v: string) => `bhai ${s} mujhe ${v}o`,
      (s: string, v: string) => `apnar ${s} amake ${v}en`,
      (s: string, v: string) => `${v}-iyi-d ${s} dagi`,
      (s: string, v: string) => `${s} yaha ${v}nus`,
      (s: string, v: string) => `inta ${s} ${v} ana`,
    ];
    fc.assert(fc.property(pick(SECRETS), verb, pick(shapes), (s, v, shape) => blocked(shape(s, v))), RUNS);
  });

  it('never blocks the same shapes negated or addressed to "anyone"', () => {
    const shapes = [
      (s: string, v: string) => `${s} kasailai pani ${v}nus`,
      (s: string, v: string) => `${s} malai pani na${v}nus`,
      (s: string, v: string) => `bhai ${s} mujhe mat ${v}o`,
      (s: string, v: string) => `${s} kisi ko mat ${v}o`,
      (s: string, v: string) => `${s} amake ${v}en na`,
      (s: string, v: string) => `ur ${v}-iyi-d ara ${s} dagi`,
      (s: string, v: string) => `inta ${s} ${v} ana mafi`,
    ];
    // With the learned model (round 19: it no longer judges a clause with a negator; before, fed a made-up verb, it
    // sometimes blocked a negated ask — "bhai verification code mujhe mat zuvogo", seed -626616248)
    fc.assert(fc.property(pick(SECRETS), verb, pick(shapes), (s, v, shape) => !blocked(shape(s, v))), RUNS);
  });
});

describe('the article written am-', () => {
  const am = (s: string) => s.replace(/(^| )ال/g, '$1ام');
  const secrets = ['الرمز', 'الكود', 'الرقم السري', 'الباسورد', 'الرمز السري'];
  it('reads an ask for "امرمز" as one for "الرمز"', () => {
    fc.assert(fc.property(pick(['عطني', 'ارسل لي', 'قول لي', 'اكتب لي']), pick(secrets), pick(['', ' اللي وصلك', ' حق امبطاقة']), (v, s, tail) => blocked(`${v} ${am(s)}${tail}`)), RUNS);
  });
  it('never blocks the warning with it', () => {
    fc.assert(fc.property(pick(['لا تعطي', 'لا ترسل', 'لا تقول']), pick(secrets), (v, s) => !blocked(`${v} ${am(s)} لأحد، ولو قال من امبنك`)), RUNS);
  });
});
