import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ErrorNote } from '../components/Notice';
import { useFormat } from '../format';
import { useLead } from '../stores/lead';
import { useSelection } from '../stores/selection';
import { useSession } from '../stores/session';
import { useUi } from '../stores/ui';
import { MessageItem } from '../components/MessageItem';
import { Segments } from '../components/Segments';
import { HeldTab } from './admin/HeldTab';
import { LabelsTab } from './admin/LabelsTab';
import { LeadBoard } from '../workflow/Board';
import { Tabs } from '../components/Tabs';
import { WorkflowTab } from '../workflow/settings/WorkflowTab';

type Tab = 'board' | 'review' | 'approvals' | 'reports' | 'alerts' | 'held' | 'labels' | 'workflow';

export function LeadScreen() {
  const { t } = useTranslation();
  const can = useSession((s) => s.can);
  const team = useSession((s) => !!s.session?.team);
  const tabs: Tab[] = [
    // The live board needs the team hub: who is on what, queues, SLA risk (a single-seat console has one person).
    ...(team && can('team.board') ? (['board'] as const) : []),
    ...(can('review.read') ? (['review'] as const) : []),
    ...(can('reveal.approve') ? (['approvals'] as const) : []),
    'reports',
    'alerts',
    // What the hub's flood control held back: an administrator decides under Administration, a lead here.
    ...(can('workflow.manage') && !can('channels.manage') ? (['held'] as const) : []),
    // An administrator keeps the labels under Administration; a lead keeps them here.
    ...(can('labels.manage') && !can('channels.manage') ? (['labels'] as const) : []),
    // The team workflow's settings: an administrator keeps them under Administration, a lead here.
    ...(team && can('workflow.manage') && !can('channels.manage') ? (['workflow'] as const) : []),
  ];
  const [chosen, setTab] = useState<Tab>(tabs[0]!);
  const tab = tabs.includes(chosen) ? chosen : tabs[0]!;
  const error = useLead((s) => s.error);
  const waiting = useLead((s) => s.approvals.length + s.revealRequests.length);
  return (
    <section className="lead" aria-labelledby="lead-title" data-testid="lead">
      <h2 id="lead-title" className="visually-hidden">
        {t('lead.title')}
      </h2>
      <Tabs<Tab> tabs={tabs} current={tab} onChange={setTab} prefix="lead.tabs" counts={{ approvals: waiting }} />
      <ErrorNote error={error} />
      {tab === 'board' && <LeadBoard />}
      {tab === 'review' && <Review />}
      {tab === 'approvals' && <Approvals />}
      {tab === 'reports' && <Reports />}
      {tab === 'alerts' && <Alerts />}
      {tab === 'held' && <HeldTab />}
      {tab === 'labels' && <LabelsTab />}
      {tab === 'workflow' && <WorkflowTab />}
    </section>
  );
}

