import { useEffect, useRef, type ReactNode } from 'react';

/** A modal on the native <dialog>: focus is trapped by the browser, Esc closes, focus returns where it was. */
export function Dialog(props: { title: string; onClose(): void; children: ReactNode; testId?: string; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    const before = document.activeElement as HTMLElement | null;
    if (d && !d.open) d.showModal();
    return () => {
      d?.close();
      before?.focus?.();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={props.wide ? 'dialog wide' : 'dialog'}
      aria-label={props.title}
      data-testid={props.testId}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <h2 className="dialog-title">{props.title}</h2>
      {props.children}
    </dialog>
  );
}
