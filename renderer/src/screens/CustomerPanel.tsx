import { useTranslation } from 'react-i18next';
import { Segments } from '../components/Segments';
import { useFormat } from '../format';
import type { Detail } from '../stores/detail';
import { useSelection } from '../stores/selection';

/** The customer as Diwan knows them: masked profile and earlier conversations. Profile chips are not revealable. */
export function CustomerPanel({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const c = detail.customer;
  // A contact the platform gave no handle for shows no empty row.
  const hasHandle = c.handle.some((x) => x.kind === 'field' || x.text.trim() !== '');
  return (
    <aside className="customer" aria-label={t('customer.title')} data-testid="customer-panel">
      <h3>{t('customer.title')}</h3>
      <p className="customer-name">
        <bdi>
          <Segments segments={c.name} />
        </bdi>
      </p>
      <dl className="facts">
        {hasHandle && (
          <div className="fact" data-testid="customer-handle">
            <dt>{t('customer.handle')}</dt>
            <dd>
              <bdi dir="ltr">
                <Segments segments={c.handle} />
              </bdi>
            </dd>
          </div>
        )}
        {c.fields.map((field, i) => (
          <div className="fact" key={i} data-testid="customer-field">
            <dt>{t(`fields.${field.label}`, { defaultValue: field.label })}</dt>
            <dd>
              <Segments segments={field.segments} />
            </dd>
          </div>
        ))}
      </dl>
      {c.fieldsFrom && (
        <p className="muted" data-testid="customer-fields-cached" role={c.fieldsFrom.hubUnreachable ? 'status' : undefined}>
          {t(c.fieldsFrom.hubUnreachable ? 'customer.fieldsHubUnreachable' : 'customer.fieldsCached', { formattedCount: f.number(c.fieldsFrom.messages) })}
        </p>
      )}
      {c.consent !== undefined && <ConsentFacts consent={c.consent} />}
      <h4>{t('customer.earlier')}</h4>
      {c.earlier.length === 0 ? (
        <p className="muted">{t('customer.noEarlier')}</p>
      ) : (
        <ul className="earlier">
          {c.earlier.map((e) => (
            <li key={e.id}>
              <button type="button" className="link" onClick={() => useSelection.getState().select(e.id)}>
                {t(`statuses.${e.status}`)} · {f.dateTime(e.lastActivityAt)}
              </button>
              <div className="muted earlier-preview">
                <Segments segments={e.preview} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

/** Team mode: which privacy notice the hub sent this customer, in which language, and whether they wrote after it. */
function ConsentFacts({ consent }: { consent: NonNullable<Detail['customer']['consent']> | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="consent" data-testid="customer-consent">
      <h4>{t('customer.consent.title')}</h4>
      {consent === null ? (
        <p className="muted" data-testid="customer-consent-none">
          {t('customer.consent.none')}
        </p>
      ) : (
        <dl className="facts">
          <div className="fact">
            <dt>{t('customer.consent.version')}</dt>
            <dd data-testid="customer-consent-version">
              {f.number(consent.version)}
              {consent.language && ` · ${t(`customer.consent.languages.${consent.language}`)}`}
            </dd>
          </div>
          <div className="fact">
            <dt>{t('customer.consent.sent')}</dt>
            <dd data-testid="customer-consent-sent">{f.dateTime(consent.notifiedAt)}</dd>
          </div>
          <div className="fact">
            <dt>{t('customer.consent.acknowledged')}</dt>
            <dd data-testid="customer-consent-acknowledged">{consent.acknowledgedAt === null ? t('customer.consent.notYet') : f.dateTime(consent.acknowledgedAt)}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
