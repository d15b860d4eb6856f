import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../../main/ipc/contract';
import { call } from '../../bridge';
import { ErrorNote } from '../../components/Notice';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks';
import { useSession } from '../../stores/session';
import { DRILL_KINDS, type DrillKind } from '../../../../main/ipc/vocabulary';

const loadPeople = () => call('listUsers', {});

/** Starts a phishing drill on the demo channel and shows who reported the attempts and who replied unsafely. */
export function DrillsTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const [kind, setKind] = useState<DrillKind | 'all'>('all');
  // At the team hub a drill is for one agent: its attempts arrive on their channel, assigned to them.
  const team = useSession((s) => !!s.session?.team);
  const { data: people } = useLoad(loadPeople);
  const agents = team ? (people?.users ?? []).filter((u) => !u.disabled && (u.role === 'agent' || u.role === 'lead')) : [];
  const [agentId, setAgentId] = useState('');
  const [started, setStarted] = useState<ResponseOf<'scheduleDrill'> | null>(null);
  const [report, setReport] = useState<ResponseOf<'drillReport'> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const refresh = async (drillId: string) => {
    try {
      setReport(await call('drillReport', { drillId }));
      setError(null);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="stack" data-testid="drills">
      <p className="note">{t(team ? 'admin.drills.drillIntroTeam' : 'admin.drills.drillIntro')}</p>
      <form
        className="card row"
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            const r = await call('scheduleDrill', { ...(kind === 'all' ? {} : { kind }), ...(team && agentId ? { agentId } : {}) });
            setStarted(r);
            setReport(null);
            setError(null);
          } catch (err) {
            setError(err);
          }
        }}
      >
        <label>
          {t('admin.drills.drillKind')}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as DrillKind | 'all')}>
            <option value="all">{t('admin.drills.allKinds')}</option>
            {DRILL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`admin.drills.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {team && (
          <label>
            {t('admin.drills.forAgent')}{' '}
            <select value={agentId} onChange={(e) => setAgentId(e.target.value)} data-testid="drill-agent">
              <option value="">{t('admin.drills.anyAgent')}</option>
              {agents.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName || u.username}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit">{t('admin.drills.startDrill')}</button>
      </form>
      <ErrorNote error={error} />
      {started && (
        <div className="stack">
          <p role="status">{t('admin.drills.drillStarted', { count: started.messagesSent, formattedCount: f.number(started.messagesSent) })}</p>
          <button type="button" onClick={() => void refresh(started.drillId)}>
            {t('admin.drills.refresh')}
          </button>
        </div>
      )}
      {report &&
        (report.agents.length === 0 ? (
          <p className="note">{t('admin.drills.noOutcomes')}</p>
        ) : (
          <table className="table" data-testid="drill-report">
            <thead>
              <tr>
                <th>{t('admin.drills.agent')}</th>
                <th>{t('admin.drills.flagged')}</th>
                <th>{t('admin.drills.unsafeReplies')}</th>
                <th>{t('admin.drills.safeReplies')}</th>
              </tr>
            </thead>
            <tbody>
              {report.agents.map((a) => (
                <tr key={a.agent.id}>
                  <td><bdi>{a.agent.name}</bdi></td>
                  <td>{f.number(a.flagged)}</td>
                  <td>{f.number(a.unsafeReplies)}</td>
                  <td>{f.number(a.safeReplies)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </div>
  );
}
