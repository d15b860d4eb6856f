export { startHubNode, openHubStore, stderrHubLog, type RunningHub, type HubHealth, type HubNodeOptions } from './node';
export { loadHubConfig, parseHubConfig, hubConfigSchema, type HubConfig } from './config';
export { HubAccounts, hashToken } from './accounts';
export { OriginalsSealer } from './sealing';
export * from './store';
export { chooseHubSecrets, CredentialsDirSecrets, KeychainHubSecrets, secretNames, type HubSecrets } from './secrets';
export { createHubCertificate } from './tls';
export { TokenBucketFloodGate, type EdgeFloodGate, type FloodHold } from './flood';
