/**
 * Latin-script spelling repair for the outbound guard, so "plz snd the verifcation cod" reads like "please send the
 * verification code" before the lexicons run. Two steps, both limited to the words the guard cares about:
 *  1. texting shorthand (`u`, `ur`, `plz`, `snd`, `msg`…) from a short table;
 *  2. a misspelt word becomes the vocabulary word it is one edit from (two for long words), or whose consonant
 *     skeleton it shares ("passwrd" → "password", "recived" → "received").
 * Words already in the vocabulary, short words and words with digits (Arabizi `ab3atli`) are left alone, so
 * repair never turns a correct word into another one.
 */
import { editDistance } from '../phishing/confusables';

const SHORTHAND: Record<string, string> = {
  u: 'you', ur: 'your', yr: 'your', r: 'are', plz: 'please', pls: 'please', plse: 'please', pleez: 'please', plzz: 'please',
  snd: 'send', sned: 'send', giv: 'give', gve: 'give', teh: 'the', wat: 'what', wht: 'what', wats: "what's", whats: "what's", cod: 'code',
  msg: 'message', txt: 'text', pw: 'password', pwd: 'password', pswd: 'password', thx: 'thanks', thnx: 'thanks', n: 'and',
  nd: 'and', frwd: 'forward', fwd: 'forward', cn: 'can', tel: 'tell', shre: 'share', num: 'number', nmbr: 'number', rcvd: 'received',
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
  'never', 'anyone', 'anybody', 'someone', 'nobody', 'scam', 'scammer', 'scammers', 'fraud', 'staff', 'colleague', 'agent', 'team', 'thanks',
];
const VOCAB = new Set(VOCABULARY);
const LONG_VOCAB = VOCABULARY.filter((w) => w.length >= 5 && /^[a-z]+$/.test(w));
const skeletonOf = (w: string) => w[0] + w.slice(1).replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
const BY_SKELETON = new Map<string, string>();
for (const w of LONG_VOCAB) {
  const s = skeletonOf(w);
  if (s.length >= 4 && !BY_SKELETON.has(s)) BY_SKELETON.set(s, w);
}
const repaired = new Map<string, string>();

function repairWord(word: string): string {
  const short = SHORTHAND[word];
  if (short !== undefined) return short;
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

/** Repairs the Latin words of already-normalized (lower-case, folded) text; other scripts pass through untouched. */
export function repairSpelling(normalized: string): string {
  return normalized.replace(/(?<![\p{L}\p{N}])[a-z]+(?![\p{L}\p{N}])/gu, repairWord);
}
