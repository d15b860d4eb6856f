import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

/**
 * The pieces the administration lists share (canned replies, labels, people): the find box, the sentence after a
 * change, and the confirmation before a destructive action.
 */
export function FindField(props: { label: string; value: string; onChange(value: string): void; testId: string }) {
  return (
    <label className="field">
      {props.label}
      <input type="search" value={props.value} dir="auto" onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId} />
    </label>
  );
}

export function DoneNote(props: { text: string | null; testId: string }) {
  if (!props.text) return null;
  return (
    <p role="status" className="notice ok" data-testid={props.testId}>
      {props.text}
    </p>
  );
}

/** "Are you sure?" with Cancel and the action named on the danger button; `testId` and `${testId}-go` for tests. */
export function ConfirmDialog(props: { title: string; body: string; action: string; testId: string; onConfirm(): void; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={props.title} onClose={props.onClose} testId={props.testId}>
      <p>{props.body}</p>
      <div className="actions">
        <button type="button" onClick={props.onClose}>
          {t('conversation.cancel')}
        </button>
        <button
          type="button"
          className="primary danger"
          data-testid={`${props.testId}-go`}
          onClick={() => {
            props.onClose();
            props.onConfirm();
          }}
        >
          {props.action}
        </button>
      </div>
    </Dialog>
  );
}
