import { AUDIT_ACTIONS } from '../core/audit';
import { loadOrCreateDeviceIdentity } from '../core/auth';
import { deviceAuthMessage } from '../core/connectors/relay-client/protocol';
import { isOpenState } from '../core/network';
import { DiwanError } from '../core/shared/errors';
import type { Vault } from '../core/vault';
import { HubAccounts, hashToken } from '../hub/accounts';
import { enrolThisComputer } from '../hub/embedded';
import { OriginalsSealer } from '../hub/sealing';
import type { HubStore } from '../hub/store';
import { flagValue, type CliIo } from './command';
import { openCoreFor } from './context';
import { nextStdinLine } from './stdin-lines';

/**
 * `requireAdministrator` for a data folder that runs the built-in hub, where the people live in the hub's store: the
 * same stdin lines (password, then the 6-digit code when the person has one), the same office-network rule, and the
 * hub's own sign-in (`HubAccounts`: lock-out, this computer's device proof) — then the command is in the hub's trail
 * before it acts. A refusal is in the trail too. The device is this console's key (one machine: the hub enrols it).
 */
export async function requireHubAdministrator(
  store: HubStore,
  args: string[],
  io: CliIo,
  command: string,
  o: { vault: Vault; secret: (name: string) => Promise<string | null>; now: () => number },
): Promise<{ username: string; device: string }> {
  const device = await loadOrCreateDeviceIdentity(o.vault);
  const username = flagValue(args, '--admin');
  const refuse = async (reason: string, sentence: string, actor = 'cli'): Promise<never> => {
    await store.audit({ actor, device: device.fingerprint, action: AUDIT_ACTIONS.cliRefused, details: { command, reason } });
    throw new DiwanError('cli_admin_required', sentence);
  };
  if (!username) {
    return refuse(
      'no_sign_in',
      `\`diwan ${command}\` needs an administrator: add --admin NAME and give the password on stdin (then, on the next line, the 6-digit code when two-step sign-in is on).`,
    );
  }
  const core = await openCoreFor(args, io);
  try {
    const verdict = await core.gate.evaluate('manual');
    if (!isOpenState(verdict.state)) return await refuse('off_network', `\`diwan ${command}\` runs only inside the office network while IT's policy is in force: ${verdict.reason}`, username);
  } finally {
    core.close();
  }

  const outboxKey = await o.secret('outbox-key');
  const sealer = new OriginalsSealer('local', () => ({ epoch: 0, publicKey: '' }), outboxKey ? Buffer.from(outboxKey, 'base64') : null);
  const accounts = new HubAccounts(store, { now: o.now, idleMs: 60_000, requireTwoFactor: false, openSecondFactor: (id, stored) => sealer.openSecondFactor(id, stored) });
  await enrolThisComputer(store, device);
  const password = (await nextStdinLine(io)) ?? '';
  let token: string;
  let role: string;
  try {
    const { nonce } = await accounts.challenge(device.fingerprint);
    const timestamp = o.now();
    const first = await accounts.signIn({ username, password, fingerprint: device.fingerprint, nonce, timestamp, signature: device.sign(deviceAuthMessage(nonce, timestamp, device.fingerprint)) });
    token = first.token;
    role = first.user.role;
    if (first.stage === 'second-factor') {
      const code = await nextStdinLine(io);
      if (!code) {
        await store.endSession(hashToken(token));
        return await refuse('second_factor_missing', 'This administrator uses two-step sign-in: give the 6-digit code on the line after the password.', username);
      }
      token = (await accounts.secondFactor(hashToken(token), code)).token;
    }
  } catch (e) {
    if (e instanceof DiwanError && e.code === 'cli_admin_required') throw e;
    // The hub's sign-in wrote its own refusal to the trail.
    throw new DiwanError('cli_admin_required', `The sign-in as "${username}" failed: ${e instanceof Error ? e.message : 'refused'}`);
  }
  await store.endSession(hashToken(token));
  if (role !== 'admin') return refuse('not_admin', `"${username}" is not an administrator; \`diwan ${command}\` needs one.`, username);
  await store.audit({ actor: username, device: device.fingerprint, action: AUDIT_ACTIONS.cliAdminCommand, details: { command } });
  return { username, device: device.fingerprint };
}
