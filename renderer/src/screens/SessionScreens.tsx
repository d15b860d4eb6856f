import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../components/Notice';
import { useSession } from '../stores/session';

function Panel(props: { title: string; children: ReactNode; testId: string }) {
  return (
    <section className="card session-card" aria-labelledby="session-title" data-testid={props.testId}>
      <h2 id="session-title">{props.title}</h2>
      {props.children}
    </section>
  );
}

export function SignInScreen(props: { locked?: string | null }) {
  const { t } = useTranslation();
  const signIn = useSession((s) => s.signIn);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await signIn({ username, password, ...(code ? { code } : {}) });
    } catch (e) {
      setError(e);
      setPassword('');
      setBusy(false);
    }
  };
  const known = ['off-network', 'os-lock', 'suspend', 'idle'];
  return (
    <Panel title={props.locked ? t('session.lockedTitle') : t('session.signInTitle')} testId={props.locked ? 'sign-in-locked' : 'sign-in'}>
      {props.locked && (
        <div className="lock-note" role="status">
          <p>{t('session.lockedWhy', { reason: known.includes(props.locked) ? t(`session.reasons.${props.locked}`) : t('session.reasons.other', { reason: props.locked }) })}</p>
          <p className="muted">{t('session.lockedBody')}</p>
        </div>
      )}
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          {t('session.username')}
          <input autoFocus autoComplete="username" value={username} maxLength={100} onChange={(e) => setUsername(e.target.value)} data-testid="username" />
        </label>
        <label className="field">
          {t('session.password')}
          <input type="password" autoComplete="current-password" value={password} maxLength={200} onChange={(e) => setPassword(e.target.value)} data-testid="password" />
        </label>
        <label className="field">
          {t('session.code')}
          <input inputMode="numeric" autoComplete="one-time-code" value={code} maxLength={10} onChange={(e) => setCode(e.target.value)} data-testid="totp" />
        </label>
        <ErrorNote error={error} />
        <button type="submit" className="primary" disabled={busy || !username || !password} data-testid="sign-in-submit">
          {busy ? t('session.signingIn') : t('session.signIn')}
        </button>
      </form>
    </Panel>
  );
}

export function SetupScreen() {
  const { t } = useTranslation();
  const setup = useSession((s) => s.setup);
  const [form, setForm] = useState({ username: '', name: '', password: '', confirm: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mismatch = form.confirm !== '' && form.password !== form.confirm;
  const ready = form.username.length >= 3 && form.name && form.password.length >= 12 && form.password === form.confirm;
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  return (
    <Panel title={t('session.setupTitle')} testId="setup">
      <p className="muted">{t('session.setupIntro')}</p>
      <form
        className="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          try {
            await setup({ username: form.username, name: form.name, password: form.password });
          } catch (err) {
            setError(err);
            setBusy(false);
          }
        }}
      >
        <label className="field">
          {t('session.name')}
          <input autoFocus value={form.name} maxLength={200} onChange={set('name')} data-testid="setup-name" />
        </label>
        <label className="field">
          {t('session.username')}
          <input autoComplete="username" value={form.username} maxLength={100} onChange={set('username')} data-testid="setup-username" />
        </label>
        <label className="field">
          {t('session.password')}
          <input type="password" autoComplete="new-password" value={form.password} maxLength={200} onChange={set('password')} data-testid="setup-password" aria-describedby="pw-rule" />
          <small id="pw-rule" className="muted">{t('session.passwordRule')}</small>
        </label>
        <label className="field">
          {t('session.confirm')}
          <input type="password" autoComplete="new-password" value={form.confirm} maxLength={200} onChange={set('confirm')} data-testid="setup-confirm" />
          {mismatch && <small className="error">{t('session.mismatch')}</small>}
        </label>
        <ErrorNote error={error} />
        <button type="submit" className="primary" disabled={!ready || busy} data-testid="setup-submit">
          {t('session.create')}
        </button>
      </form>
    </Panel>
  );
}
