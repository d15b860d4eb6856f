/**
 * How much of one message or reply the guards read. Every guard's cost grows with what it reads, and e-mail has no
 * length cap below 25 MB: one hostile message must not hold a hub node for minutes. The guards read the first
 * `READ_LIMIT` characters; a text longer than that is judged on its read part and is never taken as checked — the
 * outbound guard blocks it (the agent sends it in parts), the inbound flags say the rest was not read.
 */
export const READ_LIMIT = 20_000;

export interface ReadPart {
  /** The part the guards read: all of the text, or its first `READ_LIMIT` characters. */
  read: string;
  /** Characters left unread (0 when the text fits). */
  unread: number;
}

export function readPart(text: string): ReadPart {
  if (text.length <= READ_LIMIT) return { read: text, unread: 0 };
  // never end on the first half of a surrogate pair
  const end = isHighSurrogate(text.charCodeAt(READ_LIMIT - 1)) ? READ_LIMIT - 1 : READ_LIMIT;
  return { read: text.slice(0, end), unread: text.length - end };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
