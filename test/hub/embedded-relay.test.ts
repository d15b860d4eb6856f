import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { openCore, type Core } from '../../main/core/app';
import { loadOrCreateDeviceIdentity, newSessionSlot } from '../../main/core/auth';
import { Vault, type KeychainPort } from '../../main/core/vault';
import { startEmbeddedHub, type StartedEmbeddedHub } from '../../main/hub/embedded';
import { MetaEmulator } from '../emulators/meta';
import { HubRelay } from './relay-hub';
import { testKeychain } from '../helpers/keychain';
import { interfaces, makeSigner, managedLocation, policyBody, siteFor, startTestBeacon, writeSignedPolicy } from '../helpers/network';
import { tmpDir } from '../helpers/tmp';
import { consoleWindow, conversationIn } from '../helpers/console-window';

const PASSWORD = 'a long and careful passphrase 7';
const WA_TOKEN = 'EAAG-relay-side-token';
const CUSTOMER = '966501234567';


type Office = Awaited<ReturnType<typeof officeNetwork>>;

/** IT's signed office policy, naming the relay or not (`install` signs a newer one), and a console inside the office. */
async function officeNetwork(relay: { url: string; pin: string } | null, over: { requireTwoFactor?: boolean } = {}) {
  const beacon = await startTestBeacon('hq');
  const signer = makeSigner();
  const loc = managedLocation([signer]);
  let version = 0;
  const install = (r: { url: string; pin: string } | null) =>
    writeSignedPolicy(loc.policyFile, policyBody([siteFor('hq', beacon, ['10.20.0.0/16'])], { version: ++version, ...over, ...(r ? { relay: r } : {}) }), signer);
  install(relay);
  return { network: { ...loc, interfaces: () => interfaces({ eth0: ['10.20.1.5'] }), dnsSuffixes: async () => [], debounceMs: 10 }, install };
}

async function consoleIn(dataDir: string, keychain: KeychainPort, service: string, embedded: 'hub' | 'store', office: Office, runtime: { maxSendAttempts?: number } = {}): Promise<Core> {
  const core = await openCore({
    dataDir,
    keychain,
    keychainService: service,
    embedded,
    network: office.network,
    embeddedHub: (o, source) => startEmbeddedHub({ ...o, runtime: { outboxIdleMs: 200, errorBackoff: { baseMs: 100, capMs: 500 }, ...runtime } }, source),
  });
  try {
    await core.ready();
    core.gate.start();
    await expect.poll(() => core.gate.current()?.state, { timeout: 20_000 }).toBe('office');
  } catch (e) {
    await core.closeAndWait();
    throw e;
  }
  return core;
}

/** `diwan status` on the folder, with the same office policy (the console must be closed: the CLI opens the database). */
async function status(dataDir: string, service: string, office: Office): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const sink = new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) });
  const code = await runCli(['status', '--data-dir', dataDir], { stdin: Readable.from([]), stdout: sink, stderr: sink, env: { DIWAN_KEYCHAIN_SERVICE: service }, network: office.network });
  return { code, out: out.join('') };
}

/** The relay channel's messages at the hub (a new hub-mode folder also runs the demo channel). */
const WA_MESSAGES = "SELECT m.masked_text FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.channel_id = 'wa' ORDER BY m.id";
const WA_INBOUND = WA_MESSAGES.replace('ORDER BY', "AND m.direction = 'in' ORDER BY");
const hubStore = (core: Core) => (core.embeddedHub() as StartedEmbeddedHub).store;
const health = async (core: Core, channelId: string) =>
  (await hubStore(core).q.get<{ state: string; detail: string | null }>('SELECT state, detail FROM channel_health WHERE channel_id = ?', [channelId])) ?? null;

