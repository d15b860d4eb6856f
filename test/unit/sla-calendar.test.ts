import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar, REGION_WEEKENDS, slaClocks, slaRisk, WEEKDAYS, type CalendarSpec } from '../../main/core/sla';

const H = 3_600_000;
const M = 60_000;

/**
 * The oracle: walks real minutes and asks `Intl` for each one's wall clock, then applies the calendar's words
 * directly (weekday, holiday, span, an overnight span's morning on the next date). It shares no code with the
 * calendar's day-boundary arithmetic.
 */
const oracleFormats = new Map<string, Intl.DateTimeFormat>();
function oracleWorking(spec: CalendarSpec, t: number): boolean {
  let f = oracleFormats.get(spec.timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: spec.timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short' });
    oracleFormats.set(spec.timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  const date = `${p.year}-${p.month}-${p.day}`;
  const day = WEEKDAYS.indexOf(p.weekday!.toLowerCase().slice(0, 3) as (typeof WEEKDAYS)[number]);
  const minute = Number(p.hour) * 60 + Number(p.minute);
  if (spec.weekend.includes(WEEKDAYS[day]!) || (spec.holidays ?? []).includes(date)) return false;
  const spansOf = (d: number) => spec.days?.[WEEKDAYS[d]!] ?? spec.hours;
  const parse = (s: string) => s.split('-').map((x) => Number(x.slice(0, 2)) * 60 + Number(x.slice(3, 5))) as [number, number];
  for (const s of spansOf(day)) {
    const [a, b] = parse(s);
    if (a < b ? minute >= a && minute < b : minute >= a) return true;
  }
  for (const s of spansOf((day + 6) % 7)) {
    const [a, b] = parse(s);
    if (a > b && minute < b) return true; // the morning of yesterday's overnight span
  }
  return false;
}

const ZONES = ['UTC', 'Asia/Tehran', 'Asia/Riyadh', 'Asia/Dubai', 'Asia/Kolkata', 'Europe/London', 'America/New_York', 'Australia/Sydney'];
/** Daylight-saving changes of 2026 in the zones above, where the edges are. */
const TRANSITIONS = ['2026-03-08T07:00Z', '2026-03-29T01:00Z', '2026-04-04T16:00Z', '2026-10-03T16:00Z', '2026-10-25T01:00Z', '2026-11-01T06:00Z'].map((s) => Date.parse(s));

const hhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** A span whose ends avoid 00:00–04:00, where zones change their clocks (a boundary inside a repeated hour is ambiguous). */
const spanArb = fc
  .tuple(fc.integer({ min: 48, max: 276 }), fc.integer({ min: 6, max: 240 }))
  .map(([s5, l5]) => [s5 * 5, s5 * 5 + l5 * 5] as const)
  .filter(([, end]) => end <= 1440 || end - 1440 >= 240)
  .map(([a, b]) => `${hhmm(a)}-${b === 1440 ? '24:00' : hhmm(b % 1440)}`);

const specArb: fc.Arbitrary<CalendarSpec> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  weekend: fc.constantFrom(...Object.values(REGION_WEEKENDS).map((w) => [...w]), [] as Array<(typeof WEEKDAYS)[number]>),
  hours: fc.oneof(spanArb.map((s) => [s]), fc.constant<string[]>(['08:00-12:00', '13:00-17:30'])),
  holidays: fc.array(fc.integer({ min: 0, max: 364 }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)), { maxLength: 40 }),
});

const startArb = fc.oneof(
  fc.tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -4 * 24 * 60, max: 4 * 24 * 60 })).map(([t, m]) => t + m * M),
  fc.integer({ min: Date.UTC(2026, 0, 1) / M, max: Date.UTC(2026, 11, 20) / M }).map((m) => m * M),
);

