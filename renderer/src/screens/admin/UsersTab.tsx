import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../../main/ipc/contract';
import { call } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { ConfirmDialog, DoneNote } from '../../components/ManagedList';
import { ErrorNote } from '../../components/Notice';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks';
import { temporaryPassword } from '../../passwords';
import { useSession } from '../../stores/session';
import { ROLES, type Role } from '../../../../main/ipc/vocabulary';
import { RoleRequests } from './RoleRequests';
import { FactorResetRequests } from './FactorResetRequests';

type User = ResponseOf<'listUsers'>['users'][number];
/** Identity's rule (main/core/auth/passwords.ts); main checks it again and says so if it is not met. */
const MIN_PASSWORD = 12;

const loadUsers = async () => (await call('listUsers', {})).users;

type Pending = { kind: 'disable' | 'reset2fa'; user: User } | null;
const loadChannels = () => call('listChannels', {});

/** People: add someone, change a role, disable or re-enable an account, reset a lost second factor. */
export function UsersTab() {
  const { t } = useTranslation();
  const { data, error, reload } = useLoad(loadUsers);
  const me = useSession((s) => s.session?.user?.id);
  // With a team hub, each person works the channels chosen here (roles are given here too, checked again at the hub).
  const team = useSession((s) => s.session?.team ?? null);
  const channels = useLoad(loadChannels);
  const [choosing, setChoosing] = useState<User | null>(null);
  const f = useFormat();
  const [actionError, setActionError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Pending>(null);
  // Bumped after a change here, so the list of role requests waiting for a second administrator loads again.
  const [requestsKey, setRequestsKey] = useState(0);
  const act = async (f: () => Promise<User>, message: (u: User) => string) => {
    setDone(null);
    try {
      const u = await f();
      setActionError(null);
      setDone(message(u));
      reload();
      setRequestsKey((k) => k + 1);
    } catch (e) {
      setActionError(e);
    }
  };
  const name = (u: User) => u.displayName || u.username;
  const decided = (message: string) => {
    setActionError(null);
    setDone(message);
    reload();
  };
  return (
    <div className="stack" data-testid="users">
      <ErrorNote error={error ?? actionError} onDismiss={() => setActionError(null)} />
      <DoneNote text={done} testId="users-done" />
      <RoleRequests me={me} refreshKey={requestsKey} onDecided={decided} />
      <FactorResetRequests me={me} refreshKey={requestsKey} onDecided={decided} />
      <table className="table" data-testid="users-table">
        <thead>
          <tr>
            <th>{t('admin.user')}</th>
            <th>{t('admin.role')}</th>
            <th>{t('admin.twoFactor')}</th>
            <th>{t('admin.status')}</th>
            {team && <th>{t('admin.users.channels')}</th>}
            <th>
              <span className="visually-hidden">{t('admin.users.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(data ?? []).map((u) => (
            <tr key={u.id} data-testid="user-row" data-username={u.username} data-disabled={u.disabled} className={u.disabled ? 'user-disabled' : undefined}>
              <td>
                <bdi>{name(u)}</bdi> <small className="muted"><bdi dir="ltr">{u.username}</bdi></small>
                {u.id === me && <small className="muted"> · {t('admin.users.you')}</small>}
              </td>
              <td>
                <select
                  aria-label={t('admin.users.roleOf', { name: name(u) })}
                  value={u.role}
                  data-testid="user-role"
                  onChange={(e) => {
                    const role = e.target.value as Role;
                    void act(
                      () => call('setUserRole', { userId: u.id, role }),
                      (x) =>
                        x.pendingRole
                          ? t('admin.users.roleRequested', { name: name(x), role: t(`admin.roles.${x.pendingRole}`) })
                          : t('admin.users.roleChanged', { name: name(x), role: t(`admin.roles.${x.role}`) }),
                    );
                  }}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`admin.roles.${r}`)}
                    </option>
                  ))}
                </select>
                {u.pendingRole && (
                  <small className="muted" data-testid="user-pending-role">
                    {' '}
                    · {t('admin.users.pendingRole', { role: t(`admin.roles.${u.pendingRole}`) })}
                  </small>
                )}
              </td>
              <td>
                <span className={u.totpEnabled ? 'pill-state on' : 'pill-state'}>{u.totpEnabled ? t('admin.on') : t('admin.off')}</span>
                {u.totpEnabled && !u.pendingFactorReset && (
                  <button type="button" className="link" onClick={() => setConfirming({ kind: 'reset2fa', user: u })} data-testid="user-reset-2fa">
                    {t('admin.users.reset2fa')}
                  </button>
                )}
                {u.pendingFactorReset && (
                  <small className="muted" data-testid="user-pending-reset">
                    {' '}
                    · {t('admin.users.pendingReset')}
                  </small>
                )}
              </td>
              <td>
                <span className={u.disabled ? 'pill-state off' : 'pill-state on'} data-testid="user-status">
                  {u.disabled ? t('admin.disabled') : t('admin.active')}
                </span>
              </td>
              {team && (
                <td data-testid="user-channels">
                  <bdi>{u.channels?.length ? f.list(u.channels.map((id) => channels.data?.find((c) => c.id === id)?.name ?? id)) : t('admin.users.allChannels')}</bdi>{' '}
                  <button type="button" className="link" onClick={() => setChoosing(u)} data-testid="user-channels-edit">
                    {t('admin.users.chooseChannels')}
                  </button>
                </td>
              )}
              <td className="row-actions">
                {u.disabled ? (
                  <button
                    type="button"
                    data-testid="user-enable"
                    onClick={() => void act(() => call('setUserDisabled', { userId: u.id, disabled: false }), (x) => t('admin.users.enabled', { name: name(x) }))}
                  >
                    {t('admin.users.enable')}
                  </button>
                ) : (
                  u.id !== me && (
                    <button type="button" data-testid="user-disable" onClick={() => setConfirming({ kind: 'disable', user: u })}>
                      {t('admin.users.disable')}
                    </button>
                  )
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AddPerson
        onAdded={(u) => {
          setActionError(null);
          setDone(u.pendingRole ? t('admin.users.addedPending', { name: name(u), role: t(`admin.roles.${u.pendingRole}`) }) : t('admin.users.added', { name: name(u) }));
          reload();
          setRequestsKey((k) => k + 1);
        }}
      />
      {choosing && (
        <ChooseChannels
          user={choosing}
          channels={(channels.data ?? []).map((c) => ({ id: c.id, name: c.name }))}
          onClose={() => setChoosing(null)}
          onSave={(ids) => {
            setChoosing(null);
            void act(() => call('setUserChannels', { userId: choosing.id, channels: ids }), (x) => t('admin.users.channelsSaved', { name: name(x) }));
          }}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={confirming.kind === 'disable' ? t('admin.users.disableTitle', { name: name(confirming.user) }) : t('admin.users.reset2faTitle', { name: name(confirming.user) })}
          body={confirming.kind === 'disable' ? t('admin.users.disableBody') : t('admin.users.reset2faBody')}
          action={confirming.kind === 'disable' ? t('admin.users.disable') : t('admin.users.reset2fa')}
          testId="user-confirm"
          onClose={() => setConfirming(null)}
          onConfirm={() => {
            const { kind, user } = confirming;
            void (kind === 'disable'
              ? act(() => call('setUserDisabled', { userId: user.id, disabled: true }), (x) => t('admin.users.disabled', { name: name(x) }))
              : act(
                  () => call('resetUserTwoFactor', { userId: user.id }),
                  (x) => (x.pendingFactorReset ? t('admin.users.reset2faRequested', { name: name(x) }) : t('admin.users.reset2faDone', { name: name(x) })),
                ));
          }}
        />
      )}
    </div>
  );
}

