/**
 * Threading by the headers mail clients write (RFC 5322 §3.6.4): a reply names its parent in `In-Reply-To` and the
 * whole chain, oldest first, in `References`. A conversation is keyed by the chain's root, so every message of a
 * thread — whichever agent or client answered — lands in one conversation without remembering anything; a reply
 * that carries only `In-Reply-To` is placed through the parents this connector has already seen.
 */

const ID = /<([^<>\s]{1,998})>/g;

/** The message ids in a `References` / `In-Reply-To` value, without angle brackets, in order. */
export function messageIds(value: string | undefined | null): string[] {
  if (!value) return [];
  const ids: string[] = [];
  for (const m of value.matchAll(ID)) ids.push(m[1]!);
  if (!ids.length) {
    // Some senders drop the brackets around a single id.
    const bare = value.trim();
    if (/^[^\s<>]+@[^\s<>]+$/.test(bare)) ids.push(bare);
  }
  return ids;
}

/** One id in the form used as the channel's platform message id (no brackets, trimmed). */
export function normaliseMessageId(value: string | undefined | null): string | null {
  return messageIds(value)[0] ?? null;
}

export interface ThreadHeaders {
  messageId: string;
  inReplyTo: string[];
  references: string[];
}

/** Remembers which conversation each seen message belongs to, bounded so a long-running channel does not grow. */
export class ThreadIndex {
  private readonly rootOf = new Map<string, string>();

  constructor(private readonly max = 50_000) {}

  /** The conversation (root message id) of a message, and records it for later replies. */
  place(h: ThreadHeaders): string {
    const root = this.rootFor(h);
    this.remember(h.messageId, root);
    return root;
  }

  remember(messageId: string, root: string): void {
    if (this.rootOf.size >= this.max) this.rootOf.delete(this.rootOf.keys().next().value!);
    this.rootOf.set(messageId, root);
  }

  private rootFor(h: ThreadHeaders): string {
    for (const parent of [...h.inReplyTo, ...[...h.references].reverse()]) {
      const known = this.rootOf.get(parent);
      if (known) return known;
    }
    return h.references[0] ?? h.inReplyTo[0] ?? h.messageId;
  }
}

/** The `References` of a reply to `parent`: the parent's chain and the parent, trimmed in the middle to stay short. */
export function replyReferences(parentReferences: string[], parentId: string, max = 20): string[] {
  const chain = [...parentReferences.filter((id) => id !== parentId), parentId];
  if (chain.length <= max) return chain;
  return [chain[0]!, ...chain.slice(chain.length - (max - 1))];
}

/** "Re: " once, however many the subject already has in whatever case. */
export function replySubject(subject: string): string {
  const bare = subject.replace(/^(\s*(re|aw|sv|fwd?|رد|پاسخ)\s*(\[\d+\])?\s*:\s*)+/iu, '').trim();
  return `Re: ${bare || '(no subject)'}`;
}
