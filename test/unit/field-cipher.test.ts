import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FieldCipher, newKeyRing } from '../../main/core/vault';
import { parseKeyRing } from '../../main/core/vault/key-ring';

describe('field encryption (AES-256-GCM, record identity as associated data)', () => {
  const cipher = new FieldCipher(newKeyRing());

  it('round-trips text, with a fresh nonce per record', () => {
    const a = cipher.encrypt('msg:1:text', 'رقم هاتفي 0501234567');
    const b = cipher.encrypt('msg:1:text', 'رقم هاتفي 0501234567');
    expect(a.equals(b)).toBe(false);
    expect(cipher.decrypt('msg:1:text', a)).toBe('رقم هاتفي 0501234567');
    expect(a.includes(Buffer.from('0501234567'))).toBe(false);
  });

  it.each([
    ['another row', 'msg:2:text'],
    ['another field of the same row', 'msg:1:field:0'],
  ])('refuses a blob moved to %s', (_label, other) => {
    const blob = cipher.encrypt('msg:1:text', 'secret');
    expect(() => cipher.decrypt(other, blob)).toThrow(expect.objectContaining({ code: 'field_undecryptable' }));
  });

  it('refuses a tampered blob, a tampered key version and another database key', () => {
    const blob = cipher.encrypt('msg:1:text', 'secret');
    const flipped = Buffer.from(blob);
    flipped[flipped.length - 20]! ^= 1;
    expect(() => cipher.decrypt('msg:1:text', flipped)).toThrow(/does not decrypt/);
    expect(() => new FieldCipher(newKeyRing()).decrypt('msg:1:text', blob)).toThrow(/does not decrypt/);
    const twoKeys = new FieldCipher({ current: 2, keys: new Map([[1, crypto.randomBytes(32)], [2, crypto.randomBytes(32)]]) });
    const v2 = twoKeys.encrypt('msg:1:text', 'secret');
    const relabelled = Buffer.from(v2);
    relabelled.writeUInt32BE(1, 1);
    expect(() => twoKeys.decrypt('msg:1:text', relabelled)).toThrow(/does not decrypt/);
    expect(() => cipher.decrypt('msg:1:text', v2)).toThrow(expect.objectContaining({ code: 'datakey_version_missing' }));
  });

  it('reads a key ring back from its keychain form and refuses a damaged one', () => {
    expect(() => parseKeyRing('{"current":1,"keys":{"1":"c2hvcnQ="}}', 'datakey:x')).toThrow(/not hold a valid/);
    expect(() => parseKeyRing('not json', 'datakey:x')).toThrow(/not hold a valid/);
  });
});
