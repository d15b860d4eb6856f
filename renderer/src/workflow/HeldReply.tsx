import { useTranslation } from 'react-i18next';
import { Segments } from '../components/Segments';
import { useComposer } from '../stores/composer';
import type { Detail } from '../stores/detail';
import { useSession } from '../stores/session';

/**
 * The hub held the reply: something newer than the draft exists (the customer wrote again, or a colleague replied
 * or wrote a note). Shows what is newer and offers "look first" (the draft stays, the held copy is dropped) or
 * "send anyway" (the hub records the choice in the audit trail).
 */
export function HeldReply({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const held = useComposer((s) => s.composer.held);
  const baseline = useComposer((s) => s.composer.baseline);
  const me = useSession((s) => s.session?.user?.id);
  if (!held) return null;
  const after = baseline ?? { messageId: 0, noteId: 0 };
  const messages = detail.messages.filter((m) => m.id > after.messageId && m.id < Number.MAX_SAFE_INTEGER - 1e9 && (m.direction === 'in' || m.author?.id !== me));
  const notes = detail.notes.filter((n) => n.id > after.noteId && n.author?.id !== me);
  const settle = (action: 'send_anyway' | 'look_first') => void useComposer.getState().settleHeld(action);
  return (
    <div className="notice warn held" role="alert" data-testid="held-reply">
      <p>
        <strong>{t('workflow.held.title')}</strong>
      </p>
      <p className="muted" dir="auto">
        {held.message}
      </p>
      {messages.length + notes.length > 0 ? (
        <>
          <p>{t('workflow.held.newer')}</p>
          <ul className="held-newer" data-testid="held-newer">
            {messages.slice(-5).map((m) => (
              <li key={`m${m.id}`} dir={m.textDirection}>
                <strong>{m.direction === 'in' ? t('workflow.held.customer') : t('workflow.held.replyBy', { name: m.author?.name ?? '' })}: </strong>
                <Segments segments={m.segments} />
              </li>
            ))}
            {notes.slice(-5).map((n) => (
              <li key={`n${n.id}`} dir={n.textDirection}>
                <strong>{t('workflow.held.noteBy', { name: n.author?.name ?? '' })}: </strong>
                <Segments segments={n.segments} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{t('workflow.held.waiting')}</p>
      )}
      <div className="actions">
        <button type="button" onClick={() => settle('look_first')} data-testid="held-look-first">
          {t('workflow.held.lookFirst')}
        </button>
        <button type="button" className="primary" onClick={() => settle('send_anyway')} data-testid="held-send-anyway">
          {t('workflow.held.sendAnyway')}
        </button>
      </div>
      <p className="muted small">{t('workflow.held.audited')}</p>
    </div>
  );
}
