import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSIGN_MODES } from '../../../../main/ipc/vocabulary';
import { call } from '../../bridge';
import { FieldError, PerChannel, useSave, useShowWhole, wholeOrEmpty, type Field } from './fields';
import type { WorkflowSettings } from './WorkflowTab';

type Channel = WorkflowSettings['channels'][number];
type Rule = Channel['rule'];
const MINUTE_FIELDS = ['returnAfterMinutes', 'firstResponseMinutes', 'nextResponseMinutes', 'resolutionMinutes'] as const;

/** A channel's assignment rule and SLA targets: how its conversations are handed out and what is promised. */
export function RulesEditor(props: { channels: Channel[]; saved: () => void }) {
  return (
    <PerChannel channels={props.channels} testId="rules-editor" pickerTestId="rule-channel">
      {(c) => <RuleForm key={c.channelId} channel={c} saved={props.saved} />}
    </PerChannel>
  );
}

function RuleForm(props: { channel: Channel; saved: () => void }) {
  const { t } = useTranslation();
  const show = useShowWhole();
  const rule = props.channel.rule;
  const [mode, setMode] = useState<Rule['mode']>(rule.mode);
  const [capacity, setCapacity] = useState(show(rule.capacity));
  const [assigneeOnly, setAssigneeOnly] = useState(rule.assigneeOnlyReply);
  const [minutes, setMinutes] = useState<Record<(typeof MINUTE_FIELDS)[number], string>>({
    returnAfterMinutes: show(rule.returnAfterMinutes),
    firstResponseMinutes: show(rule.firstResponseMinutes),
    nextResponseMinutes: show(rule.nextResponseMinutes),
    resolutionMinutes: show(rule.resolutionMinutes),
  });
  const { refused, busy, run, refuse, status } = useSave();
  const minuteField = (name: (typeof MINUTE_FIELDS)[number]) => (
    <label className="field" key={name}>
      {t(`workflow.settings.${name}`)}
      <input inputMode="numeric" dir="auto" value={minutes[name]} onChange={(e) => setMinutes({ ...minutes, [name]: e.target.value })} data-testid={`rule-${name}`} />
      <FieldError field={name} refused={refused} />
    </label>
  );
  return (
    <form
      className="card stack"
      data-testid="rule-form"
      onSubmit={(e) => {
        e.preventDefault();
        const cap = wholeOrEmpty(capacity);
        const numbers = Object.fromEntries(MINUTE_FIELDS.map((n) => [n, wholeOrEmpty(minutes[n])])) as Record<(typeof MINUTE_FIELDS)[number], number | null | undefined>;
        const bad: Field[] = [...(cap === undefined || cap === null ? (['capacity'] as const) : []), ...MINUTE_FIELDS.filter((n) => numbers[n] === undefined)];
        if (bad.length) return refuse(bad);
        void run(async () => {
          const next = { mode, capacity: cap!, assigneeOnlyReply: assigneeOnly, ...(numbers as Record<(typeof MINUTE_FIELDS)[number], number | null>) };
          await call('saveAssignmentRule', { channelId: props.channel.channelId, rule: next });
          props.saved();
          return t('workflow.settings.saved');
        });
      }}
    >
      <label className="field">
        {t('workflow.settings.mode')}
        <select value={mode} onChange={(e) => setMode(e.target.value as Rule['mode'])} data-testid="rule-mode">
          {ASSIGN_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`workflow.settings.modes.${m}`)}
            </option>
          ))}
        </select>
        <FieldError field="mode" refused={refused} />
      </label>
      <label className="field">
        {t('workflow.settings.capacity')}
        <input inputMode="numeric" dir="auto" value={capacity} onChange={(e) => setCapacity(e.target.value)} data-testid="rule-capacity" />
        <FieldError field="capacity" refused={refused} />
      </label>
      {minuteField('returnAfterMinutes')}
      <label className="check">
        <input type="checkbox" checked={assigneeOnly} onChange={(e) => setAssigneeOnly(e.target.checked)} data-testid="rule-assignee-only" />
        {t('workflow.settings.assigneeOnlyReply')}
      </label>
      <fieldset className="stack">
        <legend>{t('workflow.settings.slaTargets')}</legend>
        {minuteField('firstResponseMinutes')}
        {minuteField('nextResponseMinutes')}
        {minuteField('resolutionMinutes')}
      </fieldset>
      {status}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="rule-save">
          {t('workflow.settings.save')}
        </button>
      </div>
    </form>
  );
}
