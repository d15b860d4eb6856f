import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../main/ipc/contract';
import { REPLY_LIMITS, REPLY_TEXT_MAX_UNITS, replyLength } from '../../../main/ipc/vocabulary';
import { CannedPicker, slashQuery } from '../components/CannedPicker';
import { ErrorNote } from '../components/Notice';
import { call } from '../bridge';
import { useComposer } from '../stores/composer';
import type { Detail } from '../stores/detail';
import { useFormat } from '../format';
import { useSession } from '../stores/session';
import { useUi } from '../stores/ui';
import { HeldReply } from '../workflow/HeldReply';
import { sawEverything, useWritingMarker } from '../workflow/live';

type Canned = ResponseOf<'listCannedReplies'>[number];

/**
 * The reply box. The outbound guard's verdict is fetched as the agent pauses typing and shown before sending;
 * a customer message that arrives after the draft began blocks sending until the agent has read it.
 */
export function Composer({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const composer = useComposer((s) => s.composer);
  const { setDraft, check, send, acknowledgeNewer, setHumanAgentTag, askApproval, checkApproval } = useComposer.getState();
  const canReply = useSession((s) => s.can('messages.send'));
  const team = useSession((s) => !!s.session?.team);
  const input = useRef<HTMLTextAreaElement>(null);
  const focus = useUi((s) => s.focusRequest);
  // The guard explains in the interface's language, so a change of language asks again.
  const language = useUi((s) => s.language);
  const [canned, setCanned] = useState<Canned[]>([]);
  const [missing, setMissing] = useState<string[]>([]);
  const [cannedError, setCannedError] = useState<unknown>(null);
  const [pickerOpen, setPickerOpen] = useState(false);
  const slash = slashQuery(composer.draft);
  const pickerKeys = useRef<((e: React.KeyboardEvent) => boolean) | null>(null);

  useEffect(() => {
    if (focus?.target === 'composer') input.current?.focus();
  }, [focus]);
  // Fetched again for each conversation, so replies the administrator just wrote are there without a restart.
  const conversationId = detail.summary.id;
  useWritingMarker(conversationId, composer.draft, team && canReply);
  useEffect(() => {
    if (canReply) call('listCannedReplies', {}).then(setCanned, () => setCanned([]));
  }, [canReply, conversationId]);
  useEffect(() => {
    if (!composer.draft.trim()) return;
    const timer = window.setTimeout(() => void check(), 350);
    return () => window.clearTimeout(timer);
  }, [composer.draft, language, check]);

  const waiting = composer.approval?.state === 'pending';
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => void checkApproval(), 3000);
    return () => window.clearInterval(timer);
  }, [waiting, checkApproval]);

  if (!canReply) return <p className="muted">{t('composer.readOnly')}</p>;
  const window_ = detail.replyWindow;
  if (window_.kind === 'closed') return <p className="notice warn" data-testid="window-closed">{t('composer.windowClosed')}</p>;

  const verdict = composer.verdict;
  const approval = composer.approval?.text === composer.draft ? composer.approval : null;
  const approved = approval?.state === 'approved' && approval.token !== null;
  const tooLong = lengthOf(detail.summary.channelKind, composer.draft)?.over ?? false;
  const blocked = tooLong || (verdict?.verdict === 'block' && !approved) || composer.newerArrived || !!composer.held || (window_.kind === 'human_agent' && !composer.humanAgentTag);
  const submit = () => {
    if (!blocked) void send().then((ok) => ok && input.current?.focus());
  };
  const insertCanned = async (id: number) => {
    setPickerOpen(false);
    try {
      const filled = await call('fillCannedReply', { conversationId: detail.summary.id, cannedReplyId: id });
      // A "/word" draft was only the search: the reply replaces it.
      const kept = slash !== null ? '' : composer.draft;
      setDraft(kept ? `${kept}\n${filled.text}` : filled.text);
      setMissing(filled.missing);
      input.current?.focus();
    } catch (e) {
      setCannedError(e);
    }
  };

  return (
    <form
      className="composer"
      aria-label={t('composer.label')}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <HeldReply detail={detail} />
      {composer.newerArrived && (
        <div className="notice warn" role="alert" data-testid="newer-block">
          {t('composer.newer')}
          <button type="button" onClick={() => (acknowledgeNewer(), team && sawEverything(conversationId))} data-testid="newer-ack">
            {t('composer.newerAck')}
          </button>
        </div>
      )}
      <textarea
        ref={input}
        dir="auto"
        rows={3}
        maxLength={REPLY_TEXT_MAX_UNITS}
        value={composer.draft}
        placeholder={t('composer.placeholder')}
        aria-label={t('composer.label')}
        data-testid="composer"
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          // During a "/word" search the picker's keys act on its list while the caret stays in the draft.
          if (slash !== null && pickerKeys.current?.(e)) return;
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <Length kind={detail.summary.channelKind} draft={composer.draft} />
      <Verdict checking={composer.checking} verdict={verdict} hasDraft={!!composer.draft.trim()} />
      {verdict?.verdict === 'block' && (
        <div className="approval" data-testid="approval" data-state={approval?.state ?? 'none'}>
          {!approval && verdict.approvable && (
            <button type="button" onClick={() => void askApproval()} data-testid="ask-approval">
              {t('composer.approval.ask')}
            </button>
          )}
          {approval?.state === 'pending' && (
            <p className="muted" role="status">
              {t('composer.approval.pending')}{' '}
              <button type="button" className="link" onClick={() => void checkApproval()} data-testid="check-approval">
                {t('composer.approval.check')}
              </button>
            </p>
          )}
          {approved && <p className="notice ok" role="status">{t('composer.approval.approved')}</p>}
          {approval?.state === 'declined' && <p className="notice warn" role="alert">{t('composer.approval.declined')}</p>}
        </div>
      )}
      {missing.length > 0 && <p className="notice warn">{t('composer.missing', { names: missing.join(', ') })}</p>}
      <div className="composer-actions">
        <CannedPicker
          replies={canned}
          query={slash}
          open={pickerOpen || (slash !== null && canned.length > 0)}
          onOpen={() => setPickerOpen(true)}
          onClose={() => (setPickerOpen(false), slash !== null && setDraft(''))}
          onPick={(id) => void insertCanned(id)}
          keysRef={pickerKeys}
        />
        {window_.kind === 'human_agent' && (
          <label className="inline">
            <input type="checkbox" checked={composer.humanAgentTag} onChange={(e) => setHumanAgentTag(e.target.checked)} data-testid="human-agent-tag" />
            {t('window.tag')}
          </label>
        )}
        <button type="submit" className="primary" disabled={blocked || composer.sending || !composer.draft.trim()} data-testid="send">
          {composer.sending ? t('composer.sending') : t('composer.send')}
        </button>
      </div>
      <ErrorNote error={composer.error ?? cannedError} onDismiss={() => setCannedError(null)} />
    </form>
  );
}

