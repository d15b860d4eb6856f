/**
 * Known fake-support patterns in customers' messages (often a scammer's text the customer forwards or quotes):
 * a "support" number or account that is not official, a fee to upgrade/unlock/verify an account, and
 * "your account is frozen — act now" pressure. Lexicons are folded like all guard text.
 */
import { clauses, foldLetters, normalizeText } from '../text/clauses';
import { readClauseActs, SECRETS, type ActFact } from './acts';
import { registerLexicon } from '../text/words';
import type { GuardPolicy } from '../policy';
import { editDistance } from './confusables';
import { digitsAsTyped } from '../../masking';
import { lazyRegExp, type LazyRegExp } from '../../text/lazy-regexp';
import { TextKeys } from '../../text/literal-gate';
import { tajikInLatin } from '../text/tajik-latin';
import type { MessageReading } from '../text/message-reading';

/** Every entry is a word the reading normaliser may join a wrapped line into (`text/words`), endings free as here. */
const registered = <T>(parts: string[], re: T): T => (registerLexicon(parts, { freeEndings: true }), re);
const AR_CLITICS = '(?:و|ب|ل|ال|وال|بال|لل)?';
/** A Latin word in Arabic text may carry the article: "الremboursement", "الsupport". */
const LATIN_AFTER_ARTICLE = '(?:ال)?';
/**
 * Each part must start a word (Arabic parts may carry a clitic: `والرسوم`); endings are free (`suspend` → `suspended`).
 * One look-behind before all the parts matches what one before each part would, and V8 compiles it many times faster.
 */
const rxOf = (parts: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.map((p) => `${/^[a-z\\\\]/i.test(p) ? LATIN_AFTER_ARTICLE : AR_CLITICS}(?:${foldLetters(p)})`).join('|')})`, 'iu');
const rx = (parts: string[]) => registered(parts, lazyRegExp(() => rxOf(parts), parts.map(foldLetters), (i) => rxOf([parts[i]!])));

/**
 * (round 23) A lexicon kept in pieces, each behind its own literal gate (`gated`): words added for one kind of message —
 * Tajik in Latin letters, Swahili, a round's new class — are tried only on a text that holds their letters, so the
 * traffic without them pays nothing for them (every piece of an alternation is otherwise tried at every position of
 * every text the whole lexicon's gate lets through). Matches what one alternation of all the pieces matches; a direct
 * `test` tries every piece.
 */
class Pieces {
  constructor(readonly pieces: readonly LazyRegExp[]) {}
  test(s: string): boolean {
    return this.pieces.some((p) => p.test(s));
  }
}
type Lexicon = LazyRegExp | Pieces;
const pieces = (...ps: LazyRegExp[]) => new Pieces(ps);

/** Whole words only, no clitic: short words (`تا`, `قالي`) must not match inside others (`تالت`, `بقالي`). */
const wordsOf = (parts: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.map(foldLetters).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
const words = (parts: string[]) => registered(parts, lazyRegExp(() => wordsOf(parts), parts.map(foldLetters), (i) => wordsOf([parts[i]!])));

const SUPPORT_WORDS = pieces(
  rx([
    'support', 'customer (?:service|care|care team)', 'service (?:client|clientele)', 'help ?desk', 'help ?line', 'call cent(?:er|re)', 'hotline', 'agent', 'representative', 'security team', 'fraud team', 'technical team',
    'خدمه (?:ال)?عملاء', 'الدعم', 'دعم فني', 'الدعم الفني', 'مركز الاتصال', 'موظف', 'من الشركه', 'منكم', 'قسم', 'فريق', 'خط ساخن', 'الاداره',
    'پشتيباني', 'خدمات مشتريان', 'مركز تماس', 'كارشناس', 'از طرف شما', 'از شركت', 'اپراتور',
    'poshtibani', 'khedmat el 3omala', 'el da3m',
    // (round 22) Maghrebi "مصلحة الزبائن", Swahili, Tajik (read in Latin: `tajik-latin.ts`)
    'مصلحه (?:ال)?(?:زبائن|زباين|زبناء|زبنا|زبون|عملاء)', 'خدمه (?:ال)?(?:زبائن|زباين|زبناء|زبنا)', 'huduma kwa wateja', '(?:k|x)(?:h)?izmati mizojon\\S*',
    // the company's other desks a stranger borrows: HR, head office, recruiting ("HR daw ng Acme", "دفتر مرکزی")
    'hr (?:department|dept|team|manager|officer|lady|man|guy|person|daw|ng|sa|of|from|at)', 'human resources?', 'head ?office', 'headquarters', 'main office', 'recruit\\S*', 'hiring (?:team|manager)',
    'الموارد البشريه', 'شؤون الموظفين', 'المكتب الرئيسي', 'المقر الرئيسي', 'دفتر مركزي', 'منابع انساني', 'كارگزيني',
  ]),
  rx([
    // (round 23) the desks a notice signs with: "Compliance Department", "Security Office", "Risk Team", "merchant team"
    '(?:compliance|security|risk|fraud|verification|merchant|kyc) (?:department|dept|desk|office|team|unit|services)',
  ]),
  rx([
    // (round 26) the officer or desk a quoted notice sends the reader to: "our security officer", "مسؤول الأمان", Swahili
    // "afisa wetu", "timu ya usalama", Malay "pegawai keselamatan", "pasukan keselamatan"
    '(?:security|fraud|risk|compliance) (?:officer|agent|manager|specialist)', 'مسوول (?:ال)?(?:امان|امن|حمايه|الحمايه|الامان)', 'afisa (?:wetu|wa usalama|usalama)', 'timu ya (?:usalama|huduma)', 'pegawai (?:keselamatan|kami)', 'pasukan (?:keselamatan|sokongan)', 'petugas keamanan',
  ]),
);
/**
 * Someone claiming to be the company or its support: "said they r from EE", "saying he's from your customer care",
 * "قال انه من فودافون", "قلي انا من زين", "قال ليا راه من اتصالات", "goft az poshtibani", "گفت از طرف بانک".
 * The claim is the structure (a verb of saying, an optional "he is / that", then "from"), whoever is named.
 */
const CLAIMS_BY_SAYING = rx([
  "(?:say|said|says|saying|telling(?: me)?|claim(?:s|ed|ing)?|pretend(?:s|ed|ing)?|told me|introduced (?:him|her|them)sel(?:f|ves) as|posing as|posed as)(?: that)?(?: (?:he|she|they|he's|she's|they're|it's|its|hes|shes|theyre|we|we're|it|i|i'm|im))?(?: (?:is|are|was|were|r|am|s|'s|to be))? (?:from|with|calling from|calling on behalf of|on behalf of|an? (?:agent|employee|officer|rep))",
  // (round 23) Iraqi and Gulf "said" with ك or گ: "كال اني من رمان باي"
  '(?:قال|قالي|قلي|قالت|قالتلي|قالو|قالوا|كال|كالي|كالو|گال|گالي|يقول|بيقول|بقول|تقول|بتقول|كيقول|كتقول|يدعي|بيدعي|ادعى|زعم|عرف ?نفسه|قدم ?نفسه)\\S*(?: (?:لي|ليا|لنا|لينا))?(?: (?:انه|انها|انهم|انو|انا|اني|احنا|اننا|بلي|راه\\S*|رانا|راني|هو|هي|هما|هم))* (?:من|مع|تبع|بتاع|ديال|تاع|متاع)(?= |$)',
  // (round 38) the speaker's "I am" and the desk in other words before the company's "of": "كيقول أنا service client ديال Acme",
  // "gal ana l'agent dyal …"
  '(?:قال|قالي|قالت|كال|گال|يقول|بيقول|كيقول|كتقول|كيگول|يگول)\\S*(?: (?:لي|ليا|لنا))? (?:انا|اني|راني|احنا) (?:\\S+ ){1,3}?(?:ديال|تاع|متاع|بتاع|تبع)(?= \\S)',
  '(?:kay(?:qol|9ol|goul|gol|9oul|qoul)|gal|9al|qal)(?: (?:lia|liya|li))? (?:ana|rani) (?:\\S+ ){1,3}?(?:dyal|diyal|dial|ta3|nta3)(?= \\S)',
  // "says he works at / in the bank's service": the claim by the speaker's job, not a "from" ("قالي راهو خدام في الخدمة تاع البنك")
  '(?:قال|قالي|قلي|قالت|قالتلي|قالو|قالوا|يقول|بيقول|كيقول|گال|گالي|گالولي|ادعى|يدعي|بيدعي|زعم)\\S*(?: (?:ال)?(?:متصل|شخص|رجل|راجل|واحد))?(?: (?:لي|ليا|انه|انها|انو|بلي|راه\\S*|هو|هي|انا|اني))* (?:(?:ي|كي|بي|بي?ت|ت)?(?:خدم|شتغل)\\S*|خدام\\S*|شغال\\S*|موظف|كيخدم) (?:في|ف|ب|بال|فال|مع|عند|لدى|لدي)(?=\\S* |$)',
  "(?:said|says|saying|told me|claimed|claims)(?: that)? (?:he|she|they|he's|she's|they're|i) (?:work|works|worked|working|is working|was working) (?:at|for|in|with)",
  // Arabizi "says he works at the bank": 2alli enno byeshteghel bel bank, bi2ol ino bishtighil bil
  '(?:2al|2alli|2ali|bi2ol|bey2ol|ye2ol|qal|qalli|gal|galli)\\S*(?: (?:eno|enno|inno|innu|ino|ana|howa|huwe))* (?:bi|b|by|bey|bye|y|ye|ya)?(?:shtegh|shtagh|shtigh|khdem|khdam|sh8l|shghl)\\S* (?:bel|bil|fel|fil|f|b|ma3|3and|in|at)(?= |$)',
  // a third person's identity stated beside their number: "…and said call me when you wake up, he's from the bank"
  "(?:he|she|they)(?:'s|s| is| are|'re| was| were) (?:from|with) (?:the|your|ur) (?:\\S+ )?(?:bank|company|support|fraud|security|customer|head office|courier)",
  // reported speech in the first person: "he goes I'm from the fraud team", "she was like we are calling from"
  "(?:goes|went|was like|is like|starts|started)(?: like)?,? (?:i'm|im|i am|we're|we are|this is|it's) (?:\\S+ )?(?:from|with|calling from|calling on behalf of)",
  '(?:گفت|گفتن|گفتند|مي ?گفت|ميگفت|مي ?گه|ميگه|خودش ?رو معرفي كرد|معرفي كرد)\\S*(?: (?:كه|من|ما|اونا|او|بود|بودن|بودند))* (?:از(?! (?:اپ|اپليكيشن|برنامه|سايت|طريق|شعبه)(?![\\p{L}]))|كارمند|كارشناس|اپراتور|نماينده|from)(?= |$|\\S)',
  '(?:goft|goftan|gofte|mige|migoft|guft|guftand|meguyad|meguft)\\S*(?: (?:ke|ki|man|ma|mo|bud|budan))* (?:az|karmand|karshenas|korman\\S*|namayand\\S*)(?= |$)',
  // (round 34) French "saying he is from": "disant qu'il est du service remboursement", "en disant qu'elle travaillait chez",
  // "se disant de", "prétendant être de" ("il m'a dit de payer" orders, it claims nothing: "dit" needs its "qu'il est")
  "(?:disant|pretendant|affirmant)(?: (?:qu'|que )?(?:il|elle|ils|elles|c'est|c'etait)\\S*)?(?: (?:est|etait|sont|etaient|etre|travaill\\S*|appel\\S*))? (?:du|de la|des|d'|chez)(?= |$|\\S)",
  "(?:dit|disait|a dit|m'a dit|affirme|pretend)(?: (?:qu'|que )(?:il|elle|ils|elles|c'est|c'etait)\\S*) (?:est|etait|sont|etaient|travaill\\S*|appel\\S*) (?:du|de la|des|d'|chez|pour)(?= |$|\\S)",
  // (round 22) Swahili "saying he is of/from": akisema ni wa huduma kwa wateja, alisema anatoka
  '(?:a|wa)(?:li|ki|na)?sema (?:kwamba |kuwa )?(?:yeye |wao )?(?:ni|anatoka|wanatoka) (?:wa|kutoka)(?= |$)',
  // (round 22) a caller introducing themselves, Maghrebi "you're with Mustafa from …" (معاك مصطفى من مصلحة الزبائن)
  '(?:معاك|معك|معاكم|معكم) (?:\\S+ ){1,2}(?:من|تاع)(?= |$)',
  // the claim by a copula, a name after it: "saying it is Zaytun", "said they were the bank" (not "saying it is urgent")
  "(?:saying|says|said|claiming|claims|claimed)(?: that)? (?:it|this|he|she|they|we)(?:'s| is| was| are| were| r) (?!(?:urgent|important|about|not|a|an|my|me|ok|okay|fine|done|free|real|true|late|expired|blocked|closed|frozen|suspended|locked|pending|ready|over|time|possible|necessary|required|valid|invalid|safe|correct|wrong|due|last|final|going|coming|for|because|to|too|very|so|just|still|only|already|in|on|at|gone|broken|down|up|better|worse|sorry|my)(?![\\p{L}]))[a-z]{3,}",
  '(?:قال|قالو|قالوا|بيقولوا|بيقولو|بيقول|يقولون|يقولو|يقول|تقول|بتقول|قالت|كيقولو)\\S* (?:لي |ليا )?(?:انهم|انه|انها|انو|احنا|اننا) (?!(?:مش|مو|ما|لا|لن|لم|رح|راح|سوف|غادي)(?![\\p{L}]))(?![هحيبتسن])\\S{3,}',
  '(?:مي ?گه|ميگه|مي ?گن|ميگن|گفت|گفتن|نوشته) (?:\\S+ ){0,3}?(?:هستيم|هستم)(?= |$)',
  // (round 37) …and in Finglish: "goft poshtibani acme hastam"
  '(?:goft|goftan|goftand|mige|migan|migoft|nevesht\\S*) (?:\\S+ ){0,3}?(?:hastam|hastim|hastesh)(?![\\p{L}])',
  // (round 38) …or a desk's word and the company with the copula "e" / "ast": "goft poshtibani acme e", "goft vahede bazpardakht acme e"
  '(?:goft|goftan|goftand|mige|migan|migoft)(?: ke)?(?: az)? (?:poshtibani|vahed\\S*|bakhsh\\S*|karmand\\S*|namayande\\S*|edare\\S*|support) (?:\\S+ ){0,3}?(?:e|ast|hast|hastesh|hastan)(?![\\p{L}])',
  '(?:2al|2aly|2ali|bey2ol|beyi2ol|ye2ol|2alo|2alli)\\S*(?: (?:eno|enno|enha|ana|howa))* (?:men|mn|min)(?= |$)',
  // Darija Arabizi "kaygolo rahom mn Inwi", "galo liya rah mn": they say they are from
  '(?:kay|ka|k)?(?:g|9|q|2)(?:o|ou|a)l\\S*(?: (?:lia|liya|lina|lya))?(?: (?:rahom|rah|rahou|rahoum|rana|rani|rahi|bli|blli|belli))+ (?:mn|men|min|m3a|dyal)(?= |$)',
  // Arabizi "say" in any person and aspect by its shape: y2elle, bi2ol, 3am t2oul, qalli, galet
  // (round 29) …its vowel before the hamza too: Egyptian "beyo2ol eno men", "biyo2ol"
  '(?:3am |ra7 |ha )?(?:(?:bi|bey|be|b)(?:y|t|n)?|y|t|n)(?:i|e|o)?(?:2|q|g)(?:o|ou|oo|e|i|ee)l\\S*(?: (?:eno|enno|enha|ana|howa|inno|innu))* (?:men|mn|min)(?= |$)',
]);
const CLAIMS_TO_BE_FROM = pieces(
  CLAIMS_BY_SAYING,
  // (round 24) "your representative on WhatsApp", "المندوب بتاعكم اللي على الواتس", "مندوبكم": a stranger called ours by the customer
  // (round 26) a caller's claim transcribed in Latin letters: Punjabi "kehnda Sanabel toh aa", Urdu "keh raha tha main Acme
  // se bol raha hoon", Hindi "bola Acme se hai", Bengali "Acme theke bolchi", Hausa "yace daga Acme yake", Somali
  // "waxaan ka socdaa Acme", Pashto "da Acme na yam", Pidgin "say he dey from Acme"
  rx([
    '(?:kehnda|kehndi|kehnde|kenda|kendi|kehta|kehti|kehte|keh (?:raha|rahi|rahe)|kah (?:raha|rahi)|bola|boli|bole|bolta|bolti|bataya|btaya)(?: (?:tha|thi|the|si|sa|ki|ke|k|ke wo|ki wo|ke woh|ki woh|main|mai|mein|me|wo|woh|oh|o|ae|hai|hain))* \\S{1,24}(?: (?:ke|ki|ka|de|da|di)(?: \\S{1,24}){1,3})? (?:toh|ton|tun|to|se|sey|say|valeya|waleya|wale|wala|vale|vala)(?: (?:aa|aan|haan|han|hai|hain|hoon|hun|hu|bol))(?![a-z])',
    '(?:main|mai|mein|me|asi|assi|hum|ham) \\S{1,24} (?:toh|ton|se|sey) (?:bol|gal) (?:raha|rahi|rahe|reha|rehi|riha)',
    // (round 28) reported after "ke": "call aayi ke main Acme head office se hoon"
    '(?:ke|ki|k) (?:main|mai|mein|hum|ham) \\S{1,24}(?: \\S{1,24}){0,3} (?:se|sey|say) (?:hoon|hun|hu|hain|bol raha|bol rahi)(?![a-z])', '(?<![\\p{L}\\p{N}])[\\p{L}\\p{N}]{2,24} (?:theke|thekey|theika) (?:bolchi|bolchhi|bolchilam|bolchen|bolche|phone korchi|call korchi|esechi)',
    '(?:ya|ta|sun|na)? ?(?:ce|yace|tace|suka ce|sunce) (?:shi |ita |su )?daga', 'daga \\S{1,24} (?:yake|take|suke|nake)(?![a-z])', '(?:waxaan|wuxuu|waxay|wuxuu yiri waxaan) ka (?:socdaa|socda|yimid|imid|shaqeeyaa)',
    'da \\S{1,24} (?:na|ne|nah) (?:yam|yem|yu|yo|yi)(?![a-z])', '(?:say|sey|talk say) (?:he|she|dem|im|e) (?:dey|de|don|come) (?:from|for)(?![a-z])',
  ]),
  // (round 31) a call or number that wore the company's name: "which presented itself as Zajel", "the caller ID said Zajel",
  // "اتصال من رقم … باسم زاجل" (not a number "registered in the name of" someone), "called my mother as Zajel"
  rx(['(?:presented|introduced|identified|showed|shown|displayed) (?:it|him|her|them)sel(?:f|ves) as', '(?:caller ?id|truecaller|the screen) (?:said|says|showed|shows|read)', '(?:اتصال|مكالمه)(?: من)?(?: (?:ال)?رقم)?(?: (?!(?:مسجل|مسجله|مسجلين)(?![\\p{L}]))\\S+)? باسم', '(?:called|rang|phoned|texted|messaged) (?:\\S+ ){1,2}?as (?!(?:soon|well|if|usual|always|before|promised|agreed|a |an )(?![\\p{L}]))', "(?:told|telling) (?:me|us|her|him)(?: that)? (?:they|he|she)(?:'re| are| were| was| is|'s) (?!(?:not|going|coming|sorry|busy|closed)(?![\\p{L}]))\\S{3,}(?: \\S+)? (?:agents?|employees?|staff|reps?|representatives?|officers?|team)"]),
  rx(['(?:your|ur) (?:agent|rep|representative|courier agent|field officer|staff member)(?: (?:on|from|at|via|who|that))', '(?:ال)?مندوب\\S* (?:\\S+ )?(?:بتاعكم|تبعكم|حقكم|عندكم|منكم|تاعكم|تبعكن|مالكم)', 'مندوبكم', 'مندوبينكم', 'نماینده (?:\\S+ )?(?:شما|تون)', 'agen (?:kalian|anda)']),
);
/** (round 31) A text message with its sender named ("SMS from Zajel says call …", "a text from NourNet"): a notice's voice. */
const SMS_FROM = rx(['(?:sms|text|txt|message|msg|texto) (?:from|frm) \\S{2,24}', '(?:رساله|مسج|مسيج)(?: نصيه| sms)? (?:من|مِن|باسم) \\S{2,24}', '(?:پيامك|پيام|اس ?ام ?اس) (?:از|از طرف) \\S{2,24}']);
/**
 * (round 34) A number someone else passes off as the company's, in a group chat, an ad or a post: "someone posted 0551… as
 * the Acme number", "shared … as your hotline", "به عنوان شماره پشتیبانی گذاشته", "نزّل الرقم … على انه رقم الشركة" (the
 * customer's own "I saved it as …" is not someone's).
 */
const NUMBER_PASSED_AS_OURS = rx([
  "(?<!(?:^|[^\\p{L}])(?:i|we|i've|i have) )(?:posted|shared|sent|gave|put|wrote|listed|advertised|dropped|forwarded|posts|shares)(?: \\S+){0,4}? as (?:the |your |ur |their |its |an? |the official )?(?:\\S+ ){0,2}(?:number|no|line|hotline|helpline|customer service|support|contact|whatsapp)(?![a-z])",
  '(?:به ?عنوان|بعنوان) (?:\\S+ ){0,2}?شماره (?:\\S+ )?(?:پشتيباني|شركت|رسمي|خدمات)',
  '(?:على|علي) (?:انه|اساس انه|اساس) (?:ال)?رقم (?:ال)?(?:شركه|خدمه|دعم|رسمي)',
  // (round 36) someone said the number is our helpline: "гуфтанд хатти ёрии … ин аст: +992 …" (read in Latin), "قالوا لي خط
  // المساعدة حق … هو +971 …", "they said the Acme helpline is …"
  '(?:guftand|guft|navisht\\S*|goftan|goftand|گفتن|گفتند|گفت|قالوا|قالو|قالولي|قالي|قال|they said|he said|she said|told me)(?: \\S+){0,3}? (?:(?:the |your |its |their )?(?:help ?line|hot ?line|support line|customer (?:care|service) (?:line|number))|khatti (?:yori|dastgiri|madad)\\S*|raqami (?:yori|dastgiri|khizmat)\\S*|خط (?:ال)?(?:مساعده|دعم|ساخن|خدمه العملاء)|(?:خط|شماره) (?:پشتيباني|امداد)|رقم (?:ال)?(?:مساعده|دعم|خدمه العملاء))',
]);
/** "Call this number", "به این شماره زنگ بزن", "اتصل على هذا الرقم": a number the message itself tells the reader to use. */
const CALL_THIS_NUMBER = rx([
  // (round 38) …on a condition, the loss before it: "my line stops today unless I ring 0788 412 905", "if you don't call 0796 …"
  '(?:unless|if (?:you|u|i) (?:do not|don.t|dont|didn.t)|or else|otherwise) (?:you |u |i )?(?:call|ring|dial|phone|contact|text|whatsapp)(?: (?:us|them|back))?(?: (?:on|at))? ?[+\\d][\\d -]{6,18}\\d',
  // "call 0912… to claim", "contact officer Musa on 0803…": a number the message tells the reader to call for something
  '(?:call|ring|dial|whatsapp)(?: us| them| him| her)?(?: (?:on|at|now|immediately|urgently|back))* [+\\d][\\d -]{6,18}\\d (?:to|for|now|immediately|urgently|asap)(?= |$)', 'contact (?:officer|agent|mr|mrs|ms|madam|sir) \\S+',
  // the number a message came with, called: "I called the number that came in the SMS", Hinglish "SMS mein aaye number … pe call kiya"
  '(?:number|no) (?:that |which )?(?:came |was )?(?:in|from) (?:the|that|this|a|their) (?:sms|text|message|msg)', 'sms (?:mein|me|mai|mei|wale?) (?:\\S+ )?(?:number|no)',
  '(?:call|ring|contact|text|whatsapp|message|dial)(?: us| them| him| her)?(?: (?:on|at))? (?:this|that|the following|the below|the number below)(?: number| no| line)?',
  '(?:اتصل|كلم|تواصل|رن|اتصلي|كلمي|تواصلي)\\S* (?:\\S+ )?(?:هذا|هاد|هادا|ده|دا|هاي|هيدا) ?(?:ال)?رقم',
  '(?:به |با )?(?:اين|همين|اي|همي) ?شماره\\S* (?:\\S+ )?(?:زنگ|تماس|پيام)',
  'be in shomare (?:zang|tamas)',
  '(?:با|به) شماره\\S* [+\\d][\\d -]{6,18}\\d (?:\\S+ )?(?:تماس|زنگ)', '(?:ba|be) shomare\\S* [+\\d][\\d -]{6,18}\\d (?:tamas|zang)',
  '(?:اتصل|اتصلوا|اتصلي|كلمنا|كلمونا|تواصل|تواصلوا|تواصلي)(?:و|وا|ي)? (?:على|علي|ب|بال)(?:رقم)? ?[+\\d][\\d -]{6,18}\\d',
  // (round 26) in Latin letters: Punjabi/Urdu/Hindi "ehna number te call karo", "is number pe rabta karein", Bengali "ei
  // number e call korun", Hausa "kira wannan lambar", Tagalog "tawagan … itong number", Somali "wac lambarkan", Pashto "pa
  // de number zang wuha", Gulf Arabizi "kallim hal ragam"
  '(?:is|iss|es|ehna|ehnu|ehe|eh|ye|yeh|ei|ai|ay|ei) (?:number|no|nambar|numbar|nomber|nmbr)(?: (?:pe|par|te|tay|tey|e|ey|pay|ch|me|mein))? (?:call|phone|fon|rabta|gall|baat|contact|whatsapp|msg|message|sms)',
  'kira (?:wannan|wancan|wannna) (?:lamba|lambar|number)', 'tawagan (?:\\S+ ){0,3}?(?:itong|ito|yung|ang) (?:number|numero)', 'wac (?:lambarkan|lambarka|numberkan)', 'pa (?:de|dey|da) (?:number|numbar|shmera) (?:zang|call)',
  '(?:kallim|kalim|kalem|etasel|ettasel|dig|dg) (?:hal|hatha|hatha el|hada|hada el|el) ?(?:ragam|rakam|raqam|ra8am|ra2am|number)',
]);
/**
 * (round 26) "Quickly, right away" in the languages a caller's order is transcribed in (Punjabi, Urdu, Hindi "jaldi",
 * "fauran", "turant"; Hausa "da sauri"; Tagalog "agad"; Gulf Arabizi "bsor3a"; Somali "si degdeg ah"; Bengali
 * "taratari"; Pashto "zher"; Pidgin "sharp sharp") — pressure when a claimed caller adds "or else" (below).
 */
const RIGHT_AWAY = rx([
  'jaldi', 'jldi', 'fauran', 'foran', 'fouran', 'turant', 'turat', 'fatafat', 'abhi ke abhi', 'da sauri', 'maza maza', 'agad', 'kaagad', 'bsor3a', 'b ?sor3a', 'besor3a', 'bsur3a', 'fawran',
  'si degdeg', 'degdeg', 'dhakhso', 'taratari', 'tara tari', 'ekhuni', 'zher', 'zhar', 'sharp sharp', 'quick quick', 'immediately', 'right away', 'right now', 'asap', 'urgently', 'at once',
  'فورا', 'بسرعه', 'حالا', 'فوري', 'سريعا', 'هالحين', 'tout de suite', 'immediatement', 'haraka', 'mara moja', 'segera',
]);
/** Parts that must end right before a number (`endsBefore(parts).test(textBeforeTheNumber)`). */
const endsBeforeOf = (parts: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.map(foldLetters).join('|')})\\s*[:#-]?\\s*$`, 'iu');
const endsBefore = (parts: string[]) => registered(parts, lazyRegExp(() => endsBeforeOf(parts), parts.map(foldLetters), (i) => endsBeforeOf([parts[i]!])));
/**
 * The number a stranger reached the customer FROM: "a man called me from 0813…", "un monsieur m'a appelé du 06…", "az
 * shomare 0902… zang zad", "اتصل بيا واحد من …", "الرقم اللي اتصل منه كان …", "kan bi7aki mn 079…". Beside any word
 * of ours (a claim, a support word, the brand) it is a fake number even without "call it back".
 */
/**
 * (round 30) Someone who passes themself off as a person — the customer to a relative, or us to the customer: "someone
 * claiming to be you called my mother", "phoned my aunt saying he was me", "posing as me", "گفته من هستم", "قال لأمي إنه
 * أنا", "2alha enno ana": a caller's identity claimed, whoever it names, makes the number in its sentence theirs.
 */
const IMPERSONATES = rx([
  // (round 38) Russian and Tajik, as the reading spells them: "сказали что из Acme", "гуфтанд аз Acme ҳастанд"
  '(?:skazal\\S*|predstavil\\S*)(?: chto)? (?:oni |on |ona )?(?:iz|ot) ', 'guftand (?:ki )?az \\S+ (?:hastand|hast|mebosham|hastem)',
  '(?:claim(?:s|ed|ing)?|pretend(?:s|ed|ing)?|pretendin) to be(?! (?:from|with|calling|a |an |the |on behalf)(?![a-z]))', '(?:posing|posed|poses|pose) as(?! (?:a |an |the )?(?:customer|client|buyer)(?![a-z]))', 'impersonat\\S*',
  "(?:said|saying|says|sayin|told (?:her|him|them|my \\S+))(?: that)? (?:he|she|they)(?: (?:is|was|were|are)|'s|s) (?:me|you|u)(?![a-z])",
  '(?:گفته|گفت|گفتن|گفتند|گفته بود)(?: (?:كه|به \\S+))? (?:من|منم|خود من) (?:هستم|است|ام|هست|بودم)?',
  '(?:قال|قالها|قالهم|قاله|قالتلها|قالها|قالهن|قالّها|ادعى|ادعت|يدعي|بيدعي)\\S*(?: (?:ل\\S+|ان|إن))? (?:انه|انو|انها|إنه|إنو) (?:انا|أنا|انت|انتم)(?![\\p{L}])', 'انتحل\\S*', 'عامل نفسه (?:انا|أنا)',
  '(?:2al|2alha|2alo|2alloh|2allaha|2alelha|2alelhom|gal|galha)\\S*(?: (?:le|li)\\S*)? (?:enno|eno|inno|ino|ino|inu|enha) (?:ana|howa ana|enta|ento)(?![a-z])',
]);
/** (round 30) A call or message from the number that follows: "phoned my aunt from", "با شماره", "من رقم", "men raqam". */
const CALLED_FROM_IT = /(?:(?:call(?:ed)?|rang|ring|phoned|texted|messaged|whatsapped|got a call|a call) (?:\S+ ){0,3}?(?:from|on|with)|(?:po)?zvonil\S* (?:\S+ ){0,2}?s(?: (?:nomera|nomer))?|napisal\S* (?:\S+ ){0,2}?s(?: (?:nomera|nomer))?|(?:از|با) (?:\S+ )?شماره|(?:من|مِن|على) (?:ال)?رقم|(?:men|mn|min|mel) (?:el |l)?(?:raqam|ra2am|rakam|nemra))(?: (?:the|a|this|number|no\.?|his|her))*[\s:]*$/iu;
const CALLERS_NUMBER = endsBefore([
  '(?:called|rang|phoned|texted|messaged|whatsapped|dialled|dialed|contacted|reached) (?:me|us)(?: \\S+){0,2}? (?:from|on|using|with)(?: (?:the|a|an|this|his|her|their|number|no\\.?|phone|line|mobile|cell))*',
  // Pidgin and texting keep the verb bare: "one guy call me with 0813…" ("call me on" stays the customer's own request)
  '(?:call|ring|flash|text) (?:me|us) (?:with|from)(?: (?:the|a|this|number|no\\.?))*',
  '(?:a|the|one|two|missed) (?:call|calls|text|sms|message|whatsapp)(?: \\S+){0,2}? from(?: (?:the|a|this|number|no\\.?))*',
  "(?:his|her|their|the caller's|the guy's|the man's|the lady's) (?:number|no|phone|line|whatsapp)(?: (?:is|was|=))?",
  "m' ?(?:a|ont) (?:\\S+ )?(?:appel\\S*|contact\\S*|ecrit|écrit|text\\S*|envoy\\S*)(?: \\S+){0,2}? (?:du|depuis le|depuis|de|avec le|au)(?: num[ée]ro)?",
  '(?:un )?(?:appel|sms|message)s? (?:du|depuis le|de la part du)(?: num[ée]ro)?',
  // (round 27) the number the caller gave or left to call back: "il m'a donné un numéro de rappel officiel :", "m'a laissé
  // son numéro pour rappeler"
  "m' ?(?:a|ont) (?:donn|laiss|pass)\\S* (?:un|le|son|leur|ce) (?:\\S+ ){0,2}?num[ée]ro(?: \\S+){0,4}?",
  '(?:از|با) (?:(?:يه|يك) )?شماره\\S*', '(?:az|ba) (?:ye )?shomare\\S*',
  '(?:اتصل|اتصال|مكالمه|كلم|رن|دق|اتكلم|بعت|راسل|تواصل)\\S*(?: \\S+){0,2}? من(?: (?:ال)?(?:رقم|نمره)\\S*)?',
  '(?:ال)?(?:رقم|نمره)\\S* (?:(?:اللي|الي|يلي|الذي) (?:\\S+ ){0,2})?(?:كان|كانت|هو)', '(?:و)?(?:رقمه|رقمها|رقمهم|نمرته|نمرتو|رقمو)(?: (?:كان|هو))?',
  '(?:bi7aki|7aki|7akani|7akeni|kalemni|kallemni|kalamni|etasal|ettasal|rannli|dara2|b3atli|ba3atli|sift|sifet|sayft|siftou|siftlia)\\S*(?: \\S+){0,2}? (?:mn|men|min|from)',
  '(?:ra2mo|ra2mu|nemreto|nemrto|raqmo)(?: (?:kan|howa))?',
  // (round 25) Dari and Persian "his number": "نمبرش ۰۵۵ … است", "شماره‌اش"
  'نمبرش', 'نمبر ?اش', 'شماره ?اش', 'شمارش', 'nambarash', 'shomarash',
]);
/**
 * (round 28) A number the customer took from a social-media page that wears our name: "the number written on your
 * Facebook page", "الرقم المكتوب بصفحتكم بالفيسبوك", "شماره‌ای که توی صفحه اینستاگرامتون نوشته بود" — where the person at it
 * asked for a secret or was given one, the page is a fake one (our published lines never ask for one).
 */
const SOCIAL_PAGE_NUMBER = pieces(
  rx([
    '(?:number|no\\.?|line|phone)(?: \\S+){0,3}? (?:on|from|in|at) (?:your|ur|the|their|a|ur official|your official) (?:facebook|fb|instagram|insta|ig|tiktok|telegram|twitter|x|snapchat)(?: page| account| profile| channel)?',
    '(?:الرقم|رقم|النمره|نمره)\\S*(?: (?:اللي|الي|يلي|الذي|المكتوب|الموجود|المذكور|المنشور|مكتوب|موجود))* (?:\\S+ )?(?:في|على|ب|بال|فال|ع|عال|من)? ?(?:ال)?(?:صفح|بيج|حساب|اكونت)\\S*(?: \\S+)? (?:في|على|ب|بال|فال|ع|عال)? ?(?:ال)?(?:فيس\\S*|انستا\\S*|انستغرام|انستقرام|تيك ?توك|تلغرام|تويتر)',
    '(?:شماره|نمبر)\\S*(?: \\S+){0,4}? (?:صفحه|پيج|اكانت|حساب)\\S* (?:\\S+ )?(?:اينستا|انستا|فيسبوك|فيس ?بوك|تلگرام|تيك ?تاك)\\S*',
  ]),
);
/** (round 28) …and what shows the person at it took a secret: asked for one, or was told or given one. */
const GIVEN_TO_THEM = /(?<![\p{L}])(?:gave|told|sent|read|(?:و|ف)(?:طلب|بغا|خواست)\S*|قلتل\S*|كتل(?:ه|و|ها)|گلتل\S*|عطيت\S*|اديت\S*|دزيت\S*|بعتل\S*|گفتم|دادم|فرستادم)(?![\p{L}])/u;
/** (round 26) A chat app named right before a number: "on WhatsApp +44 …", "على الواتساب ‎+44 …", "در واتساپ +90 …". */
const CHAT_BEFORE = endsBefore(['(?:on|via|at|in|through|di|kwa|sa) (?:whats ?app|telegram|viber|signal)', '(?:ع|عل|على|علي|عبر|في|ب|بال|ع ال) ?(?:ال)?(?:واتساب|واتس اب|واتس|تلغرام|تلجرام|تليجرام|فايبر)', '(?:در|تو|توي|به|با) (?:واتساپ|واتس اپ|تلگرام)', 'whats ?app', 'واتساب', 'واتساپ']);
/** (round 16) A wallet someone names to send money to: "حولهم على محفظة رقم 09…", "transfer it to wallet number …". */
const WALLET_BEFORE = endsBefore(['(?<!(?:my|our) (?:e-?)?)(?:محفظه|wallet|e-?wallet|كيف ?پول)(?: (?:رقم|number|no\\.?|شماره))?']);
/**
 * (round 25) A contact the scam's text gives in more words: "call our 24/7 line …", "به این نمبر واتساپ پیام بدهید …",
 * "ابعتلو الرمز يلي رح يجيك على الواتس على الرقم …", "dikirim menyang WA …", "ohereza code kuri WhatsApp …", "woo ci
 * numéro bii …" — an order to the reader, so the number after it is nobody's own ("… على رقم" alone reads as the customer's)
 */
