import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../main/core/app';
import { connectorRegistry, ConnectorRuntime } from '../../main/core/connectors';
import { RelayConnector, relayProtocol, withRelay, type RelayLink } from '../../main/core/connectors/relay-client';
import type { RunningRelay } from '../../main/relay/server';
import { testKeychain } from '../helpers/keychain';
import { tmpDir } from '../helpers/tmp';
import { startEmulators, type Emulators } from './emulators';
import { linkFor, postWebhook, relayEnv, until, whatsappBody, type RelayEnv } from './harness';
import type { ConnectorContext } from '../../main/core/connectors';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A console: its own store (real SQLite, real keychain) with the relay channels, and a runtime pulling from the relay. */
interface Console {
  core: Core;
  link: RelayLink;
  runtime: ConnectorRuntime | null;
  start(): void;
  stop(): Promise<void>;
  count(channelId: string): number;
  ids(channelId: string): string[];
}

async function consoleFor(relay: () => RunningRelay, device: RelayEnv['devices'][number]): Promise<Console> {
  const { keychain, service } = testKeychain();
  const core = await openCore({ dataDir: tmpDir(), keychain, keychainService: service });
  cleanups.push(() => core.close());
  core.store.channels.create({ id: 'wa-main', kind: 'whatsapp', name: 'WhatsApp' });
  core.store.channels.create({ id: 'tg-shared', kind: 'telegram', name: 'Support bot' });
  const c: Console = {
    core,
    link: linkFor(relay(), device),
    runtime: null,
    start() {
      c.link = linkFor(relay(), device);
      c.runtime = new ConnectorRuntime({
        sink: core.store.sink,
        outbox: core.store.outbox,
        vault: core.vault,
        registry: withRelay(connectorRegistry, c.link, 1),
        outboxIdleMs: 50,
        errorBackoff: { baseMs: 50, capMs: 200 },
        tokenRetryMs: 200,
      });
      c.runtime.add({ id: 'wa-main', kind: 'whatsapp', settings: { via: 'relay' } });
      c.runtime.add({ id: 'tg-shared', kind: 'telegram', settings: { via: 'relay' } });
      c.runtime.start();
    },
    async stop() {
      await c.runtime?.stop();
      await c.link.close();
      c.runtime = null;
    },
    count: (id) => (core.db.prepare("SELECT count(*) AS n FROM messages WHERE channel_id = ? AND direction = 'in'").get(id) as { n: number }).n,
    ids: (id) => (core.db.prepare("SELECT platform_message_id AS p FROM messages WHERE channel_id = ? AND direction = 'in' ORDER BY p").all(id) as Array<{ p: string }>).map((r) => r.p),
  };
  cleanups.push(() => c.stop());
  return c;
}

async function setup(): Promise<{ emu: Emulators; env: RelayEnv; current: () => RunningRelay; restart(): Promise<void> }> {
  const emu = await startEmulators('123456:TEST-bot-token-for-relay');
  cleanups.push(() => emu.close());
  const env = await relayEnv({ platformUrl: emu.url });
  // Fixed ports, so consoles find the relay again after a restart.
  let relay = await env.start();
  const ports = { webhook: Number(new URL(relay.webhookUrl).port), console: Number(new URL(relay.consoleUrl).port) };
  env.config.webhook.port = ports.webhook;
  env.config.console.port = ports.console;
  cleanups.push(() => relay.close());
  return {
    emu,
    env,
    current: () => relay,
    async restart() {
      await relay.close();
      relay = await env.start();
    },
  };
}

