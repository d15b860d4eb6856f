import { z } from 'zod';
import { DiwanError } from '../shared/errors';
import { WEEKDAYS } from '../shared/vocabulary';
import { instantOf, isoDate, isTimeZone, localDateOf, nextDate, weekdayOf, type LocalDate } from './zone';

export { WEEKDAYS };
export type Weekday = (typeof WEEKDAYS)[number];

/** The weekends of the regions Diwan's teams work in. */
export const REGION_WEEKENDS: Readonly<Record<'fri-sat' | 'thu-fri' | 'sat-sun', readonly Weekday[]>> = {
  'fri-sat': ['fri', 'sat'],
  'thu-fri': ['thu', 'fri'],
  'sat-sun': ['sat', 'sun'],
};

const span = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/, 'must be a span such as "09:00-17:00" (or "22:00-06:00" overnight)');

/** A team's business-hours calendar as IT or a lead writes it (JSON). */
export const calendarSpecSchema = z
  .object({
    /** An IANA zone: "Asia/Tehran", "Asia/Riyadh", "Europe/London"… */
    timeZone: z.string().min(1).max(64).refine(isTimeZone, 'must be an IANA time zone such as "Asia/Tehran"'),
    /** The days nobody works. */
    weekend: z.array(z.enum(WEEKDAYS)).max(6),
    /** Working spans of every working day, in the zone's wall-clock time; an overnight span ends the next morning. */
    hours: z.array(span).min(1).max(8),
    /** Other spans for particular weekdays (a half day on Thursday, say); `[]` makes that day a day off. */
    days: z.partialRecord(z.enum(WEEKDAYS), z.array(span).max(8)).optional(),
    /** Local dates with no business hours. */
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as "2026-03-21"')).max(1000).default([]),
  })
  .strict();

export type CalendarSpec = z.input<typeof calendarSpecSchema>;

/** Until a team sets its own: Sunday to Thursday, 09:00–17:00 UTC. */
export const DEFAULT_CALENDAR: CalendarSpec = { timeZone: 'UTC', weekend: ['fri', 'sat'], hours: ['09:00-17:00'] };

type Minutes = [number, number];

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** How far ahead a calendar is searched before it is called empty (three years). */
const HORIZON_DAYS = 3 * 366;

/**
 * Business time on a calendar. Durations are real elapsed time inside working spans, so a span that crosses a
 * daylight-saving change is an hour shorter or longer, as the clock on the wall says. Each piece of a span belongs
 * to the local date it falls on: the after-midnight half of an overnight shift follows that next day's weekend and
 * holiday rules.
 */
export class BusinessCalendar {
  readonly timeZone: string;
  private readonly weekend: ReadonlySet<number>;
  private readonly holidays: ReadonlySet<string>;
  /** Working minutes of each weekday (0 = Sunday), sorted, not overlapping, each within one local day. */
  private readonly byWeekday: Minutes[][];
  private readonly dayCache = new Map<string, Array<[number, number]>>();

  constructor(spec: CalendarSpec) {
    const r = calendarSpecSchema.safeParse(spec);
    if (!r.success) {
      const i = r.error.issues[0]!;
      throw new DiwanError('calendar_invalid', `The business-hours calendar is not valid: ${i.path.join('.') || 'calendar'} ${i.message}.`);
    }
    const s = r.data;
    this.timeZone = s.timeZone;
    this.weekend = new Set(s.weekend.map((d) => WEEKDAYS.indexOf(d)));
    this.holidays = new Set(s.holidays);
    const spansOf = (day: number): string[] => s.days?.[WEEKDAYS[day]!] ?? s.hours;
    this.byWeekday = WEEKDAYS.map(() => [] as Minutes[]);
    for (let day = 0; day < 7; day++) {
      for (const text of spansOf(day)) {
        const [a, b] = text.split('-').map(minutesOf) as [number, number];
        if (a === b) throw new DiwanError('calendar_invalid', `The business-hours span "${text}" is empty; write its start and end.`);
        if (a < b) this.byWeekday[day]!.push([a, b]);
        else {
          // Overnight: the evening on this day, the morning on the next.
          this.byWeekday[day]!.push([a, 1440]);
          if (b > 0) this.byWeekday[(day + 1) % 7]!.push([0, b]);
        }
      }
    }
    for (const [day, spans] of this.byWeekday.entries()) {
      spans.sort((x, y) => x[0] - y[0]);
      for (let i = 1; i < spans.length; i++) {
        if (spans[i]![0] < spans[i - 1]![1]) {
          throw new DiwanError('calendar_invalid', `The business hours of ${WEEKDAYS[day]} overlap (${fmt(spans[i - 1]!)} and ${fmt(spans[i]!)}); write each working time once.`);
        }
      }
    }
  }

  /** The working spans of a local date as instants, in order. */
  spansOn(date: LocalDate): Array<[number, number]> {
    const key = isoDate(date);
    let out = this.dayCache.get(key);
    if (!out) {
      const day = weekdayOf(date);
      out = this.weekend.has(day) || this.holidays.has(key) ? [] : this.byWeekday[day]!.map(([a, b]) => [instantOf(this.timeZone, date, a), instantOf(this.timeZone, date, b)] as [number, number]).filter(([a, b]) => b > a);
      if (this.dayCache.size > 4096) this.dayCache.clear();
      this.dayCache.set(key, out);
    }
    return out;
  }

  /** Whether `t` is inside working time (a span's end counts as inside). */
  isWorking(t: number): boolean {
    return this.spansOn(localDateOf(this.timeZone, t)).some(([a, b]) => t >= a && t <= b) || this.spansOn(localDateOf(this.timeZone, t - 1)).some(([a, b]) => t >= a && t <= b);
  }

  /** The instant `durationMs` of business time after `start` (`start` itself, or the next opening, for 0). */
  add(start: number, durationMs: number): number {
    if (!Number.isFinite(start) || !Number.isFinite(durationMs) || durationMs < 0) throw new DiwanError('calendar_invalid', 'A business-time duration must be a number of milliseconds, zero or more.');
    let remaining = durationMs;
    let date = localDateOf(this.timeZone, start);
    for (let i = 0; i < HORIZON_DAYS; i++) {
      for (const [a, b] of this.spansOn(date)) {
        const from = Math.max(a, start);
        if (b <= from) continue;
        if (b - from >= remaining) return from + remaining;
        remaining -= b - from;
      }
      date = nextDate(date);
    }
    throw new DiwanError('calendar_empty', 'The business-hours calendar has no working time in the next three years; check its hours, weekend and holidays.');
  }

  /** Business time between two instants (0 when `end` is not after `start`). */
  between(start: number, end: number): number {
    if (!(end > start)) return 0;
    let total = 0;
    let date = localDateOf(this.timeZone, start);
    const last = isoDate(localDateOf(this.timeZone, end));
    for (;;) {
      for (const [a, b] of this.spansOn(date)) total += Math.max(0, Math.min(b, end) - Math.max(a, start));
      if (isoDate(date) >= last) return total;
      date = nextDate(date);
    }
  }
}

const fmt = ([a, b]: Minutes) => `${hm(a)}-${hm(b)}`;
const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
