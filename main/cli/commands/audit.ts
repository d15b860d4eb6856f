import fs from 'node:fs';
import path from 'node:path';
import { AUDIT_ACTIONS, exportAudit, signAuditAcknowledgement, verifyAuditAcknowledgement, verifyAuditExport, type VerifyReport } from '../../core/audit';
import { loadTrustedSigners, machineLocations, privateKeyFromPem } from '../../core/policy';
import { requireAdministrator } from '../admin-gate';
import { formatFingerprint, loadOrCreateDeviceIdentity } from '../../core/auth';
import type { Core } from '../../core/app';
import { DiwanError } from '../../core/shared/errors';
import { flagValue, hasFlag, type CliIo, type Command } from '../command';
import { embeddedHubDatabaseOf, openCoreFor, refuseInHubMode } from '../context';
import { HubStore, sqliteExecutor } from '../../hub/store';
import { exportHubTrail } from '../../hub/audit-export';
import { DEFAULT_SERVICE, loadOsKeychain, Vault } from '../../core/vault';

const USAGE = [
  'diwan audit verify [--json] [--data-dir DIR]            check every entry, the chain, checkpoints and the keychain head',
  'diwan audit export --out FILE [--since-seq N] [--data-dir DIR]   signed JSONL for the SIEM (a built-in hub folder: the hub\'s trail)',
  'diwan audit verify-export FILE [--device FINGERPRINT]    check an export\'s signature and chain, as the SIEM would',
  'diwan audit acknowledge --ack FILE --admin NAME [--data-dir DIR]   after tampering was found and its evidence kept: resume',
  '   FILE is IT\'s acknowledgement signed with a policy signing key (`ack-sign`); the password on stdin',
  'diwan audit ack-sign --key IT-KEY.pem --database-id ID --last-seq N --reason TEXT --out FILE [--hours 24]',
  '   (IT, on its own machine) sign the acceptance of one trail\'s finding, for `acknowledge`',
].join('\n');

export const auditCommand: Command = {
  name: 'audit',
  summary: 'verify the tamper-evident audit trail, export it signed for the SIEM',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    switch (sub) {
      case 'verify': {
        const hubDatabase = embeddedHubDatabaseOf(rest, io);
        return hubDatabase ? verifyEmbeddedHub(hubDatabase, rest, io) : withCore(rest, io, (core) => verify(core, rest, io));
      }
      case 'export': {
        const hubDatabase = embeddedHubDatabaseOf(rest, io);
        return hubDatabase ? exportEmbeddedHub(hubDatabase, rest, io) : withCore(rest, io, (core) => exportTo(core, rest, io));
      }
      case 'verify-export':
        return verifyExportFile(rest, io);
      case 'acknowledge':
        refuseInHubMode(
          rest,
          io,
          'diwan audit acknowledge',
          'Nothing was changed, and nothing needs resuming: the hub\'s trail never stops taking entries when a check finds it broken, so it has no acknowledgement step. ' +
            'Keep the evidence with `diwan audit verify --json` and `diwan audit export --out FILE`, then restore the folder from a backup taken before the damage (`diwan db restore`) if you want an intact chain.',
        );
        return withCore(rest, io, (core) => acknowledge(core, rest, io));
      case 'ack-sign':
        return ackSign(rest, io);
      default:
        io.stderr.write(`diwan audit: say what to do.\n${USAGE}\n`);
        return 2;
    }
  },
};

async function withCore(args: string[], io: CliIo, f: (core: Core) => Promise<number>): Promise<number> {
  const core = await openCoreFor(args, io);
  try {
    return await f(core);
  } finally {
    await core.auditTrail.flush();
    core.close();
  }
}

/** Records the command in the trail when the trail is sound; a damaged trail is reported, not extended. */
async function recordIfOpen(core: Core, event: Parameters<Core['audit']>[0]): Promise<void> {
  try {
    await core.ready();
    core.audit(event);
  } catch {
    // the verify report or the export says what is wrong with the trail
  }
}

async function verify(core: Core, args: string[], io: CliIo): Promise<number> {
  const report = await core.auditTrail.verify();
  if (hasFlag(args, '--json')) io.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else io.stdout.write(describe(report, core.auditTrail.keyAccount.slice('audit:'.length)));
  if (report.ok) await recordIfOpen(core, { action: AUDIT_ACTIONS.auditVerified, actor: 'cli', details: { ok: true, problems: 0 } });
  return report.ok ? 0 : 1;
}

