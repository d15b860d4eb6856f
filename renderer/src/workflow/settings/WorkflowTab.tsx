import { useState } from 'react';
import type { ResponseOf } from '../../../../main/ipc/contract';
import { call } from '../../bridge';
import { ErrorNote } from '../../components/Notice';
import { useLoad } from '../../hooks';
import { Tabs } from '../../components/Tabs';
import { CalendarEditor } from './CalendarEditor';
import { CapacityEditor } from './CapacityEditor';
import { ConsentEditor } from './ConsentEditor';
import { RulesEditor } from './RulesEditor';

export type WorkflowSettings = ResponseOf<'workflowSettings'>;
type Part = 'rules' | 'capacity' | 'calendar' | 'consent';

const loadSettings = () => call('workflowSettings', {});

/**
 * The team workflow's settings (team mode; leads and administrators, permission `workflow.manage`): each channel's
 * assignment rule and SLA targets, agents' capacities, the business calendar and the consent notices. The hub
 * checks and audits every change; this screen shows what the hub holds after each one.
 */
export function WorkflowTab() {
  const { data, error, reload } = useLoad(loadSettings);
  const [part, setPart] = useState<Part>('rules');
  return (
    <div className="workflow-settings stack" data-testid="workflow-settings">
      <Tabs<Part> tabs={['rules', 'capacity', 'calendar', 'consent']} current={part} onChange={setPart} prefix="workflow.settings.tabs" />
      <ErrorNote error={error} />
      {data && part === 'rules' && <RulesEditor channels={data.channels} saved={reload} />}
      {data && part === 'capacity' && <CapacityEditor agents={data.agents} saved={reload} />}
      {data && part === 'calendar' && <CalendarEditor calendar={data.calendar} saved={reload} />}
      {data && part === 'consent' && <ConsentEditor channels={data.channels} />}
    </div>
  );
}
