import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECOND_ADMIN_WINDOW_MS } from '../../main/core/auth';
import { HubStore } from '../../main/hub/store';
import { HubRoleGrants } from '../../main/hub/store/role-grants';
import { bothAdapters } from './adapters';

const adapters = bothAdapters('hub-roles-');

/**
 * Accounts of any role and role changes from a console, on both adapters: with the two-administrator policy a
 * privileged role waits (the new account disabled) until a different administrator confirms; without it one
 * administrator gives it; lowering a role never waits; each step leaves its event and audit entry.
 */
for (const [name, open] of Object.entries(adapters)) {
  describe(`role grants at the hub: ${name}`, () => {
    let store: HubStore;
    let t = 50_000;
    const now = () => t;
    let adam: { id: number; actor: string; device: null };
    let bushra: { id: number; actor: string; device: null };
    const user = (username: string, role: 'agent' | 'lead' | 'admin' | 'auditor' = 'agent') => ({ username, displayName: username, role, passwordHash: 'x' });
    const lastAudit = async (action: string) => {
      const r = await store.q.get<{ actor: string; target: string; details: string }>('SELECT actor, target, details FROM audit WHERE action = ? ORDER BY seq DESC LIMIT 1', [action]);
      return r ? { ...r, details: JSON.parse(r.details) as Record<string, unknown> } : null;
    };

    beforeAll(async () => {
      store = await open(now);
      await store.migrate();
      const a = await store.createUser(user('adam', 'admin'), { actor: 'it:test' });
      const b = await store.createUser(user('bushra', 'admin'), { actor: 'it:test' });
      adam = { id: a.id, actor: 'adam', device: null };
      bushra = { id: b.id, actor: 'bushra', device: null };
    });
    afterAll(async () => {
      await store?.close();
    });

    it('with the policy, a new lead is a disabled agent until a second administrator confirms, then signs in as a lead', async () => {
      const grants = new HubRoleGrants(store, { needsSecondAdmin: true, windowMs: SECOND_ADMIN_WINDOW_MS });
      const before = await store.latestEventSeq();
      const { user: lina, grant } = await grants.create(user('lina', 'lead'), adam);
      expect(lina).toMatchObject({ role: 'agent', disabled: true });
      expect(grant).toMatchObject({ userId: lina.id, username: 'lina', role: 'lead', from: 'agent', requestedBy: 'adam' });
      expect((await grants.pending()).map((g) => g.id)).toEqual([grant!.id]);
      expect((await store.eventsAfter(before)).map((e) => [e.kind, e.audience])).toEqual([
        ['user.updated', 'team'],
        ['role_grant.requested', 'admins'],
      ]);
      expect((await lastAudit('user.created'))!.details).toMatchObject({ username: 'lina', role: 'agent', disabled: true, authority: 'pending-second-administrator' });
      expect(await lastAudit('user.role_requested')).toMatchObject({ actor: 'adam', target: `user:${lina.id}`, details: { from: 'agent', to: 'lead' } });

      await expect(grants.confirm(grant!.id, adam.id, adam)).rejects.toMatchObject({ code: 'role_request_same_admin' });
      expect((await store.userById(lina.id))!.role).toBe('agent');
      const confirmed = await grants.confirm(grant!.id, bushra.id, bushra);
      expect(confirmed).toMatchObject({ role: 'lead', disabled: false });
      expect(await grants.pending()).toEqual([]);
      expect(await lastAudit('user.role_changed')).toMatchObject({
        actor: 'bushra',
        details: { from: 'agent', to: 'lead', authority: 'second-administrator', requestedBy: 'adam', enabled: true },
      });
      await expect(grants.confirm(grant!.id, bushra.id, bushra)).rejects.toMatchObject({ code: 'role_request_not_found' });
    });

    it('with the policy, a role change to auditor waits; lowering it back does not; nobody changes or confirms their own', async () => {
      const grants = new HubRoleGrants(store, { needsSecondAdmin: true, windowMs: 1_000 });
      const amal = await store.createUser(user('amal'), { actor: 'it:test' });
      const asked = await grants.setRole(amal.id, 'auditor', adam);
      expect(asked.user.role).toBe('agent');
      expect(asked.grant).toMatchObject({ role: 'auditor', from: 'agent' });
      // Expired requests cannot be confirmed.
      t += 2_000;
      await expect(grants.confirm(asked.grant!.id, bushra.id, bushra)).rejects.toMatchObject({ code: 'role_request_not_found' });
      const again = await grants.setRole(amal.id, 'auditor', adam);
      expect((await grants.confirm(again.grant!.id, bushra.id, bushra)).role).toBe('auditor');
      // Lowering takes one administrator, at once.
      expect((await grants.setRole(amal.id, 'agent', adam)).user.role).toBe('agent');
      await expect(grants.setRole(adam.id, 'agent', adam)).rejects.toMatchObject({ code: 'role_change_self' });
      const selfAsk = await grants.setRole(bushra.id, 'lead', adam);
      await expect(grants.confirm(selfAsk.grant!.id, bushra.id, bushra)).rejects.toMatchObject({ code: 'role_request_self' });
    });

    it('a request whose person changed role meanwhile is refused as stale', async () => {
      const grants = new HubRoleGrants(store, { needsSecondAdmin: true, windowMs: SECOND_ADMIN_WINDOW_MS });
      const sara = await store.createUser(user('sara'), { actor: 'it:test' });
      const asked = await grants.setRole(sara.id, 'lead', adam);
      await store.updateUser(sara.id, { role: 'auditor' }, { actor: 'it:test', action: 'user.role_changed' });
      await expect(grants.confirm(asked.grant!.id, bushra.id, bushra)).rejects.toMatchObject({ code: 'role_request_stale' });
      expect((await store.userById(sara.id))!.role).toBe('auditor');
    });

    it('a second administrator declines with a sentence (masked, audited); the one who asked may withdraw; the person it is for may not decide', async () => {
      const grants = new HubRoleGrants(store, { needsSecondAdmin: true, windowMs: SECOND_ADMIN_WINDOW_MS });
      const { user: nour, grant } = await grants.create(user('nour', 'lead'), adam);
      const before = await store.latestEventSeq();
      // A sentence that says nothing is refused, and nothing changes.
      await expect(grants.decline(grant!.id, bushra.id, '....', bushra)).rejects.toMatchObject({ code: 'reason_required' });
      expect((await grants.pending()).map((g) => g.id)).toContain(grant!.id);
      const after = await grants.decline(grant!.id, bushra.id, 'Not agreed with her lead; call me on +966 55 123 4567', bushra);
      expect(after).toMatchObject({ id: nour.id, role: 'agent', disabled: true });
      expect((await grants.pending()).map((g) => g.id)).not.toContain(grant!.id);
      expect((await store.eventsAfter(before)).map((e) => [e.kind, e.audience, (e.payload as { outcome?: string }).outcome])).toEqual([['role_grant.closed', 'admins', 'declined']]);
      const entry = await lastAudit('user.role_declined');
      expect(entry).toMatchObject({ actor: 'bushra', target: `user:${nour.id}`, details: { from: 'agent', to: 'lead', requestedBy: 'adam', requestId: grant!.id } });
      expect(String(entry!.details.reason)).toContain('Not agreed with her lead');
      expect(JSON.stringify(entry)).not.toContain('123 4567');
      await expect(grants.confirm(grant!.id, bushra.id, bushra)).rejects.toMatchObject({ code: 'role_request_not_found' });
      await expect(grants.decline(grant!.id, bushra.id, 'Declined twice by mistake', bushra)).rejects.toMatchObject({ code: 'role_request_not_found' });

      // The one who asked withdraws their own request.
      const sami = await store.createUser(user('sami'), { actor: 'it:test' });
      const asked = await grants.setRole(sami.id, 'auditor', adam);
      await grants.decline(asked.grant!.id, adam.id, 'Asked for the wrong person', adam);
      expect((await lastAudit('user.role_declined'))!.details).toMatchObject({ withdrawn: true });
      // The person a request is for cannot decide on it, either way.
      const forBushra = await grants.setRole(bushra.id, 'lead', adam);
      await expect(grants.decline(forBushra.grant!.id, bushra.id, 'I would rather stay administrator', bushra)).rejects.toMatchObject({ code: 'role_request_self' });
      expect((await grants.pending()).map((g) => g.id)).toContain(forBushra.grant!.id);
      await grants.decline(forBushra.grant!.id, adam.id, 'Changed my mind about this one', adam);
      expect((await store.userById(bushra.id))!.role).toBe('admin');
    });

    it('without the policy one administrator gives any role; the last active administrator keeps theirs; a taken name changes nothing', async () => {
      const grants = new HubRoleGrants(store, { needsSecondAdmin: false, windowMs: SECOND_ADMIN_WINDOW_MS });
      const { user: aud, grant } = await grants.create(user('aud', 'auditor'), adam);
      expect(grant).toBeNull();
      expect(aud).toMatchObject({ role: 'auditor', disabled: false });
      expect((await lastAudit('user.created'))!.details).toMatchObject({ role: 'auditor', authority: 'administrator' });
      const count = await store.userCount();
      await expect(grants.create(user('aud', 'lead'), adam)).rejects.toMatchObject({ code: 'user_exists' });
      expect(await store.userCount()).toBe(count);
      // Bushra is demoted; Adam, now the only active administrator, cannot be.
      expect((await grants.setRole(bushra.id, 'lead', adam)).user.role).toBe('lead');
      const other = await grants.create(user('omar', 'admin'), adam);
      await expect(grants.setRole(adam.id, 'agent', { ...other.user, actor: 'omar', device: null })).resolves.toMatchObject({ user: { role: 'agent' } });
      await expect(grants.setRole(other.user.id, 'agent', adam)).rejects.toMatchObject({ code: 'last_admin' });
      expect((await store.verifyAudit()).broken).toBeNull();
    });
  });
}
