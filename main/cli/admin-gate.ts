import type { Core } from '../core/app';
import { AUDIT_ACTIONS } from '../core/audit';
import { loadOrCreateDeviceIdentity, newSessionSlot } from '../core/auth';
import { isOpenState } from '../core/network';
import { exportGrants, type SignedSeatGrant } from '../core/custody';
import { DiwanError } from '../core/shared/errors';
import { flagValue, type CliIo } from './command';
import { nextStdinLine } from './stdin-lines';

/**
 * The gate in front of the command line's privileged commands (`db export|backup|restore|erase|rotate-key`,
 * `audit acknowledge`): an administrator signs in (`--admin NAME`, the password on the first line of stdin, the
 * 6-digit code on the second when two-step sign-in is on), inside the office network when IT's policy is in force,
 * and the command is in the audit trail — flushed — BEFORE it acts. A refusal is audited too.
 * `trailUsable: false` is for `audit acknowledge`, which runs while the trail refuses new entries.
 */
export async function requireAdministrator(core: Core, args: string[], io: CliIo, command: string, o: { trailUsable?: boolean } = {}): Promise<string> {
  const trailUsable = o.trailUsable ?? true;
  // A trail found tampered with makes `ready()` refuse; the sign-in still needs this device's key (its entries wait
  // in the trail's buffer until the acknowledgement reopens it).
  if (trailUsable) await core.ready();
  else core.identity.start(await loadOrCreateDeviceIdentity(core.vault));
  const username = flagValue(args, '--admin');
  const refuse = async (reason: string, sentence: string, actor = 'cli'): Promise<never> => {
    if (trailUsable) {
      core.audit({ action: AUDIT_ACTIONS.cliRefused, actor, details: { command, reason } });
      await core.auditTrail.flush();
    }
    throw new DiwanError('cli_admin_required', sentence);
  };
  if (!username) {
    return refuse(
      'no_sign_in',
      `\`diwan ${command}\` needs an administrator: add --admin NAME and give the password on stdin (then, on the next line, the 6-digit code when two-step sign-in is on).`,
    );
  }
  const verdict = await core.gate.evaluate('manual');
  if (!isOpenState(verdict.state)) return refuse('off_network', `\`diwan ${command}\` runs only inside the office network while IT's policy is in force: ${verdict.reason}`, username);

  const password = (await nextStdinLine(io)) ?? '';
  const slot = newSessionSlot();
  try {
    const first = await core.identity.signIn(slot, { username, password });
    if (first.status === 'second_factor') {
      const code = await nextStdinLine(io);
      if (!code) return await refuse('second_factor_missing', 'This administrator uses two-step sign-in: give the 6-digit code on the line after the password.', username);
      await core.identity.signInSecondFactor(slot, { code });
    }
  } catch (e) {
    if (e instanceof DiwanError && e.code === 'cli_admin_required') throw e;
    return refuse('sign_in_failed', `The sign-in as "${username}" failed: ${e instanceof Error ? e.message : 'refused'}`, username);
  }
  const view = core.identity.view(slot);
  core.identity.signOut(slot);
  if (view.user?.role !== 'admin') return refuse('not_admin', `"${username}" is not an administrator; \`diwan ${command}\` needs one.`, username);
  if (trailUsable) {
    core.audit({ action: AUDIT_ACTIONS.cliAdminCommand, actor: username, details: { command } });
    await core.auditTrail.flush();
  }
  return username;
}

/** The signed grant that lets a signed-in administrator's command open one customer's originals (export, a move to the hub). */
export function exportGrant(core: Core, admin: string, reason: string): (contactId: number) => SignedSeatGrant {
  return exportGrants(core.store.custody, { user: admin, userId: `cli:${admin}`, reason });
}
