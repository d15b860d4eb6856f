import crypto from 'node:crypto';
import { z } from 'zod';
import { RevealApprovalSchema, RevealRequestSchema, type RevealGrant } from '../../core/custody';
import { DiwanError } from '../../core/shared/errors';
import { mayReadChannel } from '../audience';
import { parse, type ApiDeps, type AreaHelpers, type Route } from './route';
import { publicReveal } from '../store';
import { revealApproval } from '../store/custody';

const openSchema = z.object({ request: z.object({ body: RevealRequestSchema, signature: z.string().min(1).max(200) }).strict() }).strict();

/**
 * The reveal's last step: the requesting console asks, with a request its DEVICE signed (naming a one-time key to
 * receive the value); the hub checks the grant is this user's, on this device, still valid, then signs a grant and
 * passes it to the custodian. The custodian answers with the value sealed to the console's one-time key: the hub
 * relays a ciphertext it cannot open.
 */
export function custodyRoutes(d: ApiDeps, h: AreaHelpers): Route[] {
  return [
    {
      method: 'POST',
      path: /^\/v1\/reveals\/(\d+)\/open$/,
      permission: 'reveal.request',
      handle: async ({ who, params, body }) => {
        const revealId = Number(params[0]);
        const { request } = parse(openSchema, body);
        const r = await d.store.reveal(revealId);
        if (!r || r.requesterId !== who!.user.id || r.device !== who!.device) throw new DiwanError('reveal_unknown', 'There is no such reveal for you on this computer.');
        if (r.state !== 'granted' || r.expiresAt <= d.now()) {
          throw new DiwanError('reveal_not_granted', r.state === 'pending' ? 'A team lead has not approved this reveal yet.' : 'This reveal is not granted (denied or expired); ask again with a reason.');
        }
        if (request.body.device !== who!.device || request.body.revealId !== r.id || request.body.messageId !== r.messageId || request.body.field !== r.fieldN) {
          throw new DiwanError('bad_request', 'The signed request does not name this reveal on this computer.');
        }
        const field = await d.store.sealedField(r.messageId, r.fieldN);
        if (!field || !mayReadChannel(who!.user, field.channelId)) throw new DiwanError('field_not_found', 'That masked field no longer exists.');
        const device = await d.store.device(who!.device);
        if (!device) throw new DiwanError('device_unknown', 'This computer is not enrolled at the hub.');
        const stored = await revealApproval(d.store, r.id);
        let approval: RevealGrant['approval'] = null;
        if (stored) {
          const a = RevealApprovalSchema.parse(stored.body);
          const approverDevice = await d.store.device(a.approverDevice);
          approval = { body: a, signature: stored.signature, approverPublicKey: approverDevice?.publicKey ?? '' };
        }
        const grant: RevealGrant = {
          v: 1,
          grantId: crypto.randomBytes(18).toString('base64url'),
          team: d.team,
          revealId: r.id,
          messageId: r.messageId,
          field: r.fieldN,
          type: field.type,
          user: who!.user.username,
          userId: who!.user.id,
          device: who!.device,
          devicePublicKey: device.publicKey,
          reason: r.reason,
          issuedAt: d.now(),
          expiresAt: r.expiresAt,
          sealed: field.sealed.toString('base64'),
          request,
          approval,
        };
        const target = `message:${r.messageId}:${r.fieldN}`;
        let opened;
        try {
          opened = await d.custodian.open(grant);
        } catch (e) {
          const code = e instanceof DiwanError ? e.code : 'error';
          await d.store.audit({ ...h.actorOf(who!), action: 'reveal.custodian_refused', target, details: { revealId: r.id, code } });
          if (e instanceof DiwanError && e.code !== 'custodian_unreachable') throw new DiwanError('reveal_refused_by_custodian', `The key custodian refused this reveal: ${e.message}`);
          throw e;
        }
        await d.store.audit({ ...h.actorOf(who!), action: 'reveal.read', target, details: { revealId: r.id, grantId: grant.grantId } });
        return { reveal: publicReveal(r), type: field.type, sealed: opened.sealed, expiresAt: opened.expiresAt };
      },
    },
  ];
}
