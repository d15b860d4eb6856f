import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedIn } from '../../main/hub/accounts';
import { channelSetupRoutes } from '../../main/hub/routes/channel-setup';
import type { ApiDeps, AreaHelpers } from '../../main/hub/routes/route';
import { HubStore, sqliteExecutor } from '../../main/hub/store';
import { tmpDir } from '../helpers/tmp';

/** An administrator adding a channel set to go through the relay, at a team hub and at the embedded hub. */
describe('adding a relay channel at the hub', () => {
  let store: HubStore;
  beforeAll(async () => {
    store = new HubStore(sqliteExecutor(path.join(tmpDir('hub-relay-setup-'), 'hub.sqlite')), () => 50_000);
    await store.migrate();
  });
  afterAll(async () => store?.close());

  const save = (relay: ApiDeps['relay'], body: Record<string, unknown>) => {
    const d = { store, now: () => 50_000, secrets: { get: async () => null }, ...(relay ? { relay } : {}) } as unknown as ApiDeps;
    const h = { actorOf: () => ({ actor: 'salma', device: 'd'.repeat(64) }) } as unknown as AreaHelpers;
    const route = channelSetupRoutes(d, h).find((r) => r.method === 'POST')!;
    return route.handle({ who: {} as SignedIn, params: [], body, query: new URLSearchParams() } as never);
  };
  const relayChannel = { id: 'wa', kind: 'whatsapp', name: 'WhatsApp', credentials: {}, settings: { via: 'relay' } };

  it('a team hub takes the webhooks itself: it refuses the setting with a sentence and saves nothing', async () => {
    await expect(save(undefined, relayChannel)).rejects.toMatchObject({ code: 'hub_relay_unsupported', message: expect.stringMatching(/takes the platform's webhooks itself .*remove the setting "via"/) });
    expect(await store.channels()).toEqual([]);
  });

  it('the embedded hub with no relay in the policy refuses with relay_not_configured and saves nothing', async () => {
    await expect(save({ named: () => false }, relayChannel)).rejects.toMatchObject({
      code: 'relay_not_configured',
      message: 'Channel wa goes through the relay, but the IT policy names no relay (relay.url and relay.pin). Ask IT to add it.',
    });
    expect(await store.channels()).toEqual([]);
  });

  it('the embedded hub with a relay saves it without the platform ids (the relay has them); a direct WhatsApp channel still needs them', async () => {
    expect(await save({ named: () => true }, relayChannel)).toMatchObject({ channel: { id: 'wa', kind: 'whatsapp', enabled: true } });
    expect((await store.channels()).find((c) => c.id === 'wa')).toMatchObject({ config: { settings: { via: 'relay' } } });
    await expect(save({ named: () => true }, { ...relayChannel, id: 'wa2', settings: {} })).rejects.toMatchObject({ code: 'hub_settings_missing' });
  });
});
