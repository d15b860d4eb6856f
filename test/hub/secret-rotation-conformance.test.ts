import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelVault, CredentialsDirSecrets, withChannelSecrets } from '../../main/hub/secrets';
import { HubStore } from '../../main/hub/store';
import { HubChannelSetup } from '../../main/hub/store/channel-setup';
import { tmpDir } from '../helpers/tmp';
import { bothAdapters, secondNode } from './adapters';

/**
 * X rotates its refresh token on every refresh, and a spent one is refused for good. At the hub the rotated pair is
 * saved with a compare-and-set (`HubChannelSetup.rotateSecret` with `expect`, wired through `channelVault` as
 * `node.ts` does): a node that lost the channel's lease never writes its older pair over the newer one. Both adapters.
 */
const adapters = bothAdapters('hub-rotation-');

// Stand-in for the hub's sealing (node.ts seals with the outbox key); the compare-and-set sees only what `open` returns.
const seal = (v: string) => Buffer.from(`sealed:${v}`);
const open = (b: Buffer) => b.toString().slice('sealed:'.length);
const pair = (refreshToken: string) => JSON.stringify({ accessToken: `a-${refreshToken}`, refreshToken, clientId: 'c', expiresAt: 1 });

for (const [name, openStore] of Object.entries(adapters)) {
  describe(`rotated channel secrets at the hub: ${name}`, () => {
    let store: HubStore;
    let itDir: string;
    const now = () => Date.UTC(2026, 11, 1);
    beforeAll(async () => {
      store = await openStore(now);
      await store.migrate();
      await store.saveChannel({ id: 'xa', kind: 'x', name: 'X', config: {}, enabled: true }, { actor: 'it', device: null });
      // IT's first pair, as a credentials file; the database has none yet.
      itDir = tmpDir('hub-rotation-it-');
      fs.writeFileSync(path.join(itDir, 'xa.token'), pair('r0'), { mode: 0o400 });
    });
    afterAll(async () => {
      await store?.close();
    });

    /** One hub node's view: its own store connection, IT's files, the saved secrets over them, the channels' vault. */
    function node(s: HubStore, nodeId: string) {
      const setup = new HubChannelSetup(s);
      const it = new CredentialsDirSecrets(itDir);
      const secrets = withChannelSecrets(it, async (n) => {
        const sealed = await setup.sealedSecret(n);
        return sealed ? open(sealed) : null;
      });
      return channelVault(
        secrets,
        async (id) => (id === 'xa' ? 'x' : undefined),
        (n, value, previous) => setup.rotateSecret({ name: n, sealed: seal(value) }, { actor: `hub:${nodeId}` }, async (stored) => (stored ? open(stored) : await it.get(n)) === previous),
      );
    }

    it("keeps the newest pair: the lease holder's rotation is saved, a stale node's is refused and changes nothing", async () => {
      const other = secondNode(store, now);
      const a = node(store, 'n1');
      const b = node(other, 'n2');
      // Both nodes started the channel from IT's pair (the lease then moved from n1 to n2).
      expect(JSON.parse((await a.get('channel:xa'))!)).toMatchObject({ refreshToken: 'r0' });
      expect(JSON.parse((await b.get('channel:xa'))!)).toMatchObject({ refreshToken: 'r0' });

      // n2, holding the lease, refreshes: r0 is spent, r1 saved, for every node.
      await b.set('channel:xa', pair('r1'));
      expect(open((await new HubChannelSetup(store).sealedSecret('xa.token'))!)).toBe(pair('r1'));
      // n1, which lost the lease mid-refresh, would save an older rotation: refused, the newer pair stays.
      await expect(a.set('channel:xa', pair('r1-from-n1'))).rejects.toMatchObject({ code: 'hub_secret_rotated_elsewhere' });
      expect(open((await new HubChannelSetup(store).sealedSecret('xa.token'))!)).toBe(pair('r1'));

      // A node that reads again (as the X connector does before each refresh) continues from the newest pair.
      expect(JSON.parse((await a.get('channel:xa'))!)).toMatchObject({ refreshToken: 'r1' });
      await a.set('channel:xa', pair('r2'));
      // So does n2 after a restart (a new vault reads the database's pair, not IT's first one).
      const restarted = node(other, 'n2');
      expect(JSON.parse((await restarted.get('channel:xa'))!)).toMatchObject({ refreshToken: 'r2' });

      const audit = await store.q.all<{ actor: string; target: string }>("SELECT actor, target FROM audit WHERE action = 'hub.secret_rotated' ORDER BY seq");
      expect(audit).toEqual([
        { actor: 'hub:n2', target: 'secret:xa.token' },
        { actor: 'hub:n1', target: 'secret:xa.token' },
      ]);
      // Secrets never in events or the audit's details.
      expect(JSON.stringify(await store.eventsAfter(0))).not.toMatch(/r1|r2|a-r/);
      if (other !== store) await other.close();
    });

    it('lets exactly one of two nodes rotating from the same pair at once save it', async () => {
      const other = secondNode(store, now);
      const a = node(store, 'n1');
      const b = node(other, 'n2');
      await a.get('channel:xa');
      await b.get('channel:xa');
      const results = await Promise.allSettled([a.set('channel:xa', pair('ra')), b.set('channel:xa', pair('rb'))]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(refused).toHaveLength(1);
      expect(refused[0]!.reason).toMatchObject({ code: 'hub_secret_rotated_elsewhere' });
      const saved = open((await new HubChannelSetup(store).sealedSecret('xa.token'))!);
      expect([pair('ra'), pair('rb')]).toContain(saved);
      if (other !== store) await other.close();
    });
  });
}
