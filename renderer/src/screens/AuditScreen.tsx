import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../main/ipc/contract';
import { call } from '../bridge';
import { ErrorNote } from '../components/Notice';
import { useFormat } from '../format';

type AuditEntry = ResponseOf<'listAudit'>['entries'][number];
/** The newest entries; the full trail is exported and verified from the CLI (`diwan audit`). */
const AUDIT_PAGE = 500;
type Verify = ResponseOf<'verifyAudit'>;

/** The audit trail, for the auditor and the administrator (`audit.read`). */
export function AuditScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [verify, setVerify] = useState<Verify | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    try {
      setEntries((await call('listAudit', { newestFirst: true, limit: AUDIT_PAGE })).entries);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div className="stack">
      <div className="actions">
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
          {entries.map((e) => (
            <tr key={e.seq} data-testid="audit-row" data-action={e.action}>
              <td>{f.number(e.seq)}</td>
              <td>{f.dateTime(e.at)}</td>
              <td><bdi dir="ltr">{e.actor}</bdi></td>
              <td><bdi dir="ltr">{e.action}</bdi></td>
              <td><bdi dir="ltr">{e.target ?? ''}</bdi></td>
              <td><bdi dir="auto" className="details">{JSON.stringify(e.details)}</bdi></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
