import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../../main/ipc/contract';
import { call, getBridge } from '../../bridge';
import { ConfirmDialog } from '../../components/ManagedList';
import { ErrorNote } from '../../components/Notice';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks';
import { DecisionCell, DeclineDialog } from './RoleRequests';

type Request = ResponseOf<'listFactorResets'>['requests'][number];
type User = ResponseOf<'confirmFactorReset'>;
type Deciding = { kind: 'confirm' | 'decline'; request: Request } | null;

const loadRequests = async () => (await call('listFactorResets', {})).requests;

/**
 * Resets of a person's two-step sign-in waiting for a second administrator (a team hub whose policy wants two):
 * the same decisions as role requests (`DecisionCell`, `DeclineDialog`), listed again when the hub's stream says
 * the list changed (`adminRequestsChanged`).
 */
export function FactorResetRequests(props: { me: string | undefined; refreshKey: number; onDecided(message: string): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { data, error, reload } = useLoad(loadRequests);
  const [deciding, setDeciding] = useState<Deciding>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const { refreshKey } = props;
  useEffect(() => {
    if (refreshKey) reload();
  }, [refreshKey, reload]);
  useEffect(() => getBridge().on.adminRequestsChanged(() => reload()), [reload]);

  const decide = async (run: () => Promise<User>, message: (u: User) => string) => {
    try {
      const u = await run();
      setActionError(null);
      props.onDecided(message(u));
    } catch (e) {
      setActionError(e);
    }
    reload();
  };
  const requests = data ?? [];
  if (!requests.length && !error && !actionError) return null;
  return (
    <section className="card stack" data-testid="factor-resets" aria-labelledby="factor-resets-title">
      <h3 id="factor-resets-title">{t('admin.factorResets.title')}</h3>
      <p className="muted">{t('admin.factorResets.intro', { hours: f.number(24) })}</p>
      <ErrorNote error={error ?? actionError} onDismiss={() => setActionError(null)} />
      {requests.length > 0 && (
        <table className="table" data-testid="factor-resets-table">
          <thead>
            <tr>
              <th>{t('admin.user')}</th>
              <th>{t('admin.requests.askedBy')}</th>
              <th>{t('admin.requests.asked')}</th>
              <th>
                <span className="visually-hidden">{t('admin.users.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => {
              const mine = r.requestedById === props.me;
              return (
                <tr key={r.requestId} data-testid="factor-reset" data-username={r.username}>
                  <td>
                    <bdi dir="ltr">{r.username}</bdi>
                  </td>
                  <td>
                    <bdi dir="ltr">{r.requestedBy}</bdi>
                    {mine && <small className="muted"> · {t('admin.users.you')}</small>}
                  </td>
                  <td>
                    {f.dateTime(r.requestedAt)}
                    <br />
                    <small className="muted">{t('admin.requests.until', { until: f.dateTime(r.expiresAt) })}</small>
                  </td>
                  <DecisionCell
                    mine={mine}
                    aboutMe={r.userId === props.me}
                    testId="factor-reset"
                    onConfirm={() => setDeciding({ kind: 'confirm', request: r })}
                    onDecline={() => setDeciding({ kind: 'decline', request: r })}
                  />
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {deciding?.kind === 'confirm' && (
        <ConfirmDialog
          title={t('admin.users.reset2faTitle', { name: deciding.request.username })}
          body={t('admin.factorResets.confirmBody', { by: deciding.request.requestedBy, name: deciding.request.username })}
          action={t('admin.requests.confirm')}
          testId="factor-reset-confirm-dialog"
          onClose={() => setDeciding(null)}
          onConfirm={() => {
            const r = deciding.request;
            void decide(
              () => call('confirmFactorReset', { requestId: r.requestId }),
              (u) => t('admin.users.reset2faDone', { name: u.displayName || u.username }),
            );
          }}
        />
      )}
      {deciding?.kind === 'decline' && (
        <DeclineDialog
          title={t(deciding.request.requestedById === props.me ? 'admin.factorResets.withdrawTitle' : 'admin.factorResets.declineTitle', { name: deciding.request.username })}
          withdraw={deciding.request.requestedById === props.me}
          testId="factor-reset"
          onClose={() => setDeciding(null)}
          onDecline={(reason) => {
            const r = deciding.request;
            setDeciding(null);
            void decide(
              () => call('declineFactorReset', { requestId: r.requestId, reason }),
              (u) => t('admin.factorResets.declined', { name: u.displayName || u.username }),
            );
          }}
        />
      )}
    </section>
  );
}
