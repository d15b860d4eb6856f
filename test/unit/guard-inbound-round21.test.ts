/**
 * Round 21 of issue #21 (inbound): the company a message names as its sender in Arabic or Persian script, against the
 * Latin host of a link. Names are generated from letters with the Latin spellings people give them (ق → q/k/g, خ →
 * kh/x, ش → sh/ch, ة → a/ah/eh, و → o/ou/u/w, ي → i/ee/y…), written in Arabic or Persian letters, in each sender's
 * place; a host that puts one spelling first on someone else's domain is a look-alike, the name's own site under any
 * ending and a news site are not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';
import { imitatesNamedSender, namedSenders } from '../../main/core/guard/phishing/named-brand';
import { arabicSounds, latinSounds, spells } from '../../main/core/guard/phishing/romanised-name';
import { extractLinks } from '../../main/core/guard/text/links';

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const noPolicy = resolveGuardPolicy();
const flags = (t: string) => inspectInbound(t, 'en', { policy: noPolicy, detectSensitive }).flags.map((f) => f.code);

/** Consonants and their spellings. */
const CONSONANTS: ReadonlyArray<[string, readonly string[]]> = [
  ['ب', ['b']], ['ت', ['t']], ['ج', ['j', 'dj']], ['خ', ['kh', 'x']], ['د', ['d']], ['ر', ['r']], ['ز', ['z']], ['س', ['s']],
  ['ش', ['sh', 'ch']], ['ف', ['f']], ['ق', ['q', 'k']], ['ل', ['l']], ['م', ['m']], ['ن', ['n']], ['ح', ['h', '7']],
];
/** What stands between two consonants: nothing written (a short vowel), alef, waw or yeh, each with its spellings. */
const VOWELS: ReadonlyArray<[string, readonly string[]]> = [['', ['a', 'e', 'o']], ['ا', ['a', 'aa']], ['و', ['o', 'ou', 'u', 'oo']], ['ي', ['i', 'ee', 'ey']]];
/** The name's end: a consonant, or ة/ه (a, ah, eh). */
const ENDS: ReadonlyArray<[string, readonly string[]]> = [['', ['']], ['ة', ['a', 'ah', 'eh']]];

const syllable = fc.tuple(pick(CONSONANTS), pick(VOWELS)).chain(([[c, cs], [v, vs]]) => fc.tuple(pick(cs), pick(vs)).map(([cl, vl]) => ({ ar: c + v, lat: cl + vl, c })));
/** A made-up name of three or four consonants, in Arabic letters and one Latin spelling. */
const name = fc
  .tuple(fc.array(syllable, { minLength: 2, maxLength: 3 }), pick(CONSONANTS), pick(ENDS))
  .chain(([syl, [c, cs], [e, es]]) => fc.tuple(pick(cs), pick(es)).map(([cl, el]) => ({ ar: syl.map((s) => s.ar).join('') + c + e, lat: syl.map((s) => s.lat).join('') + cl + el, consonants: [...syl.map((s) => s.c), c] })))
  .filter(({ consonants, lat }) => consonants.every((c, i) => i === 0 || sound(c) !== sound(consonants[i - 1]!)) && !/^[ae]l/.test(lat));
/** ش and س are both an s to the skeleton, as a doubled letter is one. */
const sound = (c: string) => (c === 'ش' ? 'س' : c);
/** Letters that share a spelling: خ and ق (k), ق and ج (g), ش and س (s), ح and خ (h in kh). */
const group = (c: string) => ('خقجح'.includes(c) ? 'k' : sound(c));
/** Persian letters for the same name: ی for ي, ه for ة. */
const persian = (s: string) => s.replace(/ي/g, 'ی').replace(/ة/g, 'ه');

