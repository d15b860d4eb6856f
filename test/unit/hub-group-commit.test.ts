import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../main/hub/webhooks';
import type { WebhookJob, WebhookOutcome } from '../../main/hub/store';

const job = (channelId: string) => ({ channelId, delivery: { messages: [], deliveries: [] }, admit: async () => [], seal: () => Buffer.alloc(0) }) satisfies WebhookJob;
const outcome = (n: number): WebhookOutcome => ({ inserted: n, duplicates: 0, quarantined: 0 });

describe('webhook group commit on a node', () => {
  it('puts deliveries of the same turn in one commit, those arriving during it in the next, and answers each its own', async () => {
    const batches: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const commits = new GroupCommit({
      acceptMany: async (jobs) => {
        batches.push(jobs.map((j) => j.channelId));
        if (batches.length === 1) await gate;
        return jobs.map((j, i) => (j.channelId === 'bad' ? { ok: false as const, error: new Error('refused') } : { ok: true as const, value: outcome(i) }));
      },
    });
    const first = [commits.submit(job('a')), commits.submit(job('bad')), commits.submit(job('b'))];
    await new Promise((r) => setImmediate(r));
    const later = [commits.submit(job('c')), commits.submit(job('d'))];
    release();
    await expect(first[0]).resolves.toEqual(outcome(0));
    await expect(first[1]).rejects.toThrow('refused');
    await expect(first[2]).resolves.toEqual(outcome(2));
    await expect(Promise.all(later)).resolves.toEqual([outcome(0), outcome(1)]);
    expect(batches).toEqual([['a', 'bad', 'b'], ['c', 'd']]);
  });

  it('fails every delivery of a commit that fails, and keeps taking new ones; never more than its batch size at once', async () => {
    let calls = 0;
    const sizes: number[] = [];
    const commits = new GroupCommit(
      {
        acceptMany: async (jobs) => {
          sizes.push(jobs.length);
          if (calls++ === 0) throw new Error('database unreachable');
          return jobs.map(() => ({ ok: true as const, value: outcome(1) }));
        },
      },
      2,
    );
    const failed = [commits.submit(job('a')), commits.submit(job('b'))];
    for (const f of failed) await expect(f).rejects.toThrow('database unreachable');
    await expect(Promise.all([commits.submit(job('c')), commits.submit(job('d')), commits.submit(job('e'))])).resolves.toHaveLength(3);
    expect(sizes).toEqual([2, 2, 1]);
  });
});
