import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { DEMO_CHANNEL_ID } from '../../main/core/app/channels';
import { testCore } from '../helpers/core';

let core: Core | undefined;
afterEach(async () => {
  await core?.channels.stop();
  core?.close();
});

describe('the console runs its channels', () => {
  it('starts the built-in demo channel when none is configured, and stores its conversations masked', async () => {
    core = await testCore();
    core.channels.start();
    expect(core.store.channels.list().map((c) => c.id)).toEqual([DEMO_CHANNEL_ID]);
    await expect.poll(() => core!.store.conversations.list().items.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const all = core.store.conversations.list().items.flatMap((c) => core!.store.conversations.messages(c.id));
    expect(all.some((m) => m.maskedText.includes('⟦'))).toBe(true);
  });

  it('pauses the channels while the console is locked', async () => {
    core = await testCore();
    core.channels.start();
    core.lock.engage('off-network');
    expect(core.channels.runtime.health().every((h) => h.state === 'paused')).toBe(true);
    core.lock.release('off-network');
    expect(core.channels.runtime.health().some((h) => h.state === 'paused')).toBe(false);
  });
});

describe('relay channels', () => {
  it('leaves a relay channel stopped, and says why, while the policy names no relay', async () => {
    const lines: string[] = [];
    core = await testCore({ log: (l) => lines.push(l) });
    await core.ready();
    core.store.channels.create({ id: 'wa', kind: 'whatsapp', name: 'WhatsApp', config: { via: 'relay' } });
    core.channels.start();
    expect(lines).toContain('channel wa not started: relay_not_configured');
    expect(core.channels.runtime.health().map((h) => h.channelId)).toEqual([]);
  });
});
