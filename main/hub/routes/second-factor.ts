import { z } from 'zod';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpStep, totpUri } from '../../core/auth';
import { DiwanError } from '../../core/shared/errors';
import { parse, type ApiDeps, type AreaHelpers, type Route } from './route';
import { HubSecondFactor } from '../store/second-factor';

/** How long a shown QR code may wait for its first code (as on a single seat). */
const ENROLMENT_MS = 10 * 60_000;

const confirmation = z.strictObject({ code: z.string().min(6).max(12) });

/**
 * A person sets up their own two-step sign-in from their console: the hub makes the secret and keeps it sealed;
 * the console shows it once as an otpauth URI (and QR code); a first right code makes it the account's and returns
 * the recovery codes, shown that once. A sign-in the policy holds until a second factor exists may call only these.
 */
export function secondFactorRoutes(d: ApiDeps, h: AreaHelpers): Route[] {
  const factors = new HubSecondFactor(d.store);
  return [
    {
      method: 'POST',
      path: /^\/v1\/me\/second-factor\/begin$/,
      permission: 'enrolment',
      handle: async ({ who }) => {
        const u = who!.user;
        const secret = newTotpSecret();
        await factors.begin(u.id, d.sealer.sealSecondFactor(u.id, secret), d.now() + ENROLMENT_MS, h.actorOf(who!));
        return { otpauthUri: totpUri(secret, u.username) };
      },
    },
    {
      method: 'POST',
      path: /^\/v1\/me\/second-factor\/confirm$/,
      permission: 'enrolment',
      handle: async ({ who, body }) => {
        const { code } = parse(confirmation, body);
        const u = who!.user;
        const pending = await factors.pending(u.id);
        if (!pending) throw new DiwanError('no_enrolment', 'Start the set-up again: the QR code shown before has expired or was used.');
        const step = totpStep(d.sealer.openSecondFactor(u.id, pending.sealedSecret), code.replace(/\s+/g, ''), d.now());
        if (step === null) throw new DiwanError('totp_code_wrong', 'That code is not right. Check the time on your phone and enter the newest code.');
        const recoveryCodes = newRecoveryCodes();
        await factors.confirm(
          u.id,
          { sealedSecret: pending.sealedSecret, step, recoveryHashes: recoveryCodes.map(hashRecoveryCode), tokenHash: who!.tokenHash, sessionExpiresAt: d.accounts.fullSessionDeadline() },
          h.actorOf(who!),
        );
        return { recoveryCodes };
      },
    },
  ];
}
