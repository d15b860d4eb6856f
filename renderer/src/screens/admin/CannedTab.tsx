import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../../main/ipc/contract';
import { call } from '../../bridge';
import { ConfirmDialog, DoneNote, FindField } from '../../components/ManagedList';
import { ErrorNote } from '../../components/Notice';
import { useLoad } from '../../hooks';
import { matchesCanned } from '../../text';

type Canned = ResponseOf<'listCannedReplies'>[number];
/** The variables main fills from masked data (main/ipc/console-services.ts, templateVariables). */
const VARIABLES = ['customer.firstName', 'customer.name', 'agent.name', 'channel.name'] as const;

const loadCanned = () => call('listCannedReplies', {});
const blank = { shortcut: '', title: '', body: '' };

/** The team's canned replies: find, create, edit (shortcut included), delete. Agents pick them in the composer. */
export function CannedTab() {
  const { t } = useTranslation();
  const { data, error, reload } = useLoad(loadCanned);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<number | null>(null);
  const [form, setForm] = useState(blank);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [deleting, setDeleting] = useState<Canned | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  const shown = (data ?? []).filter((c) => matchesCanned(c, filter));
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const insertVariable = (v: string) => {
    const el = body.current;
    const at = el?.selectionStart ?? form.body.length;
    const next = `${form.body.slice(0, at)}{{${v}}}${form.body.slice(el?.selectionEnd ?? at)}`;
    setForm({ ...form, body: next });
    el?.focus();
  };
  const startEdit = (c: Canned | null) => {
    setEditing(c?.id ?? null);
    setForm(c ? { shortcut: c.shortcut, title: c.title, body: c.body } : blank);
    setSaveError(null);
    setDone(null);
  };
  return (
    <div className="canned-admin" data-testid="canned-admin">
      <div className="stack">
        <ErrorNote error={error} />
        <FindField label={t('canned.find')} value={filter} onChange={setFilter} testId="canned-filter" />
        {data && data.length === 0 && <p className="muted">{t('canned.none')}</p>}
        <ul className="canned-list" data-testid="canned-list">
          {shown.map((c) => (
            <li key={c.id} className={editing === c.id ? 'card active' : 'card'} data-testid="canned-item" data-shortcut={c.shortcut}>
              <div className="canned-head">
                <code dir="auto">/{c.shortcut}</code> <strong dir="auto">{c.title}</strong>
              </div>
              <p className="canned-body muted" dir="auto">
                {c.body}
              </p>
              <div className="actions">
                <button type="button" onClick={() => startEdit(c)} data-testid="canned-edit">
                  {t('canned.edit')}
                </button>
                <button type="button" onClick={() => setDeleting(c)} data-testid="canned-delete">
                  {t('canned.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      </div>
      <form
        className="card stack"
        data-testid="canned-form"
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            const saved = await call('saveCannedReply', { ...(editing !== null ? { id: editing } : {}), ...form });
            setDone(t('canned.saved', { shortcut: saved.shortcut }));
            setEditing(null);
            setForm(blank);
            setSaveError(null);
            reload();
          } catch (err) {
            setDone(null);
            setSaveError(err);
          }
        }}
      >
        <h3>{editing === null ? t('canned.newTitle') : t('canned.editTitle')}</h3>
        <label className="field">
          {t('canned.shortcut')}
          <span className="inline">
            <span aria-hidden="true">/</span>
            <input value={form.shortcut} maxLength={32} dir="auto" spellCheck={false} onChange={set('shortcut')} data-testid="canned-shortcut" aria-describedby="shortcut-rule" />
          </span>
          <small id="shortcut-rule" className="muted">{t('canned.shortcutRule')}</small>
        </label>
        <label className="field">
          {t('canned.title')}
          <input value={form.title} maxLength={120} dir="auto" onChange={set('title')} data-testid="canned-title" />
        </label>
        <label className="field">
          {t('canned.body')}
          <textarea ref={body} rows={5} value={form.body} maxLength={4096} dir="auto" onChange={set('body')} data-testid="canned-body" />
        </label>
        <div className="quick" aria-label={t('canned.variables')}>
          <span className="muted">{t('canned.variables')}</span>
          {VARIABLES.map((v) => (
            <button key={v} type="button" className="pill" onClick={() => insertVariable(v)} title={t(`canned.variable.${v}`)}>
              {t(`canned.variable.${v}`)}
            </button>
          ))}
        </div>
        <ErrorNote error={saveError} />
        <DoneNote text={done} testId="canned-done" />
        <div className="actions">
          {editing !== null && (
            <button type="button" onClick={() => startEdit(null)}>
              {t('conversation.cancel')}
            </button>
          )}
          <button type="submit" className="primary" disabled={!form.shortcut.trim() || !form.title.trim() || !form.body.trim()} data-testid="canned-save">
            {t('canned.save')}
          </button>
        </div>
      </form>
      {deleting && (
        <ConfirmDialog
          title={t('canned.deleteTitle', { shortcut: deleting.shortcut })}
          body={t('canned.deleteBody')}
          action={t('canned.delete')}
          testId="canned-confirm"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            const c = deleting;
            try {
              await call('deleteCannedReply', { id: c.id });
              if (editing === c.id) startEdit(null);
              reload();
            } catch (err) {
              setSaveError(err);
            }
          }}
        />
      )}
    </div>
  );
}
