import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from './i18n';
import { useLock, watchLock } from './lock';
import { LockScreen } from './screens/LockScreen';
import { NetworkBadge } from './screens/NetworkBadge';
import { StatusScreen } from './screens/StatusScreen';
import { useUi } from './store';

export function App() {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  const phase = useLock((s) => s.phase);
  useEffect(() => watchLock(), []);
  const choose = (lang: Language) => {
    useUi.getState().setLanguage(lang);
    void setLanguage(lang);
  };
  return (
    <div className="shell">
      <header className="topbar">
        <h1>{t('app.name')}</h1>
        <span className="tagline">{t('app.tagline')}</span>
        <NetworkBadge />
        <label className="language">
          {t('language.label')}
          <select value={language} onChange={(e) => choose(e.target.value as Language)} data-testid="language">
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </header>
      {/* Nothing but the lock screen while locked, and nothing at all until main has said whether it is. */}
      <main className="content">{phase === 'locked' ? <LockScreen /> : phase === 'open' ? <StatusScreen /> : null}</main>
    </div>
  );
}
