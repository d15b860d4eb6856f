/**
 * (round 29) Maghrebi words for a card and its two faces, read as forms the lexicons already hold: the article fused to
 * the card ("لاكارط", "لا كارت", "lakarte" → "الكارط", "el karte"), front and back ("mn l9dam w lour" → "front and back",
 * "من القدام و اللور" → "من القدام و الورا") and "الجيهتين" (→ "الجهتين"). A rewrite, not lexicon entries: the card's
 * object pattern is one alternation near V8's size for optimised matching, and three more entries there cost every
 * reply a third more time (bench/README.md, round 29). Works on folded, lower-case text.
 */
const FUSED_CARD_AR = /(?<![\p{L}])لا ?(?=(?:كارط|كارت|كرط|كرت))/gu;
const FUSED_CARD_LATIN = /(?<![\p{L}])la(?=(?:k|c)art)/gu;
const SIDES_LATIN = /(?<![\p{L}\p{N}])(?:(?:mn|men|min) )?(?:l ?)?(?:9d+am|9ed+am|qd+am|qed+am|gd+am|9od+am) (?:w |o |u |wa )?(?:(?:mn|men|min) )?(?:l ?)?(?:lour|lor|lowr)(?![\p{L}\p{N}])/gu;
const SIDES_AR = /(?<![\p{L}])(?:ال)?(?:لور|اللور|لورا)(?![\p{L}])/gu;
const JIHATAIN = /(?<![\p{L}])(ال)?جيه(تين|ات)(?![\p{L}])/gu;
const MARKS = /لا|la|9d|qd|gd|9od|9ed|qed|لور|جيه/u;

export function readMaghrebiCard(folded: string): string {
  if (!MARKS.test(folded)) return folded;
  return folded
    .replace(FUSED_CARD_AR, 'ال')
    .replace(FUSED_CARD_LATIN, 'el ')
    .replace(SIDES_LATIN, 'front and back')
    .replace(SIDES_AR, (m, at: number, s: string) => (/(?:قدام|كدام|جدام) (?:و ?من |و ?)?$/u.test(s.slice(Math.max(0, at - 16), at)) ? 'الورا' : m))
    .replace(JIHATAIN, (_m, al: string | undefined, end: string) => `${al ?? ''}جه${end}`);
}
