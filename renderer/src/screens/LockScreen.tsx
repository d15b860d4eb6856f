import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { leaveLockScreen, refreshNetworkStatus, useLock } from '../lock';

const KNOWN_REASONS = ['off-network', 'os-lock', 'suspend'];
const POLL_MS = 3000;
/** While the start-up check runs, look more often, so the console opens as soon as the office is proven. */
const POLL_CHECKING_MS = 300;

/** Shown instead of the whole console while it is locked. Holds nothing but the reason and the network verdict. */
export function LockScreen() {
  const { t } = useTranslation();
  const reason = useLock((s) => s.reason) ?? 'unknown';
  const network = useLock((s) => s.network);

  const checking = network?.state === 'checking';
  useEffect(() => {
    const timer = setInterval(() => void refreshNetworkStatus(), checking ? POLL_CHECKING_MS : POLL_MS);
    return () => clearInterval(timer);
  }, [checking]);

  const backInOffice = !!network && !network.locked;

  const failing = network?.checks.filter((c) => !c.ok) ?? [];
  return (
    <section className="card lock" role="alert" aria-labelledby="lock-title" data-testid="lock-screen">
      <h2 id="lock-title">{t('lock.title')}</h2>
      <p data-testid="lock-reason">
        {checking ? t('lock.reason.checking') : t(`lock.reason.${KNOWN_REASONS.includes(reason) ? reason : 'unknown'}`)}
      </p>
      {network && network.state !== 'checking' && (
        <p className="note" data-testid="lock-network">
          {t(`network.state.${network.state}`)}: <bdi dir="ltr">{network.reason}</bdi>
        </p>
      )}
      {failing.length > 0 && (
        <details>
          <summary>{t('lock.details')}</summary>
          <ul className="checks">
            {failing.map((c) => (
              <li key={c.name}>
                <bdi dir="ltr">
                  {c.name}: {c.code} — {c.reason}
                </bdi>
              </li>
            ))}
          </ul>
        </details>
      )}
      {backInOffice ? (
        <button type="button" onClick={leaveLockScreen} data-testid="lock-continue">
          {t('lock.signInAgain')}
        </button>
      ) : (
        <p className="muted">{t('lock.whatToDo')}</p>
      )}
    </section>
  );
}
