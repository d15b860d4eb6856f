import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { ConfirmDialog } from '../../components/ManagedList';
import { ErrorNote } from '../../components/Notice';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks';

/** What a list of requests waiting for a second administrator is given by the Users tab. */
export interface WaitingListProps {
  me: string | undefined;
  refreshKey: number;
  onDecided(message: string): void;
}

/** What every request waiting for a second administrator says: for whom, who asked, when, and until when. */
export interface WaitingRequest {
  username: string;
  userId: string;
  requestedBy: string;
  requestedById: string;
  requestedAt: number;
  expiresAt: number;
}

/** One kind of request: its words, its calls, and what its rows show beyond the common columns. */
export interface WaitingRequestsKind<R extends WaitingRequest, U> {
  /** The test id of a row (`role-request`); the section is its plural, the buttons and dialogs start with it. */
  item: string;
  title: string;
  intro: string;
  load(): Promise<R[]>;
  idOf(r: R): string;
  /** A column between the person and who asked (a role request's change), when the kind has one. */
  detail?: { header: string; cell(r: R): ReactNode };
  /** Data attributes of a row beyond `data-username`. */
  rowData?(r: R): Record<`data-${string}`, string>;
  confirm: { title(r: R): string; body(r: R): string; run(r: R): Promise<U>; done(u: U): string };
  decline: { title(r: R, withdraw: boolean): string; run(r: R, reason: string): Promise<U>; done(u: U): string };
}

/**
 * Requests waiting for a second administrator (a role one administrator gave, a reset of someone's two-step sign-in):
 * who asked, for whom, when, until when. Another administrator confirms or declines with a sentence; the one who
 * asked can only withdraw; nobody decides on their own account (main and the hub refuse it too). The list loads
 * again when the Users tab asks (`refreshKey`) or the hub's stream says it changed (`adminRequestsChanged`).
 */
export function WaitingRequests<R extends WaitingRequest, U>(props: WaitingListProps & { kind: WaitingRequestsKind<R, U> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { kind, me, refreshKey, onDecided } = props;
  const { data, error, reload } = useLoad(kind.load);
  const [deciding, setDeciding] = useState<{ action: 'confirm' | 'decline'; request: R } | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  useEffect(() => {
    if (refreshKey) reload();
  }, [refreshKey, reload]);
  useEffect(() => getBridge().on.adminRequestsChanged(() => reload()), [reload]);
  const decide = async (run: () => Promise<U>, message: (u: U) => string) => {
    try {
      const u = await run();
      setActionError(null);
      onDecided(message(u));
    } catch (e) {
      setActionError(e);
    }
    reload();
  };
  const requests = data ?? [];
  if (!requests.length && !error && !actionError) return null;
  const section = `${kind.item}s`;
  return (
    <section className="card stack" data-testid={section} aria-labelledby={`${section}-title`}>
      <h3 id={`${section}-title`}>{kind.title}</h3>
      <p className="muted">{kind.intro}</p>
      <ErrorNote error={error ?? actionError} onDismiss={() => setActionError(null)} />
      {requests.length > 0 && (
        <table className="table" data-testid={`${section}-table`}>
          <thead>
            <tr>
              <th>{t('admin.user')}</th>
              {kind.detail && <th>{kind.detail.header}</th>}
              <th>{t('admin.requests.askedBy')}</th>
              <th>{t('admin.requests.asked')}</th>
              <th>
                <span className="visually-hidden">{t('admin.users.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => {
              const mine = r.requestedById === me;
              return (
                <tr key={kind.idOf(r)} data-testid={kind.item} data-username={r.username} {...kind.rowData?.(r)}>
                  <td>
                    <bdi dir="ltr">{r.username}</bdi>
                  </td>
                  {kind.detail && <td>{kind.detail.cell(r)}</td>}
                  <td>
                    <bdi dir="ltr">{r.requestedBy}</bdi>
                    {mine && <small className="muted" data-testid={`${kind.item}-yours`}> · {t('admin.users.you')}</small>}
                  </td>
                  <td>
                    {f.dateTime(r.requestedAt)}
                    <br />
                    <small className="muted">{t('admin.requests.until', { until: f.dateTime(r.expiresAt) })}</small>
                  </td>
                  <DecisionCell
                    mine={mine}
                    aboutMe={r.userId === me}
                    testId={kind.item}
                    onConfirm={() => setDeciding({ action: 'confirm', request: r })}
                    onDecline={() => setDeciding({ action: 'decline', request: r })}
                  />
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {deciding?.action === 'confirm' && (
        <ConfirmDialog
          title={kind.confirm.title(deciding.request)}
          body={kind.confirm.body(deciding.request)}
          action={t('admin.requests.confirm')}
          testId={`${kind.item}-confirm-dialog`}
          onClose={() => setDeciding(null)}
          onConfirm={() => {
            const r = deciding.request;
            void decide(() => kind.confirm.run(r), kind.confirm.done);
          }}
        />
      )}
      {deciding?.action === 'decline' && (
        <DeclineDialog
          title={kind.decline.title(deciding.request, deciding.request.requestedById === me)}
          withdraw={deciding.request.requestedById === me}
          testId={kind.item}
          onClose={() => setDeciding(null)}
          onDecline={(reason) => {
            const r = deciding.request;
            setDeciding(null);
            void decide(() => kind.decline.run(r, reason), kind.decline.done);
          }}
        />
      )}
    </section>
  );
}

/**
 * The decision a request offers the administrator looking at it: another administrator confirms or declines, the one
 * who asked only withdraws, and nobody decides on their own account. Main and the hub refuse the same.
 */
function DecisionCell(props: { mine: boolean; aboutMe: boolean; testId: string; onConfirm(): void; onDecline(): void }) {
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
function DeclineDialog(props: { title: string; withdraw: boolean; testId: string; onClose(): void; onDecline(reason: string): void }) {
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
