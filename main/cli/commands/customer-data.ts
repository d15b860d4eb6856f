import fs from 'node:fs';
import path from 'node:path';
import { DiwanError } from '../../core/shared/errors';
import { DEFAULT_SERVICE, loadOsKeychain, Vault } from '../../core/vault';
import { HubAccounts } from '../../hub/accounts';
import { EMBEDDED_TEAM } from '../../hub/embedded';
import { localLeases, type ChannelLeases } from '../../hub/leases';
import { applyRetentionUnderLease } from '../../hub/retention-schedule';
import { OriginalsSealer } from '../../hub/sealing';
import { KeychainHubSecrets } from '../../hub/secrets';
import { HubCustomerData, HubRetention, HubStore, sqliteExecutor, type Actor, type HubContactRef, type RetentionMode } from '../../hub/store';
import { flagValue, hasFlag, type CliIo } from '../command';
import { nextStdinLine } from '../stdin-lines';

export const HUB_CUSTOMER_DATA_USAGE = [
  'diwan hub customer erase (--contact ID | --channel ID --user PLATFORM_USER_ID) --yes --config FILE',
  '   erase everything the hub keeps about one customer; the trail records that it happened (ids and counts only)',
  'diwan hub customer export (--contact ID | --channel ID --user PLATFORM_USER_ID) --out FILE --config FILE',
  '   one customer\'s data as JSON, masked (sealed originals stay with the custodian; see the IT guide)',
  'diwan hub retention [--show] [--channel ID --mode keep|originals|all [--days N]] --config FILE',
  '   set a channel\'s policy, show every policy, or (without options) apply every policy now',
];

/** The customer a command names: `--contact ID`, or `--channel ID --user PLATFORM_USER_ID`. */
export function contactRefOf(args: string[]): HubContactRef {
  const contact = flagValue(args, '--contact');
  if (contact !== undefined) {
    if (!/^\d+$/.test(contact)) throw new DiwanError('cli_bad_contact', 'A contact id is a number.');
    return { contactId: Number(contact) };
  }
  const channelId = flagValue(args, '--channel');
  const platformUserId = flagValue(args, '--user');
  if (!channelId || !platformUserId) throw new DiwanError('cli_missing_contact', 'Name the customer: --contact ID, or --channel ID --user PLATFORM_USER_ID.');
  return { channelId, platformUserId };
}

