import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../components/Notice';
import { Segments } from '../components/Segments';
import { useFormat } from '../format';
import { useSelection } from '../stores/selection';
import { useSearch } from '../stores/search';
import { useUi } from '../stores/ui';
import { CONVERSATION_STATUSES } from '../../../main/ipc/vocabulary';

function openConversation(id: number): void {
  useSelection.getState().select(id);
  useUi.getState().go('inbox');
}

/**
 * Search over masked text and customers' names and handles; main folds Arabic and Persian by the one rule and marks
 * the matches.
 */
export function SearchScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useSearch((s) => s.query);
  const result = useSearch((s) => s.result);
  const loading = useSearch((s) => s.loading);
  const error = useSearch((s) => s.error);
  const { setQuery, run } = useSearch.getState();
  const input = useRef<HTMLInputElement>(null);
  const focus = useUi((s) => s.focusRequest);
  useEffect(() => {
    input.current?.focus();
  }, [focus]);
  const day = (ms?: number) => (ms ? new Date(ms).toISOString().slice(0, 10) : '');
  const parseDay = (v: string, end: boolean) => (v ? Date.parse(`${v}T${end ? '23:59:59' : '00:00:00'}Z`) : undefined);
  return (
    <section className="search card" aria-labelledby="search-title" data-testid="search">
      <h2 id="search-title">{t('search.title')}</h2>
      <form
        className="search-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label className="field grow">
          {t('search.query')}
          <input ref={input} type="search" dir="auto" value={query.query} maxLength={200} placeholder={t('search.placeholder')} onChange={(e) => setQuery({ query: e.target.value })} data-testid="search-input" />
        </label>
        <label className="field">
          {t('inbox.status')}
          <select value={query.status ?? ''} onChange={(e) => setQuery({ status: (e.target.value || undefined) as typeof query.status })}>
            <option value="">{t('inbox.anyStatus')}</option>
            {CONVERSATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('search.from')}
          <input type="date" value={day(query.from)} onChange={(e) => setQuery({ from: parseDay(e.target.value, false) })} />
        </label>
        <label className="field">
          {t('search.to')}
          <input type="date" value={day(query.to)} onChange={(e) => setQuery({ to: parseDay(e.target.value, true) })} />
        </label>
        <button type="submit" className="primary" disabled={loading || !query.query.trim()} data-testid="search-go">
          {t('search.go')}
        </button>
      </form>
      <p className="muted">{t('search.hint')}</p>
      <ErrorNote error={error} />
      {result && (
        <>
          {(result.total > 0 || result.customers.length === 0) && (
            <p aria-live="polite" data-testid="search-count">
              {result.total >= 1000 ? t('search.resultsCapped', { count: result.total, formattedCount: f.number(result.total) }) : t('search.results', { count: result.total, formattedCount: f.number(result.total) })}
            </p>
          )}
          {result.narrowed && (
            <p className="muted" data-testid="search-narrowed">
              {t(result.narrowed.more ? 'search.prefixNarrowedMore' : 'search.prefixNarrowed', {
                // Isolated, so a Latin prefix keeps its place in Arabic or Persian text and the reverse.
                prefix: `\u2068${result.narrowed.prefix}\u2069`,
                named: f.number(result.narrowed.named),
                searched: f.number(result.narrowed.searched),
              })}
            </p>
          )}
          {result.customers.length > 0 && (
            <section className="customer-hits" aria-labelledby="customer-hits-title" data-testid="customer-hits">
              <h3 id="customer-hits-title">
                {result.customersTotal > result.customers.length
                  ? t('search.customersMore', { count: result.customersTotal, formattedCount: f.number(result.customersTotal) })
                  : t('search.customers', { count: result.customersTotal, formattedCount: f.number(result.customersTotal) })}
              </h3>
              <ol className="hits">
                {result.customers.map((c) => (
                  <li key={c.conversationId} className="hit" data-testid="customer-hit" data-id={c.conversationId}>
                    <div className="hit-meta">
                      <strong className="hit-contact" dir="auto" data-testid="customer-hit-name">
                        <Segments segments={c.contactName} />
                      </strong>
                      {c.handle.length > 0 && (
                        <bdi className="muted" dir="ltr" data-testid="customer-hit-handle">
                          <Segments segments={c.handle} />
                        </bdi>
                      )}
                      <HitFacts status={c.status} channelKind={c.channelKind} at={c.lastActivityAt} conversationId={c.conversationId} />
                    </div>
                  </li>
                ))}
              </ol>
            </section>
          )}
          {result.hits.length === 0 ? (
            result.customers.length === 0 && <p className="empty">{t('search.none')}</p>
          ) : (
            <ol className="hits">
              {result.hits.map((h) => (
                <li key={h.messageId} className="hit" data-testid="search-hit">
                  <div className="hit-meta">
                    <strong className="hit-contact" dir="auto" data-testid="search-hit-contact">
                      <Segments segments={h.contactName} />
                    </strong>
                    <HitFacts status={h.status} channelKind={h.channelKind} at={h.sentAt} conversationId={h.conversationId} statusTestId="search-hit-status" />
                  </div>
                  <p dir={h.textDirection}>
                    <Segments segments={h.segments} />
                  </p>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

/** What a hit says after its name: its conversation's status, channel and time, and a way to open that conversation. */
function HitFacts(props: { status: string; channelKind: string; at: number; conversationId: number; statusTestId?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <span className={`status-pill status-${props.status}`} data-testid={props.statusTestId} data-status={props.status}>
        {t(`statuses.${props.status}`)}
      </span>
      <span className={`kind kind-${props.channelKind}`}>{t(`channelKind.${props.channelKind}`)}</span>
      <time>{f.dateTime(props.at)}</time>
      <button type="button" className="link" onClick={() => openConversation(props.conversationId)}>
        {t('search.open')}
      </button>
    </>
  );
}
