import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../main/ipc/contract';
import { matchesCanned } from '../text';

type Canned = ResponseOf<'listCannedReplies'>[number];

/**
 * The canned-reply picker: a button (always there, so a fresh install says where replies come from) opening a list
 * the agent filters by typing; arrows move, Enter inserts, Esc closes. Typing "/word" as the whole draft opens it too.
 */
export function CannedPicker(props: {
  replies: Canned[];
  /** The "/word" search typed in the draft, or null when the picker has its own filter box. */
  query: string | null;
  open: boolean;
  onOpen(): void;
  onClose(): void;
  onPick(id: number): void;
  /** Set to the picker's key handler, so the draft's textarea can pass on arrows, Enter, Tab and Esc during a slash search. */
  keysRef?: { current: ((e: React.KeyboardEvent) => boolean) | null };
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const query = props.query ?? filter;
  const shown = props.replies.filter((c) => matchesCanned(c, query)).slice(0, 50);
  useEffect(() => setActive(0), [query]);
  useEffect(() => {
    if (props.open && props.query === null) input.current?.focus();
    if (!props.open) setFilter('');
  }, [props.open, props.query]);
  const pick = (c: Canned | undefined) => c && props.onPick(c.id);
  /** True when the key was the picker's. */
  const keys = (e: React.KeyboardEvent): boolean => {
    if (e.ctrlKey || e.metaKey || e.altKey) return false;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      setActive((a) => Math.max(0, Math.min(shown.length - 1, a + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if ((e.key === 'Enter' || e.key === 'Tab') && shown.length) {
      pick(shown[active]);
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      props.onClose();
    } else return false;
    e.preventDefault();
    return true;
  };
  if (props.keysRef) props.keysRef.current = props.open ? keys : null;
  return (
    <div className="canned-picker">
      <button type="button" onClick={() => (props.open ? props.onClose() : props.onOpen())} aria-expanded={props.open} data-testid="canned">
        {t('composer.canned')}
      </button>
      {props.open && (
        <div className="canned-pop card" role="dialog" aria-label={t('composer.canned')} data-testid="canned-picker" onKeyDown={(e) => void keys(e)}>
          {props.query === null && (
            <input ref={input} type="search" dir="auto" value={filter} placeholder={t('canned.find')} onChange={(e) => setFilter(e.target.value)} data-testid="canned-picker-filter" />
          )}
          {props.replies.length === 0 ? (
            <p className="muted" data-testid="canned-picker-empty">
              {t('canned.noneForAgent')}
            </p>
          ) : shown.length === 0 ? (
            <p className="muted">{t('canned.noMatch')}</p>
          ) : (
            <ul role="listbox" className="palette-list">
              {shown.map((c, i) => (
                <li
                  key={c.id}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'active' : undefined}
                  onMouseEnter={() => setActive(i)}
                  onMouseDown={(e) => (e.preventDefault(), pick(c))}
                  data-testid="canned-option"
                  data-shortcut={c.shortcut}
                >
                  <span dir="auto">
                    <code dir="auto">/{c.shortcut}</code> {c.title}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/** "/word" typed as the whole draft: the picker opens filtered by "word". */
export function slashQuery(draft: string): string | null {
  const m = /^\/([^\s/]*)$/u.exec(draft);
  return m ? m[1]! : null;
}
