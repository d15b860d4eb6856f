import { describe, expect, it } from 'vitest';
import { DuplicateDetector, SurgeDetector, TokenBuckets } from '../../main/core/guard';

describe('token buckets', () => {
  it('allow the burst, then the sustained rate, and forget idle keys beyond the bound', () => {
    const b = new TokenBuckets(1 / 1000, 3, 2);
    expect([0, 0, 0, 0].map(() => b.take('a', 0))).toEqual([true, true, true, false]);
    expect(b.take('a', 999)).toBe(false);
    expect(b.take('a', 1000)).toBe(true);
    b.take('b', 1000);
    b.take('c', 1000);
    expect(b.size).toBe(2);
  });
});

describe('near-duplicate detection', () => {
  it('puts campaign copies with small changes in one cluster and keeps different messages apart', () => {
    const d = new DuplicateDetector(60_000);
    const a = d.observe('ch', 'u1', 'Free the workers now! Boycott until justice is served #1', 0)!;
    const b = d.observe('ch', 'u2', 'Free the workers now!! Boycott until justice is served #7', 10)!;
    const c = d.observe('ch', 'u3', 'my order has not arrived since Monday, can you check?', 20)!;
    expect(b.key).toBe(a.key);
    expect(b).toMatchObject({ count: 2, senders: 2 });
    expect(c.key).not.toBe(a.key);
    expect(d.observe('ch', 'u4', 'hi', 30)).toBeNull();
    expect(d.observe('other', 'u1', 'Free the workers now! Boycott until justice is served #1', 40)!.key).not.toBe(a.key);
  });

  it('forgets clusters past the window and stays within its memory bound', () => {
    const d = new DuplicateDetector(1000, 10);
    const first = d.observe('ch', 'u', 'a campaign message with enough words', 0)!;
    expect(d.observe('ch', 'u', 'a campaign message with enough words', 5000)!.key).not.toBe(first.key);
    for (let i = 0; i < 50; i++) d.observe('ch', 'u', `completely different message number ${i} ${'x'.repeat(i)}`, 6000 + i);
    expect(d.size).toBeLessThanOrEqual(10);
  });
});

describe('surge mode', () => {
  it('enters when volume far exceeds the learned baseline and leaves, with hysteresis, when it calms', () => {
    const s = new SurgeDetector({ factor: 5, exitFactor: 2, minPerMinute: 100 });
    const changes: string[] = [];
    let t = 0;
    const feed = (perMinute: number, minutes: number) => {
      const gap = 60_000 / perMinute;
      for (const end = t + minutes * 60_000; t < end; t += gap) {
        const c = s.record('ch', t);
        if (c) changes.push(`${c.state}@${Math.round(t / 1000)}s`);
      }
    };
    feed(60, 30); // learn a baseline of about 60 a minute
    expect(s.inSurge('ch')).toBe(false);
    expect(s.baseline('ch')!).toBeGreaterThan(40);
    feed(600, 2);
    expect(s.inSurge('ch')).toBe(true);
    const entered = changes.find((c) => c.startsWith('entered'))!;
    expect(Number(entered.split('@')[1]!.slice(0, -1))).toBeLessThan(30 * 60 + 40); // within 40 s of the surge
    feed(300, 2); // still high: stays in surge
    expect(s.inSurge('ch')).toBe(true);
    feed(60, 3);
    expect(s.inSurge('ch')).toBe(false);
    expect(changes.map((c) => c.split('@')[0])).toEqual(['entered', 'left']);
  });

  it('a quiet channel leaves surge mode with time alone', () => {
    const s = new SurgeDetector({ factor: 5, exitFactor: 2, minPerMinute: 100 });
    for (let i = 0; i < 500; i++) s.record('ch', i * 10);
    expect(s.inSurge('ch')).toBe(true);
    expect(s.tick('ch', 10 * 60_000)).toBeNull(); // calm is noticed…
    expect(s.tick('ch', 11 * 60_000)).toMatchObject({ state: 'left' }); // …and lasted a minute
  });
});
