import crypto from 'node:crypto';
import { fingerprintOf } from '../../main/core/auth';
import {
  APPROVAL_DOMAIN,
  openSealed,
  rawPublic,
  REQUEST_DOMAIN,
  revealContext,
  signStatement,
  type RevealApproval,
  type RevealGrant,
  type RevealRequest,
} from '../../main/core/custody';

/** A device as the custodian sees it: an Ed25519 key whose fingerprint IT may or may not have enrolled. */
export function testDevice() {
  const k = crypto.generateKeyPairSync('ed25519');
  const publicKeyPem = k.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return { key: k.privateKey, publicKeyPem, fingerprint: fingerprintOf(publicKeyPem) };
}
export type TestDevice = ReturnType<typeof testDevice>;

/**
 * A grant as an honest hub builds it for a sealed field: the device's signed request naming a fresh one-time key,
 * the lead's countersignature when `approver` is given. `open` decrypts the custodian's answer with the one-time key.
 */
export function makeGrant(o: {
  team?: string;
  revealId: number;
  messageId: number;
  type: string;
  sealed: Buffer;
  asker: TestDevice;
  signer?: TestDevice;
  approver?: TestDevice | null;
  approverName?: string;
  now: number;
  expiresIn?: number;
}) {
  const oneTime = crypto.generateKeyPairSync('x25519');
  const request: RevealRequest = {
    v: 1,
    revealId: o.revealId,
    messageId: o.messageId,
    field: 0,
    device: o.asker.fingerprint,
    recipient: rawPublic(oneTime.publicKey),
    nonce: crypto.randomBytes(18).toString('base64url'),
    at: o.now,
  };
  const reason = 'customer disputes a charge';
  let approval: RevealGrant['approval'] = null;
  if (o.approver) {
    const body: RevealApproval = {
      v: 1,
      revealId: o.revealId,
      messageId: o.messageId,
      field: 0,
      requesterId: 7,
      requesterDevice: o.asker.fingerprint,
      reason,
      approver: o.approverName ?? 'layla',
      approverDevice: o.approver.fingerprint,
      at: o.now,
    };
    approval = { body, signature: signStatement(APPROVAL_DOMAIN, body, o.approver.key), approverPublicKey: o.approver.publicKeyPem };
  }
  const grant: RevealGrant = {
    v: 1,
    grantId: crypto.randomBytes(18).toString('base64url'),
    team: o.team ?? 'acme',
    revealId: o.revealId,
    messageId: o.messageId,
    field: 0,
    type: o.type,
    user: 'amal',
    userId: 7,
    device: o.asker.fingerprint,
    devicePublicKey: o.asker.publicKeyPem,
    reason,
    issuedAt: o.now,
    expiresAt: o.now + (o.expiresIn ?? 300_000),
    sealed: o.sealed.toString('base64'),
    request: { body: request, signature: signStatement(REQUEST_DOMAIN, request, (o.signer ?? o.asker).key) },
    approval,
  };
  const open = (sealedAnswer: string) => openSealed(oneTime.privateKey, revealContext(o.revealId, request.nonce), Buffer.from(sealedAnswer, 'base64'));
  return { grant, open };
}
