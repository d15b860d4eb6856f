import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../../main/ipc/contract';
import { call, getBridge } from '../../bridge';
import { ConfirmDialog, DoneNote } from '../../components/ManagedList';
import { ErrorNote } from '../../components/Notice';
import { Segments } from '../../components/Segments';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks';

type Held = ResponseOf<'listHeldMessages'>['messages'][number];
type Decision = { action: 'release' | 'discard'; message: Held };

const loadHeld = () => call('listHeldMessages', {});
const RELIST_MS = 1_000;

/**
 * What the team hub's flood control held back (team mode; leads and administrators): counts per channel and the
 * oldest messages, masked, each released into the inbox or discarded unread after a confirmation. The hub checks the
 * role again and audits each decision; the list follows the hub's stream (`heldMessagesChanged`).
 */
export function HeldTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const { data, error, reload } = useLoad(loadHeld);
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  useEffect(() => {
    // A flood brings an event per commit: the list is asked again at most once a second.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = getBridge().on.heldMessagesChanged(() => {
      timer ??= setTimeout(() => {
        timer = null;
        reload();
      }, RELIST_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [reload]);

  const decide = async ({ action, message }: Decision) => {
    try {
      const req = { channelId: message.channelId, ids: [message.id] };
      const left = action === 'release' ? (await call('releaseHeldMessages', req)).left : (await call('discardHeldMessages', req)).left;
      setFailed(null);
      setDone(t(action === 'release' ? 'held.releasedDone' : 'held.discardedDone', { channel: message.channelName, count: left, formattedCount: f.number(left) }));
    } catch (e) {
      setFailed(e);
    }
    reload();
  };

  return (
    <div className="held stack" data-testid="held-messages">
      <p className="muted">{t('held.intro')}</p>
      <ErrorNote error={error ?? failed} />
      <DoneNote text={done} testId="held-done" />
      {data && data.channels.length === 0 && (
        <p className="muted" data-testid="held-none">
          {t('held.none')}
        </p>
      )}
      {data && data.channels.length > 0 && (
        <ul className="held-channels" data-testid="held-channels">
          {data.channels.map((c) => (
            <li key={c.channelId} data-testid="held-channel" data-channel={c.channelId}>
              <bdi>{c.channelName}</bdi> · {t(`channelKind.${c.kind}`)} · {t('held.count', { count: c.held, formattedCount: f.number(c.held) })} ·{' '}
              {t('held.oldest', { when: f.dateTime(c.oldestAt) })}
            </li>
          ))}
        </ul>
      )}
      {data && data.messages.length > 0 && (
        <ol className="held-list">
          {data.messages.map((m) => (
            <li key={m.id} className="card" data-testid="held-message" data-id={m.id} data-channel={m.channelId}>
              <p className="muted">
                <bdi>{m.channelName}</bdi> · <time>{f.dateTime(m.receivedAt)}</time> · <bdi data-testid="held-sender">{m.sender.length ? <Segments segments={m.sender} /> : '—'}</bdi>
              </p>
              {m.readable ? (
                <blockquote dir={m.previewDirection} data-testid="held-preview">
                  <Segments segments={m.preview} />
                  {m.cut && '…'}
                </blockquote>
              ) : (
                <p className="muted">{t('held.unreadable')}</p>
              )}
              <p className="muted" data-testid="held-reason">
                {t(`held.reasons.${m.reason}`)}
              </p>
              <div className="actions">
                <button type="button" className="primary" disabled={!m.readable} onClick={() => setDeciding({ action: 'release', message: m })} data-testid="held-release">
                  {t('held.release')}
                </button>
                <button type="button" onClick={() => setDeciding({ action: 'discard', message: m })} data-testid="held-discard">
                  {t('held.discard')}
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {data && data.messages.length > 0 && data.messages.length < data.channels.reduce((n, c) => n + c.held, 0) && <p className="muted">{t('held.more')}</p>}
      {deciding && (
        <ConfirmDialog
          title={t(deciding.action === 'release' ? 'held.releaseTitle' : 'held.discardTitle', { channel: deciding.message.channelName })}
          body={t(deciding.action === 'release' ? 'held.releaseBody' : 'held.discardBody')}
          action={t(deciding.action === 'release' ? 'held.release' : 'held.discard')}
          testId={deciding.action === 'release' ? 'held-release-confirm' : 'held-discard-confirm'}
          onClose={() => setDeciding(null)}
          onConfirm={() => void decide(deciding)}
        />
      )}
    </div>
  );
}