describe('relay → console delivery', () => {
  it('stores every message exactly once across a console disconnect, a relay restart and a redelivery', async () => {
    const { env, current, restart } = await setup();
    const a = await consoleFor(current, env.devices[0]!);
    a.start();
    expect((await postWebhook(current(), whatsappBody(['wamid.1', 'wamid.2', 'wamid.3']))).status).toBe(200);
    await until(() => a.count('wa-main') === 3);

    await a.stop(); // the console goes away (laptop closed, network change)
    const while1 = whatsappBody(['wamid.4', 'wamid.5']);
    expect((await postWebhook(current(), while1)).status).toBe(200);
    await restart(); // the relay restarts with undelivered events in its queue
    expect((await postWebhook(current(), whatsappBody(['wamid.6']))).status).toBe(200);
    expect((await postWebhook(current(), while1)).status).toBe(200); // Meta redelivers across the restart

    a.start();
    await until(() => a.count('wa-main') === 6);
    await new Promise((r) => setTimeout(r, 300)); // and nothing more arrives
    expect(a.ids('wa-main')).toEqual(['wamid.1', 'wamid.2', 'wamid.3', 'wamid.4', 'wamid.5', 'wamid.6']);

    // The acknowledgement got lost (the console replays from the start): the store still keeps one of each.
    const replay = new RelayConnector({ config: { id: 'wa-main', kind: 'whatsapp' } } as ConnectorContext, a.link, 0);
    const batch = await replay.pull(null, new AbortController().signal);
    expect(batch.messages).toHaveLength(6);
    expect(a.core.store.sink.ingest('wa-main', batch.messages, batch.cursor)).toMatchObject({ inserted: 0, duplicates: 6 });
    expect(a.count('wa-main')).toBe(6);
  });

  it('lets two consoles share one Telegram bot: the relay polls once, both get every message, no 409', async () => {
    const { emu, env, current } = await setup();
    const a = await consoleFor(current, env.devices[0]!);
    const b = await consoleFor(current, env.devices[1]!);
    a.start();
    b.start();
    for (let i = 1; i <= 5; i++) emu.telegramSays(5550001 + (i % 2), `message ${i}`);
    await until(() => a.count('tg-shared') === 5 && b.count('tg-shared') === 5);
    expect(a.ids('tg-shared')).toEqual(b.ids('tg-shared'));
    expect(emu.telegram.conflicts).toBe(0);
    await until(() => current().health().channels.find((c) => c.id === 'tg-shared')!.lastPollAt !== null);
    expect(current().health().consoles.connected).toBe(2);
    // Once both enrolled consoles have acknowledged them (their next long poll), the relay lets the messages go.
    let removed = 0;
    await until(() => (removed += current().prune()) === 5);
    expect(current().health().queue.depth).toBe(0);
  });

  it('sends a reply through the relay once, even when the console asks twice', async () => {
    const { emu, env, current } = await setup();
    const a = await consoleFor(current, env.devices[0]!);
    a.start();
    await postWebhook(current(), whatsappBody(['wamid.R1']));
    await until(() => a.count('wa-main') === 1);
    const conversationId = (a.core.db.prepare("SELECT id FROM conversations WHERE channel_id = 'wa-main'").get() as { id: number }).id;
    const { outboxId } = a.core.store.outbox.enqueue({ conversationId, text: 'Checking #1182 now.', authorId: 'agent-1' });
    a.runtime!.notifyOutbox('wa-main');
    const sent = () => a.core.db.prepare("SELECT delivery, platform_message_id AS p FROM messages WHERE direction = 'out'").get() as { delivery: string; p: string | null };
    await until(() => sent().delivery === 'sent');
    expect(sent().p).toBe('wamid.SENT1');
    expect(emu.whatsappSent).toEqual([{ to: '34600111222', text: 'Checking #1182 now.' }]);

    // The same outbox id again (a retry after a lost answer): the relay answers with the first outcome.
    const again = await a.link.call('POST', '/v1/channels/wa-main/replies', {
      json: { outboxId: String(outboxId), platformConversationId: '34600111222', text: 'Checking #1182 now.' },
    });
    expect(a.link.expect(again, relayProtocol.replyResponse)).toMatchObject({ state: 'sent', platformMessageId: 'wamid.SENT1' });
    // Another console with the same outbox number is another reply (each console numbers its own outbox).
    const b = linkFor(current(), env.devices[1]!);
    cleanups.push(() => b.close());
    const other = await b.call('POST', '/v1/channels/wa-main/replies?wait=5', {
      json: { outboxId: String(outboxId), platformConversationId: '34600111222', text: 'From desk 2.' },
      waitMs: 5_000,
    });
    expect(b.expect(other, relayProtocol.replyResponse)).toMatchObject({ state: 'sent', platformMessageId: 'wamid.SENT2' });
    expect(emu.whatsappSent).toHaveLength(2);
  });

  it('reports a reply the platform refused as failed on the console, and keeps no reply text on the relay', async () => {
    const { emu, env, current } = await setup();
    const a = await consoleFor(current, env.devices[0]!);
    a.start();
    await postWebhook(current(), whatsappBody(['wamid.F1']));
    await until(() => a.count('wa-main') === 1);
    emu.failNextWhatsApp(400);
    const conversationId = (a.core.db.prepare("SELECT id FROM conversations WHERE channel_id = 'wa-main'").get() as { id: number }).id;
    a.core.store.outbox.enqueue({ conversationId, text: 'This one will be refused.', authorId: 'agent-1' });
    a.runtime!.notifyOutbox('wa-main');
    const row = () => a.core.db.prepare("SELECT delivery FROM messages WHERE direction = 'out'").get() as { delivery: string };
    await until(() => row().delivery === 'failed');
    expect(emu.whatsappSent).toHaveLength(0);
    await a.stop();
    const db = new Database(`${env.config.dataDir}/relay.sqlite`, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) AS n FROM relay_outbox WHERE body IS NOT NULL').get()).toEqual({ n: 0 });
      expect(db.prepare("SELECT state FROM relay_outbox").all()).toEqual([{ state: 'failed' }]);
    } finally {
      db.close();
    }
  });
});
