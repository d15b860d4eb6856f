import { originalContext, SealingSession } from '../custody';
import { SEALED } from './context';
import type { DetectedSpan } from '../masking';
import type { Masker } from './masker';
import { indexBody } from './search-text';

/** What the ingest path derives from a message's text before it touches the database. */
export interface PreparedText {
  masked: string;
  /** The masked text as the search index sees it. */
  body: string;
  textEnc: Uint8Array;
  keyVersion: number;
  fields: Array<{ type: string; start: number; end: number; valueEnc: Uint8Array }>;
  /**
   * The inbound scam check's outcome on the masked text, under `rules` (with the flags' wording when flagged); absent
   * for replies and without a screen.
   */
  screened?: { rules: string; flagged: boolean; wording?: string };
}

/**
 * The inbound scam check as the ingest path runs it (main/core/app's `GuardScreen` over the guard's rules): once per
 * inbound message, on its masked text, so opening a conversation reads the outcome instead of checking again.
 */
export interface InboundScreen {
  /** Fingerprint of the rules and policy; stored with each outcome. */
  readonly rules: string;
  /**
   * Whether the check flags the text and, when it does, the flags' wording to keep with the outcome. `detected`: the
   * masking engine's detections over the message's text as it came in (`MaskResult.detected`), for the check to reuse
   * where it reads that same text.
   */
  screen(maskedText: string, detected?: { text: string; spans: readonly DetectedSpan[] }): { flagged: boolean; wording?: string };
}

/** Who originals are sealed to: the seat (bound into each blob) and the custodian's current public key. */
export interface SealingTarget {
  seat: string;
  epoch: number;
  publicKey: string;
}

/**
 * Masks, normalises for search and seals texts whose messages take the ids `firstId`, `firstId + 1`, …: the text
 * and each field to the custodian's public key, which this process cannot open. One key agreement per call (a chunk of
 * at most a few hundred messages), each value its own IV and associated data (`SealingSession`).
 */
export function prepareTexts(
  texts: readonly string[],
  firstId: number,
  masker: Masker,
  to: SealingTarget,
  screen?: { check: InboundScreen; inbound: readonly boolean[] },
): PreparedText[] {
  const session = new SealingSession(to.publicKey, to.epoch);
  return texts.map((text, i) => {
    const id = firstId + i;
    const { masked, fields, detected } = masker(text);
    const [textEnc, ...sealed] = session.sealAll([
      { context: originalContext(to.seat, id, 'text'), plain: text },
      ...fields.map((f, n) => ({ context: originalContext(to.seat, id, { field: n, type: f.type }), plain: f.value })),
    ]);
    return {
      masked,
      body: indexBody(masked),
      textEnc: textEnc!,
      keyVersion: SEALED,
      fields: fields.map((f, n) => ({ type: f.type, start: f.start, end: f.end, valueEnc: sealed[n]! })),
      ...(screen?.inbound[i] ? { screened: { rules: screen.check.rules, ...screen.check.screen(masked, detected && { text, spans: detected }) } } : {}),
    };
  });
}

/**
 * Prepares a batch's texts in chunks of `chunkSize`. `start` begins the work and returns a function that gives
 * chunk k (waiting for it if need be), so the ingest path can look up and write earlier messages while a
 * preparer running elsewhere works on later ones.
 */
export interface TextPreparer {
  readonly chunkSize: number;
  start(texts: readonly string[], firstId: number, tools: PrepareTools): (chunk: number) => PreparedText[];
}

export interface PrepareTools {
  masker: Masker;
  sealing: SealingTarget;
  /** The scam check for the messages whose `inbound` entry (by position in the batch) is true. */
  screen?: { check: InboundScreen; inbound: readonly boolean[] };
}

/** Prepares each chunk when it is asked for, on the calling thread. */
export const inlinePreparer: TextPreparer = {
  chunkSize: 128,
  start(texts, firstId, { masker, sealing, screen }) {
    const size = this.chunkSize;
    return (k) =>
      prepareTexts(
        texts.slice(k * size, (k + 1) * size),
        firstId + k * size,
        masker,
        sealing,
        screen && { check: screen.check, inbound: screen.inbound.slice(k * size, (k + 1) * size) },
      );
  },
};
