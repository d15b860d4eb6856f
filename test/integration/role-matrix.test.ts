import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { newSessionSlot, ROLE_PERMISSIONS, roleHas, ROLES, type Permission, type Role, type SessionSlot } from '../../main/core/auth';
import { channelNames, contract, createMainDispatch, type Dispatch } from '../../main/ipc';
import { ensureAdminSession } from '../helpers/identity';
import { testCore } from '../helpers/core';

/**
 * Every channel of the contract × every role (and no session), through the real dispatcher and a real core:
 * allowed exactly when the table below — written out here, not read from `ROLE_PERMISSIONS` — gives the role the
 * channel's permission. Channels added later are covered automatically; a new permission fails typecheck until the
 * table says who holds it.
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

const ALL: readonly Role[] = ['agent', 'lead', 'admin', 'auditor'];
/** Who may call a channel needing each permission (`public` also needs no session). */
const EXPECTED: Record<Permission, readonly Role[]> = {
  public: ALL,
  session: ALL,
  'conversations.read': ['agent', 'lead'],
  'conversations.write': ['agent', 'lead'],
  'messages.send': ['agent', 'lead'],
  'reveal.request': ['agent', 'lead'],
  'reveal.approve': ['lead'],
  'review.read': ['lead'],
  'review.write': ['lead'],
  'export.transcripts': ['lead'],
  'reports.read': ['lead', 'admin'],
  'audit.read': ['admin', 'auditor'],
  'users.manage': ['admin'],
  'channels.manage': ['admin'],
  'settings.manage': ['admin'],
  'labels.manage': ['lead', 'admin'],
  'workflow.manage': ['lead', 'admin'],
  'team.board': ['lead'],
};

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

  it('the roles are the four the table lists, each holding exactly the permissions it gives them', () => {
    expect([...ROLES].sort()).toEqual([...ALL].sort());
    // also covers permissions no single-seat channel needs yet (e.g. the hub's `team.board`)
    for (const role of ROLES) {
      const listed = (Object.keys(EXPECTED) as Permission[]).filter((p) => p !== 'public' && EXPECTED[p].includes(role));
      expect([...ROLE_PERMISSIONS[role]].sort(), role).toEqual(listed.sort());
    }
  });

  for (const role of [null, ...ROLES] as Array<Role | null>) {
    it(`${role ?? 'no session'}: allowed exactly where the role holds the channel's permission`, async () => {
      const outcomes: string[] = [];
      for (const channel of channelNames) {
        const permission = contract[channel].permission;
        const expected = permission === 'public' || (role !== null && EXPECTED[permission].includes(role));
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

  it('held messages (flood control, at a hub or in a single seat): leads and administrators only', async () => {
    const held = ['listHeldMessages', 'countHeldMessages', 'releaseHeldMessages', 'discardHeldMessages'] as const;
    for (const channel of held) expect(contract[channel].permission, channel).toBe('workflow.manage');
    // One message, and all of one sender's (named by one of their held messages).
    const asks = [
      ['listHeldMessages', {}],
      ['countHeldMessages', {}],
      ['releaseHeldMessages', { channelId: 'wa', ids: [1] }],
      ['discardHeldMessages', { channelId: 'wa', ids: [1] }],
      ['releaseHeldMessages', { channelId: 'wa', sameSenderAs: 1 }],
      ['discardHeldMessages', { channelId: 'wa', sameSenderAs: 1 }],
    ] as const;
    for (const role of ROLES) {
      for (const [channel, ask] of asks) {
        const result = await dispatch(channel, ask, { trustedSender: true, session: sessionFor(role) });
        const label = `${role} → ${channel} ${JSON.stringify(ask)}`;
        if (role !== 'lead' && role !== 'admin') expect(result, label).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        // Nothing is held in this store: a list answers, a decision says those messages are no longer waiting.
        else if (channel === 'listHeldMessages' || channel === 'countHeldMessages') expect(result.ok, label).toBe(true);
        else expect(result, label).toMatchObject({ ok: false, error: { code: 'quarantine_empty' } });
      }
    }
  });

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
