import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../../main/ipc/contract';
import { call } from '../../bridge';
import { ConfirmDialog, DoneNote, FindField } from '../../components/ManagedList';
import { ErrorNote } from '../../components/Notice';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks';
import { useInbox } from '../../stores/inbox';
import { foldText } from '../../text';

type Label = ResponseOf<'listLabels'>[number];

const loadLabels = () => call('listLabels', {});

/** The team's label list (leads and administrators keep it): create, rename, delete. Agents pick from it. */
export function LabelsTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const { data, error, reload } = useLoad(loadLabels);
  const [filter, setFilter] = useState('');
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: number; name: string } | null>(null);
  const [deleting, setDeleting] = useState<Label | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const words = foldText(filter);
  const shown = (data ?? []).filter((l) => foldText(l.name).includes(words));
  // The inbox's label filter and counts come from the same list: refresh them after a change.
  const changed = (message: string) => {
    setDone(message);
    setActionError(null);
    reload();
    const inbox = useInbox.getState();
    if (inbox.counts) void inbox.refreshMeta().catch(() => {});
  };
  // A refusal may come from someone else's change at the same time (a name taken, a label deleted): show the list as it is.
  const failed = (err: unknown) => {
    setDone(null);
    setActionError(err);
    reload();
  };
  return (
    <div className="labels-admin stack" data-testid="labels-admin">
      <ErrorNote error={error} />
      <form
        className="actions start"
        data-testid="label-new"
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            const saved = await call('saveLabel', { name });
            setName('');
            changed(t('labels.created', { name: saved.name }));
          } catch (err) {
            failed(err);
          }
        }}
      >
        <label className="field">
          {t('labels.newName')}
          <input value={name} maxLength={64} dir="auto" onChange={(e) => setName(e.target.value)} data-testid="label-new-name" />
        </label>
        <button type="submit" className="primary" disabled={!name.trim()} data-testid="label-create">
          {t('labels.create')}
        </button>
      </form>
      <ErrorNote error={actionError} />
      <DoneNote text={done} testId="labels-done" />
      <FindField label={t('labels.find')} value={filter} onChange={setFilter} testId="labels-filter" />
      {data && (
        <p className="muted" data-testid="labels-count">
          {data.length === 0 ? t('labels.none') : t('labels.count', { count: data.length, formattedCount: f.number(data.length) })}
        </p>
      )}
      <ul className="label-list" data-testid="labels-list">
        {shown.map((l) => (
          <li key={l.id} className="card" data-testid="label-item" data-name={l.name}>
            {renaming?.id === l.id ? (
              <form
                className="actions start"
                onSubmit={async (e) => {
                  e.preventDefault();
                  try {
                    const saved = await call('saveLabel', { id: l.id, name: renaming.name });
                    setRenaming(null);
                    changed(t('labels.renamed', { from: l.name, name: saved.name }));
                  } catch (err) {
                    failed(err);
                  }
                }}
              >
                <label className="field">
                  <span className="visually-hidden">{t('labels.newNameFor', { name: l.name })}</span>
                  <input
                    value={renaming.name}
                    maxLength={64}
                    dir="auto"
                    autoFocus
                    onChange={(e) => setRenaming({ id: l.id, name: e.target.value })}
                    onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
                    data-testid="label-rename-input"
                  />
                </label>
                <button type="button" onClick={() => setRenaming(null)}>
                  {t('conversation.cancel')}
                </button>
                <button type="submit" className="primary" disabled={!renaming.name.trim()} data-testid="label-rename-save">
                  {t('labels.save')}
                </button>
              </form>
            ) : (
              <div className="actions between">
                <span className="pill" dir="auto">
                  {l.name}
                </span>
                <span className="actions">
                  <button type="button" onClick={() => setRenaming({ id: l.id, name: l.name })} data-testid="label-rename">
                    {t('labels.rename')}
                  </button>
                  <button type="button" onClick={() => setDeleting(l)} data-testid="label-delete">
                    {t('labels.delete')}
                  </button>
                </span>
              </div>
            )}
          </li>
        ))}
      </ul>
      {deleting && (
        <ConfirmDialog
          title={t('labels.deleteTitle', { name: deleting.name })}
          body={t('labels.deleteBody')}
          action={t('labels.delete')}
          testId="label-confirm"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            const l = deleting;
            try {
              await call('deleteLabel', { id: l.id });
              if (renaming?.id === l.id) setRenaming(null);
              changed(t('labels.deleted', { name: l.name }));
            } catch (err) {
              failed(err);
            }
          }}
        />
      )}
    </div>
  );
}
