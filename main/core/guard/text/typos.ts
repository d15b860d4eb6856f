/**
 * Latin-script spelling repair for the outbound guard, so "plz snd the verifcation cod" reads like "please send the
 * verification code" before the lexicons run. Two steps, both limited to the words the guard cares about:
 *  1. texting shorthand (`u`, `ur`, `plz`, `snd`, `msg`…) from a short table;
 *  2. a misspelt word becomes the vocabulary word it is one edit from (two for long words), or whose consonant
 *     skeleton it shares ("passwrd" → "password", "recived" → "received").
 * Words already in the vocabulary, short words and words with digits (Arabizi `ab3atli`) are left alone, so
 * repair never turns a correct word into another one. Nor does it take a real English word the vocabulary lacks
 * (`REAL_WORDS`: "comes" is not "codes", "cords" not "cards", "quite" not "quote", "postcode" not "passcode") in an
 * English sentence, except a noun in the secret's place in a reply that says the thing came by message and names no
 * address ("the massage we sent you"); among Arabizi or Finglish words an English word is repaired as before.
 */
import { editDistance } from '../phishing/confusables';
import { REAL_WORDS } from './real-words';
import { registerLexicon } from './words';

const SHORTHAND: Record<string, string> = {
  u: 'you', ur: 'your', yr: 'your', r: 'are', plz: 'please', pls: 'please', plse: 'please', pleez: 'please', plzz: 'please',
  snd: 'send', sned: 'send', cde: 'code', coed: 'code', cdoe: 'code', giv: 'give', gve: 'give', teh: 'the', wat: 'what', wht: 'what', wats: "what's", whats: "what's", cod: 'code',
  msg: 'message', txt: 'text', pw: 'password', pwd: 'password', pswd: 'password', thx: 'thanks', thnx: 'thanks', n: 'and',
  nd: 'and', frwd: 'forward', fwd: 'forward', cn: 'can', tel: 'tell', shre: 'share', num: 'number', nmbr: 'number', rcvd: 'received',
  // (round 22) Jamaican: "sen' mi a picture", "di three number dem pon di back"
  sen: 'send', pon: 'on',
  // (round 29) casual and regional English: "read 'em out", "whats ya password pet"
  em: 'them',
  recd: 'received', vrfy: 'verify', vcode: 'verification code', otp: 'otp', pin: 'pin', cvv: 'cvv', hv: 'have', gt: 'got', ok: 'ok', k: 'ok',
};

