import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { ConfirmDialog, DoneNote } from '../../components/ManagedList';
import { ErrorNote } from '../../components/Notice';
import { useFormat } from '../../format';
import type { ResponseOf } from '../../../../main/ipc/contract';
import { useLoad } from '../../hooks';
import { CHANNEL_KINDS, type ChannelKind as Kind } from '../../../../main/ipc/vocabulary';

/**
 * Which credential fields each platform's connector reads (names only; values go to the keychain through main).
 * The Meta app secret that checks webhook signatures belongs to the relay's own configuration, not to the console.
 */
const CREDENTIAL_FIELDS: Record<Kind, string[]> = {
  telegram: ['botToken'],
  whatsapp: ['accessToken'],
  messenger: ['pageAccessToken'],
  instagram: ['pageAccessToken'],
  x: ['accessToken', 'refreshToken', 'clientId', 'clientSecret'],
  email: ['username', 'password'],
  demo: [],
};

/**
 * An e-mail channel signs in with a password or with OAuth2 (a refresh token Diwan exchanges at the provider's token
 * endpoint). All of the OAuth2 fields go to the keychain as one secret, as the connector reads them (`OAuthSecrets`);
 * the client id and token endpoint are not secret, so they are typed in the clear, but like the rest never shown back.
 */
const EMAIL_OAUTH_FIELDS = ['username', 'clientId', 'tokenUrl', 'refreshToken', 'clientSecret'] as const;
const EMAIL_OAUTH_REQUIRED: ReadonlySet<string> = new Set(['username', 'clientId', 'tokenUrl', 'refreshToken']);
const SECRET_LOOKING: ReadonlySet<string> = new Set(['refreshToken', 'clientSecret', 'password', 'accessToken', 'botToken', 'pageAccessToken']);
type MailSignIn = 'password' | 'oauth2';

/** Non-secret settings each platform needs (stored with the channel, shown again, never secret). */
const SETTING_FIELDS: Record<Kind, string[]> = {
  telegram: [],
  whatsapp: ['phoneNumberId'],
  messenger: ['pageId'],
  instagram: ['pageId', 'accountId'],
  x: ['userId'],
  email: ['address', 'imapHost', 'imapPort', 'smtpHost', 'smtpPort'],
  demo: [],
};

const loadChannels = () => call('listChannels', {});

type Channel = ResponseOf<'listChannels'>[number];
type Check = { state: 'testing' } | { state: 'done'; result: ResponseOf<'testChannel'> } | { state: 'failed'; error: unknown };

/**
 * Test and Remove for one channel. Test asks main to make the connector's one read-only call to the platform and says
 * what came back in the interface's language (the connector's own sentence beside it, for IT); Remove asks first and
 * says that the conversations stay.
 */
function ChannelActions(props: { channel: Channel; onRemoved(name: string, kept: number): void; onError(e: unknown): void }) {
  const { t } = useTranslation();
  const c = props.channel;
  const [check, setCheck] = useState<Check | null>(null);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="stack">
      <div className="actions start">
        <button
          type="button"
          disabled={check?.state === 'testing'}
          data-testid="channel-test"
          onClick={async () => {
            setCheck({ state: 'testing' });
            try {
              setCheck({ state: 'done', result: await call('testChannel', { id: c.id }) });
            } catch (error) {
              setCheck({ state: 'failed', error });
            }
          }}
        >
          {check?.state === 'testing' ? t('admin.channelTest.testing') : t('admin.channelTest.test')}
        </button>
        <button type="button" className="danger" onClick={() => setConfirming(true)} data-testid="channel-remove">
          {t('admin.channelRemove.remove')}
        </button>
      </div>
      {check?.state === 'done' && (
        <p role="status" className={check.result.outcome === 'ok' ? 'notice ok' : 'notice warn'} data-testid="channel-test-result" data-outcome={check.result.outcome}>
          {t(`admin.channelTest.${check.result.outcome}`)}
          {check.result.detail && (
            <small className="muted" dir="ltr">
              {' '}
              {check.result.detail}
            </small>
          )}
        </p>
      )}
      {check?.state === 'failed' && <ErrorNote error={check.error} />}
      {confirming && (
        <ConfirmDialog
          title={t('admin.channelRemove.title', { name: c.name })}
          body={t('admin.channelRemove.body')}
          action={t('admin.channelRemove.remove')}
          testId="channel-remove-confirm"
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            try {
              const r = await call('removeChannel', { id: c.id });
              props.onRemoved(c.name, r.conversationsKept);
            } catch (e) {
              props.onError(e);
            }
          }}
        />
      )}
    </div>
  );
}

