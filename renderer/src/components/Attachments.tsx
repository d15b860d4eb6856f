import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../stores/detail';
import { call } from '../bridge';
import { useFormat } from '../format';
import { ErrorNote } from './Notice';
import { Segments } from './Segments';

type Attachment = NonNullable<Message['attachments']>[number];

/**
 * A message's files as metadata. Main fetches one only when asked (audited): a picture comes back as checked bytes
 * and is drawn here as a data URL; any other file goes straight from main to the save dialog, never through the page.
 */
export function Attachments({ messageId, attachments }: { messageId: number; attachments: Attachment[] }) {
  return (
    <ul className="attachments" data-testid="attachments">
      {attachments.map((a) => (
        <AttachmentItem key={a.index} messageId={messageId} a={a} />
      ))}
    </ul>
  );
}

function AttachmentItem({ messageId, a }: { messageId: number; a: Attachment }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [image, setImage] = useState<string | null>(null);
  const [saved, setSaved] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const picture = a.kind === 'photo' || a.kind === 'sticker' || (a.mimeType ?? '').startsWith('image/');
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const show = () =>
    run(async () => {
      const r = await call('showAttachment', { messageId, index: a.index });
      setImage(`data:${r.mimeType};base64,${r.dataBase64}`);
    });
  const save = () => run(async () => setSaved((await call('saveAttachment', { messageId, index: a.index })).saved));
  return (
    <li className="attachment" data-testid="attachment" data-kind={a.kind}>
      <span className="attachment-kind">{t(`attachment.kind.${a.kind}`)}</span>
      {a.name.length > 0 && (
        <span className="attachment-name" dir="auto">
          <Segments segments={a.name} />
        </span>
      )}
      {a.size !== null && <span className="attachment-size">{t('attachment.size', { kb: f.number(Math.max(1, Math.round(a.size / 1024))) })}</span>}
      {!a.fetchable && <span className="note">{t('attachment.notFetchable')}</span>}
      {a.fetchable && (
        <span className="attachment-actions">
          {picture && !image && (
            <button type="button" className="link" disabled={busy} onClick={show} data-testid="attachment-show">
              {t('attachment.show')}
            </button>
          )}
          <button type="button" className="link" disabled={busy} onClick={save} data-testid="attachment-save">
            {t('attachment.save')}
          </button>
          {saved !== null && (
            <span className="note" role="status" data-testid="attachment-saved">
              {t(saved ? 'attachment.saved' : 'attachment.notSaved')}
            </span>
          )}
        </span>
      )}
      {image && <img className="attachment-image" src={image} alt={t(`attachment.kind.${a.kind}`)} data-testid="attachment-image" />}
      {error !== null && <ErrorNote error={error} />}
    </li>
  );
}
