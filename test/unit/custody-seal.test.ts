import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochOf, generateSealingKey, openSealed, originalContext, privateBytes, sealAllTo, SealingSession, sealTo, x25519Private } from '../../main/core/custody';

/** Sealing to a public key: round trip for any text, and any change to the blob, its context or its key refused. */
describe('sealing originals to a public key', () => {
  const team = generateSealingKey(24_300);
  const other = generateSealingKey(24_300);
  const text = fc.string({ unit: 'grapheme', maxLength: 200 });
  const context = fc.record({ team: fc.constantFrom('acme', 'beta'), id: fc.nat(), field: fc.nat(50), type: fc.constantFrom('PHONE', 'CARD', 'IBAN', 'NATIONAL_ID') });

  it('opens exactly what was sealed, in any script, with the key restored from its 32 bytes', () => {
    const restored = x25519Private(privateBytes(team.privateKey));
    fc.assert(
      fc.property(text, context, (value, c) => {
        const ctx = originalContext(c.team, c.id, { field: c.field, type: c.type });
        const blob = sealTo(team.publicKey, team.epoch, ctx, value);
        expect(epochOf(blob)).toBe(team.epoch);
        expect(blob.includes(Buffer.from(value, 'utf8')) && value.length > 3).toBe(false);
        expect(openSealed(restored, ctx, blob)).toBe(value);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a blob with any byte changed, under another context, another epoch, or another key', () => {
    fc.assert(
      fc.property(text, context, fc.nat(), fc.integer({ min: 1, max: 255 }), (value, c, at, flip) => {
        const ctx = originalContext(c.team, c.id, { field: c.field, type: c.type });
        const blob = sealTo(team.publicKey, team.epoch, ctx, value);
        const changed = Buffer.from(blob);
        const i = at % changed.length;
        changed[i]! ^= flip;
        expect(() => openSealed(team.privateKey, ctx, changed)).toThrow();
        expect(() => openSealed(team.privateKey, originalContext(c.team, c.id + 1, { field: c.field, type: c.type }), blob)).toThrow(/does not open/);
        expect(() => openSealed(team.privateKey, originalContext(c.team, c.id, { field: c.field, type: c.type === 'PHONE' ? 'CARD' : 'PHONE' }), blob)).toThrow(/does not open/);
        expect(() => openSealed(other.privateKey, ctx, blob)).toThrow(/does not open/);
        const otherEpoch = Buffer.from(blob);
        otherEpoch.writeUInt32BE(team.epoch + 1, 1);
        expect(() => openSealed(team.privateKey, ctx, otherEpoch)).toThrow(/does not open/);
      }),
      { numRuns: 150 },
    );
  });

  it('seals a message\'s values together (one key agreement), each opening alone and only under its own context', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), fc.nat(), (values, id) => {
        const ctx = (n: number) => originalContext('acme', id, { field: n, type: 'PHONE' });
        const blobs = sealAllTo(team.publicKey, team.epoch, values.map((plain, n) => ({ context: ctx(n), plain })));
        blobs.forEach((b, n) => {
          expect(openSealed(team.privateKey, ctx(n), b)).toBe(values[n]);
          if (values.length > 1) expect(() => openSealed(team.privateKey, ctx((n + 1) % values.length), b)).toThrow(/does not open/);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('seals a chunk of messages with one session: one ephemeral key, each value opening alone under its own context', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), text), { minLength: 2, maxLength: 40 }), (items) => {
        const session = new SealingSession(team.publicKey, team.epoch);
        const ctx = (i: number, id: number) => originalContext('acme', id * 1000 + i, 'text');
        const blobs = items.map(([id, plain], i) => session.seal(ctx(i, id), plain));
        // Same header (version, epoch, ephemeral key) for the chunk; a fresh IV each time.
        expect(new Set(blobs.map((b) => b.subarray(0, 37).toString('hex'))).size).toBe(1);
        expect(new Set(blobs.map((b) => b.subarray(37, 49).toString('hex'))).size).toBe(blobs.length);
        blobs.forEach((b, i) => {
          expect(openSealed(team.privateKey, ctx(i, items[i]![0]), b)).toBe(items[i]![1]);
          expect(() => openSealed(team.privateKey, ctx((i + 1) % items.length, items[(i + 1) % items.length]![0]), b)).toThrow(/does not open/);
          expect(() => openSealed(other.privateKey, ctx(i, items[i]![0]), b)).toThrow(/does not open/);
        });
        // Another session is another ephemeral key.
        expect(new SealingSession(team.publicKey, team.epoch).seal('x', 'y').subarray(5, 37).equals(blobs[0]!.subarray(5, 37))).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('gives every value of a long session its own IV, past the IVs it draws at once (#26: drawn 64 at a time)', () => {
    // 1,000 values: fifteen draws and a part; a draw used twice, or a value given its neighbour's IV, repeats one
    const session = new SealingSession(team.publicKey, team.epoch);
    const blobs = Array.from({ length: 1000 }, (_, i) => session.seal(originalContext('acme', i, 'text'), `value ${i}`));
    expect(new Set(blobs.map((b) => b.subarray(37, 49).toString('hex'))).size).toBe(1000);
    expect(blobs.every((b) => !b.subarray(37, 49).equals(Buffer.alloc(12)))).toBe(true);
    blobs.forEach((b, i) => expect(openSealed(team.privateKey, originalContext('acme', i, 'text'), b)).toBe(`value ${i}`));
  });

  it('opens a blob written by the earlier code (one key agreement per value, ephemeral key exported as JWK)', () => {
    // Built here exactly as the previous `sealAllTo` did, so old databases and backups stay readable.
    const ctx = originalContext('acme', 7, { field: 0, type: 'PHONE' });
    const eph = crypto.generateKeyPairSync('x25519');
    const ephRaw = Buffer.from(eph.publicKey.export({ format: 'jwk' }).x as string, 'base64url');
    const recipient = crypto.createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(team.publicKey, 'base64').toString('base64url') }, format: 'jwk' });
    const shared = crypto.diffieHellman({ privateKey: eph.privateKey, publicKey: recipient });
    const key = Buffer.from(crypto.hkdfSync('sha256', shared, Buffer.concat([ephRaw, Buffer.from(team.publicKey, 'base64')]), Buffer.from('diwan-seal/1'), 32));
    const iv = crypto.randomBytes(12);
    const c = crypto.createCipheriv('aes-256-gcm', key, iv);
    c.setAAD(Buffer.from(`diwan-seal/1\n${ctx}\nepoch:${team.epoch}`));
    const ct = Buffer.concat([c.update('٠٥٥١٢٣٤٥٦٧', 'utf8'), c.final()]);
    const head = Buffer.alloc(5);
    head.writeUInt8(1, 0);
    head.writeUInt32BE(team.epoch, 1);
    expect(openSealed(team.privateKey, ctx, Buffer.concat([head, ephRaw, iv, c.getAuthTag(), ct]))).toBe('٠٥٥١٢٣٤٥٦٧');
  });

  it('says a truncated or foreign blob is not a sealed value', () => {
    expect(() => openSealed(team.privateKey, 'x', Buffer.from('not sealed'))).toThrow(/not a Diwan sealed value/);
    expect(() => epochOf(Buffer.alloc(80, 9))).toThrow(/not a Diwan sealed value/);
  });
});
