/**
 * Tajik Persian (round 16 of issue #21), in Cyrillic or in the Latin letters Tajiks abroad type it in, read by its
 * grammar rather than through the Persian-script lexicons (a transliteration would not meet them: Tajik spells
 * "фиристед" where Persian writes "بفرستید", and Russian loans such as "код" have no Persian spelling). Each word is
 * written once, in Latin: Cyrillic is read through the inbound side's transliteration (`text/tajik-latin.ts`,
 * `tajikSpelling`, which also makes the typists' variants one: "guyed" and "гӯед" both read "gued"). A request is a
 * hand-over verb in the imperative or polite second person ("фиристед"/"firistoned", "нависед", "гӯед", "бидиҳед",
 * "ирсол кунед"/"ersol kuned") in the same sentence as a secret ("рамз", "код", "парол", "шиноснома", "номи пурра");
 * the negative prefix на- makes it a warning ("нагӯед", "нафиристед", "накунед"), which the word boundary keeps out.
 */
import { tajikSpelling } from '../text/tajik-latin';
import type { SecretKind } from './lexicon';

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
/** Hand-over verbs, imperative or polite (-ед, -ед + -он, -ӣ, causative -онед); би- is the imperative's optional prefix. */
// (round 36) "равон кунед" (dispatch it) beside "фиристед"
const HAND_OVER = new RegExp(
  `${B}(?:(?:bi)?(?:firist|navis|gu|dih|deh|khon)(?:ed|et|id|eton|edon|ede|etan|edan|oned|onet|ond)|(?:irsol|ersol|peshnihod|vorid|naql|bayon|elom|ittilo|ravon|rawon|rovon) (?:kuned|namoed|kun|farmoed))${E}`,
  'u',
);
/** (round 26) A card's expiry: "санаи анҷом", "санаи тамом шудан", "мӯҳлати амал", "мӯҳлати эътибор". */
const EXPIRY = '(?:sana\\S* (?:anjom|tamom|khotima|ba okhir)\\S*|muhlat\\S* (?:amal|etibor|istifoda)\\S*)';
/** (round 26) Entering it oneself or in the app ("кодро худатон дар барнома ворид кунед") hands it to nobody, unless to us or here. */
const SELF_OR_APP = new RegExp(`${B}(?:khud(?:aton|at|i shumo|atro)?|dar (?:barnoma|ilova|app|prilozhenie))${E}`, 'u');
// (round 28) "ҳатто ба мо" (not even to us) names us as one more who must not be given it
const TO_US = new RegExp(`${B}(?<!hatto )(?:ba (?:man|mo|mon)|inja|in jo|hamin jo|injo)${E}`, 'u');
/** Each secret by its Tajik name; "номи пурра" / "ному насаб" with anything between (a possessive, "-и"). */
const SECRETS: Array<[SecretKind, RegExp]> = [
  ['otp', new RegExp(`${B}(?:kod(?!i ?(?:pin|pochta|posti|khato))|ramz(?!i kort)|kodi tasdiq|ramzi tasdiq|sms)`, 'u')],
  ['password', new RegExp(`${B}(?:parol|kalimai makhfi|kalimai ubur)`, 'u')],
  // (round 22) "пинҳон" (hidden) is not a PIN
  ['pin', new RegExp(`${B}(?:pin(?!hon)|ramzi kort)`, 'u')],
  // (round 26) all of its number ("рақами пурраи корт", "hamai raqamhoi kortaton"), and its expiry beside the card ("санаи анҷоми корт", "бо мӯҳлати амалаш")
  ['card', new RegExp(`${B}(?:raqam(?:i|hoi) (?:(?:purra|pura|pur)\\S* )?(?:kort|kart)|korti bonki|(?:16|shonzdah) raqam|(?:kort|kart)\\S* (?:\\S+ ){0,6}?${EXPIRY}|${EXPIRY} (?:\\S+ ){0,3}?(?:kort|kart))`, 'u')],
  // (round 22) the code by count and place: "се рақами пушти корт", "рақамҳои пушти корт"
  ['cvv', new RegExp(`${B}(?:se raqam\\S*(?: \\S+){0,2} pusht|raqamhoi pusht|cvv|svv)`, 'u')],
  // (round 31) …and the date of birth ("санаи таваллудатонро пурра")
  // (round 37) …and the Russian date of birth typed among Tajik words ("дата рождения")
  ['national_id', new RegExp(`${B}(?:shinosnom|pasport|raqami shakhs|sana\\S* tavallud|data rozhdeni)`, 'u')],
  ['full_name', new RegExp(`${B}(?:nom(?:i|u)? (?:\\p{L}+ )?(?:purra|nasab)|nasab)`, 'u')],
];

