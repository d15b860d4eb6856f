import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../main/ipc/contract';
import { call } from '../bridge';
import { ErrorNote } from '../components/Notice';
import { useFormat } from '../format';
import { toLatinDigits } from '../text';
import { useSession } from '../stores/session';

/** Identity's rule (main/core/auth/passwords.ts); main checks it again. */
const MIN_PASSWORD = 12;

/** My account: two-step sign-in (set up by the person, from the console) and a password change. */
export function AccountScreen() {
  const { t } = useTranslation();
  const session = useSession((s) => s.session);
  const mustEnrol = !!session?.twoFactor.mustEnrol;
  return (
    <section className="account stack" aria-labelledby="account-title" data-testid="account">
      <h2 id="account-title">{t('account.title')}</h2>
      {mustEnrol && (
        <p className="notice warn" role="alert" data-testid="must-enrol">
          {t('account.mustEnrol')}
        </p>
      )}
      <TwoStep />
      {!mustEnrol && <ChangePassword />}
    </section>
  );
}

type Enrolment = ResponseOf<'beginTotpEnrolment'>;

function TwoStep() {
  const { t } = useTranslation();
  const session = useSession((s) => s.session);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const enabled = !!session?.twoFactor.enabled;
  const secret = enrolment ? (new URL(enrolment.otpauthUri).searchParams.get('secret') ?? '') : '';
  const cleaned = toLatinDigits(code).replace(/\s+/g, '');

  if (codes) {
    return (
      <div className="card stack" data-testid="recovery-codes">
        <h3>{t('account.codesTitle')}</h3>
        <p>{t('account.codesBody')}</p>
        <ol className="recovery-codes" dir="ltr">
          {codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ol>
        <div className="actions start">
          <button
            type="button"
            className="primary"
            data-testid="codes-saved"
            onClick={() => {
              setCodes(null);
              // The session loses its "must set up first" limit now; the view follows.
              void useSession.getState().refresh();
            }}
          >
            {t('account.codesSaved')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="card stack" data-testid="two-step" data-enabled={enabled}>
      <h3>{t('account.twoStepTitle')}</h3>
      {enabled ? (
        <p data-testid="two-step-on">{t('account.twoStepOn')}</p>
      ) : !enrolment ? (
        <>
          <p>{t('account.twoStepOff')}</p>
          <div className="actions start">
            <button
              type="button"
              className="primary"
              data-testid="enrol-start"
              onClick={async () => {
                try {
                  setEnrolment(await call('beginTotpEnrolment', {}));
                  setError(null);
                } catch (e) {
                  setError(e);
                }
              }}
            >
              {t('account.enrolStart')}
            </button>
          </div>
        </>
      ) : (
        <form
          className="enrol"
          onSubmit={async (e) => {
            e.preventDefault();
            try {
              const r = await call('confirmTotpEnrolment', { code: cleaned });
              setEnrolment(null);
              setCode('');
              setError(null);
              setCodes(r.recoveryCodes);
            } catch (err) {
              setError(err);
            }
          }}
        >
          <ol className="steps">
            <li>{t('account.enrolScan')}</li>
            <li>
              {t('account.enrolManual')} <code dir="ltr" data-testid="enrol-secret">{secret}</code>
            </li>
            <li>
              <label className="field">
                {t('account.enrolCode')}
                <input autoFocus dir="ltr" inputMode="numeric" autoComplete="one-time-code" maxLength={12} value={code} onChange={(e) => setCode(e.target.value)} data-testid="enrol-code" />
              </label>
            </li>
          </ol>
          <img className="qr" src={enrolment.qrDataUrl} alt={t('account.qrAlt')} width={200} height={200} data-testid="enrol-qr" />
          <div className="actions start">
            <button type="submit" className="primary" disabled={!/^\d{6}$/.test(cleaned)} data-testid="enrol-confirm">
              {t('account.enrolConfirm')}
            </button>
            <button type="button" onClick={() => (setEnrolment(null), setCode(''))}>
              {t('conversation.cancel')}
            </button>
          </div>
        </form>
      )}
      <ErrorNote error={error} />
    </div>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const f = useFormat();
  const [form, setForm] = useState({ current: '', next: '', confirm: '' });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => (setForm({ ...form, [k]: e.target.value }), setDone(false));
  const mismatch = form.confirm !== '' && form.next !== form.confirm;
  const ready = !!form.current && form.next.length >= MIN_PASSWORD && form.next === form.confirm && !busy;
  return (
    <form
      className="card stack"
      data-testid="change-password"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!ready) return;
        setBusy(true);
        try {
          await call('changePassword', { current: form.current, next: form.next });
          setForm({ current: '', next: '', confirm: '' });
          setError(null);
          setDone(true);
        } catch (err) {
          setError(err);
          setForm({ ...form, current: '' });
        } finally {
          setBusy(false);
        }
      }}
    >
      <h3>{t('account.passwordTitle')}</h3>
      <div className="form-grid">
        <label className="field">
          {t('account.currentPassword')}
          <input type="password" autoComplete="current-password" maxLength={256} value={form.current} onChange={set('current')} data-testid="pw-current" />
        </label>
        <label className="field">
          {t('account.newPassword')}
          <input type="password" autoComplete="new-password" maxLength={256} value={form.next} onChange={set('next')} data-testid="pw-next" />
          <small className="muted">{t('session.passwordRule', { min: f.number(MIN_PASSWORD) })}</small>
        </label>
        <label className="field">
          {t('session.confirm')}
          <input type="password" autoComplete="new-password" maxLength={256} value={form.confirm} onChange={set('confirm')} data-testid="pw-confirm" />
          {mismatch && <small className="error">{t('session.mismatch')}</small>}
        </label>
      </div>
      <ErrorNote error={error} />
      {done && (
        <p role="status" className="notice ok" data-testid="pw-done">
          {t('account.passwordChanged')}
        </p>
      )}
      <div className="actions start">
        <button type="submit" className="primary" disabled={!ready} data-testid="pw-submit">
          {t('account.changePassword')}
        </button>
      </div>
    </form>
  );
}
