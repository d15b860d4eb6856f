import { describe, expect, it } from 'vitest';
import { shot } from '../helpers/console-page';
import { callInPage } from '../helpers/contract-window';
import { ROLES_WAIT_FOR_A_SECOND_ADMIN, secondAdminSuite } from '../helpers/team-console';
import { PASSWORD } from './harness';

/**
 * The screen where a second administrator confirms a role (issue 16, administration for a team), in Chromium: two hub
 * nodes (their own processes) on a real PostgreSQL whose policy wants two administrators for privileged roles, and two
 * consoles (two computers: their own data folders, keychains and enrolled device keys) behind the load balancer. One
 * administrator asks; the other sees the request arrive from the hub's stream, in Arabic, and confirms or declines
 * with a sentence; the one who asked cannot confirm their own; the hub's trail has every step.
 */
describe('role requests confirmed by a second administrator, two consoles on two hub nodes', () => {
  const desks = secondAdminSuite(ROLES_WAIT_FOR_A_SECOND_ADMIN);

  it('shows a waiting role to the other administrator as it is asked, who confirms or declines it with a sentence; the asker only withdraws', () =>
    desks.withUsersTabs(async ({ aziz, bushra }) => {
      const team = desks.team;
      expect(await bushra.page.evaluate<string>('document.documentElement.dir')).toBe('rtl');
      expect(await bushra.page.getByTestId('role-requests').count()).toBe(0);

      // Aziz makes Amal a team lead from his Users tab: the hub only opens a request.
      await aziz.page.locator('[data-testid=user-row][data-username=amal]').getByTestId('user-role').selectOption('lead');
      await expect.poll(() => aziz.page.getByTestId('users-done').textContent()).toContain('once another administrator confirms');
      expect((await team.seed.store.userByName('amal'))!.role).toBe('agent');
      const asked = aziz.page.locator('[data-testid=role-request][data-username=amal]');
      await asked.waitFor();
      // His own request: no confirm button, only withdraw; the row of Amal says what waits.
      expect(await asked.getByTestId('role-request-yours').count()).toBe(1);
      expect(await asked.getByTestId('role-request-confirm').count()).toBe(0);
      expect(await asked.getByTestId('role-request-decline').textContent()).toBe('Withdraw');
      await expect.poll(() => aziz.page.locator('[data-testid=user-row][data-username=amal]').getByTestId('user-pending-role').textContent()).toContain('Team lead');

      // Bushra's screen (another computer, maybe another node) hears it from the hub's stream, without reloading.
      const seen = bushra.page.locator('[data-testid=role-request][data-username=amal]');
      await seen.waitFor({ timeout: 20_000 });
      expect(await seen.textContent()).toContain('aziz');
      expect(await seen.textContent()).toContain('قائد فريق');
      await shot(bushra.page, 'role-requests', 'ar');
      await seen.getByTestId('role-request-confirm').click();
      await bushra.page.getByTestId('role-request-confirm-dialog-go').click();
      await expect.poll(() => bushra.page.getByTestId('users-done').textContent()).toContain('أصبح');
      await expect.poll(async () => (await team.seed.store.userByName('amal'))!.role).toBe('lead');
      // The request is gone on both screens (Aziz's from the stream).
      await expect.poll(() => aziz.page.locator('[data-testid=role-request][data-username=amal]').count(), { timeout: 20_000 }).toBe(0);
      await expect.poll(() => seen.count()).toBe(0);

      // A new auditor account: Aziz cannot confirm it himself, whatever his renderer sends.
      const made = (await callInPage(aziz.page, 'createUser', { username: 'lina', displayName: 'Lina', role: 'auditor', password: PASSWORD })) as { ok: true; value: { pendingRole?: string } };
      expect(made).toMatchObject({ ok: true, value: { role: 'agent', disabled: true, pendingRole: 'auditor' } });
      const grants = (await callInPage(aziz.page, 'listRoleGrants')) as { ok: true; value: { requests: Array<{ grantId: string; username: string; requestedBy: string }> } };
      const lina = grants.value.requests.find((g) => g.username === 'lina')!;
      expect(lina.requestedBy).toBe('aziz');
      expect(await callInPage(aziz.page, 'confirmRoleGrant', { grantId: lina.grantId })).toMatchObject({ ok: false, error: { code: 'role_request_same_admin' } });

      // Bushra declines it with a sentence: the button waits for one; the hub keeps it (masked) in the trail.
      const waiting = bushra.page.locator('[data-testid=role-request][data-username=lina]');
      await waiting.waitFor({ timeout: 20_000 });
      await waiting.getByTestId('role-request-decline').click();
      expect(await bushra.page.getByTestId('role-request-decline-go').isDisabled()).toBe(true);
      await bushra.page.getByTestId('role-request-reason').fill('لم يُتفق على ذلك مع فريق التدقيق بعد');
      await bushra.page.getByTestId('role-request-decline-go').click();
      await expect.poll(() => bushra.page.getByTestId('users-done').textContent()).toContain('رُفض الطلب');
      await expect.poll(() => waiting.count()).toBe(0);
      await expect.poll(() => aziz.page.locator('[data-testid=role-request][data-username=lina]').count(), { timeout: 20_000 }).toBe(0);
      expect(await team.seed.store.userByName('lina')).toMatchObject({ role: 'agent', disabled: true });

      const trail = await team.seed.store.q.all<{ actor: string; action: string; details: string }>(
        "SELECT actor, action, details FROM audit WHERE action IN ('user.role_requested', 'user.role_changed', 'user.role_declined') ORDER BY seq",
      );
      expect(trail.map((r) => `${r.actor} ${r.action}`)).toEqual(['aziz user.role_requested', 'bushra user.role_changed', 'aziz user.role_requested', 'bushra user.role_declined']);
      expect(JSON.parse(trail[1]!.details)).toMatchObject({ from: 'agent', to: 'lead', authority: 'second-administrator', requestedBy: 'aziz' });
      expect(JSON.parse(trail[3]!.details)).toMatchObject({ to: 'auditor', requestedBy: 'aziz', reason: 'لم يُتفق على ذلك مع فريق التدقيق بعد' });
      expect((await team.seed.store.verifyAudit()).broken).toBeNull();
    }),
  180_000);
});