/**
 * (round 20) "the last four" ("chor raqami okhiri") asks for nothing — but "last" after "date" ("санаи охираш", the
 * card's expiry date) is no count of digits; a picture of the passport or its two faces is the document
 * (`documents.ts`, read by the clause rules).
 */
const LAST_DIGITS = /(?<![\p{L}])(?<!sana\S* )(?:okhir|ohir)\S*/u;
/** (round 21) A message that reached the reader ("SMS омад", "паём меояд"), and the digits it holds ("рақамҳояшро", "он рақамҳоро"). */
const MESSAGE = /(?<![\p{L}])(?:sms|payom\S*|khabar\S*)/u;
const ITS_DIGITS = /(?<![\p{L}])(?:raqamho\S*|raqamash\S*)/u;
/** (round 30) "it", "that", "this" as the object ("онро фиристед"): what the two sentences before named — "Код омад? Онро ба ман фиристед". */
const IT = /(?<![\p{L}])(?:onro|inro|uro|onhoro|inhoro|hamonro|haminro|hamonashro)(?![\p{L}])/u;
/** …handed to us: sent or told (to whoever asks), or written here or to us — not written down somewhere safe, nor "let us know" */
const HANDS_IT_TO_US = new RegExp(`${B}(?<!khabar )(?:bi)?(?:firist|gu)(?:ed|et|id|eton|edon|ede|etan|edan)${E}`, 'u');
/** …in a sentence that neither warns nor supposes ("агар касе онро пурсад", "ҳеҷ гоҳ …") after sentences that did not warn. */
const WARNS_OR_SUPPOSES = new RegExp(`${B}(?:agar|hej|hech|hargiz|kase|kas|na(?:firist|navis|gu|dih|deh|khon|kun|guzor|ra)\\p{L}*)${E}`, 'u');

/**
 * (round 31) A secret asked as a short question, with no verb: "Пин-коди кортатон чанд аст?", "Рамзи корти бонкиатон чист?" —
 * "how much / what is it" at the sentence's end, the sentence no longer than six words; a price ("нархи корт чанд аст?"),
 * a time or a warning asks for something else.
 */
const ASKED_WHAT = new RegExp(`${B}(?:chand|chist|chi|kadom)(?: (?:ast|hast|bud|meshavad))?\\s*$`, 'u');
const NOT_THE_SECRET_ASKED = new RegExp(`${B}(?:narkh|nark|pul|hazina|komissiya|somoni|muhlat|vaqt|soat|ruz|kay|chi guna|chand ruz)\\S*`, 'u');
const SECRET_ASKED = new Set<SecretKind>(['pin', 'password', 'card', 'cvv', 'national_id']);

/** (round 37) "needed": "лозим", "даркор", "зарур", Russian "нужен". */
const NEEDED = new RegExp(`${B}(?:lozim|darkor|zarur|nuzhen|nuzhna|nuzhno|nuzhny)${E}`, 'u');
/** …"not needed" ("лозим нест", "даркор не"), or brought to the office in person ("дар офис", "бо худ"). */
const NOT_NEEDED = new RegExp(`${B}(?:nest|ne|nadorad|nuzhno li)${E}`, 'u');
const IN_PERSON = new RegExp(`${B}(?:dar (?:ofis|filial|idora|markaz|kassa)|bo khud|ofis|filial|biyoed|bioed|oreed|ovared)${E}`, 'u');

