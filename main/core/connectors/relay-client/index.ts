export { RelayConnector } from './connector';
export { RelayLink, type DeviceSigner, type RelayLinkOptions } from './link';
export { relayNotConfigured, withRelay } from './registry';
export * as relayProtocol from './protocol';
