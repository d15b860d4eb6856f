import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { FieldError, useSave, useShowWhole, wholeOrEmpty } from './fields';
import type { WorkflowSettings } from './WorkflowTab';

type Agent = WorkflowSettings['agents'][number];

/** Each agent's own capacity (the most open conversations the sweep hands them); empty: their channels' rule decides. */
export function CapacityEditor(props: { agents: Agent[]; saved: () => void }) {
  const { t } = useTranslation();
  if (!props.agents.length) return <p className="muted">{t('workflow.settings.noAgents')}</p>;
  return (
    <table className="table" data-testid="capacity-editor">
      <thead>
        <tr>
          <th>{t('workflow.settings.agent')}</th>
          <th>{t('workflow.settings.ownCapacity')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {props.agents.map((a) => (
          <CapacityRow key={a.userId} agent={a} saved={props.saved} />
        ))}
      </tbody>
    </table>
  );
}

function CapacityRow(props: { agent: Agent; saved: () => void }) {
  const { t } = useTranslation();
  const show = useShowWhole();
  const [value, setValue] = useState(show(props.agent.capacity));
  const { refused, busy, run, refuse, status } = useSave();
  const save = () => {
    const capacity = wholeOrEmpty(value);
    if (capacity === undefined) return refuse(['capacity']);
    void run(async () => {
      await call('setAgentCapacity', { userId: props.agent.userId, capacity });
      props.saved();
      return t('workflow.settings.saved');
    });
  };
  return (
    <tr data-testid="capacity-row" data-name={props.agent.name}>
      <td>
        <bdi>{props.agent.name}</bdi>
      </td>
      <td>
        <input
          inputMode="numeric"
          dir="auto"
          value={value}
          placeholder={t('workflow.settings.channelsCapacity')}
          aria-label={t('workflow.settings.ownCapacityOf', { name: props.agent.name })}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && save()}
          data-testid="capacity-input"
        />
        <FieldError field="capacity" refused={refused} />
        {status}
      </td>
      <td>
        <button type="button" disabled={busy} onClick={save} data-testid="capacity-save">
          {t('workflow.settings.save')}
        </button>
      </td>
    </tr>
  );
}
