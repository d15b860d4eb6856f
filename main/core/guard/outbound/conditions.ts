/**
 * The ask as a condition of our work (issue #21, round 11): "I can't go on without the code that was sent to you",
 * "تا رمز دوم رو ندی نمی‌تونم کاری انجام بدم", "completion of your request is contingent upon receipt of the one-time
 * passcode", "I'm waiting for you to send the verification code". No request verb governs the secret — the writer
 * states what stops them, and the secret is what would unblock it — so the verb rules never see an ask (and the
 * inability's own negation would cancel one). Three shapes, by role:
 *   - a condition word right before the secret ("without", "until … have", "إلا بعد استلام", "بدون دریافت", "تا")
 *     with the writer's own inability or an impersonal one in the same sentence ("I can't", "ما اگدر", "نمی‌تونم",
 *     "لا يمكن", "امکان … وجود ندارد") — never the reader's ("you can't log in without the code" explains);
 *   - a condition that needs no inability ("contingent upon", "منوط به", "مشروط به", "يتوقف على");
 *   - the writer waiting for it ("I'm waiting for …", "مستني …", "منتظر … هستم").
 * The condition is lifted by the app or the customer's own entry ("contingent upon you entering it in the app"), a
 * negated hand-over ("so please don't send it") or a warning anywhere in the reply.
 */
import { foldLetters } from '../text/clauses';
import { findAll, type Hit } from './lexicon';

const CONDITION = ['without', 'w/o', 'until', 'till', 'til', 'unless', 'except with', 'only (?:with|after|once|when)', 'بدون', 'من غير', 'من دون', 'بغير', 'الا', 'الا بعد', 'الا اذا', 'الا لما', 'الا ما', 'غير لما', 'غير ما', 'الا اما', 'تا زماني كه', 'تا وقتي كه', 'gher lama', 'ghair lama', 'لين', 'لحد ما', 'بلا', 'بلاش', 'تا', 'تا وقتي', 'مگر', 'مگه', 'bedoone', 'bedune', 'bedoon', 'ta', 'ella', 'illa', 'men gheir', 'mn gher', 'bina',
  // round 13: "إذا ما بعتلي", "ila ma 3titinich", "قبل إرسال": a condition on the reader's hand-over verb (never "إذا ما وصلك")
  '(?:اذا|ازا|لو) ما (?:ت|بت)?(?:بعت|بعث|رسل|ارسل|عطي|عطيت|اعطيت|دز|صيفط|قلت|قلتلي)\\S*', '(?:ila|iza|eza|law) ma (?:3ti|3at|a3ti|sif|sef|ba3t|b3at|b3t|rsl|arsal|dez)\\S*', 'قبل (?:ارسال|ما (?:ترسل|تبعت|تبعث)\\S*)'];
/** The condition on something named before: "…the activation code, من غيره مش هقدر", "without it I can't". */
const CONDITION_ON_IT = ['without (?:it|that|them|this|those)', 'بدونه', 'بدونها', 'بدونو', 'بدونش', 'من غيره', 'من غيرها', 'من غيرو', 'من دونه', 'من دونها', 'bedoonesh', 'bedunesh', 'mn ghero', 'men gheiro'];
const CONDITION_ALONE = ['contingent (?:up)?on', 'conditional (?:up)?on', 'dependent (?:up)?on', 'depends (?:up)?on', 'subject to (?:the )?(?:receipt|receiving)', 'upon (?:the )?receipt of', 'pending (?:the )?receipt of', 'منوط (?:به|ب)', 'مشروط (?:به|ب)', 'موكول (?:به|ب)', 'مشروط\\S*', 'منوط\\S*', 'مرهون\\S*', '(?:ي|ت)?توقف (?:على|علي)', 'متوقف\\S* (?:على|علي)', 'بعد (?:استلام|تسلم) (?:\\S+ )?منك\\S*',
  // round 13: "تنها پس از ارسال … امکان‌پذیر خواهد بود": only after it is sent
  '(?:تنها|فقط|صرفا) (?:پس از|بعد از) (?:ارسال|دريافت|فرستادن)\\S*'];
