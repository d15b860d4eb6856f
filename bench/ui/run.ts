// bench:ui — time from opening the console to the inbox shown over a 100,000-conversation database, and frame
// times while scrolling it, in Chromium through the loopback test bridge. Prints its figures; not a timed test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startBridge } from '../../test/bridge/server';
import { launchChromium, RENDERER_DIR } from '../../test/helpers/browser';
import { addPeople, PEOPLE, signIn } from '../../test/helpers/console-people';
import { messageText, rng } from '../store/common';

const COUNT = Number(process.env.DIWAN_BENCH_CONVERSATIONS ?? 100_000);
const SCROLL_MS = Number(process.env.DIWAN_BENCH_SCROLL_MS ?? 6000);
const PER_CONVERSATION = 3;
const BATCH = 1000;
const RUNS = 3;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diwan-bench-ui-'));
const bridge = await startBridge({ dataDir, rendererDir: RENDERER_DIR, keychainService: 'Diwan-bench-ui' });
const browser = await launchChromium();
try {
  const { core } = bridge;
  const people = await addPeople(core);
  const channels = ['telegram', 'whatsapp', 'x'];
  for (const kind of channels) core.store.channels.create({ id: `${kind}-1`, kind, name: kind });
  // Through the real ingest path (mask, encrypt, index), as the connectors store messages.
  const r = rng(7);
  const t0 = Date.now() - COUNT * PER_CONVERSATION * 1000;
  let t = performance.now();
  for (let b = 0; b < COUNT * PER_CONVERSATION; b += BATCH) {
    const perChannel = new Map<string, Parameters<typeof core.store.sink.ingest>[1]>();
    for (let i = b; i < Math.min(COUNT * PER_CONVERSATION, b + BATCH); i++) {
      const conv = i < COUNT ? i : Math.floor(r() * COUNT); // every conversation gets one, the rest land at random
      const channel = `${channels[conv % channels.length]}-1`;
      const list = perChannel.get(channel) ?? [];
      list.push({
        platformMessageId: String(i),
        platformConversationId: String(conv),
        contact: { platformUserId: String(conv), displayName: `Customer ${conv}` },
        direction: 'in',
        text: messageText(r),
        sentAt: t0 + i * 1000,
      });
      perChannel.set(channel, list);
    }
    for (const [channel, msgs] of perChannel) core.store.sink.ingest(channel, msgs);
  }
  core.db.prepare('UPDATE conversations SET assignee_id = ? WHERE id % 3 = 0').run(people.agent);
  const seedMs = performance.now() - t;
  const messages = core.db.prepare('SELECT COUNT(*) FROM messages').pluck().get() as number;
  const conversations = core.db.prepare('SELECT COUNT(*) FROM conversations').pluck().get() as number;

  // Signed in once; the bridge keeps the session across reloads, so the measure is the console opening.
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(bridge.url);
  await signIn(page, PEOPLE.agent);
  const opens: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    await page.goto(bridge.url);
    await page.locator('[data-testid=conversation-row]').first().waitFor({ timeout: 30_000 });
    opens.push(performance.now() - t);
  }

  const frames = (await page.evaluate(`(async () => {
    const list = document.querySelector('[data-testid=conversation-list]');
    const deltas = [];
    let last = performance.now();
    const end = last + ${SCROLL_MS};
    await new Promise((resolve) => {
      const step = (now) => {
        deltas.push(now - last);
        last = now;
        list.scrollTop += 120;
        if (now < end) requestAnimationFrame(step); else resolve();
      };
      requestAnimationFrame(step);
    });
    return { deltas, scrolledTo: list.scrollTop, rowsInDom: document.querySelectorAll('[data-testid=conversation-row]').length };
  })()`)) as { deltas: number[]; scrolledTo: number; rowsInDom: number };
  const loaded = await page.evaluate<string>(`document.querySelector('[data-testid=conversation-list] .list-inner').style.height`);

  const sorted = [...frames.deltas].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  const dropped = frames.deltas.filter((d) => d > 1000 / 60 * 1.5).length;
  const fmt = (n: number) => n.toFixed(1);
  console.log(`bench:ui — ${conversations.toLocaleString('en')} conversations, ${messages.toLocaleString('en')} messages in the real store (ingested in ${fmt(seedMs / 1000)} s)`);
  console.log(`open → inbox shown: ${opens.map((o) => fmt(o) + ' ms').join(', ')} (first is a cold page; median ${fmt([...opens].sort((a, b) => a - b)[1]!)} ms)`);
  console.log(`scroll ${SCROLL_MS} ms at 120 px/frame: ${frames.deltas.length} frames; frame time p50 ${fmt(pct(0.5))} ms, p95 ${fmt(pct(0.95))} ms, p99 ${fmt(pct(0.99))} ms, max ${fmt(sorted.at(-1)!)} ms; dropped (>25 ms) ${dropped} (${fmt((100 * dropped) / frames.deltas.length)} %)`);
  console.log(`scrolled to ${Math.round(frames.scrolledTo).toLocaleString('en')} px (list height ${loaded}); rows in the DOM at the end: ${frames.rowsInDom}`);
} finally {
  await browser.close();
  await bridge.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
