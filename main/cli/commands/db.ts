import fs from 'node:fs';
import path from 'node:path';
import { restoreDatabase, type Core } from '../../core/app';
import type { RetentionMode } from '../../core/store';
import { DiwanError } from '../../core/shared/errors';
import { flagValue, hasFlag, type CliIo, type Command } from '../command';
import { exportGrant, requireAdministrator } from '../admin-gate';
import { dataDirFor, embeddedHubDatabaseOf, folderModeOf, openCoreFor, refuseInHubMode, singleSeatInUse } from '../context';
import { contactRefOf, embeddedHubDataCommand } from './customer-data';
import { backupHubFolder, isHubArchive, restoreHubFolder, rotateKeyInHubFolder } from './db-hub';
import { restOfStdin } from '../stdin-lines';

const ADMIN = `
  backup, restore, rotate-key, erase and export need an administrator: --admin NAME, with the password on the first
  line of stdin (then the 6-digit code when two-step sign-in is on; then a --passphrase-stdin passphrase). Inside the
  office network when IT's policy is in force; audited before they act.`;
const USAGE = `diwan db <subcommand> [options] [--data-dir DIR]

  backup  --out FILE [--passphrase-file F | --passphrase-stdin]
          Online backup into an encrypted archive. Without a passphrase the archive key stays in this machine's
          keychain; with one (12+ characters) the archive can be restored on another machine. In a folder that runs
          the built-in team hub: its database, custodian key files, log, policy and certificate (and, with a
          passphrase, the hub's keychain entries).
  restore ARCHIVE [--passphrase-file F | --passphrase-stdin]
          Verify the archive, then replace the database (or the built-in hub's folder); the previous one is kept
          aside. Quit the console first (refused while it runs the folder's built-in hub).
  rotate-key [--batch N]
          Re-encrypt every original under a new data key, in batches; run again to resume if it was stopped.
          (A built-in hub's originals are sealed to custody epochs instead: nothing to rotate.)
  retention [--channel ID --mode keep|originals|all [--days N]]
          Set a channel's retention policy, or (without options) apply every channel's policy now.
  erase   (--contact ID | --channel ID --user PLATFORM_USER_ID) --yes
          Erase everything kept about one customer; an audit entry records that it happened.
  export  (--contact ID | --channel ID --user PLATFORM_USER_ID) --out FILE
          Write one customer's data, originals included, as JSON to a new file.

  In a data folder that runs the built-in team hub, retention, erase and export work on the hub's data, with an
  administrator of that hub (--admin NAME, password then code on stdin); its export is masked text.
${ADMIN}`;

const VALUE_FLAGS = ['--data-dir', '--passphrase-file', '--admin'];

export const dbCommand: Command = {
  name: 'db',
  summary: 'database: backup, restore, rotate-key, retention, erase, export',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    // A data folder running the embedded team hub: retention, erase and export work on the hub's store.
    const hubDatabase = sub === 'retention' || sub === 'erase' || sub === 'export' ? embeddedHubDatabaseOf(rest, io) : null;
    if (hubDatabase) return embeddedHubDataCommand(sub as 'retention' | 'erase' | 'export', rest, io, hubDatabase);
    const inHub = embeddedHubDatabaseOf(rest, io) !== null;
    if (sub === 'backup' && inHub) return backupHubFolder(rest, io, required(rest, '--out', 'Say where to write the archive: --out FILE.'), () => readPassphrase(rest, io));
    if (sub === 'restore') return restore(rest, io);
    if (sub === 'rotate-key' && inHub) rotateKeyInHubFolder();
    if (sub) {
      refuseInHubMode(
        rest,
        io,
        `diwan db ${sub}`,
        'Nothing was changed. Back it up with `diwan db backup`, or move the team onto a hub on PostgreSQL and use its backups (IT guide).',
      );
    }
    switch (sub) {
      case 'backup':
        return backup(rest, io);
      case 'restore':
        return restore(rest, io);
      case 'rotate-key':
        return rotateKey(rest, io);
      case 'retention':
        return retention(rest, io);
      case 'erase':
        return erase(rest, io);
      case 'export':
        return exportCustomer(rest, io);
      default:
        io.stderr.write(`diwan db: ${sub ? `unknown subcommand "${sub}"` : 'a subcommand is needed'}.\n\n${USAGE}\n`);
        return 2;
    }
  },
};

async function backup(args: string[], io: CliIo): Promise<number> {
  const out = required(args, '--out', 'Say where to write the archive: --out FILE.');
  const core = await openCoreFor(args, io);
  try {
    await requireAdministrator(core, args, io, 'db backup');
    const passphrase = await readPassphrase(args, io);
    const r = await core.store.backup(out, passphrase === undefined ? undefined : { passphrase });
    io.stdout.write(`Backup written to ${r.file} (${r.bytes} bytes, ${passphrase === undefined ? "key in this machine's keychain" : 'passphrase-protected'}).\n`);
    return 0;
  } finally {
    await closeFlushed(core);
  }
}

