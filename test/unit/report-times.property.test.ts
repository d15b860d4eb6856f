import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentile, reportTimes, type ReportEpisode } from '../../main/core/reports';

const HOUR = 3_600_000;

/** Episodes as either store could read them: replies and resolutions before, at or after the promise, or none. */
const episode: fc.Arbitrary<ReportEpisode> = fc
  .record({
    openedAt: fc.integer({ min: 0, max: 1_000 * HOUR }),
    reply: fc.option(fc.integer({ min: 0, max: 48 * HOUR }), { nil: null }),
    resolve: fc.option(fc.integer({ min: 0, max: 96 * HOUR }), { nil: null }),
    due: fc.integer({ min: 1, max: 24 * HOUR }),
  })
  .map(({ openedAt, reply, resolve, due }) => ({
    openedAt,
    firstReplyAt: reply === null ? null : openedAt + reply,
    resolvedAt: resolve === null ? null : openedAt + resolve,
    firstResponseDueAt: openedAt + due,
  }));

describe('report times (core/reports), on generated episodes', () => {
  it('percentiles are values of the set at their nearest rank, p50 never above p90', () => {
    fc.assert(
      fc.property(fc.array(episode, { maxLength: 60 }), fc.integer({ min: 0, max: 1_200 * HOUR }), (episodes, now) => {
        const r = reportTimes(episodes, now);
        const firsts = episodes.filter((e) => e.firstReplyAt !== null).map((e) => e.firstReplyAt! - e.openedAt);
        const resolutions = episodes.filter((e) => e.resolvedAt !== null).map((e) => e.resolvedAt! - e.openedAt);
        expect(r.resolved).toBe(resolutions.length);
        for (const [values, got] of [
          [firsts, r.firstResponseMs],
          [resolutions, r.resolutionMs],
        ] as const) {
          if (!values.length) {
            expect(got).toEqual({ p50: null, p90: null });
            continue;
          }
          expect(got.p50!).toBeLessThanOrEqual(got.p90!);
          for (const [p, v] of [
            [0.5, got.p50!],
            [0.9, got.p90!],
          ] as const) {
            const rank = Math.min(values.length - 1, Math.floor(p * values.length));
            expect(values.filter((x) => x < v).length).toBeLessThanOrEqual(rank);
            expect(values.filter((x) => x <= v).length).toBeGreaterThan(rank);
          }
        }
      }),
    );
  });

  it('breaches do not depend on order, never fall as time passes, and never rise when promises are looser', () => {
    fc.assert(
      fc.property(fc.array(episode, { maxLength: 60 }), fc.integer({ min: 0, max: 1_200 * HOUR }), fc.integer({ min: 0, max: 10 * HOUR }), (episodes, now, more) => {
        const r = reportTimes(episodes, now);
        expect(r.slaBreaches).toBeLessThanOrEqual(episodes.length);
        expect(reportTimes([...episodes].reverse(), now).slaBreaches).toBe(r.slaBreaches);
        expect(reportTimes(episodes, now + more).slaBreaches).toBeGreaterThanOrEqual(r.slaBreaches);
        const looser = episodes.map((e) => ({ ...e, firstResponseDueAt: e.firstResponseDueAt + more }));
        expect(reportTimes(looser, now).slaBreaches).toBeLessThanOrEqual(r.slaBreaches);
      }),
    );
  });

  it('percentile of an empty list is null; of one value, that value', () => {
    expect(percentile([], 0.5)).toBeNull();
    fc.assert(fc.property(fc.integer(), fc.double({ min: 0, max: 1, noNaN: true }), (v, p) => percentile([v], p) === v));
  });
});
