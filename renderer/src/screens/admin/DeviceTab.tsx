import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { ErrorNote } from '../../components/Notice';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks';
import { StatusScreen } from '../StatusScreen';

const loadDevice = () => call('deviceStatus', {});

export function DeviceTab() {
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