function Review() {
  const { t } = useTranslation();
  const f = useFormat();
  const queue = useLead((s) => s.queue);
  const transcript = useLead((s) => s.transcript);
  const { loadQueue, openTranscript, score } = useLead.getState();
  const canScore = useSession((s) => s.can('review.write'));
  const [value, setValue] = useState(4);
  const [comment, setComment] = useState('');
  useEffect(() => {
    void loadQueue();
  }, [loadQueue]);
  const current = transcript ? queue.find((q) => q.conversationId === transcript.conversationId) : undefined;
  return (
    <div className="review">
      <nav aria-label={t('lead.queue')} className="review-queue">
        <h3>{t('lead.queue')}</h3>
        {queue.length === 0 && <p className="muted">{t('lead.noneToReview')}</p>}
        <ul>
          {queue.map((q) => (
            <li key={q.conversationId}>
              <button type="button" className={transcript?.conversationId === q.conversationId ? 'link active' : 'link'} onClick={() => void openTranscript(q.conversationId)} data-testid="review-item" data-id={q.conversationId}>
                {t(`channelKind.${q.channelKind}`)} · <bdi>{q.agent?.name ?? '—'}</bdi> · {q.resolvedAt ? f.dateTime(q.resolvedAt) : ''} ·{' '}
                {q.score ? t('lead.scored', { score: f.number(q.score) }) : t('lead.unscored')}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="transcript" data-testid="transcript">
        {!transcript ? (
          <p className="muted">{t('lead.pick')}</p>
        ) : (
          <>
            <h3>
              {t('lead.transcript')} — <bdi><Segments segments={transcript.contact} /></bdi>
            </h3>
            <ol className="messages">
              {transcript.messages.map((m) => (
                <MessageItem key={m.id} m={m} canReveal={false} />
              ))}
            </ol>
            <form
              className="score-form"
              onSubmit={(e) => {
                e.preventDefault();
                void score(transcript.conversationId, value, comment);
              }}
            >
              <fieldset>
                <legend>{t('lead.score')}</legend>
                {[1, 2, 3, 4, 5].map((n) => (
                  <label key={n} className="inline">
                    <input type="radio" name="score" checked={value === n} onChange={() => setValue(n)} />
                    {f.number(n)}
                  </label>
                ))}
              </fieldset>
              <label className="field">
                {t('lead.comment')}
                <textarea dir="auto" value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} />
              </label>
              <button type="submit" className="primary" data-testid="save-score" disabled={!canScore}>
                {t('lead.saveScore')}
              </button>
              {current?.score && <span className="muted">{t('lead.scored', { score: f.number(current.score) })}</span>}
            </form>
          </>
        )}
      </div>
    </div>
  );
}

/** Four eyes: reveals of the field types the policy marks, and blocked replies. The requester cannot decide. */
function Approvals() {
  const { t } = useTranslation();
  // The workspace polls the waiting requests for the nav badge (App.tsx); opening the tab fetches at once.
  const loadApprovals = useLead((s) => s.loadApprovals);
  useEffect(() => {
    void loadApprovals();
  }, [loadApprovals]);
  return (
    <div className="stack">
      <h3>{t('lead.revealRequests')}</h3>
      <RevealRequests />
      <h3>{t('lead.replyApprovals')}</h3>
      <ReplyApprovals />
    </div>
  );
}

function RevealRequests() {
  const { t } = useTranslation();
  const f = useFormat();
  const revealRequests = useLead((s) => s.revealRequests);
  const { decideReveal } = useLead.getState();
  if (!revealRequests.length) return <p className="muted" data-testid="reveal-requests-none">{t('lead.revealRequestsNone')}</p>;
  return (
    <ul className="approvals" data-testid="reveal-requests">
      {revealRequests.map((r) => {
        const type = t(`fields.${r.fieldType}`, { defaultValue: t('fields.OTHER') });
        return (
          <li key={r.requestId} className="card" data-testid="reveal-request" data-id={r.requestId}>
            <p>
              {t('lead.revealAsk', { who: r.requestedBy, type })} · <time>{f.dateTime(r.requestedAt)}</time>
            </p>
            <blockquote className="reason" dir="auto" data-testid="reveal-request-reason">
              {r.reason}
            </blockquote>
            <div className="actions">
              {r.conversationId !== null && (
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    useSelection.getState().select(r.conversationId);
                    useUi.getState().go('inbox');
                  }}
                >
                  {t('lead.openConversation')}
                </button>
              )}
              <button type="button" className="primary" onClick={() => void decideReveal(r.requestId, true)} data-testid="approve-reveal">
                {t('lead.approveReveal')}
              </button>
              <button type="button" onClick={() => void decideReveal(r.requestId, false)} data-testid="deny-reveal">
                {t('lead.denyReveal')}
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** Blocked replies: the masked text and the guard's reasons. */
function ReplyApprovals() {
  const { t } = useTranslation();
  const f = useFormat();
  const approvals = useLead((s) => s.approvals);
  const { decideApproval } = useLead.getState();
  if (!approvals.length) return <p className="muted">{t('lead.approvalsNone')}</p>;
  return (
    <ul className="approvals" data-testid="approvals">
      {approvals.map((a) => (
        <li key={a.id} className="card" data-testid="approval-item" data-id={a.id}>
          <strong>
            <bdi>{a.agent?.name ?? '—'}</bdi>
          </strong>{' '}
          · <time>{f.dateTime(a.requestedAt)}</time>
          <p dir={a.textDirection}>
            <Segments segments={a.segments} />
          </p>
          <ul>
            {a.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void decideApproval(a.id, true)} data-testid="approve-reply">
              {t('lead.approveReply')}
            </button>
            <button type="button" onClick={() => void decideApproval(a.id, false)} data-testid="decline-reply">
              {t('lead.declineReply')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}

function Reports() {
  const { t } = useTranslation();
  const f = useFormat();
  const report = useLead((s) => s.report);
  const { loadReport } = useLead.getState();
  const [days, setDays] = useState(30);
  useEffect(() => {
    void loadReport(days);
  }, [days, loadReport]);
  if (!report) return <p aria-busy="true">{t('inbox.loading')}</p>;
  const perChannel = report.perChannel.map((c) => ({ name: c.channelName, [t('lead.inbound')]: c.inbound, [t('lead.outbound')]: c.outbound }));
  const daily = report.daily.map((d) => ({ day: f.day(d.day), [t('lead.inbound')]: d.inbound }));
  const rtl = document.documentElement.dir === 'rtl';
  return (
    <div className="reports" data-testid="reports">
      <label className="inline">
        {t('lead.range')}
        <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
          <option value={7}>{t('lead.days7', { n: f.number(7) })}</option>
          <option value={30}>{t('lead.days30', { n: f.number(30) })}</option>
        </select>
      </label>
      <div className="stat-cards">
        <Stat title={t('lead.firstResponse')} lines={[t('lead.median', { value: f.duration(report.firstResponseMs.p50) }), t('lead.p90', { p: f.number(90), value: f.duration(report.firstResponseMs.p90) })]} />
        <Stat
          title={t('lead.resolution')}
          lines={[t('lead.median', { value: f.duration(report.resolutionMs.p50) }), t('lead.p90', { p: f.number(90), value: f.duration(report.resolutionMs.p90) }), t('lead.resolvedCount', { n: f.number(report.resolved) })]}
          testId="resolution-times"
        />
        <Stat title={t('lead.sla')} big={f.number(report.slaBreaches)} alarm={report.slaBreaches > 0} lines={[t('lead.slaTarget', { value: f.duration(report.slaTargetMs) })]} testId="sla-breaches" />
      </div>
      {report.perChannel.length === 0 ? (
        <p className="muted">{t('lead.noData')}</p>
      ) : (
        <>
          <figure className="chart">
            <figcaption>{t('lead.volume')}</figcaption>
            <ResponsiveContainer width="100%" height={260}>
              <BarChart data={perChannel} margin={{ top: 8, right: 24, bottom: 0, left: 24 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" reversed={rtl} />
                <YAxis orientation={rtl ? 'right' : 'left'} tickFormatter={(v: number) => f.number(v)} />
                <Tooltip formatter={(v) => f.number(Number(v))} />
                <Legend />
                <Bar dataKey={t('lead.inbound')} fill="#1f6feb" isAnimationActive={false} />
                <Bar dataKey={t('lead.outbound')} fill="#8957e5" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </figure>
          <figure className="chart">
            <figcaption>{t('lead.daily')}</figcaption>
            <ResponsiveContainer width="100%" height={260}>
              <LineChart data={daily} margin={{ top: 8, right: 24, bottom: 0, left: 24 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="day" reversed={rtl} />
                <YAxis orientation={rtl ? 'right' : 'left'} tickFormatter={(v: number) => f.number(v)} />
                <Tooltip formatter={(v) => f.number(Number(v))} />
                <Legend />
                <Line dataKey={t('lead.inbound')} stroke="#1f6feb" dot={false} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </figure>
        </>
      )}
    </div>
  );
}

function Stat(props: { title: string; lines: string[]; big?: string; alarm?: boolean; testId?: string }) {
  return (
    <div className="card stat" data-testid={props.testId}>
      <h4>{props.title}</h4>
      {props.big && <p className={props.alarm ? 'big alarm' : 'big'}>{props.big}</p>}
      {props.lines.map((l) => (
        <p key={l} className="muted">
          {l}
        </p>
      ))}
    </div>
  );
}

function Alerts() {
  const { t } = useTranslation();
  const f = useFormat();
  const alerts = useLead((s) => s.alerts);
  const { loadAlerts, acknowledge } = useLead.getState();
  useEffect(() => {
    void loadAlerts();
  }, [loadAlerts]);
  if (!alerts.length) return <p className="muted">{t('lead.alertsNone')}</p>;
  return (
    <ul className="alerts" data-testid="alerts">
      {alerts.map((a) => (
        <li key={a.id} className={`card alert alert-${a.severity}`}>
          <strong>{t(`lead.severity.${a.severity}`)}</strong> · <time>{f.dateTime(a.createdAt)}</time>
          <p dir="auto">{a.summary}</p>
          <div className="actions">
            {a.conversationIds.length > 0 && (
              <button
                type="button"
                className="link"
                onClick={() => {
                  useSelection.getState().select(a.conversationIds[0]!);
                  useUi.getState().go('inbox');
                }}
              >
                {t('lead.linked', { count: a.conversationIds.length, formattedCount: f.number(a.conversationIds.length) })}
              </button>
            )}
            {a.acknowledged ? (
              <span className="muted">{t('lead.acknowledged')}</span>
            ) : (
              <button type="button" onClick={() => void acknowledge(a.id)}>
                {t('lead.acknowledge')}
              </button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
