import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SNOOZE_CHOICES, snoozeUntil } from '../snooze';
import { Menu } from '../components/Menu';
import { Dialog } from '../components/Dialog';
import { ErrorNote } from '../components/Notice';
import { Segments } from '../components/Segments';
import { MessageItem } from '../components/MessageItem';
import { call } from '../bridge';
import { useFormat } from '../format';
import { useDetail, type Detail } from '../stores/detail';
import { useReveals } from '../stores/reveals';
import { useSelection } from '../stores/selection';
import { useSession } from '../stores/session';
import { useUi } from '../stores/ui';
import { Composer } from './Composer';
import { CustomerPanel } from './CustomerPanel';
import { useViewingMarker } from '../workflow/live';
import { LiveMarkers, MentionCompletion, SlaCountdown } from '../workflow/parts';
import { CONVERSATION_STATUSES, THREAD_CONTROL_ACTIONS, THREAD_CONTROL_KINDS, type ConversationStatus } from '../../../main/ipc/vocabulary';
import { HeldCopies } from '../components/HeldCopies';

/**
 * One conversation: header actions, messages with chips and delivery states, notes, composer, customer panel.
 * It reads the detail store only: typing (the composer store) redraws the composer, not the thread.
 */
export function ConversationView() {
  const { t } = useTranslation();
  const id = useSelection((s) => s.id);
  const detail = useDetail((s) => s.detail);
  const loading = useDetail((s) => s.loading);
  const error = useDetail((s) => s.error);
  const revealError = useReveals((s) => s.error);
  const team = useSession((s) => !!s.session?.team);
  useViewingMarker(id, team);
  if (id === null) return <p className="empty" data-testid="no-conversation">{t('inbox.noneSelected')}</p>;
  if (error && !detail) return <ErrorNote error={error} onDismiss={() => void useDetail.getState().reload()} />;
  if (loading || !detail) return <p className="empty" aria-busy="true">{t('inbox.loading')}</p>;
  return (
    <div className="conversation" data-testid="conversation">
      <section className="thread" aria-label={t('conversation.messages')}>
        <Header detail={detail} />
        <ErrorNote error={revealError} onDismiss={() => useReveals.getState().dismissError()} />
        <Messages detail={detail} />
        <Notes detail={detail} />
        <Composer detail={detail} />
      </section>
      <CustomerPanel detail={detail} />
    </div>
  );
}

export async function runAction(action: Promise<Detail['summary']>, onError: (e: unknown) => void) {
  try {
    useDetail.getState().applySummary(await action);
  } catch (e) {
    onError(e);
  }
}

