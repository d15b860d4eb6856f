import { MAX_POLICY_BYTES } from '../config/managed';

export { MAX_POLICY_BYTES };

/** Deeper than any real policy (an envelope holds sites → beacon → pins: five levels); far below the stack's limit. */
export const MAX_POLICY_DEPTH = 32;

/** How far in the future `issuedAt` may lie: clocks drift, but a policy signed tomorrow was signed with a wrong date. */
export const ISSUED_AT_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * The deepest nesting of arrays and objects in JSON text, counted without parsing, so a hostile file cannot
 * exhaust the stack of the parser or of anything that walks the parsed value.
 */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}
