import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface MenuItem {
  id: string;
  label: string;
  run(): void;
}

/**
 * A button that opens a short list of actions (snooze times, less frequent status changes). Escape or a click
 * elsewhere closes it; the first item takes focus so the keyboard can walk the list with Tab and arrow keys.
 */
export function Menu(props: { label: ReactNode; items: MenuItem[]; testId: string; ariaLabel?: string }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => root.current && !root.current.contains(e.target as Node) && setOpen(false);
    document.addEventListener('mousedown', away);
    root.current?.querySelector<HTMLButtonElement>('[role=menuitem]')?.focus();
    return () => document.removeEventListener('mousedown', away);
  }, [open]);
  const keys = (e: React.KeyboardEvent) => {
    const items = [...(root.current?.querySelectorAll<HTMLButtonElement>('[role=menuitem]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') setOpen(false);
    else if (e.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div className="menu" ref={root} onKeyDown={keys}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} aria-label={props.ariaLabel} onClick={() => setOpen(!open)} data-testid={props.testId}>
        {props.label}
      </button>
      {open && (
        <div role="menu" className="menu-list" data-testid={`${props.testId}-menu`}>
          {props.items.map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              data-testid={`${props.testId}-${item.id}`}
              onClick={() => {
                setOpen(false);
                item.run();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
