/**
 * What the rest of a reply takes back. Two acts make a clause that looks like a request harmless, wherever they stand
 * in the reply:
 *  - the writer rules the code out of what they ask ("What did the SMS say? I don't need the digits", "فقط بگو پیامک
 *    چی نوشته بود، خود عدد رو نمی‌خوام"): a question about a message's wording is then about the wording;
 *  - a mock request the writer calls a joke and follows with a warning ("send me your PIN too 😄 kidding — never send
 *    those to anyone"): the clauses up to the joke are not asked.
 * Same conventions as `lexicon.ts`: regular-expression sources over one clause's folded tokens.
 */
import type { Clause } from '../text/clauses';
import { NEGATION, STRONG_REQUEST, TRANSFER_VERBS, findAll, type SecretKind } from './lexicon';

/** Words that leave something out of what is wanted: "I don't need", "apart from", "مش محتاج", "لازم ندارم", "nemikham". */
const EXCLUDES = [
  "(?:i|we) (?:do not|don't|dont|won't|will not|never|really don't) (?:need|want|require)", "(?:i|we)(?:'m| am|'re| are) not (?:asking for|after)", 'no need (?:for|of|to \\S+(?: (?:me|us|over|out|in))?)', "(?:you )?(?:don't|do not|dont|needn't) (?:have|need) to (?:\\S+ )?(?:me|us)?", 'not needed', "don't need", 'dont need',
  'not (?:the|any|your|its)', 'without (?:the|any|your)', 'apart from', 'except(?: for)?', 'other than', 'besides', 'leave (?:\\S+ ){1,4}out', 'skip', 'minus',
  '(?:مش|مو|ما|مب|مانيش|ماني|لا) (?:محتاج|محتاجين|عايز|عاوز|بدي|بدنا|ابي|ابغى|ابغي|نبي|احتاج|نحتاج|لازم|ضروري|داير|حاب|باغي)\\S*', 'ما (?:يلزم|يلزمني|يلزمنا)', 'ما ?عدا', 'من غير', 'بدون', 'سيبك من', 'غير (?:ال)?(?:ارقام|رقم|كود|رمز|عدد)\\S*',
  '(?:لازم|نياز|احتياج) (?:ندار|نيست)\\S*', 'نيازي (?:نيست|ندار)\\S*', 'نمي ?خوا(?:م|يم|هم|هيم|د)\\S*', 'به ?جز', 'جز', 'غير از', 'بدون',
  'nemikha(?:m|ym|im|yam|hm)\\S*', 'lazem (?:nadar|nist)\\S*', 'niaz(?:i)? (?:nadar|nist)\\S*', 'joz', 'bejoz', 'be joz', 'bedoon', 'bedun', 'gheir az', 'msh (?:me7tag|ma7tag|3ayez|3ayz)\\S*', 'mesh (?:me7tag|ma7tag|3ayez|3ayz)\\S*', 'mish (?:me7tag|ma7tag|3ayez|3ayz)\\S*', 'ma (?:baddi|biddi|bddi)\\S*',
];
/** The code spoken of by what it is made of, named or not: "the digits", "الأرقام", "عددشو", "the number itself". */
const DIGITS = [
  '(?:the |any |those |these )?(?:digits|numbers|number|figures|code|codes)(?: itself| themselves)?', '(?:ال)?(?:ارقام|اعداد|رقم|عدد|كود|رمز)\\S*', '(?:عدد|رقم|كد|رمز)\\S*', '(?:adad|ar2am|arqam|ra2am|raqam|code|kod)\\S*',
];

/** Some clause of the reply rules the code (or its digits) out of what the writer asks for. */
export function codeRuledOut(all: Clause[], secrets: (c: Clause) => { kind: SecretKind; at: number }[]): boolean {
  // one scan of the whole reply first: most replies exclude nothing
  if (!findAll(all.map((c) => c.text).join(' '), EXCLUDES).length) return false;
  return all.some((c) => excludesTheCode(c, () => secrets(c)));
}

function excludesTheCode(clause: Clause, secrets: () => { kind: SecretKind; at: number }[]): boolean {
  const ex = findAll(clause.text, EXCLUDES);
  if (!ex.length) return false;
  const code = [...secrets().filter((o) => o.kind === 'otp').map((o) => o.at), ...findAll(clause.text, DIGITS).map((d) => d.at)];
  // the exclusion and the code in one clause, in either order (Persian puts "نمی‌خوام" last)
  return code.some((at) => ex.some((e) => Math.abs(e.at - at) <= 6));
}

const JOKE = [
  '(?<!no )(?:just )?(?:kidding|joking|jk|jking|jokes|j k)', 'not really', '(?:only|just) messing', '(?:only|just) teasing', "(?:i'm|im|i am) (?:only |just )?(?:kidding|joking)", '(?:just )?a joke', 'lol jk',
  '(?:ب|با|عم ب|عم ا|كن|كان|ك)?(?:هزر|هظر|مزح|نكت|نضحك|نقشر|نفلا)\\S*', 'امزح', 'نمزح', 'اهزر', 'شوخي\\S*(?: (?:كردم|مي ?كنم|بود|كردي|كرديم))?',
  '(?:ba|b|bi|3am )?(?:hzar|hazar|7zar|mza7|mzah|mazzah)\\S*', 'kan(?:9|q)ser', 'kandhak', 'sh[ou]{1,2}khi\\S*', 'shokhi\\S*',
];
const DO_THAT = /^(?:(?:ever|actually|really) )?do (?:that|it|this|so)(?: |$)/;
/** A negative word that is itself a hand-over verb: Egyptian "متبعتوش", Arabizi "(ma) tedihash", Persian "نده", "نفرست", "نگو". */
const NEGATED_VERB = /^(?:ما?|و?م)?[تيناب]\S{2,}ش$|^ن(?:ده|دي|فرست|گو|گي)\S*$|^(?:ma|m)?t[a-z0-9]{2,}sh$/u;

/**
 * The clauses a joke takes back: a joke word followed, in the same clause or a later one, by a negated hand-over
 * ("never send those to anyone", "عمرك ما تبعته لحد") takes back its own clause — or, when the joke stands alone
 * ("Send me the PIN! Kidding."), the clause before it. Nothing earlier: a real request two sentences back stays one.
 */
export function retractedByAJoke(all: Clause[]): Set<number> {
  const out = new Set<number>();
  if (!findAll(all.map((c) => c.text).join(' '), JOKE).length) return out;
  for (const [i, c] of all.entries()) {
    const jokes = findAll(c.text, JOKE);
    if (!jokes.length) continue;
    const warnedAfter = all.slice(i).some((w) => {
      const neg = findAll(w.text, NEGATION);
      if (!neg.length) return false;
      const verbs = [...findAll(w.text, STRONG_REQUEST), ...findAll(w.text, TRANSFER_VERBS)];
      // "never send those", "عمرك ما تبعته", or the mock act named by "do that": "Kidding. Please never do that."
      return verbs.some((v) => neg.some((n) => n.last < v.at && v.at - n.last <= 6)) || w.tokens.some((t) => NEGATED_VERB.test(t)) || neg.some((n) => DO_THAT.test(w.tokens.slice(n.last + 1, n.last + 4).join(' ')));
    });
    if (!warnedAfter) continue;
    const aloneInItsClause = jokes.every((j) => j.at <= 1) && c.tokens.length <= jokes[jokes.length - 1]!.last + 3;
    out.add(aloneInItsClause && i > 0 ? i - 1 : i);
    out.add(i);
  }
  return out;
}