/** The writer's own inability, or an impersonal one ("it is not possible", "لا يمكن"): never the reader's. */
const HALT = [
  "(?:i|we) (?:can't|cant|cannot|can not|won't be able to|wont be able to|will not be able to|am unable to|are unable to|am not able to|are not able to|couldn't|could not|don't have a way to)",
  "(?:i'm|im|we're|were) (?:unable|not able) to", 'unable to (?:proceed|continue|go on|process|complete|help|move|do)\\S*', "(?:it's|it is|it isn't|it's not) (?:not )?(?:possible|feasible)", 'not possible', 'impossible', 'no way',
  '(?:can|could|will)(?:not|n\'t) (?:be )?(?:processed|completed|proceed|continue)\\S*',
  '(?:ما|مش|مو|مب|مانيش|مانقدرش|لا) ?(?:ه|ح|ب|بن|هن|حن)?(?:اقدر|نقدر|قدر|اگدر|نگدر|اكدر|نكدر|اعرف|نعرف|عرف|نستطيع|استطيع|اكمل|نكمل|كمل)\\S*', 'مقدرش', 'مقدرتش', 'مانقدرش', 'ما ?نقدروش', 'مش هينفع', 'ما ينفع', 'ما ?في(?:ني|نا)', 'مش ?قادر\\S*', 'مو ?قادر\\S*', 'ماكو (?:شي|شي ?ء|اي شي)', 'ما ?بيطلع (?:ب|من )?ايدي', 'ما يصير', 'ما يمدي', 'مش هعرف', 'مش حعرف',
  'لا (?:يمكن|يمكنني|يمكننا|نستطيع|استطيع|يتسنى|يتم)\\S*', 'لن (?:نتمكن|اتمكن|يتم|نستطيع|استطيع)\\S*', 'يتعذر\\S*', 'تعذر\\S*', 'غير ممكن', 'مستحيل',
  'نمي ?تونم', 'نمي ?تونيم', 'نمي ?توانم', 'نمي ?توانيم', 'نمي ?شه', 'نمي ?شود', 'امكان\\S* (?:\\S+ ){0,4}?(?:وجود ندارد|نيست|ندارد|نداره)', 'امكان ?پذير نيست', 'مقدور نيست', 'ممكن نيست', 'nemitoonam', 'nemitunam', 'nemishe',
  // "کاری از دستم برنمیاد", "هیچ اقدامی از دست ما برنمی‌آید": nothing is in the writer's hands
  'از دست\\S* (?:\\S+ )?بر ?نمي ?(?:اد|ايد|اييد)', 'kari az dast\\S* bar ?nemiad', 'nothing (?:more )?(?:i|we) can do', "there's nothing (?:more )?(?:i|we) can do", 'there is nothing (?:more )?(?:i|we) can do', 'nothing i can do', 'nothing we can do',
  // round 13: "ma n9derch ndir walou", "کار شما پیش نمی‌رود" (the case does not move)
  'ma (?:n9der|nqder|n9dr|nqdr|ne9der)\\S*', 'پيش نمي ?(?:رود|ره|ره)', 'pish nemire',
  // (round 22) the system's refusal is as impersonal: "السستم ما يقبل الطلب إلا لما تدزلي …", "the system won't accept it unless", "سیستم قبول نمی‌کنه تا"
  '(?:ما|مش|مو|لا|لن|مب) ?(?:ي|ب|بي|ح|هي)?(?:قبل|مشي|كمل|يتم|سمح)\\S*', "(?:won't|wont|will not|doesn't|does not|can't|cannot|would not|wouldn't) (?:accept|process|approve|allow|let)\\S*", 'قبول نمي ?(?:كنه|كند|كنه)', 'نمي ?پذير\\S*',
];
const WAITING = ["(?:i|we)(?: am|'m|m| are|'re| will be|'ll be)? (?:still |just |now )?(?:waiting|awaiting)(?: on| for)?", 'awaiting', '(?:انا |احنا )?(?:مستني|مستنيه|مستنين|منتظر|منتظره|منتظرين|ناطر|ناطره|ناطرين|نستنى|نستنا|بستنى|بستنا|بانتظار|في انتظار|بنستنى)', 'منتظر(?:م|يم)', 'montazer(?:am|im)?', 'mestanni', 'mestany'];
/** The reader's part or the app's: "you can't …", "contingent upon you entering it in the app", "don't send it". */
const LIFTED = ['in (?:the |our |your )?(?:app|application|website|site|portal)', 'yourself', 'by yourself', 'entering', 'typing', 'you enter', 'you type', "don't", 'dont', 'do not', 'never', 'no need', 'needn\'t', 'not needed',
  'في التطبيق', 'بالتطبيق', 'عالتطبيق', 'في الابلكيشن', 'بنفسك', 'تو اپ', 'توي اپ', 'در (?:اپ|اپليكيشن|برنامه)\\S*', 'خودت', 'خودتون', 'لا (?:ترسل|تبعت|تشارك|تعطي)\\S*', 'متبعت\\S*', 'ماتبعت\\S*', 'نفرست\\S*', 'نيازي نيست', 'لازم نيست', 'mat', 'nahi'];