/** A hub-mode folder: walks the embedded hub's hash chain (`HubStore.verifyAudit`), read only. */
async function verifyEmbeddedHub(file: string, args: string[], io: CliIo): Promise<number> {
  if (!fs.existsSync(file)) {
    throw new DiwanError('embedded_hub_missing', `This data folder is in hub mode but has no hub database yet (${file}). Start the console once to create it, then verify.`);
  }
  const q = sqliteExecutor(file);
  try {
    const report = await new HubStore(q, () => Date.now()).verifyAudit();
    if (hasFlag(args, '--json')) io.stdout.write(JSON.stringify({ trail: 'embedded-hub', ...report, ok: !report.broken }, null, 2) + '\n');
    else {
      io.stdout.write(`The embedded team hub's trail (${file}): ${report.entries} entries.\n`);
      io.stdout.write(report.broken ? `The audit trail was tampered with: entry ${report.broken.seq}: ${report.broken.why}.\n` : 'The audit trail is intact.\n');
    }
    return report.broken ? 1 : 0;
  } finally {
    await q.close();
  }
}

function describe(r: VerifyReport, databaseId: string): string {
  const lines = [`${r.entries} entries, newest at position ${r.lastSeq} (database ${databaseId}).`];
  if (!r.headChecked) lines.push('Note: the keychain holds no head for this trail, so a cut-off end is detected by checkpoints only.');
  if (r.ok) lines.push('The audit trail is intact.');
  else lines.push(`The audit trail was tampered with (${r.problems.length} finding${r.problems.length === 1 ? '' : 's'}):`, ...r.problems.map((p) => `  - ${p.message}`));
  return lines.join('\n') + '\n';
}

/** `--out FILE` and `--since-seq N`, the same for every trail's export. */
export function exportOptions(args: string[], command = 'diwan audit export'): { out: string; sinceSeq: number } {
  const out = flagValue(args, '--out');
  if (!out) throw new DiwanError('out_missing', `Say where to write the export: \`${command} --out FILE\`.`);
  const since = flagValue(args, '--since-seq');
  const sinceSeq = since === undefined ? 0 : Number(since);
  if (!Number.isInteger(sinceSeq) || sinceSeq < 0) throw new DiwanError('since_invalid', '--since-seq takes a whole number (the last entry the SIEM already has).');
  return { out, sinceSeq };
}

/** A hub's trail into the export file, signed by this computer's device key (`diwan device id`). */
export async function writeHubExport(store: HubStore, args: string[], io: CliIo, command: string): Promise<number> {
  const { out, sinceSeq } = exportOptions(args, command);
  const device = await loadOrCreateDeviceIdentity(new Vault(loadOsKeychain(), io.env.DIWAN_KEYCHAIN_SERVICE ?? DEFAULT_SERVICE));
  const result = await exportHubTrail(store, device, { sinceSeq, now: Date.now(), actor: 'cli' });
  writeAtomically(out, result.text);
  io.stdout.write(
    `Wrote ${result.entries} entries of the hub's trail${result.entries ? ` (${result.firstSeq}–${result.lastSeq})` : ''} to ${out}, signed by device ${formatFingerprint(device.fingerprint)}.\n`,
  );
  return 0;
}

/** A hub-mode folder: the embedded hub's trail, in the single-seat export's format. */
async function exportEmbeddedHub(file: string, args: string[], io: CliIo): Promise<number> {
  if (!fs.existsSync(file)) {
    throw new DiwanError('embedded_hub_missing', `This data folder is in hub mode but has no hub database yet (${file}). Start the console once to create it, then export.`);
  }
  exportOptions(args);
  const q = sqliteExecutor(file);
  try {
    return await writeHubExport(new HubStore(q, () => Date.now()), args, io, 'diwan audit export');
  } finally {
    await q.close();
  }
}

async function exportTo(core: Core, args: string[], io: CliIo): Promise<number> {
  const { out, sinceSeq } = exportOptions(args);
  const device = await loadOrCreateDeviceIdentity(core.vault);
  const result = exportAudit(core.auditTrail, device, { sinceSeq, now: core.clock.now() });
  writeAtomically(out, result.text);
  io.stdout.write(
    `Wrote ${result.entries} entries${result.entries ? ` (${result.firstSeq}–${result.lastSeq})` : ''} to ${out}, signed by device ${formatFingerprint(device.fingerprint)}.\n`,
  );
  await recordIfOpen(core, { action: AUDIT_ACTIONS.auditExported, actor: 'cli', details: { entries: result.entries, sinceSeq, lastSeq: result.lastSeq } });
  return 0;
}