/** The draft's length as its platform counts it, or null for a kind with no platform limit. */
function lengthOf(kind: Detail['summary']['channelKind'], draft: string) {
  const limit = REPLY_LIMITS[kind];
  if (!limit) return null;
  const count = replyLength(draft, limit.unit);
  return { ...limit, count, over: count > limit.max };
}

/** Shown from 80% of the platform's limit; past it, the sentence that says the limit (and sending is blocked). */
function Length({ kind, draft }: { kind: Detail['summary']['channelKind']; draft: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const l = lengthOf(kind, draft);
  if (!l || l.count < l.max * 0.8) return null;
  const words = { platform: t(`channelKind.${kind}`), max: f.number(l.max), count: f.number(l.count), unit: t(`composer.unit.${l.unit}`) };
  return l.over ? (
    <p className="notice warn" role="alert" data-testid="reply-too-long">
      {t('composer.tooLong', words)}
    </p>
  ) : (
    <p className="muted" role="status" data-testid="reply-length">
      {t('composer.length', words)}
    </p>
  );
}

function Verdict(props: { checking: boolean; verdict: ResponseOf<'checkReply'> | null; hasDraft: boolean }) {
  const { t } = useTranslation();
  if (!props.hasDraft) return null;
  if (props.checking && !props.verdict) return <p className="verdict muted">{t('composer.checking')}</p>;
  const v = props.verdict;
  if (!v) return null;
  return (
    <div className={`verdict verdict-${v.verdict}`} data-testid="verdict" data-verdict={v.verdict} role={v.verdict === 'block' ? 'alert' : 'status'}>
      <strong>{t(`composer.verdict.${v.verdict}`)}</strong>
      {v.findings.length > 0 && (
        <ul>
          {v.findings.map((f) => (
            <li key={f.code}>{f.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
