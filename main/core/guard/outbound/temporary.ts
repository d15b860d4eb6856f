/**
 * A temporary secret set for us (issue #21, round 12): "reset your password to something temporary and send me what
 * you set it to", "غير الباسورد لحاجة مؤقتة وابعتهالي", "یه چیز موقت بذار بعد بهم بگو چی گذاشتی". The customer's own
 * self-care ("change your password") hides the ask: the secret is named as what they change, and what is handed over
 * is only "what you set" or a pronoun. A temporary password is still the key to the account, so a sentence that sets
 * one and hands something back to the writer asks for it. "Set a temporary password and keep it to yourself" hands
 * nothing back; "we'll send you a temporary password" hands it to the reader.
 */
import { foldLetters, type Clause } from '../text/clauses';
import { findAll, NEGATION } from './lexicon';

const TEMPORARY = ['temporary', 'temp', 'interim', 'throwaway', 'one-off', '(?:ال)?مؤقت\\S*', '(?:ال)?موقت\\S*', 'موقتي\\S*', 'movaghat\\S*', 'movaqat\\S*', 'mo2a[kq]at\\S*', 'mu2a[kq]at\\S*'];
/** A hand-over whose receiver is the writer: "send me", "tell us what…", "ابعتهالي", "بهم بگو". */
const HAND_BACK = [
  '(?:send|tell|give|share|text|message|forward|dm|whatsapp|email|write) (?:it |that |them |this )?(?:to |with )?(?:me|us)',
  'let (?:me|us) know', '(?:send|tell|give|share) (?:it|that|them) (?:over|across|here)',
  '(?:و|ف)?(?:ابعت|ارسل|ابعث|قول|قل|اكتب|صيفط|سيفط|دز|رسل|اد|عط|اعط|ابلغ|بلغ)\\S*(?:لي|ليا|لنا|لينا|ني|نا)', '(?:و|ف)?(?:ابعت|ارسل|ابعث|قول|قل|اكتب|صيفط|دز|رسل|اد|عط|اعط)\\S* (?:لي|ليا|لنا|لينا|هنا)',
  '(?:بهم|بهمون|به من|به ما|برام|برامون|واسم|اينجا) (?:\\S+ ){0,2}?(?:بگو|بگيد|بگين|بفرست\\S*|بده|بدين|بديد|بنويس\\S*|اعلام (?:كن|كنيد|نماييد))',
  '(?:baham|be man|baram|inja) (?:\\S+ )?(?:begu|bego|befrest\\S*|bede|benevis\\S*)', '(?:ab3at|eb3at|2ol|qol|sifet|b3at)\\S*(?:li|lia|liya|lna|lina)',
];
const compiled = new Map<string[], RegExp>();
const test = (entries: string[], text: string) => {
  let r = compiled.get(entries);
  if (!r) compiled.set(entries, (r = new RegExp(`(?<=^| )(?:${entries.map(foldLetters).join('|')})(?= |$)`, 'u')));
  return r.test(text);
};

/**
 * `window`: the clause and its neighbours in one sentence; `namesALoginSecret`: one of them names a password, PIN or
 * code. The hand-back must be in this clause and not under a negation before it ("don't tell anyone what you set").
 * (Egyptian "غير الباسورد" is "change the password": a clause-initial غير is the verb, not "other than".)
 */
export function temporarySecretHandedBack(clause: Clause, window: string, namesALoginSecret: boolean): boolean {
  if (!namesALoginSecret || !test(TEMPORARY, window) || !test(HAND_BACK, clause.text)) return false;
  const back = findAll(clause.text, HAND_BACK)[0];
  if (!back) return false;
  return !findAll(clause.text, NEGATION).some((n) => n.last < back.at && !(n.at === 0 && /^(?:و)?غير$/u.test(clause.tokens[0] ?? '')));
}
