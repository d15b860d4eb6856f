import { AUDIT_ACTIONS } from '../audit';
import type { ConnectorRuntime, ThreadControlAction } from '../connectors';
import { DiwanError } from '../shared/errors';
import type { AuditPort } from '../shared/ports';
import type { Store } from '../store';

/**
 * Messenger's and Instagram's handover protocol from the conversation view (single-seat: through this console's own
 * channel runtime): take the thread from another app (a chatbot), pass it on, or ask its owner for it. Every attempt
 * is audited, done or refused, with the refusal's code.
 */
export class ThreadControl {
  constructor(private readonly deps: { store: Store; runtime: ConnectorRuntime; audit: AuditPort; timeoutMs?: number }) {}

  async run(actor: string, conversationId: number, action: ThreadControlAction): Promise<void> {
    const conversation = this.deps.store.conversations.get(conversationId);
    const platformId = this.deps.store.conversations.platformIdOf(conversationId);
    const audit = (details: Record<string, unknown>) =>
      this.deps.audit({ action: AUDIT_ACTIONS.threadControl, actor, target: `conversation:${conversationId}`, details: { channel: conversation.channelId, action, ...details } });
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), this.deps.timeoutMs ?? 30_000);
    try {
      if (!platformId) throw new DiwanError('not_found', 'That conversation no longer exists.');
      await this.deps.runtime.threadControl(conversation.channelId, action, platformId, ctl.signal);
    } catch (e) {
      audit({ outcome: 'refused', code: e instanceof DiwanError ? e.code : 'error' });
      throw e;
    } finally {
      clearTimeout(timer);
    }
    audit({ outcome: 'done' });
  }
}
