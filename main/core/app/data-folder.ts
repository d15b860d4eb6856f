/** Where a console's data folder keeps what (one copy of the names the core, the embedded hub and the CLI share). */

/** The single-seat database. */
export const DATABASE_FILE = 'diwan.sqlite';
/** The embedded hub's folder and its database inside it (`main/hub/embedded.ts`). */
export const EMBEDDED_HUB_DIR = 'hub';
export const EMBEDDED_HUB_DATABASE = 'hub.sqlite';
/** The folder's mode with no hub in the policy (`embedded-hub.ts`). */
export const EMBEDDED_MODE_FILE = 'embedded-mode.json';
