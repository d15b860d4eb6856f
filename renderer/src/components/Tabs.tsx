import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';

/** A row of tabs whose labels are `${prefix}.${tab}` translation keys, with an optional count badge per tab. */
export function Tabs<T extends string>(props: { tabs: readonly T[]; current: T; onChange: (tab: T) => void; prefix: string; counts?: Partial<Record<T, number>> }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div role="tablist" className="tabs">
      {props.tabs.map((tab) => (
        <button key={tab} role="tab" aria-selected={props.current === tab} className={props.current === tab ? 'tab active' : 'tab'} onClick={() => props.onChange(tab)} data-testid={`tab-${tab}`}>
          {t(`${props.prefix}.${tab}` as string)}
          {!!props.counts?.[tab] && <span className="badge-count" data-testid={`tab-${tab}-count`}>{f.number(props.counts[tab])}</span>}
        </button>
      ))}
    </div>
  );
}
