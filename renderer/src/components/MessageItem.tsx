import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../bridge';
import { useFormat } from '../format';
import { useDetail, type Message } from '../stores/detail';
import { Attachments } from './Attachments';
import { ErrorNote } from './Notice';
import { OriginalMail } from './OriginalMail';
import { Segments } from './Segments';

/**
 * One message of a conversation (the agent's thread and the lead's review): masked text, attachments, scam flags,
 * delivery. A message the customer edited or deleted on the platform keeps its text, folded behind a note that says
 * so; `isEdit` marks the entry that replaced an edited one.
 */
export function MessageItem({ m, canReveal, isEdit = false }: { m: Message; canReveal: boolean; isEdit?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [unfolded, setUnfolded] = useState(false);
  const revised = m.revision?.kind;
  return (
    <li className={`message ${m.direction}${revised ? ` revised ${revised}` : ''}`} data-testid="message" data-direction={m.direction} data-revision={revised}>
      {revised && (
        <div className="revision-note" role="note" data-testid="revision-note">
          <span>{t(`conversation.revision.${revised}`)}</span>{' '}
          <button type="button" className="link" aria-expanded={unfolded} onClick={() => setUnfolded(!unfolded)} data-testid="revision-toggle">
            {unfolded ? t('conversation.revision.hide') : t(revised === 'edited' ? 'conversation.revision.showEarlier' : 'conversation.revision.showDeleted')}
          </button>
        </div>
      )}
      {(!revised || unfolded) && (
        <div className="bubble" dir={m.textDirection}>
          <Segments segments={m.segments} messageId={m.id} canReveal={canReveal} />
        </div>
      )}
      {m.attachments && m.attachments.length > 0 && <Attachments messageId={m.id} attachments={m.attachments} />}
      {m.original && <OriginalMail messageId={m.id} fieldIndex={m.original.fieldIndex} revealable={m.original.revealable} canReveal={canReveal} />}
      {m.flags && m.flags.length > 0 && (
        <div className="notice warn scam-flags" role="note" data-testid="scam-flags">
          <strong>{t('conversation.scamWarning')}</strong>
          <ul>
            {m.flags.map((fl) => (
              <li key={fl.code + fl.explanation} dir="auto">
                {fl.explanation}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="message-meta">
        <span>{m.direction === 'in' ? t('conversation.customer') : (m.author?.name ?? t('conversation.you'))}</span>
        <time>{f.time(m.sentAt)}</time>
        {isEdit && (
          <span className="badge edited-badge" data-testid="edited-badge">
            {t('conversation.revision.editedBadge')}
          </span>
        )}
        {m.delivery && <DeliveryState messageId={m.id} delivery={m.delivery} />}
        {m.direction === 'in' && <ReportScam messageId={m.id} flagged={!!m.flags?.length} />}
      </div>
    </li>
  );
}

/**
 * Reporting a customer's message as a scam; on a phishing drill's message the agent learns it was a drill. Quiet
 * until the message is hovered or focused, unless the inbound check flagged it.
 */
function ReportScam({ messageId, flagged }: { messageId: number; flagged: boolean }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<'drill' | 'reported' | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (outcome) return <span className="note" role="status" data-testid="scam-reported">{t(outcome === 'drill' ? 'conversation.reportedDrill' : 'conversation.reported')}</span>;
  return (
    <>
      <button
        type="button"
        className={flagged ? 'link report-scam flagged' : 'link report-scam'}
        data-testid="report-scam"
        onClick={async () => {
          try {
            setOutcome((await call('reportScam', { messageId })).drill ? 'drill' : 'reported');
          } catch (e) {
            setError(e);
          }
        }}
      >
        {t('conversation.reportScam')}
      </button>
      <ErrorNote error={error} />
    </>
  );
}

function DeliveryState(props: { messageId: number; delivery: NonNullable<Message['delivery']> }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const { state, reason } = props.delivery;
  const resolve = async (action: 'resend' | 'mark_failed') => {
    try {
      await useDetail.getState().resolveUnknown(props.messageId, action);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <span className={`delivery delivery-${state}`} data-testid="delivery" data-state={state}>
      {t(`delivery.${state}`)}
      {reason && (state === 'failed' || state === 'unknown') && <span className="muted"> — {t('delivery.reason', { reason })}</span>}
      {state === 'unknown' && (
        <span className="choice">
          <button type="button" onClick={() => void resolve('resend')} data-testid="resend">
            {t('delivery.resend')}
          </button>
          <button type="button" onClick={() => void resolve('mark_failed')} data-testid="mark-failed">
            {t('delivery.markFailed')}
          </button>
        </span>
      )}
      <ErrorNote error={error} />
    </span>
  );
}
