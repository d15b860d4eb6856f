import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../../main/ipc/contract';
import { call } from '../../bridge';
import { useFormat } from '../../format';
import { WaitingRequests, type WaitingListProps } from './WaitingRequests';

type Request = ResponseOf<'listRoleGrants'>['requests'][number];
type User = ResponseOf<'confirmRoleGrant'>;

const loadRequests = async () => (await call('listRoleGrants', {})).requests;

/** Role requests waiting for a second administrator: a lead, administrator or auditor role one administrator gave. */
export function RoleRequests(props: WaitingListProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const role = (r: string) => t(`admin.roles.${r}`);
  return (
    <WaitingRequests<Request, User>
      {...props}
      kind={{
        item: 'role-request',
        title: t('admin.requests.title'),
        intro: t('admin.requests.intro', { hours: f.number(24) }),
        load: loadRequests,
        idOf: (r) => r.grantId,
        detail: { header: t('admin.requests.change'), cell: (r) => t('admin.requests.fromTo', { from: role(r.from), role: role(r.role) }) },
        rowData: (r) => ({ 'data-role': r.role }),
        confirm: {
          title: (r) => t('admin.requests.confirmTitle', { name: r.username, role: role(r.role) }),
          body: (r) => t('admin.requests.confirmBody', { by: r.requestedBy, name: r.username }),
          run: (r) => call('confirmRoleGrant', { grantId: r.grantId }),
          done: (u) => t('admin.requests.confirmed', { name: u.username, role: role(u.role) }),
        },
        decline: {
          title: (r, withdraw) => t(withdraw ? 'admin.requests.withdrawTitle' : 'admin.requests.declineTitle', { name: r.username, role: role(r.role) }),
          run: (r, reason) => call('declineRoleGrant', { grantId: r.grantId, reason }),
          done: (u) => t('admin.requests.declined', { name: u.username, role: role(u.role) }),
        },
      }}
    />
  );
}
