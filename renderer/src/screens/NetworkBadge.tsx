import { useTranslation } from 'react-i18next';
import { useLock } from '../lock';

/** Where the console stands with the office-network gate; development mode is shown plainly, never hidden. */
export function NetworkBadge() {
  const { t } = useTranslation();
  const state = useLock((s) => s.network?.state);
  if (!state) return null;
  return (
    <span className={`badge badge-${state}`} data-testid="network-badge" title={t(`network.hint.${state}`)}>
      {t(`network.state.${state}`)}
    </span>
  );
}
