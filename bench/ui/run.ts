// bench:ui — time from opening the console to the inbox shown over a 100,000-conversation database, and frame
// times while scrolling it, in Chromium through the loopback test bridge. Prints its figures; not a timed test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startBridge } from '../../test/bridge/server';
import { addUser, seedConversations } from '../../test/bridge/console-demo/seed';
import { launchChromium, RENDERER_DIR } from '../../test/helpers/browser';

const COUNT = Number(process.env.DIWAN_BENCH_CONVERSATIONS ?? 100_000);
const SCROLL_MS = Number(process.env.DIWAN_BENCH_SCROLL_MS ?? 6000);
const RUNS = 3;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diwan-bench-ui-'));
const bridge = await startBridge({ dataDir, rendererDir: RENDERER_DIR, keychainService: 'Diwan-bench-ui' });
const browser = await launchChromium();
try {
  addUser(bridge.demoDb, { id: 'u-bench', username: 'bench', name: 'Bench Agent', role: 'agent', password: 'bench-password-1' });
  let t = performance.now();
  seedConversations(bridge.demoDb, { count: COUNT, now: Date.now(), agentIds: ['u-bench'] });
  const seedMs = performance.now() - t;
  const messages = (bridge.demoDb.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n;
  // Signed in already, as after a reload: the measure is the console opening, not a person typing a password.
  await bridge.demo.session.signIn({ username: 'bench', password: 'bench-password-1' });

  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
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
  console.log(`bench:ui — ${COUNT.toLocaleString('en')} conversations, ${messages.toLocaleString('en')} messages (seeded in ${fmt(seedMs / 1000)} s)`);
  console.log(`open → inbox shown: ${opens.map((o) => fmt(o) + ' ms').join(', ')} (first is a cold page; median ${fmt([...opens].sort((a, b) => a - b)[1]!)} ms)`);
  console.log(`scroll ${SCROLL_MS} ms at 120 px/frame: ${frames.deltas.length} frames; frame time p50 ${fmt(pct(0.5))} ms, p95 ${fmt(pct(0.95))} ms, p99 ${fmt(pct(0.99))} ms, max ${fmt(sorted.at(-1)!)} ms; dropped (>25 ms) ${dropped} (${fmt((100 * dropped) / frames.deltas.length)} %)`);
  console.log(`scrolled to ${Math.round(frames.scrolledTo).toLocaleString('en')} px (list height ${loaded}); rows in the DOM at the end: ${frames.rowsInDom}`);
} finally {
  await browser.close();
  await bridge.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
