import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tabs } from '../components/Tabs';
import { useSession } from '../stores/session';
import { CannedTab } from './admin/CannedTab';
import { ChannelsTab } from './admin/ChannelsTab';
import { DeviceTab } from './admin/DeviceTab';
import { DrillsTab } from './admin/DrillsTab';
import { HeldTab } from './admin/HeldTab';
import { LabelsTab } from './admin/LabelsTab';
import { NextSteps, type AdminTab as Tab } from './admin/NextSteps';
import { UsersTab } from './admin/UsersTab';
import { WorkflowTab } from '../workflow/settings/WorkflowTab';

/** Administration: one file per tab under ./admin/. */
export function AdminScreen() {
  const { t } = useTranslation();
  const can = useSession((s) => s.can);
  const team = useSession((s) => !!s.session?.team);
  // Held messages: the hub's, or a single-seat console's own flood gate's; the workflow's settings live at a hub.
  const tabs = (['channels', 'users', 'canned', 'labels', 'workflow', 'held', 'device', 'drills'] as const).filter(
    (x) => (x === 'held' ? can('workflow.manage') : x !== 'workflow' || (team && can('workflow.manage'))),
  );
  const [tab, setTab] = useState<Tab>('channels');
  return (
    <section className="admin" aria-labelledby="admin-title" data-testid="admin">
      <h2 id="admin-title" className="visually-hidden">
        {t('admin.title')}
      </h2>
      <NextSteps go={setTab} refreshKey={tab} />
      <Tabs<Tab> tabs={tabs} current={tab} onChange={setTab} prefix="admin.tabs" />
      {tab === 'channels' && <ChannelsTab />}
      {tab === 'users' && <UsersTab />}
      {tab === 'canned' && <CannedTab />}
      {tab === 'labels' && <LabelsTab />}
      {tab === 'workflow' && <WorkflowTab />}
      {tab === 'held' && <HeldTab />}
      {tab === 'device' && <DeviceTab />}
      {tab === 'drills' && <DrillsTab />}
    </section>
  );
}
