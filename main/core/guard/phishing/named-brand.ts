/**
 * The company a message names as its sender, when the policy does not know it (round 20): "Nakhla Pay: … on
 * nakhlapay.ma-reembolso.com", "… nakhlapay-tn.com — Nakhla Pay". The name in a sender's place — a line's or a quote's
 * opening "Name:", a signature "— Name" or "Name Team", brackets, "from Name" — is the company the message's links must
 * belong to. A link whose host carries that name as one of its pieces but whose registrable name is not exactly it (a
 * country or word after a dash, the name in front of someone else's domain) imitates it; the name's own site, under any
 * ending (`nakhlapay.com`, `nakhlapay.ma`), does not.
 */
import type { Link } from '../text/links';
import { skeleton } from './confusables';

/** One to three Latin words, the first capitalised: "Nakhla Pay", "SADAF", "Anar Mobile". */
const NAME = String.raw`(\p{Lu}[\p{L}\p{N}]*(?:[ -]\p{Lu}[\p{L}\p{N}]*){0,2})`;
const SENDER_PLACES = [
  // a line's, a quote's or a forwarded message's opening: "Nakhla Pay: …", "'Bustan Wallet - abone…", "SMS: Anar Mobile | …"
  String.raw`(?:^|[\n"'«“‘(\[]|(?<![\p{L}])(?:sms|message|msg|text|fwd?|پیامک|پیام|رسالة|رساله|مسج)\s*:?)\s*${NAME}\s*[:|\-–—]\s`,
  // a signature: "— Nakhla Pay", "- The Bustan Wallet Team", at a line's or the text's end
  String.raw`[-–—~]\s*(?:the\s+)?${NAME}(?:\s+team)?\s*['"»”’)]*\s*(?:$|\n)`,
  // brackets, with a team word or not: "[Nakhla Pay]", "(فريق Kahraman Mobile)"
  String.raw`[\[(]\s*(?:team|فريق|فریق|تیم|équipe)?\s*${NAME}\s*[\])]`,
  // "from", "by", "signed", "titled" and their kin: "رسالة من Luluat Pay", "پیامک با عنوان Sarv Wallet", "jatni sms men Anar Mobile"
  String.raw`(?<![\p{L}])(?:from|by|de la part de|signed|sent by|men|mn|من|از طرف|از|عنوان|با عنوان|موقعة|موقعه)\s+${NAME}`,
  // "Nakhla Pay here", "Nakhla Pay team", "The Nakhla Pay Team"
  String.raw`${NAME}\s+(?:here|team|support)(?![\p{L}])`,
];
const SENDER = new RegExp(SENDER_PLACES.map((p) => `(?:${p})`).join('|'), 'gmu');

export interface NamedSender {
  /** As the message writes it ("Nakhla Pay"). */
  name: string;
  /** Its letters and digits run together, in look-alike skeleton ("nakhlapay"). */
  key: string;
}

/** The names the message gives its sender. */
export function namedSenders(text: string): NamedSender[] {
  if (!/\p{Lu}/u.test(text)) return [];
  const out = new Map<string, string>();
  for (const m of text.matchAll(SENDER)) {
    const name = m.slice(1).find((g) => g !== undefined);
    if (!name) continue;
    const letters = name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    const key = skeleton(letters);
    if (letters.length >= 4 && !COMMON.has(letters) && !out.has(key)) out.set(key, name);
  }
  return [...out].map(([key, name]) => ({ key, name }));
}
/** Words that stand in a sender's place without naming one ("Hi:", "Note:", "Dear Customer -"). */
const COMMON = new Set(['note', 'dear', 'dearcustomer', 'hello', 'thanks', 'thank', 'customer', 'support', 'team', 'alert', 'notice', 'warning', 'update', 'reminder', 'info', 'subject', 'from', 'sent', 'date', 'sms', 'message', 'text', 'link', 'http', 'https', 'www', 'please', 'urgent', 'important', 'reply', 'otp', 'code', 'bank', 'the']);

/** How a link imitates a name its message gives, or undefined: `extra_words` (`nakhlapay-tn.com`), `subdomain_trick` (`nakhlapay.ma-reembolso.com`). */
export function imitatesNamedSender(link: Link, names: readonly NamedSender[]): { name: string; how: 'extra_words' | 'subdomain_trick' } | undefined {
  if (!names.length) return undefined;
  // (the skeleton drops hyphens, so the pieces are cut first: "nakhlapay-tn" is "nakhlapay" and "tn")
  const labelPieces = link.label.toLowerCase().split('-').filter(Boolean).map(skeleton);
  const subPieces = link.subdomain.toLowerCase().split(/[.-]/).filter(Boolean).map(skeleton);
  for (const { key, name } of names) {
    if (labelPieces.join('') === key) continue;
    if (labelPieces[0] === key) return { name, how: 'extra_words' };
    if (subPieces.includes(key)) return { name, how: 'subdomain_trick' };
  }
  return undefined;
}