/** Words the guard's lexicons are built from, with their inflections, so a correct word is never "repaired". */
const VOCABULARY = [
  'send', 'sends', 'sent', 'sending', 'share', 'shares', 'shared', 'sharing', 'forward', 'forwarded', 'provide', 'provided', 'tell', 'told', 'give', 'given',
  'gave', 'type', 'typed', 'write', 'written', 'wrote', 'paste', 'pasted', 'reply', 'replied', 'revert', 'confirm', 'confirmed', 'verify', 'verified',
  'verification', 'password', 'passwords', 'passcode', 'passcodes', 'code', 'codes', 'number', 'numbers', 'digits', 'digit', 'received', 'receive',
  'recieve', 'please', 'message', 'messages', 'text', 'texted', 'card', 'cards', 'security', 'enter', 'entered', 'login', 'account', 'expiry', 'picture',
  'photo', 'screenshot', 'kindly', 'details', 'credentials', 'what', 'your', 'you', 'the', 'here', 'below', 'chat', 'quickly', 'immediately', 'need',
  'needed', 'banking', 'online', 'debit', 'credit', 'one-time', 'authentication', 'identity', 'national', 'passport', 'pin', 'otp', 'cvv', 'front',
  'back', 'read', 'spell', 'state', 'quote', 'disclose', 'furnish', 'submit', 'mention', 'share', 'across', 'over', 'straight', 'away', 'arrived',
  'came', 'contains', 'containing', 'said', 'says', 'show', 'shows', 'showing', 'shown', 'phone', 'mobile', 'registered', 'secret', 'private',
  // common words one skeleton away from a lexicon word ("entire" is not "enter")
  'entire', 'entirely',
  'never', 'anyone', 'anybody', 'someone', 'nobody', 'scam', 'scammer', 'scammers', 'fraud', 'staff', 'colleague', 'agent', 'team', 'thanks',
  // Finglish and Arabizi words the lexicons read, so "pyamak" and "paasset" are repaired like English typos
  'payamak', 'peyamak', 'passet', 'passeto', 'ramzet', 'ramzeto', 'ramzetono', 'ferestadim', 'oomad', 'baratun', 'shomare', 'cartet', 'kartet', 'lotfan', 'hichkas', 'password', 'sifetli', 'sharek',
  // French words in Maghrebi replies ("le mot de passe"), never "repaired" into English ones
  'passe', 'carte', 'numero', 'envoie', 'envoyez', 'envoyer',
];
registerLexicon(VOCABULARY);
const VOCAB = new Set(VOCABULARY);
const LONG_VOCAB = VOCABULARY.filter((w) => w.length >= 5 && /^[a-z]+$/.test(w));
const skeletonOf = (w: string) => w[0] + w.slice(1).replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
const BY_SKELETON = new Map<string, string>();
for (const w of LONG_VOCAB) {
  const s = skeletonOf(w);
  if (s.length >= 4 && !BY_SKELETON.has(s)) BY_SKELETON.set(s, w);
}
const repaired = new Map<string, string>();

/**
 * Words a lexicon reads as they are written, never "repaired" into a nearby vocabulary word or a verb heard by ear
 * (round 20: documents' local names — "carnet" is not "cartet", "dni" is not "edini"). Only plain Latin words.
 */
export function keepAsWritten(words: readonly string[]): void {
  for (const w of words) if (/^[a-z]+$/.test(w)) VOCAB.add(w);
  repaired.clear();
}

/**
 * The vocabulary word a plain Latin word is a misspelling of (its consonant skeleton's, else the nearest by one edit,
 * two for long words, with the same first letter), or the word itself. Real words are not consulted here: the
 * generator of `REAL_WORDS` (bench/guard/real-words.ts) asks this which dictionary words it would take.
 */
export function repairTarget(word: string): string {
  if (word.length < 5 || VOCAB.has(word) || !/^[a-z]+$/.test(word)) return word;
  const known = repaired.get(word);
  if (known !== undefined) return known;
  let best = BY_SKELETON.get(skeletonOf(word)) ?? word;
  if (best === word) {
    const limit = word.length >= 8 ? 2 : 1;
    let bestD = limit + 1;
    for (const v of LONG_VOCAB) {
      if (Math.abs(v.length - word.length) > limit || v[0] !== word[0]) continue;
      const d = editDistance(word, v, limit);
      if (d < bestD) [best, bestD] = [v, d];
    }
  }
  if (repaired.size < 5000) repaired.set(word, best);
  return best;
}

/**
 * A reply that says where the secret comes from or what it opens (a text, an SMS, "you got", "received", "the digits",
 * "to log in", the app or the bank) and names no address: there a real noun in a noun's place ("the massage we sent
 * you", "send me the postcode u got") is the secret's word misspelt. Beside an address word, or with nothing of the
 * kind named, it is the thing it names (a postcode is an address field).
 */
