import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS } from '../../../../main/ipc/vocabulary';
import { call } from '../../bridge';
import { useFormat } from '../../format';
import { toLatinDigits } from '../../text';
import { FieldError, useSave } from './fields';
import type { WorkflowSettings } from './WorkflowTab';

type Calendar = WorkflowSettings['calendar'];
type Weekday = (typeof WEEKDAYS)[number];

/** Items written one per line or separated by commas (Latin or Arabic), in any digits. */
const listOf = (text: string) =>
  toLatinDigits(text)
    .split(/[\n,،]+/u)
    .map((x) => x.replace(/\s+/gu, ''))
    .filter(Boolean);

/** How a weekday's hours are set: the usual working hours, its own spans (a half day on Thursday), or none at all. */
type DayMode = 'usual' | 'own' | 'off';
type DayHours = Record<Weekday, { mode: DayMode; text: string }>;

const dayHoursOf = (days: Calendar['days']): DayHours =>
  Object.fromEntries(
    WEEKDAYS.map((d) => {
      const spans = days?.[d];
      return [d, spans === undefined ? { mode: 'usual', text: '' } : spans.length === 0 ? { mode: 'off', text: '' } : { mode: 'own', text: spans.join(', ') }];
    }),
  ) as DayHours;

/** The calendar's `days`: only the weekdays that differ from the usual hours (`[]` for a day with none); absent when none do. */
function daysOf(hours: DayHours): Calendar['days'] {
  const days: NonNullable<Calendar['days']> = {};
  for (const d of WEEKDAYS) {
    if (hours[d].mode === 'own') days[d] = listOf(hours[d].text);
    else if (hours[d].mode === 'off') days[d] = [];
  }
  return Object.keys(days).length ? days : undefined;
}

/**
 * The team's business calendar that SLA clocks run on: time zone, weekend, working hours, the hours of particular
 * weekdays, holidays. The contract's calendar schema checks all of it again before the hub does.
 */
export function CalendarEditor(props: { calendar: Calendar; saved: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const c = props.calendar;
  const [timeZone, setTimeZone] = useState(c.timeZone);
  const [weekend, setWeekend] = useState<Weekday[]>(c.weekend);
  const [hours, setHours] = useState(c.hours.join(', '));
  const [holidays, setHolidays] = useState(c.holidays.join('\n'));
  const { refused, busy, run, status } = useSave();
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const [dayHours, setDayHours] = useState<DayHours>(() => dayHoursOf(c.days));
  const setDay = (d: Weekday, change: Partial<DayHours[Weekday]>) => setDayHours({ ...dayHours, [d]: { ...dayHours[d], ...change } });
  return (
    <form
      className="card stack"
      data-testid="calendar-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const days = daysOf(dayHours);
          const calendar = { timeZone: timeZone.trim(), weekend, hours: listOf(hours), holidays: listOf(holidays), ...(days ? { days } : {}) };
          await call('saveBusinessCalendar', { calendar });
          props.saved();
          return t('workflow.settings.saved');
        });
      }}
    >
      <label className="field">
        {t('workflow.settings.timeZone')}
        <input list="workflow-zones" dir="ltr" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} data-testid="calendar-zone" />
        <datalist id="workflow-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <FieldError field="timeZone" refused={refused} />
      </label>
      <fieldset data-testid="calendar-weekend">
        <legend>{t('workflow.settings.weekend')}</legend>
        {WEEKDAYS.map((d) => (
          <label className="check" key={d}>
            <input type="checkbox" checked={weekend.includes(d)} onChange={(e) => setWeekend(e.target.checked ? [...weekend, d] : weekend.filter((x) => x !== d))} data-testid={`weekend-${d}`} />
            {t(`workflow.settings.weekdays.${d}`)}
          </label>
        ))}
        <FieldError field="weekend" refused={refused} />
      </fieldset>
      <label className="field">
        {t('workflow.settings.hours')}
        <input dir="ltr" value={hours} onChange={(e) => setHours(e.target.value)} data-testid="calendar-hours" />
        <FieldError field="hours" refused={refused} />
      </label>
      <fieldset data-testid="calendar-days">
        <legend>{t('workflow.settings.dayHours')}</legend>
        {WEEKDAYS.filter((d) => !weekend.includes(d)).map((d) => (
          <div className="inline" key={d} data-testid={`calendar-day-${d}`}>
            <label className="field">
              {t(`workflow.settings.weekdays.${d}`)}
              <select value={dayHours[d].mode} onChange={(e) => setDay(d, { mode: e.target.value as DayMode })} data-testid={`calendar-day-mode-${d}`}>
                <option value="usual">{t('workflow.settings.dayMode.usual')}</option>
                <option value="own">{t('workflow.settings.dayMode.own')}</option>
                <option value="off">{t('workflow.settings.dayMode.off')}</option>
              </select>
            </label>
            {dayHours[d].mode === 'own' && (
              <input
                dir="ltr"
                aria-label={t('workflow.settings.dayHoursOf', { day: t(`workflow.settings.weekdays.${d}`) })}
                value={dayHours[d].text}
                onChange={(e) => setDay(d, { text: e.target.value })}
                data-testid={`calendar-day-hours-${d}`}
              />
            )}
          </div>
        ))}
        <FieldError field="days" refused={refused} />
      </fieldset>
      <label className="field">
        {t('workflow.settings.holidays')}
        <textarea dir="ltr" rows={4} value={holidays} onChange={(e) => setHolidays(e.target.value)} data-testid="calendar-holidays" />
        <small className="muted" data-testid="calendar-holiday-count">
          {t('workflow.settings.holidayCount', { count: listOf(holidays).length, formattedCount: f.number(listOf(holidays).length) })}
        </small>
        <FieldError field="holidays" refused={refused} />
      </label>
      {status}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="calendar-save">
          {t('workflow.settings.save')}
        </button>
      </div>
    </form>
  );
}
