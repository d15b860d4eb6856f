/**
 * The company a message names as its sender, when the policy does not know it (round 20): "Nakhla Pay: … on
 * nakhlapay.ma-reembolso.com", "… nakhlapay-tn.com — Nakhla Pay". The name in a sender's place — a line's or a quote's
 * opening "Name:", a signature "— Name" or "Name Team", brackets, "from Name" — is the company the message's links must
 * belong to. A link whose host carries that name as one of its pieces but whose registrable name is not exactly it (a
 * country or word after a dash, the name in front of someone else's domain) imitates it; the name's own site, under any
 * ending (`nakhlapay.com`, `nakhlapay.ma`), does not. A name in Arabic or Persian script ("نخلة باي: …", "از طرف
 * نخله‌پی", "— فريق خدمة عملاء زيتونة", round 21) is matched against the host's Latin pieces by its sounds
 * (`romanised-name.ts`), with and without its generic words (bank, pay, team…), which Arabic puts first and hosts last.
 */
import type { Link } from '../text/links';
import { editDistance, skeleton } from './confusables';
import { arabicSounds, latinSounds, spells } from './romanised-name';

/** One to three Latin words, the first capitalised: "Nakhla Pay", "SADAF", "Anar Mobile". */
const NAME = String.raw`(\p{Lu}[\p{L}\p{N}]*(?:[ \u00a0-]\p{Lu}[\p{L}\p{N}]*){0,2})`;
/** One to five Arabic-script words (Arabic has no capitals, so a name's end is not known: its shorter readings are tried too). */
const AR_WORD = String.raw`[\u0621-\u063A\u0641-\u064A\u0671-\u06D3][\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u200c]*`;
const AR_NAME = `(${AR_WORD}(?: ${AR_WORD}){0,4})`;
const senderPlaces = (name: string, opening = '', colon = String.raw`\s*[:|\-–—]\s`) => [
  // a line's, a quote's or a forwarded message's opening: "Nakhla Pay: …", "'Bustan Wallet - abone…", "SMS: Anar Mobile | …"
  // (round 23) …its closing quote before the colon too: "an SMS from 'Anbar Wallet': …"
  String.raw`(?:^|[\n"'«“‘(\[]${opening}|(?<![\p{L}])(?:sms|message|msg|text|fwd?|پیامک|پیام|رسالة|رساله|مسج)\s*:?)\s*${name}['"»”’]?${colon}`,
  // a signature: "— Nakhla Pay", "- The Bustan Wallet Team", at a line's or the text's end
  String.raw`[-–—~]\s*(?:the\s+)?${name}(?:\s+team)?\s*['"»”’)]*\s*(?:$|\n)`,
  // brackets, with a team word or not: "[Nakhla Pay]", "(فريق Kahraman Mobile)"
  String.raw`[\[(]\s*(?:team|فريق|فریق|تیم|équipe)?\s*${name}\s*[\])]`,
  // "from", "by", "signed", "titled" and their kin: "رسالة من Luluat Pay", "پیامک با عنوان Sarv Wallet", "jatni sms men Anar Mobile"
  String.raw`(?<![\p{L}])(?:[Ff]rom|by|de la part de|signed|sent by|men|mn|من|از طرف|از|عنوان|با عنوان|موقعة|موقعه)\s+${name}`,
  // "Nakhla Pay here", "Nakhla Pay team", "The Nakhla Pay Team"
  String.raw`${name}\s+(?:here|team|support)(?![\p{L}])`,
  // (round 28) the company the customer writes to, greeted at a line's opening: "Hi Nakhla Pay, is nakhlapay-uae.com
  // yours?", "Dear Nakhla Pay,": the links the customer asks it about must be its own too
  // (round 37) …its comma the Arabic one too: "سلام Darak Homes، darakhomes-afg.com مال شماست؟"
  String.raw`(?:^|\n)[ \t]*(?:(?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|[Ss]ala+m|[Hh]ola|[Bb]onjour|سلام|درود|مرحبا|اهلا)[ \t]+)?${name}[ \t]*[,،!\n]`,
];
const regexOf = (places: string[]) => new RegExp(places.map((p) => `(?:${p})`).join('|'), 'gmu');
const SENDER = regexOf(senderPlaces(NAME));
// (an Arabic-script name also after a colon inside a line, its own colon left for the next: "جتني رسالة توا: نخيل باي: …")
const AR_SENDER = regexOf(senderPlaces(AR_NAME, '|:', String.raw`(?=\s*[:|\-–—]\s)`).slice(0, 4));