const CONTACT_GIVEN = endsBefore([
  '(?:call|ring|dial|contact|text|whatsapp|message) (?:our|the) (?:\\S+ ){0,2}?(?:line|hotline|helpline|number|team|desk)',
  '(?:به|با) (?:اين|همين|اي|همي) (?:نمبر|شماره)(?: \\S+){0,2}? (?:پيام|زنگ|تماس|مسيج)(?: \\S+)?',
  '(?:ابعت|تبعت|بعت|ارسل|ترسل|ابعث|تبعث)\\S* (?:\\S+ ){0,8}?(?:على|ع) (?:ال)?(?:واتس\\S*|رقم)(?: (?:على|ع) (?:ال)?رقم)?',
  '(?:dikirim|kirim|kirimkan|kirimno) (?:\\S+ ){0,3}?(?:menyang|ke|nang) (?:wa|whatsapp|nomer|nomor)', '(?:ohereza|wohereza) (?:\\S+ ){0,3}?kuri (?:whatsapp|nimero|numero)', '(?:woo|woowal|bind) ci (?:numéro|numero|nimero)(?: bii)?',
]);
/**
 * A message the customer got that tells them to call a number: "Call our fraud desk on …", "please call us back on …",
 * "اتصل فوراً على …", "للاستفسار: …", "جهت پیگیری با … تماس بگیرید". The verb opens its clause (an order, not "I tried
 * to call you on"); the customer's own "call me on" is theirs, as everywhere.
 */
const CALL_US_ON = pieces(
  endsBefore([
    '(?:اتصل|اتصلوا|اتصلي|تواصل|تواصلوا|تواصلي|كلمنا|كلمونا|راسلنا|راسلونا)(?: \\S+){0,2}? (?:على|علي|ب|عبر)(?: ?(?:ال)?رقم)?',
    // (round 31) the order reported by its verbal noun: "رسالة … تطلب الاتصال على …" (a notice's own "يرجى الاتصال" is
    // how companies write too, and is left to the other rules)
    '(?:تطلب|يطلب|تطالب|يطالب)(?: \\S+)? (?:ال|بال)?اتصال (?:على|علي|ب|عبر)(?: ?(?:ال)?رقم)?',
    '(?:لل|ل)(?:استفسار|استعلام|تواصل|اتصال|مزيد|دعم)\\S*(?: \\S+){0,2}?', "(?:for|pour) (?:enquiries|inquiries|info|more info\\S*|assistance|help|questions|toute question|plus d'informations|renseignements)(?: (?:call|appelez))?",
    '(?:جهت|براي) (?:پيگيري|اطلاعات|استعلام|تماس|كسب اطلاعات)(?: \\S+){0,2}?(?: با)?', '(?:تماس|زنگ) (?:بگيريد|بزنيد|بگير|بزن) (?:با|به)(?: شماره\\S*)?', '(?:tamas|zang) (?:begirid|bezanid|begir|bezan) (?:ba|be)(?: shomare\\S*)?', 'appelez(?:-nous)?(?: \\S+){0,2}? (?:le|au)',
  ]),
  // (round 24) a quoted text speaking as the company ("our team", "فريقنا", "tim kami", "aming team", "ekibimizi") sends
  // the reader to a number: "if this wasn't you call our team on 0141 …", "اتصل بفريقنا على", "hubungi tim kami di"
  endsBefore([
    '(?:call|ring|phone|contact|text|whatsapp|reach|dial) (?:our|us at our) (?:\\S+ ){0,2}?(?:team|desk|department|dept|cent(?:er|re)|line|helpline|hotline|support|agents?|staff|office)(?: \\S+)? (?:on|at|via)',
    '(?:hubungi|telepon|telfon|kontak|hubungilah) (?:\\S+ ){0,2}?(?:kami|tim kami|cs kami)(?: \\S+)? (?:di|ke|via)', '(?:tawagan|i-?text|kontakin) (?:ang |si )?(?:aming|ang aming) (?:\\S+ ){0,2}?sa',
    '(?:ekibimizi|bizi|müşteri hizmetlerimizi|hattımızı)', '(?:بفريقنا|بفريق(?: \\S+){0,2}?نا|بخدمه عملائنا|مع فريقنا|بنا)(?: \\S+){0,2}? (?:على|علي|عبر)(?: ?(?:ال)?رقم)?',
    '(?:با|به) (?:تيم|واحد|بخش|پشتيباني) (?:\\S+ )?ما (?:به|با|از) ?(?:شماره\\S*)?', '(?:piga|wasiliana na) (?:simu )?(?:kwa )?(?:timu yetu|sisi|\\S+ agent|agent|wakala)(?: \\S+)?(?: kwa| kupitia)?',
    '(?:kira|kiran) (?:\\S+ )?(?:mu|tawagarmu|ma.aikatanmu)(?: a| ta| kan)?', '(?:ہماری|hamari) (?:ٹیم|team) (?:\\S+ )?(?:سے|se)',
  ]),
  endsBefore([
    // (round 23) the order reported: "they ask me to telephone …", "told us to call them on …"
    '(?:ask|asks|asked|want|wants|wanted|told|tell|tells) (?:me|us) to (?:call|ring|phone|telephone|dial|contact|whatsapp|text)(?: (?:them|him|her|us|back))?(?: (?:on|at|via))?',
  ]),
  CONTACT_GIVEN,
);
/**
 * (round 25) The reader sent back to the number the message came from: "وللاستفسار تواصل مع نفس الرقم", "reply to this same
 * number", "با همین شماره تماس بگیرید" — every number in such a message is the scam's contact.
 */
