import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { newSessionSlot, roleHas, ROLES, type Role, type SessionSlot } from '../../main/core/auth';
import { channelNames, contract, createMainDispatch, type Dispatch } from '../../main/ipc';
import { ensureAdminSession } from '../helpers/identity';
import { testCore } from '../helpers/core';

/**
 * Every channel of the contract × every role (and no session), through the real dispatcher and a real core:
 * allowed exactly when the role holds the channel's permission. Channels added later are covered automatically.
 * A fresh session per call, so a channel that ends or changes sessions cannot affect the next one.
 */
let core: Core;
let dispatch: Dispatch;
beforeAll(async () => {
  core = await testCore();
  dispatch = createMainDispatch(core);
  await core.ready();
  ensureAdminSession(core);
});
afterAll(() => core?.close());

const DENIED = new Set(['unauthenticated', 'forbidden']);

function sessionFor(role: Role): SessionSlot {
  const username = `matrix-${role}`;
  const user =
    core.identity.users.secretsByUsername(username)?.user ??
    core.identity.users.insert({ username, displayName: username, role, passwordHash: 'unused' }, core.clock.now());
  const slot = newSessionSlot();
  slot.sessionId = core.identity.sessions.start(user, core.identity.deviceIdentity.fingerprint, false).id;
  return slot;
}

describe('role × channel permission matrix', () => {
  it('covers every channel of the contract', () => {
    expect(channelNames.length).toBeGreaterThan(20);
  });

  for (const role of [null, ...ROLES] as Array<Role | null>) {
    it(`${role ?? 'no session'}: allowed exactly where the role holds the channel's permission`, async () => {
      const outcomes: string[] = [];
      for (const channel of channelNames) {
        const permission = contract[channel].permission;
        const expected = permission === 'public' || (role !== null && roleHas(role, permission));
        const slot = role ? sessionFor(role) : newSessionSlot();
        const result = await dispatch(channel, {}, { trustedSender: true, session: slot });
        const denied = !result.ok && DENIED.has(result.error.code);
        outcomes.push(`${channel}:${permission}:${denied ? 'denied' : 'allowed'}`);
        expect(denied, `${role ?? 'no session'} → ${channel} (${permission}) ${JSON.stringify(result)}`).toBe(!expected);
        if (!result.ok && denied) expect(result.error.code).toBe(role ? 'forbidden' : 'unauthenticated');
      }
      expect(outcomes).toHaveLength(channelNames.length);
    });
  }

  it('denies by default: a role the table does not know holds nothing but public', () => {
    for (const channel of channelNames) {
      const p = contract[channel].permission;
      expect(roleHas('intruder' as Role, p)).toBe(p === 'public');
    }
  });

  it('a session that must still enrol a second factor reaches only `session` channels', async () => {
    for (const channel of channelNames) {
      const slot = sessionFor('lead');
      core.identity.sessions.get(slot.sessionId)!.mustEnrolTwoFactor = true;
      const p = contract[channel].permission;
      const result = await dispatch(channel, {}, { trustedSender: true, session: slot });
      const denied = !result.ok && DENIED.has(result.error.code);
      expect(denied, channel).toBe(p !== 'public' && p !== 'session');
    }
  });
});
