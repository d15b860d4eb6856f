import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { useLoad } from '../../hooks';

export type AdminTab = 'channels' | 'users' | 'canned' | 'labels' | 'device' | 'drills' | 'workflow' | 'held';

/**
 * First run: what stands between a fresh install and a working team, each step done or not from the real state
 * (a channel with credentials, someone besides the administrator, a valid IT-signed policy). Gone once all are done.
 */
export function NextSteps(props: { go(tab: AdminTab): void; refreshKey: unknown }) {
  const { t } = useTranslation();
  const load = useCallback(async () => {
    void props.refreshKey;
    const [channels, users, device] = await Promise.all([call('listChannels', {}), call('listUsers', {}), call('deviceStatus', {})]);
    return {
      channel: channels.some((c) => c.kind !== 'demo' && c.hasCredentials),
      team: users.users.length > 1,
      policy: device.policy.state === 'valid',
    };
  }, [props.refreshKey]);
  const { data } = useLoad(load);
  if (!data || (data.channel && data.team && data.policy)) return null;
  const steps: Array<{ id: keyof typeof data; tab: AdminTab }> = [
    { id: 'channel', tab: 'channels' },
    { id: 'team', tab: 'users' },
    { id: 'policy', tab: 'device' },
  ];
  return (
    <section className="card next-steps" aria-labelledby="next-steps-title" data-testid="next-steps">
      <h3 id="next-steps-title">{t('admin.next.title')}</h3>
      <ol>
        {steps.map((s) => (
          <li key={s.id} className={data[s.id] ? 'done' : undefined} data-testid={`next-${s.id}`} data-done={data[s.id]}>
            <span className="step-state" aria-hidden="true">{data[s.id] ? '✓' : ''}</span>
            <span>
              <strong>{t(`admin.next.${s.id}.title`)}</strong>
              {data[s.id] ? <span className="muted"> — {t('admin.next.done')}</span> : <span className="muted"> — {t(`admin.next.${s.id}.body`)}</span>}
            </span>
            {!data[s.id] && (
              <button type="button" className="link" onClick={() => props.go(s.tab)} data-testid={`next-${s.id}-go`}>
                {t(`admin.next.${s.id}.action`)}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
