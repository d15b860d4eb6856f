import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentDto } from '../../../main/ipc/console-contract';
import { useFormat } from '../format';
import { useNow } from '../hooks';
import { revealKey, useReveals } from '../stores/reveals';
import { RevealDialog } from './RevealDialog';
import { NEVER_REVEALABLE } from '../../../main/ipc/vocabulary';
import { isolatedRuns } from '../text';

/**
 * Draws text that main already split into segments: text runs (search matches marked) and masked fields as chips.
 * Chips show type and hint only; with a `messageId` and reveal rights they offer a reason-gated reveal.
 */
export function Segments(props: { segments: SegmentDto[]; messageId?: number; canReveal?: boolean }) {
  return (
    <>
      {props.segments.map((s, i) =>
        s.kind === 'text' ? (
          s.match ? (
            <mark key={i}>
              <Isolated text={s.text} />
            </mark>
          ) : (
            <span key={i}>
              <Isolated text={s.text} />
            </span>
          )
        ) : (
          <FieldChip key={i} type={s.type} hint={s.hint} fieldIndex={s.fieldIndex} messageId={props.messageId} canReveal={props.canReveal} />
        ),
      )}
    </>
  );
}

/** Order numbers and references inside right-to-left text, isolated so they keep their own order. */
function Isolated({ text }: { text: string }) {
  return (
    <>
      {isolatedRuns(text).map((r, i) =>
        r.isolate ? (
          <bdi key={i} dir="ltr">
            {r.text}
          </bdi>
        ) : (
          r.text
        ),
      )}
    </>
  );
}

function FieldChip(props: { type: string; hint: string; fieldIndex: number; messageId?: number; canReveal?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [asking, setAsking] = useState(false);
  const key = props.messageId !== undefined ? revealKey(props.messageId, props.fieldIndex) : '';
  const revealed = useReveals((s) => (key ? s.reveals[key] : undefined));
  const hide = useReveals((s) => s.hide);
  const pending = useReveals((s) => (key ? s.pending[key] : undefined));
  const checkPending = useReveals((s) => s.checkPending);
  const declined = useReveals((s) => (key ? s.declined[key] : undefined));
  const typeLabel = t(`fields.${props.type}`, { defaultValue: t('fields.OTHER') });

  if (revealed) {
    return (
      <span className="chip revealed" data-testid="chip-revealed">
        <bdi dir="ltr" className="chip-value">{revealed.value}</bdi>
        <Countdown expiresAt={revealed.expiresAt} format={f.clock} label={(time) => t('fields.hidesIn', { time })} />
        <button type="button" className="chip-hide" onClick={() => hide(key)} aria-label={t('fields.hide')}>
          ×
        </button>
      </span>
    );
  }
  const label = (props.canReveal ? t('fields.chipLabel', { type: typeLabel, hint: props.hint }) : t('fields.maskedLabel', { type: typeLabel, hint: props.hint }));
  const body = (
    <>
      <span className="chip-type">{typeLabel}</span>
      <bdi dir="ltr" className="chip-hint">{props.hint}</bdi>
    </>
  );
  if (props.canReveal && (NEVER_REVEALABLE as readonly string[]).includes(props.type)) {
    // The core refuses these to everyone; asking for a reason first would only end in that refusal.
    return (
      <span className="chip never" role="img" aria-label={t('fields.neverLabel', { type: typeLabel, hint: props.hint })} data-testid="chip-never">
        {body}
        <span className="chip-countdown">{t('fields.never')}</span>
      </span>
    );
  }
  if (pending && props.canReveal) {
    return (
      <button type="button" className="chip waiting" data-testid="chip-waiting" onClick={() => void checkPending(key)} aria-label={t('fields.waitingLabel', { type: typeLabel, hint: props.hint })}>
        {body}
        <span className="chip-countdown">{t('fields.waiting')}</span>
      </button>
    );
  }
  const dialog = asking && props.messageId !== undefined && (
    <RevealDialog typeLabel={typeLabel} messageId={props.messageId} fieldIndex={props.fieldIndex} onClose={() => setAsking(false)} />
  );
  if (declined && props.canReveal) {
    return (
      <>
        <button type="button" className="chip declined" data-testid="chip-declined" data-outcome={declined} onClick={() => setAsking(true)} aria-label={t(`fields.${declined}Label`, { type: typeLabel, hint: props.hint })}>
          {body}
          <span className="chip-countdown">{t(`fields.${declined}`)}</span>
        </button>
        {dialog}
      </>
    );
  }
  if (!props.canReveal || props.messageId === undefined) {
    return (
      <span className="chip" role="img" aria-label={label} data-testid="chip">
        {body}
      </span>
    );
  }
  return (
    <>
      <button type="button" className="chip" aria-label={label} data-testid="chip" onClick={() => setAsking(true)}>
        {body}
      </button>
      {dialog}
    </>
  );
}

export function Countdown(props: { expiresAt: number; format(ms: number): string; label(time: string): string }) {
  const remaining = props.expiresAt - useNow();
  return (
    <span className="chip-countdown" aria-live="off">
      {props.label(props.format(remaining))}
    </span>
  );
}
