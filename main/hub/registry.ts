import { connectorRegistry, type ConnectorRegistry } from '../core/connectors';
import { DiwanError } from '../core/shared/errors';

/**
 * The connectors the hub runs on the node holding each channel's lease — the console's own, so a channel behaves the
 * same at the hub as on a single seat. Telegram is polled; WhatsApp is webhook-only anyway; Messenger, Instagram and X
 * poll (the Conversations API, `dm_events`) beside their webhooks (both paths give the same ids, so what arrives
 * twice is stored once), their cursor stored with the messages by the hub's ingest; X's rotated refresh token is saved
 * with a compare-and-set (`channel-secrets.ts`). E-mail runs as in a console (IMAP IDLE or polling, SMTP).
 */
export const hubRegistry: ConnectorRegistry = {
  ...connectorRegistry,
  demo: () => notOnHub('demo'),
};

function notOnHub(kind: string): never {
  throw new DiwanError('hub_kind_unsupported', `The hub does not run ${kind} channels; consoles connect to them directly.`);
}
