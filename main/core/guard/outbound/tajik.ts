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
  // (round 22) "пинҳон" (hidden) is not a PIN
  ['pin', new RegExp(`${B}(?:пин(?!ҳон)|рамзи корт)`, 'u')],
  ['card', new RegExp(`${B}(?:рақами (?:корт|карт)|корти бонкӣ|(?:16|шонздаҳ) рақам)`, 'u')],
  // (round 22) the code by count and place: "се рақами пушти корт", "рақамҳои пушти корт"
  ['cvv', new RegExp(`${B}(?:се рақам\\S*(?: \\S+){0,2} пушт|рақамҳои пушт|cvv|свв)`, 'u')],
  ['national_id', new RegExp(`${B}(?:шиноснома|паспорт|рақами шахсӣ)`, 'u')],
  ['full_name', new RegExp(`${B}(?:ном(?:и|у)? (?:\\p{L}+ )?(?:пурра|насаб)|насаб)`, 'u')],
];

/**
 * (round 20) The same grammar in Latin letters, as Tajiks abroad type it: "firistoned", "navised", "guyed", "ersol
 * kuned"; "kodro", "ramzi kortaton", "pinkod", "shinosnomaatonro". "the last four" ("chor raqami okhiri") asks for
 * nothing; a picture of the passport or its two faces is the document (`documents.ts`, read by the clause rules).
 */
const LATIN_HAND_OVER = new RegExp(`${B}(?:(?:bi)?(?:firist|navis|nawis|g[uū]y|diħ|dih|deh|khon|xon)(?:ed|et|id|eton|edon|ede|etan|edan|oned|onet|ond)|(?:irsol|ersol|peshnihod|vorid|eʼlom|elom) (?:kuned|namoed|kun))${E}`, 'u');
const LATIN_SECRETS: Array<[SecretKind, RegExp]> = [
  ['pin', new RegExp(`${B}(?:pin ?kod\\S*|pin\\S*|ramzi kort\\S*)`, 'u')],
  ['otp', new RegExp(`${B}(?:kod(?!i ?(?:pin|pochta|posti|xato|khato))\\S*|ramz(?!i kort)\\S*|raqamho\\S*)`, 'u')],
  ['password', new RegExp(`${B}(?:parol\\S*)`, 'u')],
  ['card', new RegExp(`${B}(?:raqami (?:kort|kart)\\S*|korti bonk\\S*)`, 'u')],
  ['national_id', new RegExp(`${B}(?:shinosnom\\S*|pasport\\S*|raqami shakhs\\S*)`, 'u')],
];
const LATIN_LAST_DIGITS = /(?<![\p{L}])(?:okhir|oxir|ohir)\S*/u;
/** (round 21) A message that reached the reader ("SMS омад", "паём меояд"), and the digits it holds ("рақамҳояшро", "он рақамҳоро"). */
const MESSAGE = /(?<![\p{L}])(?:sms|смс|паём\S*|payom\S*|xabar\S*|хабар\S*)/u;
const ITS_DIGITS = /(?<![\p{L}])(?:рақамҳо\S*|raqamho\S*|raqamhoyash\S*)/u;

/** (round 22) "Hide"/"cover" after the secret: "скриншот фиристед, вале рамзу кодро пинҳон кунед" asks for the picture, the code stays covered. */
const COVER = /(?<![\p{L}])(?:пинҳон|пӯшон|пушон|pinhon|pinhan|pushon|pŭshon)\S*/u;
function covered(sentence: string, secret: RegExp): boolean {
  const at = sentence.search(secret);
  const cover = sentence.slice(at).search(COVER);
  return cover > 0 && sentence.slice(at, at + cover).split(/\s+/u).length <= 4;
}

/** The secrets a sentence in Cyrillic Tajik asks the reader to hand over (empty for any other text). */
export function tajikRequests(normalized: string): Array<{ kind: SecretKind; sentence: string }> {
  const cyrillic = /\p{Script=Cyrillic}/u.test(normalized);
  const [handOver, secrets] = cyrillic ? [HAND_OVER, SECRETS] : [LATIN_HAND_OVER, LATIN_SECRETS];
  const out: Array<{ kind: SecretKind; sentence: string }> = [];
  let messageBefore = false;
  for (const sentence of normalized.split(/[.!?؟\n]+/u)) {
    const message = MESSAGE.test(sentence);
    if (handOver.test(sentence) && (cyrillic || !LATIN_LAST_DIGITS.test(sentence))) {
      for (const [kind, re] of secrets) if (re.test(sentence) && !covered(sentence, re) && !out.some((o) => o.kind === kind)) out.push({ kind, sentence: sentence.trim() });
      // the digits of a message named here or in the sentence before are its code
      if ((message || messageBefore) && ITS_DIGITS.test(sentence) && !out.some((o) => o.kind === 'otp')) out.push({ kind: 'otp', sentence: sentence.trim() });
    }
    messageBefore = message;
  }
  return out;
}
