import crypto from 'node:crypto';
import { verifyEd25519 } from '../../core/auth';
import { isConnectorError } from '../../core/connectors/errors';
import {
  challengeRequest,
  deviceAuthMessage,
  MAX_EVENTS,
  MAX_WAIT_SECONDS,
  RELAY_API,
  replyRequest,
  sessionRequest,
  type ReplyResponse,
} from '../../core/connectors/relay-client/protocol';
import { DiwanError } from '../../core/shared/errors';
import { hashToken } from '../accounts';
import { bearer } from '../http';
import { relayTargets, type RelayReplyRow } from '../store/relay-queue';
import { parse, type ApiDeps, type Ctx, type Route } from './route';

const SESSION_MS = 60 * 60_000;
const PROOF_SKEW_MS = 120_000;
/** How often a waiting long poll looks at the queue when no webhook on this node rang (another node took it). */
const RECHECK_MS = 1_000;
/** A reply still `sending` after this long was being sent by a node that stopped: nobody can say whether it left. */
const SENDING_STALE_MS = 120_000;
const SEND_TIMEOUT_MS = 30_000;

const refused = (code: string, sentence: string) => new DiwanError(code, sentence);

/**
 * The console ⇄ relay protocol v1 (`core/connectors/relay-client/protocol.ts`), served by the hub for channels IT
 * configured with `settings.relayTo` (enrolled device fingerprints). Sign-in is the hub's device enrolment: a
 * single-use nonce, the device's Ed25519 signature, sessions kept hashed; the node already refused addresses outside
 * the office ranges, and TLS is the hub's pinned certificate. Events come from `store/relay-queue.ts`; replies go out
 * once through the channel's connector with the token held at the hub. Nothing of a customer's text is logged or audited.
 */
