import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../../main/ipc/contract';
import { call } from '../../bridge';
import { useFormat } from '../../format';
import { WaitingRequests, type WaitingListProps } from './WaitingRequests';

type Request = ResponseOf<'listFactorResets'>['requests'][number];
type User = ResponseOf<'confirmFactorReset'>;

const loadRequests = async () => (await call('listFactorResets', {})).requests;

/** Resets of a person's two-step sign-in waiting for a second administrator (a team hub whose policy wants two). */
export function FactorResetRequests(props: WaitingListProps) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <WaitingRequests<Request, User>
      {...props}
      kind={{
        item: 'factor-reset',
        title: t('admin.factorResets.title'),
        intro: t('admin.factorResets.intro', { hours: f.number(24) }),
        load: loadRequests,
        idOf: (r) => r.requestId,
        confirm: {
          title: (r) => t('admin.users.reset2faTitle', { name: r.username }),
          body: (r) => t('admin.factorResets.confirmBody', { by: r.requestedBy, name: r.username }),
          run: (r) => call('confirmFactorReset', { requestId: r.requestId }),
          done: (u) => t('admin.users.reset2faDone', { name: u.displayName || u.username }),
        },
        decline: {
          title: (r, withdraw) => t(withdraw ? 'admin.factorResets.withdrawTitle' : 'admin.factorResets.declineTitle', { name: r.username }),
          run: (r, reason) => call('declineFactorReset', { requestId: r.requestId, reason }),
          done: (u) => t('admin.factorResets.declined', { name: u.displayName || u.username }),
        },
      }}
    />
  );
}
