import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from './bridge';
import { LANGUAGES, setLanguage } from './i18n';
import type { Command } from './keyboard';
import { useDetail } from './stores/detail';
import { useInbox } from './stores/inbox';
import { useSession } from './stores/session';
import { useUi } from './stores/ui';

/** Every frequent action, with its shortcut: the keyboard handler, the `?` overlay and the palette share this list. */
export function useCommands(): Command[] {
  const { t } = useTranslation();
  const session = useSession((s) => s.session);
  const view = useUi((s) => s.view);
  const openId = useDetail((s) => s.detail?.summary.id ?? null);
  return useMemo(() => {
    if (session?.state !== 'signed_in') return [];
    const can = (p: string) => session.user?.permissions.includes(p) ?? false;
    const ui = useUi.getState();
    const inInbox = view === 'inbox';
    const act = (f: (id: number) => Promise<unknown>) => () => {
      const id = useDetail.getState().detail?.summary.id;
      if (id === undefined) return;
      f(id).then(
        (summary) => summary && typeof summary === 'object' && 'status' in summary && useDetail.getState().applySummary(summary as never),
        () => {},
      );
    };
    const all: Command[] = [
      { id: 'next', label: t('keys.next'), keys: 'KeyJ', display: 'J', run: () => (ui.go('inbox'), useInbox.getState().step(1)) },
      { id: 'prev', label: t('keys.prev'), keys: 'KeyK', display: 'K', run: () => (ui.go('inbox'), useInbox.getState().step(-1)) },
      { id: 'reply', label: t('keys.reply'), keys: 'KeyR', display: 'R', enabled: inInbox && openId !== null && can('messages.send'), run: () => ui.requestFocus('composer') },
      { id: 'resolve', label: t('keys.resolve'), keys: 'KeyE', display: 'E', enabled: inInbox && openId !== null && can('conversations.write'), run: act((id) => call('setConversationStatus', { conversationId: id, status: 'resolved' })) },
      { id: 'pending', label: t('keys.pending'), keys: 'KeyP', display: 'P', enabled: inInbox && openId !== null && can('conversations.write'), run: act((id) => call('setConversationStatus', { conversationId: id, status: 'pending' })) },
      { id: 'snooze', label: t('keys.snooze'), keys: 'KeyS', display: 'S', enabled: inInbox && openId !== null && can('conversations.write'), run: act((id) => call('setConversationStatus', { conversationId: id, status: 'snoozed', snoozeUntil: Date.now() + 3_600_000 })) },
      { id: 'assign', label: t('keys.assignMe'), keys: 'KeyA', display: 'A', enabled: inInbox && openId !== null && can('conversations.write'), run: act((id) => call('assignConversation', { conversationId: id, assignee: 'me' })) },
      { id: 'note', label: t('keys.note'), keys: 'KeyN', display: 'N', enabled: inInbox && openId !== null, run: () => ui.requestFocus('note') },
      { id: 'label', label: t('keys.label'), keys: 'KeyL', display: 'L', enabled: inInbox && openId !== null, run: () => ui.requestFocus('labels') },
      { id: 'search', label: t('keys.search'), keys: 'Slash', display: '/', enabled: can('conversations.read'), run: () => (ui.go('search'), ui.requestFocus('search')) },
      { id: 'mine', label: t('keys.scopeMine'), keys: 'Digit1', display: '1', run: () => (ui.go('inbox'), useInbox.getState().setFilter({ scope: 'mine' })) },
      { id: 'unassigned', label: t('keys.scopeUnassigned'), keys: 'Digit2', display: '2', run: () => (ui.go('inbox'), useInbox.getState().setFilter({ scope: 'unassigned' })) },
      { id: 'all', label: t('keys.scopeAll'), keys: 'Digit3', display: '3', run: () => (ui.go('inbox'), useInbox.getState().setFilter({ scope: 'all' })) },
      { id: 'palette', label: t('keys.palette'), keys: 'Mod+KeyK', display: 'Ctrl/⌘ K', run: () => ui.open(useUi.getState().overlay === 'palette' ? null : 'palette') },
      { id: 'help', label: t('keys.help'), keys: 'Shift+Slash', display: '?', run: () => ui.open('help') },
      { id: 'close', label: t('keys.close'), keys: 'Escape', display: 'Esc', run: () => {
        if (useUi.getState().overlay) ui.open(null);
        else (document.activeElement as HTMLElement | null)?.blur?.();
      } },
      { id: 'send', label: t('keys.send'), display: 'Ctrl/⌘ Enter', enabled: false, run: () => {} },
      { id: 'go-inbox', label: t('keys.goInbox'), run: () => ui.go('inbox') },
      ...(can('reports.read') ? [{ id: 'go-lead', label: t('keys.goLead'), run: () => ui.go('lead') }] : []),
      ...(can('channels.manage') ? [{ id: 'go-admin', label: t('keys.goAdmin'), run: () => ui.go('admin') }] : []),
      ...LANGUAGES.map((l) => ({
        id: `lang-${l}`,
        label: t('keys.switchLanguage', { language: t(`language.${l}`) }),
        run: () => {
          useUi.getState().setLanguage(l);
          void setLanguage(l);
        },
      })),
    ];
    return all;
  }, [t, session, view, openId]);
}
