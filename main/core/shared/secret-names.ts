/**
 * Whether a setting's name says it holds a secret. Configuration files and the channel settings in the database
 * must never hold one (secrets live in the OS keychain or systemd credentials), so both refuse such names.
 * Names are split into words (camelCase, snake_case, kebab-case, dots): a short word such as `key`, `tok`, `auth`,
 * `pwd` or `bearer` counts on its own, a longer one such as `token` or `secret` anywhere in the name (`apptoken`).
 */
const SECRET_WORDS = new Set([
  'key', 'keys', 'tok', 'auth', 'authz', 'authorization', 'bearer', 'pwd', 'pw', 'pass', 'passwd', 'sig', 'signature',
  'otp', 'totp', 'jwt', 'cookie', 'private', 'privkey', 'cred', 'creds', 'hmac',
]);
const SECRET_PARTS = /secret|token|passw|passphrase|credential|bearer|apikey|api_key|privatekey|private_key|cookie|password|pwd/i;

export function looksLikeSecretName(name: string): boolean {
  if (SECRET_PARTS.test(name)) return true;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  // a public key, or the key of a public thing, is meant to be shared
  if (words.includes('public')) return false;
  return words.some((w) => SECRET_WORDS.has(w));
}