describe('the embedded hub serves relay channels through the office relay the policy names', () => {
  it('a single seat with a WhatsApp channel via the relay moves into the embedded hub and keeps it: in masked, replies once, survives the relay going away', async () => {
    const meta = await MetaEmulator.start(WA_TOKEN);
    const relay = await HubRelay.start({ meta, token: WA_TOKEN, channelId: 'wa' });
    const dataDir = tmpDir();
    const { keychain, service } = testKeychain();
    // IT enrols this computer's device key at the relay (the key is made on first start, here before the console's).
    const device = await loadOrCreateDeviceIdentity(new Vault(keychain, service));
    await relay.enrol(device.fingerprint, device.publicKeyPem);
    const office = await officeNetwork({ url: relay.url, pin: relay.pin });

    // The single seat as it ran: an administrator, an agent, and WhatsApp through the relay (no token: the relay holds it).
    let core = await consoleIn(dataDir, keychain, service, 'store', office);
    try {
      const slot = newSessionSlot();
      await core.identity.createAdmin(slot, { username: 'salma', displayName: 'Salma', password: PASSWORD });
      await core.identity.createUser(core.identity.requireSession(slot), { username: 'amal', displayName: 'Amal', role: 'agent', password: PASSWORD });
      core.identity.signOut(slot);
      core.store.channels.create({ id: 'wa', kind: 'whatsapp', name: 'WhatsApp', config: { via: 'relay' } });
    } finally {
      await core.closeAndWait();
    }

    // The relay's node is a real process that takes seconds to come back, and a reply fails for good after five failed
    // tries in a row (about a second apart here): this test allows more tries, so the reply waits for the restart.
    core = await consoleIn(dataDir, keychain, service, 'hub', office, { maxSendAttempts: 100 });
    try {
      const [wa] = (await hubStore(core).channels()).filter((c) => c.id === 'wa');
      expect(wa).toMatchObject({ kind: 'whatsapp', enabled: true, config: { settings: { via: 'relay' } } });
      // The hub's connector signs in at the relay with this console's device key.
      await expect.poll(() => relay.signIns(), { timeout: 20_000 }).toContain(device.fingerprint);

      // Meta posts the customer's message to the relay; it reaches the embedded hub masked.
      expect(await relay.deliver(meta.waPayload([{ from: CUSTOMER, name: 'Noura', text: 'My card 4111 1111 1111 1111 was charged twice' }]))).toEqual([200]);
      const agent = consoleWindow(core);
      expect(await agent('signIn', { username: 'amal', password: PASSWORD })).toMatchObject({ ok: true });
      const conversation = await conversationIn(agent, 'wa');
      expect(JSON.stringify(conversation.preview)).toContain('charged twice');
      expect(JSON.stringify(conversation.preview)).not.toMatch(/4111 1111/);
      const stored = await hubStore(core).q.all<{ masked_text: string }>(WA_MESSAGES);
      expect(stored.map((m) => m.masked_text).join(' ')).not.toMatch(/4111 1111/);

      const reply = async (text: string) => {
        const opened = await agent('openConversation', { conversationId: conversation.id });
        if (!opened.ok) throw new Error(opened.error.message);
        const inbound = (opened.value.messages as Array<{ id: number; direction: string }>).filter((m) => m.direction === 'in').at(-1)!;
        const sent = await agent('sendReply', { conversationId: conversation.id, text, seenInboundId: inbound.id });
        if (!sent.ok) throw new Error(sent.error.message);
      };

      // The agent's reply goes out the way it came in: through the relay, which sends it to WhatsApp exactly once.
      await reply('We are sorry; the second charge is refunded.');
      await expect.poll(() => meta.waSends.length, { timeout: 20_000 }).toBe(1);
      expect(meta.waSends[0]).toMatchObject({ to: CUSTOMER, body: { text: { body: 'We are sorry; the second charge is refunded.' } } });
      await expect.poll(async () => (await hubStore(core).q.all<{ state: string }>('SELECT state FROM outbox')).map((o) => o.state), { timeout: 10_000 }).toEqual(['sent']);

      // The relay goes away: the channel's health says so in words.
      await relay.down();
      await expect
        .poll(async () => health(core, 'wa'), { timeout: 30_000 })
        .toMatchObject({ state: 'degraded', detail: expect.stringMatching(/relay could not be reached/) });
      // Meanwhile the customer writes again (Meta reaches the relay's public side) and the agent answers.
      await relay.deliver(meta.waPayload([{ from: CUSTOMER, name: 'Noura', text: 'Thank you, call me on 0501234567' }]));
      await reply('You are welcome.');
      await expect.poll(async () => (await hubStore(core).q.all<{ attempts: number }>("SELECT attempts FROM outbox WHERE state = 'queued'")).length, { timeout: 10_000 }).toBe(1);

      // The relay is back: nothing was lost, and nothing went twice.
      await relay.up();
      await expect.poll(() => meta.waSends.length, { timeout: 30_000 }).toBe(2);
      await expect.poll(async () => (await hubStore(core).q.all<{ masked_text: string }>(WA_INBOUND)).length, { timeout: 30_000 }).toBe(2);
      const texts = (await hubStore(core).q.all<{ masked_text: string }>(WA_INBOUND)).map((m) => m.masked_text);
      expect(texts[1]).toContain('Thank you');
      expect(texts[1]).not.toContain('0501234567');
      await expect.poll(async () => (await health(core, 'wa'))?.state, { timeout: 30_000 }).toBe('ok');
      await expect.poll(async () => (await hubStore(core).q.all<{ state: string }>('SELECT state FROM outbox ORDER BY id')).map((o) => o.state), { timeout: 10_000 }).toEqual(['sent', 'sent']);
      expect((await relay.replies()).map((r) => r.state)).toEqual(['sent', 'sent']);
      expect(meta.waSends.map((s) => (s.body.text as { body: string }).body)).toEqual(['We are sorry; the second charge is refunded.', 'You are welcome.']);
    } finally {
      await core.closeAndWait();
      await relay.close();
      await meta.close();
    }
    const shown = await status(dataDir, service, office);
    expect(shown.out).toMatch(new RegExp(`Relay channels\\s+wa through ${relay.url}`));
    expect(shown.code).toBe(0);
  }, 180_000);

  it('a single seat (no embedded hub) receives a WhatsApp message the hub relays to its desk, masked, and its reply leaves once', async () => {
    const meta = await MetaEmulator.start(WA_TOKEN);
    const relay = await HubRelay.start({ meta, token: WA_TOKEN, channelId: 'wa' });
    const dataDir = tmpDir();
    const { keychain, service } = testKeychain();
    const device = await loadOrCreateDeviceIdentity(new Vault(keychain, service));
    await relay.enrol(device.fingerprint, device.publicKeyPem);
    // A single seat enforces the policy's two-step sign-in for the agent; this test is about the relay, so it is off.
    const office = await officeNetwork({ url: relay.url, pin: relay.pin }, { requireTwoFactor: false });
    const core = await consoleIn(dataDir, keychain, service, 'store', office);
    try {
      const slot = newSessionSlot();
      await core.identity.createAdmin(slot, { username: 'salma', displayName: 'Salma', password: PASSWORD });
      await core.identity.createUser(core.identity.requireSession(slot), { username: 'amal', displayName: 'Amal', role: 'agent', password: PASSWORD });
      core.identity.signOut(slot);
      core.store.channels.create({ id: 'wa', kind: 'whatsapp', name: 'WhatsApp', config: { via: 'relay' } });
      core.channels.start();
      await expect.poll(() => relay.signIns(), { timeout: 20_000 }).toContain(device.fingerprint);
      expect(await relay.deliver(meta.waPayload([{ from: CUSTOMER, name: 'Noura', text: 'رقم بطاقتي 4111 1111 1111 1111 من فضلك' }]))).toEqual([200]);

      const agent = consoleWindow(core);
      expect(await agent('signIn', { username: 'amal', password: PASSWORD })).toMatchObject({ ok: true });
      const conversation = await conversationIn(agent, 'wa');
      expect(JSON.stringify(conversation.preview)).toContain('بطاقتي');
      expect(JSON.stringify(conversation.preview)).not.toMatch(/4111 1111/);
      const opened = await agent('openConversation', { conversationId: conversation.id });
      if (!opened.ok) throw new Error(opened.error.message);
      const inbound = (opened.value.messages as Array<{ id: number; direction: string }>).filter((m) => m.direction === 'in').at(-1)!;
      expect(await agent('sendReply', { conversationId: conversation.id, text: 'تم استلام طلبك', seenInboundId: inbound.id })).toMatchObject({ ok: true });
      await expect.poll(() => meta.waSends.length, { timeout: 20_000 }).toBe(1);
      expect(meta.waSends[0]).toMatchObject({ to: CUSTOMER, body: { text: { body: 'تم استلام طلبك' } } });
      await expect.poll(() => relay.replies(), { timeout: 10_000 }).toMatchObject([{ state: 'sent' }]);
      // Nothing was ingested at the hub: the desk keeps the conversation.
      expect(await relay.store.q.all("SELECT id FROM messages WHERE channel_id = 'wa'")).toEqual([]);
    } finally {
      await core.closeAndWait();
      await relay.close();
      await meta.close();
    }
  }, 180_000);

  it('says, where the administrator adds it and in the channel’s health, that a relay channel needs a relay the policy does not name', async () => {
    const dataDir = tmpDir();
    const { keychain, service } = testKeychain();
    const office = await officeNetwork(null);
    const core = await consoleIn(dataDir, keychain, service, 'hub', office);
    try {
      const admin = consoleWindow(core);
      expect(await admin('createAdmin', { username: 'salma', displayName: 'Salma', password: PASSWORD })).toMatchObject({ ok: true });
      const refused = await admin('saveChannel', { id: 'wa', kind: 'whatsapp', name: 'WhatsApp', credentials: {}, settings: { via: 'relay' } });
      expect(refused).toMatchObject({ ok: false, error: { code: 'relay_not_configured', message: expect.stringMatching(/names no relay.*Ask IT/) } });
      expect((await hubStore(core).channels()).map((c) => c.id)).not.toContain('wa');

      // A relay channel already there (moved in, or the policy lost its relay): its health carries the same sentence.
      await hubStore(core).saveChannel({ id: 'wa', kind: 'whatsapp', name: 'WhatsApp', enabled: true, config: { settings: { via: 'relay' } } }, { actor: 'it:test', device: null });
      await expect.poll(async () => health(core, 'wa'), { timeout: 20_000 }).toMatchObject({ state: 'down', detail: expect.stringMatching(/goes through the relay, but the IT policy names no relay/) });
      const list = await admin('listChannels');
      expect(list.ok && JSON.stringify(list.value)).toMatch(/names no relay/);

      // IT signs a policy naming the relay while the console runs: the embedded hub follows it, and the channel receives.
      const meta = await MetaEmulator.start(WA_TOKEN);
      const relay = await HubRelay.start({ meta, token: WA_TOKEN, channelId: 'wa' });
      try {
        await relay.enrol(core.identity.deviceIdentity.fingerprint, core.identity.deviceIdentity.publicKeyPem);
        office.install({ url: relay.url, pin: relay.pin });
        await expect.poll(async () => (await relay.signIns()).length, { timeout: 20_000 }).toBeGreaterThan(0);
        await relay.deliver(meta.waPayload([{ from: CUSTOMER, name: 'Omid', text: 'سلام، شماره من ۰۹۱۲۳۴۵۶۷۸۹ است' }]));
        await expect.poll(async () => (await hubStore(core).q.all<{ masked_text: string }>(WA_MESSAGES)).map((m) => m.masked_text), { timeout: 20_000 }).toHaveLength(1);
        const [stored] = await hubStore(core).q.all<{ masked_text: string }>(WA_MESSAGES);
        expect(stored!.masked_text).toContain('سلام');
        expect(stored!.masked_text).not.toContain('۰۹۱۲۳۴۵۶۷۸۹');
        await expect.poll(async () => (await health(core, 'wa'))?.state, { timeout: 20_000 }).toBe('ok');

        // The relay taken out of the policy again: the poll already waiting at the relay ends (a message arrives), and
        // the next call is not made; the health says why.
        office.install(null);
        await expect.poll(() => core.relay(), { timeout: 20_000 }).toBeNull();
        await relay.deliver(meta.waPayload([{ from: CUSTOMER, name: 'Omid', text: 'Are you there?' }]));
        await expect.poll(async () => (await health(core, 'wa'))?.detail, { timeout: 20_000 }).toMatch(/no longer names a relay/);
        // Reading the counter is one request itself: nothing else reached the hub in between.
        const asked = await relay.requests();
        await new Promise((r) => setTimeout(r, 1_500));
        expect(await relay.requests()).toBe(asked + 1);
      } finally {
        await relay.close();
        await meta.close();
      }
    } finally {
      await core.closeAndWait();
    }
    // `diwan status` says it too, and fails, so IT's checks notice.
    const shown = await status(dataDir, service, office);
    expect(shown.out).toMatch(/Relay channels\s+wa \(the policy names no relay\)/);
    expect(shown.out).toContain('Channel wa goes through the relay, but the IT policy names no relay (relay.url and relay.pin). Ask IT to add it.');
    expect(shown.code).toBe(1);
  }, 90_000);
});
