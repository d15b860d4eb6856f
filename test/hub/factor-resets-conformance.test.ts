import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubStore } from '../../main/hub/store';
import { HubFactorResets } from '../../main/hub/store/factor-resets';
import { bothAdapters } from './adapters';

const adapters = bothAdapters('hub-factor-resets-');

/**
 * Second-factor resets waiting for a second administrator, on both adapters: listed with who asked and for whom;
 * another administrator confirms or declines with a sentence (masked in the trail); the one who asked only
 * withdraws; the person it is for never decides; each outcome leaves its event and audit entry in one transaction.
 */
for (const [name, open] of Object.entries(adapters)) {
  describe(`second-factor resets at the hub: ${name}`, () => {
    let store: HubStore;
    let resets: HubFactorResets;
    let t = 70_000;
    const now = () => t;
    const ids: Record<string, number> = {};
    const actor = (u: string) => ({ actor: u, device: null });
    const audits = async () =>
      (await store.q.all<{ actor: string; action: string; target: string; details: string }>("SELECT actor, action, target, details FROM audit WHERE action LIKE 'user.second_factor_reset%' ORDER BY seq")).map(
        (a) => ({ ...a, details: JSON.parse(a.details) as Record<string, unknown> }),
      );

    beforeAll(async () => {
      store = await open(now);
      await store.migrate();
      for (const [u, role] of [['adam', 'admin'], ['bushra', 'admin'], ['amal', 'agent'], ['omar', 'agent']] as const) {
        ids[u] = (await store.createUser({ username: u, displayName: u, role, passwordHash: 'x' }, { actor: 'it:test' })).id;
      }
      for (const u of ['amal', 'omar', 'bushra']) await store.updateUser(ids[u]!, { totpSecret: 'SECRET' }, { actor: 'it:test', action: 'user.second_factor_enrolled' });
      resets = new HubFactorResets(store);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('lists a waiting reset with the names a console shows', async () => {
      const r = await resets.request(ids.amal!, ids.adam!, t + 60_000, actor('adam'));
      expect(await resets.pending()).toEqual([
        { id: r.id, userId: ids.amal, username: 'amal', requestedById: ids.adam, requestedBy: 'adam', requestedAt: t, expiresAt: t + 60_000 },
      ]);
      const ev = (await store.eventsAfter(0, 10_000)).filter((e) => e.kind.startsWith('factor_reset.')).at(-1)!;
      expect([ev.kind, ev.audience]).toEqual(['factor_reset.requested', 'admins']);
    });

    it('another administrator declines with a sentence: the second factor stays, the sentence is masked in the trail', async () => {
      const [r] = await resets.pending();
      await expect(resets.decline(r!.id, ids.bushra!, '   ', actor('bushra'))).rejects.toMatchObject({ code: 'reason_required' });
      const u = await resets.decline(r!.id, ids.bushra!, 'she found her phone; call 0501234567 first', actor('bushra'));
      expect(u.totpSecret).toBe('SECRET');
      expect(await resets.pending()).toEqual([]);
      const a = (await audits()).at(-1)!;
      expect([a.actor, a.action, a.target]).toEqual(['bushra', 'user.second_factor_reset_declined', `user:${ids.amal}`]);
      expect(a.details).toMatchObject({ requestedBy: 'adam', requestId: r!.id });
      expect(a.details.withdrawn).toBeUndefined();
      expect(String(a.details.reason)).toMatch(/^she found her phone; call /);
      expect(String(a.details.reason)).not.toContain('0501234567');
      const ev = (await store.eventsAfter(0, 10_000)).filter((e) => e.kind.startsWith('factor_reset.')).at(-1)!;
      expect([ev.kind, ev.audience, (ev.payload as { outcome: string }).outcome]).toEqual(['factor_reset.closed', 'admins', 'declined']);
      await expect(resets.decline(r!.id, ids.bushra!, 'asking again', actor('bushra'))).rejects.toMatchObject({ code: 'reset_request_unknown' });
    });

    it('the one who asked withdraws (cannot confirm); the person it is for decides nothing', async () => {
      const r = await resets.request(ids.omar!, ids.adam!, t + 60_000, actor('adam'));
      await expect(resets.confirm(r.id, ids.adam!, actor('adam'))).rejects.toMatchObject({ code: 'reset_request_same_admin' });
      await resets.decline(r.id, ids.adam!, 'asked for the wrong person', actor('adam'));
      expect((await audits()).at(-1)!.details).toMatchObject({ withdrawn: true });
      expect((await store.userById(ids.omar!))!.totpSecret).toBe('SECRET');

      const own = await resets.request(ids.bushra!, ids.adam!, t + 60_000, actor('adam'));
      await expect(resets.decline(own.id, ids.bushra!, 'not me', actor('bushra'))).rejects.toMatchObject({ code: 'reset_request_self' });
      await expect(resets.confirm(own.id, ids.bushra!, actor('bushra'))).rejects.toMatchObject({ code: 'reset_request_self' });
      expect((await resets.pending()).map((p) => p.id)).toEqual([own.id]);
    });

    it('a confirmation resets the factor, closes the request with its event, and an expired one can be neither confirmed nor declined', async () => {
      const r = await resets.request(ids.omar!, ids.bushra!, t + 60_000, actor('bushra'));
      const u = await resets.confirm(r.id, ids.adam!, actor('adam'));
      expect(u.totpSecret).toBeNull();
      const ev = (await store.eventsAfter(0, 10_000)).filter((e) => e.kind === 'factor_reset.closed').at(-1)!;
      expect((ev.payload as { outcome: string }).outcome).toBe('confirmed');
      const late = await resets.request(ids.amal!, ids.adam!, t + 10, actor('adam'));
      t += 11;
      await expect(resets.decline(late.id, ids.bushra!, 'too late', actor('bushra'))).rejects.toMatchObject({ code: 'reset_request_unknown' });
      expect((await store.verifyAudit()).broken).toBeNull();
    });
  });
}