const SECRETS_CONTEXT = /\b(?:sms|texts?|texted|message|messages|msg|otp|verification|verify|confirm|security|secure|account|one-time|received|recieved|got|came|arrived|expires?|sent|digits?|screen|log ?in|login|sign ?in|app|bank|pin|password|code|\d+)\b/;
const ADDRESS_WORDS = /\b(?:address|street|road|house|flat|apartment|city|town|area|delivery|deliver|courier|postal|zip|billing|shipping|location|district|region|door|parcel|post)\b/;
/** The head noun a secret word ends in ("passcode", "password"): a real word with the same head names its own kind. */
const SECRET_HEAD = /(?:code|word|card)s?$/;
/** The vocabulary's nouns: the secrets and the things that carry them. */
const NOUNS = new Set(['password', 'passwords', 'passcode', 'passcodes', 'code', 'codes', 'number', 'numbers', 'digits', 'digit', 'message', 'messages', 'text', 'card', 'cards', 'security', 'login', 'account', 'expiry', 'picture', 'photo', 'screenshot', 'details', 'credentials', 'pin', 'otp', 'cvv', 'phone', 'mobile', 'secret', 'verification', 'authentication', 'identity', 'passport']);
/**
 * A verb's place: a word in -s or -ed after a noun of the things that arrive, with a verb's particle after it or the
 * end of a clause that "when", "once" or "if" began ("when the SMS comes, …", "the code comes by SMS", "the letter
 * comes within five days"; a pronoun before it is no sign, "this massages" may be a noun). A real word there is the
 * verb it is, never the secret's noun one edit away; elsewhere a real word where the secret's noun goes ("the sms
 * massages you got", "forward the text massages.") is that noun misspelt, as before.
 */
const NOUN_BEFORE = /\b(?:sms|text|message|msg|code|otp|pin|letter|email|mail|parcel|card|link|call|bill|reply|order|delivery|team|technician|engineer|agent)\s+$/;
const PARTICLE_AFTER = /^\s+(?:in|into|through|by|from|again|later|soon|back|within|late|today)\b/;
/** A clause's end after "when/once/if the SMS comes": the subordinate clause's verb. */
const CLAUSE_ENDS = /^\s*(?:[,.;:!?)]|$)/;
const SUBORDINATE = /\b(?:when|whenever|once|if|until|till|as soon as|after|before)\s+(?:\S+\s+){0,3}$/;
const verbsPlace = (word: string, text: string, at: number) => {
  if (!/(?:s|ed)$/.test(word)) return false;
  const left = text.slice(Math.max(0, at - 40), at);
  if (!NOUN_BEFORE.test(left)) return false;
  const right = text.slice(at + word.length);
  return PARTICLE_AFTER.test(right) || (CLAUSE_ENDS.test(right) && SUBORDINATE.test(left));
};

/**
 * English's own small words. A real English word is the writer's word in an English sentence; among Arabizi or
 * Finglish words ("3eni dezli el raqam elli ejak bil massage") it is an English word misspelt ("message").
 */
const ENGLISH_SMALL_WORDS = /\b(?:the|an|to|you|your|and|it|is|are|was|in|of|for|on|with|we|us|me|my|this|that|what|when|which|if|not|do|does|can|could|will|would|our|they|them|from|at|by|be|have|has|so|just|then|there|here|please)\b/g;
const readsAsEnglish = (text: string) => (text.match(ENGLISH_SMALL_WORDS)?.length ?? 0) >= 2;

function repairWord(word: string, text: string, at: number): string {
  const short = SHORTHAND[word];
  if (short !== undefined) return short;
  const target = repairTarget(word);
  if (target === word || !REAL_WORDS.has(word) || !readsAsEnglish(text)) return target;
  if (!NOUNS.has(target) || verbsPlace(word, text, at)) return word;
  // a compound of the secret's own head ("postcode") names its own kind of code beside an address, or unless the reply
  // says what the code opens or where it came from
  const head = SECRET_HEAD.exec(word)?.[0];
  const ownKind = head !== undefined && target.endsWith(head) && (ADDRESS_WORDS.test(text) || !SECRETS_CONTEXT.test(text));
  return ownKind ? word : target;
}

