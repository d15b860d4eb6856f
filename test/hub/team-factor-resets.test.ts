import { describe, expect, it } from 'vitest';
import { shot } from '../helpers/console-page';
import { callInPage } from '../helpers/contract-window';
import { secondAdminSuite } from '../helpers/team-console';

/**
 * The screen where a second administrator confirms a reset of someone's two-step sign-in (issue 16, administration
 * for a team), in Chromium: two hub nodes (their own processes) on a real PostgreSQL whose policy wants two
 * administrators for a reset, and two consoles (their own data folders, keychains and enrolled device keys) behind the
 * load balancer. One administrator asks and is told the reset waits; the other sees it arrive from the hub's stream,
 * in Arabic, and confirms or declines it with a sentence; the one who asked cannot confirm; the hub's trail has every step.
 */
describe('second-factor resets confirmed by a second administrator, two consoles on two hub nodes', () => {
  const desks = secondAdminSuite({
    users: [
      { username: 'aziz', role: 'admin' },
      { username: 'bushra', role: 'admin' },
      { username: 'amal', role: 'agent' },
      { username: 'omar', role: 'agent' },
    ],
    nodes: 2,
    nodeConfig: { sessions: { idleMinutes: 15, requireTwoFactor: false, factorResetNeedsSecondAdmin: true } },
    // Amal and Omar use two-step sign-in (what a reset takes away).
    prepare: async (team) => {
      for (const u of ['amal', 'omar'] as const) {
        await team.seed.store.updateUser(team.seed.ids[u]!, { totpSecret: 'enrolled' }, { actor: 'it:test', action: 'user.second_factor_enrolled' });
      }
    },
  });

  const totp = async (u: string) => (await desks.team.seed.store.userByName(u))!.totpSecret;

  it('a reset asked for waits, the other administrator confirms or declines it with a sentence, the asker only withdraws', () =>
    desks.withUsersTabs(async ({ aziz, bushra }) => {
      const team = desks.team;
      expect(await bushra.page.getByTestId('factor-resets').count()).toBe(0);

      // Aziz resets Amal's two-step sign-in: the hub only opens a request, and his screen says it waits.
      await aziz.page.locator('[data-testid=user-row][data-username=amal]').getByTestId('user-reset-2fa').click();
      await aziz.page.getByTestId('user-confirm-go').click();
      await expect.poll(() => aziz.page.getByTestId('users-done').textContent()).toContain('waiting for another administrator');
      expect(await aziz.page.getByTestId('users-done').textContent()).not.toContain('was reset');
      expect(await totp('amal')).toBe('enrolled');
      const asked = aziz.page.locator('[data-testid=factor-reset][data-username=amal]');
      await asked.waitFor();
      expect(await asked.getByTestId('factor-reset-confirm').count()).toBe(0);
      expect(await asked.getByTestId('factor-reset-decline').textContent()).toBe('Withdraw');
      await expect.poll(() => aziz.page.locator('[data-testid=user-row][data-username=amal]').getByTestId('user-pending-reset').count()).toBe(1);

      // Bushra's screen hears it from the hub's stream, without reloading, and she confirms.
      const seen = bushra.page.locator('[data-testid=factor-reset][data-username=amal]');
      await seen.waitFor({ timeout: 20_000 });
      expect(await seen.textContent()).toContain('aziz');
      await shot(bushra.page, 'factor-resets', 'ar');
      await seen.getByTestId('factor-reset-confirm').click();
      await bushra.page.getByTestId('factor-reset-confirm-dialog-go').click();
      await expect.poll(() => bushra.page.getByTestId('users-done').textContent()).toContain('أُعيد ضبط التحقق بخطوتين');
      await expect.poll(() => totp('amal')).toBeNull();
      await expect.poll(() => aziz.page.locator('[data-testid=factor-reset][data-username=amal]').count(), { timeout: 20_000 }).toBe(0);
      await expect.poll(() => seen.count()).toBe(0);

      // Omar's: Aziz cannot confirm his own request, whatever his renderer sends.
      expect(await callInPage(aziz.page, 'resetUserTwoFactor', { userId: String(team.seed.ids.omar) })).toMatchObject({ ok: true, value: { pendingFactorReset: true } });
      const listed = (await callInPage(aziz.page, 'listFactorResets')) as { ok: true; value: { requests: Array<{ requestId: string; username: string; requestedBy: string }> } };
      const omar = listed.value.requests.find((r) => r.username === 'omar')!;
      expect(omar.requestedBy).toBe('aziz');
      expect(await callInPage(aziz.page, 'confirmFactorReset', { requestId: omar.requestId })).toMatchObject({ ok: false, error: { code: 'reset_request_same_admin' } });

      // Bushra declines it with a sentence (the button waits for one); Omar keeps his second factor.
      const waiting = bushra.page.locator('[data-testid=factor-reset][data-username=omar]');
      await waiting.waitFor({ timeout: 20_000 });
      await waiting.getByTestId('factor-reset-decline').click();
      expect(await bushra.page.getByTestId('factor-reset-decline-go').isDisabled()).toBe(true);
      await bushra.page.getByTestId('factor-reset-reason').fill('اتصلتُ به وقد وجد هاتفه');
      await bushra.page.getByTestId('factor-reset-decline-go').click();
      await expect.poll(() => bushra.page.getByTestId('users-done').textContent()).toContain('رُفضت إعادة الضبط');
      await expect.poll(() => aziz.page.locator('[data-testid=factor-reset][data-username=omar]').count(), { timeout: 20_000 }).toBe(0);
      expect(await totp('omar')).toBe('enrolled');

      const trail = await team.seed.store.q.all<{ actor: string; action: string; details: string }>(
        "SELECT actor, action, details FROM audit WHERE action LIKE 'user.second_factor_reset%' ORDER BY seq",
      );
      expect(trail.map((r) => `${r.actor} ${r.action}`)).toEqual([
        'aziz user.second_factor_reset_requested',
        'bushra user.second_factor_reset',
        'aziz user.second_factor_reset_requested',
        'bushra user.second_factor_reset_declined',
      ]);
      expect(JSON.parse(trail[1]!.details)).toMatchObject({ authority: 'second-administrator', requestedBy: 'aziz' });
      expect(JSON.parse(trail[3]!.details)).toMatchObject({ requestedBy: 'aziz', reason: 'اتصلتُ به وقد وجد هاتفه' });
      expect((await team.seed.store.verifyAudit()).broken).toBeNull();
    }),
  180_000);
});
