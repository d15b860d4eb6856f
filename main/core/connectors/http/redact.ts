const PATTERNS: Array<[RegExp, string]> = [
  [/\/bot[^/?#\s]+/g, '/bot<redacted>'],
  [/([?&](?:access_token|refresh_token|client_secret|appsecret_proof|code|token)=)[^&#\s"']+/gi, '$1<redacted>'],
  [/((?:"|\b)(?:access_token|refresh_token|client_secret|botToken|accessToken|refreshToken)"?\s*[:=]\s*"?)[^"&,\s}]+/g, '$1<redacted>'],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, '$1 <redacted>'],
];

const MIN_SECRET_LENGTH = 6;

/**
 * Removes secrets from a string meant for a log, an error or the user: every known secret value (and its URL-encoded
 * form) wherever it appears, plus anything shaped like a token (Telegram's `/bot<token>/`, `access_token=…`, Bearer).
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) {
    if (!s || s.length < MIN_SECRET_LENGTH) continue;
    out = out.split(s).join('<redacted>');
    const encoded = encodeURIComponent(s);
    if (encoded !== s) out = out.split(encoded).join('<redacted>');
  }
  for (const [re, sub] of PATTERNS) out = out.replace(re, sub);
  return out;
}
