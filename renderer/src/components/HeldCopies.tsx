import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';

/** "N copies held": a campaign's copies the team hub's flood control holds, counted on the conversation its first copy opened. */
export function HeldCopies({ count, testId }: { count: number | undefined; testId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!count) return null;
  return (
    <span className="held-copies" data-testid={testId} data-count={count} title={t('conversation.heldCopiesHint')}>
      {t('inbox.heldCopies', { count, formattedCount: f.number(count) })}
    </span>
  );
}
