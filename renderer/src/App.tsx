import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, getBridge } from './bridge';
import { useCommands } from './commands';
import { CommandPalette, ShortcutHelp } from './components/Overlays';
import { LANGUAGES, setLanguage, type Language } from './i18n';
import { useGlobalKeys } from './keyboard';
import { useLock, watchLock } from './lock';
import { AccountScreen } from './screens/AccountScreen';
import { AdminScreen } from './screens/AdminScreen';
import { AuditScreen } from './screens/AuditScreen';
import { InboxScreen } from './screens/InboxScreen';
import { LeadScreen } from './screens/LeadScreen';
import { LockScreen } from './screens/LockScreen';
import { NetworkBadge } from './screens/NetworkBadge';
import { SearchScreen } from './screens/SearchScreen';
import { SetupScreen, SignInScreen } from './screens/SessionScreens';
import { StatusScreen } from './screens/StatusScreen';
import { useDetail } from './stores/detail';
import { useInbox } from './stores/inbox';
import { useReveals } from './stores/reveals';
import { useSelection } from './stores/selection';
import { useLead } from './stores/lead';
import { useHeld, useHeldCount } from './stores/held';
import { useFormat } from './format';
import { useSession } from './stores/session';
import { useUi, type View } from './stores/ui';
import { useTeamLive } from './workflow/live';
import { NotificationsBell, PresenceSwitch } from './workflow/parts';

const NO_COMMANDS: ReturnType<typeof useCommands> = [];
const PENDING_REVEAL_POLL_MS = 3000;

export function App() {
  const session = useSession((s) => s.session);
  const commands = useCommands();
  const overlay = useUi((s) => s.overlay);
  const phase = useLock((s) => s.phase);
  useGlobalKeys(phase === 'open' ? commands : NO_COMMANDS);
  const signedInAs = session?.state === 'signed_in' ? (session.user?.id ?? null) : null;
  const mayReveal = session?.state === 'signed_in' && (session.user?.permissions.includes('reveal.request') ?? false);

  // Each sign-in picks up the person's own reveal requests again (signing out forgot them in this window).
  useEffect(() => {
    if (signedInAs !== null && mayReveal) void useReveals.getState().restore().catch(() => {});
  }, [signedInAs, mayReveal]);

  useEffect(() => {
    void setLanguage(useUi.getState().language);
    void useSession.getState().refresh().catch(() => {});
    // The lock (network gate, OS lock) empties every customer store and shows the lock screen (lock.ts).
    const offLocked = watchLock();
    const bridge = getBridge();
    const offChanged = bridge.on.inboxChanged(({ conversationIds, assignedToMe }) => {
      if (useSession.getState().session?.state !== 'signed_in') return;
      void useInbox.getState().changed(conversationIds).catch(() => {});
      const open = useSelection.getState().id;
      if (open !== null && conversationIds.includes(open)) void useDetail.getState().reload();
      // Main writes the notification's words from non-customer data; the page only says which conversation.
      for (const id of assignedToMe.slice(0, 5)) void call('notifyAssigned', { conversationId: id }).catch(() => {});
    });
    const tick = window.setInterval(() => useReveals.getState().expire(Date.now()), 1000);
    // A lead decides on another computer: the agent's waiting chips pick the answer up by themselves.
    const poll = window.setInterval(() => void useReveals.getState().pollPending(), PENDING_REVEAL_POLL_MS);
    return () => {
      offLocked();
      offChanged();
      window.clearInterval(tick);
      window.clearInterval(poll);
    };
  }, []);

  return (
    <div className="shell">
      <TopBar />
      <main className="content" id="main">
        {/* Nothing but the lock screen while locked, and nothing at all until main has said whether it is. */}
        {phase === 'locked' ? (
          <LockScreen />
        ) : phase === 'unknown' || !session ? null : session.state === 'setup' ? (
          <Outside>
            <SetupScreen />
          </Outside>
        ) : session.state !== 'signed_in' ? (
          <Outside>
            <SignInScreen locked={session.lockReason} />
          </Outside>
        ) : (
          <Workspace />
        )}
      </main>
      {phase === 'open' && overlay === 'help' && <ShortcutHelp commands={commands} />}
      {phase === 'open' && overlay === 'palette' && <CommandPalette commands={commands} />}
    </div>
  );
}

/** Before sign-in: the session screen, or the system status (public) for whoever is setting the machine up. */
function Outside(props: { children: React.ReactNode }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState(false);
  return (
    <div className="outside">
      {status ? <StatusScreen /> : props.children}
      <button type="button" className="link" onClick={() => setStatus(!status)} data-testid="toggle-status">
        {status ? t('status.back') : t('status.open')}
      </button>
    </div>
  );
}

/** Each view and the permission it needs; a user lands on the first one their role allows. */
const VIEWS: Array<[View, string]> = [
  ['inbox', 'conversations.read'],
  ['search', 'conversations.read'],
  // Before the team lead's reports: an administrator (who also reads reports) lands on Administration.
  ['admin', 'channels.manage'],
  ['lead', 'reports.read'],
  ['audit', 'audit.read'],
  ['account', 'session'],
];

