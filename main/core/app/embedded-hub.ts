import fs from 'node:fs';
import path from 'node:path';
import { DiwanError } from '../shared/errors';
import type { Clock } from '../shared/ports';
import type { Vault } from '../vault';

/**
 * What a console with no hub configured runs: `store`, the single-seat database of `main/core/store` (the legacy
 * mode), or `hub`, the team hub's own code in this process on SQLite, with this console following it like any team
 * console. The core never imports the hub: the composition root (the Electron shell, the test bridge, the CLI)
 * passes a starter (`main/hub/embedded.ts`) through this port.
 */
export type EmbeddedMode = 'hub' | 'store';
export const EMBEDDED_MODES: readonly EmbeddedMode[] = ['hub', 'store'];

/** The hub this console started for itself. */
export interface EmbeddedHub {
  /** Loopback address and the pin of the certificate made for it on first start. */
  readonly url: string;
  readonly pin: string;
  /** True until the first person is made administrator (the first run's set-up). */
  needsAdmin(): Promise<boolean>;
  /** The first run's set-up: the first person is the administrator; refused once anyone exists. */
  createFirstAdmin(input: { username: string; displayName: string; password: string }): Promise<void>;
  close(): Promise<void>;
}

export interface EmbeddedHubStart {
  dataDir: string;
  /** The console's keychain: the hub's keys live beside the console's own (accounts `hub:<name>`). */
  vault: Vault;
  /** This console's device key (public side): enrolled at its own hub without IT, since it is one machine. */
  device: { fingerprint: string; publicKeyPem: string };
  clock: Clock;
  log: (line: string) => void;
}


export const EMBEDDED_MODE_FILE = 'embedded-mode.json';
const MODE_FILE = EMBEDDED_MODE_FILE;

/**
 * The data folder's mode: what the caller asks for wins and is written down; otherwise the one written before;
 * otherwise `fallback` (new folders). The file is written beside and renamed, so a crash never leaves half of it.
 */
export function embeddedModeOf(dataDir: string, requested: EmbeddedMode | undefined, fallback: EmbeddedMode): EmbeddedMode {
  const file = path.join(dataDir, MODE_FILE);
  if (requested) {
    if (!EMBEDDED_MODES.includes(requested)) throw new DiwanError('embedded_mode_invalid', `"${String(requested)}" is not a mode; choose ${EMBEDDED_MODES.join(' or ')}.`);
    if (readMode(file) !== requested) {
      fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      fs.writeFileSync(`${file}.tmp`, `${JSON.stringify({ embedded: requested })}\n`, { mode: 0o600 });
      fs.renameSync(`${file}.tmp`, file);
    }
    return requested;
  }
  return readMode(file) ?? fallback;
}

function readMode(file: string): EmbeddedMode | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new DiwanError('embedded_mode_unreadable', `Diwan cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  try {
    const mode = (JSON.parse(text) as { embedded?: unknown }).embedded;
    if (EMBEDDED_MODES.includes(mode as EmbeddedMode)) return mode as EmbeddedMode;
  } catch {
    // falls through to the sentence below
  }
  throw new DiwanError('embedded_mode_invalid', `${file} should say {"embedded": "hub"} or {"embedded": "store"}; fix or delete it (deleting keeps the data and starts in the default mode).`);
}

/** Reads `DIWAN_EMBEDDED` for the shell and the CLI: unset means "keep the data folder's mode". */
export function embeddedModeFromEnv(value: string | undefined): EmbeddedMode | undefined {
  if (value === undefined || value === '') return undefined;
  if (!EMBEDDED_MODES.includes(value as EmbeddedMode)) throw new DiwanError('embedded_mode_invalid', `DIWAN_EMBEDDED is "${value}"; set it to ${EMBEDDED_MODES.join(' or ')}, or leave it unset.`);
  return value as EmbeddedMode;
}
