import type { Db } from './database';
import { cachedStatement } from './statement-cache';

/** Whether the message in `@previewSentAt`, `@previewId` is newer than the conversation's preview (by sent time, then id). */
const NEWER = '(preview_message_id IS NULL OR (preview_sent_at, preview_message_id) < (@previewSentAt, @previewId))';

/**
 * `SET` assignments of an `UPDATE conversations` that make the message in `@previewText`, `@previewSentAt`,
 * `@previewId` the preview when it is the newest there, so a writer that updates the conversation anyway (the
 * ingest path, once per conversation per batch) sets the preview in the same statement and fires its triggers once.
 */
export const PREVIEW_ASSIGNMENTS = `preview = CASE WHEN ${NEWER} THEN @previewText ELSE preview END,
  preview_sent_at = CASE WHEN ${NEWER} THEN @previewSentAt ELSE preview_sent_at END,
  preview_message_id = CASE WHEN ${NEWER} THEN @previewId ELSE preview_message_id END`;

/** The named parameters `PREVIEW_ASSIGNMENTS` reads. */
export const previewParams = (m: { id: number; sentAt: number; maskedText: string }) => ({ previewText: m.maskedText, previewSentAt: m.sentAt, previewId: m.id });

/**
 * Makes `m` its conversation's preview when it is the newest message there (by sent time, then id), in the caller's
 * transaction. Every path that stores a message does this (here or with `PREVIEW_ASSIGNMENTS`); removals are
 * followed by migration 019's trigger.
 */
export function notePreview(db: Db, conversationId: number, m: { id: number; sentAt: number; maskedText: string }): void {
  cachedStatement(db, `UPDATE conversations SET ${PREVIEW_ASSIGNMENTS} WHERE id = @conversation AND ${NEWER}`).run({ conversation: conversationId, ...previewParams(m) });
}
