import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../../main/ipc/contract';
import { call, getBridge } from '../../bridge';
import { ConfirmDialog, DoneNote } from '../../components/ManagedList';
import { ErrorNote } from '../../components/Notice';
import { Segments } from '../../components/Segments';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks';
import { useHeld } from '../../stores/held';

type Listing = ResponseOf<'listHeldMessages'>;
type Held = Listing['messages'][number];
/** One message, or every held message from its sender (`sender`: the hub finds them; the sender's id never reaches the screen). */
type Decision = { action: 'release' | 'discard'; message: Held; sender: boolean };

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
  /** Why it is held, in words: which limit (with its numbers when the hub says them), and the sender's flood as recorded. */
  const reasonText = (m: Held, limits: Listing['limits']) => {
    const parts = [t(`held.reasons.${m.reason}`)];
    const limit = m.reason === 'sender_rate' ? limits?.perSender : m.reason === 'channel_rate' ? limits?.perChannel : undefined;
    if (limit) parts.push(t(m.reason === 'sender_rate' ? 'held.limitSender' : 'held.limitChannel', { burst: f.number(limit.burst), perMinute: f.number(limit.perMinute) }));
    if (m.copiesOn) parts.push(t('held.copiesOn', { count: m.copiesOn.held, formattedCount: f.number(m.copiesOn.held) }));
    if (m.fromSender) parts.push(t('held.fromSender', { count: m.fromSender.held, formattedCount: f.number(m.fromSender.held), from: f.dateTime(m.fromSender.firstAt), to: f.dateTime(m.fromSender.lastAt) }));
    return parts.join(' ');
  };
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

  const decide = async ({ action, message, sender }: Decision) => {
    try {
      const req = sender ? { channelId: message.channelId, sameSenderAs: message.id } : { channelId: message.channelId, ids: [message.id] };
      const out = action === 'release' ? await call('releaseHeldMessages', req) : await call('discardHeldMessages', req);
      const taken = 'released' in out ? out.released : out.discarded;
      const left = { channel: message.channelName, count: out.left, formattedCount: f.number(out.left) };
      setFailed(null);
      setDone(
        sender
          ? `${t(action === 'release' ? 'held.senderReleasedDone' : 'held.senderDiscardedDone', { count: taken, formattedCount: f.number(taken) })} ${t('held.stillHolds', left)}`
          : t(action === 'release' ? 'held.releasedDone' : 'held.discardedDone', left),
      );
    } catch (e) {
      setFailed(e);
    }
    reload();
    void useHeld.getState().refresh();
  };
  const dialog = (d: Decision) => {
    const verb = d.action === 'release' ? 'release' : 'discard';
    const n = d.message.fromSender?.held ?? 1;
    return d.sender
      ? { title: t(`held.${verb}SenderTitle`, { channel: d.message.channelName }), body: t(`held.${verb}SenderBody`, { count: n, formattedCount: f.number(n) }), action: t(`held.${verb}Sender`), testId: `held-${verb}-sender-confirm` }
      : { title: t(`held.${verb}Title`, { channel: d.message.channelName }), body: t(`held.${verb}Body`), action: t(`held.${verb}`), testId: `held-${verb}-confirm` };
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
                {reasonText(m, data.limits)}
              </p>
              <div className="actions">
                <button type="button" className="primary" disabled={!m.readable} onClick={() => setDeciding({ action: 'release', message: m, sender: false })} data-testid="held-release">
                  {t('held.release')}
                </button>
                <button type="button" onClick={() => setDeciding({ action: 'discard', message: m, sender: false })} data-testid="held-discard">
                  {t('held.discard')}
                </button>
                {m.fromSender && m.fromSender.held > 1 && (
                  <>
                    <button type="button" disabled={!m.readable} onClick={() => setDeciding({ action: 'release', message: m, sender: true })} data-testid="held-release-sender">
                      {t('held.releaseSender')}
                    </button>
                    <button type="button" onClick={() => setDeciding({ action: 'discard', message: m, sender: true })} data-testid="held-discard-sender">
                      {t('held.discardSender')}
                    </button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {data && data.messages.length > 0 && data.messages.length < data.channels.reduce((n, c) => n + c.held, 0) && <p className="muted">{t('held.more')}</p>}
      {deciding && (
        <ConfirmDialog
          {...dialog(deciding)}
          onClose={() => setDeciding(null)}
          onConfirm={() => void decide(deciding)}
        />
      )}
    </div>
  );
}
