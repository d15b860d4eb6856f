export { BusinessCalendar, calendarSpecSchema, DEFAULT_CALENDAR, REGION_WEEKENDS, WEEKDAYS, type CalendarSpec, type Weekday } from './calendar';
export { slaClocks, slaRisk, type SlaClock, type SlaRisk, type SlaTarget, type SlaTargets, type SlaTimeline } from './targets';
export { instantOf, localDateOf, offsetAt, type LocalDate } from './zone';
