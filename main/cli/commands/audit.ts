import fs from 'node:fs';
import path from 'node:path';
import { AUDIT_ACTIONS, exportAudit, verifyAuditExport, type VerifyReport } from '../../core/audit';
import { formatFingerprint, loadOrCreateDeviceIdentity } from '../../core/auth';
import type { Core } from '../../core/app';
import { DiwanError } from '../../core/shared/errors';
import { flagValue, hasFlag, type CliIo, type Command } from '../command';
import { openCoreFor } from '../context';

const USAGE = [
  'diwan audit verify [--json] [--data-dir DIR]            check every entry, the chain, checkpoints and the keychain head',
  'diwan audit export --out FILE [--since-seq N] [--data-dir DIR]   signed JSONL for the SIEM',
  'diwan audit verify-export FILE [--device FINGERPRINT]    check an export\'s signature and chain, as the SIEM would',
  'diwan audit acknowledge --yes [--data-dir DIR]           after tampering was found and its evidence kept: resume',
].join('\n');

export const auditCommand: Command = {
  name: 'audit',
  summary: 'verify the tamper-evident audit trail, export it signed for the SIEM',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    switch (sub) {
      case 'verify':
        return withCore(rest, io, (core) => verify(core, rest, io));
      case 'export':
        return withCore(rest, io, (core) => exportTo(core, rest, io));
      case 'verify-export':
        return verifyExportFile(rest, io);
      case 'acknowledge':
        return withCore(rest, io, (core) => acknowledge(core, rest, io));
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
  else io.stdout.write(describe(report));
  if (report.ok) await recordIfOpen(core, { action: AUDIT_ACTIONS.auditVerified, actor: 'cli', details: { ok: true, problems: 0 } });
  return report.ok ? 0 : 1;
}

function describe(r: VerifyReport): string {
  const lines = [`${r.entries} entries, newest at position ${r.lastSeq}.`];
  if (!r.headChecked) lines.push('Note: the keychain holds no head for this trail, so a cut-off end is detected by checkpoints only.');
  if (r.ok) lines.push('The audit trail is intact.');
  else lines.push(`The audit trail was tampered with (${r.problems.length} finding${r.problems.length === 1 ? '' : 's'}):`, ...r.problems.map((p) => `  - ${p.message}`));
  return lines.join('\n') + '\n';
}

async function exportTo(core: Core, args: string[], io: CliIo): Promise<number> {
  const out = flagValue(args, '--out');
  if (!out) throw new DiwanError('out_missing', 'Say where to write the export: `diwan audit export --out FILE`.');
  const since = flagValue(args, '--since-seq');
  const sinceSeq = since === undefined ? 0 : Number(since);
  if (!Number.isInteger(sinceSeq) || sinceSeq < 0) throw new DiwanError('since_invalid', '--since-seq takes a whole number (the last entry the SIEM already has).');
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

async function acknowledge(core: Core, args: string[], io: CliIo): Promise<number> {
  if (!hasFlag(args, '--yes')) {
    io.stderr.write(
      'diwan audit acknowledge: this accepts the trail as it now stands and lets Diwan run again. Run `diwan audit verify` and ' +
        '`diwan audit export` first to keep the evidence, then repeat with --yes.\n',
    );
    return 2;
  }
  const device = await loadOrCreateDeviceIdentity(core.vault);
  const { previousHead, lastSeq } = await core.auditTrail.acknowledge('cli', device.fingerprint);
  io.stdout.write(`Acknowledged: the trail was expected to reach entry ${previousHead?.seq ?? 'unknown'} and ends at ${lastSeq}; this is now recorded in it.\n`);
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
