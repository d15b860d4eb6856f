/**
 * A chat export's line prefix: a bracketed or dashed timestamp, then the writer's name and a colon — WhatsApp's two
 * exports ("[10:42, 3/12/2026] Sara: ", "3/12/26, 10:42 - Sara: "), Telegram's and most desktop exports ("[21:14]
 * Zain: ", "[8:05 PM] Joy: ", "[٩:١٥ م] هبة: "). One rule for every reader: the reading normaliser folds the prefix
 * away (`normalise.ts`), masking's number reader reads a value on across the next message by the same writer.
 */

/** The prefix's pattern source, with `digit` (a class body: `\\d`, or `DIGIT_CLASS` for text not yet folded) for its digits; group 1 is the writer. */
export function chatPrefixSource(digit: string): string {
  const d = `[${digit}]`;
  const time = String.raw`${d}{1,2}[:.]${d}{2}(?:[:.]${d}{2})?(?:\s?[ap]\.?\s?m\.?|\s?[صم])?`;
  const date = String.raw`${d}{1,4}[/.-]${d}{1,2}[/.-]${d}{1,4}`;
  return String.raw`\s*(?:\[(?:${time}(?:[,،]\s*${date})?|${date}[,،]?\s*${time})\]|(?:${date}[,،]?\s+)?${time}\s+[-–—])\s*(?:([^:\n\[\]]{1,40}):(?=\s|$))?\s*`;
}
