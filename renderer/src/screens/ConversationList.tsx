import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Segments } from '../components/Segments';
import { ErrorNote } from '../components/Notice';
import { useFormat } from '../format';
import { useComposer } from '../stores/composer';
import { useInbox, type Summary } from '../stores/inbox';
import { useSelection } from '../stores/selection';
import { useSession } from '../stores/session';
import { LiveMarkers, SlaCountdown } from '../workflow/parts';
import { HeldCopies } from '../components/HeldCopies';

const ROW = 76;

/** The conversation list: virtualised (only visible rows are in the DOM), pages loaded by keyset as you scroll. */
export function ConversationList() {
  const { t } = useTranslation();
  const items = useInbox((s) => s.items);
  const nextCursor = useInbox((s) => s.nextCursor);
  const loading = useInbox((s) => s.loading);
  const loadingMore = useInbox((s) => s.loadingMore);
  const error = useInbox((s) => s.error);
  const total = useInbox((s) => s.total);
  const stale = useInbox((s) => s.stale);
  const selectedId = useSelection((s) => s.id);
  const parent = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({
    count: items.length + (nextCursor ? 1 : 0),
    getScrollElement: () => parent.current,
    estimateSize: () => ROW,
    overscan: 12,
  });
  const virtual = rows.getVirtualItems();
  const lastIndex = virtual[virtual.length - 1]?.index ?? 0;

  useEffect(() => {
    if (nextCursor && lastIndex >= items.length - 30) void useInbox.getState().loadMore();
  }, [lastIndex, items.length, nextCursor]);

  useEffect(() => {
    const at = items.findIndex((i) => i.id === selectedId);
    if (at >= 0) rows.scrollToIndex(at, { align: 'auto' });
  }, [selectedId, items, rows]);

  const f = useFormat();
  /** Arrow keys move the selection while the list has focus (j/k do the same anywhere). */
  const listKeys = (e: React.KeyboardEvent) => {
    const inbox = useInbox.getState();
    const { select } = useSelection.getState();
    if (e.key === 'ArrowDown') inbox.step(1);
    else if (e.key === 'ArrowUp') inbox.step(-1);
    else if (e.key === 'Home' && items.length) select(items[0]!.id);
    else if (e.key === 'End' && items.length) select(items[items.length - 1]!.id);
    else return;
    e.preventDefault();
  };
  if (error && !items.length) return <ErrorNote error={error} onDismiss={() => void useInbox.getState().load()} />;
  return (
    <div className="list-wrap">
      <div className="list-meta" aria-live="polite">
        {loading ? t('inbox.loading') : t('inbox.count', { count: total, formattedCount: f.number(total) })}
        {stale && (
          <button type="button" className="link" onClick={() => void useInbox.getState().load()} data-testid="inbox-refresh">
            ↻
          </button>
        )}
      </div>
      {!loading && !items.length ? (
        <p className="empty">{t('inbox.empty')}</p>
      ) : (
        <div ref={parent} className="list-scroll" data-testid="conversation-list" role="listbox" aria-label={t('inbox.list')} tabIndex={0} onKeyDown={listKeys}>
          <div className="list-inner" style={{ height: rows.getTotalSize() }}>
            {virtual.map((v) => {
              const item = items[v.index];
              return (
                <div key={v.key} className="list-row-slot" style={{ transform: `translateY(${v.start}px)`, height: v.size }}>
                  {item ? <Row item={item} selected={item.id === selectedId} /> : <p className="muted loading-row">{loadingMore ? t('inbox.loadingMore') : ''}</p>}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}

/** Memoised: while scrolling only rows entering the window render; the others keep their markup. */
const Row = memo(function Row({ item, selected }: { item: Summary; selected: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const hasDraft = useComposer((s) => !!s.drafts[item.id]);
  const team = useSession((s) => !!s.session?.team);
  return (
    <div
      role="option"
      aria-selected={selected}
      className={selected ? 'row selected' : 'row'}
      data-testid="conversation-row"
      data-id={item.id}
      onClick={() => useSelection.getState().select(item.id)}
    >
      <div className="row-top">
        <span className={`kind kind-${item.channelKind}`}>{t(`channelKind.${item.channelKind}`)}</span>
        <bdi className="row-name">
          <Segments segments={item.contactName} />
        </bdi>
        <time className="row-time">{f.time(item.lastActivityAt)}</time>
      </div>
      <div className="row-bottom">
        <span className="row-preview" dir={item.previewDirection}>
          <Segments segments={item.preview} />
        </span>
        {item.unread > 0 && (
          <span className="unread" aria-label={t('inbox.unread', { count: item.unread, formattedCount: f.number(item.unread) })}>
            {f.number(item.unread)}
          </span>
        )}
      </div>
      <div className="row-tags">
        <span className={`status status-${item.status}`}>{t(`statuses.${item.status}`)}</span>
        {hasDraft && (
          <span className="draft-tag" data-testid="row-draft">
            {t('inbox.draft')}
          </span>
        )}
        {item.assignee ? <bdi className="assignee">{item.assignee.name}</bdi> : <span className="assignee none">{t('inbox.unassignedBadge')}</span>}
        <HeldCopies count={item.heldCopies} testId="row-held-copies" />
        {item.labels.map((l) => (
          <span key={l} className="label">
            {l}
          </span>
        ))}
        {team && <SlaCountdown conversationId={item.id} testId="row-sla" />}
        {team && <LiveMarkers conversationId={item.id} testId="row-markers" />}
      </div>
    </div>
  );
});
