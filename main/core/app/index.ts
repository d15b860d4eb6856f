export { openCore, DATABASE_FILE, type Core, type CoreOptions, type AppStatus } from './core';
export { ConsoleLock, type LockChange, type LockReason } from './lock';
export type { NetworkOptions } from './network';
export { APP_NAME, APP_VERSION } from './version';
