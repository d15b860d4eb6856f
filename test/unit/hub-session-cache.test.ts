import { describe, expect, it } from 'vitest';
import { SessionCache } from '../../main/hub/session-cache';
import type { HubSession, HubUser } from '../../main/hub/store';

const user = (id: number): HubUser => ({ id, username: `u${id}`, displayName: `u${id}`, role: 'agent', passwordHash: 'x', totpSecret: null, disabled: false, failures: 0, lockedUntil: 0, channels: [] });
const session = (n: number, userId = n, device = `d${n}`): HubSession => ({ tokenHash: `h${n}`, userId, device, stage: 'full', expiresAt: 1_000_000 });

describe('a node\'s cache of verified sessions', () => {
  it('keeps at most its size, dropping the oldest entries first', async () => {
    const cache = new SessionCache({ now: () => 0, fence: async () => true, max: 3 });
    for (let n = 1; n <= 10; n++) cache.put(cache.stamp(), session(n), user(n));
    expect(cache.size).toBe(3);
    for (const n of [1, 2, 7]) expect(await cache.get(`h${n}`)).toBeNull();
    for (const n of [8, 9, 10]) expect((await cache.get(`h${n}`))?.user.id).toBe(n);
  });

  it('forgets an entry after its lifetime and after the session\'s idle deadline, whichever comes first', async () => {
    let now = 0;
    const cache = new SessionCache({ now: () => now, fence: async () => true, ttlMs: 100 });
    cache.put(cache.stamp(), session(1), user(1));
    cache.put(cache.stamp(), { ...session(2), expiresAt: 50 }, user(2));
    now = 60;
    expect(await cache.get('h1')).not.toBeNull();
    expect(await cache.get('h2')).toBeNull();
    now = 100;
    expect(await cache.get('h1')).toBeNull();
    expect(cache.size).toBe(0);
  });

  it('drops what a change names (token, user or device) and stores no fill that began before a change', async () => {
    const cache = new SessionCache({ now: () => 0, fence: async () => true });
    for (const s of [session(1, 10, 'desk-a'), session(2, 10, 'desk-b'), session(3, 11, 'desk-a'), session(4, 12, 'desk-c'), session(5, 13, 'desk-d')]) cache.put(cache.stamp(), s, user(s.userId));
    cache.heard(JSON.stringify({ tokenHash: 'h5' }));
    expect(await cache.get('h5')).toBeNull();
    cache.invalidate({ userId: 10 });
    expect([await cache.get('h1'), await cache.get('h2')]).toEqual([null, null]);
    cache.invalidate({ device: 'desk-a' });
    expect(await cache.get('h3')).toBeNull();
    expect(await cache.get('h4')).not.toBeNull();
    const stamp = cache.stamp();
    cache.heard('not json');
    expect(cache.size).toBe(0);
    cache.put(stamp, session(6), user(6));
    expect(await cache.get('h6')).toBeNull();
  });

  it('answers nothing when it cannot be sure it has heard every change (no LISTEN connection, or the fence fails)', async () => {
    let fence = async () => false;
    const cache = new SessionCache({ now: () => 0, fence: () => fence() });
    cache.put(cache.stamp(), session(1), user(1));
    expect(await cache.get('h1')).toBeNull();
    fence = async () => {
      throw new Error('connection ended');
    };
    expect(await cache.get('h1')).toBeNull();
    fence = async () => true;
    expect(await cache.get('h1')).not.toBeNull();
    expect(cache.hits).toBe(1);
  });
});
