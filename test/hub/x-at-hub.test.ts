import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchThrough, realSleep } from '../../main/core/connectors';
import { generateSealingKey } from '../../main/core/custody';
import { DiwanError } from '../../main/core/shared/errors';
import { hubChannelSecrets } from '../../main/hub/channel-secrets';
import { hubRegistry } from '../../main/hub/registry';
import { OriginalsSealer } from '../../main/hub/sealing';
import { CredentialsDirSecrets } from '../../main/hub/secrets';
import { HubStore, sqliteExecutor } from '../../main/hub/store';
import { HubChannelSetup } from '../../main/hub/store/channel-setup';
import { XEmulator } from '../emulators/x';
import { tmpDir } from '../helpers/tmp';
import { until } from './harness';

const sealer = new OriginalsSealer('acme', ((k) => () => k)(generateSealingKey(1)), crypto.randomBytes(32));
const open = (b: Buffer) => sealer.openSecret('xa.token', b);
const TOKEN = /x-(access|refresh)-/;

/**
 * X at the hub, against the X emulator: a DM's media fetched through the hub's X connector (`registry.ts`), with the
 * access token refreshed on the way and the rotated pair saved in the hub's database; a node that starts the channel
 * afterwards (a restart, or the lease moving) continues from that pair, never the spent one. Two nodes refreshing
 * from the same pair (the lease holder and one fetching a file): the one X refuses takes the other's saved pair. A
 * pair that cannot be saved is used from memory, since X has spent the one before it.
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

  const logs: string[] = [];
  /** One node's X connector, as `HubChannels` builds it, over IT's files and the database's saved secrets. */
  function connectorOn(nodeId: string, setup = new HubChannelSetup(store)) {
    const { vault } = hubChannelSecrets({ store, setup, sealer, it: new CredentialsDirSecrets(itDir), nodeId });
    return hubRegistry.x({ config: { id: 'xa', kind: 'x', baseUrl: x.url }, vault, clock: { now: () => Date.now() }, sleep: realSleep, jitter: Math.random, log: (l) => logs.push(JSON.stringify(l)) });
  }
  const savedPair = async () => JSON.parse(open((await new HubChannelSetup(store).sealedSecret('xa.token'))!)) as { refreshToken: string; accessToken: string };
  const rotations = async () => (await store.q.all<{ actor: string }>("SELECT actor FROM audit WHERE action = 'hub.secret_rotated' ORDER BY seq")).map((r) => r.actor);

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
    const saved = await savedPair();
    expect(x.refreshTokens.has(saved.refreshToken)).toBe(true);
    expect(await store.q.all("SELECT actor, target FROM audit WHERE action = 'hub.secret_rotated'")).toEqual([{ actor: 'hub:n1', target: 'secret:xa.token' }]);

    // Node n2 takes the channel over; X has revoked the access token, so it must refresh — from the saved pair.
    x.accessTokens.clear();
    const n2 = connectorOn('n2');
    await n2.start(signal).catch(() => {});
    expect(Buffer.compare((await fetchThrough(n2, ref, signal)).content, photo)).toBe(0);
    await n2.stop();
    expect(x.refreshTokens.has(saved.refreshToken)).toBe(false);
    expect(await rotations()).toEqual(['hub:n1', 'hub:n2']);
  }, 60_000);

  it('a node whose refresh token another node spent a moment ago takes the pair that node saves, instead of "token rejected"', async () => {
    const signal = new AbortController().signal;
    const before = await savedPair();
    x.accessTokens.clear(); // both must refresh, from the same saved pair
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // n1's save of its new pair waits until n2 has been refused the same (spent) refresh token.
    const slow = new (class extends HubChannelSetup {
      override async rotateSecret(...args: Parameters<HubChannelSetup['rotateSecret']>) {
        await held;
        return super.rotateSecret(...args);
      }
    })(store);
    const tokenCalls = () => x.calls.filter((c) => c.route === 'token');
    const calls0 = tokenCalls().length;
    const n1 = connectorOn('n1', slow);
    const n2 = connectorOn('n2');
    const first = n1.start(signal);
    await until(() => tokenCalls().length === calls0 + 1, "n1's refresh at X");
    const second = n2.start(signal);
    await until(() => tokenCalls().some((c, i) => i >= calls0 && c.status === 400), "n2's refresh refused");
    release();
    await Promise.all([first, second]);
    const after = await savedPair();
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(x.refreshTokens.has(after.refreshToken)).toBe(true);
    // n2 works with n1's pair: no rotation of its own, and X accepts its calls.
    expect((await rotations()).slice(-1)).toEqual(['hub:n1']);
    x.dmMedia.set('2.jpg', { content: Buffer.from('a second photo'), mimeType: 'image/jpeg' });
    expect((await fetchThrough(n2, `${x.url}/1.1/ton/data/dm/2.jpg`, signal)).content.toString()).toBe('a second photo');
    await n1.stop();
    await n2.stop();
  }, 60_000);

  it("a new pair that cannot be saved is used from memory (X spent the old one) and saved at the next refresh", async () => {
    const signal = new AbortController().signal;
    let failures = 1;
    const down = new (class extends HubChannelSetup {
      override async rotateSecret(...args: Parameters<HubChannelSetup['rotateSecret']>) {
        if (failures-- > 0) throw new DiwanError('hub_db_unavailable', 'The hub cannot reach its database.');
        return super.rotateSecret(...args);
      }
    })(store);
    const before = await savedPair();
    x.accessTokens.clear();
    const n3 = connectorOn('n3', down);
    await n3.start(signal);
    expect(logs.some((l) => l.includes('x.token_unsaved') && l.includes('hub_db_unavailable'))).toBe(true);
    expect((await savedPair()).refreshToken).toBe(before.refreshToken); // spent at X, still the saved one
    x.dmMedia.set('3.jpg', { content: Buffer.from('a third photo'), mimeType: 'image/jpeg' });
    expect((await fetchThrough(n3, `${x.url}/1.1/ton/data/dm/3.jpg`, signal)).content.toString()).toBe('a third photo');
    // The next refresh goes from the pair in memory, and its successor is saved over the spent one.
    x.accessTokens.clear();
    expect((await fetchThrough(n3, `${x.url}/1.1/ton/data/dm/3.jpg`, signal)).content.toString()).toBe('a third photo');
    const after = await savedPair();
    expect(x.refreshTokens.has(after.refreshToken)).toBe(true);
    expect((await rotations()).slice(-1)).toEqual(['hub:n3']);
    await n3.stop();
    expect(logs.filter((l) => TOKEN.test(l))).toEqual([]);
  }, 60_000);
});
