import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../main/core/auth';
import type { TickClock } from '../../main/core/shared/ports';
import { HubClient, TeamCache } from '../../main/core/team';
import { CredentialsDirSecrets, startHubNode, type RunningHub } from '../../main/hub';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { CustodianProcess } from './custody-fixture';
import { hubFiles, inProcessHubConfig, PASSWORD, pinnedGet, seedHub, until, type HubFiles } from './harness';
import { preparedMessage } from './prepared-message';

/** Timers that fire only when the test says: acknowledgements are counted, never timed. */
class ManualTicks implements TickClock {
  pending: Array<() => void> = [];
  now(): number {
    return Date.now();
  }
  after(_ms: number, fn: () => void): () => void {
    this.pending.push(fn);
    return () => void (this.pending = this.pending.filter((p) => p !== fn));
  }
  fire(): void {
    const due = this.pending;
    this.pending = [];
    for (const fn of due) fn();
  }
}

/**
 * A console acknowledges its stream once per STREAM_ACK_MS with its newest frame, not once per frame (each
 * acknowledgement cost the node a TLS read and a parse per frame per console); the hub's copy of the cursor still
 * arrives. A real hub node, PostgreSQL and HubClient over TLS.
 */
describe('stream acknowledgements', () => {
  let pg: TestPostgres;
  let files: HubFiles;
  let hub: RunningHub;
  let custodian: CustodianProcess;
  let seed: Awaited<ReturnType<typeof seedHub>>;
  let client: HubClient | null = null;
  let cache: TeamCache;
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const device = { fingerprint: fingerprintOf(publicKeyPem), sign: (d: string) => crypto.sign(null, Buffer.from(d, 'utf8'), privateKey).toString('base64') };

  beforeAll(async () => {
    pg = await startTestPostgres();
    files = await hubFiles();
    custodian = new CustodianProcess(files.custody);
    await custodian.start();
    seed = await seedHub(pg.url, { users: [{ username: 'amal', role: 'agent' }] });
    await seed.store.enrolDevice({ fingerprint: device.fingerprint, publicKey: publicKeyPem, label: 'desk' }, { actor: 'it:test' });
    await seed.store.saveChannel({ id: 'tg', kind: 'telegram', name: 'Support bot', enabled: false, config: {} }, { actor: 'it:test' });
    hub = await startHubNode({ config: inProcessHubConfig(files, pg.url, { officeRanges: ['127.0.0.1/32'], stream: { windowMs: 0 } }), secrets: new CredentialsDirSecrets(files.credentials), log: () => {} });
  }, 90_000);

  afterAll(async () => {
    await client?.stop();
    await hub?.close();
    await custodian?.stop();
    await seed?.store.close();
    await pg?.destroy();
  });

  const counters = async () => {
    const body = (await pinnedGet(`${hub.url}/metrics`, files.pin)).body;
    const read = (name: string) => Number(new RegExp(`^${name}\\{[^}]*\\} (\\d+)`, 'm').exec(body)?.[1] ?? NaN);
    return { frames: read('diwan_hub_stream_frames_total'), acks: read('diwan_hub_stream_acks_total') };
  };

  it('five frames, one acknowledgement of the newest, and the hub writes that cursor', async () => {
    const ticks = new ManualTicks();
    cache = new TeamCache(path.join(files.dir, 'cache-amal.sqlite'), crypto.randomBytes(32));
    client = new HubClient({ url: hub.url, pin: files.pin, device, cache, ticks });
    await client.signIn('amal', PASSWORD);
    client.follow();
    await until(async () => (await hub.health()).consoles === 1, 'the stream to open');
    const before = await counters();
    for (let i = 0; i < 5; i++) {
      // One message at a time, each read and sent before the next: five frames.
      await seed.store.ingest('tg', [preparedMessage(`m${i}`, 'c1', 1_000 + i)]);
      const seq = await seed.store.latestEventSeq();
      await until(() => cache.cursor() >= seq, `the console to have event ${seq}`);
    }
    const newest = await seed.store.latestEventSeq();
    const sent = await counters();
    expect(sent.frames - before.frames).toBeGreaterThanOrEqual(5);
    expect(sent.acks).toBe(before.acks);
    expect(ticks.pending).toHaveLength(1);

    ticks.fire();
    await until(async () => (await counters()).acks === before.acks + 1, 'the acknowledgement to reach the hub');
    await until(async () => (await seed.store.consoleCursors()).some((c) => c.seq === newest), 'the hub to write the acknowledged cursor');
    expect((await counters()).acks).toBe(before.acks + 1);
    expect(ticks.pending).toHaveLength(0);
  }, 60_000);

  it('two replies sent at once both reach the hub: the second, queued while the first was being sent, is not left waiting', async () => {
    const conversationId = (await seed.store.conversations({ limit: 1 }))[0]!.id;
    const [a, b] = await Promise.all([client!.reply(conversationId, 'First, we are looking into it.'), client!.reply(conversationId, 'Second, it is fixed now.')]);
    expect(cache.outboxEntry(a)).toMatchObject({ state: 'accepted' });
    expect(cache.outboxEntry(b)).toMatchObject({ state: 'accepted' });
  }, 60_000);
});
