import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateReply, resolveGuardPolicy } from '../../main/core/guard';
import { VOICES, type Voice } from './guard-compose-parts';

const policy = resolveGuardPolicy({ companyDomains: ['acme.com'], serviceNeedsOnlyPhoneAndActivationCode: true });
const blocked = (t: string) => evaluateReply(t, 'en', policy, () => []).some((f) => f.verdict === 'block');
/** MSA verbal nouns take the object with an attached preposition: "تزويدنا برمز". */
const join = (verb: string, secret: string) => `${verb}${verb.endsWith('ب') ? '' : ' '}${secret}`;
const SEPARATORS = ['. ', '! ', '، ', '؟ ', '\n', ' - '];
const END = ['', '.', '!', ' 🙏', '؟', '?'];

/** One hurried English misspelling (letter dropped, doubled or swapped, never the first) of the first long word. */
const misspell = (s: string) =>
  fc.tuple(fc.nat({ max: 2 }), fc.nat()).map(([kind, at]) =>
    s.replace(/[a-z]{6,}/, (w) => {
      const i = 1 + (at % (w.length - 2));
      if (kind === 0) return w.slice(0, i) + w.slice(i + 1);
      if (kind === 1) return w.slice(0, i) + w[i] + w.slice(i);
      return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    }),
  );

/**
 * Arabizi and Finglish are spelt by ear: a short vowel dropped, written as its neighbour (e/i, o/u, a/e), or an a/i
 * written twice for length ("kaarte"); "ee" and "oo" are ordinary spellings of other sounds, not variants.
 */
const byEar = (s: string) =>
  fc.tuple(fc.nat({ max: 2 }), fc.nat()).map(([kind, at]) => {
    // the English loanwords (code, card, password) keep their spelling; the transliterated words change
    const vowels = [...s.matchAll(/(?<=[a-z0-9])[aeiou](?=[a-z])/g)].filter((m) => !/\b(?:code|card|password|pin)\b/.test(s.slice(Math.max(0, m.index - 8), m.index + 9)));
    if (!vowels.length) return s;
    const m = vowels[at % vowels.length]!;
    const i = m.index;
    const swap: Record<string, string> = { e: 'i', i: 'e', o: 'u', u: 'o', a: 'e' };
    const by = kind === 0 ? '' : kind === 1 && (m[0] === 'a' || m[0] === 'i') ? m[0] + m[0] : swap[m[0]]!;
    return s.slice(0, i) + by + s.slice(i + 1);
  });

function request(v: Voice) {
  const verbFirst = fc.tuple(fc.constantFrom(...v.polite), fc.constantFrom(...v.verbs), fc.constantFrom(...v.secrets)).map(([p, verb, s]) => p + join(verb, s));
  const objectFirst = v.objectFirst
    ? fc.tuple(fc.constantFrom(...v.polite), fc.constantFrom(...v.objectFirst), fc.constantFrom(...v.verbs), fc.constantFrom(...v.secrets)).map(([p, f, verb, s]) => p + f.replace('{s}', s).replace('{v}', verb))
    : verbFirst;
  const followUp = fc.tuple(fc.constantFrom(...v.mention), fc.constantFrom(...SEPARATORS), fc.constantFrom(...v.followUp)).map(([m, sep, f]) => m + sep + f);
  return fc.tuple(fc.oneof(verbFirst, objectFirst, followUp), fc.constantFrom(...END)).map(([t, end]) => t + end);
}

describe('a request composed from its parts is blocked in every voice (generated)', () => {
  it.each(VOICES.map((v) => [v.name, v] as const))('%s: polite lead, request verb, secret named or described, in either order or across two sentences', (_name, voice) => {
    fc.assert(
      fc.property(request(voice), (reply) => {
        expect(blocked(reply), reply).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it.each(VOICES.map((v) => [v.name, v] as const))('%s: the same secrets in a warning, in our own sending, or typed into the app are not blocked', (_name, voice) => {
    fc.assert(
      fc.property(fc.constantFrom(...voice.safe), fc.constantFrom(...voice.secrets), fc.constantFrom(...END), (frame, secret, end) => {
        const reply = frame.replace('{s}', secret) + end;
        expect(blocked(reply), reply).toBe(false);
      }),
      { numRuns: 80 },
    );
  });

  it('English survives a misspelt word', () => {
    const english = VOICES.find((v) => v.name === 'english')!;
    fc.assert(
      fc.property(request(english).chain(misspell), (reply) => {
        expect(blocked(reply), reply).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it.each(['arabizi', 'finglish'])('%s survives a word spelt by ear (vowels dropped, doubled or changed)', (name) => {
    const voice = VOICES.find((v) => v.name === name)!;
    fc.assert(
      fc.property(request(voice).chain(byEar), (reply) => {
        expect(blocked(reply), reply).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