function Header({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const s = detail.summary;
  const [error, setError] = useState<unknown>(null);
  const [editingLabels, setEditingLabels] = useState(false);
  const [handedOver, setHandedOver] = useState<string | null>(null);
  const me = useSession((x) => x.session?.user?.id);
  const team = useSession((x) => !!x.session?.team);
  const focus = useUi((x) => x.focusRequest);
  useEffect(() => {
    if (focus?.target === 'labels') setEditingLabels(true);
  }, [focus]);
  const act = (p: Promise<Detail['summary']>) => void runAction(p, setError);
  const setStatus = (status: ConversationStatus, until?: number) =>
    act(call('setConversationStatus', { conversationId: s.id, status, ...(until !== undefined ? { snoozeUntil: until } : {}) }));
  // Messenger and Instagram hand a thread between apps (a chatbot and this inbox); in team mode the hub's node running the channel does it.
  const handover = THREAD_CONTROL_KINDS.includes(s.channelKind);
  const threadControl = (action: (typeof THREAD_CONTROL_ACTIONS)[number]) => {
    setHandedOver(null);
    call('threadControl', { conversationId: s.id, action }).then(() => setHandedOver(action), setError);
  };
  return (
    <header className="thread-header">
      <div className="thread-title">
        <span className={`kind kind-${s.channelKind}`}>{t(`channelKind.${s.channelKind}`)}</span>
        <h2>
          <bdi>
            <Segments segments={s.contactName} />
          </bdi>
        </h2>
        <span className={`status-pill status-${s.status}`} data-testid="status-pill" data-status={s.status}>
          {t(`statuses.${s.status}`)}
        </span>
        <ReplyWindowBadge detail={detail} />
        <HeldCopies count={s.heldCopies} testId="conversation-held-copies" />
        {team && <SlaCountdown conversationId={s.id} testId="conversation-sla" />}
        {team && <LiveMarkers conversationId={s.id} testId="conversation-markers" />}
      </div>
      <div className="toolbar" role="toolbar" aria-label={t('conversation.actions')}>
        {s.status !== 'resolved' ? (
          <button type="button" className="primary" data-testid="resolve" onClick={() => setStatus('resolved')}>
            {t('conversation.resolve')} <kbd>E</kbd>
          </button>
        ) : (
          <button type="button" onClick={() => setStatus('open')}>
            {t('conversation.reopen')}
          </button>
        )}
        <Menu
          label={<>{t('conversation.snoozeFor')} ▾</>}
          testId="snooze"
          items={SNOOZE_CHOICES.map((c) => ({ id: c, label: t(`conversation.snooze.${c}`, { time: f.time(snoozeUntil(c, new Date())) }), run: () => setStatus('snoozed', snoozeUntil(c, new Date())) }))}
        />
        <Menu
          label="⋯"
          ariaLabel={t('conversation.more')}
          testId="more"
          items={[
            ...CONVERSATION_STATUSES.filter((st) => st !== s.status && st !== 'snoozed' && st !== 'resolved').map((st) => ({ id: `status-${st}`, label: t(`conversation.markAs.${st}`), run: () => setStatus(st) })),
            ...(handover ? THREAD_CONTROL_ACTIONS.map((a) => ({ id: `thread-${a}`, label: t(`conversation.threadControl.${a}`), run: () => threadControl(a) })) : []),
          ]}
        />
        <span className="assignee-line">
          {t('conversation.assignee')}: <bdi data-testid="assignee">{s.assignee?.name ?? t('conversation.nobody')}</bdi>
        </span>
        {s.assignee?.id !== me ? (
          <button type="button" data-testid="assign-me" onClick={() => act(call('assignConversation', { conversationId: s.id, assignee: 'me' }))}>
            {t('conversation.assignMe')} <kbd>A</kbd>
          </button>
        ) : (
          <button type="button" onClick={() => act(call('assignConversation', { conversationId: s.id, assignee: null }))}>
            {t('conversation.unassign')}
          </button>
        )}
        <AssignOther conversationId={s.id} onError={setError} />
        <button type="button" onClick={() => setEditingLabels(true)} data-testid="edit-labels">
          {t('conversation.editLabels')} <kbd>L</kbd>
        </button>
      </div>
      <div className="row-tags">
        {s.labels.map((l) => (
          <span key={l} className="label">
            {l}
          </span>
        ))}
        {s.status === 'snoozed' && s.snoozedUntil && <span className="muted">{t('conversation.snoozedUntil', { time: f.dateTime(s.snoozedUntil) })}</span>}
      </div>
      {handedOver && (
        <p className="muted" role="status" data-testid="thread-control-done">
          {t(`conversation.threadControl.done.${handedOver}`)}
        </p>
      )}
      <ErrorNote error={error} onDismiss={() => setError(null)} />
      {editingLabels && <LabelsDialog labels={s.labels} conversationId={s.id} onClose={() => setEditingLabels(false)} />}
    </header>
  );
}

function AssignOther(props: { conversationId: number; onError(e: unknown): void }) {
  const { t } = useTranslation();
  const [agents, setAgents] = useState<Array<{ id: string; name: string }>>([]);
  useEffect(() => {
    call('listAgents', {}).then(setAgents, () => setAgents([]));
  }, []);
  if (!agents.length) return null;
  return (
    <select
      aria-label={t('conversation.assignee')}
      value=""
      onChange={(e) => void runAction(call('assignConversation', { conversationId: props.conversationId, assignee: e.target.value }), props.onError)}
    >
      <option value="">{t('conversation.assignee')}…</option>
      {agents.map((a) => (
        <option key={a.id} value={a.id}>
          {a.name}
        </option>
      ))}
    </select>
  );
}

function LabelsDialog(props: { labels: string[]; conversationId: number; onClose(): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.labels.join(', '));
  const [error, setError] = useState<unknown>(null);
  return (
    <Dialog title={t('conversation.labels')} onClose={props.onClose} testId="labels-dialog">
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const labels = text.split(/[,،]/).map((l) => l.trim()).filter(Boolean);
          await runAction(call('setLabels', { conversationId: props.conversationId, labels }), setError);
          props.onClose();
        }}
      >
        <label className="field">
          {t('conversation.labels')}
          <input autoFocus value={text} maxLength={600} onChange={(e) => setText(e.target.value)} data-testid="labels-input" />
          <small className="muted">{t('conversation.labelsHelp')}</small>
        </label>
        <ErrorNote error={error} />
        <div className="actions">
          <button type="button" onClick={props.onClose}>
            {t('conversation.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('conversation.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function ReplyWindowBadge({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const w = detail.replyWindow;
  if (w.kind === 'none') return null;
  return (
    <span className={`window window-${w.kind}`} data-testid="reply-window">
      {t(`window.${w.kind}`, { time: w.closesAt ? f.dateTime(w.closesAt) : '' })}
    </span>
  );
}

/** Within this many pixels of the end, the reader counts as at the bottom (rounding, a half-hidden last line). */
const AT_BOTTOM_PX = 48;

/**
 * The thread. A new conversation opens at its newest message. A message that arrives while the reader is at the
 * bottom scrolls into view; one that arrives while they read further up leaves their place alone and is counted
 * on a "new messages" pill that jumps down. The agent's own reply always scrolls to the bottom.
 */
function Messages({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useRef<HTMLOListElement>(null);
  const canReveal = useSession((s) => s.can('reveal.request'));
  const me = useSession((s) => s.session?.user?.id);
  const atBottom = useRef(true);
  const shown = useRef<{ conversationId: number; lastId: number } | null>(null);
  const [unseen, setUnseen] = useState(0);
  const loadOlder = useDetail((s) => s.loadOlder);
  const [loadingOlder, setLoadingOlder] = useState(false);
  /** While older messages are put above: the reader's distance from the bottom, kept so their place does not jump. */
  const fromBottom = useRef<number | null>(null);
  const olderRow = useRef<HTMLLIElement>(null);
  const busy = useRef(false);
  /** A page before that failed, shown: the thread stops reading by itself (the button still asks) until one is read. */
  const [olderFailed, setOlderFailed] = useState<unknown>(null);
  const readOlder = async (): Promise<void> => {
    if (busy.current) return;
    busy.current = true;
    const el = list.current;
    fromBottom.current = el ? el.scrollHeight - el.scrollTop : null;
    setLoadingOlder(true);
    const firstId = () => useDetail.getState().detail?.messages[0]?.id;
    const first = firstId();
    try {
      await loadOlder();
      // Nothing put above (another conversation meanwhile, an empty page): no place to keep at the next change.
      if (firstId() === first) fromBottom.current = null;
      setOlderFailed(null);
    } catch (error) {
      fromBottom.current = null;
      setOlderFailed(error ?? new Error('older messages'));
    } finally {
      busy.current = false;
      setLoadingOlder(false);
    }
  };
  const toBottom = () => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
    atBottom.current = true;
    setUnseen(0);
  };
  useLayoutEffect(() => {
    const lastId = detail.messages.at(-1)?.id ?? 0;
    const before = shown.current;
    shown.current = { conversationId: detail.summary.id, lastId };
    if (!before || before.conversationId !== detail.summary.id) {
      fromBottom.current = null;
      return toBottom();
    }
    const el = list.current;
    if (fromBottom.current !== null && el) {
      el.scrollTop = el.scrollHeight - fromBottom.current;
      fromBottom.current = null;
    }
    const added = detail.messages.filter((m) => m.id > before.lastId);
    if (!added.length) return;
    if (atBottom.current || added.some((m) => m.direction === 'out' && m.author?.id === me)) toBottom();
    else setUnseen((n) => n + added.length);
  }, [detail.summary.id, detail.messages, me]);
  // Messages grow after they are drawn (a font arriving, a delivery line, a revealed value) and the thread shrinks
  // when the header above it wraps: a reader at the bottom stays there.
  useEffect(() => {
    const el = list.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const keep = new ResizeObserver(() => {
      if (atBottom.current) el.scrollTop = el.scrollHeight;
    });
    keep.observe(el);
    for (const item of el.children) keep.observe(item);
    return () => keep.disconnect();
  }, [detail.messages]);
  // The page before loads by itself when the top of the thread comes into view: the reader scrolled up to it, or the
  // latest page does not fill the thread. A new observer after each page reports at once whether the top is still in
  // view (a short page, a tall window), so pages follow until the thread is filled or the conversation's start shown.
  useEffect(() => {
    const el = list.current;
    const row = olderRow.current;
    if (!el || !row || !detail.moreBefore || loadingOlder || olderFailed || typeof IntersectionObserver === 'undefined') return;
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void readOlder();
    }, { root: el });
    seen.observe(row);
    return () => seen.disconnect();
  }, [detail.messages, detail.moreBefore, loadingOlder, olderFailed]);
  useEffect(() => setOlderFailed(null), [detail.summary.id]);
  // The entries that replaced a message the customer edited carry an "edited" badge.
  const edits = new Set(detail.messages.flatMap((m) => (m.revision?.kind === 'edited' && m.revision.by !== null ? [m.revision.by] : [])));
  return (
    <div className="messages-wrap">
      <ol
        ref={list}
        className="messages"
        aria-live="polite"
        data-testid="messages"
        onScroll={(e) => {
          const el = e.currentTarget;
          atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight <= AT_BOTTOM_PX;
          if (atBottom.current) setUnseen(0);
        }}
      >
        {detail.moreBefore && (
          <li className="older-messages" ref={olderRow}>
            {/* Scrolling to the top reads the page before by itself; the button is there for the keyboard and a failed read. */}
            <button type="button" disabled={loadingOlder} data-testid="older-messages" onClick={() => void readOlder()}>
              {t('conversation.olderMessages')}
            </button>
            <ErrorNote error={olderFailed} onDismiss={() => setOlderFailed(null)} />
          </li>
        )}
        {detail.messages.map((m) => (
          <MessageItem key={m.id} m={m} canReveal={canReveal} isEdit={edits.has(m.id)} />
        ))}
      </ol>
      {unseen > 0 && (
        <button type="button" className="jump-pill primary" onClick={toBottom} data-testid="new-messages-pill">
          {t('conversation.newMessages', { count: unseen, formattedCount: f.number(unseen) })} ↓
        </button>
      )}
    </div>
  );
}

function Notes({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const team = useSession((s) => !!s.session?.team);
  const mentionKeys = useRef<((e: React.KeyboardEvent) => boolean) | null>(null);
  const focus = useUi((s) => s.focusRequest);
  useEffect(() => {
    if (focus?.target === 'note') input.current?.focus();
  }, [focus]);
  return (
    <details className="notes" open={detail.notes.length > 0 || focus?.target === 'note'}>
      <summary>
        {t('conversation.notes')} ({f.number(detail.notes.length)})
      </summary>
      <ul>
        {detail.notes.map((n) => (
          <li key={n.id} className="note-item" dir={n.textDirection}>
            <Segments segments={n.segments} />
            <span className="muted">
              {' '}
              — <bdi>{n.author?.name}</bdi>, {f.time(n.createdAt)}
            </span>
          </li>
        ))}
      </ul>
      <form
        className="note-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!text.trim()) return;
          try {
            await call('addNote', { conversationId: detail.summary.id, text });
            setText('');
            await useDetail.getState().reload();
          } catch (err) {
            setError(err);
          }
        }}
      >
        <textarea ref={input} dir="auto" value={text} maxLength={5000} rows={2} placeholder={t('conversation.notePlaceholder')} onChange={(e) => (setText(e.target.value), setCaret(e.target.selectionStart))} onSelect={(e) => setCaret(e.currentTarget.selectionStart)} onKeyDown={(e) => void mentionKeys.current?.(e)} data-testid="note-input" aria-label={t('conversation.addNote')} />
        {team && (
          <MentionCompletion
            keysRef={mentionKeys}
            text={text}
            caret={caret}
            onPick={(next, at) => {
              setText(next);
              setCaret(at);
              window.requestAnimationFrame(() => (input.current?.focus(), input.current?.setSelectionRange(at, at)));
            }}
          />
        )}
        <button type="submit" disabled={!text.trim()}>
          {t('conversation.addNote')}
        </button>
      </form>
      <ErrorNote error={error} onDismiss={() => setError(null)} />
    </details>
  );
}
