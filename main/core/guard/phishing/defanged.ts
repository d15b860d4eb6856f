/**
 * (round 22) A link written so that it cannot be clicked — "sadafmobile-tj[.]com/pay", "acme(.)verify(.)net",
 * "hxxps://…" — is still the address the reader is sent to: security teams write it so, and so do scammers who want
 * past a filter. The guard reads it with its dots and scheme put back.
 */
const DEFANGED_DOT = /\s?(?:\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\))\s?/giu;
const DEFANGED_SCHEME = /\bhxxp(s?):\/\//giu;

export function refang(text: string): string {
  if (!text.includes('[') && !text.includes('(') && !text.includes('{') && !/hxxp/i.test(text)) return text;
  return text.replace(DEFANGED_DOT, '.').replace(DEFANGED_SCHEME, 'http$1://');
}
