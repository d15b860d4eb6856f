/**
 * A batch's values can go to SQLite as one JSON list (`json_each`) instead of a statement each, except text that is
 * not well-formed — an unpaired surrogate half, which reads differently through JSON than bound as a string. This
 * finds those (with the `u` flag a well-formed pair is one code point, so only unpaired halves match); callers bind
 * them one by one.
 */
export const LONE_SURROGATE = /\p{Cs}/u;
