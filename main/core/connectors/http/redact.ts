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
  const forms = new Set<string>();
  for (const s of secrets) for (const f of derivedForms(s)) forms.add(f);
  // longest first, so a form inside a longer one does not leave the rest of the longer one behind
  for (const f of [...forms].sort((a, b) => b.length - a.length)) out = out.split(f).join('<redacted>');
  for (const [re, sub] of PATTERNS) out = out.replace(re, sub);
  return out;
}

/**
 * A secret as it can reach a log: itself, URL-encoded, each part of a `id:secret` token (Telegram's bot token is
 * `<bot id>:<secret>`), and each of those in base64 or base64url at any of the three byte alignments it can have
 * inside a longer encoded string (say `Basic base64(user:secret)`).
 */
export function derivedForms(secret: string): string[] {
  if (!secret || secret.length < MIN_SECRET_LENGTH) return [];
  const plain = new Set([secret, ...secret.split(/[:\s]/).filter((p) => p.length >= MIN_SECRET_LENGTH)]);
  const out = new Set<string>();
  for (const p of plain) {
    out.add(p);
    out.add(encodeURIComponent(p));
    for (const b of [Buffer.from(p, 'utf8').toString('base64'), ...base64Cores(Buffer.from(p, 'utf8'))]) {
      out.add(b);
      out.add(b.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return [...out].filter((f) => f.length >= MIN_SECRET_LENGTH);
}

/** The base64 characters fixed by `bytes` alone, wherever they start in a longer encoded run. */
function base64Cores(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let lead = 0; lead < 3; lead++) {
    const enc = Buffer.concat([Buffer.alloc(lead), bytes]).toString('base64');
    const start = lead === 0 ? 0 : 4; // the first group mixes in bytes before the secret
    const end = Math.floor((lead + bytes.length) / 3) * 4; // a last partial group depends on what follows
    if (end > start) out.push(enc.slice(start, end));
  }
  return out;
}
