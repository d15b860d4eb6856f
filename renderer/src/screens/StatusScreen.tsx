import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../main/ipc/contract';
import { call } from '../bridge';

type Status = ResponseOf<'getStatus'>;

export function StatusScreen() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('getStatus', {}).then(setStatus, (e: Error) => setError(e.message));
  }, []);

  if (error) return <p role="alert" className="error">{t('status.error', { message: error })}</p>;
  if (!status) return <p aria-busy="true">{t('status.loading')}</p>;

  return (
    <section aria-labelledby="status-title" className="card">
      <h2 id="status-title">{t('status.title')}</h2>
      <dl className="facts">
        <Fact label={t('status.version')} value={status.appVersion} testId="status-version" />
        <Fact label={t('status.dataDir')} value={status.dataDir} testId="status-data-dir" isPath />
        <Fact label={t('status.database')} value={status.databaseFile} testId="status-db-file" isPath />
        <Fact label={t('status.schema')} value={String(status.schemaVersion)} testId="status-schema" />
        <Fact
          label={t('status.keychain')}
          value={status.keychain.available ? t('status.keychainOk') : t('status.keychainMissing')}
          testId="status-keychain"
          note={status.keychain.advice}
        />
      </dl>
    </section>
  );
}

function Fact(props: { label: string; value: string; testId: string; isPath?: boolean; note?: string }) {
  return (
    <div className="fact">
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>
        {/* Paths and versions are left-to-right even inside an Arabic or Persian page. */}
        <bdi dir={props.isPath ? 'ltr' : 'auto'}>{props.value}</bdi>
        {props.note && <p className="note">{props.note}</p>}
      </dd>
    </div>
  );
}