async function restore(args: string[], io: CliIo): Promise<number> {
  const archive = args.find((a, i) => !a.startsWith('-') && !VALUE_FLAGS.includes(args[i - 1] ?? ''));
  if (!archive) throw new DiwanError('cli_missing_archive', 'Name the archive to restore: diwan db restore ARCHIVE.');
  // The archive says what it holds: a built-in hub goes into a hub folder (a new folder becomes one).
  if (isHubArchive(archive)) return restoreHubFolder(args, io, archive, () => readPassphrase(args, io), folderModeOf(args, io) ?? ((await singleSeatInUse(args, io)) ? 'store' : null));
  refuseInHubMode(args, io, 'diwan db restore', `${archive} is not an archive of a built-in hub (a single-seat archive, or not a readable archive); restore a single-seat archive into a single-seat data folder (--data-dir). Nothing was changed.`);
  const core = await openCoreFor(args, io);
  try {
    await requireAdministrator(core, args, io, 'db restore');
  } finally {
    await closeFlushed(core);
  }
  const passphrase = await readPassphrase(args, io);
  const r = await restoreDatabase({ dataDir: dataDirFor(args, io), archive, passphrase, keychainService: io.env.DIWAN_KEYCHAIN_SERVICE });
  io.stdout.write(`Restored ${r.databaseFile} (schema ${r.schemaVersion}).\n`);
  io.stdout.write(r.previous ? `The previous database was kept as ${r.previous}.\n` : 'There was no previous database.\n');
  return 0;
}

async function rotateKey(args: string[], io: CliIo): Promise<number> {
  const batchSize = intFlag(args, '--batch') ?? 1000;
  const core = await openCoreFor(args, io);
  try {
    await requireAdministrator(core, args, io, 'db rotate-key');
    const r = await core.store.rotateKey({
      batchSize,
      onProgress: (p) => io.stdout.write(`  ${p.table}: ${p.reencrypted} re-encrypted\n`),
    });
    io.stdout.write(`${r.resumed ? 'Finished the interrupted rotation' : 'Rotated the data key'}: now version ${r.version}, ${r.reencrypted} originals re-encrypted.\n`);
    return 0;
  } finally {
    await closeFlushed(core);
  }
}

async function retention(args: string[], io: CliIo): Promise<number> {
  const core = await openCoreFor(args, io);
  try {
    const channel = flagValue(args, '--channel');
    if (channel !== undefined) {
      const mode = flagValue(args, '--mode') as RetentionMode | undefined;
      if (mode !== 'keep' && mode !== 'originals' && mode !== 'all') {
        throw new DiwanError('cli_bad_mode', 'Give the policy: --mode keep, --mode originals or --mode all.');
      }
      const c = core.store.channels.setRetention(channel, mode, intFlag(args, '--days') ?? null);
      io.stdout.write(`Channel ${c.id}: ${c.retention.mode}${c.retention.days ? ` after ${c.retention.days} days` : ''}.\n`);
      return 0;
    }
    const results = core.store.runRetention();
    if (!results.length) io.stdout.write('No channel has a retention policy; nothing to do.\n');
    for (const r of results) {
      io.stdout.write(
        r.mode === 'originals'
          ? `${r.channelId}: ${r.originalsCleared} originals deleted (masked transcript kept).\n`
          : `${r.channelId}: ${r.messagesDeleted} messages and ${r.conversationsDeleted} conversations deleted.\n`,
      );
    }
    return 0;
  } finally {
    core.close();
  }
}

async function erase(args: string[], io: CliIo): Promise<number> {
  if (!hasFlag(args, '--yes')) throw new DiwanError('cli_confirm', 'Erasing a customer cannot be undone: add --yes to confirm.');
  const core = await openCoreFor(args, io);
  try {
    const admin = await requireAdministrator(core, args, io, 'db erase');
    const r = core.store.subjects.erase(contactRefOf(args), `cli:${admin}`);
    io.stdout.write(`Erased contact ${r.contactId}: ${r.conversations} conversations, ${r.messages} messages.\n`);
    return 0;
  } finally {
    await closeFlushed(core);
  }
}

async function exportCustomer(args: string[], io: CliIo): Promise<number> {
  const out = path.resolve(required(args, '--out', 'Say where to write the export: --out FILE.'));
  const core = await openCoreFor(args, io);
  try {
    const admin = await requireAdministrator(core, args, io, 'db export');
    const data = core.store.subjects.export(contactRefOf(args), `cli:${admin}`, exportGrant(core, admin, 'data subject export'));
    try {
      fs.writeFileSync(out, JSON.stringify(data, null, 2) + '\n', { flag: 'wx', mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new DiwanError('cli_exists', `${out} already exists; choose a new file name.`);
      throw new DiwanError('cli_write', `Cannot write ${out} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
    io.stdout.write(`Exported contact ${data.contact.id} to ${out}.\n`);
    return 0;
  } finally {
    await closeFlushed(core);
  }
}

/** Every audit entry the command made is written before the process may exit. */
async function closeFlushed(core: Core): Promise<void> {
  try {
    await core.auditTrail.flush();
  } finally {
    core.close();
  }
}

function required(args: string[], flag: string, why: string): string {
  const v = flagValue(args, flag);
  if (!v) throw new DiwanError('cli_missing_option', why);
  return v;
}

function intFlag(args: string[], flag: string): number | undefined {
  const v = flagValue(args, flag);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new DiwanError('cli_bad_number', `${flag} takes a whole number, at least 1.`);
  return Number(v);
}

/** A passphrase never comes from the command line itself (other users can see it in the process list). */
async function readPassphrase(args: string[], io: CliIo): Promise<string | undefined> {
  const file = flagValue(args, '--passphrase-file');
  let text: string | undefined;
  if (file !== undefined) {
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new DiwanError('cli_passphrase_file', `Cannot read the passphrase file ${file}.`);
    }
  } else if (hasFlag(args, '--passphrase-stdin')) {
    // After the administrator's sign-in lines (password, and code when asked).
    text = await restOfStdin(io);
  }
  return text?.replace(/\r?\n$/, '');
}