const CONTACT_SAME_NUMBER = rx([
  '(?:تواصل|اتصل|راسل|كلم|رد)\\S* (?:\\S+ )?(?:نفس|ذات) (?:ال)?(?:رقم|نمره)', '(?:call|contact|text|reply to|message|whatsapp) (?:back )?(?:on |to |at )?(?:the |this )?same number', '(?:با|به) (?:همين|همون) (?:شماره|نمبر) (?:تماس|پيام|زنگ)',
]);
/** (round 25) A number money is sent or paid to: "ارسل في رقم …", "حولت … على رقم …", "pay to number …", "بنێرە بۆ ژمارە …". */
const PAY_TO_NUMBER_BEFORE = endsBefore([
  '(?:على|علي|ع|في|ل|الى) ?(?:ال)?(?:رقم|نمره)(?: (?:\\S+))?', '(?:to|on) (?:the |this |a )?(?:number|no\\.?|wallet number)', '(?:به|ده) (?:اين |همين )?(?:شماره|نمبر)(?: \\S+){0,2}',
  'بۆ ژمارە', 'kuri (?:nimero|numero)', '(?:menyang|ke) (?:nomer|nomor|rekening)', 'ci (?:numéro|numero)', 'kwa (?:namba|nambari)',
]);
/** …by a verb of sending or paying beside it. */
const SENT_OR_PAID = rx(['ارسل', 'ارسلت', 'ابعت', 'بعت', 'حول', 'حولت', 'ادفع', 'دفعت', 'send', 'sent', 'pay', 'paid', 'transfer', 'بفرست', 'روان', 'واريز', 'بريز', 'بنێرە', '(?:n|w|mu)?ohereza', '(?:n|w|mu)?ohereze', 'kirim', 'tuma', 'yónnee', 'yonne']);
/** (round 25) "Call 01008 765 432 or visit …", "If this wasn't you, call 0161 …": the verb right before the number, opening a sentence. */
const ORDER_TO_CALL_BARE = /(?:(?:^|[.:'"“‘!,;(«])\s*|(?<![\p{L}])(?:wasn.t you|not you|was not you|says|said|saying|telling (?:me|you|us)|asking (?:me|you|us))(?: to)?,?\s+)(?:call|ring|dial|whatsapp|text|اتصل|اتصلوا|كلمنا|(?:3ayy?e?t|3ayt|kall?em|kell?em)(?:li|lna|na)?|(?:عيط|عيّط)(?:و|لي|لنا)?)(?:\s+(?:l|lel|el|3la|ala|a|lel numero|el numero|numero|nemra|ra9m|raqm|ل|لل|على|ع|للرقم|الرقم|نمرو))*\s*[:#-]?\s*$/iu;
/** (round 25) A handle named as a desk ("@WahatSupportDXB", "@acme_care_team"), and the customer's own ("my Telegram is @…"). */
const HANDLE_DRESSED = /support|care|help|official|service|team|desk|admin|jayeze|jaiza|prize|gift/i;
const MY_HANDLE_BEFORE = /(?:my|our) (?:\S+ )?(?:handle|id|username|user ?name|account|telegram|instagram|insta|twitter)(?: is)?\s*[:=-]?\s*$|(?:ايدي|آيدي|آیدی|اكانت|اکانت|يوزر)\s?(?:م|من|ام|ي)\s*[:=-]?\s*$/iu;
const ORDER_TO_CALL = /(?:(?:^|[.:'"“‘!,;(])\s*|(?<![\p{L}])(?:please|pls|plz|kindly|urgently|immediately|saying|says|said|told (?:me|us) to)\s+)(?:call|ring|dial|contact|phone|whatsapp|text|reach)(?!\s+me(?![a-z]))(?:\s+\S+){0,4}?\s+(?:on|at|via)\s*[:#-]?\s*$/iu;
/**
 * …or the order after the number, Persian verb-final: "با 021… تماس بگیرید"; (round 22) to text it too, in any polite or
 * plain second person ("به ۰۹۰۱ ۸۸۲ ۱۳ ۰۶ پیامک بدی", "… زنگ بزنین") — an order, not "… زنگ زدم".
 */
const CALL_US_AFTER = /^\s*(?:(?:تماس|زنگ) (?:بگيريد|بگيرين|بگيري|بزنيد|بزنين|بزني|بگير|بزن|حاصل)|(?:پيامك|پيام|اس ?ام ?اس) (?:بدي|بدين|بديد|بده|بزني|بزنين|بزنيد|بزن)(?![\p{L}]))|^\s*(?:tamas|zang) (?:begirid|bezanid|begir|bezan)/iu;
/** Someone asking for a code, PIN or password in the story the customer tells. */
const ASKED_FOR_A_SECRET = rx([
  // the demand in the present, in any person: "لازم تعطيني الكود", "يبي ترسل له الرمز"
  '(?:ت|ي|ن|بت|بي)(?:عطي|بعت|بعث|رسل|قول|صيفط|دز)\\S* (?:\\S+ ){0,2}(?:ال)?(?:كود|رمز|الرمز|otp|pin|الرقم السري|باسورد|code)',
  '(?:send|give|tell|share|read)\\S* (?:\\S+ ){0,2}(?:the |your |ur )?(?:code|otp|pin|password|cvv)',
  // Arabizi, any person: "lazem a2olo el OTP", "te3teeh el code", "nab3atlo el pin"
  '(?:a|n|t|y|b|ha|7a)?(?:2ol|2oul|2ool|3ati|3ti|3at|edi|adi|ab3at|b3at|ba3t|ersel)\\S* (?:\\S+ ){0,2}(?:el |al |l )?(?:code|otp|pin|password|cvv|ramz|kod)',
  '(?:ابعت|ارسل|اعطي|عطي|قول|هات|صيفط|دز|ab3at|eb3at|2olli|3tini)\\S* (?:\\S+ ){0,2}(?:ال)?(?:كود|رمز|الرمز|otp|pin|الرقم السري|باسورد|code)',
  '(?:كد|رمز|code|pin)\\S* (?:\\S+ ){0,2}(?:بفرست|بده|بگو|befrest|bede|begu)\\S*',
]);
/** The customer's own request, which a notice is about: "I did request it at the branch", "انا فعلا طالبها", "خودم درخواست دادم". */
const MY_OWN_REQUEST = pieces(
  rx([
    'i (?:did |have |had |already )?(?:requested|asked for|applied for|ordered|booked)', 'i did (?:ask|apply|request)',
    'طلبته\\S*', 'طلبتها', 'طالبه', 'طالبها', 'طالبينه', 'قدمت (?:على|طلب)', 'خودم (?:\\S+ ){0,4}?(?:درخواست|ثبت)\\S*', 'درخواست (?:داده ?ام|دادم|كردم)',
    "j'ai (?:demand|command)\\S*", 'talabtha', 'tlabtha', 'talabto', 'tlabto',
  ]),
  rx([
    // (round 23) the change a notice reports, made by the customer: "I did change it myself", "انا فعلاً غيرت الرقم", "أنا اللي غيرته"
    'i (?:did |have |had |just )?(?:changed|updated) (?:it|them|my \\S+)(?: \\S+)? (?:myself|yesterday|today|earlier|this morning)', 'i did (?:change|update) it',
    '(?:انا|اني) (?:\\S+ )?(?:اللي )?(?:غيرت|حدثت|عدلت|بدلت)\\S*', '(?:غيرته|غيرتها|حدثته|حدثتها) بنفسي', 'خودم (?:\\S+ ){0,3}?(?:عوض|تغيير|تغير|آپديت)\\S*',
  ]),
);
/** The customer called the number themselves: "I rang 0800 …", "كلمتكم على 1800 …", "به ۸۰۰ … زنگ زدم", "appelit 800 …". */
// (round 23) …or was told by our employee on it: "أفادني موظفكم عبر الرقم …", "your agent told me on the phone"
const I_CALLED = /(?<![\p{L}])(?:(?:افادني|اخبرني|ابلغني|قالي|قال لي) (?:\S+ )?(?:موظفكم|موظفتكم|موظف خدمه العملاء|موظف عندكم)(?: \S+)? (?:عبر|على|علي|من خلال) (?:ال)?(?:رقم|هاتف|خط)|(?:your|ur) (?:agent|staff|employee|rep|representative) (?:told|informed) (?:me|us) (?:on|over|via) (?:the )?(?:phone|line|number)|i (?:called|rang|phoned|dialled|dialed|tried|contacted)|we (?:called|rang|phoned|contacted)|اتصلت|اتصلنا|تواصلت|كلمت\S*|كلمنا|رنيت|دقيت|زنگ زدم|زنگ زديم|تماس گرفتم|تماس گرفتيم|appelit|j'ai appel\S*|llam[eé]|tsalt|ttasalt|3iyet|3ayet|kallamt\S*|zang zadam|tamas gereftam)(?![\p{L}])/u;
/** …or was called from it, Persian verb-final: "از ۸۰۰ ۱۲۳۴ بهم زنگ زدن", "کارمندی که از … تماس گرفت". */
const CALLED_FROM_BEFORE = /(?:^|\s)(?:از|az)\s*$/u;
const CALLED_ME_AFTER = /^\s*(?:(?:بهم|به من|باهام|baham|behem) )?(?:زنگ زد|تماس گرفت|zang zad|tamas gereft)/u;
/** Someone wanted or asked for something (a secret, beside it): "asked me for the OTP", "طلب مني الرمز", "کد رو خواست". */
const WANTED = /(?<![\p{L}])(?:asked|asking|asks|wanted|wants|طلب\S*|بغا\S*|بدو|يبي|عايز|عاوز|خواست\S*|مي ?خواست|talab\S*|khast\S*)(?![\p{L}])/u;
/** "Official": the customer names the number as the company's own. */
const OFFICIAL = words(['official', 'officially', 'رسمي', 'الرسمي', 'رسميه', 'الرسميه', 'رسمی', 'rasmi', 'rasmy']);
/**
 * (round 31) A number the customer doubts because it differs from the one the company publishes: "is it official? not the
 * same as on the site", "doesn't match what's on your website", "مو نفس اللي بالموقع", "با شماره‌ای که تو سایت هست فرق
 * دارد" — the customer's own comparison says it is not ours, whatever the policy lists (a blind set's company is unknown
 * to it, and so is its number).
 */
const DIFFERS_FROM_PUBLISHED = rx([
  "(?:not|isn'?t|is not|aint|ain'?t) (?:the )?same (?:as|one as|number as) (?:\\S+ ){0,5}?(?:site|web ?site|app|bill|card)",
  "(?:does ?n[o']?t|dont|doesnt|didn'?t|not) match(?:es)? (?:\\S+ ){0,4}?(?:site|web ?site|app|bill|card)",
  '(?:different|differs) (?:from|than|to) (?:\\S+ ){0,4}?(?:site|web ?site|app|bill|card)',
  '(?:site|web ?site|app) (?:lists|shows|says|has) (?:a |another )?(?:different|other) (?:one|number)',
  // Arabic: "مو نفس اللي بالموقع", "مش زي الرقم اللي على الموقع", "غير الرقم اللي في الموقع", "يختلف عن الموقع"
  '(?:مو|مش|موب|ماهو|ليس|مب|مهوب) (?:نفس|زي|مثل)(?: (?:ال)?رقم)?(?: (?:اللي|الي|يلي|الذي|المكتوب|الموجود))? (?:\\S+ )?(?:على|في|ب|بال|فال|ع|عال|من)? ?(?:ال)?(?:موقع|تطبيق|فاتوره|بطاقه|صفحه)',
  '(?:ما|مو|مش|لا|مب) ?(?:يطابق|يتطابق|مطابق|يشبه|يوافق)\\S*(?: \\S+){0,3}? (?:على|في|ب|بال|فال|ع|عال|من)? ?(?:ال)?(?:موقع|تطبيق|فاتوره)',
  '(?:يختلف|مختلف|تختلف|غير) (?:عن )?(?:ال)?(?:رقم )?(?:اللي |الي |يلي |الذي |المكتوب |الموجود )?(?:على|في|ب|بال|فال|ع|عال|من) ?(?:ال)?(?:موقع|تطبيق|فاتوره)',
  // Persian: "با شماره‌ای که تو سایت هست فرق دارد / یکی نیست", "با سایت فرق داره", "مال سایت نیست"
  '(?:سايت|وبسايت|اپ|برنامه|قبض)\\S*(?: \\S+){0,4}? (?:فرق|متفاوت)',
  '(?:سايت|وبسايت|اپ|برنامه|قبض)\\S*(?: \\S+){0,4}? يكي (?:نيست|نيس)',
  '(?:ba|baa) (?:\\S+ ){0,4}?site\\S* (?:\\S+ )?fargh',
  // (round 32) …or says outright that it is not ours: "that's not your number, is it?", "هيدا مش رقمكن", "مال شما نیست"
  "(?:that|this|it|which)(?:'s|s| is|’s)? (?:not|n'?t|isn'?t) (?:your|ur|yours|\\S+'s) ?(?:number|no\\.?|line|one)?(?![a-z])", "(?:is|was)n'?t (?:it |that |this )?(?:yours|your (?:number|line)|ur (?:number|line))(?![a-z])",
  '(?:مش|مو|ليس|مب|ماهو|مهوب|موب) (?:رقمكم|رقمكن|رقمك|نمرتكم|نمرتكن|خطكم|تبعكم|تبعكن|حقكم|مالكم|منكم)', '(?:مال|از طرف|از|شماره) (?:شما|خودتون|خودتان|تون) (?:نيست|نيس|نمي ?باشه|نمي ?باشد)', '(?:مال|شماره) ?(?:شما|تون)? نيست',
]);
/**
 * (round 32) The customer asking whether a number someone gave them is ours or real: "is it real?", "is that legit?",
 * "wach hadchi mn 3ndkom?", "هل هي صحيحة؟", "ده انتو؟", "مال شماست؟", "аз шумост?" — with a call or message ordered to it by
 * someone else (a courier, a quoted text), the number is the stranger's (the customer's own question about a number
 * they found themselves orders nothing).
 */
const ASKS_IF_OURS = rx([
  "(?:is|was|are) (?:it|this|that|these|this number|that number|the number|he|she|they)(?: (?:really|actually))? (?:real|legit\\S*|genuine|official|right|correct|true|you|yours|from you|your (?:number|courier|driver|agent|staff|team)|ur (?:number|courier|driver))(?![a-z])", '(?:real|legit|genuine|true|correct|right|official)(?:\\s*[?؟]|(?= \\. )|\\s*$)', '(?:is|was) (?:that|this|it) (?:really )?(?:you|from you)(?: guys)?(?:\\s*[?؟]|(?= \\. )|\\s*$)', 'from you(?: guys)?(?:\\s*[?؟]|(?= \\. )|\\s*$)', '(?:is|was) (?:that|this) your (?:number|courier|driver|process)',
  '(?:هل|واش|وش|شنو|شو)(?: \\S+){0,3}? (?:صحيح\\S*|صح|حقيقي\\S*|رسمي\\S*|منكم|من ?عندكم|رقمكم|تبعكم|ديالكم|حقكم|مالكم)', '(?:صحيح|صحيحه|صح|رسمي|رسميه|منكم|تبعكم|ديالكم|شركتكم|شركتكن)(?:\\s*[?؟]|(?= \\. )|\\s*$)', '(?:هادي|هادا|هاد|هذي|هذا|ده|دي|هيدا|هيدي) (?:شركتكم|شركتكن|رقمكم|رقمكن)', '(?:ده|دي|هذا|هذي|هاد|هادا|هادي|هيدا) (?:انتو|انتم|انتوا|منكم)', 'صح (?:هذا|هالكلام|الكلام)',
  '(?:مال|از طرف|از) ?شماست', 'شماست(?:\\s*[?؟]|(?= \\. )|\\s*$)', '(?:درسته|درست ?است|واقعيه|واقعي ?است|رسميه)(?:\\s*[?؟]|(?= \\. )|\\s*$)',
  'wach (?:\\S+ ){0,2}?(?:mn|men|min|dyal) ?(?:3ndkom|3andkom|3endkom|3ndkoum|kom)', 'wach s7i7', '(?:s7i7|sa7i7|s7e7)(?:\\s*[?؟]|(?= \\. )|\\s*$)', 'az shumost', 'shumost(?:\\s*[?؟]|(?= \\. )|\\s*$)',
]);
/**
 * (round 32) A call or a message ordered to the number, just before it ("ring +61 …", "reply on WhatsApp to +968 …", "عيط ل
 * 06…", "sonni 06…", "تواصل معنا واتساب +971 …"): the verb and up to three words between.
 */
const CONTACT_ORDERED_BEFORE = /(?<![\p{L}])(?:call|ring|dial|phone|contact|whatsapp|text|message|reply|write|reach|اتصل|تتصل|يتصل|اتصال|تواصل|تتواصل|راسل|كلم|تكلم|عيط|تعيط|رن|دق|sonn\S*|3ayet|3ayt|3iyet|kallem|ettasel|ttasel|tasel)(?:\s+\S+){0,3}?\s*[:#-]?\s*$/iu;
/**
 * (round 31) A number the message itself names as the one we publish: "your site says 1-800-555-0919", "الرقم في الموقع
 * ٨٠٠١٢٣٤٥", "الرقم الرسمي عندكم …", "تو سایتتون نوشته …" — another number in the message a digit or two off it is the
 * look-alike, as one off a number the policy lists would be (a blind set's company lists none the policy knows).
 */
const PUBLISHED_BEFORE = /(?:(?:web ?site|site|app|bill|card)(?: it)? (?:says|shows|showed|lists|has|gives|said)|official (?:number|no\.?|one|line)(?: is|'s)?|(?:on|from) (?:your|the|ur) (?:official )?(?:web ?site|site|app)(?: it(?:'s| is))?|(?:ال)?(?:رقم|نمره) (?:ال)?(?:رسمي )?(?:(?:اللي|الي|يلي|المكتوب|الموجود) )?(?:في|على|ب|بال|ع|عال) ?(?:ال)?(?:موقع|تطبيق|فاتوره)\S*|(?:ال)?رقم (?:ال)?رسمي(?: (?:عندكم|تبعكم|حقكم|مالكم|هو))?|(?:في|على|ب) ?(?:ال)?(?:موقع|تطبيق)\S* (?:مكتوب|كاتبين|موجود|الرقم)|(?:تو|توي|در|روي|رو) (?:سايت|وبسايت|اپ|قبض)\S* (?:نوشته|زده|هست|اومده)(?: شده)?|شماره (?:رسمي|سايت)\S*(?: (?:شما|تون))?(?: (?:هست|است))?)\s*[:=]?\s*$/iu;
/**
 * (round 31) Our own employee reached on a number, named right before it: "your agent on 800 1212 said …", "موظفكم على
 * الرقم …", "همکارتون روی شماره …" — the customer quoting a call to us (a blind set's official number is unknown to the
 * policy), not a stranger's number, unless the call asked for a secret, demanded a payment or imitates ours.
 */
const OUR_AGENT_ON = /(?:(?<![\p{L}])(?:your|ur) (?:agent|staff|colleague|rep|representative|employee|operator|customer service|call cent(?:er|re)|team)(?: (?:\S+))? (?:on|at|over)(?: (?:the|your|ur))?(?: (?:number|line|hotline|helpline|phone|no\.?))?|موظف(?:كم|تكم|ينكم|ه كم)(?: \S+)? (?:على|علي|ع|عبر)(?: ال)?(?: ?(?:رقم|خط|هاتف))?|(?:همكار|كارشناس|اپراتور|نماينده)(?:تون|تان|هاي ?تون|ان ?شما)?(?: شما)? (?:روي|رو|پشت|با|از)(?: (?:شماره|خط)\S*)?)\s*[:#]?\s*$/iu;
/**
 * (round 31) "…from Barq Mobile's office", "من مكتب …", "از دفتر …": a stranger on a chat app saying they write from an
 * office of the company — a claim to be us, though the company is one the policy does not know.
 */
const OFFICE_CLAIM = rx(["(?:from|in|at|of) (?:the )?(?:\\S+ ){0,3}?(?:office|branch)(?![a-z])", "(?:\\S+)'s (?:main |head )?office", '(?:من|عن)(?: (?:طرف|جانب|قبل))? (?:ال)?(?:مكتب|فرع)', 'از(?: طرف| جانب| سوي)? (?:دفتر|شعبه|نمايندگي)', 'az(?: taraf[e]?)? (?:daftar|shobe)']);
/**
 * Where the company publishes its numbers: "the number on your website", "الرقم اللي في الموقع", "شماره‌ای که روی سایت بود".
 * A number the customer found there and called is one they believe is ours (toll-free or not), not one a stranger gave.
 */
const WHERE_WE_PUBLISH = pieces(
  rx([
    '(?:the |your )?(?:number|no|line|hotline) (?:\\S+ )?(?:on|from|in|listed on|shown on) (?:your|the|ur) (?:official )?(?:web ?site|site|app|card|bill|invoice|page|contact page)',
    '(?:from|on) (?:your|the|ur) (?:official )?(?:web ?site|site|app)',
    'toll[ -]?free', 'الرقم المجاني', 'الخط المجاني',
    '(?:الرقم|رقم|النمره)(?: (?:اللي|الي|يلي|الذي|المكتوب|الموجود|المذكور))? (?:في|على|ب|بال|فال|ع|عال|من)(?: ?ال)?(?:موقع|تطبيق|ابليكيشن|ابلكيشن|الاب|فاتوره|بطاقه|كرت|صفحه)\\S*',
    '(?:شماره|خط)\\S*(?: (?:اي|ی|ي))?(?: كه)? (?:روي|تو|توي|در|از|داخل) (?:سايت|وبسايت|اپ|اپليكيشن|برنامه|كارت|قبض)\\S*',
    'shomare\\S* (?:ke )?(?:roye|too|tooye|az) (?:site|app)',
  ]),
  rx([
    // (round 23) what the company's app shows: "the app says call …", "تو اپ نوشته با … تماس بگیرید", "في التطبيق مكتوب اتصل على …"
    '(?:the|your|ur) app (?:says|said|shows|showed|tells (?:me|you|us))', '(?:in|on) (?:the|your|ur) app(?: it)? (?:says|shows|said|is written)',
    '(?:تو|توي|در|داخل) (?:اپ|اپليكيشن|برنامه)\\S* (?:نوشته|زده|مياد|اومده)', '(?:في|ب|على) ?(?:ال)?(?:تطبيق|ابليكيشن|ابلكيشن) (?:مكتوب|يقول|كاتب|كاتبين|يطلع)\\S*', '(?:ال)?تطبيق (?:يقول|مكتوب|كاتب)\\S*',
  ]),
);
/**
 * A number described instead of written: "from a normal mobile number", "من رقم جوال عادي", "با یه شماره شخصی".
 * Beside someone claiming to be the company, the description is the sign: companies call from their own lines.
 */
const DESCRIBED_NUMBER = rx([
  // (a private, withheld or hidden number too: nothing to call back, but companies call from their own lines — decided at
  // round 27's merge)
  '(?:normal|regular|ordinary|personal|private|random|unknown|foreign|international|local|withheld|hidden)(?: (?:mobile|cell|cellphone|phone|whatsapp|uk|us)){0,2} (?:number|no|phone|line|mobile|cell)',
  'not (?:a|an|the|your) (?:company|official|business|bank|landline) (?:number|line)',
  '(?:رقم|نمره|نمبر)(?: (?:جوال|موبايل|موبيل|تلفون|هاتف|محمول|واتساب|واتس))? (?:عادي|عاديه|شخصي|شخصيه|خاص|خاصه|مجهول|غريب|دولي|خارجي|برا)(?![\\p{L}])',
  '(?:مو|مش|ماشي|ليس|مب) (?:رقم|نمره) (?:شركه|رسمي|الشركه|البنك|بنك)',
  'شماره(?: (?:موبايل|همراه|تلفن))? (?:معمولي|شخصي|ناشناس|خارجي|عادي|ناشناخته)(?![\\p{L}])',
  'shomare(?:ye)?(?: (?:mobile|hamrah))? (?:mamooli|ma3mooli|mamuli|shakhsi|nashenas|khareji)',
  '(?:ra2am|ra2m|raqam|rakam|nemra|nimra)(?: (?:mobile|mobail|mobayl|jawal|jawwal))? (?:3adi|3aadi|shakhsi|khas|khaas|ghareeb|gharib|ajnabi)',
]);
/** A number written only in part ("011…", "0661 xx", "+20 10*****", "98xxxxxx12"): a scam's number, cut short or masked by the customer. */
const PARTIAL_PHONE = /(?<![\p{L}\d])(?:(?:\+|00|0)\d{1,5}(?:[ -]?\d{1,4})?\s?(?:…|\.{2,}|[x×*]{2,})|\+?\d{2,5}[x×*]{3,}\d{0,4})/giu;
/** Digits cut short by an ellipsis, whatever they start with: a partial number only where a caller's number stands ("اتصل علي من 77 144.."). */
const CUT_DIGITS = /(?<![\p{L}\d])\d{2,5}(?: \d{1,4}){0,3}\s?(?:…|\.{2,})/gu;
/**
 * A number given only by its first digits after the word for it: "از یه شماره ۰۹۱۲", "في نمرة 0108", "from a 0917 number".
 * Beside a claim to be the company it is a stranger's mobile, as a partial number cut by an ellipsis is.
 */
const SHORT_NUMBER = new RegExp(`(?<![\\p{L}\\p{N}])(?:${['رقم', 'نمره', 'نمرة', 'شماره', 'number', 'no', 'from', 'من', 'از', 'shomare', 'ra2m', 'nemra'].map(foldLetters).join('|')})(?: (?:${['يه', 'يك', 'a', 'an', 'واحد'].map(foldLetters).join('|')}))? ((?:\\+|0)\\d{2,5})(?![\\d.,:/-]|\\s\\d)`, 'iu');
/**
 * A stranger wearing the company's face on a personal channel: its logo as the picture, "Acme Support" as the name
 * ("dp has Acme logo", "واسمه Acme Support وحاطط اللوغو", "with your logo as his dp"). Companies do not reach customers
 * that way, so beside a personal channel or a number it is the same sign as a claim to be the company.
 */
const WEARS_OUR_FACE = rx([
  // the logo as the stranger's picture, not a logo seen somewhere ("your logo on a WhatsApp ad")
  '(?:dp|profile (?:pic|picture|photo)|display (?:pic|picture)|avatar|pfp)(?: \\S+){0,4} logo', 'logo(?: \\S+){0,3} (?:as|for|on) (?:his|her|their|the) (?:dp|profile|picture|pic|avatar|pfp)',
  '(?:حاطط|حاط|حاطين|حاطه|حاطه|صورته|صورتها|صورت|البروفايل|بروفايله|الصوره)(?: \\S+){0,3} (?:ال)?(?:لوغو|لوجو|شعار)\\S*', '(?:عكس|پروفايل)\\S*(?: \\S+){0,3} (?:لوگو|لوگوي)\\S*', 'لوگو\\S* (?:\\S+ ){0,2}(?:گذاشته|داره|دارد)',
  "(?:display|profile|account|whatsapp|telegram) name (?:is |was |says |said )?(?:\\S+ ){0,2}(?:support|care|help|official|service|team|hr)",
  "(?:named|calls? (?:him|her|it)self|called (?:him|her|it)self) (?:\\S+ ){0,2}(?:support|care|help|official|service|team|hr)",
  '(?:و|ب)?(?:اسمه|اسمها|اسمو|اسمهم|باسم|اسمش|اسم اكانتش|نامش) (?:\\S+ ){0,2}(?:support|care|help|official|service|team|الدعم|دعم|خدمه|الرسمي|پشتيباني|رسمي)',
  // (round 25) "on IMO, name 'Wahat Care'", "on Telegram called Acme Help"
  '(?:imo|whatsapp|telegram|viber|signal|eitaa|rubika)\\S*[,]? (?:\\S+ ){0,2}?(?:name|named|called)[:]? (?:\\S+ ){0,2}?(?:support|care|help|official|service|team)',
]);
/** A personal chat app, where a company's official contact does not live. */
const PERSONAL_CHANNEL = rx(['whats ?app', 'telegram', 'viber', '(?:ع|عل|عال|على ?ال|ع ال)?واتس\\S*', 'الواتس\\S*', 'whatsapp\\S*', 'واتساپ', 'تلگرام', 'تلغرام', 'تيليجرام', 'فايبر',
  // (round 25) IMO, Signal, and Iran's Eitaa and Rubika
  'imo(?![a-z])', '(?:on|via|in) signal', 'signal app', 'ايتا(?![\\p{L}])', 'eitaa', 'روبيكا', 'rubika', 'ایمو', 'ايمو']);

/** (round 37) A line's country or kind, between "my" and "number": "my Australian number", "my work phone". */
const OWN_LINE_KIND = 'australian|canadian|american|british|english|moroccan|lebanese|iranian|afghan|tajik|emirati|saudi|omani|qatari|kuwaiti|bahraini|iraqi|yemeni|sudanese|egyptian|jordanian|syrian|palestinian|turkish|german|french|dutch|swedish|italian|spanish|pakistani|indian|russian|algerian|tunisian|libyan|european|foreign|overseas|international|uk|us|work|home|personal';
/** "my number 0551…", "رقمي 0551…": a partial number that is the customer's own. */
const MY_NUMBER_BEFORE = new RegExp(`(?:my (?:(?:${OWN_LINE_KIND}) )?(?:number|phone|mobile|cell)|${['رقمي', 'جوالي', 'موبايلي', 'شمارم', 'شماره ام', 'شماره من'].map(foldLetters).join('|')})(?: (?:is|هو|هست))?[\\s:]*$`, 'iu');
/** A third person in the story: whoever called, wrote or claimed. */
const SOMEONE_ELSE = words(['someone', 'somebody', 'a (?:guy|man|woman|lady|person)', 'he', 'she', 'they', 'caller', 'واحد', 'شخص', 'حد', 'حدا', 'شب', 'بنت', 'ست', 'راجل', 'يكي', 'یکی', 'يه نفر', 'یه نفر', 'ye nafar', 'yeki', 'wa7ed', 'wahed']);
/** (round 32) Who brings a parcel: their message is a stranger's voice too ("the courier said ring …", "الليفرور قاليا عيط ل …"). */
const COURIER = /(?<![\p{L}])(?:courier|driver|delivery (?:guy|man|boy|agent)|rider|livreur|ليفرور|الليفرور|الموزع|موزع|المندوب|مندوب|الديليفري|دليفري|السائق|سائق|پيك|پیک|راننده|курьер|kuryer)(?![\p{L}])/iu;
/** The number is offered as someone to contact… */
const CONTACT = rx(['telephone', 'text', 'texted', 'messaged', 'sms', 'viber', 'telegram', 'call', 'called', 'calling', 'contact', 'dial', 'ring', 'number', 'whatsapp', 'hotline', 'اتصل', 'اتصال', 'كلمني', 'كلموني', 'رقمه', 'رقمهم', 'الرقم', 'رقم', 'زنگ', 'تماس', 'شماره', 'خط']);
/** …and not the customer's own ("reach me at", "رقمي", "شماره‌ام"). */
// (round 37) …with the country or kind of the line between: "my Australian number is +61 …", "my work phone"
const SELF = rx(['my (?:own )?(?:number|phone|mobile|line|other line|whatsapp)', `my (?:${OWN_LINE_KIND}) (?:number|phone|mobile|cell|line|whatsapp)`, 'me (?:at|on)', 'reach me', 'call me(?![a-z]| (?:with|from))', 'to my account', 'update (?:my|the) (?:number|phone)', 'رقمي(?! (?:ال)?سري)', 'جوالي', 'موبايلي', 'تلفوني', 'هاتفي', 'تليفوني', 'الاتصال بي', 'اتصلوا بي', 'my iban', 'شماره تماسم', 'تلفنم', 'موبايلم', 'رقم الجوال في', 'على رقم', 'كلمني على', 'شمارم', 'شماره ام', 'شماره من', 'شماره موبايلم', 'بهم زنگ',
  // (round 35) the customer asking to be called back, the pronoun theirs: Gulf "اتصلوا علي على …", Levantine "اتصلوا فيي على", Iraqi "اتصلوا بيه على"
  '(?:اتصلوا|اتصلو|تتصلون|تتصلو|دقوا|رنوا) (?:علي|عليا) (?:على|ع|عل)(?![\\p{L}])', '(?:اتصلوا|اتصلو|تتصلون|تتصلو|دقوا|رنوا) (?:فيي|فيني|فيا|بيه|بيا|بيي)(?![\\p{L}])']);
/** Digits right after an IBAN's country code or a "#" are an account or an order number, not a phone. */
const GREETING = new RegExp(`^\\s*(?:${['dear', 'hi', 'hello', 'hey', 'to', 'good (?:morning|evening|afternoon)', 'عزيزي', 'عزيزتي', 'السادة', 'الساده', 'الى', 'مرحبا', 'السلام عليكم', 'سلام', 'اهلا', 'با سلام', 'جناب', 'همكاران', 'كارشناس محترم', 'پشتيباني محترم'].map(foldLetters).join('|')})(?![\\p{L}])`, 'u');
/** How far before a number (and half as far after) a "my number" phrase still owns it, in characters. */
const SELF_REACH = 40;
/** (round 32) An account or a transaction named right before a number (not a wallet, which is a phone's number). */
const ACCOUNT_OR_REFERENCE_BEFORE = /(?:(?<![\p{L}])(?:(?:bank )?account|acct|a\/c|iban|reference|ref|transaction(?: id)?|trx|txn|mtcn)(?: (?:number|no\.?|num|id|#|code))?(?: is| was)?|(?:^|[\s\u200c])(?:ب|و|ل|في|الى)?(?:حساب|حسابه|حسابها|حسابهم|الحساب)(?: (?:رقم|رقمه|رقمها|بنكي))?|(?:رقم|كود) (?:ال)?(?:عمليه|معامله|حواله|ايصال|مرجع)|(?:شماره )?(?:حساب|شبا|پيگيري|رهگيري)(?: ?(?:ام|ش|شون))?|كد (?:پيگيري|رهگيري))\s*[:#=-]?\s*$/iu;
const IBAN_BEFORE = /(?:[a-z]{2}\d{2}\s?|#\s?|№\s?)$/i;
const REFERENCE_BEFORE = /[a-z][-_/]$/;
/** How many written numbers of one message are judged as a caller's or a support line's (see `findScamPatterns`). */
export const NUMBERS_JUDGED = 16;
/** How far on each side of a later number its neighbourhood reaches, in characters. */
const NEAR_A_NUMBER = 200;
const PHONE = /(?<![\p{L}\d])(?:\+|00)?\d[\d\s\-().]{6,18}\d/gu;
/**
 * (round 32) …and seven digits written together ("8002236", "٨٠٠٢٦٢٣" on a bag or a flyer): judged only as a copy of the
 * official or published number, two digits swapped or one changed — seven bare digits are as often an order's or a sum's.
 */
const PHONE_OR_SEVEN = /(?<![\p{L}\d])(?:(?:\+|00)?\d[\d\s\-().]{6,18}\d|\d{7}(?![\d]))/gu;
const HANDLE = /(?<![\w.])@[a-z0-9_.]{3,30}/g;

/**
 * Currencies as they follow a sum ("19 MAD", "15 DT", "۹ یورو", "500 افغانی"): one list, which a fee and an amount both read.
 * (round 20: Tunisian dinars, euros in Persian and Arabic, "EUR", "dinars")
 */
const CURRENCY = [
  '\\$', 'usd', 'aed', 'sar', 'egp', 'qar', 'kwd', 'omr', 'jod', 'mad', 'dh', 'dhs', 'dirhams?', 'riyals?', 'pounds?', 'dollars?', 'euros?', 'eur', '€', '£', 'rupees?', 'rupa[iy]e?', 'rs', 'inr',
  'naira', 'cedis?', 'shillings?', 'ksh', 'pesos?', 'toman', 'tomans', 'tomen', 'rial', 'dinars?', 'dt', 'tnd',
  // (round 30) Dari writes the dollar "دالر"
  'جنيه', 'ريال', 'درهم', 'دينار', 'دولار', 'دلار', 'دالر', 'تومن', 'تومان', 'سامان[يی]', 'somoni', 'افغاني', 'afghanis?', 'يورو', 'دت',
  // (round 22) Algerian dinars ("2000 دج", "250 DA"), Tajik somoni ("сомонӣ" reads "somoni"), East African shillings
  'دج', 'da(?![a-z])', 'dzd', 'tjs', 'ksh', 'kes', 'tsh', 'tzs', 'ugx', 'shilingi',
  // (round 24) birr, taka, Pakistani and Indian rupees in Urdu, Turkish lira, manat, pesos and rupiah by their codes,
  // Sheng "bob" (shillings)
  'birr', 'etb', 'taka', 'tk', 'bdt', 'টাকা', '৳', 'روپے', 'روپیہ', 'روپيه', 'روپیه', 'pkr', 'tl', 'lira', 'ليره', 'manat', 'azn', 'php', 'idr', 'rupiah', 'ngn', 'bob(?![a-z])',
  // (round 25) Rwandan francs, West and Central African CFA francs, Ghanaian cedis by their codes
  'frw', 'rwf', 'fcfa', 'cfa', 'xof', 'xaf', 'ghs',
  // (round 27) roubles, Uzbek and Kyrgyz som, tenge in Cyrillic, read in Latin ("120 000 сўм", "2750 рублей")
  'rubl\\S*', 'rub(?![a-z])', 's[uў]m(?![a-z])', 'som(?![a-z])', 'tenge', '₽',
  // (round 31) the shekel (the inbound check's amount reader already had it), and its sign and code
  'شيكل', 'شيقل', 'شواكل', 'shekels?', 'shekel', 'nis', 'ils', '₪',
].join('|');
/**
 * The fee words of Spanish and French as Maghrebi customers mix them in ("paga 19 MAD de gastos", "payez 15 DT frais de
 * vérification", "khassek tpagar"): each word once, in the lexicon that reads it (a fee noun, a demand to pay).
 */
const ES_FEE_NOUNS = ['gastos?', 'tasas?', 'tarifas?', 'cuotas?', 'comisi[oó]n'];
const ES_PAY_ORDER = ['paga', 'pague', 'abone', '(?:t|n|y)pag(?:ar|i|iw|a|o)'];
const FEE = pieces(
  rx([
    'fee', 'fees', 'frais', 'فراي', 'فري دو?سي', 'معاليم', 'charge', 'pay', 'payment', 'deposit', 'transfer', 'gift ?cards?', '\\$\\s?\\d+', `\\d+\\s?(?:${CURRENCY})`, ...ES_FEE_NOUNS, ...ES_PAY_ORDER,
    // "رسم" but not "الرسمي" (official); "حول" transfers only with an amount after it, else it is "about" ("ايميل حول تحديث الشروط")
    'رسوم', 'رسم(?![يىا])', 'ادفع', 'دفع', 'تدفع', 'مبلغ', 'تحويل', 'حول\\S* (?:\\S+ )?\\d', 'جنيه', 'ريال', 'درهم',
    'كارمزد', 'هزينه', 'پرداخت', 'بپرداز', 'واريز', 'تومان', 'تومن', 'ميليون', 'ريال',
    'pardakht', 'hazine', 'karmozd', 'rosoom', 'edfa3', 'rus[uo]m', 'rsoum', 'geneh', 'gneh', 'كريدت', 'douane',
    'buy', 'recharge', 'top ?up', 'vouchers?', 'rupees?', '£\\s?\\d+', '€\\s?\\d+',
    'سداد', 'تسديد', 'نخلص', 'تخلص', 'اخلص', 'اشحن', 'نشحن', 'تشحن', 'sharj', 'شارژ', 'دولار\\S*', 'دينار', 'كاش', 'پول', 'variz', 'toman', 'adfa3', 'nedfa3', 'tedfa3',
    // a fee by its local name or currency: "فیس ویزه", "۳۰۰ دالر", "20 شيكل", "N15,000", "P49", "Rs 250"
    'فيس', 'دالر', 'افغاني', 'شيكل', 'شيقل', 'نيره', 'روپيه', 'ا?حول\\S* (?:\\S+ )?\\d', 'naira', 'سامان[يی]', 'somoni', 'pesos?', 'ksh', 'shillings?', 'cedis?', 'afghanis?', 'n\\d[\\d,]{2,}', 'p\\d[\\d,]*', 'rs\\.? ?\\d', 'php ?\\d', 'pkr ?\\d',
    'processing', 'stamp duty', 'clearance', 'customs', 'جمارك', 'جمرك', 'گمرك',
  ]),
  rx([
    // (round 22) Tajik ("пардохт", "супоред", "ҳаққи бақайдгирӣ" read in Latin) and Swahili ("lipa ada ya …", "nilipe")
    'pardo(?:kh|x)t', 'supor(?:ed|et|id|am|ad|i)(?![a-z])', 'haqqi', 'komissiya', 'ada(?![a-z])', '(?:ni|u|a|m|tu|wa)?lip(?:a|e|ie)(?![a-z])', 'malipo',
  ]),
  rx([
    // (round 25) pay verbs and fee words of Indonesian and Javanese ("bayar", "mbayar", "biaya"), Wolof ("fey"),
    // Kinyarwanda ("kwishyura", "amafaranga"), Sorani ("کرێ", "پارە"), a sum's code before it ("GHS 150", "AED 12")
    '(?:m|di)?bayar\\S*', 'biaya', 'fey(?![a-z])', '(?:kw|w|n|tw|mw)?ishyur\\S*', 'amafaranga', 'ikiguzi', '[كک]رێ\\S*', 'پار[هە]\\S*',
    '(?:ghs|gh₵|aed|qar|omr|kwd|bhd|jod|frw|rwf|fcfa|rp|idr|kes|ugx|tzs|etb|bdt|azn)\\.?\\s?\\d',
  ]),
);
/**
 * (round 27) Ordered paid to a card number the message gives: "pay the release fee to card 4539 …", "به کارت 6037-… واریز
 * کن", "ادفع … على كارت 6037 …" ("ترجعوا الفلوس على الكارت …", a refund to the customer's own card, is no order to pay) —
 * an odd way to pay a fee, and a sum sent to a number.
 */
const TO_A_CARD = [
  '(?:pay|send|transfer|deposit)(?: \\S+){0,4}? to (?:this |that |a |his |her )?card(?: number| no\\.?)? ?[:#]? ?\\d{4}', '(?:به|روي) (?:اين |همين |يه )?(?:شماره )?كارت ?[:]? ?[\\d -]{4,24} (?:\\S+ )?(?:واريز|بريز|بزن)',
  '(?:ادفع|حول|ارسل|ابعت|اشحن)\\S*(?: \\S+){0,4}? (?:على|علي|الى) (?:هذا |هذه |ال)?(?:كارت|بطاقه)(?: رقم)? ?[:]? ?\\d{4}', '(?:perevedite|oplatite) (?:\\S+ ){0,4}?na kartu ?\\d{4}',
];
/** Ways to pay that no company asks for a fee in: gift cards, vouchers, wallets, a transfer to a person's card. */
const ODD_PAYMENT = pieces(
  words([
    'gift ?cards?', 'google ?play', 'itunes', 'apple ?cards?', 'steam (?:cards?|wallet)', 'amazon (?:vouchers?|cards?|gift)', 'vouchers?', 'upi', 'crypto\\S*', 'bitcoin', 'btc', 'usdt', 'western union', 'moneygram', 'vodafone ?cash', 'easypaisa', 'jazz ?cash', 'gcash', 'paymaya', 'maya', 'bankak', 'mpesa', 'm-pesa', 'opay', 'palmpay', 'بنكك', 'ايزي ?بيسه', 'جاز ?كاش', 'orange ?money', 'etisalat cash', 'instapay', 'paysafe\\S*',
    // (round 38) more wallets and cards no company's fee is paid in: "كارت ستيم", "Asiacell card", M-Paisa, Alif, Careem Pay
    'steam', 'ستيم', 'asia ?cell', 'اسيا ?سيل', 'm-?paisa', 'careem ?pay', 'كريم ?باي', 'korti alif', 'alif (?:card|mobi)', 'kart be kart',
    'بطاقات (?:ايتونز|جوجل|قوقل|هدايا|شحن|ستيم|امازون)', 'ايتونز', 'جوجل ?بلاي', 'قوقل ?بلاي', 'كروت شحن', 'كارت شحن', 'اشحن كارت', 'فودافون ?كاش', 'اورنج ?كاش', 'كاش موني', 'ويسترن يونيون', 'بيتكوين', 'عملات? رقميه',
    'كارت ?به ?كارت', 'كارت به كارت', 'به (?:يه|يك) كارت (?:ديگه|ديگر|شخصي)',
    // (round 22) "… به یه شماره کارت بزنی", "korti digar": to some card number, which no company's fee is paid to
    'به (?:يه|يك|ي) شماره ?(?:كارت|حساب)', 'ba (?:raqami )?korti digar',
    // into a person's own card or account, not a company's: "بریزم به کارت خودش", "to her own MoMo", "على حسابه الشخصي"
    'به (?:كارت|حساب)(?: ?شخصي)? ?(?:خودش|خود اون|خود او|اون آقا|اون خانم)', 'به (?:كارت|حساب) شخصي(?: ?ي)? (?:من|اون|او|ايشون)',
    'to (?:his|her|their) (?:own|personal|private) (?:card|account|acct|momo|wallet|number|mpesa|gcash)', 'into (?:his|her|their) (?:own|personal|private) (?:card|account|acct|momo|wallet)',
    '(?:على|ل|الى|في) (?:حسابه|حسابها|كارته|كارتها|بطاقته|بطاقتها|محفظته|محفظتها) (?:الشخصي|الشخصيه|الخاص|الخاصه)',
    ...TO_A_CARD,
  ]),
  words([
    // (round 23) cash into the hand of whoever came to the shop: "AED 150 renewal fee cash to him", "ادفعله 300 جنيه … كاش"
    // (round 33) a postal account (Algeria's CCP, its BaridiMob) or a postal order: a person's account, not a company's till;
    // cash a person asks for in hand ("asked me for 5000 naira cash"); Tajik "to a card" ("ба корт гузаронед")
    // (round 34) cash for a fitting asked before it ("2000 cash installation charge before fitting")
    'cash (?:\\S+ )?(?:installation|fitting|fixing|connection) (?:charges?|fees?)', 'cash (?:\\S+ ){0,3}?before (?:fitting|installing|installation|fixing|connecting)',
    'ccp', 'compte (?:ccp|postal|cheque postal)', '(?:ال)?حساب (?:ال)?(?:جاري )?(?:ال)?بريدي', 'بريدي ?موب', 'baridi ?mob', 'mandat(?: postal| cash)?', 'money order',
    '(?:asked|asking|asks|wants|wanted|demanded|demanding) (?:me|us)(?: for)? (?:\\S+ ){0,3}?(?:in )?cash', 'ba kort(?:i)? (?:\\S+ )?guzaron\\S*',
    '(?:in )?cash (?:only )?to (?:him|her|them|the (?:man|guy|lady|woman|agent|person))', 'pay (?:him|her|them) (?:\\S+ ){0,3}?(?:in )?cash', '(?:كاش|نقدا|نقد) (?:له|ليه|لها|ليها|الو)', '(?:ادفع|تدفع|ندفع|يدفع|اعطي|نعطي)(?:له|لها|ليه|لو|هوله)(?: \\S+){0,4}? (?:كاش|نقدا|نقد)', 'نقدي (?:بهش|به او|به اون)', 'گيفت ?كارت', 'رمز ?ارز', 'تتر', 'be ye cart', 'cart be cart', 'kart be kart',
  ]),
);
/**
 * (round 34) Iraq's wallets ("زين كاش", "آسيا حوالة", FastPay, Qi card): customers pay their own bills with them ("حولت …
 * على آسيا حوالة وما وصلت"), so a wallet is an odd payment only when someone told the customer to pay by it (`TOLD`).
 */
const WALLET = words(['zain ?cash', 'زين ?كاش', 'asia ?hawala', 'اسيا ?حواله', 'fast ?pay', 'فاست ?باي', 'كي ?كارد', 'qi ?card']);
/**
 * (round 33) A service a visit or a line gives, or a deposit given back, that a fee is said to buy: reconnection ("vasl
 * kardane dobare", "وصل مجدد", "rétablissement"), a meter or a line fitted ("pose du compteur", "يركبولي العداد",
 * "installation"), a deposit returned ("get my deposit back", "caution", "التأمين", "پول گرو", "пули гарав") — paid in a way
 * no company takes (`ODD_PAYMENT`), it is a stranger's fee, told by whoever names it (`TOLD`: not a warning, a question or the customer's own payment).
 */
const SERVICE_BOUGHT = words([
  'reconnect\\S*', 're-?connect\\S*', 'r[eé]tabli\\S*', 'reconnex\\S*', 'rebranch\\S*', '(?:vasl|vasle|vasl e) (?:\\S+ )?(?:dobare|mojadad)', '(?:dobare|mojadad) vasl\\S*', 'وصل\\S* (?:\\S+ )?(?:مجدد|دوباره)', 'دوباره وصل\\S*', 'اعاده (?:ال)?(?:توصيل|ربط|الخدمه)',
  'install\\S*', 'fitt(?:ing|ed)', 'meter', 'compteur', '(?:la |une )?pose d\\S*', 'poser', 'branchement', 'عداد\\S*', 'العداد', 'كونتور', '(?:ي|ت|ن)?ركب\\S*', 'تركيب\\S*', 'نصب\\S*', 'كنتور', 'nasb\\S*', 'kontor',
  'deposit\\S* back', '(?:get|return|refund|release)\\S* (?:\\S+ )?deposit',
  // (round 34) the deposit after its verb: "so my deposit gets returned", "deposit will be refunded"
  'deposit\\S* (?:\\S+ ){0,2}?(?:return\\S*|refund\\S*|releas\\S*|given back|paid back)', '(?:la|une|ma|votre|de|sa) caution', 'كوسيون', '(?:ال)?تامين(?: \\S+)?', 'گرو', 'پول ?گرو', 'وديعه', 'الوديعه', 'garav\\S*', 'pul(?:i)? garav', 'depozit\\S*', 'vadi3a',
]);
/** Money sent to a phone number (a wallet), not to a company: "على نفس الرقم", "to the same number", "به همین شماره". */
const TO_A_NUMBER = words([
  '(?:على|علي|عل|ع|ل|الى) ?(?:نفس|ذات|هذا|هاد|هال) ?(?:ال)?(?:رقم|نمره)', '(?:على|علي|ع|ل|لل|الى) ?(?:ال)?(?:رقم|نمره) (?:ده|دا|هذا|هاد|هيدا|نفسه|ذاته)',
  'to (?:the same|this|that|his|her|a) (?:phone |mobile |wallet )?number', 'به (?:همين|همون|اين|اون) شماره',
  // (round 22) Dari "ده ای شماره", "به همی شماره"; Swahili "kwa namba hii"
  '(?:به|ده|د) (?:اي|همي) شماره', 'kwa (?:namba|nambari)(?: (?:hii|hiyo|ile))?',
]);
/** A fee by name (not any payment): a customer asking us to send their refund "to this number" names none. */
const FEE_NOUN = rx(['fees?', 'charges?', 'frais', 'فراي', 'فري دو?سي', 'fr[ae]y? do?ssi(?:e|é)?', 'معاليم', 'm3alim', 'رسوم', 'رسم(?![يىا])', 'هزينه', 'كارمزد', 'مصاريف', 'عموله', 'rosoom', 'rus[uo]m', 'hazine', 'ka+rmozd', 'commission', ...ES_FEE_NOUNS,
  // (round 22) Dari "فیس ثبت" (not Facebook), Tajik "ҳаққи …", Swahili "ada"
  'فيس(?! ?بوك)', 'haqqi', 'komissiya', 'ada(?![a-z])']);
/** Something to be gained or released by paying: a refund, frozen money, a prize, a loan, a free upgrade. */
const GAIN = pieces(
  rx([
    'refund', 'release', 'free', 'win', 'won', 'colis', 'livraison', 'recevoir', 'r[eé]cup[eé]rer', 'prize', 'reward', 'loan', 'approv', 'claim', 'compensation', 'cashback', 'unfreeze', 'unlock', 'upgrade', 'activat', 'v[eé]rif', 'unblock',
    'استرداد', 'استرجاع', 'ارجاع', 'يرجع\\S*', 'نرجع\\S*', 'ترجيع', 'رد المبلغ', 'الفلوس', 'ريمبورس\\S*', 'rembours\\S*', 'كسبت', 'ربحت', 'فزت', '(?:ن|ت|ي|ا)ربح\\S*', '(?:ن|ت|ي|ا)كسب\\S*', '(?:ه|ح|ب)?(?:ن|ت|ي|ا)ستلم\\S*', 'جايزه', 'جائزه', 'هديه', 'قرض', 'تعويض', 'مجان\\S*', 'ببلاش', 'ترقيه', 'تفعيل', 'يفعل\\S*', 'فك', 'تحرير',
    'وام\\S*', 'تاييد', 'تاييد شه', 'جايزه', 'برنده', 'بازپرداخت', 'برگشت پول', 'عودت', 'استرداد', 'رايگان', 'آزاد',
    'استلام', 'مسترد\\S*', 'مسترجع\\S*', 'حواله', 'الحواله', 'توصلك', 'azad\\S*',
    // a job that starts after the fee, a parcel released by it, money withdrawn or a transaction opened after it
    'jobs?', 'hired', 'hiring', 'employment', 'recruit\\S*', 'position', 'offer letter', 'resume', 'training', 'visa', 'work permit', 'parcel', 'package', 'shipment', 'customs', 'douane', 'جمارك', 'جمرك', 'گمرك', 'deliver\\S*', 'redeliver\\S*', 'withdraw\\S*', 'commission', 'vip', 'tasks?', 'raffle', 'lottery', 'jackpot', 'giveaway', 'lucky draw',
    'وظيف\\S*', 'شغل', 'توظيف', 'تدريب', 'فيزا', 'تاشيره', 'شحنه', 'شحنتي', 'شحنت\\S*', '[45] ?g(?![a-z])', 'طرد', 'يوصل\\S*', 'توصيل', 'تسحب', 'سحب', 'معامله', 'المعامله', 'سحب', 'مسابقه', 'قرعه', 'يانصيب',
    'استخدام', 'كار(?= )', 'ويزا', 'ويزه', 'مرسوله', 'بسته ?(?:پستي|ام|تون)', 'برگشت', 'قرعه ?كشي', 'انتقال جايزه',
    'estekhdam', 'bargasht', 'tayid', 'kar(?= )',
    'reembols\\S*', 'premio', 'paquete', 'aduana', 'liber(?:ar|e|en|a)(?![a-z])', '(?:y|n|t)libir\\S*',
    'yefa3al\\S*', 'refund\\S*', 'gayza', 'kasabt', 'vam\\S*', 'jayeze', '(?:y|t|n|bi|b)?(?:raj3|rag3|rja3|rje3)\\S*', 'erja3\\S*', 'rad el flos',
  ]),
  rx([
    // (round 22) Tajik (a prize, a winner, free, released or opened: "мукофот", "ғолиб", "ройгон", "кушодан") and Swahili
    // ("zawadi", "bure", "kufungua")
    'mukofot\\S*', 'joiza\\S*', 'gholib\\S*', 'lotereya\\S*', 'roygon', 'bepul', 'ozod\\S*', 'kushod\\S*', 'voz (?:kardan|kuned|kun|shavad|meshavad)',
    'zawadi', 'bure(?![a-z])', 'bahati nasibu', '(?:ku|wa|a|ni|tu|ku[iy]|wa[iy])?fungu(?:a|e)(?![a-z])',
  ]),
  rx([
    // (round 23) a status the fee is said to buy: a certificate, a validation, KYC or compliance clearance, a renewal or
    // reinstatement, an identity confirmed ("£250 anti-money-laundering certification fee", "AED 150 renewal fee", "رسوم
    // تأكيد الهوية", "برای تأیید هویت")
    'certif\\S*', 'validat\\S*', 'kyc', 'compliance', 'reinstat\\S*', 'renew\\S*', 'تاكيد (?:ال)?هويه', 'اثبات (?:ال)?هويه', 'تاييد هويت', 'احراز هويت',
    // …or the customer's money kept safe: "for your protection", "حفاظاً على أموالك", "جهت حفظ موجودی", "a safe account"
    'for (?:your|ur) (?:own )?(?:safety|protection|security)', 'to (?:protect|safeguard|secure) (?:your|ur) (?:money|funds|balance|savings)', 'حفاظا (?:علي|على)', 'للحفاظ (?:علي|على)', 'حرصا (?:علي|على)', 'لحمايه', 'حفاظت از', '(?:جهت|براي) حفظ',
    '(?:safe|safety|secure|protected|holding) account', 'حساب (?:ال)?(?:امان|امن|حمايه)',
  ]),
  rx([
    // (round 25) goods cleared at customs ("هزینه ترخیص", "رسوم تخليص", "cukai", "clearance fee"), aid and subsidies
    // ("مساعدة مالية", "یارانه", "bantuan"), money credited, a line registered again, a parcel held or returned
    'ترخيص', 'tarkhis', 'تخليص', 'clearance', 'cleared', 'cukai', 'paket', 'kiriman', 'مساعد[هة] (?:مالي|ماليه|نقدي)\\S*', 'مساعدات', 'aid(?![a-z])', 'subsid\\S*', 'grant', 'bantuan', 'يارانه', 'سهميه', 'credited', 'cair(?![a-z])',
    're-?regist\\S*', 'اعاده (?:ال)?تسجيل', 'dikembalikan', 'tertahan', 'خەڵات\\S*', 'igihembo', 'natsindiye', 'nimeshinda', 'inaam', 'انعام',
    // a renewal in Sorani, an account opened, points about to lapse
    'نوێ[كک]ردنەوە', 'فتح (?:ال)?(?:حساب|محفظه|اكونت)', 'open(?:ing)? (?:the |an |a |your |my )?(?:account|wallet)', 'ubbi', 'points', 'miles', 'نقاط', 'امتياز\\S*',
  ]),
  // (round 30) Dari's verification ("فیس تصدیق")
  rx(['تصديق', 'tasdiq', 'tasdeeq']),
);
/** The payment is someone else's demand, and a precondition: "they said I must first pay", "گفتن باید اول". */
const OBLIGED = pieces(
  words([
    'must', 'have to', 'has to', 'need to', 'needs to', 'required', 'requires', 'first', 'before',
    'لازم', 'لازمني', 'خاصني', 'خاصك', 'يتطلب', 'يجب', 'مطلوب', 'اول', 'اولا', 'قبل', 'عشان', 'علشان', 'باش', 'لكي', 'حتى',
    'بايد', 'اول', 'اولش', 'قبلش', 'براي اينكه', 'تا',
    'bayad', 'aval', 'avval', 'lazem', '3ashan', 'bash', 'khass(?:ni|ek|na|kom)', 'bach',
  ]),
  words([
    // (round 22) Tajik "бояд", "лозим"; Swahili "lazima", "inabidi" and the subjunctive of a demand ("akaniambia nitume")
    'boyad', 'lozim', 'lazima', 'inabidi', '(?:ni|u|tu|m)(?:lipe|tume)',
  ]),
);
/**
 * What a payment releases or lifts, as its purpose: a parcel let out or delivered, a block or a limit lifted ("bach
 * ytlaq lcolis", "تا بسته آزاد بشه", "to lift the block", "علشان يرفعولي حد التحويل", "baraye bala bordan saghf").
 * Not an upgrade: a customer asks what a real plan's upgrade costs.
 */
const RELEASE = '(?:releas\\S*|unflag\\S*|unban\\S*|(?:limit|ceiling) (?:increase|raise|extension)|send (?:it|them|the \\S+) out|(?:كارت|حساب\\S*) باز (?:شود|بشه|شه|كنن|بشود)|بفرستن\\S*|deliver\\S*|redeliver\\S*|reschedul\\S*|receive (?:it|the|your)|lift\\S* (?:the |my |your )?(?:block|hold|limit|restriction|freeze|suspension)|(?:raise|increase|lift)\\S* (?:\\S+ ){0,2}?(?:limit|ceiling)|unblock\\S*|unfreez\\S*|'
  + 'lib[eé]r\\S*|d[eé]bloqu\\S*|(?:y|t|n)?(?:e|a)?tl(?:a|e)(?:3|q|9)\\S*|ytl(?:a|e)?(?:q|9|3)\\S*|tawsil|tawseel|yewsal\\S*|(?:ي|ت|ن)(?:طلع|طلق|فرج|وصل|رفع)\\S*|الافراج|الافراج عن|توصيل|(?:ال)?(?:حد|سقف) (?:ال)?(?:تحويل|سحب|يومي)|'
  + '(?:ازاد|آزاد|ترخيص) ?(?:بشه|بشود|شود|شه|كنن|كنند|ميشه)?|(?:ارسال|پست) (?:بشه|بشود|شود|شه|كنن|كنند|ميشه|مي ?شود)|برسه|برسد|برسن|تحويل (?:بدن|بدند|بشه)|(?:افزايش|بالا بردن) (?:\\S+ )?سقف\\S*|azad\\S*|berese|tarkhis|رفع (?:\\S+ )?(?:محدوديت|مسدودي|انسداد)\\S*|(?:y|t|n)[ei]?f[ae]?kk?(?:o|ou|u)\\S*|(?:el |al )?7add?(?![a-z])|(?:afzayesh|bala bordan) (?:\\S+ )?saghf\\S*|'
  // (round 22) Tajik and Swahili opening: "кушодан", "воз шавад", "озод", "kufungua", "wafungue akaunti"
  + 'kushod\\S*|voz (?:kardan|kuned|shavad|meshavad)|ozod\\S*|(?:ku|wa|a|ni|tu|ku[iy]|wa[iy])?fungu(?:a|e)(?![a-z])|'
  // (round 31) a refund freed, paid out or given back: "لتحرير مبلغ الاسترداد", "يصرفولي التعويض", "يرجعوا الفلوس", Arabizi
  // "yerja3ou el refund", "yrj3o lflous"
  + 'تحرير|(?:ي|ت|ن)(?:صرف|رجع|حرر)\\S*|(?:y|t|n)(?:e|i)?r(?:a|e)?(?:j|g)(?:a|e)?3\\S*|'
  // (round 32) a claim or a request accepted or approved, which a stranger sells as a fee does a release: "so my claim can be
  // approved", "تا خسارتتون تایید بشه", "پرونده‌تون قبول بشه", "حتى يقبلون المطالبة", "عشان الشكوى تتقبل", "чтобы … одобрили",
  // "то … қабул шавад" (Cyrillic read in Latin); the payer's own report is not asked here (`demandedOfMe`)
  + 'accept\\S*|approv\\S*|(?:ي|ت|ن)(?:ن|ت)?قبل(?:و|وا|ون|وها|وه)?(?![\\p{L}])|(?:ي|ت|ن)(?:ت)?وافق\\S*|(?:ي|ت|ن)عتمد\\S*|'
  + '(?:قبول|پذيرفته|تاييد|تصويب) ?(?:بشه|شه|بشود|شود|مي ?شه|مي ?شود|كنن|كنند|بكنن)(?![\\p{L}])|(?:ghabool|ghabul|qabul|paziref\\S*|taeed|taiid|tayid|tasdiq) (?:beshe|she|shavad|mishe|kunand|kunan)(?![a-z])|odobr\\S*|priny?a\\S*|(?:y|t|n)(?:a|e|i)?(?:t|n)?(?:q|9|2|g)(?:a|e)?bl(?:o|ou|u|e|a|i)\\S*)';
/** (round 31) What a refund is called: a fee paid so that it is released is a stranger's, whoever says they paid it. */
const REFUND_HELD = rx(['refunds?', 'compensation', 'پول ?پس', 'pul ?pas', 'bozgasht\\S*', 'vozvrat\\S*', 'reimburs\\S*', 'rembours\\S*', 'استرداد', 'مسترد\\S*', 'تعويض\\S*', 'مستحقات', 'برگشتي', 'بازپرداخت', 'استرداد وجه', 'ta3wid\\S*', 'isterdad\\S*', 'esterdad\\S*']);
/** (round 34) A purpose word before a refund's name: "pour (recevoir) le remboursement", "to get my refund", "baraye bazpardakht". */
const FOR_THE_REFUND = rx(['(?:pour|afin de|to get|to receive|for|so i get|so i can get|bach|bash|باش|عشان|علشان|حتى|لكي|ل|تا|براي|baraye|para)(?: \\S+){0,2}? (?:refunds?|reimburs\\S*|rembours\\S*|استرداد|مسترد\\S*|تعويض\\S*|بازپرداخت|برگشت ?وجه)', '(?:baroi|baroyi) (?:\\S+ )?(?:bozgasht|vozvrat)\\S*']);
/** A sum paid so that something is released: the purpose clause after the payment, or "baraye …" before it. */
const PAID_TO_RELEASE = rx([
  `(?:to|so (?:that|they|it|the|my|your|ur|our|his|her)|in order to|chtob\\S*|para|bech|bich|ke|كه|as \\S+ to|pour|afin de|bach|bash|baach|w|3ashan|3achan|3shan|3chan|باش|تا|عشان|علشان|لكي|حتى|و|براي|baraye|baroi|ta|ili)(?: \\S+){0,3}? ${RELEASE}`,
  `(?:براي|baraye|baroi|for)(?: \\S+){0,2}? ${RELEASE}`,
  // (round 31) the Arabic purpose on the verbal noun itself: "لتحرير المبلغ", "للإفراج عن", "لصرف التعويض"
  'ل(?:ل)?(?:تحرير|افراج|صرف|ارجاع|استرجاع|فك)(?![\\p{L}])',
]);
/** Number words that can open a sum said aloud. */
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twenty', 'thirty', 'fifty', 'hundred', 'يك', 'يه', 'دو', 'سه', 'چهار', 'پنج', 'ده', 'صد', 'اتنين', 'اثنين', 'تلات\\S*', 'ثلاث\\S*', 'خمس\\S*', 'عشر\\S*', 'ميه', 'مية', 'ميت',
  // (round 27) formal Persian tens and hundreds: "مبلغ یکصد و بیست دلار", "دویست و پنجاه هزار تومان"
  'بيست', 'سي', 'چهل', 'پنجاه', 'شصت', 'هفتاد', 'هشتاد', 'نود', 'يكصد', 'دويست', 'سيصد', 'چهارصد', 'پانصد', 'ششصد', 'هفتصد', 'هشتصد', 'نهصد', 'هزار'].join('|');
/** An amount of money, written with its currency or its number of thousands. */
// (an amount starts where its number starts: tried from each digit of "1.1.1.1…", each reads to the run's end; exported
// for the step-counting test)
export const AMOUNT = rx([`\\d(?<![\\d.,]\\d)[\\d.,]*\\s?(?:${CURRENCY})`,
  // (round 26) a multiplier between the sum and its currency: "10 آلاف دينار", "15 الف دينار", "5 lakh rupees", "20k naira"
  `\\d(?<![\\d.,]\\d)[\\d.,]* ?(?:الف|الاف|مليون|ملايين|thousand|lakh|lac|hazaar|hazar|ہزار|k)(?![a-z]) ?(?:${CURRENCY})`,
  // (round 16) a sum said in words, as voice notes write it: "two pound ninety-nine", "دو تومن"
  `(?:${NUMBER_WORDS}) (?:\\S+ )?(?:pounds?|quid|dollars?|bucks|euros?|naira|dirhams?|riyals?|تومن|تومان|جنيه|ريال|درهم|دينار|دولار|دلار|دالر|سامان[يی]|افغاني)`, '\\d(?<![\\d.,]\\d)[\\d.,]* ?(?:هزار|ميليون|hezar|million) ?(?:تومن|تومان|toman|tomen|ريال|rial)?', '[$£€₦₹₱৳]\\s?\\d', '(?:aed|usd|sar|egp|qar|rs|inr|mad|eur|tnd|tjs|ksh|kes|tsh|tzs|ugx|shilingi|rp|php|pkr|bdt|etb|ngn|azn|tl|ghs|gh₵|frw|rwf|fcfa|omr|kwd|bhd|jod)\\.?\\s?\\d']);
const ACCOUNT_CHANGE = pieces(
  rx([
    'upgrade', 'unlock', 'unfreeze', 'unblock', 'reactivat', 'activat', 'v[eé]rif', 'keep (?:your |my )?account', 'release', 'restore',
    // paid to make safe or open again: "pay £49.99 to secure the account", "تا حسابت دوباره باز شود", "3ashan el 7esab yetfete7"
    'secure (?:the |your |my |ur )?(?:account|acct|wallet|card|money|funds|balance)', 're-?open', 'r[eé]activ\\S*', 'd[eé]bloqu\\S*', 'باز (?:ش|بش|مي ?ش|كن|بكن)\\S*', '(?:y|t|n)?(?:et)?f[ae]?t[ae]?7\\S*', 'avoid (?:closure|suspension|deactivation)',
    // (round 35) a tier, not an insurer's premium: "your premium of 450 AED is due", "my monthly premium" is a payment owed
    '(?<!(?:my|our|insurance|policy|monthly|annual|yearly|motor|car|health|life|home) )premium(?! (?:of|is|was|due|amount|payment|paid|\\d))',
    'ترقيه', 'تفعيل', '(?:ي|ت|ن)?ت?فعل(?!ا(?![\\p{L}]))\\S*', 'فك', 'افك', 'نفك', 'يفك', 'توثيق', 'تحديث', 'اعاده تفعيل', 'رفع الحظر', 'ميتقفلش', 'ما يتقفل', 'عشان الحساب', 'لتجنب', 'تجديد',
    'ارتقا', 'رفع مسدودي', 'فعال ?سازي', 'فعال ?كردن', 'فعال ?نمودن', 'فعال (?:بشه|شه|بشود|شود|مي ?شه|مي ?شود|كنن|كنند|كنيد)(?![\\p{L}])', 'احراز', 'باز ?شدن', 'باز ?كردن', 'تمديد', 'ويژه',
    // (round 27) an update a sum is paid for: "مبلغ یکصد و بیست دلار بابت به‌روزرسانی" (an update named alone is the app's)
    '(?:بابت|جهت) (?:\\S+ )?(?:به ?روز ?رساني|بروز ?رساني)',
    'تحقق', '(?:ي|ت|ن)ت?فتح\\S*', 'erte(?:gh|q|g)a\\S*',
    // a tier the account is raised to: "حسابم طلایی بشه", "gold account", "حساب ذهبي"
    'طلايي', 'طلائي', 'ذهبي', 'بلاتيني', 'پلاتين\\S*', 'gold(?:en)?', 'platinum', 'd[eé]bloc\\S*', 'ديبلوكاج', 'دبلوكاج',
    // a limit raised: "to raise my limit", "تا سقفت رو زیاد کنم", "لرفع الحد"
    '(?:raise|increase|boost|upgrade) (?:my |your |ur |the )?(?:card |transfer |credit |daily )?limit', 'limit (?:increase|upgrade|raise)', 'سقف\\S* ?(?:رو |را )?(?:بالا|زياد|افزايش)\\S*', '(?:بالا ?بردن|افزايش|زياد ?كردن) (?:سقف|حد)\\S*', '(?:(?:ي|ت|ن|ا)?رفع|زياد[هة]|(?:ي|ت|ن|ا)?زيد|تكبير|(?:ي|ت|ن|ا)?كبر) (?:ال)?(?:حد|سقف)\\S*',
    'tar2eya', 'tafeel', 'ertegha', 'vip',
    // (round 20) Spanish, and Maghrebi verbs on its stems ("nactivaw lik la tarjeta"); Tunisian "يتحل الكونت" (the account is opened)
    '(?:n|t|y)?activ(?:ar|a|e|en|aci[oó]n|iw|aw|i)(?![a-z])', 'desbloque\\S*', '(?:n|t|y)d[eé]bloqu\\S*', '(?:ي|ت|ن)تحل(?![\\p{L}])', '(?:y|t|n)[ei]t7al\\S*', 'y?fak+\\S*', 'tfak+\\S*', 'nfak+\\S*', '(?:y|t|n)f[ao]kk?[oua]\\S*', 'yeftah\\S*', 'baz ?(?:she|beshe|kon)\\S*',
  ]),
  rx([
    // (round 22) Tajik ("кушодан", "воз кардан", "фаъол", "тасдиқ" read in Latin), Swahili ("kufungua", "kuthibitisha"), Algerian
    // "نحلّوهولك" (we open it for you) — the verb "حل" with an object, not "كيفاش نحلّو" alone
    'kushod\\S*', 'voz (?:kardan|kuned|kun|shavad|meshavad)', 'faol\\S*', 'tasdiq\\S*', '(?:ku|wa|a|ni|tu|ku[iy]|wa[iy])?fungu(?:a|e)(?![a-z])', '(?:ku)?thibitish\\S*',
    '(?:ن|ت|ي)حل(?:و|وا)?(?:ه|ها|هولك|هالك|هوليك|لك|ولك)(?![\\p{L}])',
  ]),
);
const FROZEN = pieces(
  rx([
    'frozen', 'freeze', 'suspend', 'cancel\\S* (?:forever|for good|permanently)', '(?:y|t)[ae]?t?s[ae]kk?[ae]r\\S*', '(?:y|t)[ae]?t(?:9|2)[ae]ss\\S*', '(?:will|would|to) be cancel\\S*', '(?:will|would|to) be shut', 'gets? cancel\\S*', 'locked', 'blocked', 'closed', 'deactivat', 'disabled', 'terminated', 'restricted', 'compromised', 'on hold',
    'مجمد', 'تجميد', 'جمد', 'موقوف', 'ايقاف', 'مقفول', 'قفل', 'هيتقفل', 'بينقفل', 'بيتقفل', 'يتقفل', 'ينقفل', 'حيتقفل', 'بيتسكر', 'يتسكر', 'اغلاق', 'سيتم اغلاق', 'محظور', 'حظر', 'معلق', 'تعليق', 'هيتلغي',
    'مسدود', 'بسته', 'غيرفعال', 'غير فعال', 'تعليق', 'معلق',
    // dialect past and passive forms: Egyptian اتجمد/اتقفل/اتوقف/اتعلق, Maghrebi تبلوكا/تسد, Levantine انقفل/تسكر
    'ات(?:جمد|قفل|وقف|علق|بلوك|حظر|سكر|لغي|سد|قفش|عمله بلوك)\\S*', 'ان(?:قفل|حظر|سكر|جمد|وقف|سد)\\S*', 'تبلوك\\S*', 'بلوك\\S*', 'مبلوك\\S*', 'تسد\\S*', 'تسكر\\S*', 'قفلوه\\S*', 'وقفوه\\S*', 'جمدوه\\S*', 'مجمد\\S*', 'موقف\\S*', 'متوقف\\S*', 'مقفل\\S*',
    'قفل شد', 'مسدود شد', 'بلاك شد', 'بند (?:مي ?شه|ميشه|مي ?شود|ميشود|شد|مي ?شن)', 'band (?:mishe|shod|mishan)', 'غيرفعال شد', 'بسته (?:مي ?شه|ميشه|مي ?شود|شد)',
    '(?:baste|masdood|ghat|block|blocke|gheyre? ?faal|mahdood) (?:mishe|mishavad|shod|mishan|mikonan|mikonim|khahad)', 'masdood', 'mojamad', 'maqfool', 'et(?:gamad|2afal|afal|wa2af)\\S*', 'tbloka', 'blocka',
    // a threat in any tense by its verb's shape: future/progressive prefix, person prefix, stem — هيتفصل, بيتجمد, ينقطع, يتسد
    '(?:ه|ح|ب|بي|هي|حي|غادي |راح |رح |سوف |سي)?(?:ي|ت|ن)(?:ت|ن)?(?:فصل|قطع|جمد|قفل|سد(?!د)|سكر|بلوك|وقف|لغي|لغى|حظر)\\S*',
    // (round 31) MSA's passive with a verbal noun: "سيتم قطع الخط", "سوف يتم إيقاف الخدمة"
    '(?:س|سوف |راح |رح |ه|ح)?يتم (?:ال)?(?:فصل|قطع|ايقاف|تجميد|قفل|حظر|الغاء|تعليق)',
    'go (?:close|lock|shut|freeze|suspend|block|cut|off)\\S*', 'returns? to (?:the )?sender', 'will be returned', 'goes back to (?:the )?sender', 'retourn\\S* (?:a|à) l.exp[eé]diteur', '(?:ي|ت|هي|هت|حي|حت|بي|بت)رجع\\S* (?:لل|ل)(?:مرسل|راسل)', 'به فرستنده (?:برمي ?گرده|برميگرده|برگشت داده)',
    'block', 'cut off', 'cut', 'clos(?:es|ing) (?:in|within|at|by|tonight|today)', 'disconnect\\S*', 'shut (?:down|off)', 'barred', 'permanently', 'terminat\\S*', 'bloqu\\S*', 'suspendu', 'ferm\\S*', 'coupure', 'r[eé]sili\\S*',
    // a legal threat: an arrest warrant, a summons ("حکم جلب", "ابلاغیه قضایی")
    'arrest', 'warrant', 'legal action', 'court', 'prosecut\\S*', 'النيابه', 'للنيابه', 'دادسرا', 'cl[oô]tur\\S*', 'حكم جلب', 'جلب', 'احضار', 'بازداشت', 'اعتقال', 'امر قبض',
    'قطع (?:مي ?شه|ميشه|مي ?شود|خواهد|شد|ميشود|مي ?گردد)', 'مسدود (?:خواهد|مي ?شه|ميشه|مي ?شود|مي ?گردد|ميگردد)', 'masdood (?:mishavad|mishe|mishan|khahad)', 'ghat (?:mishavad|khahad)',
    '(?:ra7|rah|ha|7a|hay|bay|ghadi|bi|b)? ?(?:y|t|n)[ei]?[tn]?(?:s[ae]kk?[ae]r|2[aei]?ff?[aei]?l|[ae]ff?[ae]l|g[ae]m[ae]d|j[ae]m[ae]d|w[ae]2[ae]f|s[ae]dd|b[ae]?ll?ok|block|la8a|lgha)\\S*', 'بسته خواهد', 'غيرفعال (?:خواهد|مي ?شه|ميشه)', 'ghat\\S* mishe', 'masdood mishe',
  ]),
  // (round 23) deactivation by its verbal noun ("سيتم تعطيل حسابك"), switched or turned off
  rx(['switch(?:ed)? off', 'turned off', 'تعطيل']),
  // (round 25) blocked in Indonesian and Malay ("diblokir", "disekat", "dinonaktifkan")
  rx(['diblokir', 'disekat', 'ditutup', 'dinonaktifkan', 'digantung']),
  // (round 25) the money lost: "رح يروحوا كل المصاري", "فلوسك هتروح", "you will lose all your money", "پولت میپره"
  rx(['(?:رح|راح|ح|ه|بي)?(?:ي|ت)روح(?:وا|و)? (?:كل )?(?:ال)?(?:مصاري|فلوس|مبلغ|رصيد)', '(?:مصاري|فلوس|رصيد)\\S* (?:رح |راح |ح|ه)?(?:ت|ي)روح', 'lose (?:all )?(?:your|ur|the) (?:money|balance|funds|savings)', 'پول\\S* (?:مي ?پره|ميپره|از دست مي ?ره|مي ?سوزه)']),
  // (round 24) deletion: "حسابك راح ينحذف اليوم", "سيتم حذف", "will be deleted", "حذف می‌شود", "silinecek", "akan dihapus"
  rx(['ينحذف', 'يتحذف', 'هيتحذف', 'حيتحذف', 'سيتم حذف', '(?:will be|to be|getting|gets) deleted', 'حذف (?:مي ?شه|ميشه|مي ?شود|ميشود|خواهد)', 'silinecek', 'akan dihapus']),
  rx([
    // (round 22) Tajik ("баста шуд", "маҳкам шуд", "баста мешавад", "месӯзад" read in Latin) and Swahili ("imefungwa", "itazimwa")
    '(?:bast[ae]|blok\\S*|mahkam|masdud|qat) (?:shud\\S*|meshavad|mesha|megardad|karda shud)', 'mesuzad', 'سوزونده (?:مي ?شه|ميشه)', 'سوزانده (?:مي ?شود|ميشود|خواهد)', '(?:ime|ita|ume|uta|zime|zita|i|zi)?(?:fungwa|zimwa|simamishwa|zuiliwa|blokiwa)(?![a-z])',
  ]),
  // (round 30) a booking or ticket cancelled or voided, Persian and Dari: "تکت من لغو میشه", "بلیطت باطل میشه"
  rx(['(?:لغو|باطل|كنسل) (?:مي ?شه|ميشه|مي ?شود|ميشود|مي ?گردد|ميگردد|شد|شده|خواهد|ميكنن|مي ?كنند|ميكنند)']),
);
/**
 * (round 28) The money sent goes back: "التحويل برجع", "الحوالة ترجع", "the transfer goes back / will be reversed" — a
 * loss only where a sum is demanded "or else" (a transfer returned is also the ordinary news of one not accepted).
 */
const TRANSFER_RETURNS = rx(['(?:ال)?(?:تحويل|حواله|حوالات|مبلغ|فلوس|مصاري)\\S* (?:\\S+ )?(?:رح |راح |ح|ه|ب|بي|بت)?(?:ي|ت)?رجع\\S*', '(?:transfer|transaction|money|payment|remittance)s? (?:\\S+ )?(?:goes|will go|gets sent|is sent|will be sent) back', '(?:transfer|transaction|payment|remittance)s? (?:\\S+ )?(?:will be |gets |is )?(?:reversed|returned|cancel+ed)']);
/**
 * (round 34) What is lost to someone else if the customer does not pay first: "or the car goes to someone else", "وگرنه ماشین
 * رو به یکی دیگه میفروشیم", "ولا نعطيها لواحد ثاني", "sinon on la donne à quelqu'un d'autre" — a reservation's pressure.
 */
const LOST_TO_ANOTHER = rx([
  '(?:go|goes|going|give|gives|giving|sell|sells|selling|sold|went)\\S* (?:\\S+ ){0,2}?to (?:someone|somebody|another|the next)(?: else| buyer| customer| person| one)?(?![a-z])',
  'به (?:يه |يك |ي )?(?:يكي|نفر|كس|شخص|مشتري|خريدار) (?:ديگه|ديگر|بعدي)', 'ba (?:yeki|ye nafar|kasi) (?:dige|digar)',
  '(?:ل|الى|لـ)(?:واحد|حد|شخص|زبون|مشتري) (?:ثاني|تاني|اخر|غيرك)', 'لغيرك', 'لحد غيرك', 'a quelqu.un d.autre', 'a un autre (?:client|acheteur)',
]);
/** (round 34) A sum to be paid first, before anything is done: "avval 150 somoni …", "pay 100 upfront", "ادفع الاول". */
const FIRST = words(['first', 'firstly', 'upfront', 'up front', 'in advance', 'beforehand', 'avval', 'aval', 'аввал', 'اول', 'اولا', 'الاول', 'مقدما', 'مسبقا', 'pehle', 'pehlay', "d'abord", 'avant tout', 'en avance']);
const NOW = pieces(
  rx([
    'now(?![\\p{L}])', 'immediately', 'urgent', 'asap', 'right away', 'today', 'within \\d+', 'in \\d+ (?:hours?|minutes?|days?)', '24 ?h', 'last (?:chance|warning)', 'final (?:notice|warning)', 'expires?',
    'فورا', 'حالا', 'دلوقتي', 'الحين', 'عاجل', 'خلال', 'الان', 'اليوم', 'اخر فرصه', 'تنبيه نهائي', 'بسرعه', 'في اسرع وقت',
    // (round 35) not Egypt's Fawry, paid through: "دفعت من فوري", "عن طريق فوري"
    'همين الان', '(?<!(?:من|عن طريق|عبر|على|ع|في|ماكينه|ماكينة) )فوري', 'فورا', 'ظرف', 'تا \\d+ ساعت', 'امروز', 'سريعا', 'هر چه سريعتر', 'فرصت',
    'alan', 'foran', 'delwa2ty', 'daba', 'halla2', 'hala2', 'fawran', '5elal', 'khelal', 'khilal', 'mohlat', 'akharin mohlat', '\\d+ ?(?:saat|sa3a|sa3at|sa3aat|da2ay2|minutes?)', 'sa3a', 'تا \\S+ (?:ديگر|ديگه)', 'ساعاتي', 'مهلت', 'اخرين مهلت',
    '(?:ta|تا) (?:farda|فردا)', 'by tomorrow', '(?:قبل|حتى|لغايه) (?:بكره|بكرا|بكرة|الغد|غدوه)',
    '(?:تا|ta) (?:شام|عصر|ظهر|شب|غروب|sham|asr|zohr|shab)(?![\\p{L}])', 'by (?:this )?(?:evening|noon|tonight)', '(?:قبل|لحد|حتى) (?:المغرب|العصر|الظهر|المسا|المساء)',
    'tonight', 'midnight', 'minuit', 'تا ساعت \\d+', 'end of (?:the )?day', 'by \\d', 'aujourd\\S*', 'immediat\\S*', 'demain', 'maintenant', 'ce soir', 'avant \\d', 'الليله', 'منتصف الليل', 'امشب', 'نيمه ?شب', 'emshab', 'emrooz',
    'النهارده', 'النهاردة', 'النهاردا', '(?:el |e)?na?har(?:da|dah|de)', 'el yom', 'elyoum', 'lyoum', 'دابا', 'توا', 'هلق', 'هلا', 'هسه', 'هسع', 'حالا', 'فورً?ا', 'بسرعه', 'دغري', 'على طول', '\\d+ ?(?:ساعه|ساعت|ساعات|hours?|hrs?)', 'همين حالا', 'سريع',
  ]),
  rx([
    // (round 22) Tajik ("фавран", "имрӯз", "то соати 18:00", "то бегоҳ") and Swahili ("leo", "sasa hivi", "kabla ya saa 12")
    'favran', 'hozir', 'imruz', 'imshab', 'to (?:soati \\d|begoh|shab|fardo)', 'zud(?![a-z])', 'leo(?![a-z])', 'sasa hivi', 'haraka', '(?:kabla ya|ndani ya) (?:saa|masaa|dakika)',
  ]),
  // (round 25) Levantine "هسا", "هلأ"; Indonesian "sekarang juga", Malay "segera"
  rx(['هسا', 'هلا?ء', 'sekarang(?: juga)?', 'segera']),
);
/**
 * (round 26) "or else" in Arabic and Arabizi, whole: with free endings "و الا" read "و الان" ("and now": "الان اپ رو باز
 * می‌کنم", "والان حسابي مقفل") and "walla" read "wallah" as a threat's "or else".
 */
const OR_ELSE_WORDS = ['والا(?![\\p{L}])', 'و الا(?![\\p{L}])', 'wella(?![a-z])', 'walla(?![a-z])'];
const ACTION = rx([
  'verify', 'update', 'confirm', 'click', 'tap', 'log ?in', 'sign ?in', 'link', 'call', 'reply', 'enter', 'visit', 'send', 'http', 'www',
  'تحديث', 'حدث', 'تاكيد', 'اكد', 'اضغط', 'رابط', 'لينك', 'ادخل', 'اتصل', 'ارسل', 'تحقق', 'بياناتك', 'بيانات',
  'به ?روز', 'بروز', 'لينك', 'كليك', 'وارد', 'تماس', 'اطلاعات', 'تاييد', 'ارسال', 'تصديق',
  '(?:pay|paid) (?:\\S+ )?(?:now|today|immediately|or)', 'unless', 'if (?:you|u|i) (?:do not|don.t|dont|not|fail)', 'تسدد', 'سداد', 'تدفع', 'ادفع', 'دفع', 'مدفعت\\S*', 'مادفعت\\S*', 'الا ما', 'اذا ما', 'لو ما', 'لو م\\S*ش', 'مراجعه', 'مگر', 'جهت جلوگيري', 'براي جلوگيري',
  // "if you don't … within 2 hours": Persian and Finglish conditionals with a negated verb ("age ta 2 saat update nakoni")
  '(?:اگه|اگر) (?:\\S+ ){0,6}?ن\\S{2,}(?:ي|يد|ين)(?= |$)', '(?:age|agar|ager) (?:\\S+ ){0,6}?na[a-z]{2,}(?:i|id|in)(?![a-z])', 'taeed', 'taiid', 'tayid', 'sabt',
  'settle', 'payez', 'payer', 'cliquez', 'اقدام (?:كنيد|نماييد|كن|كنين)', 'tasdiq\\S*', 'pardo(?:kh|x)t', 'supor(?:ed|et|id)', 'thibitish\\S*', 'bonyeza', 'lipa(?![a-z])', 'r[eé]gularis\\S*', 'دوس', 'ابعت', 'ابعث', 'صيفط', ...OR_ELSE_WORDS, 'or else', 'otherwise', 'وگرنه', 'vagarna', 'تاكد', 'تاكيد', 'دخل', 'عالرابط', 'عاللينك', 'ع الرابط', 'للرابط', 'الرابط', 'اللينك', 'ضغط', 'كبس', 'بزن', 'بزنيد', 'روي لينك', 'كليك كن\\S*', 'ثبت', 'اكد', 'حدث',
]);

const CLAIM_BY_A_DEADLINE = rx([
  '(?:claim|redeem|collect)\\S* (?:\\S+ ){0,4}?(?:before|by|within|until) (?:\\S+ ){0,3}?(?:today|tonight|midnight|\\d+ ?(?:pm|am|h|hours?|hrs?))',
]);
/** A span of time that runs out: "within 20 minutes", "30 minutes to", "before 3 pm today", "خلال نص ساعة", "ظرف یک ساعت". */
const DEADLINE_SPAN = pieces(
  rx([
    'within (?:\\S+ ){0,2}?(?:minutes?|mins?|hours?|hrs?|\\d+)', '(?:\\d+|half an?|an?|one|two|thirty|twenty|fifteen|ten) (?:minutes?|mins?|hours?|hrs?) (?:to|or|before|left)', 'before \\d+ ?(?:pm|am|p\\.m|a\\.m|o.clock|:\\d\\d)', 'before (?:noon|midnight|tonight|end of (?:the )?day)', 'by \\d+ ?(?:pm|am)', 'in the next (?:\\S+ )?(?:minutes?|hours?)', 'within \\d+ ?(?:h|hrs?|mins?|m|d)(?![a-z])', '\\d+ ?(?:heures?|h)(?![a-z])', 'before \\d+ ?(?:pm|am)', '(?:قبل|لحد|لغايه|حتى) (?:نص|منتصف|نصاص) (?:ال)?ليل', 'قبل (?:الساعه )?\\d+',
    'خلال (?:\\S+ ){0,2}?(?:ساعه|ساعات|ساعتين|دقيقه|دقايق|دقائق|ربع|نص|يوم|يومين|ايام)', 'قبل (?:ال)?ساعه', 'في خلال', 'ظرف (?:\\S+ ){0,2}?(?:ساعت|دقيقه|روز)', 'تا (?:\\S+ ){0,2}?(?:ساعت|دقيقه) (?:ديگه|ديگر|اينده)', 'تا ساعت \\d+', '(?:نيم|يك|دو|سه|\\d+) ساعت (?:فرصت|مهلت|وقت)', 'مهلت',
    '(?:نص|ربع|نصف) ساعه', 'avant \\d+ ?h', 'dans (?:les )?\\d+ (?:minutes|heures)',
  ]),
  rx([
    // (round 22) Tajik "то соати 18:00", "дар давоми 2 соат"; Swahili "ndani ya saa mbili", "kabla ya saa 12"
    'to soati \\d+', 'dar (?:davomi|muddati) (?:\\S+ )?(?:soat|daqiqa)\\S*', '(?:ndani ya|kabla ya) (?:saa|masaa|dakika)',
  ]),
  // (round 25) Malay and Indonesian "dalam masa 24 jam", "dalam waktu 2 jam"
  rx(['dalam (?:masa|tempoh|waktu) \\d']),
  // (round 28) Urdu and Hindi in Latin letters: "2 ghante mein", "ek ghante tak", "raat 12 baje (tak)"
  rx(['(?:\\d+|ek|do|teen|aadhe|adhe) ghant(?:e|on|a|ay|ey) (?:mein|me|main|mai|tak|ke andar)(?![a-z])', '\\d{1,2} baje(?: tak)?(?![a-z])']),
  // (round 30) texting ("b4 6pm", "by midnite") and Arabizi ("gabl el sa3a 8")
  rx(['(?:b4|bfr|befor) \\d+ ?(?:pm|am)', '(?:by|before|b4) (?:midnite|tonite|midnight)', '(?:[g2q]abl|abl) (?:el |l)?sa3a \\d+']),
);
/** What is lost once the deadline passes, or kept by meeting it: "otherwise", "or your account", "وإلا", "وگرنه", "sinon". */
const CONSEQUENCE = pieces(
  rx([
    "otherwise(?! (?:i|we|i'll|i will|we'll)(?![a-z]))", 'or else', 'or (?:the )?(?:claim|policy|contract|cover|coverage|insurance|case|file)(?![a-z])', "or (?:your|the|it|you will|you'll|u will|lose|forfeit|be)(?![a-z])", 'unless (?:you|u|i|we)(?![a-z])', 'to (?:keep|avoid|prevent)(?: your| the)? (?:account|wallet|card|access|number|line|profile|closure|suspension|deactivation|blocking)',
    'goes to (?:the )?next', 'passes to', 'sinon', 'faute de quoi', ...OR_ELSE_WORDS.map((w) => `${w}(?! انا| احنا)`), 'وگرنه', 'وگر نه', 'vagarna', 'vagar na', 'ولا (?:ه|ح|رح|بي|ي|ت)\\S*',
    'تروح (?:ل|ال)\\S*', 'بتروح (?:ل|ال)\\S*', 'هتروح', 'حتروح', 'يروح (?:عليك|منك)', 'تضيع', 'هتضيع', 'بيضيع', 'از دست (?:مي ?ره|ميره|مي ?دي|ميدي|خواهد)',
  ]),
  rx([
    // (round 22) Swahili "la sivyo", "vinginevyo"
    'la sivyo', 'vinginevyo',
    // (round 27) Persian "unless" in full ("… قطع خواهد شد مگر آنکه …"); Tajik "вагарна" is read as "vagarna" above
    'مگر (?:انكه|اينكه|اين كه|ان كه|آنكه)',
    // (round 26) Punjabi "nahi taan", Urdu/Hindi "warna", "nahi to", Hausa "idan ba haka ba", Tagalog "kung hindi", Somali
    // "haddii kale", Bengali "na hole", Pashto "ka na", English "if not"
    'nahi? ?(?:taan|tan|ta|to|toh)(?![a-z])', 'nahin (?:taan|to|toh)(?![a-z])', 'warna(?![a-z])', 'varna(?![a-z])', 'wrna(?![a-z])', 'idan ba haka ba', 'in ba haka ba', 'kung hindi(?! ko| ako)', 'haddii kale', 'na hole(?![a-z])', 'nahole', 'ka na(?![a-z])', 'if not(?![a-z])',
    // (round 24) "…ولا الحساب يتبلوكا": "or else" with the account named before its verb
    'ولا (?:ال)?(?:حساب|كونت|اكونت|محفظه)\\S* (?:ه|ح|رح|بي|ي|ت)\\S*',
    // (round 25) Darija "ولا غادي يتسد", a loss told of the customer's own card ("or my card gets cancelled"),
    // Indonesian and Malay "kalau tidak", "jika tidak"
    'ولا (?:غادي|راه|را) ', "or (?:my|his|her) (?:\\S+ )?(?:card|account|wallet|line|sim|number|money)", '(?:kalau|jika|kalo) (?:tidak|tak|ndak|nggak)',
  ]),
  // (round 30) texting's "or ur", Dari's "ورنه", Arabizi "wala el 7ajz …"
  rx(["or (?:ur|yr|ya|u'?ll|u will)(?![a-z])", 'ورنه', '(?:wala|walla|wella|wla) (?:el |l)?(?:7ajz|7agz|7esab|account|booking|tazkara|tazkra)\\S*']),
);
/**
 * (round 22) The day a loss falls on, right after "or else": "ولا غدوة يتسكّر", "or else tomorrow it is closed", "vagarna
 * imshab …", "la sivyo kesho …" — a deadline and a consequence in one.
 */
const OR_ELSE_BY_DAY = rx([
  `(?:والا|و الا|ولا|wella|wla|walla|or else|otherwise|vagarna|وگرنه|sinon|la sivyo|vinginevyo) (?:\\S+ )?(?:غدوه|غدوا|غدا|بكره|بكرا|اليوم|الليله|tomorrow|tonight|today|فردا|امشب|امروز|imruz|imshab|fardo|kesho|leo|demain|ce soir|ghedwa|ghodwa)(?![\\p{L}])`,
]);
/**
 * (round 25) A day said as a limit: "by / before / until / تا / قبل / sebelum / bitarenze" a day or an hour ("تا امروز شام",
 * "قبل آخر النهار", "before close of business today", "sebelum jam 18:00", "bitarenze uyu munsi"), or the day as the last
 * ("اليوم بس", "اليوم آخر يوم", "امشب آخرین مهلته", "today only").
 */
const FEE_DEADLINE = rx([
  '(?:by|before|until|till|no later than|not later than|latest by|تا|قبل|لحد|حتى|لغايه|sebelum|sampai|sak ?durunge|bitarenze|kabla ya|kafin|bago|hanggang|avant|jusqu.a) (?:\\S+ ){0,2}?(?:today|tonight|tomorrow|midnight|midnite|tonite|noon|امروز|امشب|فردا|شام|بيگاه|عصر|ظهر|شب|پايان|اليوم|الليله|بكره|بكرا|باجر|غدا|غدوه|المغرب|العصر|منتصف|اخر|نهايه|uyu munsi|hari ini|malam ini|besok|jam|pukul|ce soir|demain|close of business|end of (?:the )?day|\\d)',
  '(?:today|tonight|اليوم|الليله|امروز|امشب|hari ini) (?:only|بس|فقط|اخر يوم|is the last day|last day|اخرين (?:روز|مهلت)\\S*)', 'اخر (?:يوم|مهله|موعد)', 'اخرين (?:مهلت|روز)', 'last day', 'deadline',
  // …or the day the payment is ordered for, or the day before "or else": "pay it today", "ادفع اليوم", "امروز واریز کنید", "today or …"
  '(?:pay|paid|send|transfer|deposit|ادفع|تدفع|يدفع|حول|تحول|سدد|ارسل|بپرداز|پرداخت|واريز|بريز|bayar|transfer)\\S* (?:\\S+ ){0,5}?(?:today|tonight|now|اليوم|الليله|الحين|امروز|امشب|hari ini|sekarang)(?![\\p{L}])',
  '(?:today|tonight|اليوم|الليله|امروز|امشب|hari ini) (?:\\S+ ){0,3}?(?:پرداخت|واريز|بپرداز|بريز|ادفع|تدفع|pay|bayar)\\S*', '(?:today|tonight|اليوم|الليله|امروز|امشب|hari ini) (?:or|otherwise|or else|والا|وإلا|ولا|وگرنه|atau)(?![\\p{L}])',
]);
/** (round 25) A condition on the reader: "if you don't …", "اذا ما تحدث", "kalau tidak verifikasi", "اگه … نکنی". */
/**
 * (round 26) The reader's money seized or confiscated: "funds seized", "فلوسك بتتصادر", "پول تان ضبط می‌گردد" — no real
 * company threatens it; with the account's loss on a condition, in a message's voice, it is pressure without a deadline.
 */
const FUNDS_SEIZED = rx(['seiz(?:e|ed|ure|ing)', 'confiscat\\S*', 'forfeit\\S*', 'مصادر\\S*', '(?:ت|ي|بت|بي|هت|حت)تصادر\\S*', 'ضبط (?:مي|ميشه|ميگرد|ميشود|خواهد|شود|شده)\\S*', 'zabt', 'itataifishwa', 'disita']);
const IF_NOT = rx([
  'if (?:you |u )?(?:do not|don.t|dont|fail|didn.t|haven.t)', 'unless', '(?:اذا|ان|لو) (?:ما|لم)', 'الا اذا', '(?:kalau|jika|kalo|klo) (?:tidak|tak|ga|gak|nggak|ndak)',
  '(?:اگه|اگر) (?:\\S+ ){0,6}?ن\\S{2,}(?:ي|يد|ين)(?= |$)', 'مگر', '(?:age|agar) (?:\\S+ ){0,6}?na[a-z]{2,}(?:i|id|in)(?![a-z])', 'si (?:vous ne|tu ne)', 'يەگەر',
  // (round 28) Urdu and Hindi in Latin letters: "agar … nahi karwai", "… nahi ki to"
  'agar (?:\\S+ ){0,6}?(?:nahi|nahin|na)(?![a-z])', '(?:nahi|nahin|na) (?:ki|kiya|kia|kari|karwai|karwaya|karaya|kiye) (?:to|toh)(?![a-z])',
]);
/** Bills: a real company's overdue bill warns of a cut line too ("pay your bill by tomorrow or the line is cut"). */
const BILL = rx(['bills?', 'invoice', 'factur\\S*', 'فاتور\\S*', 'فاكتور\\S*', 'قبض', 'صورت ?حساب', 'bili', 'hisobnoma']);
/** A deadline named by the day, not a span: "tonight", "غداً", "امروز", "ce soir". */
const DAY_DEADLINE = pieces(
  rx(['today', 'tonight', 'tomorrow', 'by (?:the )?end of (?:the )?day', 'اليوم', 'الليله', 'غدا', 'بكره', 'بكرا', 'النهارده', 'كحد اقصي', 'امروز', 'امشب', 'فردا', 'emrooz', 'emshab', 'farda', "aujourd\\S*", 'ce soir', 'demain',
  // (round 22) Maghrebi "غدوة" (tomorrow), Tajik "имрӯз", "имшаб", "фардо", Swahili "leo", "kesho"
  'غدوه', 'غدوا', 'ghedwa', 'ghodwa', 'imruz', 'imshab', 'fardo', 'leo(?![a-z])', 'kesho',
  // (round 23) a named weekday: "frozen on Friday unless …", "before Monday", "يوم الخميس", "تا شنبه"
  '(?:on|by|before|until|this|next) (?:mon|tues|wednes|thurs|fri|satur|sun)day', '(?:يوم|قبل|لغايه|حتى) (?:ال)?(?:سبت|احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه)', '(?:تا|قبل از) (?:شنبه|يكشنبه|دوشنبه|سه ?شنبه|چهارشنبه|پنجشنبه|جمعه)']),
  rx([
    // (round 24) before nightfall ("قبل الليل", "before night", "تا شب"); today, tonight and tomorrow in Turkish,
    // Indonesian, Urdu, Tagalog, Hausa, Bengali; a time of day with "until" or "before" ("18:00'e kadar", "sebelum jam
    // 5", "10 بجے تک", "bago mag alas-5", "kafin karfe 3")
    'قبل (?:ال)?ليل', 'before (?:the )?night(?:fall)?', 'تا شب(?![\\p{L}])',
    // (round 30) Dari "by evening": "تا شام", "تا بیگاه"
    'تا (?:شام|بيگاه)(?![\\p{L}])',
    'bugün', 'yarın', 'bu (?:akşam|gece)', 'hari ini', 'besok', 'malam ini', 'آج(?![\\p{L}])', 'ngayong (?:araw|gabi)', 'bukas', 'mamayang gabi', 'yau(?![a-z])', 'gobe', 'আজ', 'আজকে', 'আগামীকাল',
    "\\d{1,2}(?::\\d\\d)?(?:'?(?:e|a|ye|ya|den|dan))? kadar", '(?:sebelum|sampai) (?:pukul|jam) \\d', '\\d{1,2} بجے تک', '(?:bago|hanggang) (?:mag )?alas', 'kafin (?:karfe|ƙarfe)',
  ]),
  rx([
    // (round 25) the day's end in more words: "قبل آخر النهار", "نهاية اليوم", "close of business", "EOD"; today and tonight
    // in Kinyarwanda ("uyu munsi"), Wolof ("tey", "ci guddi"), Javanese ("dina iki", "sak durunge jam"), Sorani ("ئەمڕۆ",
    // "ئەمشەو"), Malay ("dalam masa 24 jam")
    '(?:قبل|لحد|حتى|لغايه) (?:ال)?(?:اخر|نهايه) (?:ال)?(?:نهار|يوم|دوام)', 'نهايه (?:ال)?(?:يوم|دوام)', 'اخر (?:ال)?نهار', 'اخر يوم', '(?:close|end) of business', 'eod(?![a-z])', 'cob(?![a-z])',
    'باجر', 'باچر',
    // (round 27) the day's or the week's end in Persian and Tajik: "تا آخر هفته", "تا پایان روز", "ظرف امروز", "то охири рӯз"
    '(?:تا|قبل از|ظرف) (?:اخر|پايان) (?:هفته|روز|امروز|ماه|وقت اداري)', 'ظرف (?:امروز|امشب|فردا)', '(?:to|pesh az) (?:okhiri|ohiri|oxiri) (?:ruz|hafta|moh)',
    // (round 28) Urdu and Hindi in Latin letters: "aaj raat", "aaj shaam tak", "kal subah tak"
    'aaj (?:raat|rat|shaam|sham|hi)(?![a-z])', '(?:aaj|kal) (?:\\S+ )?tak(?![a-z])',
    'uyu munsi', 'ba tey', 'tey ci', 'ci guddi', 'dina iki', 'sak ?durunge (?:jam|pukul)', 'mengko bengi', 'ئەمڕۆ', 'ئەمشەو', 'ئێمشەو',
  ]),
);
/**
 * (round 27) The reader given until a time: "تا ساعت ۴ فرصت دارید", "تا فردا مهلت دارید", "то соати 18:00 вақт доред", "you
 * have until 5pm", "vous avez jusqu'à 16 h" — second person: the customer's own "I have until 4" is theirs.
 */
const YOU_HAVE_UNTIL = rx([
  'تا (?:\\S+ ){1,3}?(?:فرصت|مهلت|وقت) (?:داريد|داري|دارين)', '(?:فرصت|مهلت|وقت) (?:داريد|داري|دارين) تا', 'to (?:\\S+ ){1,3}?(?:vaqt|muhlat|fursat|imkon)(?: \\S+)? (?:dored|dori|hast)',
  '(?:you|u) (?:have|got|only have|have only) (?:until|till|til|untill) ', "(?:vous avez|tu as|t'as) jusqu", '(?:معاك|معك|عندك|امامك|قدامك) (?:\\S+ )?(?:لحد|لغايه|حتي|حتى|لين|للساعه)',
]);
/** Paying or acting "to avoid" a loss: "لتفادي قطع الخدمة", "لتجنب إلغاء الطلب", "to avoid suspension", "pour éviter le blocage". */
const AVOID_LOSS = rx([
  '(?:لتجنب|لتفادي|تجنبا ل\\S*|تفاديا ل\\S*|حتى لا|كي لا|لكي لا) (?:\\S+ )?(?:ال)?(?:الغاء|ايقاف|قطع|حظر|تجميد|اغلاق|تعليق|حذف|غرامه|ارجاع|فصل)',
  'to avoid (?:\\S+ ){0,2}?(?:cancel\\S*|suspension|closure|blocking|deactivation|termination|penalt\\S*|disconnection|charges|fees|fines|late fee|being (?:blocked|suspended|closed|cancel\\S*))',
  "pour [eé]viter (?:\\S+ ){0,2}?(?:annulation|suspension|blocage|fermeture|p[eé]nalit\\S*|retour)", "pour [eé]viter l'(?:annulation|blocage)",
  '(?:براي|جهت) جلوگيري از (?:\\S+ ){0,2}?(?:مسدود|قطع|لغو|بسته|ابطال)\\S*',
  // (round 26) "to avoid your balance being frozen", "تا از مسدود شدن موجودی جلوگیری شود", Swahili "ili kuepuka kufungiwa",
  // Malay "untuk mengelakkan baki dibekukan", Indonesian "untuk menghindari pemblokiran"
  'to avoid (?:\\S+ ){0,3}?(?:being|getting) (?:frozen|locked|blocked|suspended|closed|seized|deactivated|restricted)', 'to avoid (?:a |the |any )?(?:freeze|lock|hold|restriction)',
  'از (?:\\S+ ){0,1}?(?:مسدود|قطع|بسته|ضبط|توقيف|تعليق)\\S* (?:\\S+ ){0,2}?جلوگيري', 'ili kuepuka (?:\\S+ )?(?:kufungiwa|kuzuiwa|kusimamishwa|kufungwa)',
  '(?:untuk|bagi) (?:mengelakkan|menghindari|mengelak) (?:\\S+ ){0,2}?(?:dibekukan|disekat|ditutup|digantung|diblokir|pemblokiran|pembekuan)',
]);
/**
 * The voice of a message or a person that is not the customer: a message quoted or named ("SMS:", "رسالة:", "نوشته"),
 * someone who said it, a formal "please" addressed to the reader, an order to the reader (pay, click). Urgency is a
 * third party's pressure; the customer's own "I need it unfrozen today" or "block it now" is not.
 */
const MESSAGE_NAMED = rx([
  '(?:sms|text|message|msg|e-?mail|mail|voicemail|notification|رساله|مسج|پيام|پيامك|payam|payamak|payom)\\S*\\s*:',
  // (round 27) …with its sender named: "message from Acme:", "پیامک از Acme:", "Паём аз Acme:", Persian "پیامک Acme:"
  '(?:sms|text|message|msg|notification|رساله|مسج|پيام|پيامك|payam|payamak|payom) (?:from|az|از|من) \\S{1,24}(?: \\S{1,24})?\\s*:', '(?:پيامك|پيام|payamak|payom) \\S{1,24}\\s*:',
  // (round 26) a quoted notice's bracketed header: "[From: Acme Fraud Team]", "[رسالة من: فريق أمان …]", "【إشعار من …】",
  // "[پیام از: …]", "[Ujumbe kutoka: …]", "[Mesej daripada: …]"
  '[\\[【(]\\s*(?:from|message from|رساله من|اشعار من|تنبيه من|پيام از|پيامك از|ujumbe kutoka|mesej daripada|pesan dari|mensahe mula sa)(?![\\p{L}])', '(?:says|said|saying|نوشته|بيقول|يقول|تقول|تگول|تكول|يگول|يكول|مي ?گه|ميگه|goft|mige)(?![\\p{L}])', 'fwd?\\s*:',
]);
/** …or its order and formal "please" (`MESSAGE_NAMED` or this is the voice). */
const MESSAGE_VOICE = rx([
  '^(?:pay|verify|update|confirm|activate|register|click|settle)(?![a-z])', 'يرجي', 'الرجاء', 'kindly', 'veuillez', 'لطفا', 'خواهشمند',
  'اضغط', 'ادخل', 'click', 'tap', 'cliquez', 'confirmez', 'payez', 'سدد', 'ادفع', 'حدث بيانات',
]);
/** "LAST WARNING", "final notice", "اخطار نهایی", "آخر تحذير", "dernier avertissement". */
const LAST_WARNING = rx(['last (?:warning|notice|reminder|chance)', 'final chance', '[ae](?:k|kh|5)e?r (?:forsa|fursa|forsah|enzar|tanbih)', 'final (?:warning|notice|reminder)', 'dernier (?:avertissement|rappel)', 'اخر (?:تحذير|تنبيه|انذار|فرصه)', '(?:تحذير|تنبيه|انذار) (?:اخير|نهائي)', 'اخطار (?:نهايي|اخر)', 'اخرين (?:اخطار|هشدار|فرصت|مهلت)', 'هشدار نهايي', 'akharin (?:mohlat|forsat|hoshdar|ekhtar)']);
/** A link or code that stops working soon: "expires in 1 hour", "valid for 30 minutes only", "ينتهي خلال ساعة". */
const EXPIRES_SOON = rx(['expir\\S* (?:in|within|after) (?:\\S+ )?(?:minutes?|mins?|hours?|hrs?|\\d+ ?(?:h|m|mins?|hrs?)(?![a-z]))', '(?:will |to |shall )?expire\\S* (?:\\S+ )?(?:today|tonight|at midnight|by midnight)', '(?:ينتهي|تنتهي|بينتهي|هينتهي) (?:ال)?(?:اليوم|الليله)', '(?:امروز|امشب) منقضي', 'valid (?:for |only for |only )?(?:\\S+ )?(?:minutes?|mins?|hours?|hrs?)', '(?:ينتهي|تنتهي|بينتهي|هينتهي) (?:\\S+ )?(?:خلال|بعد) ', 'منقضي (?:مي ?شه|ميشه|مي ?شود)']);
const LINK_WORD = rx(['link', 'رابط', 'لينك', 'لینک', 'lien']);
/** Money moved to an account someone else names: "a new account", "حساب تاني", "حسابی که معرفی کردیم", "a safe account". */
const MOVE_TO_THEIR_ACCOUNT = rx([
  '(?<!my )(?:a|an|another|the) (?:(?:new|different|safe|safety|secure|secured|protected|holding|temporary|other|separate) ){1,2}account', 'حساب (?:ال)?(?:امان|امن|حمايه)', 'account (?:we|they|he|she|i) (?:named|gave|give|sent|specified|provided)', '(?<!my )new account',
  'حساب (?:جديد|تاني|ثاني|اخر|امن|آمن|مؤقت|غير)(?![يى])', 'لحساب (?:جديد|تاني|ثاني|اخر|امن)', 'حسابي? (?:كه|كه ما|كه اونا) (?:\\S+ ){0,2}?(?:معرفي|اعلام|گفت|داديم|دادن|دادند)\\S*', 'حساب (?:معرفي|اعلامي|امن) ?(?:شده)?', 'حساب (?:امن|جديد|ديگه|ديگر)',
]);
/** Moving money: "transfer the money", "move my savings", "احول الفلوس", "پول منتقل/واریز". */
const MONEY_MOVE = rx(['transfer', 'move', 'send (?:the )?money', 'wire', 'pay', 'deposit', 'حول', 'احول', 'تحول', 'تنقل', 'نقل', 'تحويل', 'ادفع', 'تدفع', 'منتقل', 'انتقال', 'واريز', 'جابجا', 'بريز', 'كارت به كارت', 'virement', 'vir\\S*']);
/** A court case promised: "سيتم رفع دعوى عليك", "legal action will be taken", "we will file a case", "اقدام قانونی خواهد شد". */
const LEGAL_THREAT = rx([
  '(?:سيتم|سوف ?(?:يتم|نقوم ب)?|رح ?(?:يتم|نرفع|يرفعوا)|راح ?(?:يتم|نرفع)|ح ?يتم|هيتم|هيترفع\\S*|هنرفع|سنقوم ب) ?(?:رفع|اتخاذ|تحريك)? ?(?:ال)?(?:دعوي|دعوى|قضيه|اجراءات (?:ال)?قانونيه|محضر|بلاغ)',
  '(?:legal action|legal proceedings|a (?:case|lawsuit|complaint)|court action|charges|bailiffs?|debt collectors?|enforcement agents?) (?:will|shall) be (?:taken|filed|initiated|started|pressed|instructed|sent)',
  // a case raised by them in any person's future: "هيرفعوا عليا قضية", "رح يرفعوا عليك دعوى"
  '(?:ه|ح|هي|حي|رح ي|راح ي|سي|بي)?(?:ي|ت|ن)?رفع(?:وا|و)?\\S* (?:\\S+ )?(?:قضيه|دعوي|دعوى|محضر)', '(?:will|shall|going to) (?:take|file|initiate|start|press) (?:legal|a (?:case|lawsuit)|charges|court)',
  '(?:اقدام|پيگرد|شكايت) (?:\\S+ ){0,2}?قانوني (?:\\S+ ){0,2}?(?:خواهد|مي ?شود|ميشه|مي ?شه)', 'poursuites? (?:judiciaires? )?(?:seront|vont)',
]);
/**
 * (round 24) The customer's file or case sent to a court or the judicial authorities — the step a debt collector's
 * threat names ("پرونده شما به مراجع قضایی ارسال می‌شود", "سيتم تحويل ملفك إلى الجهات القضائية", "forwarded to the court",
 * "mahkemeye sevk edilecektir", "za a kai maganata kotu"): with a deadline it is urgency, link or number or not.
 */
const LEGAL_REFERRAL = rx([
  '(?:پرونده|parvande)\\S* (?:\\S+ ){0,5}?(?:به|جهت|برای|baraye|be) (?:\\S+ ){0,2}?(?:مراجع قضایی|مرجع قضایی|دادگاه|دادسرا|دادستانی|اجرای احکام|marajee? ghazayi|dadgah)',
  'ارجاع (?:\\S+ ){0,3}?(?:مراجع قضایی|دادگاه|دادسرا)',
  '(?:تحويل|احاله|ارسال|رفع|تحول|يتحول|يحال|ستحال|سيحال|يتحال|هيتحول|هيتحال)\\S* (?:\\S+ ){0,3}?(?:الى|لل|ل|على) ?(?:ال)?(?:جهات القضائية|محكمة|نيابة|قضاء)',
  '(?:forwarded|referred|sent|handed|passed|escalated|transferred) (?:\\S+ ){0,2}?to (?:the |a )?(?:court|courts|prosecution|prosecutor|magistrate|small claims)',
  '(?:mahkemeye|icraya|icra müdürlüğüne|savcılığa) (?:\\S+ ){0,3}?(?:sevk|devred|gönderil|aktarıl)\\S*', 'icra müdürlüğüne ve mahkemeye',
  'عدالت (?:\\S+ ){0,2}?(?:بھیج|بھجوا|منتقل)\\S*', '(?:kai|kaiwa|mika) (?:\\S+ ){0,3}?kotu', '(?:kufikishwa|kupelekwa) mahakama\\S*',
  '(?:dibawa|dilaporkan|diproses) (?:\\S+ ){0,2}?(?:ke )?(?:jalur hukum|pengadilan)', 'dadalhin (?:\\S+ )?sa (?:korte|husgado)',
]);
/**
 * (round 24) What a fee is said to be for, in the words many languages borrow: activation, registration, processing,
 * verification, administration ("₦5,000 kudin activation", "biaya administrasi", "aktivasyon ücreti", "فیس تصدیق").
 */
const PURPOSE_OF_A_FEE = rx([
  'activation', 'activat\\S*', 'aktivasyon\\S*', 'aktivl\\S*', 'aktivasi', 'registration', 'registrasi', 'راجستر', 'رجستر\\S*', 'qeydiyyat\\S*',
  'processing', 'پروسیسنگ', 'প্রসেসিং', 'verification', 'verifikasi', 'ভেরিফিকেশন', 'تصدیق', 'تصديق', 'doğrulama', 'təsdiq\\S*', 'administrasi', 'clearance',
  'تفعيل', 'فعال ?سازی', 'فعالسازی',
]);
const FEE_PURPOSE = pieces(PURPOSE_OF_A_FEE, rx(['kudin', 'haqqı', 'ücret\\S*', 'biaya', 'charge']));
/**
 * (round 29) A demand to pay, the obligation and the paying together: "must send", "gotta pay", "haffi sen", "asking
 * me to pay 500", "ytlobo mni 5$", "khass nkhelles", "لازم أدفع", "بيطلبوا مني", "باید … بیمه پرداخت کنم".
 */
const MUST_PAY = pieces(
  rx([
    '(?:must|mus|muss|have to|has to|had to|gotta|got to|haffi|hafi|affi|need to|needs to|supposed to) (?:\\S+ ){0,2}?(?:pay|send|sen|transfer|deposit|wire)(?![a-z]| (?:me|us)(?![a-z]))',
    // (the app's or the site's own price is no stranger's demand: "the app asks me $4.99 for Plus")
    '(?<!(?:app|site|website|checkout|cart|page) )(?:ask|asks|asking|asked|want|wants|wanted|demand|demands|demanding|demanded) (?:me|us) (?:to (?:pay|send|transfer|deposit) |for )?(?:a |an )?(?:[$£€₦₹]|\\d)',
  ]),
  rx([
    'لازم (?:\\S+ )?(?:ادفع|تدفع|ندفع|احول|تحول|ابعت|تبعت|اسدد|تسدد|اخلص|تخلص|نخلص)', 'يجب (?:\\S+ )?(?:ان )?(?:ادفع|تدفع|دفع)',
    '(?:طلب|يطلب|بيطلب|تطلب|بتطلب)\\S* (?:مني|منا|منك)', 'خاص(?:ني|ك|نا)? (?:\\S+ )?(?:نخلص|تخلص|ندفع|تدفع)',
    'بايد (?:\\S+ ){0,4}?(?:بدم|بدي|بديد|بدين|بدهم|بدهي|بدهيد|پرداخت|واريز|بپردازم|بپردازي|بپردازيد|بريزم|بريزي|بفرستم|بفرستي|بفرستيد)(?![\\p{L}])',
    '(?:ازم|از من) (?:\\S+ ){0,3}?(?:مي ?خوان|خواستن|خواستند|مي ?خواهند)',
  ]),
  rx([
    'lazem (?:\\S+ )?(?:edfa3|adfa3|tedfa3|nedfa3|a?7awel|te7awel|ab3at|teb3at)', '(?:(?:y|t|bi|by|b)(?:e|a|o)?)?tl(?:o|a)?b(?:o|ou|u|w)?n? (?:mni|menni|minni|meni|mnni|meny)(?![a-z])',
    'khass?(?:ni|ek|na)? (?:\\S+ )?(?:n|t)?(?:khel+e?s|khal+e?s|khles|dfa3|sift|seft)',
  ]),
  // Urdu and Hindi in Latin letters: "dena padega", "bhejna hoga", "pehle 2000 rupay … bhejo"
  rx([
    '(?:dena|dene|deni|bhejna|bhejne|bharna|bharne|jama karna|jama karwana|pay karna|pay karne) (?:hoga|hogi|honge|padega|padegi|parega|paregi|padenge)',
    '(?:pehle|pehlay|phle|pahle) (?:\\S+ ){0,4}?(?:bhejo|bhejain|bhejein|bhejen|bhej do|jama karo|jama karwao|jama karain|pay karo|de do|dedo)(?![a-z])',
  ]),
);
/**
 * (round 29) What a stranger's fee is said to buy and a shop's own charges are not (a delivery fee is the shop's): a
 * clearance, an insurance or guarantee, an upgrade or a membership, a verification, a release, a prize.
 */
const FEE_TO_GET = pieces(PURPOSE_OF_A_FEE, rx([
  'insurance', 'upgrade', 'membership', 'verif\\S*', 'unlock\\S*', 'customs', 'releas\\S*', 'prize', 'vip(?![a-z])',
  'بيمه', 'ضمانت', 'ضمان', 'تامين', 'ترقيه', 'عضويه', 'تحقق', 'توثيق', 'جمرك\\S*', 'كمرك\\S*', 'گمرك\\S*', 'ترخيص', 'تخليص', 'احراز', 'جايزه', 'جائزه', 'ازاد (?:كردن|شدن)',
]));
/**
 * (round 24) The order to report the payment to a chat or a number: "رسید را به واتساپ … ارسال کنید", "i-send ang resibo sa
 * Viber", "kirim bukti transfer ke WhatsApp", "dekontu … WhatsApp hattına", "ni-send confirmation kwa 0722 …", "screenshot
 * … WhatsApp cheyyanam" — a receipt sent to a personal chat is how a stranger collects a fee.
 */
const RECEIPT = `(?:receipt|reciept|resibo|rasit\\S*|risiti|bukti (?:transfer|tf|bayar|pembayaran)|dekont\\S*|makbuz\\S*|qəbz\\S*|qebz\\S*|screenshot|screen shot|proof of payment|payment (?:slip|proof)|confirmation|رسید|رسيد|ایصال|ايصال|إيصال|الايصال|فیش|فيش|রসিদ|রিসিট|স্ক্রিনশট|ڈپازٹ سلپ)`;
const CHAT = `(?:whats ?app\\S*|واتس\\S*|الواتس\\S*|واتساپ|واٹس ?ایپ|হোয়াটসঅ্যাপ\\S*|viber|telegram|تلگرام|تلغرام|imo|signal)`;
const REPORT_THE_PAYMENT = rx([`${RECEIPT} (?:\\S+ ){0,6}?${CHAT}`, `${CHAT} (?:\\S+ ){0,8}?${RECEIPT}`, `${RECEIPT} (?:\\S+ ){0,4}?(?:to|on|kwa|zuwa|به|الى|على|sa|ke|pe|پر)? ?\\+?\\d{3}`]);
/** (round 24) A sum named by its purpose with no currency, as Swahili and Sheng say it: "500 ya activation", "1,000 za usajili". */
const SUM_FOR_A_PURPOSE = rx(['\\d[\\d.,]*k? (?:ya|za) (?:activation|kuactivate|registration|usajili|processing|verification|uthibitisho)']);
/** (round 24) Money sent to a phone number: "tuma … kwa 0733 …", "send it to 0803 …", "به ۰۷۸۸ … روان کنین" (digits read ASCII). */
const SENT_TO_A_NUMBER = rx(['(?:ni|u|a|tu|m)?tum[ae] (?:\\S+ ){0,5}?kwa \\+?\\d{3}', '(?:send|pay|transfer) (?:\\S+ ){0,5}?to \\+?\\d{3}', ...TO_A_CARD]);
/** (round 24) A warning not to hand a code over ("never share your OTP, even if they claim to be us"): a notice's, asking nothing. */
const NEVER_SHARE = rx([
  "(?:never|don'?t|don’t|do not|not to|no one should|nobody should) (?:\\S+ ){0,1}?(?:share|give|tell|send|disclose|reveal)",
  'لا (?:ت)?(?:شارك|تشارك|تعط|تعطي|تعطى|ترسل|تبعت|تقول|تفصح|تخبر)', '(?:به )?هیچ ?کس (?:\\S+ ){0,4}?(?:ندهید|نگویید|نفرستید|ندین|نگین)', '(?:را|رو) (?:\\S+ ){0,2}?(?:ندهید|نگویید|نفرستید)',
  'کسی کو نہ بتائیں', 'jangan (?:\\S+ )?(?:berikan|bagikan|kasih)', 'huwag (?:\\S+ )?(?:ibigay|ibahagi)', 'kimseyle paylaşmayın',
]);
/** The text with each sentence that `lex` finds blanked (its length kept). */
function blankSentences(s: string, lex: LazyRegExp): string {
  return s.replace(/[^.!?؟\n]+/gu, (sentence) => (lex.test(sentence) ? ' '.repeat(sentence.length) : sentence));
}
/** Coercion in a story: police, arrest, a complaint to a regulator, legal action. */
const COERCION = rx([
  'police', 'arrest\\S*', 'jail', 'prison', 'warrant', 'court', 'sue', 'lawsuit', 'legal action', 'complain\\S* to', 'central bank', 'report you',
  'شرطه', 'الشرطه', 'بوليس', 'قبض', 'يقبض\\S*', 'بيقبض\\S*', 'حبس', 'سجن', 'محضر', 'قضيه', 'محكمه', 'اشتكي\\S*', 'هشتكي\\S*', 'شكوي', 'البنك المركزي',
  'پليس', 'بازداشت', 'دادگاه', 'شكايت', 'اقدام قانوني', 'پيگرد', 'زندان', 'بانك مركزي', 'تهديد',
]);
/** A third person in the story who threatened or demanded. */
const THIRD_PARTY = rx(['someone', 'somebody', 'a (?:guy|man|woman|lady|person|caller)', 'he', 'she', 'they', 'caller', 'claimant', 'claiming', 'claimed', 'saying', 'said', 'واحد', 'شخص', 'حد', 'راجل', 'قال\\S*', 'يقول', 'بيقول\\S*', 'اتصل', 'فردي', 'فرد', 'شخصي', 'يه نفر', 'يكي', 'گفت\\S*', 'تهديد كرد', 'تماس گرفت', 'معرفي كرد']);
/** A fee named for what it unlocks: "frais de déblocage", "unlock fee", "رسوم فك الحظر", "هزینه رفع مسدودی". */
const UNLOCK_FEE = rx([
  "(?:frais|fee|fees|charge|charges) (?:de |d'|d |of |for )?(?:the )?(?:d[eé]blocage|d[eé]bloquer|unlock\\S*|unblock\\S*|unfreez\\S*)", '(?:unlock|unblock|unfreeze|unfreezing|unlocking|unblocking) (?:fee|fees|charge)',
  '(?:فريي|فري|فرى|فريه) (?:دو |د )?(?:ديبلوكاج|دبلوكاج)', '(?:رسوم|رسم|مصاريف) (?:ال)?(?:فك|رفع) (?:ال)?(?:حظر|تجميد|بلوك|الحظر|التجميد)', 'هزينه (?:ي )?(?:رفع مسدودي|ارتقا|رفع انسداد)\\S*',
]);
/** The stranger claims to be the company itself: "claiming to be your official support", "says it is the bank's page". */
const CLAIMS_TO_BE_US = rx([
  "(?:claim\\S*|pretend\\S*|posing as|posed as|says? (?:it|he|she|they)(?:'s| is| are|'re)|said (?:it|he|she|they) (?:was|were|is|are)) (?:to be )?(?:your|the|an?) (?:official )?(?:support|customer care|care|help ?desk|page|bank|team|account|service)",
  '(?:يقول|بيقول|يدعي|تدعي|قال) (?:انه|انها|انو)? ?(?:ال)?(?:دعم|حساب|صفحه) (?:ال)?رسمي', 'ادعا (?:مي ?كنه|ميكنه|كرده|مي ?كند) (?:\\S+ ){0,2}?(?:رسمي|پشتيباني)',
]);
/** A page or account named like a company's desk: "a page called Zaytun Refunds Center", "پیج به اسم مرکز بازپرداخت زیتون". */
const PAGE_NAMED_AS_A_DESK = rx([
  "(?:page|account|profile|channel|group|handle) (?:called|named|by the name(?: of)?|with the name|titled) (?:\\S+ ){0,4}?(?:support|refunds?|help ?desk|helpline|care|cent(?:er|re)|service|official|team|customer|claims?|security|verification)",
  '(?:صفحه|حساب|اكونت|اكاونت|بيج|پيج|قناه|جروب|گروه|كانال) (?:\\S+ ){0,3}?(?:اسمها|اسمه|باسم|بإسم|بعنوان|به اسم|بنام|به نام|با اسم) (?:\\S+ ){0,4}?(?:مركز|خدمه|دعم|الدعم|استرداد|استرجاع|رسمي|الرسمي|فريق|قسم|پشتيباني|بازپرداخت|رسمي|خدمات|امور مشتريان)',
]);
/** The page or account reached the customer: "contacted me", "messaged me", "كلموني", "بهم پیام داد". */
const REACHED_ME = rx(["(?:contacted|messaged|texted|called|dm.?e?d|wrote to|reached out to|reached|inboxed|sent) (?:me|us)", '(?:writes?|wrote) (?:me|us)(?![a-z])', 'كلمو?ني', 'كلموني', 'راسلوني', 'راسلني', 'بعتولي', 'بعتلي', 'كلمتني', 'تواصل\\S* معي', 'اتصلوا', 'كلموا', 'بهم پيام', 'پيام داد', 'پيام دادن', 'پيام دادند', 'تماس گرفت', 'زنگ زد', 'بهم زنگ']);
/** A social-media account or page (not a phone number): where a stranger wears the company's name. */
const SOCIAL_ACCOUNT = rx([
  '(?:instagram|insta|ig|facebook|fb|tiktok|twitter|telegram|snapchat|linkedin) (?:account|page|profile|handle|channel)', '(?:account|page|profile|handle) (?:on|in) (?:instagram|insta|ig|facebook|fb|tiktok|twitter|x|telegram|snapchat)',
  '(?:حساب|صفحه|اكونت|اكاونت|بيج|پيج|اكانت) (?:\\S+ )?(?:في|على|ع|ب|تو|توي|در|روي)? ?(?:ال)?(?:انستا|انستغرام|انستقرام|انستاگرام|اينستا|اينستاگرام|تويتر|فيسبوك|فيس|تيك ?توك|تلگرام|تيليجرام)\\S*',
]);
const NOW_DONE_BY_ME = new RegExp(`(?<![\\p{L}])(?:${['alan', 'now', 'الان', 'هلق', 'daba', 'دابا', 'توا', 'الحين'].map(foldLetters).join('|')})(?: \\S+)? (?:${['kardam', 'anjam dadam', 'dadam', 'كردم', 'انجام دادم', 'i did', 'did it', 'i have', "i've", "i'm", 'i am', 'im', 'عملت', 'سويت', 'درت\\S*', 'حدثت'].map(foldLetters).join('|')})(?![\\p{L}])`, 'giu');

/** A threat in the future tense: "will be suspended", "رح يتسكر", "مسدود می‌گردد", "masdood mishavad". */
/** (round 26) The customer's own payment due: "لازم ادفع", "I have to pay", "باید … بدم", "kailangan kong magbayad". */
const MY_OWN_DUE = rx([
  '(?:لازم|لازمني|لازملي|علي|عليا|يجب ان|يجب علي ان|مضطر|مضطره|محتاج|بدي|ابي|ابغى) (?:ا|ن)(?:دفع|سدد|حول|خلص|رسل|بعت)\\S*', 'i (?:have|need|got|must|gotta) (?:to )?(?:pay|send|transfer|settle)', 'i must (?:pay|send|transfer)',
  '(?:بايد|مجبورم) (?:\\S{1,24} ){0,5}?(?:بدم|بپردازم|بفرستم|واريز كنم|پرداخت كنم|بريزم)(?![\\p{L}])', 'kailangan kong (?:magbayad|magpadala|bayaran)', 'ina bukatar (?:biyan|tura)', 'nahitaji (?:kulipa|kutuma)',
]);
const FUTURE_THREAT = rx([
  // (round 16) the French future passive of a loss: "votre compte sera clôturé ce soir"
  '(?:sera|seront|va [eê]tre) (?:bloqu|suspendu|ferm|cl[oô]tur|d[eé]sactiv|r[eé]sili|supprim)\\S*',
  '(?:will|would|going to|gonna) be (?:frozen|suspended|blocked|closed|locked|deactivated|terminated|cancel\\S*|disabled|cut|shut|switched off|turned off)',
  // the present for the future, with its time: "your account closes in 2 hours", "access ends tonight"
  '(?:account|wallet|card|access|profile|line) (?:closes|expires|ends|shuts|gets (?:closed|blocked|suspended)) (?:in|within|at|by|tonight|today)',
  // Arabizi future prefix on a dialect stem, vowels as each writer hears them: "hayet2efel", "7ayetsakkar", "ra7 yetjammad"
  '(?:ha|7a|hay|7ay|ra7 ?|rah ?|ghadi ?|bech |besh |bich |bch |bash )(?:y|t|n)[aei]?[tn]?(?:s[ae]kk?[ae]r|2[aei]?ff?[aei]?l|g[ae]mm?[ae]d|j[ae]mm?[ae]d|w[ae]2[ae]f|sadd|b[ae]?ll?ok|block|l[ae]gh?a)\\S*',
  '(?:رح|راح|ح|ه|سوف|سي|غادي|هي|حي|بي)(?:ت|ي|ن)(?:ت|ن)?(?:سكر|قفل|جمد|وقف|سد|بلوك|لغي|حظر|فصل|قطع)\\S*', '(?:رح|راح|سوف|سيتم|غادي) (?:ي|ت|ن)?(?:ت|ن)?(?:سكر|قفل|جمد|وقف|سد|بلوك|لغي|حظر|فصل|قطع|اغلاق|ايقاف|تجميد|حظر|تعطيل)\\S*',
  // formal future only: colloquial "بسته میشه" is as often "it closes" (the app, during payment) as a threat
  '(?:مسدود|قطع|بسته|غيرفعال|غير فعال) (?:خواهد|مي ?گردد|ميگردد|مي ?شود|ميشود)', '(?:masdood|ghat|baste) (?:mishavad|khahad)',
  // (round 27) Tajik's formal future, read in Latin: "баста мешавад", "маҳкам хоҳад шуд"
  '(?:basta|masdud|qat|mahkam|blok) (?:meshavad|megardad|khohad shud)',
  // …but with a deadline before it the colloquial form threatens too: "ta 2 saat dige ghat mishe", "تا امشب بسته میشه"
  '(?:ta|تا) (?:\\S+ ){0,3}?(?:baste|masdood|ghat|block|قطع|بسته|مسدود) (?:mishe|mishan|مي ?شه|ميشه|مي ?شن)',
  '(?:ra7|rah|ha|7a|ghadi) (?:y|t|n)[ei]?t?(?:sakkar|sakar|2afal|afal|gamad|jamad|wa2af|sadd|ballok|block)\\S*',
  // (round 36) Tunisian "bech" (will): "besh yet9ass", "bch ytbloka" ("bech yetsakker" is read by the prefixes above)
  '(?:bech|besh|bich|bch|bash) (?:y|t|n)[aei]?t?(?:9[ae]ss|2[ae]ss|gh?l[ae]q|bl?okk?a|block|lgh?a|w[ae]9f|wa2af|s[ae]dd)\\S*',
]);

/**
 * (round 30) What a travel or ticket scam threatens to take after its deadline: the booking, the reservation, the seat,
 * the ticket, the trip ("pay by 5pm or ur booking is gone", "والا الحجز ينلغي", "تکت من لغو میشه") — the customer's as
 * much as an account is.
 */
const BOOKING = rx(['bookings?', 'reservations?', 'seats?', 'tickets?', 'trip', 'flight', 'room', 'حجز\\S*', 'الحجز', 'تذكر\\S*', 'تكت\\S*', 'تيكت\\S*', 'بليط\\S*', 'بلیت\\S*', 'رزرو\\S*', '7ajz\\S*', 'tazkar\\S*', 'tiket\\S*', 'bilit\\S*', 'reserv\\S*']);
const ACCOUNT = rx(['compte', 'cuenta', 'كونت', 'account', 'acct', 'profile', 'wallet', 'حساب', 'اكونت', 'اكاونت', 'الاكونت', 'محفظه', 'اكانت', 'حسابم', 'كيف ?پول', 'hesab', '7esab', 'account', 'hisob', 'hamyon', 'akaunti',
  // (round 25) Malay and Indonesian, Sorani
  'akaun', 'rekening', 'akun(?![a-z])', 'هەژمار\\S*']);

/** The message itself demands the payment: "هزینه … را پرداخت کنید", "ادفع الرسوم", "kindly pay the fee". */
const PAY_NOW = pieces(
  words([
    // not the customer asking for their own money: "please transfer the refund to my wallet"
    '(?:please|kindly|you (?:must|need to|have to)) (?:pay|deposit|transfer)(?! (?:the |my |me |me the |me my )?(?:refund|money|balance|cashback))', '(?<!(?:no|not|never|didn.t|didnt|don.t|dont|won.t) )pay (?:the|an?|now|here|online|via|through|below|at|[a-z₱₦]{0,3} ?\\d)(?![a-z])\\S*', 'edfa3', 'edfa3i', 'khalles', 'khallsi',
    // (round 20) the customer told they must pay a sum: "باید ۹ یورو هزینه تأیید بدم" (a question of how much has no sum)
    // (round 22) …or the reader: "باید ۳۰ هزار تومن هزینه فعال‌سازی به یه شماره کارت بزنی", Dari "… روان کنین", "بتین"
    'بايد (?:\\S+ ){0,3}?[\\d۰-۹٠-٩][\\d۰-۹٠-٩.,]* (?:\\S+ ){0,9}?(?:بدم|بپردازم|بريزم|بزنم|واريز كنم|پرداخت كنم|بدي|بدين|بديد|بپردازي|بپردازيد|بريزي|بريزين|بريزيد|بزني|بزنين|بزنيد|واريز كني|واريز كنين|واريز كنيد|پرداخت كني|پرداخت كنين|پرداخت كنيد|بتي|بتين|بتيد|روان كني|روان كنين|روان كنيد|روان كو)(?![\\p{L}])',
    // a sum sent by the Dari verb "روان کردن" or Persian "بفرستین" after a fee named: "۲۵۰۰ افغانی فیس ثبت ره ده ای شماره روان کنین"
    '(?:فيس|هزينه|كارمزد|افغاني|تومن|تومان) (?:\\S+ ){0,6}?(?:روان (?:كني|كنين|كنيد|كو|كن)|بفرستين|بفرستيد|بفرستي)(?![\\p{L}])',
    // Algerian "خلّص 800 دينار" (pay, with its sum: "خلص" alone is "enough"); Tajik and Swahili orders with a sum
    'خلص\\S* (?:\\S+ )?\\d', 'pardo(?:kh|x)t (?:kuned|kunetu|kun|namoed|kuni)', 'supor(?:ed|et|id)', '\\d[\\d.,]* ?(?:somoni|tjs) (?:\\S+ ){0,4}?(?:(?:bi)?firist|guzaron|supor|pardo(?:kh|x)t)\\S*', 'lipa (?:ada|sasa|\\S+ \\d|\\d)',
    'پرداخت (?:كنيد|نماييد|بفرماييد|كن)', 'واريز (?:كنيد|نماييد|كن)', 'pardakht (?:konid|kon)', 'variz (?:konid|kon)',
    '(?:حول|حولي|حولوا|ابعت|ابعتي|ارسل|اشحن|send|transfer|wire) (?:\\S+ )?\\d',
    'ادفع', 'ادفعي', 'سدد', 'قم بدفع', 'قم بسداد', 'يرجى (?:دفع|سداد|تحويل)', 'payez', 'r[eé]glez', 'veuillez (?:payer|r[eé]gler)', ...ES_PAY_ORDER,
    // (round 23) with a foreign currency and the purpose between: "۱۰ دلار برای تأیید هویت بدید"
    '(?:هزينه|كارمزد|پول|تومن|تومان|فيس|افغاني|سامان[يی]|دلار|يورو|درهم)\\S* (?:\\S+ ){0,4}?(?:بده|بدين|بديد|بدید|بريز|بريزيد|بدي|بتي|بتين|بفرستيد|بفرستين)', '(?:make i|i go|i must|i need to|i have to|i should) (?:pay|send|transfer)',
  ]),
  words([
    // (round 23) the message's own demand, its verb a few words after the duty: "you are required to … settle a protection fee",
    // "يتوجب عليك تحويل رصيدك … وسداد رسوم حماية"
    '(?:you (?:are|were) required to|you must|you need to|you have to)(?: \\S+){0,10}? (?:pay|settle) (?:a|an|the) (?:\\S+ ){0,3}?(?:fee|charge|levy)',
    '(?:يجب|يتوجب|يتعين|يلزم|يلزمك)(?: عليك)?(?: \\S+){0,10}? (?:و|ب)?(?:سداد|دفع|تسديد) (?:ال)?(?:رسوم|رسم|مبلغ)',
  ]),
  rx([
    // (round 25) more pay verbs with their sum (rx: a pattern ending in a digit cannot take words()' closing boundary): "فعّلها بدفع 2000 دينار" (not "قمت بدفع", the customer's own), "ويدفع 10
    // دولار", "bayar AED 12", "mbayar biaya aktivasi Rp 75.000", "fey 2000 FCFA", "kwishyura 2,000 Frw", Sorani "… بدەیت"
    '(?<!(?:قمت|تم|لقد|وقمت|انا) )(?:ب|ل)(?:دفع|سداد|تحويل) (?:\\S+ )?[^\\s\\d]{0,3}\\d', '(?:و|ف)?(?:يدفع|تدفع|ندفع|يحول|تحول) (?:\\S+ )?[^\\s\\d]{0,3}\\d', '(?:m|di)?bayar (?:\\S+ ){0,3}?(?:[a-z]{2,3}\\.? ?)?\\d', 'fey (?:\\S+ )?(?:[^\\s\\d]{1,4} ?)?\\d',
    '(?:kw|w|n|tw|mw)?ishyur\\S* (?:\\S+ ){0,3}?(?:[^\\s\\d]{1,4} ?)?\\d', '(?:n|w|mu)?ohereze (?:\\S+ ){0,2}?(?:[^\\s\\d]{1,4} ?)?\\d', '\\d[\\d.,]* (?:\\S+ ){0,6}?(?:بدە[یي]ت|بدەم|بدەن|بنێرە|بدە)(?![\\p{L}])',
  ]),
);

/**
 * The message itself makes a fee due: "a processing fee applies to claim it", "a redelivery charge of 2.99 must be paid
 * before…". Beside something to gain it is the same precondition as someone saying "you must pay first".
 */
const FEE_DUE = rx([
  '(?:fees?|charges?|deposit)[\'’"]? (?:\\S+ ){0,4}?(?:applies|apply|is required|are required|required|must be paid|has to be paid|needs to be paid|to be paid|is payable|payable|is due|due)',
  // (round 38) Tajik, as the reading spells it: "пардохти фаъолсозӣ 100 сомонӣ лозим аст", "комиссия … даркор"
  '(?:pardokhti|komissiya|haqqi) (?:\\S+ ){0,4}?(?:lozim|darkor|hatmi)',
  '(?:رسوم|رسم|مبلغ) (?:\\S+ ){0,3}?(?:مطلوب|مستحق|يجب دفع|لازم تندفع|واجب)\\S*', '(?:هزينه|كارمزد) (?:\\S+ ){0,3}?(?:دارد|لازم است|بايد پرداخت)\\S*',
]);

/** Someone else asked for the money: "they told me to pay", "قالوا لي", "ازم خواستن". */
const TOLD = pieces(
  words([
    'they (?:told|asked|said)', '(?:they|he|she|someone) wants? me to', '(?:they|he|she) (?:want|wants|wanted) (?:a |an |me |to )?(?:[$£€₦₹] ?\\d+|\\d+|\\S+ (?:pounds?|dollars?|naira|fees?))', 'someone (?:told|asked|said)', 'he (?:told|asked|said)', 'she (?:told|asked|said)', 'told me', 'asked me', '(?:said|say|says|saying) (?:to|for|that|i|my)', 'the (?:lady|man|guy|agent|person|caller) (?:said|told|asked)', 'one person', 'a person',
    'يقول', 'يقولون', 'يقولو', 'بيقول', 'بيقولو', 'عم يقول', 'عم يقولو', 'بقول', 'كيقولو',
    'قالوا', 'قالو', 'قالي', 'قال لي', 'قال ليا', 'قالو ليا', 'قالوا لي', 'قالت', 'قالت ليا', 'قالتلي', 'حكولي', 'حكالي', 'حكتلي', 'خبروني', 'بلغوني', 'قلي', 'قالولي', 'طلبوا', 'طلب مني', 'بيقولوا', 'بيقولولي', 'ابلغني', 'ابلغوني', 'عايزين مني', 'عاوزين مني', 'بغاو', 'يبغون', 'يبون', 'بدهم', 'شخص',
    '(?:ق|گ|ك)ال(?:و|وا|ت)?(?:لي|ليا|لنا|ولي|ولنا|تلي)', 'گالي', 'بهم گفتن', 'بهم گفت',
    'گفتن', 'گفتند', 'گفت', 'ازم خواستن', 'خواستند', 'خواستن', 'مي ?گن', 'ميگن', 'اعلام (?:نمود|نمودند|كرد|كردند|شده|شد)\\S*',
    // (round 27) formal Persian, as an elder writes it: "فرمودند", "خواسته‌اند", "اظهار داشتند"
    'فرمودند', 'فرمودن', 'خواسته ?اند', 'اظهار (?:داشتند|كردند)',
    // a message or a stranger named by who they are: "msg says", "وصلتني رسالة ان", "الموظف قال", "الزول قال لي", "the HR lady say"
    '(?:text|message|msg|sms|mail|email|notification) (?:says|said|saying|that)', '(?:got|received) (?:a |an )?(?:text|message|msg|sms)', '(?:رساله|مسج|مسدج|ايميل) (?:ان|انه|بتقول|تقول|بيقول|يقول|فيها)', '(?:وصلتني|جاتني|جاتلي|جاني|جالي) (?:رساله|مسج)', 'پيامك? (?:اومده|اومد|داده|زده)',
    '(?:ال)?(?:موظف|موظفه|زلمه|راجل|رجال|زول|شخص|واحد|حدا|ست|بنت) (?:قال|قالت|بيقول|يقول|بتقول)\\S*', '(?:lady|man|guy|woman|person|agent|hr|recruiter|caller|officer|dem|them|they) (?:say|says|tell|talk)',
    // (round 34) an order reported after "said" with no "to" ("man on phone said send 150,000 IQD"); Iraqi "كلي" (said to me)
    // after the one who said it ("واحد كلي حول …"; alone it is "all of")
    'said (?:to )?(?:send|pay|transfer|deposit|wire|buy)', '(?:واحد|شخص|رجال|ريال|موظف|المندوب|مندوب|الموظف|الرجال) (?:كلي|كللي|كلّي|كالي)',
    // (round 34) the worker who came or waits at the shop: "the fitter asked 2000 cash", "the technician wants"
    '(?:fitter|installer|technician|engineer|mechanic|workman|worker|plumber|electrician) (?:\\S+ )?(?:asked|asks|asking|wants|wanted|demanded|demands|said|says|told)',
    'on me demande', '(?:ils|elle|il) (?:me )?(?:demande|demandent|a demand)\\S*', 'talbo', 'talbou', 'tlbo', 'tolbo', 'talbin',
    'yab(?:o|ou|u)+n(?:i|y|a)?', 'yabghoon\\S*', 'bedhom', 'baddon', 'goftan', 'goft', 'migan', 'bi2ouli', 'bi2olo', 'bey2olo', 'bi2oulo', '2alouli', '2all?i', '2aly', 'qalli', 'galli', 'kay9olo', 'gallo', 'galli', '3ayzeen meni', '3ayzin meni', '2alooli', '2aloly', '2alouli', '(?:kay|ka)?(?:g|9|q|2)a?l(?:o|ou|u)? (?:lia|liya|lya|li)', 'galouli(?:a|ya)?', '9alouli(?:a|ya)?', 'qalouli(?:a|ya)?', 'galoli(?:a|ya)?', '9aloli(?:a|ya)?', 'galuli(?:a|ya)?',
  ]),
  words([
    // (round 22) Dari and formal Persian "یک پیغام آمده که میگه", Tajik ("гуфтанд", "паёмак омад" read in Latin), Swahili
    '(?:پيامك?|پيغام|اس ?ام ?اس) (?:امده|امد)', 'پيغام (?:اومده|اومد|داده)', 'guftand', 'guft', 'navishtand', 'payo?mak omad', '(?:wa|a)(?:me|li)niambia', 'walisema', 'wanasema', 'nimepokea ujumbe', 'ujumbe (?:unasema|umesema|umekuja)',
  ]),
  words([
    // (round 25) Wolof ("ñu ne ma", "SMS bu wax"), Kinyarwanda ("bambwiye", "ubutumwa buvuga"), Indonesian and Malay
    // ("katanya", "mesej kata"), Javanese ("jarene")
    '(?:ñu|mu|dañu|dafa|nu) (?:ne|wax) ma', '\\S{1,16} bu wax', 'bambwiye', 'yambwiye', 'ubutumwa buvuga',
    // (round 32) Russian "сказали", "велели", read in Latin
    // (round 33) French in the past: "on m'a demandé", "il m'a dit", "ils m'ont demandé"
    '(?:on|il|elle|ils|elles) m ?[\'’]? ?(?:a|ont) (?:dit|demand\\S*)',
    'skazal\\S*', 'velel\\S*', 'katanya', 'mesej (?:kata|cakap)', 'jarene', '(?:they|he|she) (?:want|wants|wanted) (?:a |an )?[a-z]{0,3}[₵$£€₦₹] ?\\d+', 'ك[يت](?:قول|گول)(?:و)?(?: ليا| لي)?',
  ]),
);

export type ScamCode = 'fake_number' | 'fake_handle' | 'upgrade_fee' | 'urgency';

export interface ScamFlag {
  code: ScamCode;
  /** The number or handle, for `fake_number` / `fake_handle`; for a number described instead of written, the description. */
  value?: string;
  /** The number is described ("a normal mobile number"), not written. */
  described?: boolean;
}

/**
 * (round 20) The customer asking about a fee, or about money they already have: "are there extra charges when I top up
 * my son's card?", "کارمزدش چقدره؟", "ch7al les frais", "the money is in the wallet, how do I activate it?".
 */
const ASKS = words([
  'how much', 'how do i', 'how can i', 'is there', 'are there', 'do you charge', 'what(?:.s| is| are) the (?:fee|fees|charge|charges|cost)', 'i want to know', 'just (?:want|wanted) to know',
  'كم', 'هل', 'فيه', 'ايش', 'شو', 'كيف', 'ازاي', 'شلون', 'شنو', 'وش', 'ليش', 'بكام', '(?:عايز|عاوز|ابي|ابغى|بدي|حاب) اعرف',
  'چقدر\\S*', 'چند\\S*', 'ايا', 'چطور\\S*', 'چجوري', 'چگونه', 'مي ?خواهم بدانم', 'مي ?خوام بدونم',
  'combien', 'est-ce', 'y a-t-il', 'cu[aá]nto', 'hay', 'ch7al', 'chhal', '9add?(?:eh|ech|ash)', 'wach', 'kifach', 'bghit n3ref', 'bghit n3raf',
  // (round 22) Algerian "قداش", Tajik "чанд", "оё", Swahili "kiasi gani", "ngapi"
  'قداش', 'chand', 'oyo', 'chi qadar', 'kiasi gani', 'ngapi', 'kuna ada',
]);
const OWN_MONEY = rx([
  '(?:my |the )?(?:money|balance|funds) (?:is|are) (?:\\S+ )?(?:in|there|enough|available)', 'enough (?:money|balance|funds)', 'رصيدي', '(?:ال)?(?:مبلغ|فلوس|رصيد) (?:\\S+ )?(?:موجود|كافي|يكفي)\\S*',
  'موجودي\\S*', 'پول\\S* (?:\\S+ )?(?:تو|توي|در|داخل) (?:\\S+ )?(?:كيف|حساب)\\S*', 'كافيه', 'كافيست',
]);
/**
 * A fee asked about, not demanded: a question of the customer's own (or their own money named), with no other voice in it
 * — nobody told them, no order to pay or fee made due, nobody claims to be us, no odd way to pay, no sum named (a sum is
 * what a demand quotes: "…۵۰۰ هزار تومان … الزامی است. آیا این روال قانونی است؟").
 */
function askedNotDemanded(t: string, has: Has): boolean {
  if (!/[?؟]/.test(t) && !has(ASKS, t) && !has(OWN_MONEY, t)) return false;
  return !(has(TOLD, t) || has(MESSAGE_NAMED, t) || has(PAY_NOW, t) || has(FEE_DUE, t) || has(CLAIMS_TO_BE_FROM, t) || has(ODD_PAYMENT, t) || has(AMOUNT, t));
}

/**
 * (round 23) Where the company itself quotes its prices: at its branch or office, on its site or in its brochure ("I
 * was told at your office that a certification fee of £10 applies", "your brochure mentions £20", "في الفرع قالوا").
 * A fee quoted there is the company's own — unless a stranger claims to be us, reached the customer, or wants an odd
 * payment.
 */
/** (round 23) A charge reported as already taken: "۱۰ دلار … از حسابم کم شد", "was deducted", "اتخصم مني", "تم خصم". */
const TAKEN_FROM_ME = rx([
  '(?:was|were|got|been|has been|have been) (?:deducted|debited|taken|charged)', 'deducted from', '(?:كم|كسر|برداشت) (?:شد|شده|كردن|كردند)(?![\\p{L}])',
  '(?:ان|ات|اتـ|تم )خصم\\S*', 'انسحب\\S*', 'اتسحب\\S*',
]);
/**
 * (round 32) A sum paid for an order — "for my order", "the order total", "مبلغ الطلب", "على الأوردر", "پول سفارش" — with the
 * payment the customer's own or reported taken ("paid 35 KWD for my order with my visa ending 4471 so it can be delivered
 * today"): paying for what one bought is no fee to unlock something. Someone else's demand still is (`TOLD`, a claim, an
 * order to pay now, an odd way to pay).
 */
const PAID_FOR_AN_ORDER = rx([
  '(?:for|on) (?:my|the|our|this|an|your|ur) (?:\\S+ )?order(?![a-z])', '(?:my|our) order (?:for|of|total|#|no\\.?|number|\\d)', 'paid (?:for )?(?:the|my|our) order', '(?:the|my|our) order(?: \\S+){0,3}? (?:was|got|has been|is) (?:paid|charged)', '(?:دفعت|سددت|دفعنا|حاسبت) (?:ثمن |مبلغ |فلوس )?(?:ال)?(?:طلب|طلبيه|اوردر)', 'سفارش\\S* (?:رو |را )?پرداخت', 'order (?:total|amount|price|value)', '(?:total|amount|price|cost) (?:of|for) (?:my|the|our|this) order',
  '(?:مبلغ|ثمن|سعر|قيمه|فلوس|حق|حساب) (?:ال)?(?:طلب|طلبيه|طلبيتي|طلبي|اوردر|الاوردر)(?![\\p{L}])', '(?:على|عال|ع|لل|عن) ?(?:ال)?(?:اوردر|طلبيه|طلبية|طلب)(?![\\p{L}])',
  '(?:مبلغ|پول|هزينه|قيمت) (?:ال)?سفارش\\S*', '(?:براي|بابت) (?:ال)?سفارش\\S*',
]);
const PAID_MYSELF = rx(['(?:i|we) (?:already |just )?(?:paid|payed|was charged|got charged)', 'charged (?:on|to) (?:my |the |our )?(?:card|visa|mastercard|account|acct)', 'charged (?:on|to) (?:my|our)',
  // …or by its digits masked: "card xxxx4417", "Visa ••4417"
  '(?:card|visa|mastercard|mada|amex)\\S* (?:x|\\*|•){2,}',
  // the customer's own card, told by its last digits: "card ending 4417", "البطاقة المنتهية بـ", "اللي آخرها", "کارت منتهی به"
  '(?:card|visa|mastercard|mada|amex|debit card|credit card)(?: \\S+)? (?:ending|ends|ending in|ending with)', '(?:بطاقه|بطاقتي|البطاقه|الفيزا|فيزا|كارت|كارتي|مدى)(?: \\S+)? (?:المنتهيه|اللي (?:اخرها|تنتهي)|التي تنتهي|تنتهي)', '(?:كارت|كارتم)\\S* (?:منتهي به|كه (?:ته|اخر)ش)', 'paid (?:\\S+ ){0,3}?(?:for|on) (?:my|our|the) order', '(?:you|u) (?:guys )?(?:charged|took|deducted)', 'دفعت', 'سددت', 'دفعنا', 'پرداخت كردم', 'پرداختم', 'پرداخت شد', 'dafa3t']);
/**
 * (round 35) The customer's own payment, made: "I paid my bill with Vodafone Cash", "i have pay the premium", "I made a bank
 * transfer for my premium", "حولت القسط", "سددت", "قمت بتحويل", "پرداخت کردم", "کارت به کارت کردم", "j'ai payé", "dafa3t",
 * "7awelt", "pardakht kardam", "пардохт кардам" — in the past, in the first person.
 */
const PAID_IT_MYSELF = rx([
  "(?:i|we) (?:have |had |already |just |have already |had already )?(?:paid|payed|pay|settled|made (?:a|the|my) (?:\\S+ )?(?:payment|transfer)|sent (?:the|my) (?:\\S+ )?(?:payment|money|transfer)|transferred|wired)",
  "j'ai (?:pay[ée]|r[ée]gl[ée]|vers[ée]|fait (?:un|le) virement)", '(?:khlst|khallast|khalast)',
  'دفعت', 'سددت', 'دفعنا', 'سددنا', 'حولت', 'حولنا', 'قمت (?:بدفع|بسداد|بتحويل)', 'خلصت',
  'پرداخت (?:كردم|كرديم|نمودم)', 'پرداختم', '(?:واريز|كارت به كارت|حواله) (?:كردم|كرديم|نمودم)',
  'dafa3t', 'daf3t', '7awelt', '7welt', 'pardakht (?:kardam|kardim)', 'variz kardam', 'kart be kart kardam', 'пардохт кардам', 'фиристодам', 'гузаронидам',
]);
/**
 * (round 35) The official line sending the customer here — "I called 800 … and they said to write here", "زنگ زدم گفتن اینجا
 * بنویسم", "قالولي اكتب هنا" — is nobody's demand: blanked before the own-payment reading asks whether anyone else spoke.
 */
const SENT_HERE = rx([
  "(?:they|he|she|the agent|the lady|the guy) (?:said|told me|asked me) (?:to |i should |i can )?(?:write|message|text|chat|contact you|reach you|ask)(?: (?:you|here|on (?:the )?chat|in (?:the )?chat|this way))+",
  '(?:قالوا|قالو|قالولي|قالوا لي|كالولي|قالي|قال لي|حكولي) (?:اكتب|اكتبلكم|ابعت|اراسلكم|اتواصل|اسال)\\S*(?: (?:هنا|هون|هنانا|معكم|لكم|عالشات|ع الشات))?',
  '(?:گفتن|گفتند|گفت) (?:اينجا|همينجا|تو چت|به شما) (?:بنويسم|پيام بدم|بپرسم)', 'goftan inja (?:benevisam|payam bedam)', 'гуфтанд ин ҷо нависам',
  "on m'a dit d'[ée]crire ici", "ils m'ont dit d'[ée]crire ici",
]);
/** (round 35) What the customer's own payment was for: a bill, a premium or an instalment of their own. */
/** (round 35) …or meant, in the first person: "I want to pay the renewal by card", "بدي ادفع القسط", "میخوام قسط رو پرداخت کنم". */
const PAYING_IT_MYSELF = rx([
  "i(?:'d| would) like to pay", 'i (?:want|wanna|need|plan|am going|will|intend) to pay', "i'?m (?:going|planning|about) to pay", 'i(?:m| am) gonna pay', "i(?:'ll| will) pay", 'can i pay', 'je (?:veux|voudrais|vais) payer',
  '(?:ابي|ابغى|بدي|عايز|عاوز|حابب|بغيت|اريد|ودي) (?:ا|ان ا)?(?:دفع|سدد|حول)', '(?:مي ?خوام|مي ?خواهم|قصد دارم|در نظر دارم) (?:\\S+ ){0,5}?(?:پرداخت|واريز) (?:كنم|بكنم|نمايم)',
]);
const OWN_DUE_PAID = rx([
  'bills?', 'premium', 'install?ments?', 'invoice', 'renewal', 'factur\\S*', 'prime', '(?:ال)?فاتور\\S*', '(?:ال)?قسط\\S*', '(?:ال)?اقساط', 'قبض', 'فاكتور\\S*', 'بيمه\\S*',
  '(?:el |l)?(?:fatoura|fatora|2est|qest|ghest)', 'bime', 'суғурта\\S*', 'ҳисобнома\\S*',
]);

const WHERE_WE_QUOTE = rx([
  '(?:at|in) (?:your|ur|the) (?:branch|office|counter|head office|service cent(?:er|re))', '(?:on|in|at|from|per|according to) (?:your|ur) (?:web ?site|site)', '(?:your|ur) (?:web ?site|site) (?:says|said|shows|lists|mentions|quotes|states)', '(?:your|ur) (?:brochure|price list|tariff|fee schedule|terms)',
  '(?:في|ب|بال) ?(?:ال)?فرع\\S*', 'في (?:مكتبكم|مكاتبكم|موقعكم)', '(?:تو|توي|در) شعبه\\S*', 'سايت (?:شما|تون)', 'سايتتون',
]);

/** A company whose name is a word and "Pay" ("Nakhla Pay", "SADAF PAY"): its name, not a payment. */
const BRAND_PAY = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}\p{N}]+)[ -](?:Pay|PAY)(?![\p{L}\p{N}])/gu;
/** …unless the word before is an order's ("Please Pay", "You Must Pay") or a payment method's maker is meant as a way to pay. */
const NOT_A_NAME = new Set(['please', 'pls', 'plz', 'kindly', 'you', 'must', 'to', 'and', 'or', 'then', 'now', 'just', 'simply', 'also', 'immediately', 'urgently', 'so', 'should', 'will', 'can', 'not', 'never', 'do', 'did', 'we', 'they', 'he', 'she', 'need', 'needs', 'first', 'i', 'easily', 'securely', 'quickly']);
/**
 * (round 22) The customer asking whether they must pay ("is there anything I need to pay on delivery?", "هل لازم
 * أدفع شي؟", "باید چیزی بپردازم؟"): the "need to" of their own question is no one's demand.
 */
const ASKED_ABOUT_PAYING = rx([
  '(?:do|will|would|should|shall|must|have) i (?:\\S+ )?(?:need to |have to |got to )?pay',
  // (round 23) "could you confirm whether a certification fee applies to merchant accounts?", "does a fee apply?"
  '(?:whether|if|does|do|is|are) (?:a|an|the|any) (?:\\S+ ){0,3}?(?:fees?|charges?) (?:applies|apply|is charged|is due|is payable)', '(?:is there )?(?:anything|something) (?:that )?(?:i |we )?(?:need|have|got) to pay', '(?:anything|something) to pay',
  // (round 24) "Just checking I don't need to pay anything on delivery?"
  "(?:i |we )?(?:don'?t|don’t|do not|won'?t|won’t|will not|shouldn'?t|should not) (?:need|have|got) to pay",
  'هل (?:\\S+ )?(?:يجب|لازم|علي|عليا|يلزم\\S*) (?:ان )?(?:ادفع|اسدد|ندفع|نخلص)', '(?:لازم|يلزمني|خاصني|مفروض) (?:ادفع|اسدد|ندفع|نخلص)\\S* (?:شي|شيء|حاجه|حاجة|حتى شي)',
  '(?:بايد|لازمه) (?:\\S+ )?(?:چيزي|پولي|مبلغي) (?:\\S+ )?(?:بدم|بپردازم|پرداخت كنم|بدیم|بپردازیم)', 'dois-je payer', 'je dois payer (?:quelque chose|qqch|des frais)\\S*',
  // (round 27) how, or whether they may, pay — on delivery, by card or cash: "can I pay the courier with your card?", "شلون
  // ادفع للمندوب …؟", "میشه موقع تحویل با کارت پرداخت کنم؟", "est-ce que je peux payer le livreur …?", "naweza kumlipa …?"
  '(?:can|could|may) i (?:\\S+ )?pay', 'how (?:do|can|should|would) i (?:\\S+ )?pay',
  '(?:كيف|شلون|اشلون|ازاي|كيفاش|ينفع|ممكن|اقدر|بقدر|فيني|يمديني|يصير)(?: \\S+){0,2}? (?:ادفع|اسدد|نخلص|اخلص|ندفع)',
  '(?:مي ?تونم|مي ?توانم|مي ?شه|چطور\\S*|چجوري|چگونه)(?: \\S+){0,5}? (?:پرداخت كنم|بپردازم|پول بدم|حساب كنم)', '(?:est-ce que )?(?:je peux|puis-je|on peut|peut-on|je pourrais) (?:\\S+ )?payer',
  'comment (?:je )?(?:peux|dois|puis)(?:-je)? payer', 'pardo(?:kh|x)t kardan mumkin', 'naweza (?:\\S+ )?(?:kulipa|kumlipa)',
  // …and the other way it asks about: "… or must it be cash?", "ولا لازم كاش؟", "یا باید نقد بدم؟"
  '(?:or|ولا|او|والا|يا) (?:\\S+ ){0,3}?(?:must|has to|have to|لازم|يجب|بايد) (?:\\S+ ){0,2}?(?:cash|كاش|نقد\\S*|comptant|taslimu)',
]);
/**
 * (round 27) The company's own warning that it never asks for a fee ("Acme staff will never ask you to pay a fee to unlock
 * your account", "موظفو … لن يطلبوا منك دفع أي رسوم", "… هرگز … کارمزد نمی‌خواهند"), quoted by a customer: its sentence
 * demands nothing and is blanked from the fee text, as a "never share your code" notice is from a number's.
 */
const NEVER_ASKS_TO_PAY = rx([
  "(?:will |would |shall |do |does )?never (?:\\S+ ){0,2}?(?:ask|request|require|charge|demand)", "(?:do not|don'?t|won'?t|will not) (?:ever )?(?:ask|request|require|demand) (?:you |for )",
  'لن (?:\\S+ )?(?:ي|ت|ن)?(?:طلب|طالب)\\S*', // (round 28) a company's singular verb too: "«Acme هیچ‌وقت برای رفع مسدودی هزینه نمی‌گیرد»"
  '(?:هرگز|هيچ ?وقت) (?:\\S+ ){0,8}?(?:نمي ?خواه(?:د|ند|يم)|نمي ?خوا(?:د|ن)|درخواست نمي|نخواه(?:د|ند)|نمي ?گير(?:د|ند|ن|يم))',
  '(?:ne|n.) (?:vous |te )?(?:demandera|demanderont|demanderons|exigera|exigeront) jamais',
]);
/**
 * (round 22) Money coming to the customer — "تمت إعادة مبلغ 27.50 ريال إلى محفظتك", "AED 40.00 has been refunded to
 * your card", "مبلغ … به حسابتون برگشت داده شد", "пули баргардонидашуда … ба ҳисобам гузаронида шуд" — is no fee.
 */
const MONEY_IN = rx([
  '(?:تمت?|قد تم) (?:اعاده|استرداد|ارجاع|ايداع|اضافه|رد|تحويل|ارسال) (?:\\S+ ){0,3}?(?:الى|الي|في|ل|على) ?(?:\\S+ )?(?:حسابك|محفظتك|بطاقتك|رصيدك|حسابكم|كرتك)',
  '(?:refunded|credited|returned|reversed|deposited|added|sent back|paid back)(?: \\S+){0,4}? (?:to|into|in|on) (?:your|ur) (?:account|wallet|card|balance)',
  '(?:has|have) been (?:refunded|credited|returned|reversed|deposited|added|paid back)', '(?:was|were) (?:refunded|credited|returned|reversed|paid back)',
  'به (?:حساب|كارت|كيف ?پول)\\S* (?:\\S+ ){0,2}?(?:برگشت|برگردانده|بازگردانده|عودت|واريز) (?:داده )?(?:شد|شده|گرديد)',
  'bargardonida\\S*', 'ba (?:hisob|hamyon)\\S* guzaronida shud',
]);
/**
 * (round 30) A voucher the customer refuses — "a full refund, not a voucher", "I don't want a voucher or an upgrade",
 * "instead of a voucher", "مش فاوتشر" — is no way they are asked to pay: blanked from the fee text, as money coming to
 * them is. (A voucher someone demands keeps its reading: the refusal's negation stands right before it.)
 */
const REFUSED_VOUCHER = rx([
  "(?:not|no|nor|never|instead of|rather than|(?:don'?t|don’t|do not|won'?t|won’t|will not|wont|dont) (?:want|accept|take|need)) (?:(?:a|an|any|the|another|your|ur|some)(?: \\S+)? )?(?:vouchers?|e-?vouchers?)(?: (?:or|and|nor) (?:a |an |any )?(?:credits?|upgrades?|points?|coupons?))?",
  '(?:مو|مش|مب|لا|ما ابي|مابي|ما بدي|مش عايز|مش عاوز|بدل|بدال|وليس|ليس) (?:ال)?(?:فاوتشر|فوتشر|قسيمه|كوبون)',
  '(?:نه|بجاي|به جاي) (?:\\S+ )?(?:ووچر|واچر|كوپن)',
]);
const blank = (s: string, re: LazyRegExp) => s.replace(new RegExp(re.source, 'giu'), (m) => ' '.repeat(m.length));

/**
 * The text the fee rules read: the company's "… Pay" names (written so, or listed by IT) with their "pay" blanked, and
 * (round 22) the customer's own question whether to pay and money coming to them blanked.
 */
function feeText(raw: string, t: string, policy: GuardPolicy, has: Has): string {
  if (has(NEVER_ASKS_TO_PAY)) t = blankSentences(t, NEVER_ASKS_TO_PAY);
  if (has(ASKED_ABOUT_PAYING)) t = blank(t, ASKED_ABOUT_PAYING);
  // (the "?" first: most messages ask nothing)
  if (/[?؟]/.test(t) && has(ASKS) && !(has(TOLD) || has(MESSAGE_NAMED) || has(CLAIMS_TO_BE_FROM) || has(REACHED_ME))) t = blankOwnQuestions(t, has);
  if (has(MONEY_IN)) t = blank(t, MONEY_IN);
  if (has(REFUSED_VOUCHER)) t = blank(t, REFUSED_VOUCHER);
  if (!t.includes('pay')) return t;
  const names = new Set(policy.brandNames.map((b) => b.toLowerCase()).filter((b) => b.length >= 3));
  for (const m of raw.matchAll(BRAND_PAY)) if (!NOT_A_NAME.has(m[1]!.toLowerCase())) names.add(m[1]!.toLowerCase());
  if (!names.size) return t;
  const esc = [...names].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return t.replace(new RegExp(`(?<![\\p{L}\\p{N}])(${esc})[ -]pay(?![\\p{L}\\p{N}])`, 'gu'), (_, n: string) => `${n}    `);
}

/**
 * (round 26) The customer's own question about a fee or an account — "کارمزد انتقال فوری چقدره؟", "حساب تجاری چطوری باز
 * میشه؟", "how much is the charge for upgrading to tier 3?" — is blanked from the fee text: a sentence ending in "?"
 * with a question word of its own and no other voice, order, due fee, claim, odd payment or sum in it asks what a
 * demand would state. A demand quoted as a question keeps its sentence ("هل تريد ترقية حسابك؟" has no question word of
 * `ASKS`; "is it true I must pay $50 to unlock it?" names a sum), and a message where someone else speaks — told, quoted,
 * claims to be us, reached the customer — keeps every question: "they said I must pay. how much is the unlock fee?" asks
 * about a stranger's demand.
 */
function blankOwnQuestions(t: string, has: Has): string {
  // (sentences found by one pass over the text, and the text rebuilt once: a pattern for "a sentence ending in ?" would
  // read a long run to its end from every start)
  const parts: string[] = [];
  let kept = 0;
  for (let from = 0, i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (c !== '.' && c !== '!' && c !== '\n' && c !== '?' && c !== '؟') continue;
    const s = t.slice(from, i);
    const at = from;
    from = i + 1;
    if (c !== '?' && c !== '؟') continue;
    if (!has(ASKS, s) || has(TOLD, s) || has(MESSAGE_NAMED, s) || has(MESSAGE_VOICE, s) || has(PAY_NOW, s) || has(FEE_DUE, s) || has(CLAIMS_TO_BE_FROM, s) || has(ODD_PAYMENT, s) || has(AMOUNT, s) || has(OBLIGED, s)) continue;
    // (the question mark stays: a question the customer asked still makes the rest read as asked, `askedNotDemanded`)
    parts.push(t.slice(kept, at), ' '.repeat(s.length));
    kept = i;
  }
  return kept ? parts.join('') + t.slice(kept) : t;
}

/** (`s`, when given, must be a piece of the text cut out of it: a string joined or replaced may hold pairs the text does not.) */
type Has = (re: Lexicon, s?: string) => boolean;

/**
 * The lexicon patterns of one message, each tried only where the text holds what it needs (`literal-gate`: a pattern
 * none of whose parts' letters are in the text cannot match it, nor any piece of it), and each answer over the whole
 * text kept — the rules ask some of them several times.
 */
function gated(t: string, keys = new TextKeys(t)): { has: Has; find: (re: LazyRegExp, s?: string) => RegExpExecArray | null } {
  // (which of a lexicon's parts the keys allow: read once, it answers the gate and says which parts to try)
  const met = new Map<LazyRegExp, readonly number[] | boolean>();
  const metOf = (re: LazyRegExp): readonly number[] | boolean => {
    let v = met.get(re);
    if (v === undefined) met.set(re, (v = re.partsMet(keys)));
    return v;
  };
  const mayMatch = (re: LazyRegExp): boolean => metOf(re) !== false;
  const whole = new Map<LazyRegExp, boolean>();
  const hasOne = (re: LazyRegExp, s: string): boolean => {
    const m = metOf(re);
    if (m === false) return false;
    if (s !== t) return re.testParts(m, s);
    let v = whole.get(re);
    if (v === undefined) whole.set(re, (v = re.testParts(m, t)));
    return v;
  };
  // (a lexicon in pieces: each piece behind its own gate)
  const has = (re: Lexicon, s = t): boolean => (re instanceof Pieces ? re.pieces.some((p) => hasOne(p, s)) : hasOne(re, s));
  return { has, find: (re, s = t) => (mayMatch(re) ? re.exec(s) : null) };
}

function readForRules(text: string, policy: GuardPolicy, hasLink: boolean, reading?: MessageReading) {
  // a number read out in a voice note is a number ("من سبعة سبعة.. واحد اربعة")
  // (Tajik in Cyrillic is read in Latin letters, where its words are: `tajik-latin.ts`)
  const read = reading?.typed.form(false);
  const t = tajikInLatin(read ?? normalizeText(digitsAsTyped(text)));
  // (the reading's keys when the rules read its text as it is: the hand-over's pre-test asks the same keys)
  const { has, find } = gated(t, t === read ? reading!.typed.keys : undefined);
  let feeRead: string | undefined;
  const fee = () => (feeRead ??= feeText(text, t, policy, has));
  return { t, has, find, fee };
}

/** `opts.reading`: the message's reading when the inbound check has made it. */
export function findScamPatterns(text: string, policy: GuardPolicy, hasLink = false, opts: { reading?: MessageReading; ownLinksOnly?: boolean } = {}): ScamFlag[] {
  const { t, has, find, fee } = readForRules(text, policy, hasLink, opts.reading);
  // (round 36) every link the message holds is the company's own (or it holds none)
  const ownLinksOnly = opts.ownLinksOnly ?? !hasLink;
  const flags: ScamFlag[] = [];
  const officialWritten = policy.officialSupportNumbers.filter((n) => digits(n).length >= 4);
  const official = officialWritten.map(digits);
  // (round 26) an account given as a link ("https://t.me/SanabelWallet_Official_IQ", "instagram.com/acme.care") is read as
  // its handle: the sentences would otherwise part "t" from "me/…" at the dot
  const th = t.includes('.me/') || t.includes('instagram.com/') ? t.replace(LINKED_HANDLE, (_, a?: string, b?: string) => ` @${a ?? b}`) : t;
  const sentences = th.split(/(?<!\d)[.!?؟\n]+|[.!?؟\n]+(?!\d)/u);
  // a partial number is cut where the ellipsis is, so it is found in the whole text, not its sentences
  const partials = [...t.matchAll(PARTIAL_PHONE), ...[...t.matchAll(CUT_DIGITS)].filter((m) => has(CALLERS_NUMBER, t.slice(Math.max(0, m.index - 60), m.index)))].filter((m) => !MY_NUMBER_BEFORE.test(t.slice(Math.max(0, m.index - 24), m.index)));
  if (partials.length && has(CLAIMS_TO_BE_FROM, t)) flags.push({ code: 'fake_number', value: partials[0]![0].trim() });
  // "called me from a normal mobile number, said he's from the fraud department": no number written, the claim and the description are the sign
  const described = find(DESCRIBED_NUMBER, t);
  if (described && (has(CLAIMS_TO_BE_FROM, t) || has(WEARS_OUR_FACE, t)) && !flags.length) flags.push({ code: 'fake_number', value: described[0], described: true });
  const short = SHORT_NUMBER.exec(t);
  if (short && (has(CLAIMS_TO_BE_FROM, t) || has(WEARS_OUR_FACE, t)) && !flags.length) flags.push({ code: 'fake_number', value: short[1]! });
  // "the dp has Acme logo, he asked for the OTP": no number at all, the company's face on a chat app is the sign
  const face = find(WEARS_OUR_FACE, t);
  if (face && has(PERSONAL_CHANNEL, t) && !flags.length) flags.push({ code: 'fake_number', value: face[0], described: true });
  // each number is judged by reading its sentence and the ones beside it: a message of a thousand numbers would read
  // them a thousand times (quadratic), so the first few are judged that way and every later one on the text near it
  // (never skipped: a caller's number behind sixteen harmless ones is still read)
  let numbersJudged = 0;
  let tollFree: string | undefined;
  let claimInText: boolean | undefined;
  let ourName: boolean | undefined;
  let chatNumber: string | undefined;
  let claimantsNumber: string | undefined;
  let published: string[] | undefined;
  const claimsOrNamesUs = () => (claimInText ??= has(CLAIMS_TO_BE_FROM, t) || has(SUPPORT_WORDS, t) || namesBrand(t, policy));
  const strangerReached = () => has(REACHED_ME, t) || SOMEONE_ELSE.test(t) || has(TOLD, t);
  // (round 26) …a handle carrying the brand's name is dressed as ours too ("@AcmeWalletHelp"), and "official" beside it claims it
  const dressed = (h: string) => HANDLE_DRESSED.test(h) || brandInHandle(h, policy);
  const handleClaimed = () => has(CLAIMS_TO_BE_FROM, t) || has(WEARS_OUR_FACE, t) || ((strangerReached() || has(OFFICIAL, t)) && [...th.matchAll(HANDLE)].some((h) => dressed(h[0])));
  // (every number starts with a digit and every handle with '@': a text with neither has none to judge)
  for (const [i, whole] of /[0-9@]/.test(th) ? sentences.entries() : []) {
    // "This is our support line 0800 123 456. Call it now.": "support" and "call" may be in the sentence next door
    // "Dear support team, … my number is …": a greeting to us says nothing about whose number it is
    // (both read only for a sentence with a number in it)
    let aroundWhole: string | undefined;
    let aroundButGreetingsWhole: string | undefined;
    for (const found of whole.matchAll(PHONE_OR_SEVEN)) {
      if (found[0].length === 7 && !official.concat((published ??= publishedIn(th))).some((o) => o !== found[0] && looksLikeNumber(o, found[0]))) continue;
      aroundWhole ??= sentences.slice(Math.max(0, i - 1), i + 2).join(' . ');
      aroundButGreetingsWhole ??= sentences.slice(Math.max(0, i - 1), i + 2).filter((x, k, all) => x === whole || !GREETING.test(all[k]!)).join(' . ');
      const near = ++numbersJudged > NUMBERS_JUDGED;
      const from = near ? Math.max(0, found.index - NEAR_A_NUMBER) : 0;
      const sentence = near ? whole.slice(from, found.index + found[0].length + NEAR_A_NUMBER) : whole;
      const m = { 0: found[0], index: found.index - from };
      const around = near ? sentence : aroundWhole;
      const aroundButGreetings = near ? sentence : aroundButGreetingsWhole;
      // (round 25) a number money is to be sent or paid to ("ارسل في رقم …", "حولت ١٥٠ ريال … على رقم …"): the desk that
      // takes a fee, flagged once the fee is (below) — a relative's number to send money to raises no fee
      // (round 31) …unless whoever it belongs to claimed to be us ("حولت ٣٠٠ على الرقم … عشان قالوا احنا مندوبين …", "sent 500 to
      // 98765… because they said they were Acme agents"): then it is a fake number of ours, flagged now
      // (round 32) an account's or a transaction's number ("بحساب رقمه 1234567890", "reference 48213977", "MTCN …") is where
      // money went or its receipt, not a caller's line
      if (ACCOUNT_OR_REFERENCE_BEFORE.test(sentence.slice(Math.max(0, m.index - 40), m.index))) continue;
      const paidTo = has(PAY_TO_NUMBER_BEFORE, sentence.slice(Math.max(0, m.index - 60), m.index)) && has(SENT_OR_PAID, around);
      if (paidTo && CLAIMS_TO_BE_FROM.test(around)) {
        claimantsNumber ??= m[0].trim();
        continue;
      }
      if (paidTo && has(FEE, around)) {
        chatNumber ??= m[0].trim();
        continue;
      }
      // "reach me at …", "رقمي …", "… to my account": the customer's own number; "messaged me on WhatsApp, his number is …" is not
      // (round 25) …nor one the text orders sent or called to ("… على الواتساب على رقم …")
      if (!has(CONTACT_GIVEN, sentence.slice(Math.max(0, m.index - 80), m.index)) && ownNumber(sentence.slice(Math.max(0, m.index - SELF_REACH), m.index + m[0].length + SELF_REACH / 2))) continue;
      const d = digits(m[0]);
      if (d.length < 7 || d.length > 15) continue;
      // (round 23) "REF-2024-55817", "TRF-20251206-4471": digits hung on a word by a dash or slash are a reference's
      if (REFERENCE_BEFORE.test(sentence.slice(Math.max(0, m.index - 2), m.index))) continue;
      // (round 30) …the official number with a digit or two put in front ("0800-2263", "1800-2263" for "800-2263") is not it
      const prefixed = official.some((o, k) => digitsPutInFront(o, d, m[0], officialWritten[k]!));
      if (!prefixed && official.some((o) => sameNumber(o, d))) continue;
      // (round 31) …or a digit or two off the number the message names as the one we publish
      const imitates = prefixed || official.some((o) => looksLikeNumber(o, d)) || (published ??= publishedIn(th)).some((p) => p !== d && looksLikeNumber(p, d));
      // …or a stranger with that number asked for a code: "بعتلي واحد 0123… وقالي ابعت الـPIN"
      // …or a stranger with that number demands a fee first: "واحد عالواتساب +963… عم يقول لازم تدفع رسوم"
      const demandsFee = TOLD.test(around) && FEE.test(around) && OBLIGED.test(around);
      const before = sentence.slice(0, m.index);
      // (round 25) …or a bare "Call 01008 …" in a text speaking for the company, or "contact the same number"
      const callUs = has(CALL_US_ON, before) || ORDER_TO_CALL.test(before) || CALL_US_AFTER.test(sentence.slice(m.index + m[0].length)) || has(CONTACT_SAME_NUMBER, t) || (ORDER_TO_CALL_BARE.test(before) && (claimsOrNamesUs() || has(SMS_FROM, t)));
      // (round 31) a number the customer doubts as not the one we publish — not the published one itself ("the number on your
      // website 0800 … is not the same as the one on my bill": that one is ours)
      // (…said up to two sentences on: "They sent me 8002… . Is it official? It's not the same as the one on your site.")
      // (round 32) …or a number someone else ordered the customer to call or write to, which the customer asks is ours or real
      const askedIfOurs = () => CONTACT_ORDERED_BEFORE.test(before.slice(-48)) && ASKS_IF_OURS.test(around) && !ownNumber(before.slice(-SELF_REACH)) && (TOLD.test(around) || SOMEONE_ELSE.test(around) || has(SMS_FROM, t) || /["“«'‘]/.test(before) || COURIER.test(around));
      const doubted = () => DIFFERS_FROM_PUBLISHED.test(near ? around : sentences.slice(Math.max(0, i - 1), i + 3).join(' . ')) && !WHERE_WE_PUBLISH.test(sentence.slice(Math.max(0, m.index - 48), m.index));
      // (round 31) the number the customer reached our employee on, asked or charged nothing by a stranger there
      if (!imitates && !callUs && OUR_AGENT_ON.test(sentence.slice(Math.max(0, m.index - 48), m.index)) && !ASKED_FOR_A_SECRET.test(around) && !(WANTED.test(around) && SECRETS.some(([, re]) => re.test(around))) && !has(PAY_NOW, around) && !has(FROZEN, around) && !doubted()) continue;
      // (round 24) …or the caller asked for a secret: "المندوب اللي كلمني من رقم 0551… طلب رقمي السري"
      const callersNumber = has(CALLERS_NUMBER, before.slice(-60)) && (claimsOrNamesUs() || (WANTED.test(around) && SECRETS.some(([, re]) => re.test(around))));
      const theirWallet = has(WALLET_BEFORE, before.slice(-40)) && MONEY_MOVE.test(around);
      // (round 24) the number a payment's receipt is to be sent to, or a chat number beside a sum for a purpose ("رسید را به
      // واتساپ ۰۹۱۵… ارسال کنید"): the desk that takes the fee, flagged once the fee is (below)
      // (each asked of the text's keys first: a text without a receipt word or a chat app pays nothing here)
      const reportsPayment = () => has(REPORT_THE_PAYMENT, around) || (has(PERSONAL_CHANNEL, around) && has(AMOUNT, around) && (has(FEE_NOUN, around) || has(FEE_PURPOSE, around)));
      // (round 25) …or a stranger on a chat app, where the company is named: "one person message me on IMO … number +974 …"
      // (round 31) …or who says they write from its office ("from Barq Mobile's office", "از دفتر …")
      const chatStranger = () => has(PERSONAL_CHANNEL, around) && (has(REACHED_ME, around) || SOMEONE_ELSE.test(around)) && (claimsOrNamesUs() || has(OFFICE_CLAIM, around));
      const fromSocialPage = () => has(SOCIAL_PAGE_NUMBER, around) && SECRETS.some(([, re]) => re.test(around)) && (WANTED.test(around) || GIVEN_TO_THEM.test(around));
      // (round 30) …the number a call came from, in the sentence where its caller passed themself off as someone ("phoned my
      // aunt from +44 … saying he was me"; the customer's own number two sentences on is not the impersonator's)
      // (the short test first: most numbers follow no call word, and their sentence is then not read for a claim)
      const impersonatorsNumber = () => CALLED_FROM_IT.test(before.slice(-48)) && IMPERSONATES.test(sentence);
      // (round 31) …or a number the customer says differs from the one we publish
      const claimed = callUs || doubted() || askedIfOurs() || callersNumber || fromSocialPage() || theirWallet || chatStranger() || CLAIMS_TO_BE_FROM.test(around) || NUMBER_PASSED_AS_OURS.test(around) || impersonatorsNumber() || WEARS_OUR_FACE.test(around) || CALL_THIS_NUMBER.test(around) || (SOMEONE_ELSE.test(around) && (ASKED_FOR_A_SECRET.test(around) || demandsFee));
      if (!imitates && !claimed && reportsPayment()) {
        chatNumber ??= m[0].trim();
        continue;
      }
      // (round 26) …a chat app right before the number is a contact too: "[From: Acme Fraud Team] … message our security
      // officer on WhatsApp +1 …", "مسؤول الأمان على الواتساب ‎+44 …"
      if (!imitates && !claimed && !(SUPPORT_WORDS.test(aroundButGreetings) && (CONTACT.test(around) || has(CHAT_BEFORE, before.slice(-24))))) continue;
      // "رقم خدمة العملاء الرسمي 920000000 صح؟": the customer checking a number they believe is ours, nobody else in it
      if (!imitates && !claimed && has(OFFICIAL, sentence.slice(Math.max(0, m.index - SELF_REACH), m.index + m[0].length + SELF_REACH)) && !SOMEONE_ELSE.test(around)) continue;
      // "I called 800 124 5599, the number on your website": the customer found it where we publish ours; only a claim outweighs that
      // (round 31) …unless the customer says it differs from the one published there ("not the same as on the site")
      if (!imitates && !CLAIMS_TO_BE_FROM.test(around) && WHERE_WE_PUBLISH.test(around) && !fromSocialPage() && !doubted()) continue;
      if (IBAN_BEFORE.test(sentence.slice(Math.max(0, m.index - 6), m.index))) continue;
      // a toll-free line the policy does not list, which the customer called or was called from, is a business's: flagged
      // only beside a scam's own sign (below)
      // (…a call to unlock, unblock, verify or reactivate, about an account frozen, for a secret or a fee, or given by a
      // stranger who claims to be us, is the scam's)
      // (…and a number a message orders the customer to call is a business's only when the customer says what it is
      // about is their own doing: "about the SIM swap I asked for at the branch")
      // (round 24) …read without a "never share your code, even if they claim to be us" warning's sentences: a notice
      // warning of the scam asks for nothing and claims nothing
      const tollFreeTaken = () => {
        const a = has(NEVER_SHARE, around) ? blankSentences(around, NEVER_SHARE) : around;
        return ASKED_FOR_A_SECRET.test(a) || doubted() || (a === around ? demandsFee : TOLD.test(a) && FEE.test(a) && OBLIGED.test(a)) || (WANTED.test(a) && SECRETS.some(([, re]) => re.test(a))) || ACCOUNT_CHANGE.test(a) || FROZEN.test(a) || CLAIMS_TO_BE_FROM.test(a) || WEARS_OUR_FACE.test(a);
      };
      // (called from it by the company's employee, not by "a guy", "someone", "he" who says he is: a stranger's call stays judged)
      const calledFrom = () => (has(CALLERS_NUMBER, before.slice(-60)) || (CALLED_FROM_BEFORE.test(before) && CALLED_ME_AFTER.test(sentence.slice(m.index + m[0].length)))) && !SOMEONE_ELSE.test(around);
      // (round 24) …or that a notice gives as its support line or orders them to call ("للاستفسار 800 …", "Questions? Call
      // 1800 …", "للدعم اتصل ٨٠٠ …"): round 20's reading of a toll-free line — a business's unless other signs say
      // otherwise — for a notice's own line too; not in a message naming the policy's own company, whose lines the
      // policy lists (another toll-free "support" line of ours is not ours)
      const notOurs = () => (ourName ??= namesBrand(t, policy)) && official.length > 0;
      const theirContact = () => I_CALLED.test(around) || calledFrom() || ((callUs || CALL_THIS_NUMBER.test(around)) && has(MY_OWN_REQUEST, t)) || ((callUs || CALL_THIS_NUMBER.test(around) || (SUPPORT_WORDS.test(aroundButGreetings) && CONTACT.test(around))) && !notOurs());
      if (!imitates && isTollFree(m[0]) && theirContact() && !tollFreeTaken()) {
        tollFree ??= m[0].trim();
        continue;
      }
      if (!flags.some((f) => f.code === 'fake_number')) flags.push({ code: 'fake_number', value: m[0].trim() });
      break;
    }
    // (a handle starts with '@': a sentence without one has none to judge)
    // (round 25) …or one the message gives as a stranger's contact: someone claiming to be us ("گفته از واحات موبایلم …
    // بفرست به آیدی @…"), or a handle dressed as a desk that reached the customer ("man from Telegram @WahatSupportDXB")
    if (!whole.includes('@') || !(has(SUPPORT_WORDS, whole) || handleClaimed())) continue;
    const handles = policy.officialSupportHandles.map((h) => h.toLowerCase().replace(/^@/, ''));
    for (const m of whole.matchAll(HANDLE)) {
      if (handles.includes(m[0].slice(1).toLowerCase()) || flags.some((f) => f.code === 'fake_handle')) continue;
      if (MY_HANDLE_BEFORE.test(whole.slice(Math.max(0, m.index - 30), m.index))) continue;
      if (!has(SUPPORT_WORDS, whole) && !has(CLAIMS_TO_BE_FROM, t) && !has(WEARS_OUR_FACE, t) && !(dressed(m[0]) && (strangerReached() || has(OFFICIAL, whole)))) continue;
      flags.push({ code: 'fake_handle', value: m[0] });
      break;
    }
  }
  // a sum demanded so that a parcel is released or a block or limit lifted: "pay 19 dh bach ytlaq lcolis", "transfer $300
  // as insurance to lift the block" — asked of the reader, not a question about what a plan costs
  // — demanded by the words anywhere in the message (which also covers a demand with no verb of paying: "they want a
  // $45 fee for the limit increase"), or else read from the clause facts; the purpose is looked for in the whole text
  // first, so the clause reading runs only where there is one
  // (read with the company's "… Pay" name blanked: "Nakhla Pay" names the company, it asks nobody to pay)
  const ft = fee();
  const oddPay = () => has(ODD_PAYMENT, ft) || (has(WALLET, ft) && has(TOLD, ft));
  // (round 32) …not the price of the customer's own order, paid or taken (`PAID_FOR_AN_ORDER`)
  const forAnOrder = () => has(PAID_FOR_AN_ORDER, ft) && (has(PAID_MYSELF, ft) || has(TAKEN_FROM_ME, ft)) && !has(TOLD, ft) && !has(CLAIMS_TO_BE_FROM, ft) && !has(PAY_NOW, ft) && !has(ODD_PAYMENT, ft);
  const paidToRelease = (has(AMOUNT, ft) || has(FEE_NOUN, ft)) && has(PAID_TO_RELEASE, ft) && (has(PAY_NOW, ft) || has(TOLD, ft) || has(OBLIGED, ft) || has(MESSAGE_NAMED, ft) || has(MESSAGE_VOICE, ft) || feeForRelease(ft, has));
  const paysToGain = (has(FEE, ft) || oddPay()) && (has(ACCOUNT_CHANGE, ft) || has(GAIN, ft));
  // (round 23) the company's own charge — quoted where it publishes its prices, or reported as already taken — is no
  // stranger's fee, unless a stranger claims to be us, reached the customer, or wants an odd payment or a payment now
  // (asked only of a message the rules below would flag)
  const ourCharge = () => (has(WHERE_WE_QUOTE, ft) || (has(TAKEN_FROM_ME, ft) && !has(PAY_NOW, ft))) && !has(CLAIMS_TO_BE_FROM, ft) && !has(REACHED_ME, ft) && !has(ODD_PAYMENT, ft);
  // a fee to change an account; or, to gain anything, a fee someone else makes a precondition or wants in gift cards
  // (…the first, loosest, reading not for a fee the customer only asks about)
  const feeForChange = has(FEE, ft) && has(ACCOUNT_CHANGE, ft) && (has(ACCOUNT, ft) || has(TOLD, ft)) && !askedNotDemanded(ft, has);
  const feeForGain = () => paysToGain && ((has(TOLD, ft) && has(OBLIGED, ft)) || oddPay() || has(PAY_NOW, ft) || has(FEE_DUE, ft) || (has(TO_A_NUMBER, ft) && has(FEE_NOUN, ft) && demandedOfMe(ft, has)));
  // (round 24) a sum for a purpose (a fee's name or what it is for) to be reported to a chat or a number — a receipt sent
  // to a WhatsApp number, or the sum beside a chat app and a number to write to: "هزینه انتقال ۲۰۰ هزار تومان را واریز و
  // رسید را به واتساپ … ارسال کنید", "₦5,000 kudin activation … WhatsApp zuwa 0803 …" (in any currency `AMOUNT` reads)
  // (…or a sum sent "to" a number: "nitume 500 ya activation kwa 0733 …", Swahili and Sheng naming the sum by its purpose)
  const feeToAChat = () => (has(AMOUNT, ft) || has(SUM_FOR_A_PURPOSE, ft)) && (has(FEE_NOUN, ft) || has(FEE_PURPOSE, ft)) && (has(REPORT_THE_PAYMENT, ft) || (has(PERSONAL_CHANNEL, ft) && sevenDigits(ft)) || has(CALL_US_ON, ft) || has(SENT_TO_A_NUMBER, ft));
  // (round 29) a sum someone demands for what a stranger's fee buys: "must send $2000 for 'delivery clearance' first",
  // "khass nkhelles 10 dh frais dyal verification", "باید ۵۰ تومن بیمه پرداخت کنم"
  const demandedFee = () => has(AMOUNT, ft) && has(MUST_PAY, ft) && has(FEE_TO_GET, ft) && demandedOfMe(ft, has);
  // (round 31) …or a fee, named as one and with its sum, paid or asked so that a refund is released ("رسوم معالجة 15 شيكل
  // لتحرير مبلغ الاسترداد", "dafa3t 50 dirham 'verification fee' 3shan yerja3ou el refund"): nobody charges to pay out a
  // refund, so the customer's own report of paying it is the sign too
  // (round 34) …or for the refund itself, demanded: "payer des frais de dossier de 25 dinars pour le remboursement", "خاصك تخلص
  // فراي دوسي باش يرجعو ليك الفلوس" — a refund is paid out, never bought
  const feeForARefund = () => has(FEE_NOUN, ft) && has(AMOUNT, ft) && has(REFUND_HELD, ft) && (has(PAID_TO_RELEASE, ft) || (has(FOR_THE_REFUND, ft) && (has(TOLD, ft) || has(MUST_PAY, ft) || has(OBLIGED, ft)))) && !ourCharge();
  // (round 33) a reconnection, a meter fitted or a deposit given back, bought in a way no company takes: "50 toman kart be
  // kart konid ta vasl beshe", "une caution sur son compte CCP pour poser le compteur", "gift cards to get my deposit back"
  const feeForAService = () => has(TOLD, ft) && oddPay() && has(SERVICE_BOUGHT, ft) && (has(AMOUNT, ft) || has(FEE, ft));
  // (round 34) …or a sum someone wants paid first into a card or wallet no company takes: "guftand avval 150 somoni ba korti Alif
  // guzaron" — whatever it is said to buy
  // (round 35) …none of which is the customer's own payment of their own bill or premium, told in the past, with no one
  // else's word, claim, fee or "first" in the message: "I paid my bill with Vodafone Cash … when is it credited?", "دفعت
  // القسط بالفيزا … القسط مستحق يوم ١٥" (a wallet a stranger named — "he told me to pay with Vodafone Cash" — keeps its reading)
  const ownBillPaid = () => (has(PAID_IT_MYSELF, ft) || has(PAYING_IT_MYSELF, ft)) && has(OWN_DUE_PAID, ft) && !has(TOLD, has(SENT_HERE, ft) ? blank(ft, SENT_HERE) : ft) && !has(CLAIMS_TO_BE_FROM, ft) && !has(REACHED_ME, ft) && !has(FEE_NOUN, ft) && !has(FIRST, ft) && !has(REFUND_HELD, ft);
  const paidFirstOddly = () => has(TOLD, ft) && oddPay() && has(AMOUNT, ft) && has(FIRST, ft);
  // (round 34) …or a payment now, or else what the customer came for goes to someone else ("deposit today or the car goes to
  // someone else"): a stranger's pressure to pay
  const payOrLoseIt = () => has(TOLD, ft) && has(FEE, ft) && has(LOST_TO_ANOTHER, ft) && has(NOW, ft);
  if ((((feeForChange || feeForGain() || demandedFee() || feeForAService()) && !ourCharge()) || (paidToRelease && demandedOfMe(ft, has))) && !forAnOrder() && !ownBillPaid()) flags.push({ code: 'upgrade_fee' });
  else if ((feeToAChat() || feeForARefund() || paidFirstOddly()) && !ownBillPaid()) flags.push({ code: 'upgrade_fee' });
  // (round 36) …or a sum paid into a person's own account, or handed to the one who called, as a deposit or a fee named for
  // the release it buys, before a payout ("my refund comes only after I send 300 as a deposit to his account", "دفعت رسوم
  // التحرير ٢٠٠ دينار … للموظف اللي اتصل بيا", "خسارتت فقط بعد از واریز … ودیعه به حسابش"): no insurer or company is paid
  // into its employee's account, and nobody buys their own payout
  if (!flags.some((f) => f.code === 'upgrade_fee') && (has(AMOUNT, ft) || BARE_SUM.test(ft)) && has(DEPOSIT_OR_RELEASE_FEE, ft) && has(TO_A_PERSON, ft) && (has(REFUND_HELD, ft) || has(PAYOUT_AWAITED, ft) || has(RELEASE_FEE_NAMED, ft)) && !has(FOR_AN_ORDER_OF_MINE, ft)) flags.push({ code: 'upgrade_fee' });
  const lostToAnother = payOrLoseIt();
  if (lostToAnother && !flags.some((f) => f.code === 'upgrade_fee')) flags.push({ code: 'upgrade_fee' });
  // (round 38) a fee or deposit with its sum, which someone else requires first, before what the customer waits for — a
  // refund, a prize, a release, a booking or a fitting ("the technician wants 15 OMR 'activation charge' before he connects
  // it", "عايزين عربون ٢٠٠ جنيه عشان يحجزوا", "барои гирифтани бозгашти пул 300 рубл комиссия пардохт кунед, гуфтанд",
  // "گفتند برای گرفتن پول پس اول ۵۰۰ افغانی فیس بپردازید"): nobody sells a customer what they are owed or booked — not the
  // customer's own bill or order, nor the company's price quoted where it publishes it
  if (!flags.some((f) => f.code === 'upgrade_fee') && feeBeforeItsGain(ft, has, hasLink && ownLinksOnly) && !ourCharge() && !forAnOrder() && !ownBillPaid()) flags.push({ code: 'upgrade_fee' });
  if (chatNumber && !flags.some((f) => f.code === 'fake_number') && flags.some((f) => f.code === 'upgrade_fee')) flags.push({ code: 'fake_number', value: chatNumber });
  if (claimantsNumber && !flags.some((f) => f.code === 'fake_number')) flags.push({ code: 'fake_number', value: claimantsNumber });
  // a threat with a deadline and a demand (or a link to act on): "suspended … verify within 24 hrs", "هيتفصل خلال ٢٤ ساعة لو مدفعتش"
  // …or a threat of what will happen by a deadline, which pressures by itself ("حسابك رح يتسكر خلال ساعة", "ta 2 saat masdood mishavad")
  // …or the threat is the price of refusing a demand for a secret ("لازم تعطيني الكود ولا الكونت يتسكر اليوم")
  // "claim your reward before 6pm TODAY": a prize with a deadline pressures as a threat does
  // a fee named for what it unlocks, paid or asked: "frais de déblocage", "فريي دو ديبلوكاج", "unlock fee", "رسوم فك الحظر"
  if (!flags.some((f) => f.code === 'upgrade_fee') && has(UNLOCK_FEE, t)) flags.push({ code: 'upgrade_fee' });
  // (round 22) "…والا غدوة يتسكّر": the loss on a named day after "or else", its verb in the same clause ("بكرة ولا اليوم؟"
  // asks when, and a lock named in the next sentence is not its loss)
  const orElse = find(OR_ELSE_BY_DAY, t);
  const lossClause = orElse ? t.slice(orElse.index, orElse.index + orElse[0].length + 40).split(/[.?!؟\n]/u)[0]! : undefined;
  const lossByDay = lossClause !== undefined && (has(FROZEN, lossClause) || has(FUTURE_THREAT, lossClause));
  // (round 22) a sum demanded "or else" the account is blocked ("قالي لازم تخلّص 500 دج ولا غدوة نبلوكيو الكونت") — not a bill
  // (a real company warns of a cut line over one)
  if (!flags.some((f) => f.code === 'upgrade_fee') && has(AMOUNT, ft) && ((has(TOLD, ft) && has(OBLIGED, ft)) || has(PAY_NOW, ft)) && ((has(CONSEQUENCE, ft) && (has(FROZEN, ft) || has(TRANSFER_RETURNS, ft))) || lossByDay) && !has(BILL, ft)) flags.push({ code: 'upgrade_fee' });
  // a social account that claims to be the company ("an Instagram account claiming to be your official support"): the
  // account is the stranger's contact, as a number would be
  if (!flags.some((f) => f.code === 'fake_number') && find(SOCIAL_ACCOUNT, t) && (has(CLAIMS_TO_BE_FROM, t) || has(CLAIMS_TO_BE_US, t))) flags.push({ code: 'fake_number', value: find(SOCIAL_ACCOUNT, t)![0], described: true });
  // …as is a page named like one of our desks that reached the customer ("a page called Zaytun Refunds Center contacted me")
  const desk = find(PAGE_NAMED_AS_A_DESK, t);
  if (!flags.some((f) => f.code === 'fake_number') && desk && has(REACHED_ME, t)) flags.push({ code: 'fake_number', value: desk[0], described: true });
  if (has(CLAIM_BY_A_DEADLINE, t) || lostToAnother) flags.push({ code: 'urgency' });
  else if (lossByDay) flags.push({ code: 'urgency' });
  // ("alan kardam", "now I did": a "now" the customer's own deed follows is no deadline)
  // (round 26) …nor is the customer's own payment due an order to act: "لازم ادفع ايجار البيت اليوم", "I have to pay my
  // landlord by 5pm", "باید کرایه رو امروز بدم" (first-person "ادفع" is spelt as the imperative)
  else if (has(FROZEN, t) && NOW.test(t.replace(NOW_DONE_BY_ME, ' ')) && (has(ACTION, has(MY_OWN_DUE) ? blank(t, MY_OWN_DUE) : t) || hasLink || has(FUTURE_THREAT, t) || has(ASKED_FOR_A_SECRET, t))) flags.push({ code: 'urgency' });
  // a stranger's deadline on the money: "30 minutes to transfer the money or they'd arrest me", "move the whole balance to
  // a new account before 3 pm today", "ظرف یک ساعت پول به حسابی که معرفی کردیم منتقل نشود" — a deadline span with money
  // moved to an account someone else names, or with coercion (police, arrest, a complaint, legal action) in a story told
  else if (has(DEADLINE_SPAN, t) && (has(MOVE_TO_THEIR_ACCOUNT, t) || (has(THIRD_PARTY, t) && has(COERCION, t) && has(MONEY_MOVE, t)))) flags.push({ code: 'urgency' });
  // a deadline and what is lost after it, in any language: "within 2 hours, otherwise the prize goes to the next winner",
  // "قبل نص الليل وإلا هيتقفل", "ظرف ۲ ساعت … وگرنه", "within 48h to keep your account active" — the loss falls on the
  // reader's account or prize ("…or I'll cancel my order" is the customer's own deadline)
  // (round 30) …or on their booking, seat or ticket: "last chance pay by 5pm or ur booking is gone"
  else if (has(DEADLINE_SPAN, t) && has(CONSEQUENCE, t) && (has(ACCOUNT, t) || has(GAIN, t) || has(FROZEN, t) || hasLink || has(BOOKING, t))) flags.push({ code: 'urgency' });
  // "LAST WARNING: verify your wallet", "FINAL NOTICE: your account will be closed today"; "the link expires in 1 hour"
  else if (has(LAST_WARNING, t) && (has(ACCOUNT, t) || hasLink)) flags.push({ code: 'urgency' });
  else if (has(EXPIRES_SOON, t) && (hasLink || has(LINK_WORD, t) || has(GAIN, t) || has(ACCOUNT, t))) flags.push({ code: 'urgency' });
  // a deadline by the day in a third party's voice, with what is lost after it: "they said tonight or the account is
  // gone", "رسالة: … غداً كحد أقصى وإلا سيتم إيقاف الحساب", "سدد اليوم لتفادي قطع الخدمة"
  else if (has(DAY_DEADLINE, t) && (has(MESSAGE_NAMED, t) || has(MESSAGE_VOICE, t) || has(TOLD, t)) && (has(AVOID_LOSS, t) || ((has(CONSEQUENCE, t) || has(FUTURE_THREAT, t)) && (has(ACCOUNT, t) || has(GAIN, t) || has(FROZEN, t) || hasLink)))) flags.push({ code: 'urgency' });
  // an order to act "to avoid" a loss: "اضغط على الرابط … لتجنب إلغاء الطلب", "click to avoid suspension"
  // a court case promised by a notice or a stranger, on a condition: "بلاغ قضائي: سيتم رفع دعوى عليك إذا لم تسدد"
  else if (has(LEGAL_THREAT, t) && (has(ACTION, t) || has(MESSAGE_NAMED, t) || has(MESSAGE_VOICE, t) || has(TOLD, t))) flags.push({ code: 'urgency' });
  // (round 24) the customer's file sent to a court by a deadline ("در صورت عدم پرداخت تا ساعت ۱۸ امروز، پرونده شما به مراجع قضایی
  // ارسال می‌شود"): a debt collector's threat, whoever is said to send it
  else if (has(LEGAL_REFERRAL, t) && (has(DEADLINE_SPAN, t) || has(DAY_DEADLINE, t))) flags.push({ code: 'urgency' });
  // (round 26) …or by a span of time: "[رسالة من: فريق أمان …] يرجى التواصل … خلال 30 دقيقة لتجنب تجميد الرصيد"
  else if (has(AVOID_LOSS, t) && (has(MESSAGE_NAMED, t) || has(MESSAGE_VOICE, t)) && (hasLink || has(LINK_WORD, t) || has(ACTION, t) || has(DEADLINE_SPAN, t))) flags.push({ code: 'urgency' });
  // (round 27) the reader given until a time to act, in a stranger's or a message's voice: "گفت از … است و تا ساعت ۴ فرصت
  // دارید کارت را تایید کنید", "Паём: … то соати 18:00 вақт доред"
  // …or a caller who claims to be us orders it done by an hour: "Гуфтанд аз … ҳастанд, то соати 18:00 … тасдиқ кунед"
  else if (((has(YOU_HAVE_UNTIL, t) && (has(CLAIMS_TO_BE_FROM, t) || has(TOLD, t) || has(MESSAGE_NAMED, t) || has(MESSAGE_VOICE, t))) || (has(DEADLINE_SPAN, t) && has(CLAIMS_TO_BE_FROM, t))) && (has(ACTION, t) || has(ACCOUNT, t) || has(FROZEN, t) || hasLink)) flags.push({ code: 'urgency' });
  // (round 28) …or by a day, with the loss on a condition: "keh raha tha main Acme ke … head office se hoon, aap ka account aaj
  // raat 12 baje block ho jayega agar … verification nahi karwai"
  else if (has(DAY_DEADLINE, t) && has(CLAIMS_TO_BE_FROM, t) && (has(FROZEN, t) || has(FUTURE_THREAT, t)) && (has(IF_NOT, t) || has(CONSEQUENCE, t))) flags.push({ code: 'urgency' });
  // (round 26) a claimed caller's "quickly … or else": "kehnda Sanabel toh aa … jaldi … call karo … nahi taan sab paise chale
  // jaange", "yace daga Acme … da sauri … idan ba haka ba" — the customer's own "please quickly" has no claim beside it
  else if (has(RIGHT_AWAY, t) && has(CONSEQUENCE, t) && (has(CLAIMS_TO_BE_FROM, t) || has(TOLD, t))) flags.push({ code: 'urgency' });
  // (round 25) a loss by a deadline, in a message's or a stranger's voice, with something to do: "حسابك يتوقف باجر الصبح اذا
  // ما تحدث بياناتك عالرابط …", "akaun … akan disekat dalam masa 24 jam, kena klik pautan …"
  // (the loss falls on the reader's account — a service paused for maintenance on Friday threatens nobody — and on a
  // condition or by a span of time that runs out: an account "blocked today" is the customer's news, not a threat)
  if (!flags.some((f) => f.code === 'urgency') && has(FROZEN, t) && has(ACCOUNT, t) && (has(DAY_DEADLINE, t) || has(DEADLINE_SPAN, t)) && (hasLink || has(ACTION, t)) && (has(MESSAGE_NAMED, t) || has(MESSAGE_VOICE, t) || has(TOLD, t)) && (has(IF_NOT, t) || has(CONSEQUENCE, t) || has(DEADLINE_SPAN, t))) flags.push({ code: 'urgency' });
  // (round 26) …or with no deadline at all, when the reader's money is to be seized too: "حسابك … بيتسكر نهائي وفلوسك بتتصادر
  // لو ما أكدتش بياناتك", "account will be closed and funds seized unless I verify"
  if (!flags.some((f) => f.code === 'urgency') && has(FUNDS_SEIZED, t) && has(FROZEN, t) && has(ACCOUNT, t) && (has(IF_NOT, t) || has(CONSEQUENCE, t)) && (has(MESSAGE_NAMED, t) || has(MESSAGE_VOICE, t) || has(TOLD, t))) flags.push({ code: 'urgency' });
  // (round 36) "final warning: pay today or your claim is cancelled forever": a last warning with its loss and its day needs no
  // account word or link to pressure (the claim, the policy or the file is what it threatens)
  if (!flags.some((f) => f.code === 'urgency') && has(LAST_WARNING, t) && (has(CONSEQUENCE, t) || has(FUTURE_THREAT, t) || has(FROZEN, t)) && (has(DAY_DEADLINE, t) || has(DEADLINE_SPAN, t) || NOW.test(t))) flags.push({ code: 'urgency' });
  // (round 36) the customer restating their own due date and asking about it, meaning to pay it themselves through the
  // company's own site or line ("the instalment is due by the 15th and cover stops after, right? I want to pay today on
  // acme.com", "مهلت پرداخت قسط تا پانزدهم است … درست است؟ می‌خواهم امروز … پرداخت کنم"): a question, not a threat — unless
  // someone else's word, a claim to be us, a fee, a last warning or a link elsewhere is in it
  // (round 37) a place, a booking or a room to be lost today in broken English with the payment's absence as its
  // condition: "my room will cancell today if no pay", "booking go cancel tonight if money not come"
  if (!flags.some((f) => f.code === 'urgency') && has(LOST_TODAY, t) && has(IF_NO_PAYMENT, t)) flags.push({ code: 'urgency' });
  // (round 38) a loss to come by a deadline, in someone else's voice or on a condition: "sera résilié sous 48h", "будет
  // заблокирован в течение 24 часов", "ta 6 saat dige masdud mishe", "агар то соати 5 пул насупорам, … қатъ мекунанд", "eza ma
  // dafa3et abel bukra … bi2osso", "IF I DONT CONFIRM IN 2 HOURS THE ORDER IS CANCELLED" — not the customer's own request
  if (!flags.some((f) => f.code === 'urgency') && lossByADeadline(t, has)) flags.push({ code: 'urgency' });
  const urgent = flags.findIndex((f) => f.code === 'urgency');
  if (urgent >= 0 && ownLinksOnly && ownDueAsked(t, has)) flags.splice(urgent, 1);
  // (round 25) a fee demanded by a deadline: "… ۱۵۰ درهم فیس آزادسازی بدهم تا امروز شام", "رسوم … قبل منتصف الليل",
  // "bayar AED 12 sebelum jam 18:00" — the fee already flagged, the deadline is its pressure (a day said as a limit, not
  // the day of the customer's story: "today one man came in my shop")
  if (!flags.some((f) => f.code === 'urgency') && flags.some((f) => f.code === 'upgrade_fee') && (has(FEE_DEADLINE, t) || has(DEADLINE_SPAN, t))) flags.push({ code: 'urgency' });
  // a toll-free number presented as ours, in a message that also demands a fee or threatens: the scam's number after all
  if (tollFree && !flags.some((f) => f.code === 'fake_number') && flags.some((f) => f.code === 'upgrade_fee' || f.code === 'urgency')) flags.push({ code: 'fake_number', value: tollFree });
  // (round 37) a sum someone requires before the customer may see a place, to hold it or to hand over its keys, paid
  // card to card, by transfer or to a person ("they said I must pay a deposit of 20 thousand so they reserve the room
  // before I see it", "барои калид бояд 500 сомонӣ перевод кунам", "برای دیدن خونه باید ۳۰۰ تومن بزنم به کارت"): a
  // letting agent takes a deposit on its own site or desk, not from a stranger's account before the viewing
  if (!flags.some((f) => f.code === 'upgrade_fee') && /\d/.test(ft) && has(OBLIGED_TO_PAY, ft) && (has(TO_A_PERSON, ft) || has(PERSON_TO_PERSON, ft) ? has(SEE_OR_HOLD, ft) || has(KEYS, ft) : has(TOLD, ft) && has(SEE_OR_HOLD, ft)) && !(hasLink && ownLinksOnly)) flags.push({ code: 'upgrade_fee' });
  // (round 37) a prize activated by buying a phone card and sending its number ("buy an Asiacell card of 25 thousand and send
  // him the number to activate the prize", "اشتري كارت زين … ودزله الرقم حتى يفعل الجايزة")
  else if (!flags.some((f) => f.code === 'upgrade_fee') && has(PHONE_CARD_BOUGHT, ft) && has(GAIN, ft) && has(CARD_SENT, ft)) flags.push({ code: 'upgrade_fee' });
  return flags;
}

/** (round 38) What a fee is charged before, besides a refund or a prize: a fitting, an installation, an appointment, a parcel, the transfer. */
const FITTING = rx(['parcel', 'package', 'shipment', 'colis', 'طرد', 'شحنه', 'posylk\\S*', '(?:ال)?تحويل(?![\\p{L}])', 'virement', 'fit(?:ting)?(?![a-z])', 'install\\S*', 'technician', 'appointment', 'connects? (?:it|the|my)', 'تركيب\\S*', '(?:ال)?فني(?![\\p{L}])', 'ميعاد\\S*', 'موعد\\S*', 'نصب', 'نوبت', 'montage', 'rendez-vous', 'rdv', 'installat\\S*', 'tarkib\\S*', 'nasb\\S*', 'vasl (?:shodan|beshe|mishe)', 'vasl\\S*']);
/** (round 38) A fee by its name beyond `FEE_NOUN`: "installation charge", "комиссия", "пардохти фаъолсозӣ", Dari "فیس". */
const NAMED_FEE = rx(['(?:installation|activation|processing|handling|registration|booking|reservation|release|clearance|customs|security|service|fitting|verification|guarantee|unlocking) (?:charges?|fees?|deposits?)', 'komissi\\S*', 'pardokhti (?:faol|faoll|sabt|tasdiq|khizmat)\\S*', 'haqqi (?:khizmat|sabt|faol)\\S*', 'فيس', 'عربون']);
/** (round 38) Someone else wanting the sum: "they want", "the installer is asking 25 OMR", "بدهم مني", "عايزين". */
const THEY_WANT = rx([
  '(?:he|she|they|the \\S+|installer|technician|courier|agent|guy|man|seller) (?:is |are )?(?:wants?|wanted|asking|asks|asked|demanding|demands|charging)(?: me| us)?(?: for)? (?:a |an |another )?(?:[$£€₦₹]|\\d|[a-z]{2,4} ?\\d|\\S+ (?:fee|charge|deposit))',
  '(?:he|she|they) (?:needs?|requires?)(?: me to pay)? (?:[$£€₦₹]|\\d|[a-z]{2,4} ?\\d)', '(?:ils|il|elle|on) (?:me |m.)?(?:demande\\S*|veu\\S*|exige\\S*|r[eé]clame\\S*)',
  '(?:عايزين|عاوزين|بدهم|بدهن|يبون|يبغون|طالبين|يطلبون|طلبوا|يبي|يبغى|يبغي|يبا|يريد|عايز|عاوز|بدو|بده)(?: مني| منا| منك)?', 'mekhohand', 'khostand', 'mikhan', 'mikhastan',
]);
/** (round 38) …first, or so that the thing is done: "before", "first", "قبل", "avval", "to lock in", "عشان", "bech", "barāye", "to" (Tajik). */
const BEFORE_IT = pieces(FIRST, rx([
  'before', 'قبل', 'pehle', 'avant', 'to (?:get|release|receive|lock|hold|reserve|book|activate|unlock|fix|connect)', 'so (?:that )?(?:they|he|she|i|we|it) (?:can |could |will |would |\\S+ll )?', 'then (?:they|he|she)(?:.ll| will)',
  'عشان', 'علشان', 'حتى', 'لحتى', 'لكي', 'باش', 'بش', 'bach', 'bech', 'bash', 'براي', 'baraye', 'baroi', 'تا(?![\\p{L}])', 'to (?:joiza|mukofot|pul|\\S+ (?:faol|dastras))\\S*', 'pour (?:recevoir|r[eé]cup[eé]rer|avoir|d[eé]bloquer|activer)',
]));
function feeBeforeItsGain(ft: string, has: Has, ownLinksOnly: boolean): boolean {
  if (ownLinksOnly || !has(AMOUNT, ft) || !(has(FEE_NOUN, ft) || has(DEPOSIT_OR_RELEASE_FEE, ft) || has(NAMED_FEE, ft))) return false;
  const someoneElse = has(TOLD, ft) || has(THEY_WANT, ft) || has(MESSAGE_NAMED, ft) || has(ODD_PAYMENT, ft) || has(FEE_DUE, ft) || (WANTED.test(ft) && (has(THIRD_PARTY, ft) || COURIER.test(ft)));
  const required = has(MUST_PAY, ft) || has(OBLIGED_TO_PAY, ft) || has(OBLIGED, ft) || has(PAY_NOW, ft) || has(FEE_DUE, ft) || has(THEY_WANT, ft) || has(ODD_PAYMENT, ft);
  const forWhat = has(GAIN, ft) || has(REFUND_HELD, ft) || has(PAYOUT_AWAITED, ft) || has(BOOKING, ft) || has(SEE_OR_HOLD, ft) || has(FITTING, ft) || has(RELEASE_FEE_NAMED, ft);
  // (…paid in the company's own app, site or branch, and to no person's card or wallet, it is the company's price)
  const inOurPlace = has(PAID_IN_OUR_PLACE, ft) && !has(ODD_PAYMENT, ft) && !has(TO_A_PERSON, ft) && !has(PERSON_TO_PERSON, ft);
  return someoneElse && required && forWhat && has(BEFORE_IT, ft) && !has(FOR_AN_ORDER_OF_MINE, ft) && !inOurPlace;
}
/** (round 38) "paid on the Acme app", "at your branch", "في الفرع", "توی اپ": where the company takes its own charges. */
const PAID_IN_OUR_PLACE = rx(['(?:on|in|through|via|at|from) (?:the |your |ur |my )?(?:\\S+ )?(?:app|application|website|branch|office|counter|shop|store)(?![a-z])', '(?:في|ب|من|عبر|على) ?(?:ال)?(?:فرع|تطبيق|موقع|مكتب)\\S*', '(?:تو|توي|در|از|روي) (?:اپ|اپليكيشن|سايت|شعبه|دفتر)\\S*', '(?:dans|sur|via|en) (?:l.|votre |la )?(?:app|application|agence|site)']);

/** (round 38) A loss to come, in a notice's or a dialect's future or passive: "will be removed", "sera résilié", "سيتم إلغاؤها", "هيتشال", "bi2ta3o", "laghv mishe", "бекор мешавад", "будет заблокирован". */
const LOSS_TO_COME = rx([
  '(?:will|gonna|going to|would) (?:be |get )?(?:removed|given to|cancel\\S*|suspended|blocked|closed|cut|disconnected|deleted|terminated|deactivated|lost|taken|switched off)', '(?:is|are|gets?|be) (?:cancel+ed|removed|given to|cut off|disconnected)',
  '(?:line|account|number|service|internet|sim|power|electricity|order|booking|bed|room|place|seat) (?:\\S+ )?(?:stops|will stop|goes off|goes to (?:someone|another|somebody))',
  '(?:sera|seront|va [eê]tre) (?:suspendu|r[eé]sili[eé]|bloqu[eé]|annul[eé]|supprim[eé]|coup[eé]|d[eé]sactiv[eé]|ferm[eé]|cl[oô]tur[eé])\\S*', 'expire\\S* (?:ce soir|aujourd\\S*|demain|[àa] minuit|dans)',
  'سيتم (?:ال)?(?:الغا|ايقاف|حظر|قطع|تعليق|حذف|اغلاق|تجميد|سحب|فصل)\\S*', '(?:ه|ح)(?:ي|ت)(?:ت|ن)(?:شال|لغي|قفل|قطع|سحب|وقف|فصل)\\S*', '(?:ه|ح|ب)(?:ي|ي)?(?:قطعو|قطعوا|فصلو|فصلوا|سحبو|سحبوا|لغو|لغوا)\\S*',
  '(?:bi|bey|bt|hay|7ay|ha|ra7 y)[0-9a-z]{0,2}(?:2ta3|2t3|2oss|2os|sakr|sakkr|fsel|f9el|shil|lghi|2fel|2fol)\\S*',
  '(?:laghv|masdud|ghat|ghat3|band|baste|mosadere|ghat\\S*) (?:mishe|mishavad|mishan|mishavand|mikonan|mikonand)', '(?:لغو|مسدود|قطع|باطل) (?:مي ?شه|ميشه|مي ?شود|ميشود|مي ?كنن)',
  '(?:bekor|basta|qat|masdud|khomush|band) (?:karda )?(?:meshavad|meshavand|mekunand)', '(?:megirand|meburand|qat mekunand)(?![a-z])',
  'budet (?:zablokirovan|otkl[yi]uchen|annulirovan|otmenen|udal[eë]n|priostanovlen|zakryt)\\S*', '(?:zablokiruyut|otkl[yi]uchat|annuliruyut|udalyat)(?![a-z])',
]);
/** (round 38) …by a deadline (`DEADLINE_SPAN`, `DAY_DEADLINE` or these): a span or a day, also in Russian, Finglish, French and Levantine Latin. */
const BY_A_DEADLINE_MORE = rx([
  'v techenie \\d+', 'v techenie (?:sutok|chasa|dnya)', 'ta \\d+ (?:saat|daghighe|rooz|ruz)', 'sous \\d+ ?(?:h|heures?|jours?)(?![a-z])', 'in (?:one|an|1|\\d+|two|three) (?:hours?|hrs?|minutes?|mins?)',
  'to (?:begoh|pagoh|shom|shab)', 'imruz', 'emruz', 'emrooz', 'today', 'tonight', 'tomorrow', 'lyom', 'el ?yom', 'bukra', 'bokra', 'abel (?:el |l )?(?:sa3a|se3a|seea|bukra|bokra)',
]);
/** (round 38) …told as someone else's threat or on a condition: "eza ma dafa3et", "vagarna", "агар … на-". */
const ON_A_CONDITION = rx(['(?:eza|iza|law|lw|ida|ila) (?:ma|mat|la)(?![a-z])', 'vagarna', 'agar (?:\\S+ ){0,6}?na[a-z]{2,}', 'otherwise', 'or else', 'sinon', 'sans paiement', 'bez oplaty', 'esli ne']);
/** (round 38) A message that came: "пришло SMS от …", "payamak dadan ke …", "паём омад", "I got a text". */
const A_MESSAGE_CAME = rx(['prishl\\S* (?:sms|soobshch\\S*)', 'sms ot', '(?:payamak|payam|payom|паём) (?:dadan|dad|umad|oomad|omad|amad|zadan|omadaast)', 'got (?:a|an|this) (?:sms|text|message)', 'received (?:a|an|this) (?:sms|text|message)']);
function lossByADeadline(t: string, has: Has): boolean {
  if (!has(LOSS_TO_COME, t) || !(has(DEADLINE_SPAN, t) || has(DAY_DEADLINE, t) || has(BY_A_DEADLINE_MORE, t)) || has(MY_OWN_REQUEST, t)) return false;
  return has(TOLD, t) || has(MESSAGE_NAMED, t) || has(MESSAGE_VOICE, t) || has(IF_NOT, t) || has(ON_A_CONDITION, t) || has(CLAIMS_TO_BE_FROM, t) || has(SMS_FROM, t) || has(A_MESSAGE_CAME, t);
}

/** (round 37) Required to pay: "I must pay", "they want me to send", "لازم أدفع", "داير مني", "باید … بزنم", "бояд … перевод кунам". */
const OBLIGED_TO_PAY = rx([
  '(?:must|have to|has to|had to|need to|needs to|should) (?:first |now |also )?(?:pay|send|transfer|deposit|wire)', '(?:asked|asks|want\\S*|told|tell\\S*) (?:me )?to (?:pay|send|transfer|deposit)',
  'لازم (?:\\S+ )?(?:ادفع|احول|ابعت|ارسل|اسدد|ندفع|نحول)', '(?:داير|دايره|عايز|عاوز|طالب|يبي|يبغى|يريد|بدو|بدهم|بدهن|بدن|عايزين|عاوزين|طالبين) مني', 'طلب مني (?:\\S+ )?(?:ادفع|احول|ابعت|مبلغ)', '(?:خاصني|خصني) (?:ن)?(?:خلص|دفع|صيفط)', 'kh?as+ni (?:n)?(?:khal+e?s|dfa3|sifet|sift)',
  'je dois (?:d.abord )?(?:payer|verser|envoyer|virer)', 'il faut (?:que je )?(?:payer|verser|paye|envoyer)',
  'بايد (?:\\S+ ){0,5}?(?:بزنم|واريز|پرداخت|بدم|بريزم|كارت به كارت|بفرستم)', 'bayad (?:\\S+ ){0,5}?(?:bezanam|bezanim|variz|pardakht|bedam|berizam|kart be kart|befrestam)',
  // Tajik, as the reading spells it in Latin letters: "бояд 500 сомонӣ перевод кунам"
  'boyad (?:\\S+ ){0,5}?(?:perevod|suporam|pardokht|guzaronam|firistam|dikham|diham)',
]);
/** (round 37) …to see a place or hold it (someone's word is enough: a deposit before the viewing is the scam itself)… */
const SEE_OR_HOLD = rx([
  'before (?:i|we) (?:can )?(?:see|view|visit)', 'to (?:see|view|visit) (?:the |it)', '(?:reserve|hold|keep|book)s? (?:the |my |it|this )', '(?:reserve|hold|keep|book)s? (?:\\S+ )?for me',
  'قبل ما (?:\\S+ )?(?:اشوف|نشوف|اعاين)\\S*', '(?:عشان|علشان|حتى|لحتى|كي|باش|بش) (?:\\S+ )?(?:ي|ت|ن|ا)?(?:حجز|شوف|عاين)\\S*', 'يحجز\\S*',
  'براي (?:ديدن|بازديد|رزرو)', 'baraye (?:didan|bazdid|rezerv)',
  'baroi (?:didan|bron|band|tamosho)\\S*', 'pour (?:voir|visiter|r[eé]server)', 'avant (?:de )?(?:voir|visiter)', 'bach n(?:chouf|choof)',
]);
/** (round 37) …or to get its keys (paid to a person's card or as a named fee only: the rent before the keys is ordinary). */
const KEYS = rx(['keys?(?![a-z])', 'مفتاح\\S*', 'مفاتيح', 'كليد', 'kelid', 'kalid\\S*', 'cl[eé]s?(?![a-z])', 'sarout', 'bach n(?:akhod|axod) (?:l|les |el )?(?:cl|sarout)']);
/** (round 37) Money sent to a person's card or wallet: card to card, a bank app's transfer, a named fee. */
const PERSON_TO_PERSON = rx([
  'كارت به كارت', 'به كارت(?:ش)?(?![\\p{L}])', 'kart be kart', 'be kart(?:esh)?(?![a-z])', 'perevod\\S*', 'ba kort\\S*', 'بنكك', 'تحويل', 'ccp', 'easy ?paisa', 'jazz ?cash', 'western union', 'wafa ?cash', 'cash ?plus',
  '(?:داير|دايره|عايز|عاوز|طالب|يبي|يبغى|يريد|بدو) مني', 'frais de (?:lib[eé]ration|dossier|remise|r[eé]servation)',
]);
/** (round 37) A phone card bought for someone ("buy an Asiacell card", "اشتري كارت زين"), and its number sent on. */
const PHONE_CARD_BOUGHT = rx(['(?:اشتري|اشتر|شتري|تشتري|يشتري)\\S* (?:\\S+ ){0,2}?(?:كارت|كرت|بطاقه|رصيد)', 'buy (?:\\S+ ){0,3}?(?:card|recharge|top ?up|voucher)']);
const CARD_SENT = rx(['(?:دز|ادز|ارسل|ابعت|بعت)\\S*', 'send (?:\\S+ ){0,2}?(?:the )?(?:number|code|pin)']);
/** (round 37) Lost today, in broken English: "will cancell today", "go cancel tonight", "will delete now". */
const LOST_TODAY = rx(['(?:will|wil|go|gonna|going to) (?:be |get )?(?:cancel\\S*|delete\\S*|remove\\S*|close\\S*|gone|lost) (?:\\S+ )?(?:today|tonight|now)']);
/** (round 37) …if no payment comes: "if no pay", "if i not pay", "if money not come". */
const IF_NO_PAYMENT = rx(['if (?:i |we |you |u )?(?:no|not|dont|don.t|didn.t|didnt|never) (?:\\S+ )?(?:pay|paid|send|transfer|payment)', 'if (?:the )?(?:money|payment) (?:not|no|dont|don.t|doesn.t|didn.t) (?:come|reach|arrive)']);

/** (round 36) A sum with no currency: "send 300 as a deposit". */
const BARE_SUM = /(?<![\p{L}\p{N}.,-])\d{2,}(?:[.,]\d{3})*(?![\p{L}\p{N}-])/u;
/** (round 36) A fee named for the release it buys ("رسوم التحرير", "release fee"), or a deposit or guarantee asked first. */
const RELEASE_FEE_NAMED = rx([
  '(?:رسوم|رسم|مصاريف|عموله|فلوس) (?:ال)?(?:تحرير|افراج|صرف|فك|اخلاء طرف)', '(?:release|clearance|processing release|payout release|unlocking) (?:fee|fees|charge)', '(?:fee|fees|charge) (?:for|to) (?:the )?release',
  'هزينه (?:ي )?(?:آزادسازي|ازادسازي|ترخيص|آزاد ?سازي)', 'frais de (?:lib[eé]ration|d[eé]blocage du remboursement)',
]);
const DEPOSIT_OR_RELEASE_FEE = pieces(
  RELEASE_FEE_NAMED,
  rx(['(?:as |a )?(?:security )?deposits?', 'guarantee', 'collateral', 'تامين (?:مسترد|مقدم)', 'عربون', 'ضمان', 'وديعه', 'وديعة', 'پيش ?پرداخت', 'beyane', 'vadie', 'zamanat', 'zamonat', 'garov']),
);
/** (round 36) A person's own account, or the one who called: where no company takes a payment. */
const TO_A_PERSON = rx([
  '(?:to|into|in|on|onto) (?:his|her|their|the (?:guy|man|agent|officer|caller)\\S*|that (?:guy|man)\\S*) (?:own |personal |private )?(?:account|acct|wallet|card|number|jazz ?cash|easypaisa|gcash)',
  '(?:his|her) (?:own |personal |private )?(?:account|wallet) (?:number|no)',
  '(?:ل|ب|على |علي |في )?(?:حسابه|حسابها|حسابهم|محفظته|كارته|رقمه)(?![\\p{L}])', 'لحساب (?:الموظف|الراجل|الرجل|الشخص|المندوب)', '(?:لل|ل)(?:موظف|راجل|رجل|شخص|مندوب|زلمه|واحد)(?: \\S+){0,2}? (?:اللي|الي|يلي) (?:\\S+ )?(?:اتصل|كلم|رن|تواصل|حكي|دق)\\S*',
  '(?:به|تو|در|روي) (?:حسابش|كارتش|حساب (?:خودش|اون|او|اونا|ايشون)|كارت (?:خودش|اون|او))', 'be (?:hesabesh|kartesh|hesab(?:e)? khodesh)', 'ba hisobash', 'ba hisobi u',
  '(?:to|for) the (?:guy|man|woman|lady|agent|person|officer|employee|staff) (?:who|that) (?:called|rang|phoned|contacted|messaged)',
]);
/** (round 36) What the customer waits to be paid: a payout, a claim's money, a refund. */
const PAYOUT_AWAITED = rx(['pay ?outs?', 'claim (?:money|amount|payment|settlement)', 'settlement', 'my (?:money|claim)', 'خسارت\\S*', 'غرامت', 'تعويض\\S*', 'مستحقات\\S*', 'فلوسي', 'مبلغ (?:ال)?(?:تعويض|مطالبه)', 'kompensat\\S*', 'tovon\\S*', 'jubron\\S*']);
/** (round 36) The customer's own order or purchase: a deposit on it is theirs to pay. */
const FOR_AN_ORDER_OF_MINE = rx(['(?:deposit|عربون|پيش ?پرداخت) (?:for|on|of|لل|ل|براي) (?:my |the )?(?:order|car|flat|apartment|house|rent|booking|سفارش|ماشين|خونه|سياره|شقه)']);

/** (round 36) The customer's own bill, premium or instalment due, asked about and meant to be paid by them (see above). */
const ASKED = /[?؟]|(?<![\p{L}])(?:right|correct|true|is that so|صح|صحيح|مظبوط|درسته|درست است|صحيح است|صحیح است|rost ast|durust ast)(?![\p{L}])/iu;
function ownDueAsked(t: string, has: (re: Lexicon, s?: string) => boolean): boolean {
  return ASKED.test(t) && (has(PAYING_IT_MYSELF, t) || has(MY_OWN_DUE, t)) && has(OWN_DUE_PAID, t) && !has(TOLD, t) && !has(CLAIMS_TO_BE_FROM, t) && !has(REACHED_ME, t) && !has(FEE_NOUN, t) && !has(LAST_WARNING, t) && !has(ASKED_FOR_A_SECRET, t) && !has(MESSAGE_NAMED, t);
}

/** A number the rules judge has seven digits or more (`PHONE`'s, `digits(m).length >= 7`); the read text's digits are ASCII. */
function sevenDigits(t: string): boolean {
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++n >= 7) return true;
  }
  return false;
}

/**
 * A payment demanded for what it buys, read from the clause facts (`acts.ts`): a pay act that is not the customer's own
 * past payment (an order, an obligation, someone else's demand: "they said pay 50", "لازم ادفع", "باید واریز کنی"),
 * money given or sent counting as paid, and what it releases in its clause or right after it ("… to unfreeze my
 * account", "باش يطلقو الفلوس", "تا حسابت آزاد بشه", "برای رفع محدودیت … واریز شود").
 */
function feeForRelease(t: string, has: Has): boolean {
  const cs = clauses(t);
  // (money given or sent is paid: "send 5,000 naira to unflag it", "دو تومن بدی تا بفرستنش")
  const paid = (f: ActFact) => f.act === 'pay' || ((f.act === 'give' || f.act === 'send') && AMOUNT.test(cs[f.clause]!.text));
  return readClauseActs(cs).some((f) => paid(f) && !f.negated && !(f.past && !f.irrealis && (f.actor === 'me' || f.actor === 'my_side') && !has(TOLD, t)) && PAID_TO_RELEASE.test(`${cs[f.clause]!.text} ${f.rest}`));
}

/**
 * "دفعت الرسوم على نفس الرقم اللي في الفاتورة": the customer reporting their own payment, which nobody demanded of them,
 * to a number that is not a stranger's, tells of a bill — unless someone told them to, or the number is the one that
 * reached them ("…على نفس الرقم اللي كلمني").
 */
const PAID_BY_ME = words(['دفعت', 'سددت', 'حولت', 'دفعنا', 'سددنا', 'i (?:already |just )?(?:paid|sent|transferred)', "i've (?:already )?(?:paid|sent|transferred)", 'پرداخت كردم', 'واريز كردم', 'پرداختم', 'dafa3t', 'pardakht kardam', 'variz kardam']);
const THEIR_NUMBER = words(['(?:اللي|الي|لي) (?:كلمني|كلمتني|اتصل\\S*|رن\\S*|بعتلي|بعتتلي|راسلني|دق\\S*|تواصل\\S*)', '(?:that|which|who) (?:called|texted|messaged|rang|contacted|whatsapped) me', 'كه (?:زنگ زد|پيام داد|تماس گرفت)\\S*']);
function demandedOfMe(t: string, has: Has): boolean {
  return !has(PAID_BY_ME, t) || has(TOLD, t) || has(THEIR_NUMBER, t);
}

/** A "my number" phrase in the window — unless someone else says it ("وقال كلمني على هذا الرقم", "he said call me on"). */
function ownNumber(window: string): boolean {
  const m = new RegExp(SELF.source, 'giu');
  for (const hit of window.matchAll(m)) {
    const before = window.slice(Math.max(0, hit.index - 14), hit.index);
    // "messaged me on WhatsApp +44…": the number someone reached me from is theirs
    if (!SAID_BEFORE.test(before) && !CONTACTED_BEFORE.test(before)) return true;
  }
  return false;
}
const SAID_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${['said', 'says', 'saying', 'told me', 'قال', 'وقال', 'قالي', 'وقالي', 'يقول', 'ويقول', 'بيقول', 'قالت', 'وقالت', 'گفت', 'ميگه', 'مي گه', 'goft', '2al', '2alli', 'qal'].map(foldLetters).join('|')})(?: (?:لي|ليا|انه|that))?\\s*$`, 'iu');

const CONTACTED_BEFORE = /(?:^|[^\p{L}])(?:messaged|texted|called|rang|contacted|whatsapped|whatsapp'd|dmed|dm'd|dm-ed|pinged|wrote to|reached out to|reached)\s*$/iu;

/** The company's name (a listed brand or its domain's name) as a word of the text. */
/** (round 26) A Telegram or Instagram account's link: its name. */
const LINKED_HANDLE = /(?:https?:\/\/)?(?:www\.)?(?:(?:t|telegram)\.me\/(?:s\/)?([a-z][a-z0-9_]{3,31})|instagram\.com\/([a-z0-9_][a-z0-9_.]{1,29}))(?![a-z0-9_])/g;
/** (round 26) A handle whose name carries one of the policy's brand names ("@AcmeWalletHelp", "@acme_ethiopia_official"). */
function brandInHandle(h: string, policy: GuardPolicy): boolean {
  const name = h.toLowerCase();
  return policy.brandNames.some((b) => b.length >= 3 && name.includes(b.toLowerCase()));
}

function namesBrand(t: string, policy: GuardPolicy): boolean {
  const names = [...policy.brandNames, ...policy.companyDomains.map((d) => d.split('.')[0]!)].filter((n) => n.length >= 3);
  return names.some((n) => new RegExp(`(?<![\\p{L}\\p{N}])${n.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(t));
}

/**
 * (round 20) A toll-free or business-only line — 800…, 0800…, 1800…, the North American 1-8xx ranges, a Saudi
 * unified 9200… number — once a country code written with "+" or "00" is taken off. Only a registered business holds
 * one; strangers reach customers from mobiles and chat apps. See `docs/SECURITY.md` for what the guard says about one.
 */
// (not the UK's 0808, which is also a Nigerian mobile's prefix)
const TOLL_FREE = /^(?:0?800|1800|9200|1?8(?:00|88|77|66|55|44|33)\d{7}$)/;
const COUNTRY_CODE = /^(?:966|971|974|973|968|965|962|961|963|964|249|218|216|213|212|20|98|93|992|353|44|91|61|1)/;
function isTollFree(written: string): boolean {
  const d = digits(written);
  return TOLL_FREE.test(/^\s*(?:\+|00)/.test(written) ? d.replace(/^00/, '').replace(COUNTRY_CODE, '') : d);
}

function digits(s: string): string {
  return s.replace(/\D/g, '');
}

/** An official number with two digits swapped or one changed: a classic way to pass a scammer's line off as ours. */
/** (round 31) The numbers a message names as the ones we publish (`PUBLISHED_BEFORE` right before them), as digits. */
function publishedIn(t: string): string[] {
  const out: string[] = [];
  for (const m of t.matchAll(PHONE)) if (PUBLISHED_BEFORE.test(t.slice(Math.max(0, m.index - 60), m.index))) out.push(digits(m[0]));
  return out;
}
function looksLikeNumber(official: string, d: string): boolean {
  const n = Math.min(9, official.length, d.length);
  if (n < 7) return false;
  return editDistance(official.slice(-n), d.slice(-n), 2) <= 2;
}

/**
 * (round 30) The official number as written, with one or two digits put in front that no dialling adds: "0800-2263" or
 * "1800-2263" for "800-2263". A country's code (written after "+" or "00") and, for a number IT lists in its
 * international form ("+966 800 …"), a trunk "0" in place of that code are how people dial it; anything else in
 * front is another number that borrows ours.
 */
const TOLL_FREE_PREFIX = /^1?8(?:00|88|77|66|55|44|33)$/;
function digitsPutInFront(official: string, d: string, written: string, officialWritten: string): boolean {
  if (/^\s*(?:\+|00)/.test(written)) return false;
  const international = /^\s*(?:\+|00)/.test(officialWritten);
  // (the official in its international form: its national part is what follows a country code of one to three digits)
  const national = international ? [1, 2, 3].map((n) => official.slice(n)).filter((n) => n.length >= 7) : [official];
  return national.some((n) => {
    const extra = d.length > n.length && d.endsWith(n) ? d.slice(0, d.length - n.length) : '';
    // (round 34) …or a North American toll-free prefix ("1-888-800-2263", "1 877 …" for "800-2263")
    return ((extra.length >= 1 && extra.length <= 2) || TOLL_FREE_PREFIX.test(extra)) && !(international && (extra === '0' || official.startsWith(extra)));
  });
}

/** Same number written with or without a country or trunk prefix: compare the last nine digits. */
function sameNumber(a: string, b: string): boolean {
  const n = Math.min(9, a.length, b.length);
  return a.slice(-n) === b.slice(-n);
}