/** (round 22) "Hide"/"cover" after the secret: "скриншот фиристед, вале рамзу кодро пинҳон кунед" asks for the picture, the code stays covered. */
const COVER = /(?<![\p{L}])(?:pinhon|pinhan|pushon)\S*/u;
function covered(sentence: string, secret: RegExp): boolean {
  const at = sentence.search(secret);
  const cover = sentence.slice(at).search(COVER);
  return cover > 0 && sentence.slice(at, at + cover).split(/\s+/u).length <= 4;
}

/** The secrets a sentence in Tajik asks the reader to hand over (empty for any other text); each sentence as written. */
export function tajikRequests(normalized: string): Array<{ kind: SecretKind; sentence: string }> {
  const out: Array<{ kind: SecretKind; sentence: string }> = [];
  /** (round 30) the message and the secrets named in the two sentences before ("Паём омад? Дар он чӣ навишта? Рақамашро гӯед") */
  const messages: boolean[] = [];
  const named: SecretKind[][] = [];
  const sentences: string[] = [];
  for (const written of normalized.split(/[.!?؟\n]+/u)) {
    const sentence = tajikSpelling(written);
    const message = MESSAGE.test(sentence);
    const messageBefore = messages.slice(-2).some(Boolean);
    const here = SECRETS.filter(([, re]) => re.test(sentence)).map(([kind]) => kind);
    if (HAND_OVER.test(sentence) && !LAST_DIGITS.test(sentence) && !(SELF_OR_APP.test(sentence) && !TO_US.test(sentence))) {
      for (const [kind, re] of SECRETS) if (re.test(sentence) && !covered(sentence, re) && !out.some((o) => o.kind === kind)) out.push({ kind, sentence: written.trim() });
      // the digits of a message named here or in the two sentences before are its code
      if ((message || messageBefore) && ITS_DIGITS.test(sentence) && !out.some((o) => o.kind === 'otp')) out.push({ kind: 'otp', sentence: written.trim() });
      // "it" handed over, with no secret named here: the one named before (a message's is its code)
      if (!here.length && (IT.test(sentence) || ITS_DIGITS.test(sentence)) && (HANDS_IT_TO_US.test(sentence) || TO_US.test(sentence)) && ![sentence, ...sentences.slice(-2)].some((x) => WARNS_OR_SUPPOSES.test(x))) {
        const before = named.slice(-2).flat();
        const kind = before.length ? before[before.length - 1]! : messageBefore ? 'otp' : undefined;
        if (kind && !out.some((o) => o.kind === kind)) out.push({ kind, sentence: written.trim() });
      }
    }
    // (round 37) …or said to be needed, no verb: "Номер паспорта ва дата рождения лозим, барои договор" — not "not needed", not shown at the office
    else if (here.some((k) => SECRET_ASKED.has(k)) && NEEDED.test(sentence) && sentence.trim().split(/\s+/u).length <= 10 && !LAST_DIGITS.test(sentence) && !WARNS_OR_SUPPOSES.test(sentence) && !NOT_NEEDED.test(sentence) && !IN_PERSON.test(sentence) && !SELF_OR_APP.test(sentence)) {
      for (const kind of here) if (SECRET_ASKED.has(kind) && !out.some((o) => o.kind === kind)) out.push({ kind, sentence: written.trim() });
    }
else if (here.some((k) => SECRET_ASKED.has(k)) && ASKED_WHAT.test(sentence) && sentence.trim().split(/\s+/u).length <= 6 && !NOT_THE_SECRET_ASKED.test(sentence) && !WARNS_OR_SUPPOSES.test(sentence)) {
      const kind = here.find((k) => SECRET_ASKED.has(k))!;
      if (!out.some((o) => o.kind === kind)) out.push({ kind, sentence: written.trim() });
    }
    messages.push(message);
    named.push(here);
    sentences.push(sentence);
  }
  return out;
}
