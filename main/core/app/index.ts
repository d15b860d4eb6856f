export { ConsoleLock, type LockChange, type LockReason } from './lock';
export type { NetworkOptions } from './network';
export { DATABASE_FILE, EMBEDDED_HUB_DATABASE, EMBEDDED_HUB_DIR, EMBEDDED_MODE_FILE } from './data-folder';
export { openCore, restoreDatabase, type Core, type CoreOptions, type AppStatus, type EmbeddedHubStarter } from './core';
export { APP_NAME, APP_VERSION } from './version';
export { GuardScreen, inboundRules } from './inbound-screen';
export { ReplyApprovals, type ApprovalRequest, type ApprovalState } from './reply-approvals';
export type { PhishingDrillRunner } from './phishing-drills';
export { embeddedModeFromEnv, embeddedModeOf, settleEmbeddedMode, NEW_FOLDER_MODE, EMBEDDED_MODES, type EmbeddedHub, type EmbeddedHubStart, type EmbeddedMode } from './embedded-hub';