/** The channels one person works; none ticked means every channel. */
function ChooseChannels(props: { user: User; channels: Array<{ id: string; name: string }>; onClose(): void; onSave(ids: string[]): void }) {
  const { t } = useTranslation();
  const [ticked, setTicked] = useState<Set<string>>(new Set(props.user.channels ?? []));
  const toggle = (id: string) => setTicked((old) => (old.has(id) ? new Set([...old].filter((x) => x !== id)) : new Set([...old, id])));
  return (
    <Dialog title={t('admin.users.channelsTitle', { name: props.user.displayName || props.user.username })} onClose={props.onClose} testId="user-channels-dialog">
      <p className="muted">{t('admin.users.channelsHelp')}</p>
      <ul className="stack">
        {props.channels.map((c) => (
          <li key={c.id}>
            <label>
              <input type="checkbox" checked={ticked.has(c.id)} onChange={() => toggle(c.id)} data-testid="user-channel-option" data-channel={c.id} /> <bdi>{c.name}</bdi>
            </label>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={props.onClose}>
          {t('conversation.cancel')}
        </button>
        <button type="button" className="primary" onClick={() => props.onSave([...ticked])} data-testid="user-channels-save">
          {t('admin.users.saveChannels')}
        </button>
      </div>
    </Dialog>
  );
}

function AddPerson(props: { onAdded(u: User): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const empty = { displayName: '', username: '', role: 'agent' as Role, password: '' };
  const [form, setForm] = useState(empty);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [handover, setHandover] = useState<{ username: string; password: string } | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const ready = form.username.trim().length >= 2 && form.password.length >= MIN_PASSWORD && !busy;
  return (
    <form
      className="card stack"
      autoComplete="off"
      data-testid="add-person"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!ready) return;
        setBusy(true);
        try {
          const u = await call('createUser', { ...form, username: form.username.trim() });
          setHandover({ username: u.username, password: form.password });
          setForm(empty);
          setError(null);
          props.onAdded(u);
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h3>{t('admin.users.addTitle')}</h3>
      <p className="muted">{t('admin.users.addIntro')}</p>
      <div className="form-grid">
        <label className="field">
          {t('session.name')}
          <input value={form.displayName} maxLength={100} dir="auto" onChange={set('displayName')} data-testid="new-name" />
        </label>
        <label className="field">
          {t('session.username')}
          <input value={form.username} maxLength={64} dir="ltr" spellCheck={false} onChange={set('username')} data-testid="new-username" aria-describedby="username-rule" />
          <small id="username-rule" className="muted">{t('admin.users.usernameRule', { min: f.number(2), max: f.number(64) })}</small>
        </label>
        <label className="field">
          {t('admin.role')}
          <select value={form.role} onChange={set('role')} data-testid="new-role">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`admin.roles.${r}`)}
              </option>
            ))}
          </select>
          <small className="muted">{t(`admin.users.roleHelp.${form.role}`)}</small>
        </label>
        <label className="field">
          {t('admin.users.tempPassword')}
          <span className="inline">
            <input value={form.password} maxLength={256} dir="ltr" spellCheck={false} autoComplete="new-password" onChange={set('password')} data-testid="new-password" aria-describedby="temp-rule" />
            <button type="button" onClick={() => setForm({ ...form, password: temporaryPassword() })} data-testid="new-password-generate">
              {t('admin.users.generate')}
            </button>
          </span>
          <small id="temp-rule" className="muted">{t('session.passwordRule', { min: f.number(MIN_PASSWORD) })}</small>
        </label>
      </div>
      <ErrorNote error={error} />
      {handover && (
        <p role="status" className="notice ok" data-testid="handover">
          {t('admin.users.handover', { username: handover.username })} <code dir="ltr">{handover.password}</code>
          <button type="button" className="link" onClick={() => setHandover(null)}>
            {t('admin.users.handoverDone')}
          </button>
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={!ready} data-testid="new-submit">
          {t('admin.users.add')}
        </button>
      </div>
    </form>
  );
}
