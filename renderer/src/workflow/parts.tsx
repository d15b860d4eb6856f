import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../main/ipc/contract';
import { call } from '../bridge';
import { useFormat } from '../format';
import { useSelection } from '../stores/selection';
import { useUi } from '../stores/ui';
import { markersOf, useWorkflow, type SlaClock } from './store';
import './workflow.css';

/** The header's switch: I am online, or away (the hub's time-to-live still ends it when this console goes silent). */
export function PresenceSwitch() {
  const { t } = useTranslation();
  const me = useWorkflow((s) => s.presence?.me ?? null);
  if (me === null) return null;
  return (
    <label className={`language presence presence-${me}`}>
      <span className="presence-dot" aria-hidden="true" />
      {t('workflow.presence.label')}
      <select
        value={me === 'away' ? 'away' : 'online'}
        onChange={(e) => void useWorkflow.getState().setPresence(e.target.value as 'online' | 'away')}
        data-testid="presence-switch"
        data-state={me}
      >
        <option value="online">{t('workflow.presence.online')}</option>
        <option value="away">{t('workflow.presence.away')}</option>
      </select>
    </label>
  );
}

/** The bell: what the hub told me (mentions, conversations taken back, SLA breaches), newest first. */
export function NotificationsBell() {
  const { t } = useTranslation();
  const f = useFormat();
  const items = useWorkflow((s) => s.notifications);
  const seen = useWorkflow((s) => s.seenSeq);
  const [open, setOpen] = useState(false);
  const fresh = items.filter((n) => n.seq > seen).length;
  const target = (k: SlaClock['target']) => t(`workflow.sla.targets.${k}`);
  const go = (conversationId: number) => {
    setOpen(false);
    useUi.getState().go('inbox');
    useSelection.getState().select(conversationId);
  };
  return (
    <div className="notifications">
      <button
        type="button"
        className="link"
        aria-expanded={open}
        aria-label={fresh ? t('workflow.notifications.count', { count: fresh, formattedCount: f.number(fresh) }) : t('workflow.notifications.open')}
        data-testid="notifications"
        data-count={fresh}
        onClick={() => {
          setOpen(!open);
          useWorkflow.getState().markNotificationsSeen();
        }}
      >
        🔔{fresh > 0 && <span className="badge-count" data-testid="notifications-count">{f.number(fresh)}</span>}
      </button>
      {open && (
        <ul className="notifications-list" role="list" data-testid="notifications-list">
          {items.length === 0 && <li className="muted">{t('workflow.notifications.empty')}</li>}
          {items.slice(0, 30).map((n) => (
            <li key={n.seq} data-testid="notification" data-kind={n.kind}>
              <button type="button" className="link" onClick={() => go(n.conversationId)} title={t('workflow.notifications.open_conversation')}>
                {n.kind === 'note.mention' ? (
                  <>
                    <strong>{t('workflow.notifications.mention', { by: n.by })}</strong>{' '}
                    <bdi className="muted" dir="auto">
                      {n.maskedText.slice(0, 140)}
                    </bdi>
                  </>
                ) : n.kind === 'conversation.returned' ? (
                  t('workflow.notifications.returned', { count: n.minutes, formattedCount: f.number(n.minutes) })
                ) : (
                  t('workflow.notifications.breached', { target: target(n.target) })
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "Basma is writing a reply" / "Basma is viewing": colleagues' live markers on one conversation. */
export function LiveMarkers({ conversationId, testId }: { conversationId: number; testId: string }) {
  const { t } = useTranslation();
  const markers = useWorkflow((s) => s.markers);
  const here = markersOf(markers, conversationId);
  if (!here.length) return null;
  return (
    <span className="markers" role="status" data-testid={testId}>
      {here.map((m) => (
        <span key={m.userId} className={`marker marker-${m.kind}`} data-kind={m.kind}>
          <bdi>{t(`workflow.markers.${m.kind}`, { name: m.name })}</bdi>
        </span>
      ))}
    </span>
  );
}

/** Ticks every few seconds while a countdown is on screen. */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * The soonest SLA promise of a conversation, counting down: "First reply due in 12 min", "overdue by 5 min". The
 * hub computed when it falls due on the team's calendar; the risk band is the hub's business time left.
 */
export function SlaCountdown({ conversationId, testId }: { conversationId: number; testId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const clock = useWorkflow((s) => s.sla[conversationId]);
  const now = useNow(5000);
  if (!clock) return null;
  const left = clock.dueAt - now;
  // The hub's verdict wins over this machine's clock: once it says breached, the words say overdue too.
  const breached = left <= 0 || clock.risk === 'breached';
  const risk = breached ? 'breached' : clock.risk;
  const target = t(`workflow.sla.targets.${clock.target}`);
  return (
    <span className={`sla sla-${risk}`} data-testid={testId} data-risk={risk} data-target={clock.target} title={`${t(`workflow.sla.risk.${risk}`)} · ${t('workflow.sla.left', { time: f.duration(clock.businessLeftMs) })}`}>
      {breached ? t('workflow.sla.breached', { target, time: f.duration(Math.max(0, -left)) }) : t('workflow.sla.due', { target, time: f.duration(left) })}
    </span>
  );
}

type Completion = NonNullable<ResponseOf<'mentionCompletions'>>;

/**
 * Completion of `@name` in an internal note: colleagues whose name starts with what follows the `@` before the
 * caret (main folds case and Arabic/Persian letter variants). Picking one writes `@username ` in its place.
 */
export function MentionCompletion(props: {
  text: string;
  caret: number;
  onPick: (text: string, caret: number) => void;
  /** The note box's keys while the list is open: ↑/↓ move, Enter or Tab picks, Escape closes. */
  keysRef: { current: ((e: React.KeyboardEvent) => boolean) | null };
}) {
  const { t } = useTranslation();
  const [c, setC] = useState<Completion | null>(null);
  const [active, setActive] = useState(0);
  const { text, caret } = props;
  useEffect(() => {
    let live = true;
    if (!text.includes('@')) return setC(null);
    call('mentionCompletions', { text, caret }).then(
      (r) => live && (setC(r), setActive(0)),
      () => live && setC(null),
    );
    return () => {
      live = false;
    };
  }, [text, caret]);
  const open = !!c && c.matches.length > 0;
  const pick = (username: string) => {
    if (!c) return;
    const before = text.slice(0, c.from) + `@${username} `;
    props.onPick(before + text.slice(caret), before.length);
    setC(null);
  };
  props.keysRef.current = open
    ? (e) => {
        const n = c!.matches.length;
        if (e.key === 'ArrowDown') setActive((active + 1) % n);
        else if (e.key === 'ArrowUp') setActive((active - 1 + n) % n);
        else if (e.key === 'Enter' || e.key === 'Tab') pick(c!.matches[Math.min(active, n - 1)]!.username);
        else if (e.key === 'Escape') setC(null);
        else return false;
        e.preventDefault();
        return true;
      }
    : null;
  if (!open) return null;
  return (
    <ul className="mentions" role="listbox" aria-label={t('workflow.mentions.label')} data-testid="mention-list">
      {c!.matches.map((m, i) => (
        <li key={m.username} role="option" aria-selected={i === active} className={i === active ? 'active' : undefined}>
          <button type="button" className="link" onMouseDown={(e) => e.preventDefault()} onClick={() => pick(m.username)} data-testid="mention-option" data-username={m.username}>
            <bdi>{m.name}</bdi> <span className="muted">@{m.username}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
