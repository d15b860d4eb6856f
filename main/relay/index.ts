export { startRelay, RELAY_DATABASE_FILE, type RelayOptions, type RunningRelay } from './server';
export { loadRelayConfig, parseRelayConfig, type RelayConfig } from './config';
export { chooseRelaySecrets, CredentialsDirSecrets, KeychainRelaySecrets, secretNames, type RelaySecrets } from './secrets';
export { createRelayCertificate } from './tls';
export { TokenBucketFloodGate, type EdgeFloodGate } from './flood';
export type { HealthSnapshot } from './health';
