import { heldCopiesOf } from './held-copies';
import type { HubStore } from './hub-store';
import { HubLabels } from './labels';
import { HubSnoozes } from './snoozes';
import type { ConversationView, MessageView } from './types';

/** The inbox page's filters, as `GET /v1/conversations` takes them (the role's channels already applied: null = all). */
export interface InboxQuery {
  channels: readonly string[] | null;
  /** A person's id; null: unassigned; absent: anyone's. */
  assigneeId?: number | null;
  status?: string;
  labelId?: number;
  limit: number;
}

export type InboxRow = ConversationView & { labelIds: number[]; heldCopies?: number };

/**
 * The hub's inbox page (`GET /v1/conversations`): the newest conversations for the filter, each with its labels and
 * held copies — three statements whatever the page's size. `bench/hub/store-scale.ts` measures it at 3M messages and
 * `test/hub/inbox-pages-plans.test.ts` asserts that every statement of every filter reads by index.
 */
export async function inboxPage(store: HubStore, query: InboxQuery): Promise<{ conversations: InboxRow[] }> {
  const conversations = await store.conversations(query);
  const ids = conversations.map((c) => c.id);
  const labelIds = await new HubLabels(store).labelIdsOf(ids);
  const copies = await heldCopiesOf(store.q, ids);
  return { conversations: conversations.map((c) => ({ ...c, labelIds: labelIds.get(c.id) ?? [], ...(copies.has(c.id) ? { heldCopies: copies.get(c.id)! } : {}) })) };
}

/**
 * A conversation's first page (`GET /v1/conversations/:id/messages`, after the route's role check and audit entry): its
 * newest messages and, for a console that does not hold the conversation (an earlier one of this customer), its labels,
 * snooze and held copies, which it would otherwise learn only with their next change.
 */
export async function conversationPage(
  store: HubStore,
  c: ConversationView,
): Promise<{ conversation: ConversationView & { heldCopies?: number }; messages: MessageView[]; labelIds: number[]; snoozedUntil: number | null }> {
  const copies = (await heldCopiesOf(store.q, [c.id])).get(c.id);
  return {
    conversation: copies ? { ...c, heldCopies: copies } : c,
    messages: await store.messages(c.id),
    labelIds: (await new HubLabels(store).labelIdsOf([c.id])).get(c.id) ?? [],
    snoozedUntil: c.status === 'snoozed' ? await new HubSnoozes(store).snoozedUntil(c.id) : null,
  };
}
