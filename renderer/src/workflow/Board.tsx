import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../components/Notice';
import { useFormat } from '../format';
import { useSelection } from '../stores/selection';
import { useUi } from '../stores/ui';
import { useWorkflow } from './store';

/** The board follows the team while it is on screen. */
const BOARD_MS = 3000;

/**
 * The lead's live board (team mode): who is on what and their presence, the queue of each channel, conversations at
 * SLA risk, and each person's figures over the last 24 hours. Everything comes from the hub's `/v1/board`.
 */
export function LeadBoard() {
  const { t } = useTranslation();
  const f = useFormat();
  const board = useWorkflow((s) => s.board);
  const error = useWorkflow((s) => s.error);
  useEffect(() => {
    const load = () => void useWorkflow.getState().loadBoard();
    load();
    const timer = window.setInterval(load, BOARD_MS);
    return () => window.clearInterval(timer);
  }, []);
  const open = (conversationId: number) => {
    useUi.getState().go('inbox');
    useSelection.getState().select(conversationId);
  };
  if (!board) return <ErrorNote error={error} />;
  return (
    <div className="board" data-testid="board">
      <ErrorNote error={error} />
      <p className="muted">{t('workflow.board.updated', { time: f.time(board.at) })}</p>
      <h3>{t('workflow.board.agents')}</h3>
      <table className="table">
        <thead>
          <tr>
            <th>{t('workflow.board.agent')}</th>
            <th>{t('workflow.board.presence')}</th>
            <th>{t('workflow.board.open')}</th>
            <th>{t('workflow.board.handled')}</th>
            <th>{t('workflow.board.firstResponse')}</th>
            <th>{t('workflow.board.resolution')}</th>
          </tr>
        </thead>
        <tbody>
          {board.agents.map((a) => (
            <tr key={a.userId} data-testid="board-agent" data-name={a.name}>
              <td>
                <bdi>{a.name}</bdi>
              </td>
              <td data-testid="board-presence" data-state={a.presence.state}>
                <span className={`presence presence-${a.presence.state}`}>
                  <span className="presence-dot" aria-hidden="true" />
                  {t(`workflow.presence.${a.presence.state}`)}
                </span>
                {a.presence.since > 0 && <span className="muted"> {t('workflow.presence.since', { time: f.time(a.presence.since) })}</span>}
              </td>
              <td data-testid="board-open" data-count={a.open.length}>
                {f.number(a.open.length)}
                {a.open.slice(0, 5).map((id) => (
                  <button key={id} type="button" className="link" onClick={() => open(id)}>
                    {' '}#{f.number(id)}
                  </button>
                ))}
              </td>
              <td>{f.number(a.handled)}</td>
              <td>{f.duration(a.medianFirstResponseMs)}</td>
              <td>{f.duration(a.medianResolutionMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('workflow.board.queues')}</h3>
      <table className="table">
        <thead>
          <tr>
            <th>{t('workflow.board.channel')}</th>
            <th>{t('workflow.board.mode')}</th>
            <th>{t('workflow.board.queues')}</th>
          </tr>
        </thead>
        <tbody>
          {board.channels.map((c) => (
            <tr key={c.channelId} data-testid="board-channel" data-queued={c.queued}>
              <td>
                <span className={`kind kind-${c.kind}`}>{t(`channelKind.${c.kind}`)}</span> <bdi>{c.name}</bdi>
              </td>
              <td>{t(`workflow.board.modes.${c.mode}`, { defaultValue: c.mode })}</td>
              <td>{t('workflow.board.queued', { count: c.queued, formattedCount: f.number(c.queued) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('workflow.board.risk')}</h3>
      {board.atRisk.length === 0 ? (
        <p className="muted">{t('workflow.board.noRisk')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('workflow.board.conversation')}</th>
              <th>{t('workflow.board.channel')}</th>
              <th>{t('workflow.board.assignee')}</th>
              <th>{t('workflow.board.target')}</th>
              <th>{t('workflow.board.due')}</th>
            </tr>
          </thead>
          <tbody>
            {board.atRisk.map((r) => (
              <tr key={`${r.conversationId}:${r.target}`} data-testid="board-risk" data-risk={r.risk}>
                <td>
                  <button type="button" className="link" onClick={() => open(r.conversationId)}>
                    #{f.number(r.conversationId)}
                  </button>
                </td>
                <td>
                  <bdi>{r.channelName}</bdi>
                </td>
                <td>{r.assignee ? <bdi>{r.assignee}</bdi> : t('workflow.board.unassigned')}</td>
                <td>{t(`workflow.sla.targets.${r.target}`)}</td>
                <td className={`sla sla-${r.risk}`}>
                  {f.dateTime(r.dueAt)} · {t(`workflow.sla.risk.${r.risk}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
