export { RelayConnector } from './connector';
export { RelayLink, spkiPin, type DeviceSigner, type RelayLinkOptions } from './link';
export { withRelay } from './registry';
export * as relayProtocol from './protocol';
