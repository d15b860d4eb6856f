import { replyWindowView, type ReplyWindowView } from '../../core/app/send-reply';
import type { SqlExecutor } from './executor';

/** The platform's reply window of a conversation as the hub holds it: the core's rule over its newest customer message. */
export async function replyWindowAt(q: SqlExecutor, conversationId: number, kind: string, now: number): Promise<ReplyWindowView> {
  const r = await q.get<{ at: number | string | null }>("SELECT MAX(sent_at) AS at FROM messages WHERE conversation_id = ? AND direction = 'in'", [conversationId]);
  return replyWindowView(kind, r?.at == null ? null : Number(r.at), now);
}