export function relayRoutes(d: ApiDeps): Route[] {
  const r = d.relayHub;
  if (!r) return [];
  const api = RELAY_API.replace(/\//g, '\\/');
  const channelPath = (rest: string) => new RegExp(`^${api}\\/channels\\/([a-z0-9][a-z0-9_-]{0,63})\\/${rest}$`);

  const deviceOf = async (c: Ctx): Promise<string> => {
    const token = bearer(c.req);
    const device = token && token.length <= 256 ? await r.queue.sessionDevice(hashToken(token)) : null;
    if (!device) throw refused('session_invalid', 'Sign in again: this relay session has ended.');
    return device;
  };

  /** The channel, if it is on and relayed to this device; the same refusal otherwise, so a device learns nothing of others. */
  const relayedTo = async (channelId: string, device: string) => {
    const c = (await d.store.channels()).find((x) => x.id === channelId);
    if (!c || !c.enabled || !relayTargets(c.config).includes(device)) {
      throw refused('channel_unknown', `This hub does not relay channel ${channelId} to this computer. Ask IT to add its fingerprint to the channel's relayTo setting.`);
    }
    return c;
  };

  const settledView = (row: RelayReplyRow & { createdAt?: number }): ReplyResponse => {
    if (row.state === 'sending' && row.createdAt !== undefined && d.now() - row.createdAt > SENDING_STALE_MS) {
      return { outboxId: row.outboxId, state: 'unknown', reason: 'The hub stopped while sending this reply; it may or may not have reached the customer.' };
    }
    return { outboxId: row.outboxId, state: row.state, ...(row.platformMessageId ? { platformMessageId: row.platformMessageId } : {}), ...(row.at !== undefined ? { at: row.at } : {}), ...(row.reason ? { reason: row.reason } : {}) };
  };

  return [
    {
      method: 'POST',
      path: new RegExp(`^${api}\\/session\\/challenge$`),
      permission: null,
      handle: async ({ body }) => {
        const { fingerprint } = parse(challengeRequest, body);
        const device = await d.store.device(fingerprint);
        if (!device || device.revoked) {
          await d.store.audit({ actor: `device:${fingerprint}`, device: fingerprint, action: 'relay.signin_refused', details: { why: 'not enrolled' } });
          throw refused('not_enrolled', 'This computer is not enrolled with the hub. Ask IT to enrol its device fingerprint (diwan hub device enrol).');
        }
        const nonce = crypto.randomBytes(24).toString('base64url');
        const expiresAt = d.now() + 60_000;
        await d.store.createChallenge(fingerprint, nonce, expiresAt);
        return { nonce, expiresAt };
      },
    },
    {
      method: 'POST',
      path: new RegExp(`^${api}\\/session$`),
      permission: null,
      handle: async ({ body }) => {
        const s = parse(sessionRequest, body);
        const device = await d.store.device(s.fingerprint);
        const refuse = async (code: string, why: string, sentence: string) => {
          await d.store.audit({ actor: `device:${s.fingerprint}`, device: s.fingerprint, action: 'relay.signin_refused', details: { why } });
          return refused(code, sentence);
        };
        if (!device || device.revoked) throw await refuse('not_enrolled', 'not enrolled', 'This computer is not enrolled with the hub. Ask IT to enrol its device fingerprint.');
        const fresh = await d.store.takeChallenge(s.fingerprint, s.nonce);
        if (Math.abs(d.now() - s.timestamp) > PROOF_SKEW_MS) throw await refuse('clock_skew', 'clock', "This computer's clock is too far from the hub's; fix the time and try again.");
        if (!fresh || !verifyEd25519(device.publicKey, deviceAuthMessage(s.nonce, s.timestamp, s.fingerprint), s.signature)) {
          throw await refuse('bad_signature', 'device signature', 'This computer could not prove its enrolled key on a fresh challenge. Try again; if it keeps failing ask IT to check its enrolment.');
        }
        const token = crypto.randomBytes(32).toString('base64url');
        const expiresAt = d.now() + SESSION_MS;
        await r.queue.openSession(hashToken(token), s.fingerprint, expiresAt);
        return { token, expiresAt };
      },
    },
    {
      method: 'GET',
      path: channelPath('events'),
      permission: null,
      handle: async (c) => {
        const device = await deviceOf(c);
        const channelId = c.params[0]!;
        await relayedTo(channelId, device);
        const after = Number(c.query.get('after') ?? '0');
        if (!Number.isSafeInteger(after) || after < 0) throw refused('bad_request', 'after must be the last event sequence number this computer stored.');
        const waitMs = Math.min(MAX_WAIT_SECONDS, Math.max(0, Number(c.query.get('wait') ?? '0') || 0)) * 1000;
        const limit = Math.min(MAX_EVENTS, Math.max(1, Math.trunc(Number(c.query.get('limit') ?? '100')) || 100));
        // The console went away: stop waiting for it.
        const gone = new AbortController();
        c.res.once('close', () => gone.abort());
        const deadline = d.now() + waitMs;
        for (let look = 0; ; look++) {
          const batch = await r.queue.take(channelId, device, after, limit, { noteCollected: look === 0 });
          const left = deadline - d.now();
          if (batch.events.length || left <= 0 || gone.signal.aborted || r.bell.closed) return batch;
          await r.bell.wait(Math.min(RECHECK_MS, left), gone.signal);
        }
      },
    },
    {
      method: 'POST',
      path: channelPath('replies'),
      permission: null,
      handle: async (c) => {
        const device = await deviceOf(c);
        const channelId = c.params[0]!;
        await relayedTo(channelId, device);
        const b = parse(replyRequest, c.body);
        if (!(await r.queue.claimReply(channelId, b.outboxId, device))) {
          const known = await r.queue.reply(channelId, b.outboxId, device);
          if (!known) throw refused('conflict', 'Another computer already used this reply id.');
          return settledView(known);
        }
        let row: RelayReplyRow;
        try {
          const sent = await r.send(
            channelId,
            { outboxId: b.outboxId, messageId: b.outboxId, channelId, platformConversationId: b.platformConversationId, text: b.text, attempts: 1, ...(b.options ? { options: b.options } : {}) },
            AbortSignal.timeout(SEND_TIMEOUT_MS),
          );
          row = { outboxId: b.outboxId, state: 'sent', platformMessageId: sent.platformMessageId, at: sent.at };
        } catch (e) {
          if (isConnectorError(e) && e.sent === 'no' && e.retryable) {
            // Not sent: the claim is given back, so the console's next try sends it (still once).
            await r.queue.releaseReply(channelId, b.outboxId, device);
            return { outboxId: b.outboxId, state: 'queued', retryAt: d.now() + Math.max(1_000, e.retryAfterMs ?? 5_000) } satisfies ReplyResponse;
          }
          const reason = e instanceof DiwanError ? e.message.slice(0, 2000) : 'The hub could not send this reply.';
          row = { outboxId: b.outboxId, state: isConnectorError(e) && e.sent !== 'no' ? 'unknown' : 'failed', reason };
        }
        await r.queue.settleReply(channelId, row, device);
        return settledView(row);
      },
    },
    {
      method: 'GET',
      path: channelPath('replies\\/([^/]{1,256})'),
      permission: null,
      handle: async (c) => {
        const device = await deviceOf(c);
        const channelId = c.params[0]!;
        await relayedTo(channelId, device);
        const outboxId = decodeURIComponent(c.params[1]!);
        const waitMs = Math.min(MAX_WAIT_SECONDS, Math.max(0, Number(c.query.get('wait') ?? '0') || 0)) * 1000;
        const deadline = d.now() + waitMs;
        const gone = new AbortController();
        c.res.once('close', () => gone.abort());
        for (;;) {
          const known = await r.queue.reply(channelId, outboxId, device);
          if (!known) throw refused('reply_unknown', 'The hub has no reply with this id from this computer.');
          const view = settledView(known);
          const left = deadline - d.now();
          if (view.state !== 'sending' || left <= 0 || gone.signal.aborted || r.bell.closed) return view;
          await r.bell.wait(Math.min(RECHECK_MS, left), gone.signal);
        }
      },
    },
  ];
}
