import { describe, expect, it } from 'vitest';
import { snoozeUntil } from '../../renderer/src/snooze';

describe('snooze choices', () => {
  // Wednesday 18 November 2026, 15:30 local time.
  const wed = new Date(2026, 10, 18, 15, 30);

  it('an hour, tomorrow at 9:00 and next Monday at 9:00, in local time', () => {
    expect(snoozeUntil('1h', wed)).toBe(wed.getTime() + 3_600_000);
    expect(new Date(snoozeUntil('tomorrow', wed))).toEqual(new Date(2026, 10, 19, 9, 0));
    expect(new Date(snoozeUntil('week', wed))).toEqual(new Date(2026, 10, 23, 9, 0));
  });

  it('next week from a Monday is the Monday after, and from a Sunday the next day', () => {
    expect(new Date(snoozeUntil('week', new Date(2026, 10, 23, 8, 0)))).toEqual(new Date(2026, 10, 30, 9, 0));
    expect(new Date(snoozeUntil('week', new Date(2026, 10, 22, 20, 0)))).toEqual(new Date(2026, 10, 23, 9, 0));
  });
});
