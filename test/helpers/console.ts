import type { Page } from 'playwright-core';
import { startBridge, type RunningBridge } from '../bridge/server';
import { addUser, seedCannedAndAlerts, seedConversations } from '../bridge/console-demo/seed';
import { RENDERER_DIR } from './browser';
import { testKeychain } from './keychain';
import { tmpDir } from './tmp';

export const PEOPLE = {
  agent: { id: 'u-sam', username: 'sam', name: 'Sam Agent', role: 'agent', password: 'agent-password-1' },
  lead: { id: 'u-lina', username: 'lina', name: 'Lina Lead', role: 'lead', password: 'lead-password-12' },
  admin: { id: 'u-dana', username: 'dana', name: 'Dana Admin', role: 'admin', password: 'admin-password-1' },
} as const;

/** A bridge over a fresh data directory with three users and `conversations` seeded demo conversations. */
export async function consoleBridge(opts: { conversations?: number; revealMs?: number; deliveryDelayMs?: number } = {}): Promise<RunningBridge> {
  const { keychain, service } = testKeychain();
  const bridge = await startBridge({
    dataDir: tmpDir(),
    rendererDir: RENDERER_DIR,
    keychain,
    keychainService: service,
    demo: { revealMs: opts.revealMs, deliveryDelayMs: opts.deliveryDelayMs ?? 150 },
  });
  for (const p of Object.values(PEOPLE)) addUser(bridge.demoDb, p);
  const now = bridge.core.clock.now();
  seedConversations(bridge.demoDb, { count: opts.conversations ?? 40, now, agentIds: [PEOPLE.agent.id, PEOPLE.lead.id] });
  seedCannedAndAlerts(bridge.demoDb, now);
  return bridge;
}

export async function signIn(page: Page, who: { username: string; password: string }): Promise<void> {
  await page.getByTestId('username').fill(who.username);
  await page.getByTestId('password').fill(who.password);
  await page.getByTestId('sign-in-submit').click();
  await page.locator('nav.nav').waitFor();
}

/** Every original value the demo keeps for masked fields, optionally for one conversation. */
export function originals(bridge: RunningBridge, conversationId?: number): string[] {
  const rows = (
    conversationId === undefined
      ? bridge.demoDb.prepare('SELECT value FROM fields').all()
      : bridge.demoDb.prepare('SELECT f.value FROM fields f JOIN messages m ON m.id = f.message_id WHERE m.conversation_id = ?').all(conversationId)
  ) as Array<{ value: string }>;
  return [...new Set(rows.map((r) => r.value))];
}