const AR_PLACES = ['{n}: تم إيقاف حسابك، حدث بياناتك عبر {h}', 'وصلتني رسالة [{n}] فيها رابط {h} هل هي منكم؟', 'جاتني رسالة من {n} فيها الرابط {h}', 'حسابك موقوف مؤقتاً، يرجى التحقق عبر {h}\n— فريق خدمة عملاء {n}', 'جتني رسالة توا: {n} باي: افتح {h}'];
const FA_PLACES = ['{n}: حساب شما مسدود شد، وارد {h} شوید', 'از طرف {n}‌پی پیام اومده که جایزه بردی، لینکش {h} هست', 'پیامک با عنوان {n} اومده گفته برو {h}', '[{n}] حساب شما فعال نیست: {h}'];
const fill = (t: string, n: string, h: string) => t.replace('{n}', n).replace('{h}', h);

describe('inbound, round 21 (generated)', () => {
  it('every Latin spelling of a generated name spells it, and a different name does not', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(spells(arabicSounds(a.ar)!, latinSounds(a.lat)), `${a.ar} ${a.lat}`).toBe(true);
        expect(spells(arabicSounds(persian(a.ar))!, latinSounds(a.lat)), `${persian(a.ar)} ${a.lat}`).toBe(true);
        // (a name none of whose consonants shares a spelling with one of the first's)
        if (b.consonants.every((c) => !a.consonants.some((d) => group(d) === group(c)))) {
          expect(spells(arabicSounds(a.ar)!, latinSounds(b.lat)), `${a.ar} ${b.lat}`).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a host that puts the name first on someone else\'s domain is a look-alike, in Arabic and Persian letters and each sender\'s place', () => {
    fc.assert(
      fc.property(name, fc.boolean(), fc.nat(10), pick(['tn', 'sa', 'ir', 'eg', 'secure', 'login', 'refund']), pick(['{l}-{w}.com', '{l}.{w}-update.net', 'www.{l}.verify-{w}.com', '{l}pay-{w}.com']), (n, fa, place, word, host) => {
        const places = fa ? FA_PLACES : AR_PLACES;
        const text = fill(places[place % places.length]!, fa ? persian(n.ar) : n.ar, host.replace('{l}', n.lat).replace('{w}', word));
        expect(flags(text), text).toContain('lookalike');
      }),
      { numRuns: 200 },
    );
  });

  it('the name\'s own site under any ending, or with a page or a subdomain, and a news site are not look-alikes', () => {
    fc.assert(
      fc.property(name, fc.boolean(), fc.nat(10), pick(['{l}.com', 'www.{l}.ir/help', 'app.{l}.com.sa', 'my.{l}pay.tn/login', 'www.bbc.com/arabic/business-123', 'www.al-masdar.net/news', 'news.sky-news-arabia.com', 'www.isna.ir/news/1403']), (n, fa, place, host) => {
        const places = fa ? FA_PLACES : AR_PLACES;
        const text = fill(places[place % places.length]!, fa ? persian(n.ar) : n.ar, host.replace('{l}', n.lat));
        expect(flags(text), text).not.toContain('lookalike');
      }),
      { numRuns: 200 },
    );
  });

  it('a generic word after the name is the company\'s own site only for a name in Arabic letters, which puts that word first', () => {
    const how = (text: string) => imitatesNamedSender(extractLinks(text)[0]!, namedSenders(text))?.how;
    for (const [name, host] of [['Nakhla Pay', 'nakhlapay-wallet.com'], ['Sadaf Mobile', 'sadafmobile-pay.net'], ['Tamr Cash', 'tamrcash-mobile.com']] as const) {
      expect(how(`${name}: your account is on hold, confirm at ${host}`), host).toBe('extra_words');
    }
    for (const [name, host] of [['بنك زيتونة', 'zaytouna-bank.tn'], ['محفظة نخلة', 'nakhla-wallet.com'], ['زاجل موبايل', 'zajel-mobile.sy']] as const) {
      expect(how(`${name}: كشف حسابك على ${host}`), host).toBeUndefined();
    }
  });
});