/** Writes a new file only (never over an existing one), readable by its owner alone. */
export function writeNewFile(file: string, text: string): void {
  try {
    fs.writeFileSync(file, text, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new DiwanError('cli_exists', `${file} already exists; choose a new file name.`);
    throw new DiwanError('cli_write', `Cannot write ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
}

function daysFlag(args: string[]): number | null {
  const v = flagValue(args, '--days');
  if (v === undefined) return null;
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new DiwanError('cli_bad_number', '--days takes a whole number, at least 1.');
  return Number(v);
}

/** `erase` and `export` of one customer on a hub's store (a team hub's, or a console's embedded one). */
export async function customerCommand(verb: string | undefined, args: string[], io: CliIo, store: HubStore, actor: Actor): Promise<number> {
  const data = new HubCustomerData(store);
  if (verb === 'erase') {
    if (!hasFlag(args, '--yes')) throw new DiwanError('cli_confirm', 'Erasing a customer cannot be undone: add --yes to confirm.');
    const r = await data.erase(contactRefOf(args), actor);
    const held = r.heldMessages ? `, ${r.heldMessages} messages held by flood control` : '';
    io.stdout.write(
      r.contactId === null
        ? `Erased ${r.heldMessages} messages flood control held from this customer on ${r.channelId}; the hub had no conversation with them.\n`
        : `Erased contact ${r.contactId} (${r.channelId}): ${r.conversations} conversations, ${r.messages} messages${held}. Consoles drop them from their caches.\n`,
    );
    return 0;
  }
  if (verb === 'export') {
    const out = flagValue(args, '--out');
    if (!out) throw new DiwanError('cli_missing_option', 'Say where to write the export: --out FILE.');
    const file = path.resolve(out);
    // Refused before anything is read or audited, so a name in use changes nothing.
    if (fs.existsSync(file)) throw new DiwanError('cli_exists', `${file} already exists; choose a new file name.`);
    const doc = await data.export(contactRefOf(args), actor);
    writeNewFile(file, JSON.stringify(doc, null, 2) + '\n');
    io.stdout.write(`Exported contact ${doc.contact.id} to ${file} (masked text; sealed originals are not in it).\n`);
    return 0;
  }
  throw new DiwanError('cli_usage', 'Say what to do: erase or export.');
}

/** Sets a channel's policy (`--channel --mode [--days]`), shows them (`--show`), or applies them all now under the retention lease. */
export async function retentionCommand(args: string[], io: CliIo, store: HubStore, actor: Actor, leases: ChannelLeases): Promise<number> {
  const retention = new HubRetention(store);
  const channel = flagValue(args, '--channel');
  if (channel !== undefined) {
    const mode = flagValue(args, '--mode') as RetentionMode | undefined;
    if (mode !== 'keep' && mode !== 'originals' && mode !== 'all') throw new DiwanError('cli_bad_mode', 'Give the policy: --mode keep, --mode originals or --mode all.');
    const p = await retention.setPolicy(channel, mode, mode === 'keep' ? null : daysFlag(args), actor);
    io.stdout.write(`Channel ${p.channelId}: ${p.mode}${p.days ? ` after ${p.days} days` : ''}. Every hub node applies it (one at a time, each hour by default).\n`);
    return 0;
  }
  if (hasFlag(args, '--show')) {
    const policies = await retention.policies();
    if (!policies.length) io.stdout.write('No channel has a retention policy: everything is kept.\n');
    for (const p of policies) io.stdout.write(`${p.channelId}\t${p.mode}${p.days ? ` after ${p.days} days` : ''}\t(set by ${p.updatedBy})\n`);
    return 0;
  }
  const results = await applyRetentionUnderLease({ retention, leases, actor });
  if (results === null) {
    io.stdout.write('A hub node is applying retention right now; nothing was done. Run this again in a few minutes.\n');
    return 1;
  }
  if (!results.length) io.stdout.write('No channel has a retention policy; nothing to do.\n');
  for (const r of results) {
    io.stdout.write(
      r.mode === 'originals'
        ? `${r.channelId}: ${r.originalsCleared} originals and ${r.attachmentsCleared} attachment links deleted (masked transcript kept)${held(r.heldDeleted)}.\n`
        : `${r.channelId}: ${r.messagesDeleted} messages, ${r.conversationsDeleted} conversations and ${r.contactsDeleted} contacts deleted; ${r.originalsCleared} note originals${held(r.heldDeleted)}.\n`,
    );
  }
  return 0;
}

/**
 * `diwan db retention|erase|export` in a data folder that runs the embedded team hub: the same work on the hub's own
 * store. An administrator of that hub signs in first (`--admin NAME`, the password on the first line of stdin, the
 * 6-digit code on the next when they use two-step sign-in), with the hub's lock-out; the command is audited in the hub's
 * trail under their name.
 */
export async function embeddedHubDataCommand(sub: 'retention' | 'erase' | 'export', args: string[], io: CliIo, file: string): Promise<number> {
  if (!fs.existsSync(file)) {
    throw new DiwanError('embedded_hub_missing', `This data folder is in hub mode but has no hub database yet (${file}). Start the console once to create it.`);
  }
  const store = new HubStore(sqliteExecutor(file), Date.now);
  try {
    await store.checkSchema();
    const admin = await embeddedAdministrator(store, args, io, `db ${sub}`);
    const actor = { actor: `cli:${admin}`, device: null };
    return sub === 'retention' ? await retentionCommand(args, io, store, actor, localLeases()) : await customerCommand(sub, args, io, store, actor);
  } finally {
    await store.close();
  }
}

async function embeddedAdministrator(store: HubStore, args: string[], io: CliIo, command: string): Promise<string> {
  const username = flagValue(args, '--admin');
  if (!username) {
    throw new DiwanError(
      'cli_admin_required',
      `\`diwan ${command}\` needs an administrator of this computer's hub: add --admin NAME and give the password on stdin (then, on the next line, the 6-digit code when two-step sign-in is on).`,
    );
  }
  const password = (await nextStdinLine(io)) ?? '';
  const user = await store.userByName(username);
  const code = user?.totpSecret ? await nextStdinLine(io) : undefined;
  // A stored second factor is sealed under the hub's outbox key, which the embedded hub keeps in this keychain.
  const openSecondFactor = async () => {
    const key = await new KeychainHubSecrets(new Vault(loadOsKeychain(), io.env.DIWAN_KEYCHAIN_SERVICE ?? DEFAULT_SERVICE)).get('outbox-key');
    const sealer = new OriginalsSealer(
      EMBEDDED_TEAM,
      () => {
        throw new DiwanError('cli_no_sealing', 'This command seals nothing.');
      },
      key ? Buffer.from(key, 'base64') : null,
    );
    return (userId: number, stored: string) => sealer.openSecondFactor(userId, stored);
  };
  const accounts = new HubAccounts(store, { now: Date.now, idleMs: 60_000, requireTwoFactor: false, ...(user?.totpSecret ? { openSecondFactor: await openSecondFactor() } : {}) });
  await accounts.verifyAdministrator({ username, password, ...(code ? { code } : {}), device: 'cli' });
  return username;
}

/** Messages flood control held that retention deleted, when there were any. */
const held = (n: number) => (n ? `; ${n} held messages` : '');
