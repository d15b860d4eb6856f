/**
 * Wall-clock arithmetic in an IANA time zone with nothing but `Intl` (the ICU data Node ships), so Asia/Tehran's
 * +03:30 and every daylight-saving rule come from the same tables the operating system uses.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalDate {
  y: number;
  m: number;
  d: number;
}

/** The wall clock at instant `t` (milliseconds), as if it were UTC: year, month, day, and ms since UTC epoch. */
function wallClock(timeZone: string, t: number): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(t))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) + (((t % 1000) + 1000) % 1000);
}

/**
 * Offsets change only at quarter-hour instants (every transition in the time-zone database since 1970 falls on
 * one), so one `Intl` call per zone and quarter hour serves every instant in it: an SLA scan of thousands of
 * conversations asks `Intl` a few hundred times instead of tens of thousands.
 */
const QUARTER_HOUR = 900_000;
const offsets = new Map<string, number>();

/** The zone's offset from UTC at instant `t`, in milliseconds (Tehran: +12 600 000). */
export function offsetAt(timeZone: string, t: number): number {
  const bucket = Math.floor(t / QUARTER_HOUR) * QUARTER_HOUR;
  const key = `${timeZone}|${bucket}`;
  let o = offsets.get(key);
  if (o === undefined) {
    o = wallClock(timeZone, bucket) - bucket;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, o);
  }
  return o;
}

export function localDateOf(timeZone: string, t: number): LocalDate {
  const w = new Date(t + offsetAt(timeZone, t));
  return { y: w.getUTCFullYear(), m: w.getUTCMonth() + 1, d: w.getUTCDate() };
}

/**
 * The instant a wall-clock time happens. A time that happens twice (clocks go back) is its first occurrence; one
 * that never happens (clocks go forward) moves forward by the gap — the rule ECMAScript's Temporal calls
 * "compatible".
 */
export function instantOf(timeZone: string, date: LocalDate, minuteOfDay: number): number {
  const naive = Date.UTC(date.y, date.m - 1, date.d) + minuteOfDay * 60_000;
  const earlier = offsetAt(timeZone, naive - 86_400_000);
  const later = offsetAt(timeZone, naive + 86_400_000);
  const fits = [naive - earlier, naive - later].filter((t) => t + offsetAt(timeZone, t) === naive).sort((a, b) => a - b);
  return fits[0] ?? naive - earlier;
}

export function nextDate(date: LocalDate): LocalDate {
  const n = new Date(Date.UTC(date.y, date.m - 1, date.d + 1));
  return { y: n.getUTCFullYear(), m: n.getUTCMonth() + 1, d: n.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
}

export const isoDate = (date: LocalDate) => `${String(date.y).padStart(4, '0')}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
