export { ConsoleLock, type LockChange, type LockReason } from './lock';
export type { NetworkOptions } from './network';
export { openCore, restoreDatabase, DATABASE_FILE, type Core, type CoreOptions, type AppStatus, type EmbeddedHubStarter } from './core';
export { APP_NAME, APP_VERSION } from './version';
export { ReplyApprovals, type ApprovalRequest, type ApprovalState } from './reply-approvals';
export type { PhishingDrillRunner } from './phishing-drills';
export { embeddedModeFromEnv, embeddedModeOf, EMBEDDED_MODE_FILE, EMBEDDED_MODES, type EmbeddedHub, type EmbeddedHubStart, type EmbeddedMode } from './embedded-hub';
