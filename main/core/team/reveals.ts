import crypto from 'node:crypto';
import type { DeviceSigner } from '../connectors/relay-client/link';
import { APPROVAL_DOMAIN, openSealed, rawPublic, REQUEST_DOMAIN, revealContext, signedText, type RevealApproval, type RevealRequest } from '../custody';
import { DiwanError } from '../shared/errors';
import type { Clock } from '../shared/ports';

/** What these steps need of the hub client: one authenticated call. */
export interface HubCaller {
  call(method: 'GET' | 'POST', path: string, json?: unknown): Promise<Record<string, unknown>>;
}

interface PublicReveal {
  id: number;
  messageId: number;
  fieldN: number;
  requesterId: number;
  device: string;
  reason: string;
  state: string;
  expiresAt: number;
}

/**
 * Opens a granted reveal on this console: a one-time X25519 key is made for this call only, the DEVICE signs a
 * request naming it, the hub passes a grant to the custodian, and the value comes back sealed to that key. The
 * value is returned to the caller for the grant's time and is never written anywhere by this console.
 */
export async function openReveal(hub: HubCaller, device: DeviceSigner, revealId: number, clock: Clock): Promise<{ value: string; type: string; expiresAt: number }> {
  const r = (await hub.call('GET', `/v1/reveals/${revealId}`)).reveal as PublicReveal;
  const { privateKey, publicKey } = crypto.generateKeyPairSync('x25519');
  const body: RevealRequest = {
    v: 1,
    revealId,
    messageId: r.messageId,
    field: r.fieldN,
    device: device.fingerprint,
    recipient: rawPublic(publicKey),
    nonce: crypto.randomBytes(18).toString('base64url'),
    at: clock.now(),
  };
  const out = await hub.call('POST', `/v1/reveals/${revealId}/open`, { request: { body, signature: device.sign(signedText(REQUEST_DOMAIN, body)) } });
  if (typeof out.sealed !== 'string') throw new DiwanError('hub_malformed', 'The hub answered a reveal without the sealed value.');
  const value = openSealed(privateKey, revealContext(revealId, body.nonce), Buffer.from(out.sealed, 'base64'));
  return { value, type: String(out.type), expiresAt: Number(out.expiresAt) };
}

/** A lead decides a pending reveal; approving, this console's DEVICE countersigns exactly that request. */
export async function decideReveal(hub: HubCaller, device: DeviceSigner, revealId: number, approve: boolean, clock: Clock): Promise<Record<string, unknown>> {
  if (!approve) return hub.call('POST', `/v1/reveals/${revealId}/decide`, { approve: false });
  const pending = ((await hub.call('GET', '/v1/reveals/pending')).reveals as PublicReveal[]).find((p) => p.id === revealId);
  if (!pending) throw new DiwanError('reveal_not_pending', 'That reveal request is no longer waiting for a decision.');
  const me = (await hub.call('GET', '/v1/me')).user as { username: string };
  const body: RevealApproval = {
    v: 1,
    revealId,
    messageId: pending.messageId,
    field: pending.fieldN,
    requesterId: pending.requesterId,
    requesterDevice: pending.device,
    reason: pending.reason,
    approver: me.username,
    approverDevice: device.fingerprint,
    at: clock.now(),
  };
  return hub.call('POST', `/v1/reveals/${revealId}/decide`, { approve: true, approval: { body, signature: device.sign(signedText(APPROVAL_DOMAIN, body)) } });
}
