import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE, totpCode } from '../../main/core/auth';
import { CredentialsDirSecrets, startHubNode, type RunningHub } from '../../main/hub';
import type { RunningCustodian } from '../../main/custodian';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { HubApi, TestDesk } from '../helpers/hub-desk';
import { startTestCustodian } from './custody-fixture';
import { hubFiles, inProcessHubConfig, PASSWORD, seedHub, type HubFiles } from './harness';

/**
 * The lock-out's promise ("while locked the password is not even checked") against an attacker who does not wait for
 * answers: guesses sent at once, spread over two nodes of one PostgreSQL, and guesses through a signed-in session's
 * password change. Counted by the hub's own answers and trail, never by time.
 */
describe('team hub lock-out against guesses sent at once', () => {
  let pg: TestPostgres;
  let files: HubFiles;
  let custodian: RunningCustodian;
  let seed: Awaited<ReturnType<typeof seedHub>>;
  const nodes: RunningHub[] = [];
  const desks = [new TestDesk(), new TestDesk()];
  const api = [new HubApi(() => nodes[0]!.url), new HubApi(() => nodes[1]!.url)];
  /** Passwords the hub checked for a name since the trail began (each wrong one is a `signin.refused` entry). */
  const checked = async (username: string, why = 'password') =>
    (await seed.store.q.get<{ n: number }>("SELECT COUNT(*)::int AS n FROM audit WHERE action = 'signin.refused' AND actor = ? AND details::jsonb->>'why' = ?", [username, why]))!.n;

  beforeAll(async () => {
    pg = await startTestPostgres();
    files = await hubFiles();
    custodian = await startTestCustodian(files.custody);
    seed = await seedHub(pg.url, { users: ['omar', 'huda', 'amal', 'sami', 'nadia'].map((username) => ({ username, role: 'agent' as const })) });
    for (const [i, d] of desks.entries()) await seed.store.enrolDevice({ fingerprint: d.fingerprint, publicKey: d.publicKeyPem, label: `desk ${i}` }, { actor: 'it:test' });
    for (const nodeId of ['n1', 'n2']) {
      nodes.push(await startHubNode({ config: inProcessHubConfig(files, pg.url, { nodeId, officeRanges: ['127.0.0.1/32'] }), secrets: new CredentialsDirSecrets(files.credentials), log: () => {} }));
    }
  }, 60_000);

  afterAll(async () => {
    for (const n of nodes) await n.close();
    await custodian?.close();
    for (const a of api) await a.close();
    await seed?.store.close();
    await pg?.destroy();
  });

  it('checks no more passwords than the free attempts and the one that locks, however many guesses arrive at once', async () => {
    const answers = [];
    for (let round = 0; round < 3; round++) {
      // A desk may hold 8 challenges at once: 12 guesses in flight per round, half on each node.
      const guesses = Array.from({ length: 12 }, (_, i) => desks[i % 2]!.signIn((p, json) => api[i % 2]!.call('POST', p, null, json), 'omar', `wrong guess ${round}.${i}`));
      answers.push(...(await Promise.all(guesses)));
    }
    const errors = answers.map((a) => a.body.error);
    expect(errors.every((e) => e === 'signin_failed' || e === 'signin_locked')).toBe(true);
    expect(errors.filter((e) => e === 'signin_failed').length).toBeLessThanOrEqual(DEFAULT_THROTTLE.freeAttempts + 1);
    expect(await checked('omar')).toBeLessThanOrEqual(DEFAULT_THROTTLE.freeAttempts + 1);
    // The right password is not even checked now.
    const right = await desks[0]!.signIn((p, json) => api[0]!.call('POST', p, null, json), 'omar', PASSWORD);
    expect(right).toMatchObject({ status: 429, body: { error: 'signin_locked' } });
    expect(String(right.body.message)).toMatch(/Try again in \d+ seconds/);
  });

  it('counts a wrong current password given to change it toward the name’s lock-out, and checks none while locked', async () => {
    await api[0]!.signIn('huda', desks[0]!, PASSWORD);
    api[1]!.tokens.huda = api[0]!.tokens.huda!;
    const hash = (await seed.store.userByName('huda'))!.passwordHash;
    const tries = await Promise.all(
      Array.from({ length: 12 }, (_, i) => api[i % 2]!.call('POST', '/v1/me/password', 'huda', { current: `not my password ${i}`, next: 'a brand new password phrase' })),
    );
    expect(tries.filter((t) => t.status === 403).length).toBeLessThanOrEqual(DEFAULT_THROTTLE.freeAttempts + 1);
    expect(tries.filter((t) => t.status === 429).length).toBeGreaterThan(0);
    const locked = tries.find((t) => t.status === 429)!;
    expect(locked.body).toMatchObject({ error: 'signin_locked' });
    expect(String(locked.body.message)).toMatch(/Try again in \d+ seconds/);
    // The name is locked for signing in too, and the right current password is refused unchecked meanwhile.
    expect(await desks[1]!.signIn((p, json) => api[1]!.call('POST', p, null, json), 'huda', PASSWORD)).toMatchObject({ status: 429 });
    expect(await api[0]!.call('POST', '/v1/me/password', 'huda', { current: PASSWORD, next: 'a brand new password phrase' })).toMatchObject({ status: 429 });
    expect((await seed.store.userByName('huda'))!.passwordHash).toBe(hash);
  });

  it('still signs a person in with the right password after wrong ones below the limit, and starts their count again', async () => {
    for (let i = 0; i < DEFAULT_THROTTLE.freeAttempts; i++) {
      expect((await desks[0]!.signIn((p, json) => api[0]!.call('POST', p, null, json), 'amal', 'still the wrong one')).status).toBe(403);
    }
    await api[1]!.signIn('amal', desks[1]!, PASSWORD);
    expect(await seed.store.userByName('amal')).toMatchObject({ failures: 0, lockedUntil: 0 });
  });

  it('answers wrong guesses at a made-up name exactly as at a real one, so the lock-out tells nobody which names exist', async () => {
    const answers = async (username: string) => {
      const out: string[] = [];
      for (let i = 0; i < DEFAULT_THROTTLE.freeAttempts + 2; i++) {
        const a = await desks[0]!.signIn((p, json) => api[i % 2]!.call('POST', p, null, json), username, `a wrong guess ${i}`);
        out.push(`${a.status} ${String(a.body.error)}`);
      }
      return out;
    };
    const real = await answers('nadia');
    expect(await answers('nobody-by-this-name')).toEqual(real);
    expect(real.at(-1)).toBe('429 signin_locked');
  });

  it('keeps counting wrong second-factor codes when the password is given again between them', async () => {
    await api[0]!.signIn('sami', desks[0]!, PASSWORD);
    const uri = String((await api[0]!.call('POST', '/v1/me/second-factor/begin', 'sami')).body.otpauthUri);
    const secret = new URL(uri).searchParams.get('secret')!;
    expect((await api[0]!.call('POST', '/v1/me/second-factor/confirm', 'sami', { code: totpCode(secret, Date.now()) })).status).toBe(200);
    const current = new Set([-30_000, 0, 30_000, 60_000].map((d) => totpCode(secret, Date.now() + d)));
    const wrong = Array.from({ length: 40 }, (_, i) => String(100_000 + i * 7_919)).filter((c) => !current.has(c));
    // Someone who knows the password: four wrong codes, the password again (its sign-in is right), four more…
    const answers: string[] = [];
    for (let cycle = 0; cycle < 3; cycle++) {
      const first = await desks[cycle % 2]!.signIn((p, json) => api[cycle % 2]!.call('POST', p, null, json), 'sami', PASSWORD);
      answers.push(String(first.body.error ?? first.body.stage));
      if (first.status !== 200) continue;
      api[cycle % 2]!.tokens.sami = String(first.body.token);
      for (let i = 0; i < DEFAULT_THROTTLE.freeAttempts; i++) {
        answers.push(String((await api[cycle % 2]!.call('POST', '/v1/sign-in/second-factor', 'sami', { code: wrong.pop() })).body.error));
      }
    }
    expect(answers.filter((a) => a === 'second_factor_invalid').length).toBeLessThanOrEqual(DEFAULT_THROTTLE.freeAttempts + 1);
    expect(answers).toContain('signin_locked');
    expect(await checked('sami', 'second factor')).toBeLessThanOrEqual(DEFAULT_THROTTLE.freeAttempts + 1);
  });
});
