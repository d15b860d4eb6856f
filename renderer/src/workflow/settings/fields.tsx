import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { WORKFLOW_LIMITS } from '../../../../main/ipc/vocabulary';
import { BridgeError } from '../../bridge';
import { ErrorNote } from '../../components/Notice';
import { useFormat } from '../../format';
import { toLatinDigits } from '../../text';
import type { WorkflowSettings } from './WorkflowTab';

/** The fields the settings screens name in a sentence when the contract refuses them. */
const FIELDS = [
  'mode',
  'capacity',
  'returnAfterMinutes',
  'firstResponseMinutes',
  'nextResponseMinutes',
  'resolutionMinutes',
  'timeZone',
  'weekend',
  'hours',
  'days',
  'holidays',
  'en',
  'ar',
  'fa',
  'texts',
] as const;
export type Field = (typeof FIELDS)[number];

/** The bounds a field's sentence states (the same ones the contract's schemas check). */
const BOUNDS: Partial<Record<Field, { min: number; max: number }>> = {
  capacity: WORKFLOW_LIMITS.capacity,
  returnAfterMinutes: WORKFLOW_LIMITS.returnAfterMinutes,
  firstResponseMinutes: WORKFLOW_LIMITS.slaMinutes,
  nextResponseMinutes: WORKFLOW_LIMITS.slaMinutes,
  resolutionMinutes: WORKFLOW_LIMITS.slaMinutes,
  en: WORKFLOW_LIMITS.noticeText,
  ar: WORKFLOW_LIMITS.noticeText,
  fa: WORKFLOW_LIMITS.noticeText,
};

/**
 * The fields a refusal names: a `bad_request`'s issue paths ("rule.capacity", "calendar.hours.0", "texts.ar") give
 * the field each is about; anything else is not about a field (the hub out of reach, a calendar whose spans overlap).
 */
export function refusedFields(e: unknown): Field[] {
  if (!(e instanceof BridgeError) || e.error.code !== 'bad_request' || !e.error.issues) return [];
  const out = new Set<Field>();
  for (const issue of e.error.issues) {
    const parts = issue.path.split('.');
    const field = [...parts].reverse().find((p): p is Field => (FIELDS as readonly string[]).includes(p));
    if (field) out.add(field);
  }
  return [...out];
}

/**
 * What a person typed in a whole-number field: the number (Arabic-Indic and Persian digits read too), null when
 * empty, undefined when it is not a whole number at all (the form names that field without asking main).
 */
export function wholeOrEmpty(text: string): number | null | undefined {
  const s = toLatinDigits(text).trim();
  if (s === '') return null;
  return /^\d{1,9}$/.test(s) ? Number(s) : undefined;
}

/** A whole number shown back in the person's digits; empty for null. */
export function useShowWhole(): (n: number | null) => string {
  const f = useFormat();
  return (n) => (n === null ? '' : f.number(n).replace(/[,٬،\s]/gu, ''));
}

/** The sentence under a field the contract refused: it names the field and says what it takes, in the person's digits. */
export function FieldError(props: { field: Field; refused: readonly Field[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!props.refused.includes(props.field)) return null;
  const b = BOUNDS[props.field];
  return (
    <small role="alert" className="field-error" data-testid={`invalid-${props.field}`}>
      {t(`workflow.settings.invalid.${props.field}`, b ? { min: f.number(b.min), max: f.number(b.max) } : {})}
    </small>
  );
}

/** One save at a time for a settings form: the fields a refusal names, any other error, and the line saying it worked. */
export function useSave() {
  const { t } = useTranslation();
  const [refused, setRefused] = useState<Field[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Fields found wrong before asking main (not a number at all). */
  const refuse = (fields: Field[]) => {
    setRefused(fields);
    setError(null);
    setDone(null);
  };
  const run = async (save: () => Promise<string>) => {
    setBusy(true);
    setDone(null);
    try {
      setDone(await save());
      setRefused([]);
      setError(null);
    } catch (e) {
      const fields = refusedFields(e);
      setRefused(fields);
      setError(fields.length ? null : e);
    } finally {
      setBusy(false);
    }
  };
  const status = (
    <>
      <ErrorNote error={error} />
      {refused.length > 0 && (
        <p role="alert" className="notice error" data-testid="settings-refused">
          {t('workflow.settings.fixFields')}
        </p>
      )}
      {done && (
        <p role="status" className="notice ok" data-testid="settings-done">
          {done}
        </p>
      )}
    </>
  );
  return { refused, busy, run, refuse, status };
}

type Channel = WorkflowSettings['channels'][number];

/**
 * The settings kept per channel (its rule, its consent notice): a channel picker above the chosen channel's form,
 * which mounts again on a switch so it starts from what the hub holds for that channel.
 */
export function PerChannel(props: { channels: Channel[]; testId: string; pickerTestId: string; children(channel: Channel): ReactNode }) {
  const { t } = useTranslation();
  const [channelId, setChannelId] = useState(props.channels[0]?.channelId ?? '');
  const channel = props.channels.find((c) => c.channelId === channelId);
  if (!channel) return <p className="muted">{t('workflow.settings.noChannels')}</p>;
  return (
    <div className="stack" data-testid={props.testId}>
      <label className="field">
        {t('workflow.settings.channel')}
        <select value={channelId} onChange={(e) => setChannelId(e.target.value)} data-testid={props.pickerTestId}>
          {props.channels.map((c) => (
            <option key={c.channelId} value={c.channelId}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      {props.children(channel)}
    </div>
  );
}
