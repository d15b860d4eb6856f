import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import { revealKey, useReveals } from '../stores/reveals';
import { RevealDialog } from './RevealDialog';
import { Countdown } from './Segments';

/**
 * A message's whole original (an e-mail's HTML), revealed like a masked field — a reason, a lead's approval where the
 * policy says so, the grant's time limit — and shown as main made it: a document built from an allow-list (no
 * scripts, no remote content, no links to click). It is drawn in an iframe with an empty `sandbox` (no scripts, no
 * same-origin, no forms, no navigation) from `srcdoc`, so even a flaw in main's sanitiser runs and fetches nothing.
 */
export function OriginalMail(props: { messageId: number; fieldIndex: number; revealable: boolean; canReveal: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [asking, setAsking] = useState(false);
  const key = revealKey(props.messageId, props.fieldIndex);
  const revealed = useReveals((s) => s.reveals[key]);
  const pending = useReveals((s) => s.pending[key]);
  const declined = useReveals((s) => s.declined[key]);
  const hide = useReveals((s) => s.hide);
  const checkPending = useReveals((s) => s.checkPending);

  if (!props.revealable) return <p className="muted original-mail" data-testid="original-gone">{t('original.gone')}</p>;
  if (!props.canReveal) return null;
  if (revealed) {
    return (
      <div className="original-mail shown" data-testid="original-shown">
        <div className="original-bar">
          <strong>{t('original.title')}</strong>
          <Countdown expiresAt={revealed.expiresAt} format={f.clock} label={(time) => t('fields.hidesIn', { time })} />
          <button type="button" className="link" onClick={() => hide(key)} data-testid="original-hide">
            {t('fields.hide')}
          </button>
        </div>
        <iframe className="original-frame" sandbox="" srcDoc={revealed.value} title={t('original.title')} referrerPolicy="no-referrer" data-testid="original-frame" />
      </div>
    );
  }
  if (pending) {
    return (
      <button type="button" className="link original-mail" data-testid="original-waiting" onClick={() => void checkPending(key)}>
        {t('original.waiting')}
      </button>
    );
  }
  return (
    <>
      <button type="button" className="link original-mail" data-testid="original-ask" data-outcome={declined ?? undefined} onClick={() => setAsking(true)}>
        {declined ? t(`original.${declined}`) : t('original.show')}
      </button>
      {asking && <RevealDialog typeLabel={t('fields.ORIGINAL')} messageId={props.messageId} fieldIndex={props.fieldIndex} onClose={() => setAsking(false)} />}
    </>
  );
}