/**
 * The ask as our offer (round 14): "اگه رمزتو بدی همین الان بازش می‌کنم", "if you give me your password I'll open it now" —
 * the reader's hand-over as the condition, the writer's own deed as what follows. A condition whose outcome is not the
 * writer's ("اگه رمزتو به کسی بدی حسابت خالی میشه") warns instead.
 */
const IF_WORD = ['اگه', 'اگر', 'age', 'agar', 'ager'];
const YOU_HAND_OVER = ['(?:بهم |به من |برام |واسم )?(?:بدي|بديد|بدين|بفرستي|بفرستيد|بفرستين|بگي|بگيد|بگين)', '(?:behem |baram )?(?:bedi|bedid|bedin|befresti|befrestid|begi|begid)'];
const WRITER_WILL = ['\\S*(?:مي ?كنم|مي ?كنيم|مي ?دم|مي ?ديم|مي ?زنم|مي ?زنيم)', '\\S*(?:mikonam|mikonim|midam|midim|mizanam)'];
const NOT_US = ['به (?:كسي|هيچ ?كس|اونا|اون|شخص)\\S*', 'be (?:kasi|hichkas)'];

const READER_BEFORE = /(?:^| )(?:you|u|انت|انتي|انتو|حضرتك|شما|تو)(?: (?:are|'re|still|just|r))?$/u;

const compiled = new Map<string[], RegExp>();
function re(entries: string[]): RegExp {
  let r = compiled.get(entries);
  if (!r) {
    r = new RegExp(`(?<=^| )(?:${entries.map(foldLetters).join('|')})(?= |$)`, 'u');
    compiled.set(entries, r);
  }
  return r;
}

/** Clause texts of one sentence around the clause that names the secret: the clause and its neighbours. */
export function conditionedOnTheSecret(clauseText: string, window: string, objects: Hit[]): boolean {
  if (!objects.length || re(LIFTED).test(window)) return false;
  const tokens = clauseText.split(' ');
  const first = Math.min(...objects.map((o) => o.at));
  const before = (hitsOf: Hit[], reach: number) => hitsOf.some((c) => c.last < first && first - c.last <= reach);
  if (before(findAll(clauseText, CONDITION_ALONE), 4)) return true;
  const waiting = findAll(clauseText, WAITING).filter((w) => !READER_BEFORE.test(tokens.slice(0, w.at).join(' ')) && !/^(?:باش|بمان|بمون)/u.test(tokens[w.last + 1] ?? '') && !/^(?:باش|بمان|بمون)/u.test(tokens[objects[0]!.last + 1] ?? ''));
  // "waiting for the system to send you the code": someone else sends it, to the reader
  if (before(waiting, 5) && !/(?:^| )(?:system|bank|server|app|it|they|them|sms)(?: |$)/.test(tokens.slice(waiting[0]!.last + 1, first).join(' '))) return true;
  if (before(findAll(clauseText, CONDITION), 4) && re(HALT).test(window)) return true;
  const last = Math.max(...objects.map((o) => o.last));
  const handed = findAll(clauseText, YOU_HAND_OVER).find((h) => h.at > last && h.at - last <= 2);
  return !!handed && before(findAll(clauseText, IF_WORD), 3) && findAll(tokens.slice(handed.last + 1).join(' '), WRITER_WILL).length > 0 && !re(NOT_US).test(clauseText);
}

/** "…كود التفعيل، من غيره مش هقدر أعملك حاجة": the condition's pronoun takes the secret of the clause before. */
export function conditionedOnIt(clauseText: string, window: string): boolean {
  return re(CONDITION_ON_IT).test(clauseText) && re(HALT).test(clauseText) && !re(LIFTED).test(window);
}
