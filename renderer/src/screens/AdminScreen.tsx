import { useState } from 'react';
import { useLoad } from '../hooks';
import { CannedTab } from './admin/CannedTab';
import { NextSteps, type AdminTab as Tab } from './admin/NextSteps';
import { LabelsTab } from './admin/LabelsTab';
import { UsersTab } from './admin/UsersTab';
import { useSession } from '../stores/session';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../main/ipc/contract';
import { call } from '../bridge';
import { ErrorNote } from '../components/Notice';
import { useFormat } from '../format';
import { StatusScreen } from './StatusScreen';
import { Tabs } from './LeadScreen';
import { CHANNEL_KINDS, DRILL_KINDS, type ChannelKind as Kind, type DrillKind } from '../../../main/ipc/vocabulary';


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

export function AdminScreen() {
  const { t } = useTranslation();
  const offers = useSession((s) => s.offers);
  const tabs = (['channels', 'users', 'canned', 'labels', 'device', 'drills'] as const).filter((x) => (x === 'canned' || x === 'labels' || x === 'drills' ? offers(x) : true));
  const [tab, setTab] = useState<Tab>('channels');
  return (
    <section className="admin" aria-labelledby="admin-title" data-testid="admin">
      <h2 id="admin-title" className="visually-hidden">
        {t('admin.title')}
      </h2>
      <NextSteps go={setTab} refreshKey={tab} />
      <Tabs<Tab> tabs={tabs} current={tab} onChange={setTab} prefix="admin.tabs" />
      {tab === 'channels' && <Channels />}
      {tab === 'users' && <UsersTab />}
      {tab === 'canned' && <CannedTab />}
      {tab === 'labels' && <LabelsTab />}
      {tab === 'device' && <Device />}
      {tab === 'drills' && <Drills />}
    </section>
  );
}

const loadChannels = () => call('listChannels', {});

function Channels() {
  const { t } = useTranslation();
  const offers = useSession((s) => s.offers);
  const { data, error, reload } = useLoad(loadChannels);
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
      <table className="table" data-testid="channels-table">
        <thead>
          <tr>
            <th>{t('admin.channelName')}</th>
            <th>{t('admin.kind')}</th>
            <th>{t('admin.health')}</th>
            <th>{t('admin.credentials')}</th>
          </tr>
        </thead>
        <tbody>
          {(data ?? []).map((c) => (
            <tr key={c.id}>
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
            </tr>
          ))}
        </tbody>
      </table>
      {!offers('channelSetup') ? (
        <p className="notice" data-testid="channels-at-hub">
          {t('admin.channelsAtHub')}
        </p>
      ) : (
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
      )}
    </div>
  );
}

const loadDevice = () => call('deviceStatus', {});

function Device() {
  const { t } = useTranslation();
  const f = useFormat();
  const { data, error } = useLoad(loadDevice);
  return (
    <div className="stack">
      <ErrorNote error={error} />
      {data && (
        <dl className="facts card" data-testid="device">
          <div className="fact"><dt>{t('admin.deviceId')}</dt><dd><bdi dir="ltr">{data.deviceId}</bdi></dd></div>
          <div className="fact"><dt>{t('admin.enrolled')}</dt><dd>{data.enrolled ? t('admin.yes') : t('admin.no')}</dd></div>
          <div className="fact"><dt>{t('admin.policy')}</dt><dd>{t(`admin.policyState.${data.policy.state}`)}</dd></div>
          <div className="fact"><dt>{t('admin.policyVersion')}</dt><dd>{data.policy.version === null ? '—' : f.number(data.policy.version)}</dd></div>
          <div className="fact"><dt>{t('admin.network')}</dt><dd>{t(`admin.networkVerdict.${data.network.verdict}`)}{data.network.detail && <p className="note">{data.network.detail}</p>}</dd></div>
        </dl>
      )}
      <StatusScreen />
    </div>
  );
}


/** Starts a phishing drill on the demo channel and shows who reported the attempts and who replied unsafely. */
function Drills() {
  const { t } = useTranslation();
  const f = useFormat();
  const [kind, setKind] = useState<DrillKind | 'all'>('all');
  const [started, setStarted] = useState<ResponseOf<'scheduleDrill'> | null>(null);
  const [report, setReport] = useState<ResponseOf<'drillReport'> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const refresh = async (drillId: string) => {
    try {
      setReport(await call('drillReport', { drillId }));
      setError(null);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="stack" data-testid="drills">
      <p className="note">{t('admin.drills.drillIntro')}</p>
      <form
        className="card row"
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            const r = await call('scheduleDrill', kind === 'all' ? {} : { kind });
            setStarted(r);
            setReport(null);
            setError(null);
          } catch (err) {
            setError(err);
          }
        }}
      >
        <label>
          {t('admin.drills.drillKind')}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as DrillKind | 'all')}>
            <option value="all">{t('admin.drills.allKinds')}</option>
            {DRILL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`admin.drills.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('admin.drills.startDrill')}</button>
      </form>
      <ErrorNote error={error} />
      {started && (
        <div className="stack">
          <p role="status">{t('admin.drills.drillStarted', { count: started.messagesSent, formattedCount: f.number(started.messagesSent) })}</p>
          <button type="button" onClick={() => void refresh(started.drillId)}>
            {t('admin.drills.refresh')}
          </button>
        </div>
      )}
      {report &&
        (report.agents.length === 0 ? (
          <p className="note">{t('admin.drills.noOutcomes')}</p>
        ) : (
          <table className="table" data-testid="drill-report">
            <thead>
              <tr>
                <th>{t('admin.drills.agent')}</th>
                <th>{t('admin.drills.flagged')}</th>
                <th>{t('admin.drills.unsafeReplies')}</th>
                <th>{t('admin.drills.safeReplies')}</th>
              </tr>
            </thead>
            <tbody>
              {report.agents.map((a) => (
                <tr key={a.agent.id}>
                  <td><bdi>{a.agent.name}</bdi></td>
                  <td>{a.flagged}</td>
                  <td>{a.unsafeReplies}</td>
                  <td>{a.safeReplies}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </div>
  );
}
