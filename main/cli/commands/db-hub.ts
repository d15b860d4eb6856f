import fs from 'node:fs';
import path from 'node:path';
import { APP_VERSION, settleEmbeddedMode } from '../../core/app';
import { DiwanError } from '../../core/shared/errors';
import { ArchiveReader } from '../../core/store/backup-archive';
import { DEFAULT_SERVICE, loadOsKeychain, Vault } from '../../core/vault';
import { backupEmbeddedHub, hubDatabaseOf, restoreEmbeddedHub } from '../../hub/folder-backup';
import { HubStore, sqliteExecutor } from '../../hub/store';
import { auditFolderCommand } from '../../hub/store/folder-backup';
import { hasFlag, type CliIo } from '../command';
import { takeLastStdinLine } from '../stdin-lines';
import { dataDirFor } from '../context';
import { requireHubAdministrator } from '../hub-admin-gate';

/** `diwan db backup|restore|rotate-key` in a data folder that runs the built-in team hub. */

export function folderVault(io: CliIo): Vault {
  return new Vault(loadOsKeychain(), io.env.DIWAN_KEYCHAIN_SERVICE ?? DEFAULT_SERVICE);
}

export async function backupHubFolder(args: string[], io: CliIo, out: string, readPassphrase: () => Promise<string | undefined>): Promise<number> {
  const dataDir = dataDirFor(args, io);
  const file = hubDatabaseOf(dataDir);
  if (!fs.existsSync(file)) throw new DiwanError('embedded_hub_missing', `This data folder is in hub mode but has no hub database yet (${file}); there is nothing to back up.`);
  const vault = folderVault(io);
  const store = new HubStore(sqliteExecutor(file), Date.now);
  let admin: { username: string; device: string };
  try {
    admin = await requireHubAdministrator(store, args, io, 'db backup', { vault, secret: (n) => vault.get(`hub:${n}`), now: Date.now });
  } finally {
    await store.close();
  }
  const passphrase = await readPassphrase();
  const r = await backupEmbeddedHub({ dataDir, vault, out, passphrase, appVersion: APP_VERSION, now: Date.now() });
  await withHubStore(file, (s) => auditFolderCommand(s, { actor: admin.username, device: admin.device }, 'folder.backed_up', { files: r.files, keysInside: r.secrets, passphrase: passphrase !== undefined }));
  io.stdout.write(
    `Backup of the built-in team hub written to ${r.file} (${r.bytes} bytes, ${r.files} files, ${
      passphrase === undefined ? "archive key and the hub's keys in this machine's keychain" : `passphrase-protected, with the hub's ${r.secrets} keychain entries inside`
    }).\n`,
  );
  return 0;
}

/**
 * Whether an archive holds a built-in hub, read from its header alone (the restore authenticates it). A file that
 * cannot be read or is no archive goes the single-seat way, which signs in first and then says what is wrong.
 */
export function isHubArchive(archive: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(archive, 'r');
  } catch {
    return false;
  }
  try {
    return new ArchiveReader(fd).header.content === 'embedded-hub';
  } catch {
    return false;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A built-in hub archive into this data folder: signed in as an administrator of the hub being replaced or, in a
 * folder without one, of the archive's own hub (checked on the verified copy before anything is replaced).
 */
export async function restoreHubFolder(args: string[], io: CliIo, archive: string, readPassphrase: () => Promise<string | undefined>, mode: 'hub' | 'store' | null): Promise<number> {
  const dataDir = dataDirFor(args, io);
  if (mode === 'store') {
    throw new DiwanError(
      'backup_other_content',
      `This archive holds a built-in team hub, but this data folder runs the single-seat store (${path.join(dataDir, 'embedded-mode.json')}, or its people in the single-seat database). Restore into a new data folder (--data-dir), or switch this one to the hub first (DIWAN_EMBEDDED=hub). Nothing was changed.`,
    );
  }
  const vault = folderVault(io);
  const current = hubDatabaseOf(dataDir);
  let admin: { username: string; device: string } | null = null;
  if (await hasPeople(current)) {
    admin = await withHubStore(current, (s) => requireHubAdministrator(s, args, io, 'db restore', { vault, secret: (n) => vault.get(`hub:${n}`), now: Date.now }));
  }
  // stdin: password, [code,] passphrase — with no hub here, the sign-in waits for the archive's people.
  const passphrase = !admin && hasFlag(args, '--passphrase-stdin') ? await takeLastStdinLine(io) : await readPassphrase();
  const r = await restoreEmbeddedHub({
    dataDir,
    archive,
    vault,
    passphrase,
    now: Date.now(),
    async beforeSwap(restored, secret) {
      const by = admin ?? (await requireHubAdministrator(restored, args, io, 'db restore', { vault, secret, now: Date.now }));
      await auditFolderCommand(restored, { actor: by.username, device: by.device }, 'folder.restored', { archive: path.basename(archive) });
    },
  });
  settleEmbeddedMode(dataDir, 'hub');
  io.stdout.write(`Restored the built-in team hub into ${r.folder} (schema ${r.schemaVersion}, audit trail intact with ${r.auditEntries} entries).\n`);
  if (r.secretsRestored) io.stdout.write(`Added ${r.secretsRestored} of the hub's keys to this keychain (service "${vault.service}").\n`);
  io.stdout.write(r.previous ? `The previous hub folder was kept as ${r.previous}.\n` : 'There was no previous hub folder.\n');
  return 0;
}

/** Nothing to rotate: originals are sealed to the embedded custodian's key epochs, which turn over on their own. */
export function rotateKeyInHubFolder(): never {
  throw new DiwanError(
    'embedded_hub_mode',
    'This data folder runs the built-in team hub: its originals are not under a data key but sealed to its custodian\'s key of the current period (a new key pair every month, made by itself), so there is nothing for `diwan db rotate-key` to rotate and nothing was changed. ' +
      'Destroying a past period\'s key for good is a team hub custodian\'s step (`diwan custodian shred --epoch N --config FILE`); the built-in hub keeps its past keys, so its originals stay revealable.',
  );
}

/** A current hub database with people in it signs the restore in; a missing, empty or unreadable one leaves that to the archive's. */
async function hasPeople(file: string): Promise<boolean> {
  if (!fs.existsSync(file)) return false;
  try {
    return await withHubStore(file, async (s) => (await s.userCount()) > 0);
  } catch {
    return false;
  }
}

async function withHubStore<T>(file: string, fn: (s: HubStore) => Promise<T>): Promise<T> {
  const s = new HubStore(sqliteExecutor(file), Date.now);
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}