function verifyExportFile(args: string[], io: CliIo): number {
  const file = args.find((a) => !a.startsWith('--') && a !== flagValue(args, '--device'));
  if (!file) throw new DiwanError('file_missing', 'Say which export to check: `diwan audit verify-export FILE`.');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new DiwanError('file_unreadable', `Cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const check = verifyAuditExport(text, { expectedDevice: flagValue(args, '--device') });
  if (check.ok) {
    io.stdout.write(`The export is intact: ${check.entries} entries, signed by device ${formatFingerprint(check.device!)}.\n`);
    return 0;
  }
  io.stdout.write(`The export does not verify:\n${check.problems.map((p) => `  - ${p}`).join('\n')}\n`);
  return 1;
}

/**
 * Accepting a trail found tampered with takes an administrator's sign-in AND IT's acknowledgement signed with a
 * policy signing key this computer trusts (machine-wide signers, never a file named on the command line), naming
 * this database and the entry the trail ends at now. `--yes` alone is refused.
 */
async function acknowledge(core: Core, args: string[], io: CliIo): Promise<number> {
  const file = flagValue(args, '--ack');
  if (!file) {
    io.stderr.write(
      'diwan audit acknowledge: accepting a tampered trail needs IT\'s acknowledgement signed with a policy signing key ' +
        '(`diwan audit ack-sign`, on IT\'s machine), given with --ack FILE, and an administrator\'s sign-in (--admin NAME). ' +
        'Run `diwan audit verify` and `diwan audit export` first to keep the evidence.\n',
    );
    return 2;
  }
  const report = await core.auditTrail.verify();
  const databaseId = core.auditTrail.keyAccount.slice('audit:'.length);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new DiwanError('file_unreadable', `Cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const signers = loadTrustedSigners({ signersDir: io.network?.signersDir ?? machineLocations(process.platform).signersDir });
  const ack = verifyAuditAcknowledgement(text, signers, { databaseId, lastSeq: report.lastSeq, now: core.clock.now() });
  const admin = await requireAdministrator(core, args, io, 'audit acknowledge', { trailUsable: false });
  const device = await loadOrCreateDeviceIdentity(core.vault);
  const { previousHead, lastSeq } = await core.auditTrail.acknowledge(`cli:${admin}`, device.fingerprint);
  io.stdout.write(
    `Acknowledged (${ack.reason}): the trail was expected to reach entry ${previousHead?.seq ?? 'unknown'} and ends at ${lastSeq}; this is now recorded in it.\n`,
  );
  return 0;
}

/** IT signs the acceptance of one finding with a policy signing key (PKCS#8 PEM), valid for a few hours. */
function ackSign(args: string[], io: CliIo): number {
  const keyFile = flagValue(args, '--key');
  const databaseId = flagValue(args, '--database-id');
  const lastSeq = Number(flagValue(args, '--last-seq'));
  const reason = flagValue(args, '--reason');
  const out = flagValue(args, '--out');
  const hours = Number(flagValue(args, '--hours') ?? 24);
  if (!keyFile || !databaseId || !Number.isInteger(lastSeq) || !reason || !out || !(hours > 0 && hours <= 168)) {
    throw new DiwanError('usage', 'Usage: `diwan audit ack-sign --key IT-KEY.pem --database-id ID --last-seq N --reason TEXT --out FILE [--hours 1..168]`.');
  }
  const key = privateKeyFromPem(fs.readFileSync(keyFile, 'utf8'), keyFile);
  const now = Date.now();
  writeAtomically(
    out,
    signAuditAcknowledgement({ databaseId, lastSeq, reason, issuedAt: new Date(now).toISOString(), expiresAt: new Date(now + hours * 3_600_000).toISOString() }, key),
  );
  io.stdout.write(`Wrote ${out}: accepts database ${databaseId} ending at entry ${lastSeq}, for ${hours} hours.\n`);
  return 0;
}

function writeAtomically(file: string, text: string): void {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, text, { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new DiwanError('write_failed', `Cannot write ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}). Nothing was written.`);
  }
}
