/**
 * An ask recognised by its shape rather than its verb (round 18): the clause names a secret, the writer is the one it
 * goes to, the reader the one who gives it, and nothing negates it. The verb may be any — a dialect's new verb is
 * recognised by what stands around it: "malai yaha pathaunus" (Nepali: to me, here, send-polite), "amake den"
 * (Bengali: to me, give), "azen-iyi-t-id dagi" (Kabyle: send-me-it here), "inta code kalam ana" (Gulf pidgin: you →
 * me). The words here are closed classes — pronouns, place adverbs, negators and the polite imperative's ending — of
 * languages the lexicons do not read; the open class, the verb, is not listed.
 */
import type { Clause } from '../text/clauses';
import { findAll, NEGATION, NEUTRAL_OBJECTS, REASON, SUBORDINATORS, TO_READER_PLACE, TO_WRITER_PLACE, TRANSFER_VERBS, WRITER_ACTS, WRITER_SELF, type Hit } from './lexicon';
import { PICTURE } from './documents';

/**
 * "to me / to us" in Nepali, Hindi-Urdu and Bengali written in Latin letters; a Berber verb's first-person clitic
 * ("-iyi"); Gilaki "مرا"/"امرا" (standard Persian's object "مرا" names no receiver beside a secret).
 */
const TO_THE_WRITER = new Set(['malai', 'hamilai', 'mujhe', 'mujhko', 'humein', 'hamein', 'hame', 'hamko', 'amake', 'amader', 'amay', 'iyi', 'yi', 'مرا', 'امرا']);
/** "here" in the same languages: the chat as where the secret goes. */
const HERE = new Set(['yaha', 'yahan', 'yahaan', 'idhar', 'ekhane', 'dagi', 'da']);
/** The reader as the giver, the writer as the receiver in Gulf pidgin Arabic: "inta … ana". */
const READER_SUBJECT = new Set(['inta', 'enta', 'inte', 'tapai', 'tapain', 'aap', 'apni', 'apnar', 'انت', 'انتا', 'انتي', 'انتو']);
const WRITER = new Set(['ana', 'ani', 'انا']);
/** (round 21) "here" (and "to me") in Gulf pidgin, in either script: "انت كتب هنا", "inta kitab hina", "انت قرا ارقام لي". */
const PIDGIN_HERE = new Set(['هنا', 'هني', 'hina', 'hena', 'hni', 'لي']);
/** Negators, "anyone" and "when" in those languages: "na"/"nahi"/"mat", Berber "ur … ara" (a lone "ur" is read as texting's "your" before this), Gulf "mafi", Gilaki/Mazandarani "don't say/give"; "kasailai", "kisi", "keu", "yiwen"; "jab", "jokhon". */
const NEGATORS = new Set(['na', 'nah', 'nahi', 'nahin', 'mat', 'ur', 'mafi', 'mafee', 'ma', 'ما', 'مافي', 'مافيه', 'لا', 'مو', 'مش', 'kasailai', 'kasaile', 'kisi', 'koi', 'keu', 'karo', 'kauko', 'ara', 'yiwen', 'yan', 'hichkas', 'jab', 'jokhon', 'نوگو', 'نوگوید', 'نوگون', 'نئو', 'نئوئن', 'نفادن', 'نفاده']);
/** A Nepali verb negated by its prefix: "nadinus", "napathaunus". */
const NEGATED_POLITE = /^na[a-z]{2,}nus$/;
/** (round 23) A Persian dialect's verb negated by its ن- prefix, wherever it stands: Gilaki "کدِ مرا نفرس" (don't send me the code), "نده", "نگو", "ننویس". */
const NEGATED_DIALECT_VERB = /^ن(?:فرس|ده|دي|گو|گي|نويس|زن|كن)\S*$/u;
/** A Nepali polite imperative: "pathaunus", "lekhidinus", "bhannus". */
const POLITE_IMPERATIVE = /^[a-z]{2,}nus$/;

/**
 * Does this clause, which names a secret, hand it to the writer by its shape? `negatedAt`: the token indices of the
 * lexicon's negation words — one before the receiver governs the verb ("la azen-iyi…"); one after it is another word's
 * ("azen-iyi le code n la carte": the French article). The negators above count wherever they stand.
 */
export function handedToTheWriterByShape(clause: Clause, negatedAt: readonly number[]): boolean {
  const t = clause.tokens;
  if (t.some((w) => NEGATORS.has(w) || NEGATED_POLITE.test(w) || NEGATED_DIALECT_VERB.test(w))) return false;
  const receiver = t.findIndex((w) => TO_THE_WRITER.has(w) || WRITER.has(w) || HERE.has(w) || PIDGIN_HERE.has(w));
  if (receiver < 0 || negatedAt.some((at) => at <= receiver)) return false;
  const toWriter = t.some((w) => TO_THE_WRITER.has(w));
  const readerToWriter = t.some((w) => READER_SUBJECT.has(w)) && t.some((w) => WRITER.has(w) || PIDGIN_HERE.has(w));
  const here = t.some((w) => HERE.has(w)) && t.some((w) => POLITE_IMPERATIVE.test(w));
  return toWriter || readerToWriter || here;
}

