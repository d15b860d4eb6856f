import { describe, expect, it } from 'vitest';
import { signAuditAcknowledgement, verifyAuditAcknowledgement } from '../../main/core/audit';
import { generateEd25519, keyIdOf, privateKeyFromPem } from '../../main/core/policy';

function signer() {
  const k = generateEd25519();
  return { key: privateKeyFromPem(k.privateKeyPem, 'test'), trusted: { name: 'IT', publicKey: k.publicKey, keyId: keyIdOf(k.publicKey), source: 'test' } };
}

/** Accepting a tampered trail: only IT's signed acknowledgement for this database and this trail end, while valid. */
describe('signed audit acknowledgements', () => {
  const it1 = signer();
  const now = Date.parse('2026-12-03T10:00:00Z');
  const body = { databaseId: 'a1b2c3d4e5f6a1b2c3d4e5f6', lastSeq: 41, reason: 'restored from last night\'s backup after the disk failed', issuedAt: '2026-12-03T09:00:00Z', expiresAt: '2026-12-04T09:00:00Z' };
  const expected = { databaseId: body.databaseId, lastSeq: 41, now };

  it('accepts the acknowledgement IT signed for exactly this finding', () => {
    expect(verifyAuditAcknowledgement(signAuditAcknowledgement(body, it1.key), [it1.trusted], expected)).toMatchObject({ lastSeq: 41 });
  });

  it('refuses one signed by a key this computer does not trust, or altered after signing', () => {
    const other = signer();
    expect(() => verifyAuditAcknowledgement(signAuditAcknowledgement(body, other.key), [it1.trusted], expected)).toThrow(/not signed by a policy signing key/);
    const text = signAuditAcknowledgement(body, it1.key).replace('"lastSeq": 41', '"lastSeq": 40');
    expect(() => verifyAuditAcknowledgement(text, [it1.trusted], { ...expected, lastSeq: 40 })).toThrow(/not signed by a policy signing key/);
  });

  it('refuses one for another database, another trail end, or outside its validity', () => {
    const text = signAuditAcknowledgement(body, it1.key);
    expect(() => verifyAuditAcknowledgement(text, [it1.trusted], { ...expected, databaseId: 'ffffffffffffffffffffffff' })).toThrow(/not this one/);
    expect(() => verifyAuditAcknowledgement(text, [it1.trusted], { ...expected, lastSeq: 45 })).toThrow(/ends at 45/);
    expect(() => verifyAuditAcknowledgement(text, [it1.trusted], { ...expected, now: Date.parse('2026-12-05T00:00:00Z') })).toThrow(/validity/);
    expect(() => verifyAuditAcknowledgement('{"yes": true}', [it1.trusted], expected)).toThrow(/not a diwan-audit-ack\/1 document/);
  });
});
