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

/**
 * The team's business calendar that SLA clocks run on: time zone, weekend, working hours, holidays. Hours of
 * particular weekdays (`days`, set with `diwan hub workflow calendar`) are kept as they are and listed here.
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
  const ownDays = Object.keys(c.days ?? {}) as Weekday[];
  return (
    <form
      className="card stack"
      data-testid="calendar-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const calendar = { timeZone: timeZone.trim(), weekend, hours: listOf(hours), holidays: listOf(holidays), ...(c.days ? { days: c.days } : {}) };
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
      {ownDays.length > 0 && (
        <p className="muted" data-testid="calendar-own-days">
          {t('workflow.settings.ownDays', { days: f.list(ownDays.map((d) => t(`workflow.settings.weekdays.${d}`))) })}
        </p>
      )}
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