/** How far a hand-over verb and the writer's side ("here", "to me") may stand apart: "bhej dein yahan", "بفرست اینجا", "nitumie hapa". */
const PLACE_REACH = 3;
/** Words that leave the verb's object slot empty: "it" as a particle, politeness, "now", "quickly". */
const FILLER = /^(?:it|them|am|yeh|yeha|athu|onnu|ita|please|pls|plz|now|just|right|quickly|quick|fast|asap|sharp|po|na|naman|lang|nalang|lamang|only|ken|ghir|gher|bas|faqat|faghat|fagat|فقط|بس|غير|tafadhali|sasa|hivi|saa|hii|tolong|lütfen|ji|zara|jaldi|lotfan|لطفا|الان|حالا|هلا|دابا|هلق|دلوقتي|هسه)$/u;
/** What may follow the verb and its place when the object is left out: a purpose (Levantine "la", Persian "که", Swahili "ni…e": so I…). */
const PURPOSE = /^(?:la|l|ke|که|كه|ni\S{3,}e)$/u;
/** A noun phrase's first word: a determiner, a noun with "your" on it ("اسمك"), "the word" (not the article: "الحين" is "now"). */
const OBJECT_START = /^(?:your|ur|the|a|an|my|our|this|that|[\u0621-\u064a]{2,}ك|كلمه|kalma|kelma|kilma)$/u;
const ONCE = /^(?:مره|ايا)$/u;
const RELATIVE_TO_ME = /^(?:لي|الي)$/u;
/** "nothing", "no need": what goes to the writer is nothing. */
const NOTHING = /(?:^| )(?:nothing|no need|nada)(?: |$)/u;
/** A verb of telling, in any language: with its object left out, "tell me here" may ask for news ("…, then tell me here"), so only a thing sent is read. */
const SAYING = /^(?:tell|say|let|niambie|sabihin\S*|s[öo]yle\S*|bolun|fada\S*|ንገረኝ|بگو\S*|بگي(?:د|ن)|قولي|قلي|2oli|2olli|b[ou]g[ou]y\S*)(?: |$)/u;
/** Verbs of contacting, which take the writer as their object: "text me here", "write to me here". */
const CONTACT = /^(?:text|message|msg|dm|email|e-mail|mail|whatsapp|ping|write|reply|call|ring|contact|inbox|pm)$/;
/** A negation that follows its verb: a Persian light verb ("send نکنید"), Bengali না. */
const NEGATED_AFTER = /^(?:نكن\S*|نكني\S*|ننماي\S*|نفرماي\S*|نده\S*|না)$/u;
/** Egyptian and Levantine split negation around the verb: "mate b3atholish hena", "ما تبعتهوش هنا". */
const SPLIT_NEGATOR = /^(?:ma|mat|mate|mati|mte|mt|ما|مت)$/u;

/** (round 27) Typing, with the chat named as where ("paki-type na lang po dito sa chat", "type it in the chat"), is sending it to us. */
const IN_THE_CHAT = /(?:^| )(?:sa|in|on|into|to|في|ب|تو|توي|در) (?:the |this |our |ang |ال)?(?:chat|شات|چت)(?: |$)/u;
const TYPED_INTO_THE_CHAT = ['(?:paki ?|i ?)?type', 'paki ?(?:sulat|lagay)', 'ilagay', 'isulat'];
/**
 * (round 23) A transfer verb sent toward the writer with its object left out — "کدی که برات آمده، لطف کن بفرست اینجا",
 * "Kuna code imeingia…, nitumie hapa niimalize mimi mwenyewe", "…, athu onnu ivide ayachu tharamo": most languages drop
 * "it" when the thing was just named, so the clause has a verb and the writer's side, a few words apart.
 * Whatever follows the place (a purpose, "I'll enter it myself") is the writer's business. Not when the clause negates,
 * hangs on an event ("tell me when it comes"), is the writer's own act ("we'll send it here"), names another thing to
 * send ("send me here your name", an order number, a screenshot) or only asks to be contacted ("text me here").
 */
