/**
 * An ask recognised by its shape rather than its verb (round 18): the clause names a secret, the writer is the one it
 * goes to, the reader the one who gives it, and nothing negates it. The verb may be any — a dialect's new verb is
 * recognised by what stands around it: "malai yaha pathaunus" (Nepali: to me, here, send-polite), "amake den"
 * (Bengali: to me, give), "azen-iyi-t-id dagi" (Kabyle: send-me-it here), "inta code kalam ana" (Gulf pidgin: you →
 * me). The words here are closed classes — pronouns, place adverbs, negators and the polite imperative's ending — of
 * languages the lexicons do not read; the open class, the verb, is not listed.
 */
import type { Clause } from '../text/clauses';

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
/** A Nepali polite imperative: "pathaunus", "lekhidinus", "bhannus". */
const POLITE_IMPERATIVE = /^[a-z]{2,}nus$/;

/**
 * Does this clause, which names a secret, hand it to the writer by its shape? `negatedAt`: the token indices of the
 * lexicon's negation words — one before the receiver governs the verb ("la azen-iyi…"); one after it is another word's
 * ("azen-iyi le code n la carte": the French article). The negators above count wherever they stand.
 */
export function handedToTheWriterByShape(clause: Clause, negatedAt: readonly number[]): boolean {
  const t = clause.tokens;
  if (t.some((w) => NEGATORS.has(w) || NEGATED_POLITE.test(w))) return false;
  const receiver = t.findIndex((w) => TO_THE_WRITER.has(w) || WRITER.has(w) || HERE.has(w) || PIDGIN_HERE.has(w));
  if (receiver < 0 || negatedAt.some((at) => at <= receiver)) return false;
  const toWriter = t.some((w) => TO_THE_WRITER.has(w));
  const readerToWriter = t.some((w) => READER_SUBJECT.has(w)) && t.some((w) => WRITER.has(w) || PIDGIN_HERE.has(w));
  const here = t.some((w) => HERE.has(w)) && t.some((w) => POLITE_IMPERATIVE.test(w));
  return toWriter || readerToWriter || here;
}
