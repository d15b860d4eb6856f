import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { ErrorNote } from '../../components/Notice';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks';
import { FieldError, PerChannel, useSave } from './fields';
import type { WorkflowSettings } from './WorkflowTab';

type Channel = WorkflowSettings['channels'][number];
const LANGUAGES = ['en', 'ar', 'fa'] as const;

/** A channel's consent notice on first contact: a new version per change, its text per language; the versions kept. */
export function ConsentEditor(props: { channels: Channel[] }) {
  return (
    <PerChannel channels={props.channels} testId="consent-editor" pickerTestId="consent-channel">
      {(c) => <Notices key={c.channelId} channelId={c.channelId} />}
    </PerChannel>
  );
}

function Notices(props: { channelId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { data, error, reload } = useLoad(useCallback(() => call('consentNotices', { channelId: props.channelId }), [props.channelId]));
  const latest = data?.notices.at(-1);
  return (
    <>
      <ErrorNote error={error} />
      {/* Mounted once the versions are in: it starts from the newest, and keeps what was typed after publishing it. */}
      {data && <NoticeForm channelId={props.channelId} start={latest?.texts ?? {}} published={reload} />}
      <h3>{t('workflow.settings.versions')}</h3>
      {data?.notices.length === 0 && <p className="muted">{t('workflow.settings.noNotice')}</p>}
      <ol className="stack" data-testid="consent-versions">
        {[...(data?.notices ?? [])].reverse().map((n) => (
          <li key={n.version} className="card" data-testid="consent-version" data-version={n.version}>
            <p className="muted">{t('workflow.settings.version', { version: f.number(n.version), time: f.dateTime(n.createdAt), by: n.createdBy })}</p>
            {LANGUAGES.filter((l) => n.texts[l]).map((l) => (
              <p key={l} lang={l} dir="auto">
                <strong>{t(`workflow.settings.languages.${l}`)}:</strong> <bdi>{n.texts[l]}</bdi>
              </p>
            ))}
          </li>
        ))}
      </ol>
    </>
  );
}

function NoticeForm(props: { channelId: string; start: Partial<Record<(typeof LANGUAGES)[number], string>>; published: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [texts, setTexts] = useState(() => Object.fromEntries(LANGUAGES.map((l) => [l, props.start[l] ?? ''])) as Record<(typeof LANGUAGES)[number], string>);
  const { refused, busy, run, status } = useSave();
  return (
    <form
      className="card stack"
      data-testid="consent-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const written = Object.fromEntries(LANGUAGES.filter((l) => texts[l].trim()).map((l) => [l, texts[l]]));
          const { version } = await call('publishConsentNotice', { channelId: props.channelId, texts: written });
          props.published();
          return t('workflow.settings.published', { version: f.number(version) });
        });
      }}
    >
      {LANGUAGES.map((l) => (
        <label className="field" key={l}>
          {t('workflow.settings.noticeIn', { language: t(`workflow.settings.languages.${l}`) })}
          <textarea lang={l} dir={l === 'en' ? 'ltr' : 'rtl'} rows={3} value={texts[l]} onChange={(e) => setTexts({ ...texts, [l]: e.target.value })} data-testid={`consent-${l}`} />
          <FieldError field={l} refused={refused} />
        </label>
      ))}
      <FieldError field="texts" refused={refused} />
      {status}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="consent-publish">
          {t('workflow.settings.publish')}
        </button>
      </div>
    </form>
  );
}
