import fs from 'node:fs';
import path from 'node:path';
import { DiwanError } from '../shared/errors';
import type { RelayLink } from '../connectors/relay-client';
import type { Clock } from '../shared/ports';
import type { Vault } from '../vault';
import { singleSeatHoldsData } from '../store';
import { DATABASE_FILE, EMBEDDED_HUB_DATABASE, EMBEDDED_HUB_DIR, EMBEDDED_MODE_FILE } from './data-folder';

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
  /**
   * The people the console's signed IT policy names for a privileged role (`privilegedUserKey`), read at each grant:
   * the embedded hub gives a lead, administrator or auditor role on one administrator's word only to them, and asks a
   * second administrator for anyone else, as the single seat does (`roleGrantAuthority`).
   */
  privilegedUsers: () => ReadonlySet<string>;
  /**
   * The relay the signed policy names, as this console would use it (its device key, the policy's url and pin, a new
   * link when the policy changes), or null: the embedded hub serves `settings.via = "relay"` channels through it.
   */
  relayLink: () => RelayLink | null;
}



/**
 * The one rule for a data folder's mode with no hub in the policy. What the caller asks for (`DIWAN_EMBEDDED`) wins;
 * otherwise the mode written before (`embedded-mode.json`); otherwise the folder decides: one holding the embedded
 * hub's database is `hub`, one holding single-seat data (`singleSeatHoldsData`: people, channels or conversations,
 * or a database that cannot be read) stays `store`, and an empty or missing folder — including one where only
 * `diwan status` ran — is a new install and runs `hub`, the default. Reads only; `settleEmbeddedMode` writes it down.
 */
export function embeddedModeOf(dataDir: string, requested?: EmbeddedMode): EmbeddedMode {
  if (requested !== undefined && !EMBEDDED_MODES.includes(requested)) {
    throw new DiwanError('embedded_mode_invalid', `"${String(requested)}" is not a mode; choose ${EMBEDDED_MODES.join(' or ')}.`);
  }
  const written = readMode(path.join(dataDir, EMBEDDED_MODE_FILE));
  if (requested) return requested;
  if (written) return written;
  if (fs.existsSync(path.join(dataDir, EMBEDDED_HUB_DIR, EMBEDDED_HUB_DATABASE))) return 'hub';
  return singleSeatHoldsData(path.join(dataDir, DATABASE_FILE)) ? 'store' : NEW_FOLDER_MODE;
}

/** What a new data folder runs: the team hub's code in the console (issue 16, item 4). */
export const NEW_FOLDER_MODE: EmbeddedMode = 'hub';

/**
 * `embeddedModeOf`, written to `embedded-mode.json` when the file does not say it yet, so the folder keeps this mode
 * at every later start (a folder that ran single-seat never flips to the hub by itself). The console's start calls
 * this; the command line reads only. Written beside and renamed, so a crash never leaves half of it.
 */
export function settleEmbeddedMode(dataDir: string, requested?: EmbeddedMode): EmbeddedMode {
  const mode = embeddedModeOf(dataDir, requested);
  const file = path.join(dataDir, EMBEDDED_MODE_FILE);
  if (readMode(file) !== mode) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(`${file}.tmp`, `${JSON.stringify({ embedded: mode })}\n`, { mode: 0o600 });
    fs.renameSync(`${file}.tmp`, file);
  }
  return mode;
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
  throw new DiwanError('embedded_mode_invalid', `${file} should say {"embedded": "hub"} or {"embedded": "store"}; fix or delete it (deleting keeps the data; Diwan then chooses again from what the folder holds).`);
}

/** Reads `DIWAN_EMBEDDED` for the shell and the CLI: unset means "keep the data folder's mode". */
export function embeddedModeFromEnv(value: string | undefined): EmbeddedMode | undefined {
  if (value === undefined || value === '') return undefined;
  if (!EMBEDDED_MODES.includes(value as EmbeddedMode)) throw new DiwanError('embedded_mode_invalid', `DIWAN_EMBEDDED is "${value}"; set it to ${EMBEDDED_MODES.join(' or ')}, or leave it unset.`);
  return value as EmbeddedMode;
}
