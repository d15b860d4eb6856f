export { openCore, restoreDatabase, DATABASE_FILE, type Core, type CoreOptions, type AppStatus } from './core';
export { APP_NAME, APP_VERSION } from './version';
