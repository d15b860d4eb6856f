import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../components/Notice';
import { useFormat } from '../format';
import { toLatinDigits } from '../text';
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
  const state = useSession((s) => s.session?.state);
  const known = ['off-network', 'os-lock', 'suspend', 'idle'];
  return (
    <Panel title={props.locked ? t('session.lockedTitle') : t('session.signInTitle')} testId={props.locked ? 'sign-in-locked' : 'sign-in'}>
      {props.locked && (
        <div className="lock-note" role="status">
          <p>{t('session.lockedWhy', { reason: known.includes(props.locked) ? t(`session.reasons.${props.locked}`) : t('session.reasons.other', { reason: props.locked }) })}</p>
          <p className="muted">{t('session.lockedBody')}</p>
        </div>
      )}
      {state === 'second_factor' ? <SecondFactorForm /> : <PasswordForm />}
    </Panel>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const signIn = useSession((s) => s.signIn);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <form
      className="stack"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await signIn({ username, password });
        } catch (err) {
          setError(err);
          setPassword('');
          setBusy(false);
        }
      }}
    >
      <label className="field">
        {t('session.username')}
        <input autoFocus autoComplete="username" dir="ltr" value={username} maxLength={100} onChange={(e) => setUsername(e.target.value)} data-testid="username" />
      </label>
      <label className="field">
        {t('session.password')}
        <input type="password" autoComplete="current-password" value={password} maxLength={200} onChange={(e) => setPassword(e.target.value)} data-testid="password" />
      </label>
      <ErrorNote error={error} />
      <button type="submit" className="primary" disabled={busy || !username || !password} data-testid="sign-in-submit">
        {busy ? t('session.signingIn') : t('session.signIn')}
      </button>
    </form>
  );
}

/** Only for accounts with two-step sign-in, after the password was right: the app's code, or a recovery code. */
function SecondFactorForm() {
  const { t } = useTranslation();
  const { secondFactor, signOut } = useSession.getState();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Authenticator apps show "123 456"; people type Arabic-Indic or Persian digits: all mean the same code.
  const cleaned = recovery ? code.trim() : toLatinDigits(code).replace(/\s+/g, '');
  const ready = recovery ? cleaned.length >= 8 : /^\d{6}$/.test(cleaned);
  return (
    <form
      className="stack"
      data-testid="second-factor"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!ready) return;
        setBusy(true);
        setError(null);
        try {
          await secondFactor(recovery ? { recoveryCode: cleaned } : { code: cleaned });
        } catch (err) {
          setError(err);
          setCode('');
          setBusy(false);
        }
      }}
    >
      <p>{recovery ? t('session.recoveryIntro') : t('session.codeIntro')}</p>
      <label className="field">
        {recovery ? t('session.recoveryCode') : t('session.code')}
        <input
          autoFocus
          key={recovery ? 'recovery' : 'code'}
          dir="ltr"
          inputMode={recovery ? 'text' : 'numeric'}
          autoComplete="one-time-code"
          value={code}
          maxLength={recovery ? 40 : 12}
          onChange={(e) => setCode(e.target.value)}
          data-testid="totp"
        />
      </label>
      <ErrorNote error={error} />
      <button type="submit" className="primary" disabled={busy || !ready} data-testid="second-factor-submit">
        {busy ? t('session.signingIn') : t('session.signIn')}
      </button>
      <div className="actions start">
        <button type="button" className="link" onClick={() => (setRecovery(!recovery), setCode(''), setError(null))} data-testid="use-recovery">
          {recovery ? t('session.useApp') : t('session.useRecovery')}
        </button>
        <button type="button" className="link" onClick={() => void signOut()} data-testid="start-over">
          {t('session.startOver')}
        </button>
      </div>
    </form>
  );
}

export function SetupScreen() {
  const { t } = useTranslation();
  const f = useFormat();
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
          <small id="pw-rule" className="muted">{t('session.passwordRule', { min: f.number(12) })}</small>
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
