import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../main/ipc/contract';
import { call } from '../bridge';
import { ErrorNote } from '../components/Notice';
import { useFormat, type Formatter } from '../format';
import { foldText } from '../text';

type AuditEntry = ResponseOf<'listAudit'>['entries'][number];
type Verify = ResponseOf<'verifyAudit'>;
/** Entries per page; the full trail is exported and verified from the CLI too (`diwan audit`). */
const AUDIT_PAGE = 200;
/** Detail keys that hold a time in milliseconds: shown as a date, never as a raw number. */
const TIME_KEY = /(At|Until)$|^at$/;
/**
 * Details whose values are codes, and where their words are: a role, a network state, how or on whose authority.
 * Only these keys: elsewhere a value such as a user name must show as written.
 */
const CODE_WORDS: Record<string, string> = {
  role: 'admin.roles',
  from: 'admin.roles',
  to: 'admin.roles',
  state: 'network.state',
  previous: 'network.state',
  method: 'audit.values',
  authority: 'audit.values',
  trigger: 'audit.values',
};

/** The audit trail, for the auditor and the administrator (`audit.read`): newest first, filter, older pages. */
export function AuditScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [verify, setVerify] = useState<Verify | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [query, setQuery] = useState('');
  const [action, setAction] = useState('');
  const load = useCallback(async () => {
    try {
      setEntries((await call('listAudit', { newestFirst: true, limit: AUDIT_PAGE })).entries);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const oldest = entries.length ? entries[entries.length - 1]!.seq : 0;
  // Sequence numbers are contiguous (the chain): the page before `oldest` is the one after `oldest - 1 - PAGE`.
  const loadOlder = async () => {
    const afterSeq = Math.max(0, oldest - 1 - AUDIT_PAGE);
    try {
      const older = (await call('listAudit', { afterSeq, limit: oldest - 1 - afterSeq })).entries.reverse();
      setEntries((e) => [...e, ...older.filter((x) => x.seq < oldest)]);
    } catch (err) {
      setError(err);
    }
  };
  const actions = useMemo(() => [...new Set(entries.map((e) => e.action))].sort(), [entries]);
  const actionName = (a: string) => t(`audit.actions.${a}`, { defaultValue: a });
  const words = foldText(query).split(/\s+/).filter(Boolean);
  const shown = entries.filter(
    (e) => (!action || e.action === action) && words.every((w) => foldText(`${e.actor} ${e.target ?? ''} ${actionName(e.action)} ${Object.values(e.details).join(' ')}`).includes(w)),
  );
  return (
    <section className="stack audit-screen" aria-labelledby="audit-title" data-testid="audit">
      <h2 id="audit-title">{t('nav.audit')}</h2>
      <div className="actions start">
        <label className="inline">
          {t('audit.find')}
          <input type="search" dir="auto" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="audit-filter" />
        </label>
        <label className="inline">
          {t('admin.action')}
          <select value={action} onChange={(e) => setAction(e.target.value)} data-testid="audit-action">
            <option value="">{t('audit.allActions')}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {actionName(a)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void load()}>
          {t('audit.refresh')}
        </button>
        <button
          type="button"
          data-testid="audit-verify"
          onClick={async () => {
            try {
              setVerify(await call('verifyAudit', {}));
            } catch (e) {
              setError(e);
            }
          }}
        >
          {t('admin.verify')}
        </button>
        {verify && (
          <span role="status" className={verify.ok ? 'notice ok' : 'notice error'} data-testid="audit-verify-result">
            {verify.ok
              ? t('admin.verifyOk', { count: verify.entries, formattedCount: f.number(verify.entries) })
              : t('admin.verifyBroken', { seq: f.number(verify.problems[0]?.seq ?? 0) })}
          </span>
        )}
      </div>
      <ErrorNote error={error} />
      <table className="table audit" data-testid="audit-table">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('admin.when')}</th>
            <th>{t('admin.actor')}</th>
            <th>{t('admin.action')}</th>
            <th>{t('admin.target')}</th>
            <th>{t('admin.details')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e) => (
            <tr key={e.seq} data-testid="audit-row" data-action={e.action} data-seq={e.seq}>
              <td>{f.number(e.seq)}</td>
              <td className="nowrap">{f.dateTime(e.at)}</td>
              <td><bdi dir="ltr">{e.actor}</bdi></td>
              <td title={e.action}>{actionName(e.action)}</td>
              <td><bdi dir="ltr">{e.target ?? ''}</bdi></td>
              <td><Details details={e.details} f={f} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {oldest > 1 && (
        <div className="actions start">
          <button type="button" onClick={() => void loadOlder()} data-testid="audit-older">
            {t('audit.older')}
          </button>
        </div>
      )}
    </section>
  );
}

const CHECK_VALUE = /^(ok|fail) ([\w.-]+): ([\s\S]*)$/;

function Details(props: { details: AuditEntry['details']; f: Formatter }) {
  const { t } = useTranslation();
  const pairs = Object.entries(props.details);
  if (!pairs.length) return null;
  return (
    <dl className="audit-details" data-testid="audit-details">
      {pairs.map(([k, v]) => {
        // The gate's checks (`check.<name>`: "ok|fail <code>: <reason>") read as an outcome; the code and main's
        // sentence stay beside it for IT, left to right.
        const check = k.startsWith('check.') && typeof v === 'string' ? CHECK_VALUE.exec(v) : null;
        if (check) {
          return (
            <div key={k}>
              <dt>{t('audit.keys.check', { name: k.slice('check.'.length) })}</dt>
              <dd>
                {t(check[1] === 'ok' ? 'audit.checkPassed' : 'audit.checkFailed')}{' '}
                <small className="muted" dir="ltr">
                  {check[2]}: {check[3]}
                </small>
              </dd>
            </div>
          );
        }
        return (
          <div key={k}>
            <dt>{t(`audit.keys.${k}`, { defaultValue: k })}</dt>
            <dd>
              {typeof v === 'number' && TIME_KEY.test(k) ? (
                props.f.dateTime(v)
              ) : typeof v === 'number' ? (
                props.f.number(v)
              ) : typeof v === 'boolean' ? (
                v ? t('admin.yes') : t('admin.no')
              ) : typeof v === 'string' && CODE_WORDS[k] ? (
                <bdi dir="auto">{t(`${CODE_WORDS[k]}.${v}`, { defaultValue: v })}</bdi>
              ) : (
                <bdi dir="auto">{v === null ? '—' : v}</bdi>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