export function ChannelsTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const { data, error, reload } = useLoad(loadChannels);
  const [removed, setRemoved] = useState<{ name: string; kept: number } | null>(null);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const [kind, setKind] = useState<Kind>('telegram');
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [settings, setSettings] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [mailSignIn, setMailSignIn] = useState<MailSignIn>('password');
  const oauth = kind === 'email' && mailSignIn === 'oauth2';
  const fields: readonly string[] = oauth ? EMAIL_OAUTH_FIELDS : CREDENTIAL_FIELDS[kind];
  // The token endpoint is an address the connector calls with the refresh token: https, or a loopback test server.
  const badTokenUrl = oauth && !!secrets.tokenUrl && !/^(https:\/\/[^\s/]+|http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?)(\/\S*)?$/.test(secrets.tokenUrl);
  const missingOAuth = oauth && [...EMAIL_OAUTH_REQUIRED].some((f) => !secrets[f]);
  // The contract's rule for channel ids (main/ipc/console-contract.ts), said next to the field before saving.
  const badId = id !== '' && !/^[a-z0-9-]{1,60}$/.test(id);
  return (
    <div className="stack">
      <ErrorNote error={error} />
      <ErrorNote error={removeError} />
      {removed && <DoneNote testId="channel-removed" text={t('admin.channelRemove.done', { name: removed.name, count: removed.kept, formattedCount: f.number(removed.kept) })} />}
      <table className="table" data-testid="channels-table">
        <thead>
          <tr>
            <th>{t('admin.channelName')}</th>
            <th>{t('admin.kind')}</th>
            <th>{t('admin.health')}</th>
            <th>{t('admin.credentials')}</th>
            <th>{t('admin.users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {(data ?? []).map((c) => (
            <tr key={c.id} data-testid="channel-row" data-id={c.id}>
              <td>
                <bdi>{c.name}</bdi> <small className="muted"><bdi dir="ltr">{c.id}</bdi></small>
              </td>
              <td>{t(`channelKind.${c.kind}`)}</td>
              <td>
                <span className={`health-badge health-${c.health.state}`}>
                  <span className="dot" aria-hidden="true" />
                  {t(`inbox.health.${c.health.state}`)}
                </span>
              </td>
              <td>{c.kind === 'demo' ? t('admin.notNeeded') : c.hasCredentials ? t('admin.stored') : t('admin.notStored')}</td>
              <td>
                <ChannelActions
                  channel={c}
                  onRemoved={(name, kept) => {
                    setRemoved({ name, kept });
                    setRemoveError(null);
                    reload();
                  }}
                  onError={setRemoveError}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="card stack"
        autoComplete="off"
        data-testid="channel-form"
        onSubmit={async (e) => {
          e.preventDefault();
          setSaved(false);
          try {
            const filled = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v));
            await call('saveChannel', { ...(id ? { id } : {}), kind, name, credentials: filled(secrets), settings: filled(settings) });
            setSecrets({});
            setSaved(true);
            setSaveError(null);
            reload();
          } catch (err) {
            setSaveError(err);
          }
        }}
      >
        <h3>{t('admin.addChannel')}</h3>
        <p className="muted">{t('admin.credentialsNote')}</p>
        <label className="field">
          {t('admin.kind')}
          <select value={kind} onChange={(e) => {
              setKind(e.target.value as Kind);
              setMailSignIn('password');
              setSecrets({});
              setSettings({});
            }} data-testid="channel-kind">
            {CHANNEL_KINDS.filter((k) => k !== 'demo').map((k) => (
              <option key={k} value={k}>
                {t(`channelKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('admin.channelName')}
          <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} data-testid="channel-name" />
        </label>
        <label className="field">
          {t('admin.channelId')}
          <input
            value={id}
            maxLength={60}
            dir="ltr"
            spellCheck={false}
            aria-invalid={badId}
            aria-describedby="channel-id-rule"
            onChange={(e) => setId(e.target.value)}
            data-testid="channel-id"
          />
          <small id="channel-id-rule" className={badId ? 'error' : 'muted'} data-testid="channel-id-rule">
            {t('admin.channelIdRule')}
          </small>
        </label>
        {SETTING_FIELDS[kind].map((fname) => (
          <label className="field" key={fname}>
            {t(`admin.setting.${fname}`)}
            <input
              spellCheck={false}
              dir="ltr"
              maxLength={500}
              value={settings[fname] ?? ''}
              onChange={(e) => setSettings({ ...settings, [fname]: e.target.value })}
              data-testid={`setting-${fname}`}
            />
          </label>
        ))}
        {kind === 'email' && (
          <label className="field">
            {t('admin.mailSignIn')}
            <select
              value={mailSignIn}
              onChange={(e) => {
                setMailSignIn(e.target.value as MailSignIn);
                setSecrets({});
              }}
              data-testid="mail-sign-in"
            >
              <option value="password">{t('admin.mailSignInPassword')}</option>
              <option value="oauth2">{t('admin.mailSignInOAuth')}</option>
            </select>
          </label>
        )}
        {fields.map((fname) => (
          <label className="field" key={fname}>
            {t(`admin.cred.${fname}`)}
            {oauth && !EMAIL_OAUTH_REQUIRED.has(fname) && <small className="muted"> {t('admin.optional')}</small>}
            <input
              type={SECRET_LOOKING.has(fname) ? 'password' : 'text'}
              aria-invalid={fname === 'tokenUrl' ? badTokenUrl : undefined}
              aria-describedby={fname === 'tokenUrl' ? 'token-url-rule' : undefined}
              autoComplete="new-password"
              spellCheck={false}
              dir="ltr"
              maxLength={4000}
              value={secrets[fname] ?? ''}
              onChange={(e) => setSecrets({ ...secrets, [fname]: e.target.value })}
              data-testid={`cred-${fname}`}
            />
            {fname === 'tokenUrl' && (
              <small id="token-url-rule" className={badTokenUrl ? 'error' : 'muted'} data-testid="token-url-rule">
                {t('admin.tokenUrlRule')}
              </small>
            )}
          </label>
        ))}
        <ErrorNote error={saveError} />
        {saved && <p role="status" className="notice ok">{t('admin.saved')}</p>}
        <button type="submit" className="primary" disabled={!name || badId || badTokenUrl || missingOAuth} data-testid="channel-save">
          {t('admin.saveChannel')}
        </button>
      </form>
    </div>
  );
}