export function handsOverWithItsObjectLeftOut(clause: Clause): boolean {
  const t = clause.text;
  const verbs = IN_THE_CHAT.test(t) ? [...findAll(t, TRANSFER_VERBS), ...findAll(t, TYPED_INTO_THE_CHAT)].sort((a, b) => a.at - b.at) : findAll(t, TRANSFER_VERBS);
  if (!verbs.length || NOTHING.test(t) || findAll(t, NEUTRAL_OBJECTS).length || findAll(t, PICTURE).length) return false;
  // …nor "يرسل إلى هاتفك" (is sent to your phone): the reader's side named is where it went (not the writer's "for you" after their own act)
  if (findAll(t, SUBORDINATORS).length) return false;
  const ownActAt = clause.tokens.findIndex((w, i) => i > verbs[0]!.last && WRITER_SELF.test(w));
  if (findAll(t, TO_READER_PLACE).some((p) => ownActAt < 0 || p.at < ownActAt)) return false;
  // (Gilaki "مره", to me, is Arabic "مرة", once, in "ارسل مرة ثانية": not a place for a left-out object)
  const places = findAll(t, TO_WRITER_PLACE).filter((p) => !ONCE.test(t.slice(p.start, p.end)));
  // Arabic "to me" follows its verb; before one, Maghrebi and Hassaniya "لي"/"الي" is the relative "who/which" ("لي يرسل لك")
  // (round 27) fillers between do not count: "paki-send na lang po dito"
  const reach = (from: number, to: number) => clause.tokens.slice(from + 1, to).filter((w) => !FILLER.test(w)).length < PLACE_REACH;
  const near = (v: Hit) => places.some((p) => (p.at > v.last && reach(v.last, p.at)) || (p.last < v.at && v.at - p.last <= PLACE_REACH && !RELATIVE_TO_ME.test(t.slice(p.start, p.end))));
  // a negation governs a verb after it ("don't send it here"), or a Persian light verb right after it ("اینجا send نکنید");
  // one further on is another clause's (Lebanese "la kammil" after the verb is "so that I finish")
  const negations = findAll(t, NEGATION);
  const negated = (v: Hit) => negations.some((n) => n.at <= v.last) || NEGATED_AFTER.test(clause.tokens[v.last + 1] ?? '') || (SPLIT_NEGATOR.test(clause.tokens[v.at - 1] ?? '') && /(?:sh|ش)$/u.test(clause.tokens[v.last] ?? ''));
  const contacts = (v: Hit) => CONTACT.test(clause.tokens[v.last] ?? '') && /^(?:me|us|to)$/.test(clause.tokens[v.last + 1] ?? '');
  // (round 27) West African "I beg" is "please", not the writer acting
  const writer = findAll(t, WRITER_ACTS).filter((w) => clause.tokens[w.last + 1] !== 'beg');
  // …and no noun phrase after them: "send me here your name", "ارسل لي هنا اسمك", "… كلمة تم" send another thing
  const covered = new Set(places.flatMap((p) => Array.from({ length: p.last - p.at + 1 }, (_, i) => p.at + i)));
  const slotEmpty = (v: Hit) => {
    let i = v.last + 1;
    while (i < clause.tokens.length && (covered.has(i) || FILLER.test(clause.tokens[i]!))) i++;
    const next = clause.tokens[i];
    return next === undefined || REASON.test(next) || WRITER_SELF.test(next) || PURPOSE.test(next) || !OBJECT_START.test(next);
  };
  return verbs.some((v) => (near(v) || entersItThemself(clause, v)) && slotEmpty(v) && !negated(v) && (!SAYING.test(t.slice(v.start, v.end)) || toEnterIt(clause, v)) && !contacts(v) && !writer.some((w) => w.last < v.at));
}

/**
 * (round 24) "…، بفرستید من خودم وارد می کنم براتون", "ab3ath, ana nda5lou": with no place named, the writer entering it right
 * after the bare verb says who receives it.
 */
function entersItThemself(clause: Clause, v: Hit): boolean {
  let i = v.last + 1;
  while (i < clause.tokens.length && (FILLER.test(clause.tokens[i]!) || REASON.test(clause.tokens[i]!) || PURPOSE.test(clause.tokens[i]!))) i++;
  if (!WRITER_SELF.test(clause.tokens[i] ?? '')) return false;
  return clause.tokens.slice(i + 1, i + 5).some((w) => ENTERS.test(w));
}

/** Verbs of entering into a system (Persian, Dari, Arabic, Arabizi, English): what is entered is an input, not news. */
const ENTERS = /^(?:وارد|داخل|ادخل\S*|ندخل\S*|نخش\S*|enter|type|input|key|vared|dakhel|nda5al\S*|nd5l\S*|adkhel\S*)$/u;
/**
 * (round 24) A verb of telling is read as a hand-over when its purpose is the writer entering what is told: "برایم بگویید
 * که خودم داخل سیستم کنم" (tell me, so I put it into the system myself), "tell me here so I can enter it" — news is
 * not entered anywhere. A purpose or reason word right after the verb (and its place), then an entry verb whose subject
 * is the writer ("خودم", "I", or a first-person ending: "کنم", "konom").
 */
function toEnterIt(clause: Clause, v: Hit): boolean {
  let i = v.last + 1;
  while (i < clause.tokens.length && (FILLER.test(clause.tokens[i]!) || /^(?:me|us|here|to|baraym|baram|inja|برايم|برام|واسم|اينجا|اينجه|هنا|لي)$/u.test(clause.tokens[i]!))) i++;
  if (!(PURPOSE.test(clause.tokens[i] ?? '') || REASON.test(clause.tokens[i] ?? '') || /^(?:تا|so)$/u.test(clause.tokens[i] ?? ''))) return false;
  const tail = clause.tokens.slice(i + 1, i + 6);
  return tail.some((w) => ENTERS.test(w)) && (tail.some((w) => WRITER_SELF.test(w)) || /^(?:كنم|بكنم|بزنم|كنيم|konom|konam|bokonom|konim)$/u.test(tail[tail.length - 1] ?? ''));
}
