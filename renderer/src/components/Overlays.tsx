import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from '../keyboard';
import { useUi } from '../stores/ui';
import { Dialog } from './Dialog';

/** `?`: every shortcut, from the same list the keyboard handler uses. */
export function ShortcutHelp(props: { commands: Command[] }) {
  const { t } = useTranslation();
  const close = () => useUi.getState().open(null);
  return (
    <Dialog title={t('keys.title')} onClose={close} testId="shortcut-help">
      <table className="table shortcuts">
        <tbody>
          {props.commands
            .filter((c) => c.display)
            .map((c) => (
              <tr key={c.id}>
                <td>
                  <kbd dir="ltr">{c.display}</kbd>
                </td>
                <td>{c.label}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={close} autoFocus>
          {t('keys.done')}
        </button>
      </div>
    </Dialog>
  );
}

/** Ctrl/⌘+K: type to filter, arrows to move, Enter to run. */
export function CommandPalette(props: { commands: Command[] }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [at, setAt] = useState(0);
  const close = () => useUi.getState().open(null);
  const matches = useMemo(() => {
    const q = text.trim().toLowerCase();
    return props.commands.filter((c) => c.enabled !== false && c.id !== 'palette' && c.id !== 'close' && (!q || c.label.toLowerCase().includes(q)));
  }, [text, props.commands]);
  const run = (c: Command | undefined) => {
    if (!c) return;
    close();
    c.run();
  };
  return (
    <Dialog title={t('keys.palette')} onClose={close} testId="palette">
      <input
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={matches[at] ? `cmd-${matches[at].id}` : undefined}
        className="palette-input"
        value={text}
        placeholder={t('keys.palettePlaceholder')}
        data-testid="palette-input"
        onChange={(e) => {
          setText(e.target.value);
          setAt(0);
        }}
        onKeyDown={(e) => {
          const moves: Record<string, () => void> = {
            ArrowDown: () => setAt(Math.min(matches.length - 1, at + 1)),
            ArrowUp: () => setAt(Math.max(0, at - 1)),
            Enter: () => run(matches[at]),
          };
          const move = moves[e.key];
          if (!move) return;
          e.preventDefault();
          move();
        }}
      />
      <ul id="palette-list" role="listbox" className="palette-list">
        {matches.length === 0 && <li className="muted">{t('keys.noCommands')}</li>}
        {matches.map((c, i) => (
          <li key={c.id} id={`cmd-${c.id}`} role="option" aria-selected={i === at} className={i === at ? 'active' : ''} onMouseDown={(e) => (e.preventDefault(), run(c))}>
            <span>{c.label}</span>
            {c.display && <kbd dir="ltr">{c.display}</kbd>}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
