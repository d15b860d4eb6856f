import type { Page } from 'playwright-core';
import type { Core } from '../../main/core/app';
import { newSessionSlot } from '../../main/core/auth';

/** The people of the console tests and bench/ui (no vitest here: the bench imports it too). */
export const PEOPLE = {
  admin: { username: 'dana', displayName: 'Dana Admin', role: 'admin', password: 'admin-password-12' },
  agent: { username: 'sam', displayName: 'Sam Agent', role: 'agent', password: 'agent-password-12' },
  lead: { username: 'lina', displayName: 'Lina Lead', role: 'lead', password: 'lead-password-123' },
} as const;

/** The first administrator (as the first-run screen makes it), then an agent and a lead, through Identity. */
export async function addPeople(core: Core): Promise<Record<keyof typeof PEOPLE, string>> {
  await core.ready();
  const slot = newSessionSlot();
  const { admin, agent, lead } = PEOPLE;
  await core.identity.createAdmin(slot, { username: admin.username, displayName: admin.displayName, password: admin.password });
  const me = core.identity.requireSession(slot);
  const a = await core.identity.createUser(me, { ...agent });
  const l = await core.identity.createUser(me, { ...lead });
  core.identity.signOut(slot);
  // a lead needs a second administrator's confirmation (separation of duties)
  if (l.pendingRole) confirmAsSecondAdmin(core, l.id);
  return { admin: me.userId, agent: a.id, lead: l.id };
}

export async function signIn(page: Page, who: { username: string; password: string }): Promise<void> {
  await page.getByTestId('username').fill(who.username);
  await page.getByTestId('password').fill(who.password);
  await page.getByTestId('sign-in-submit').click();
  await page.locator('nav.nav').waitFor();
}

/**
 * A privileged role waits for a second administrator: this one (made without the IPC layer, signed out at once)
 * confirms the request pending for `userId`.
 */
export function confirmAsSecondAdmin(core: Core, userId: string): void {
  const now = core.clock.now();
  const second =
    core.identity.users.list().find((u) => u.username === 'second-admin') ??
    core.identity.users.insert({ username: 'second-admin', displayName: 'Second admin', role: 'admin', passwordHash: 'x' }, now);
  const session = core.identity.sessions.start(second, core.identity.deviceIdentity.fingerprint, false);
  const grant = core.identity.listRoleGrants().find((g) => g.userId === userId);
  if (!grant) throw new Error(`no role request is pending for ${userId}`);
  core.identity.confirmRoleGrant(session, grant.grantId);
  core.identity.sessions.endForUser(second.id, 'sign-out');
}
