import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchThrough, realSleep } from '../../main/core/connectors';
import { hubRegistry } from '../../main/hub/registry';
import { channelVault, CredentialsDirSecrets, withChannelSecrets } from '../../main/hub/secrets';
import { HubStore, sqliteExecutor } from '../../main/hub/store';
import { HubChannelSetup } from '../../main/hub/store/channel-setup';
import { XEmulator } from '../emulators/x';
import { tmpDir } from '../helpers/tmp';

// Stand-in for the hub's sealing; the compare-and-set sees only what `open` returns.
const seal = (v: string) => Buffer.from(`sealed:${v}`);
const open = (b: Buffer) => b.toString().slice('sealed:'.length);

/**
 * X at the hub, against the X emulator: a DM's media fetched through the hub's X connector (`registry.ts`), with the
 * access token refreshed on the way and the rotated pair saved in the hub's database; a node that starts the channel
 * afterwards (a restart, or the lease moving) continues from that pair, never the spent one.
 */
describe('X at the hub', () => {
  let x: XEmulator;
  let store: HubStore;
  let itDir: string;
  beforeAll(async () => {
    x = await XEmulator.start({ tokenTag: 'hub-' });
    store = new HubStore(sqliteExecutor(path.join(tmpDir('hub-x-'), 'hub.sqlite')), () => Date.now());
    await store.migrate();
    await store.saveChannel({ id: 'xa', kind: 'x', name: 'X', config: { baseUrl: x.url }, enabled: true }, { actor: 'it', device: null });
    itDir = tmpDir('hub-x-it-');
    // IT's first pair, already expired: the first use refreshes it.
    fs.writeFileSync(path.join(itDir, 'xa.token'), JSON.stringify({ ...x.issue(), clientId: x.clientId, expiresAt: 0 }), { mode: 0o400 });
  });
  afterAll(async () => {
    await store?.close();
    await x?.close();
  });

  /** One node's X connector, as `HubChannels` builds it, over IT's files and the database's saved secrets. */
  function connectorOn(nodeId: string) {
    const setup = new HubChannelSetup(store);
    const it = new CredentialsDirSecrets(itDir);
    const secrets = withChannelSecrets(it, async (n) => {
      const sealed = await setup.sealedSecret(n);
      return sealed ? open(sealed) : null;
    });
    const vault = channelVault(
      secrets,
      async (id) => (id === 'xa' ? 'x' : undefined),
      (n, value, previous) => setup.rotateSecret({ name: n, sealed: seal(value) }, { actor: `hub:${nodeId}` }, async (stored) => (stored ? open(stored) : await it.get(n)) === previous),
    );
    return hubRegistry.x({ config: { id: 'xa', kind: 'x', baseUrl: x.url }, vault, clock: { now: () => Date.now() }, sleep: realSleep, jitter: Math.random, log: () => {} });
  }

  it("fetches a DM's media with a refreshed token, saves the rotation, and a node starting later continues from it", async () => {
    const first = JSON.parse(fs.readFileSync(path.join(itDir, 'xa.token'), 'utf8')) as { refreshToken: string };
    const photo = Buffer.from('\xff\xd8\xff\xe0 a customer photo', 'latin1');
    x.dmMedia.set('1.jpg', { content: photo, mimeType: 'image/jpeg' });
    const ref = `${x.url}/1.1/ton/data/dm/1.jpg`;

    const signal = new AbortController().signal;
    const n1 = connectorOn('n1');
    expect(n1.fetchAttachment).toBeTypeOf('function');
    await n1.start(signal).catch(() => {});
    const got = await fetchThrough(n1, ref, signal);
    expect(Buffer.compare(got.content, photo)).toBe(0);
    await n1.stop();

    // IT's refresh token is spent at X; the rotated pair is in the database, audited by name only.
    expect(x.refreshTokens.has(first.refreshToken)).toBe(false);
    const saved = JSON.parse(open((await new HubChannelSetup(store).sealedSecret('xa.token'))!)) as { refreshToken: string; accessToken: string };
    expect(x.refreshTokens.has(saved.refreshToken)).toBe(true);
    expect(await store.q.all("SELECT actor, target FROM audit WHERE action = 'hub.secret_rotated'")).toEqual([{ actor: 'hub:n1', target: 'secret:xa.token' }]);

    // Node n2 takes the channel over; X has revoked the access token, so it must refresh — from the saved pair.
    x.accessTokens.clear();
    const n2 = connectorOn('n2');
    await n2.start(signal).catch(() => {});
    expect(Buffer.compare((await fetchThrough(n2, ref, signal)).content, photo)).toBe(0);
    await n2.stop();
    expect(x.refreshTokens.has(saved.refreshToken)).toBe(false);
    expect((await store.q.all("SELECT actor FROM audit WHERE action = 'hub.secret_rotated' ORDER BY seq")).map((r) => (r as { actor: string }).actor)).toEqual(['hub:n1', 'hub:n2']);
  }, 60_000);
});
