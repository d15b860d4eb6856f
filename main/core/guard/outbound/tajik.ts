/**
 * Tajik Persian written in Cyrillic (round 16 of issue #21): in scope, read by its grammar rather than through the
 * Persian-script lexicons (a transliteration would not meet them: Tajik spells "фиристед" where Persian writes
 * "بفرستید", and Russian loans such as "код" have no Persian spelling). A request is a hand-over verb in the
 * imperative or polite second person ("фиристед", "нависед", "гӯед", "бидиҳед", "ирсол кунед") in the same sentence
 * as a secret ("рамз", "код", "парол", "шиноснома", "номи пурра"); the negative prefix на- makes it a warning
 * ("нагӯед", "нафиристед", "накунед"), which the word boundary keeps out.
 */
import type { SecretKind } from './lexicon';

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
/** Hand-over verbs, imperative or polite (-ед, -ед + -он, -ӣ); би- is the imperative's optional prefix. */
const HAND_OVER = new RegExp(
  `${B}(?:(?:би)?(?:фирист|навис|гӯ|гу|диҳ|деҳ|хон)(?:ед|ет|ид|етон|едон)|(?:ирсол|пешниҳод|ворид|нақл|баён|эълом|иттилоъ) (?:кунед|намоед|кун|фармоед))${E}`,
  'u',
);
/** Each secret by its Tajik name; "номи пурра" / "ному насаб" with anything between (a possessive, "-и"). */
const SECRETS: Array<[SecretKind, RegExp]> = [
  ['otp', new RegExp(`${B}(?:рамз|код|коди тасдиқ|рамзи тасдиқ|смс)`, 'u')],
  ['password', new RegExp(`${B}(?:парол|калимаи махфӣ|калимаи убур)`, 'u')],
  ['pin', new RegExp(`${B}(?:пин|рамзи корт)`, 'u')],
  ['card', new RegExp(`${B}(?:рақами (?:корт|карт)|корти бонкӣ)`, 'u')],
  ['national_id', new RegExp(`${B}(?:шиноснома|паспорт|рақами шахсӣ)`, 'u')],
  ['full_name', new RegExp(`${B}(?:ном(?:и|у)? (?:\\p{L}+ )?(?:пурра|насаб)|насаб)`, 'u')],
];

/** The secrets a sentence in Cyrillic Tajik asks the reader to hand over (empty for any other text). */
export function tajikRequests(normalized: string): Array<{ kind: SecretKind; sentence: string }> {
  if (!/\p{Script=Cyrillic}/u.test(normalized)) return [];
  const out: Array<{ kind: SecretKind; sentence: string }> = [];
  for (const sentence of normalized.split(/[.!?؟\n]+/u)) {
    if (!HAND_OVER.test(sentence)) continue;
    for (const [kind, re] of SECRETS) if (re.test(sentence) && !out.some((o) => o.kind === kind)) out.push({ kind, sentence: sentence.trim() });
  }
  return out;
}
