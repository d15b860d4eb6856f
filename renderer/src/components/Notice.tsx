import { useTranslation } from 'react-i18next';
import { errorText } from '../bridge';

/** A calm, actionable error line. */
export function ErrorNote(props: { error: unknown; onDismiss?: () => void }) {
  const { t } = useTranslation();
  if (!props.error) return null;
  return (
    <p role="alert" className="notice error">
      {errorText(props.error, t)}
      {props.onDismiss && (
        <button type="button" className="link" onClick={props.onDismiss}>
          {t('errors.dismiss')}
        </button>
      )}
    </p>
  );
}
