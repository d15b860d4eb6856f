/**
 * Issue #21, code health: the outbound guard keeps one copy of each Tajik word, in Latin, and reads Cyrillic through
 * the inbound side's transliteration (`guard/text/tajik-latin.ts`). A Tajik reply typed in Cyrillic and the same reply
 * typed in Latin letters — with the spellings typists vary on: "ū" or "u" or a glide "uy" for "ӯ", "x" for "х", "ħ"
 * for "ҳ", "w" for "в", "ʼ" for "ъ" — get the same verdict and ask for the same secrets.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tajikRequests } from '../../main/core/guard/outbound/tajik';
import { tajikSpelling } from '../../main/core/guard/text/tajik-latin';
import { blocked, pick, RUNS } from '../helpers/guard-rounds';

const LETTERS: Record<string, readonly string[]> = {
  а: ['a'], б: ['b'], в: ['v', 'w'], г: ['g'], ғ: ['gh'], д: ['d'], е: ['e'], ё: ['yo'], ж: ['zh'], з: ['z'], и: ['i'], ӣ: ['i'], й: ['y'], к: ['k'],
  қ: ['q'], л: ['l'], м: ['m'], н: ['n'], о: ['o'], п: ['p'], р: ['r'], с: ['s'], т: ['t'], у: ['u'], ӯ: ['u', 'ū', 'ŭ'], ф: ['f'], х: ['kh', 'x'],
  ҳ: ['h', 'ħ'], ч: ['ch'], ҷ: ['j'], ш: ['sh'], ъ: ['', 'ʼ'], э: ['e'], ю: ['yu'], я: ['ya'],
};
/** A typist's Latin for a Cyrillic text: each letter one of its spellings, "ӯ"/"у" before a vowel perhaps with a glide "y". */
const typedInLatin = (cyrillic: string): fc.Arbitrary<string> =>
  fc.tuple(...[...cyrillic].map((c, i) => {
    const options = LETTERS[c] ?? [c];
    const glide = (c === 'ӯ' || c === 'у') && /[аеиоэ]/u.test(cyrillic[i + 1] ?? '');
    return pick(glide ? options.flatMap((o) => [o, `${o}y`]) : options);
  })).map((parts) => parts.join(''));

// the hand-over verbs (imperative, polite, causative, with би-), their negated forms, and the secrets with their endings
const VERBS = ['фиристед', 'бифиристед', 'фиристонед', 'нависед', 'гӯед', 'бигӯед', 'гуед', 'бидиҳед', 'диҳед', 'хонед', 'ирсол кунед', 'ирсол намоед', 'пешниҳод кунед', 'ворид кунед', 'нақл кунед', 'эълом кунед'];
const NEGATED = ['нафиристед', 'нанависед', 'нагӯед', 'надиҳед', 'ирсол накунед'];
// (the first thirteen are secrets; the last two name none: a postal code, the last four digits)
const SECRETS = ['рамзи тасдиқро', 'кодро', 'коди смс-ро', 'паролатонро', 'калимаи махфиро', 'пинкодро', 'рамзи кортро', 'рақами кортатонро', 'се рақами пушти кортро', 'шиносномаатонро', 'паспортатонро', 'номи пурраатонро', 'насабатонро', 'коди почтаро', 'чор рақами охири кортро'];
const LEADS = ['', 'лутфан ', 'салом, ', 'бародар, '];
// (the last one covers the secret: "…but keep it hidden")
const AFTER = ['', ' ба мо', ' ба ман', ' дар чат', ', вале онро пинҳон кунед'];

const kinds = (t: string): string[] => tajikRequests(t).map((r) => r.kind);

const reply = fc.tuple(pick(LEADS), pick(SECRETS), pick(AFTER), fc.oneof(pick(VERBS), pick(NEGATED))).map(([lead, secret, after, verb]) => `${lead}${secret}${after} ${verb}`);

describe('Tajik in Cyrillic and in Latin letters: one copy of each word', () => {
  it('the same reply typed in either script asks for the same secrets', () => {
    fc.assert(
      fc.property(reply.chain((cyr) => fc.tuple(fc.constant(cyr), typedInLatin(cyr))), ([cyr, latin]) => {
        expect(kinds(latin), `${cyr} / ${latin}`).toEqual(kinds(cyr));
      }),
      { numRuns: 300 },
    );
  });

  // (only asks here: other rules read some Latin words as Finglish — "lutfan raqami kortatonro nafiristed" and
  // "lutfan kodi pochtaro firisted" are blocked outside the Tajik reader; their Cyrillic is not)
  it('an ask for a secret is blocked by the whole guard in either script', () => {
    const ask = fc.tuple(pick(LEADS), pick(SECRETS.slice(0, 13)), pick(AFTER.slice(0, 4)), pick(VERBS)).map(([lead, secret, after, verb]) => `${lead}${secret}${after} ${verb}`);
    fc.assert(
      fc.property(ask.chain((cyr) => fc.tuple(fc.constant(cyr), typedInLatin(cyr))), ([cyr, latin]) => {
        expect([blocked(cyr), blocked(latin)], `${cyr} / ${latin}`).toEqual([true, true]);
      }),
      { numRuns: 100 },
    );
  });

  it('a hand-over verb with a secret asks for it in both scripts; with на- it is a warning', () => {
    fc.assert(
      fc.property(pick(LEADS), pick(['рамзи тасдиқро', 'паролатонро', 'шиносномаатонро']), pick(['фиристед', 'гӯед', 'бидиҳед', 'ирсол кунед']), (lead, secret, verb) => {
        const ask = `${lead}${secret} ба мо ${verb}`;
        const warn = `${lead}${secret} ба ҳеҷ кас на${verb.replace(/^би/u, '').replace(' кунед', ' накунед').replace(/^на(ирсол)/u, '$1')}`;
        for (const t of [ask, tajikSpelling(ask)]) expect(kinds(t).length, t).toBe(1);
        for (const t of [warn, tajikSpelling(warn)]) expect(kinds(t), t).toEqual([]);
      }),
      RUNS,
    );
  });

  it('"гӯед" and the typed "guyed" read alike, as do "х"/"x" and "ҳ"/"ħ"', () => {
    expect(tajikSpelling('гӯед')).toBe(tajikSpelling('guyed'));
    expect(tajikSpelling('гӯед')).toBe(tajikSpelling('gūyed'));
    expect(tajikSpelling('хонед')).toBe(tajikSpelling('xoned'));
    expect(tajikSpelling('бидиҳед')).toBe(tajikSpelling('bidiħed'));
    expect(tajikSpelling('эълом')).toBe(tajikSpelling('eʼlom'));
  });
});