export interface NamedSender {
  /** As the message writes it ("Nakhla Pay", "نخلة باي"). */
  name: string;
  /** Whether a host's piece (letters; a dash between pieces, no dots) spells the name. */
  spelledBy(piece: string): boolean;
  /** Whether a registrable name (`nakhlapay`, `zaytouna-bank`) is the company's own. */
  owns(label: string): boolean;
  /**
   * (round 24) How a host's piece passes for the name without being it: other letters that look the same
   * (`mlnkakapay` for "Minkaka Pay") or a letter or two changed (`sidraconnekt` for "Sidra Connect").
   */
  misspelledBy(piece: string): 'homoglyph' | 'typo' | undefined;
}

/** A name's letters written with look-alikes, or (six letters or more) one letter off, (ten or more) two: written to pass as it. */
function misspells(letters: string, key: string): (piece: string) => 'homoglyph' | 'typo' | undefined {
  return (piece) => {
    const p = piece.replaceAll('-', '').toLowerCase();
    if (p === letters) return undefined;
    const k = skeleton(p);
    if (k === key) return 'homoglyph';
    return key.length >= 6 && editDistance(k, key, 2) <= (key.length >= 10 ? 2 : 1) ? 'typo' : undefined;
  };
}

/** The names the message gives its sender. */
export function namedSenders(text: string): NamedSender[] {
  const out = new Map<string, NamedSender>();
  if (/\p{Lu}/u.test(text)) {
    for (const m of text.matchAll(SENDER)) {
      // (round 24) a line's opening "From Kahraman Pay:" names "Kahraman Pay"
      const name = m.slice(1).find((g) => g !== undefined)?.replace(/^(?:From|By)\s+(?=\p{Lu})/u, '');
      if (!name) continue;
      const letters = name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
      const key = skeleton(letters);
      if (letters.length >= 4 && !COMMON.has(letters) && !out.has(key)) out.set(key, { name, spelledBy: (piece) => skeleton(piece) === key, owns: (label) => label.replaceAll('-', '').toLowerCase() === letters, misspelledBy: misspells(letters, key) });
    }
  }
  if (/[\u0621-\u064A]/.test(text)) {
    for (const m of text.matchAll(AR_SENDER)) {
      const words = m.slice(1).find((g) => g !== undefined)?.split(' ') ?? [];
      // every leading run of its words, whole and without its generic words ("بنك", "پی", "فريق خدمة عملاء")
      for (let n = 1; n <= words.length; n++) {
        const run = words.slice(0, n);
        const own = run.join(' ').split(/[ \u200c]+/).filter((w) => !AR_GENERIC.has(w));
        for (const name of new Set([run.join(' '), own.join(' ')])) {
          const sounds = name && arabicSounds(name);
          const key = sounds && sounds.map((s) => s.sounds + (s.optional ? '?' : '')).join(' ');
          // (a name by its sounds is already read a sound off: no misspelling is told from another spelling of it)
          if (sounds && sounds.length >= 3 && !out.has(key!)) out.set(key!, { name, spelledBy: (piece) => spells(sounds, latinSounds(piece)), owns: (label) => ownNames(label).some((l) => spells(sounds, latinSounds(l), true)), misspelledBy: () => undefined });
        }
      }
    }
  }
  return [...out.values()];
}
/** Words around an Arabic-script company name that are not the name: what it is and who speaks for it. */
const AR_GENERIC = new Set(['بنك', 'بانک', 'مصرف', 'باي', 'پی', 'پي', 'كاش', 'کاش', 'موبايل', 'موبایل', 'والت', 'ولت', 'محفظة', 'محفظه', 'کیف', 'پول', 'فريق', 'فریق', 'تیم', 'خدمة', 'خدمات', 'عملاء', 'العملاء', 'مشتریان', 'شركة', 'شرکت', 'دعم']);
/** The same words as a host writes them after the name ("zaytouna-bank.tn" is the site of "بنك زيتونة"). */
const LATIN_GENERIC = new Set(['bank', 'pay', 'cash', 'mobile', 'wallet', 'telecom', 'online', 'app', 'group']);
/** A piece without a generic word glued to its end: "naranjpay" → "naranj". */
const bare = (piece: string) => [...LATIN_GENERIC].reduce((p, g) => (p.length > g.length + 2 && p.endsWith(g) ? p.slice(0, -g.length) : p), piece);
/** The readings of a registrable name that an Arabic-script name owns: whole, and without its generic words, which Arabic puts first and hosts last. */
const ownNames = (label: string) => {
  const own = label.split('-').filter((p) => p && !LATIN_GENERIC.has(p)).join('-');
  return [label, own, bare(own)].filter(Boolean);
};
/** Words that stand in a sender's place without naming one ("Hi:", "Note:", "Dear Customer -"). */
const COMMON = new Set(['note', 'dear', 'dearcustomer', 'hello', 'thanks', 'thank', 'customer', 'support', 'team', 'alert', 'notice', 'warning', 'update', 'reminder', 'info', 'subject', 'from', 'sent', 'date', 'sms', 'message', 'text', 'link', 'http', 'https', 'www', 'please', 'urgent', 'important', 'reply', 'otp', 'code', 'bank', 'the']);