/** How often a team lead's console asks for requests waiting for their approval (the nav shows the count). */
const APPROVALS_POLL_MS = 5000;

/** The view on screen: the one chosen if the role allows it, else the first allowed; set-up first if IT requires it. */
function shownView(view: View, can: (p: string) => boolean, mustEnrol: boolean): View {
  if (mustEnrol) return 'account';
  const allowed = VIEWS.filter(([, p]) => can(p)).map(([v]) => v);
  return view === 'status' || allowed.includes(view) ? view : (allowed[0] ?? 'status');
}

function Workspace() {
  const view = useUi((s) => s.view);
  const can = useSession((s) => s.can);
  const approver = can('reveal.approve');
  useEffect(() => {
    if (!approver) return;
    void useLead.getState().loadApprovals();
    const timer = window.setInterval(() => void useLead.getState().loadApprovals(), APPROVALS_POLL_MS);
    return () => window.clearInterval(timer);
  }, [approver]);
  const mustEnrol = useSession((s) => !!s.session?.twoFactor.mustEnrol);
  // Team mode only: presence, markers, SLA clocks and notifications (a single-seat console has none of these).
  const team = useSession((s) => !!s.session?.team);
  useTeamLive(team && can('conversations.read'));
  // Leads and administrators (the hub's held messages, or a single-seat console's own): the badge in the navigation.
  useHeldCount(can('workflow.manage'));
  const shown = shownView(view, can, mustEnrol);
  if (shown === 'account') return <AccountScreen />;
  if (shown === 'audit') return <AuditScreen />;
  if (shown === 'search') return <SearchScreen />;
  if (shown === 'lead') return <LeadScreen />;
  if (shown === 'admin') return <AdminScreen />;
  if (shown === 'inbox') return <InboxScreen />;
  return <StatusScreen />;
}

function TopBar() {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  const digits = useUi((s) => s.digits);
  const view = useUi((s) => s.view);
  const { go, setDigits } = useUi.getState();
  const session = useSession((s) => s.session);
  const can = useSession((s) => s.can);
  const choose = (lang: Language) => {
    useUi.getState().setLanguage(lang);
    void setLanguage(lang);
  };
  const signedIn = session?.state === 'signed_in';
  const shown = shownView(view, can, !!session?.twoFactor.mustEnrol);
  const waiting = useLead((s) => s.approvals.length + s.revealRequests.length);
  const held = useHeld((s) => s.count) ?? 0;
  // The held-messages tab lives under Administration for an administrator, on the Team lead screen for a lead.
  const heldView: View = can('channels.manage') ? 'admin' : 'lead';
  const f = useFormat();
  return (
    <header className="topbar">
      <h1>{t('app.name')}</h1>
      {signedIn ? (
        <nav aria-label={t('nav.label')} className="nav">
          {VIEWS.filter(([, p]) => can(p))
            .map(([v]) => (
              <button key={v} type="button" className={shown === v ? 'nav-item active' : 'nav-item'} aria-current={shown === v ? 'page' : undefined} onClick={() => go(v)} data-testid={`nav-${v}`}>
                {t(`nav.${v}`)}
                {v === 'lead' && waiting > 0 && (
                  <span className="badge-count" data-testid="nav-lead-count" aria-label={t('nav.waitingApprovals', { count: waiting, formattedCount: f.number(waiting) })}>
                    {f.number(waiting)}
                  </span>
                )}
                {v === heldView && held > 0 && (
                  <span className="badge-count badge-held" data-testid="nav-held-count" title={t('nav.heldCount', { count: held, formattedCount: f.number(held) })} aria-label={t('nav.heldCount', { count: held, formattedCount: f.number(held) })}>
                    {f.number(held)}
                  </span>
                )}
              </button>
            ))}
        </nav>
      ) : (
        <span className="tagline">{t('app.tagline')}</span>
      )}
      <NetworkBadge />
      <div className="topbar-end">
        <label className="language">
          {t('language.label')}
          <select value={language} onChange={(e) => choose(e.target.value as Language)} data-testid="language">
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </label>
        {language !== 'en' && (
          <label className="language">
            {t('digits.label')}
            <select value={digits} onChange={(e) => setDigits(e.target.value as 'native' | 'latn')} data-testid="digits">
              <option value="native">{t('digits.native')}</option>
              <option value="latn">{t('digits.latn')}</option>
            </select>
          </label>
        )}
        {signedIn && (
          <>
            <button type="button" className="link" onClick={() => useUi.getState().open('help')} aria-label={t('keys.help')}>
              <kbd>?</kbd>
            </button>
            {session.team && can('conversations.read') && (
              <>
                <PresenceSwitch />
                <NotificationsBell />
              </>
            )}
            <bdi className="whoami">{t('nav.signedInAs', { name: session.user?.name })}</bdi>
            <button type="button" onClick={() => void useSession.getState().signOut()} data-testid="sign-out">
              {t('nav.signOut')}
            </button>
          </>
        )}
      </div>
    </header>
  );
}