describe('business calendar (property tests at the edges)', () => {
  it('adding business time lands in working time, and exactly that much business time lies between', () => {
    fc.assert(
      fc.property(specArb, startArb, fc.integer({ min: 0, max: 4 * 24 * 60 }), (spec, start, minutes) => {
        const cal = new BusinessCalendar(spec);
        const due = cal.add(start, minutes * M);
        expect(due).toBeGreaterThanOrEqual(start);
        expect(cal.between(start, due)).toBe(minutes * M);
        expect(cal.isWorking(due)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is additive and monotone: add(add(s, a), b) = add(s, a + b)', () => {
    fc.assert(
      fc.property(specArb, startArb, fc.integer({ min: 0, max: 2 * 24 * 60 }), fc.integer({ min: 0, max: 2 * 24 * 60 }), (spec, start, a, b) => {
        const cal = new BusinessCalendar(spec);
        expect(cal.add(cal.add(start, a * M), b * M)).toBe(cal.add(start, (a + b) * M));
        expect(cal.add(start, a * M)).toBeLessThanOrEqual(cal.add(start, (a + b) * M));
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with a minute-by-minute walk of the wall clock across weekends, holidays, overnight spans and DST changes', () => {
    fc.assert(
      fc.property(specArb, startArb, fc.integer({ min: 1, max: 12 * 60 }), (spec, start, minutes) => {
        const cal = new BusinessCalendar(spec);
        let t = start;
        let left = minutes;
        for (let guard = 0; guard < 30 * 24 * 60 && left > 0; guard++, t += M) if (oracleWorking(spec, t)) left--;
        fc.pre(left === 0); // the oracle's horizon: a month
        expect(cal.add(start, minutes * M)).toBe(t);
      }),
      { numRuns: 60 },
    );
  });

  it('counts the wall clock, not 24-hour days, on daylight-saving nights (New York, overnight shift)', () => {
    const cal = new BusinessCalendar({ timeZone: 'America/New_York', weekend: [], hours: ['22:00-06:00'] });
    // Saturday 7 March 2026 22:00 EST; the night to Sunday loses an hour (02:00 → 03:00): 7 real hours of work.
    const start = Date.parse('2026-03-08T03:00:00Z');
    expect(cal.between(start, Date.parse('2026-03-08T10:00:00Z'))).toBe(7 * H);
    expect(new Date(cal.add(start, 8 * H)).toISOString()).toBe('2026-03-09T03:00:00.000Z'); // Sunday 23:00 EDT
    // The autumn night gains one.
    const fall = Date.parse('2026-11-01T02:00:00Z'); // Saturday 31 October 22:00 EDT
    expect(cal.between(fall, Date.parse('2026-11-01T11:00:00Z'))).toBe(9 * H);
  });

  it('Tehran (UTC+3:30), Thursday–Friday weekend: late Wednesday rolls to Saturday morning', () => {
    const cal = new BusinessCalendar({ timeZone: 'Asia/Tehran', weekend: ['thu', 'fri'], hours: ['09:00-17:00'], holidays: [] });
    const wed1600 = Date.parse('2026-12-02T12:30:00Z'); // Wednesday 16:00 in Tehran
    expect(new Date(cal.add(wed1600, 2 * H)).toISOString()).toBe('2026-12-05T06:30:00.000Z'); // Saturday 10:00 Tehran
    expect(cal.isWorking(Date.parse('2026-12-03T08:00:00Z'))).toBe(false); // Thursday 11:30
  });

  it('a half day and a holiday; Riyadh Friday–Saturday and London Saturday–Sunday', () => {
    const riyadh = new BusinessCalendar({ timeZone: 'Asia/Riyadh', weekend: ['fri', 'sat'], hours: ['09:00-17:00'], days: { thu: ['09:00-13:00'] }, holidays: ['2026-12-06'] });
    // Thursday 12:00 Riyadh + 3 h: one hour on Thursday, the weekend, Sunday's holiday, two hours on Monday.
    expect(new Date(riyadh.add(Date.parse('2026-12-03T09:00:00Z'), 3 * H)).toISOString()).toBe('2026-12-07T08:00:00.000Z');
    const london = new BusinessCalendar({ timeZone: 'Europe/London', weekend: ['sat', 'sun'], hours: ['09:00-17:00'] });
    expect(new Date(london.add(Date.parse('2026-12-04T16:00:00Z'), 2 * H)).toISOString()).toBe('2026-12-07T10:00:00.000Z');
  });

  it('refuses a calendar it cannot use, in a sentence', () => {
    const bad = (spec: unknown) => () => new BusinessCalendar(spec as CalendarSpec);
    expect(bad({ timeZone: 'Asia/Nowhere', weekend: [], hours: ['09:00-17:00'] })).toThrow(/IANA time zone/);
    expect(bad({ timeZone: 'UTC', weekend: [], hours: ['09:00-09:00'] })).toThrow(/empty/);
    expect(bad({ timeZone: 'UTC', weekend: [], hours: ['22:00-06:00', '05:00-09:00'] })).toThrow(/overlap/);
    expect(bad({ timeZone: 'UTC', weekend: [], hours: ['9-5'] })).toThrow(/09:00-17:00/);
    const never = new BusinessCalendar({ timeZone: 'UTC', weekend: [], hours: ['09:00-17:00'], days: { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] } });
    expect(() => never.add(0, H)).toThrow(/no working time/);
  });
});

describe('SLA clocks', () => {
  const cal = new BusinessCalendar({ timeZone: 'UTC', weekend: [], hours: ['00:00-24:00'] });
  const targets = { firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: 600 };

  it('first response until the first reply, then next response while the customer waits, resolution until resolved', () => {
    expect(slaClocks({ openedAt: 0, waitingSince: 0, answered: false, resolved: false }, targets, cal).map((c) => [c.target, c.dueAt])).toEqual([
      ['first_response', 30 * M],
      ['resolution', 600 * M],
    ]);
    expect(slaClocks({ openedAt: 0, waitingSince: 100 * M, answered: true, resolved: false }, targets, cal).map((c) => [c.target, c.dueAt])).toEqual([
      ['next_response', 160 * M],
      ['resolution', 600 * M],
    ]);
    expect(slaClocks({ openedAt: 0, waitingSince: null, answered: true, resolved: false }, targets, cal).map((c) => c.target)).toEqual(['resolution']);
    expect(slaClocks({ openedAt: 0, waitingSince: 5, answered: false, resolved: true }, targets, cal)).toEqual([]);
    expect(slaClocks({ openedAt: 0, waitingSince: 0, answered: false, resolved: false }, { firstResponseMinutes: null, nextResponseMinutes: null, resolutionMinutes: null }, cal)).toEqual([]);
  });

  it('at risk in the last quarter of the promised business time, breached once due', () => {
    const c = { target: 'first_response' as const, startedAt: 0, dueAt: 40 * M };
    expect(slaRisk(c, 29 * M, cal)).toBe('ok');
    expect(slaRisk(c, 31 * M, cal)).toBe('at_risk');
    expect(slaRisk(c, 40 * M, cal)).toBe('breached');
  });
});
