export const SNOOZE_CHOICES = ['1h', 'tomorrow', 'week'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

/** The wake-up time of a snooze choice, in the agent's local time: an hour, tomorrow at 9:00, next Monday at 9:00. */
export function snoozeUntil(choice: SnoozeChoice, now: Date): number {
  if (choice === '1h') return now.getTime() + 3_600_000;
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 9, 0, 0, 0);
  const days = choice === 'tomorrow' ? 1 : ((8 - now.getDay()) % 7 || 7);
  d.setDate(d.getDate() + days);
  return d.getTime();
}