/**
 * (round 24) Endings a key or a letter away from ".com" that are bought to pass as it: `sidraconnect.co/refund` under
 * "Sidra Connect" is not its site.
 */
const COM_MISTYPED = new Set(['co', 'cm', 'om', 'con', 'comm', 'cpm', 'vom', 'xom', 'c0m']);

/**
 * How a link imitates a name its message gives, or undefined: `extra_words` (`nakhlapay-tn.com`), `subdomain_trick`
 * (`nakhlapay.ma-reembolso.com`), `homoglyph` / `typo` (the name in look-alike letters or a letter off, under any
 * ending: `sidraconnekt.com.tr`), `other_ending`
 * (the name under a mistyped ".com": `sidraconnect.co`).
 */
export function imitatesNamedSender(link: Link, names: readonly NamedSender[]): { name: string; how: 'extra_words' | 'subdomain_trick' | 'homoglyph' | 'typo' | 'other_ending' } | undefined {
  if (!names.length) return undefined;
  const ending = link.domain.slice(link.label.length + 1).toLowerCase();
  const owner = names.find((n) => n.owns(link.label.toLowerCase()));
  if (owner && COM_MISTYPED.has(ending)) return { name: owner.name, how: 'other_ending' };
  const labelPieces = link.label.toLowerCase().split('-').filter(Boolean);
  // (round 23) …and each of the subdomain's labels whole, its dashes dropped: "anbar-wallet.support.com" under "Anbar Wallet"
  const subPieces = [...link.subdomain.toLowerCase().split(/[.-]/), ...link.subdomain.toLowerCase().split('.').filter((l) => l.includes('-')).map((l) => l.replaceAll('-', ''))].filter(Boolean);
  if (names.some((n) => n.owns(labelPieces.join('-')))) return undefined;
  const first = labelPieces[0]!;
  // the name first, alone, with the next piece ("nakhla-pay-tn") or with a generic word glued on ("nakhlapay-tn" under "نخلة")
  const firsts = [first, ...(labelPieces.length > 2 ? [`${first}-${labelPieces[1]!}`] : []), bare(first)];
  // (a name with extra words needs a dash or a subdomain to carry them: "anarmobile.ir" under "Anar" is the name with a
  // generic word glued on, its own site)
  const dressed = link.label.includes('-') || (link.subdomain !== '' && link.subdomain !== 'www');
  for (const { name, spelledBy } of dressed ? names : []) {
    if (firsts.some((p) => spelledBy(p))) return { name, how: 'extra_words' };
    if (subPieces.some((p) => spelledBy(p))) return { name, how: 'subdomain_trick' };
  }
  for (const n of names) {
    const how = n.misspelledBy(labelPieces.join('')) ?? n.misspelledBy(first);
    if (how) return { name: n.name, how };
  }
  return undefined;
}

/** (round 32) A capitalised name of one to three words anywhere in the text ("my Barq Mobile bill"). */
const NAME_ANYWHERE = new RegExp(String.raw`(?<![\p{L}\p{N}])${NAME}`, 'gu');
/**
 * (round 32) A sender's address on a mistyped ".com" (`orders@barqmobile.co`) whose registrable name spells a company the
 * message names anywhere, not only in a sender's place ("… about my Barq Mobile bill"): the name under an ending bought to
 * pass as its own. Addresses only — a link's `.co` is read by `imitatesNamedSender`. Returns the name.
 */
export function senderOnMistypedEnding(link: Link, text: string): string | undefined {
  if (!COM_MISTYPED.has(link.domain.slice(link.label.length + 1)) || !/\p{Lu}/u.test(text)) return undefined;
  const label = link.label.toLowerCase().replaceAll('-', '');
  if (label.length < 4 || COMMON.has(label)) return undefined;
  for (const m of text.matchAll(NAME_ANYWHERE)) {
    const words = m[1]!.split(/[ \u00a0-]/);
    // (every leading run: "Barq Mobile Support" names "Barq Mobile" too)
    for (let n = words.length; n >= 1; n--) {
      const name = words.slice(0, n).join(' ');
      if (name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '') === label) return name;
    }
  }
  return undefined;
}
