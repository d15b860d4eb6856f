import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentDto } from '../../../main/ipc/console-contract';
import type { Command } from '../keyboard';
import { useInbox } from '../stores/inbox';
import { useSearch } from '../stores/search';
import { useSession } from '../stores/session';
import { useUi } from '../stores/ui';
import { foldText } from '../text';
import { Dialog } from './Dialog';
import { useSelection } from '../stores/selection';

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
  const items = useInbox((s) => s.items);
  const canRead = useSession((s) => s.can('conversations.read'));
  const matches = useMemo(() => {
    const words = foldText(text).split(/\s+/).filter(Boolean);
    const hit = (hay: string) => words.every((w) => foldText(hay).includes(w));
    const commands = props.commands.filter((c) => c.enabled !== false && c.id !== 'palette' && c.id !== 'close' && hit(c.label));
    if (!words.length || !canRead) return commands;
    // People and conversations: the customers of the loaded conversations by their (masked) name, then a message search.
    const conversations: Command[] = items
      .filter((i) => hit(`${plainText(i.contactName)} ${i.channelName}`))
      .slice(0, 8)
      .map((i) => ({
        id: `conversation-${i.id}`,
        label: t('keys.openConversation', { name: plainText(i.contactName) || t('inbox.unknownContact'), channel: i.channelName }),
        run: () => {
          useUi.getState().go('inbox');
          useSelection.getState().select(i.id);
        },
      }));
    const search: Command = {
      id: 'search-text',
      label: t('keys.searchFor', { text: text.trim() }),
      run: () => {
        useSearch.getState().setQuery({ query: text.trim() });
        useUi.getState().go('search');
        void useSearch.getState().run();
      },
    };
    return [...conversations, ...commands, search];
  }, [text, props.commands, items, canRead, t]);
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
          <li key={c.id} id={`cmd-${c.id}`} data-testid="palette-item" data-id={c.id} role="option" aria-selected={i === at} className={i === at ? 'active' : ''} onMouseDown={(e) => (e.preventDefault(), run(c))}>
            <span>{c.label}</span>
            {c.display && <kbd dir="ltr">{c.display}</kbd>}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}

/** The plain text of masked segments: field chips become nothing (a name never shows a masked value's hint here). */
function plainText(segments: SegmentDto[]): string {
  return segments
    .map((x) => (x.kind === 'text' ? x.text : ''))
    .join('')
    .trim();
}
