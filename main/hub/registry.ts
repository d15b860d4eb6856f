import { connectorRegistry, type Connector, type ConnectorRegistry } from '../core/connectors';
import { DiwanError } from '../core/shared/errors';

/**
 * The connectors the hub runs on the node holding each channel's lease. Telegram is polled; WhatsApp is webhook-only
 * anyway; Messenger and Instagram keep polling the Conversations API as a fallback beside their webhooks (both paths
 * give the same ids, so what arrives twice is stored once). X takes its inbound from Account Activity webhooks only:
 * polling would rotate its refresh token, which the hub's read-only secrets cannot store. E-mail runs as in a console
 * (IMAP IDLE or polling, SMTP), its UIDVALIDITY+UID cursor stored with the messages by the hub's ingest.
 */
export const hubRegistry: ConnectorRegistry = {
  ...connectorRegistry,
  x: (ctx) => pushOnly(connectorRegistry.x(ctx)),
  demo: () => notOnHub('demo'),
};

function pushOnly(c: Connector): Connector {
  return {
    channelId: c.channelId,
    kind: c.kind,
    start: (signal) => c.start(signal),
    stop: () => c.stop(),
    ...(c.acceptPush ? { acceptPush: (payload: unknown) => c.acceptPush!(payload) } : {}),
    send: (item, signal) => c.send(item, signal),
    // A DM's media, fetched with the channel's token (refreshed and saved like any other use of it).
    ...(c.fetchAttachment ? { fetchAttachment: (ref: string, signal: AbortSignal) => c.fetchAttachment!(ref, signal) } : {}),
  };
}

function notOnHub(kind: string): never {
  throw new DiwanError('hub_kind_unsupported', `The hub does not run ${kind} channels; consoles connect to them directly.`);
}
