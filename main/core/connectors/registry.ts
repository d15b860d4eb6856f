import type { ConnectorContext } from './context';
import { DemoConnector } from './demo';
import { EmailConnector } from './email';
import { MetaConnector } from './meta';
import { TelegramConnector } from './telegram';
import type { ChannelKind, Connector } from './types';
import { WhatsAppConnector } from './whatsapp';
import { XConnector } from './x';

export type ConnectorFactory = (ctx: ConnectorContext) => Connector;
export type ConnectorRegistry = Record<ChannelKind, ConnectorFactory>;

/** Every channel kind Diwan speaks: one line each. */
export const connectorRegistry: ConnectorRegistry = {
  telegram: (ctx) => new TelegramConnector(ctx),
  x: (ctx) => new XConnector(ctx),
  messenger: (ctx) => new MetaConnector(ctx, 'messenger'),
  instagram: (ctx) => new MetaConnector(ctx, 'instagram'),
  whatsapp: (ctx) => new WhatsAppConnector(ctx),
  email: (ctx) => new EmailConnector(ctx),
  demo: (ctx) => new DemoConnector(ctx),
};
