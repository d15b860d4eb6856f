import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReveals } from '../stores/reveals';
import { Dialog } from './Dialog';
import { ErrorNote } from './Notice';

const QUICK = ['verify', 'delivery', 'billing'] as const;

/** Asks why before a masked value is shown; main records the reason with the grant in the audit trail. */
export function RevealDialog(props: { typeLabel: string; messageId: number; fieldIndex: number; onClose(): void }) {
  const { t } = useTranslation();
  const reveal = useReveals((s) => s.reveal);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const valid = reason.trim().length >= 5;
  const submit = async () => {
    if (!valid || busy) return;
    setBusy(true);
    try {
      await reveal(props.messageId, props.fieldIndex, reason.trim());
      props.onClose();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('fields.revealTitle', { type: props.typeLabel })} onClose={props.onClose} testId="reveal-dialog">
      <p className="muted">{t('fields.revealBody')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          {t('fields.reason')}
          <input autoFocus value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} data-testid="reveal-reason" aria-describedby="reason-hint" />
          <small id="reason-hint" className="muted">{t('fields.reasonHint')}</small>
        </label>
        <div className="quick">
          {QUICK.map((q) => (
            <button key={q} type="button" className="pill" onClick={() => setReason(t(`fields.quickReasons.${q}`))}>
              {t(`fields.quickReasons.${q}`)}
            </button>
          ))}
        </div>
        <ErrorNote error={error} />
        <div className="actions">
          <button type="button" onClick={props.onClose}>
            {t('conversation.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!valid || busy} data-testid="reveal-submit">
            {busy ? t('fields.revealing') : t('fields.reveal')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
