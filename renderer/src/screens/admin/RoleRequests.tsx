import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../../main/ipc/contract';
import { call, getBridge } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { ConfirmDialog } from '../../components/ManagedList';
import { ErrorNote } from '../../components/Notice';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks';

type Request = ResponseOf<'listRoleGrants'>['requests'][number];
type User = ResponseOf<'confirmRoleGrant'>;
type Deciding = { kind: 'confirm' | 'decline'; request: Request } | null;

const loadRequests = async () => (await call('listRoleGrants', {})).requests;

/**
 * Role requests waiting for a second administrator (a lead, administrator or auditor role one administrator gave):
 * who asked, for whom, which role, when. Another administrator confirms or declines with a sentence; the one who
 * asked can only withdraw; nobody decides on their own account (main and the hub refuse it too). In team mode the
 * hub's stream says when the list changed (`adminRequestsChanged`).
 */
export function RoleRequests(props: { me: string | undefined; refreshKey: number; onDecided(message: string): void }) {
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

  const role = (r: string) => t(`admin.roles.${r}`);
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
    <section className="card stack" data-testid="role-requests" aria-labelledby="role-requests-title">
      <h3 id="role-requests-title">{t('admin.requests.title')}</h3>
      <p className="muted">{t('admin.requests.intro', { hours: f.number(24) })}</p>
      <ErrorNote error={error ?? actionError} onDismiss={() => setActionError(null)} />
      {requests.length > 0 && (
        <table className="table" data-testid="role-requests-table">
          <thead>
            <tr>
              <th>{t('admin.user')}</th>
              <th>{t('admin.requests.change')}</th>
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
              const aboutMe = r.userId === props.me;
              return (
                <tr key={r.grantId} data-testid="role-request" data-username={r.username} data-role={r.role}>
                  <td>
                    <bdi dir="ltr">{r.username}</bdi>
                  </td>
                  <td>{t('admin.requests.fromTo', { from: role(r.from), role: role(r.role) })}</td>
                  <td>
                    <bdi dir="ltr">{r.requestedBy}</bdi>
                    {mine && <small className="muted" data-testid="role-request-yours"> · {t('admin.users.you')}</small>}
                  </td>
                  <td>
                    {f.dateTime(r.requestedAt)}
                    <br />
                    <small className="muted">{t('admin.requests.until', { until: f.dateTime(r.expiresAt) })}</small>
                  </td>
                  <DecisionCell
                    mine={mine}
                    aboutMe={aboutMe}
                    testId="role-request"
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
          title={t('admin.requests.confirmTitle', { name: deciding.request.username, role: role(deciding.request.role) })}
          body={t('admin.requests.confirmBody', { by: deciding.request.requestedBy, name: deciding.request.username })}
          action={t('admin.requests.confirm')}
          testId="role-request-confirm-dialog"
          onClose={() => setDeciding(null)}
          onConfirm={() => {
            const r = deciding.request;
            void decide(
              () => call('confirmRoleGrant', { grantId: r.grantId }),
              (u) => t('admin.requests.confirmed', { name: u.username, role: role(u.role) }),
            );
          }}
        />
      )}
      {deciding?.kind === 'decline' && (
        <DeclineDialog
          title={t(deciding.request.requestedById === props.me ? 'admin.requests.withdrawTitle' : 'admin.requests.declineTitle', {
            name: deciding.request.username,
            role: role(deciding.request.role),
          })}
          withdraw={deciding.request.requestedById === props.me}
          testId="role-request"
          onClose={() => setDeciding(null)}
          onDecline={(reason) => {
            const r = deciding.request;
            setDeciding(null);
            void decide(
              () => call('declineRoleGrant', { grantId: r.grantId, reason }),
              (u) => t('admin.requests.declined', { name: u.username, role: role(u.role) }),
            );
          }}
        />
      )}
    </section>
  );
}

/**
 * The decision a request offers the administrator looking at it (the rule of every request waiting for a second
 * administrator): another administrator confirms or declines, the one who asked only withdraws, and nobody decides
 * on their own account. Main and the hub refuse the same.
 */
export function DecisionCell(props: { mine: boolean; aboutMe: boolean; testId: string; onConfirm(): void; onDecline(): void }) {
  const { t } = useTranslation();
  return (
    <td className="row-actions">
      {props.aboutMe && <small className="muted">{t('admin.requests.aboutYou')}</small>}
      {!props.mine && !props.aboutMe && (
        <button type="button" className="primary" data-testid={`${props.testId}-confirm`} onClick={props.onConfirm}>
          {t('admin.requests.confirm')}
        </button>
      )}{' '}
      {!props.aboutMe && (
        <button type="button" data-testid={`${props.testId}-decline`} onClick={props.onDecline}>
          {props.mine ? t('admin.requests.withdraw') : t('admin.requests.decline')}
        </button>
      )}
    </td>
  );
}

/** Declining (or withdrawing) takes a sentence: the person who asked reads it, and so does the auditor. */
export function DeclineDialog(props: { title: string; withdraw: boolean; testId: string; onClose(): void; onDecline(reason: string): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Dialog title={props.title} onClose={props.onClose} testId={`${props.testId}-decline-dialog`}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim()) props.onDecline(reason.trim());
        }}
      >
        <label className="field">
          {t('admin.requests.reasonLabel')}
          <textarea value={reason} maxLength={500} rows={3} dir="auto" required onChange={(e) => setReason(e.target.value)} data-testid={`${props.testId}-reason`} />
          <small className="muted">{t('admin.requests.reasonHelp')}</small>
        </label>
        <div className="actions">
          <button type="button" onClick={props.onClose}>
            {t('conversation.cancel')}
          </button>
          <button type="submit" className="primary danger" disabled={!reason.trim()} data-testid={`${props.testId}-decline-go`}>
            {props.withdraw ? t('admin.requests.withdraw') : t('admin.requests.decline')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