/**
 * Finglish and Arabizi are written by ear, and writers drop or change short vowels ("bfrestesh", "befrstid", "b3tli",
 * "sfetli"). A word that begins like one of these request verbs, whatever its vowels, is rewritten to the spelling the
 * lexicon knows, keeping its ending (the pronoun or plural suffix). Arabizi past tenses ("ba3atnalak", we sent you)
 * keep their vowel after the first consonant and are left alone.
 */
const BY_EAR: [RegExp, string][] = [
  [/^b[eiy]?f[aeiy]?r[aeiy]?st/, 'befrest'], [/^b[eiy]?n[aeiy]?v[aeiy]?s/, 'benevis'], [/^b[eiy]?kh[ou]{1,2}n/, 'bekhun'],
  // ab3atli, eb3at, and "ebaatha" with the ع written as a vowel
  [/^(?:[ae]?b3|[ae]ba)[ae]?t(?=l|h|[iy]?$)/, 'ab3at'], [/^s[aiy]{0,2}f[ae]?t(?=l|h)/, 'sifet'], [/^2[ou]{0,2}l(?=l?[iy]$|h)/, '2ol'],
  [/^[ei]?d[ei]{0,2}n[iy]$/, 'edini'], [/^a?3t[ei]{0,2}n[iy]$/, '3tini'], [/^b[ei]?g[ouiy]{1,2}(?=$|i?d$|i?n$|sh$)/, 'bego'], [/^b[ei]?g[ei]?n$/, 'begin'],
  [/^b[ei]?kh[ouiy]{0,2}n/, 'bekhun'], [/^b[ei]?d[eiy]{1,2}(?=$|i?d$|i?n$|sh$)/, 'bede'], [/^[ei]?kt[ei]?b/, 'ekteb'], [/^r[aeiy]?mz(?=$|[eiyo]|t)/, 'ramz'],
];

/** Arabizi present tense to "you" with "to me" ("tektebli", "teb3atli", "t2olholi"): the imperative's request. */
const YOU_DO_IT_FOR_ME = /^t[ei]?(?=(?:kt[ei]?b|b3at|ab3at|eb3at|2ol|sift|7ki)[a-z0-9]*(?:li|lna|holi|hali|hlna|hli|lee|ly)$)/;

function repairByEar(word: string): string {
  if (VOCAB.has(word)) return word;
  if (YOU_DO_IT_FOR_ME.test(word)) return repairByEar(word.replace(YOU_DO_IT_FOR_ME, ''));
  const once = word.replace(/([a-z])\1+/g, '$1'); // "beefrest", "2ollholi": a doubled letter is the same sound
  if (/\d/.test(word) && once !== word) return repairByEar(once);
  for (const [sound, spelling] of BY_EAR) {
    const m = sound.exec(once);
    if (m) return spelling + once.slice(m[0].length);
  }
  return word;
}

/** Repairs the Latin words of already-normalized (lower-case, folded) text; other scripts pass through untouched. */
/** (round 27) رمز written with ذ or ض ("الرمذ اللي وصلك", "رمض عبورت"), with its clitics; never رمضان. */
const RAMZ_MISSPELT = /(?<![\p{L}\p{N}])((?:و|ف|ب|ل|ال|وال|بال)?)رم[ذض]((?:ك|كم|كي|ت|تو|تون|تان|ي|ش|و|ه|ها|هاي|ات)?)(?![\p{L}\p{N}])/gu;

export function repairSpelling(normalized: string): string {
  const text = normalized.replace(RAMZ_MISSPELT, '$1رمز$2');
  return text.replace(/(?<![\p{L}\p{N}])[a-z0-9]*[a-z][a-z0-9]*(?![\p{L}\p{N}])/gu, (w, at: number) => {
    const heard = repairByEar(w);
    if (heard !== w || /\d/.test(w)) return heard;
    const fixed = repairWord(w, text, at);
    // a long vowel written twice ("kaarte", "chiie"); "ee" and "oo" are ordinary spellings of other sounds
    return fixed !== w ? fixed : w.replace(/aa+/g, 'a').replace(/ii+/g, 'i');
  });
}
