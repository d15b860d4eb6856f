import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import { useInbox, type Filter } from '../stores/inbox';
import { useSession } from '../stores/session';
import { ConversationList } from './ConversationList';
import { ConversationView } from './ConversationView';
import { CONVERSATION_STATUSES } from '../../../main/ipc/vocabulary';

/** Filters and counts, the virtualised list, and the open conversation. */
export function InboxScreen() {
  useEffect(() => {
    const inbox = useInbox.getState();
    if (!inbox.items.length && !inbox.loading) void inbox.load();
    void inbox.refreshMeta().catch(() => {});
  }, []);
  return (
    <div className="inbox" data-testid="inbox">
      <section className="inbox-list" aria-labelledby="inbox-title">
        <Filters />
        <DemoOffer />
        <ConversationList />
      </section>
      <ConversationView />
    </div>
  );
}

function Filters() {
  const { t } = useTranslation();
  const f = useFormat();
  const filter = useInbox((s) => s.filter);
  const counts = useInbox((s) => s.counts);
  const health = useInbox((s) => s.health);
  const setFilter = useInbox((s) => s.setFilter);
  const channelList = counts?.channels ?? [];
  const healthOf = new Map(health.map((h) => [h.channelId, h]));
  return (
    <div className="filters">
      <h2 id="inbox-title" className="visually-hidden">
        {t('inbox.title')}
      </h2>
      <div className="scopes" role="tablist" aria-label={t('inbox.filters')}>
        {(['mine', 'unassigned', 'all'] as const).map((scope, i) => (
          <button
            key={scope}
            role="tab"
            aria-selected={filter.scope === scope}
            className={filter.scope === scope ? 'scope active' : 'scope'}
            onClick={() => setFilter({ scope })}
            data-testid={`scope-${scope}`}
          >
            {t(`inbox.scope.${scope}`)} <span className="count">{counts ? f.number(counts[scope]) : ''}</span>
            <kbd>{f.number(i + 1)}</kbd>
          </button>
        ))}
      </div>
      <div className="filter-row">
        <select aria-label={t('inbox.channel')} value={filter.channelId ?? ''} onChange={(e) => setFilter({ channelId: e.target.value || undefined })} data-testid="filter-channel">
          <option value="">{t('inbox.anyChannel')}</option>
          {channelList.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <select aria-label={t('inbox.status')} value={filter.status ?? ''} onChange={(e) => setFilter({ status: (e.target.value || undefined) as Filter['status'] })} data-testid="filter-status">
          <option value="">{t('inbox.anyStatus')}</option>
          {CONVERSATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('inbox.label')} value={filter.label ?? ''} onChange={(e) => setFilter({ label: e.target.value || undefined })} data-testid="filter-label">
          <option value="">{t('inbox.anyLabel')}</option>
          {(counts?.labels ?? []).map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <ul className="health" aria-label={t('inbox.channel')}>
        {channelList.map((c) => {
          const h = healthOf.get(c.id);
          const state = h?.state ?? 'unknown';
          return (
            <li key={c.id} className={`health-badge health-${state}`} title={h?.detail ?? t(`inbox.health.${state}`)} data-testid="health-badge" data-state={state}>
              <span className="dot" aria-hidden="true" />
              <bdi>{c.name}</bdi>
              {c.unread > 0 && <span className="count">{f.number(c.unread)}</span>}
              <span className="visually-hidden">: {t(`inbox.health.${state}`)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** An empty inbox with no channel running: say who can add one (the demo channel runs until then). */
function DemoOffer() {
  const { t } = useTranslation();
  const nothing = useInbox((s) => !s.loading && s.health.length === 0 && s.items.length === 0);
  const canManage = useSession((s) => s.can('channels.manage'));
  if (!nothing) return null;
  return (
    <div className="card demo" data-testid="demo-offer">
      <h3>{t('inbox.demoTitle')}</h3>
      <p>{canManage ? t('inbox.demoBody') : t('inbox.demoAsk')}</p>
    </div>
  );
}
