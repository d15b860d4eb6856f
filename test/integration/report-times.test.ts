import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { DEFAULT_FIRST_RESPONSE_MS, reportTimes } from '../../main/core/reports';
import { fixedClock, inbound, storeCore } from '../helpers/store';

let core: Core | undefined;
afterEach(() => core?.close());

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = 1_700_000_000_000;

describe('single-seat report: resolution times (issue 22), the same rule as the hub', () => {
  it('keeps when each episode opened and was resolved, and reports first-response, resolution and breaches from them', async () => {
    const clock = fixedClock(T0);
    const c = (core = await storeCore({ clock }));
    const chat = (id: string, n: number, direction: 'in' | 'out', sentAt: number) =>
      inbound(n, { platformConversationId: id, contact: { platformUserId: `u-${id}` }, direction, sentAt });
    c.store.sink.ingest('tg', [chat('A', 1, 'in', T0), chat('A', 2, 'out', T0 + 10 * MIN)]);
    c.store.sink.ingest('tg', [chat('B', 3, 'in', T0 + MIN), chat('B', 4, 'out', T0 + 91 * MIN)]);
    c.store.sink.ingest('tg', [chat('E', 5, 'in', T0 + 3 * HOUR)]);
    const idOf = (id: string) => c.store.conversations.byPlatform('tg', id)!;
    clock.set(T0 + 2 * HOUR);
    c.store.conversations.setStatus(idOf('A'), 'resolved');
    clock.set(T0 + 5 * HOUR);

    const episodes = c.store.reports.episodes(T0 - HOUR, T0 + 6 * HOUR);
    expect(episodes).toEqual([
      { channelId: 'tg', openedAt: T0, firstReplyAt: T0 + 10 * MIN, resolvedAt: T0 + 2 * HOUR },
      { channelId: 'tg', openedAt: T0 + MIN, firstReplyAt: T0 + 91 * MIN, resolvedAt: null },
      { channelId: 'tg', openedAt: T0 + 3 * HOUR, firstReplyAt: null, resolvedAt: null },
    ]);
    const times = reportTimes(episodes.map((e) => ({ ...e, firstResponseDueAt: e.openedAt + DEFAULT_FIRST_RESPONSE_MS })), clock.now());
    expect(times).toEqual({ firstResponseMs: { p50: 90 * MIN, p90: 90 * MIN }, resolutionMs: { p50: 2 * HOUR, p90: 2 * HOUR }, resolved: 1, slaBreaches: 2 });

    // The customer writes again: a new episode starts, and the earlier resolution is not this episode's.
    c.store.sink.ingest('tg', [chat('A', 6, 'in', T0 + 6 * HOUR)]);
    const reopened = c.store.reports.episodes(T0 + 6 * HOUR, T0 + 7 * HOUR);
    expect(reopened).toEqual([{ channelId: 'tg', openedAt: T0 + 6 * HOUR, firstReplyAt: null, resolvedAt: null }]);
    // Snoozing or setting pending is not resolving.
    c.store.conversations.setStatus(idOf('B'), 'pending');
    expect(c.store.reports.episodes(T0, T0 + MIN).find((e) => e.openedAt === T0 + MIN)?.resolvedAt).toBeNull();
  });
});

describe('report times: the rule', () => {
  it('counts a breach when the reply (or the close without one) came after the due time, or nothing came and it has passed', () => {
    const e = (firstReplyAt: number | null, resolvedAt: number | null) => ({ openedAt: 0, firstReplyAt, resolvedAt, firstResponseDueAt: 100 });
    expect(reportTimes([e(100, null)], 1_000).slaBreaches).toBe(0);
    expect(reportTimes([e(101, null)], 1_000).slaBreaches).toBe(1);
    expect(reportTimes([e(null, 50)], 1_000).slaBreaches).toBe(0);
    expect(reportTimes([e(null, 150)], 1_000).slaBreaches).toBe(1);
    expect(reportTimes([e(null, null)], 99).slaBreaches).toBe(0);
    expect(reportTimes([e(null, null)], 101).slaBreaches).toBe(1);
    expect(reportTimes([], 0)).toEqual({ firstResponseMs: { p50: null, p90: null }, resolutionMs: { p50: null, p90: null }, resolved: 0, slaBreaches: 0 });
  });
});
