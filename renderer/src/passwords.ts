/** The one-time password an administrator hands to a new person: 16 characters without look-alikes (0/O, 1/l). */
export function temporaryPassword(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  // 256 is not a multiple of the alphabet's length: bytes past the last whole multiple are drawn again.
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < 16) for (const b of random(32)) if (b < limit && out.length < 16) out += alphabet[b % alphabet.length];
  return out;
}
