import fs from 'node:fs';
import path from 'node:path';
import { Agent, request } from 'undici';
import { hubSignature } from '../../main/core/connectors';
import type { HubStore } from '../../main/hub/store';
import type { MetaEmulator } from '../emulators/meta';
import { freePort } from '../helpers/ports';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { CustodianProcess } from './custody-fixture';
import { hubFiles, nodeConfig, NodeProcess, pinnedGet, seedHub, type HubFiles } from './harness';

const IT = { actor: 'it:test' };

/**
 * A team hub acting as the relay a desk's policy names (protocol v1, `main/hub/routes/relay.ts`), for one WhatsApp
 * channel: two hub nodes as their own processes (`diwan hub run`) on a throwaway PostgreSQL. The desk talks to the
 * `office` node; Meta posts webhooks to the `public` node (as through IT's reverse proxy), so `down()` can take the
 * desk's side away while webhooks keep arriving, and `up()` brings it back on the same port. IT's steps are the
 * hub's: `enrol` enrols a device and names it in the channel's `relayTo`.
 */
export class HubRelay {
  private readonly agent = new Agent({ connect: { rejectUnauthorized: false } });
  private relayTo: string[] = [];

  private constructor(
    private readonly pg: TestPostgres,
    private readonly files: HubFiles,
    private readonly custodian: CustodianProcess,
    readonly store: HubStore,
    private readonly office: NodeProcess,
    private readonly publicSide: NodeProcess,
    private readonly o: { meta: MetaEmulator; channelId: string },
  ) {}

  static async start(o: { meta: MetaEmulator; token: string; channelId: string }): Promise<HubRelay> {
    const pg = await startTestPostgres();
    const files = await hubFiles();
    const custodian = new CustodianProcess(files.custody);
    await custodian.start();
    const put = (name: string, value: string) => fs.writeFileSync(path.join(files.credentials, name), value, { mode: 0o400 });
    put(`${o.channelId}.app-secret`, o.meta.appSecret);
    put(`${o.channelId}.verify-token`, 'verify-relay-hub-0123');
    put(`${o.channelId}.token`, o.token);
    const seed = await seedHub(pg.url, { users: [] });
    const node = async (nodeId: string) => {
      const port = await freePort();
      return new NodeProcess(nodeConfig(files, { nodeId, pgUrl: pg.url, port }), port, files.credentials);
    };
    const r = new HubRelay(pg, files, custodian, seed.store, await node('office'), await node('public'), o);
    await r.saveChannel();
    await r.office.start();
    await r.publicSide.start();
    return r;
  }

  get url(): string {
    return `https://127.0.0.1:${this.office.port}`;
  }

  get pin(): string {
    return this.files.pin;
  }

  /** IT enrols the console's device at the hub and names it as a desk the channel is relayed to. */
  async enrol(fingerprint: string, publicKeyPem: string): Promise<void> {
    await this.store.enrolDevice({ fingerprint, publicKey: publicKeyPem, label: 'relay desk' }, IT);
    this.relayTo.push(fingerprint);
    await this.saveChannel();
  }

  private saveChannel() {
    const { meta, channelId } = this.o;
    return this.store.saveChannel(
      { id: channelId, kind: 'whatsapp', name: 'WhatsApp', enabled: true, config: { baseUrl: meta.url, settings: { phoneNumberId: meta.phoneNumberId, relayTo: this.relayTo } } },
      IT,
    );
  }

  /** Meta's webhook, signed with the app secret, to the hub's public side. */
  async deliver(payload: unknown): Promise<number[]> {
    const raw = Buffer.from(JSON.stringify(payload));
    const r = await request(`https://127.0.0.1:${this.publicSide.port}/webhooks/${this.o.channelId}`, {
      method: 'POST',
      dispatcher: this.agent,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': hubSignature(raw, this.o.meta.appSecret) },
      body: raw,
    });
    await r.body.dump();
    return [r.statusCode];
  }

  /** Devices that signed in over the relay protocol, from the hub's audit trail. */
  async signIns(): Promise<string[]> {
    return (await this.store.q.all<{ device: string }>("SELECT device FROM audit WHERE action = 'relay.signed_in' ORDER BY seq")).map((a) => a.device);
  }

  /** Requests the office node has answered (its Prometheus counter; reading it is one more). */
  async requests(): Promise<number> {
    const r = await pinnedGet(`${this.url}/metrics`, this.pin);
    return Number(/^diwan_hub_requests_total\{[^}]*\} (\d+)$/m.exec(r.body)?.[1] ?? NaN);
  }

  /** Replies by outbox id as the hub recorded them. */
  async replies(): Promise<Array<{ outbox_id: string; state: string }>> {
    return this.store.q.all('SELECT outbox_id, state FROM relay_replies ORDER BY created_at, outbox_id');
  }

  async down(): Promise<void> {
    await this.office.stop();
  }

  async up(): Promise<void> {
    await this.office.start();
  }

  async close(): Promise<void> {
    await this.office.stop();
    await this.publicSide.stop();
    await this.custodian.stop();
    await this.agent.close();
    await this.store.close();
    await this.pg.destroy();
  }
}
