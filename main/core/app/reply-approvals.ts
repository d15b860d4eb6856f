import { assertApprovable, assertMayDecideReply, detectLang, type ApproverRole, type OutboundGuard } from '../guard';
import { maskMessage } from '../masking';
import { DiwanError } from '../shared/errors';
import type { AuditPort, Clock } from '../shared/ports';
import { AUDIT_ACTIONS } from '../shared/audit-actions';

export type ApprovalState = 'pending' | 'approved' | 'declined';

/** What a lead reads: the reply masked, the guard's reasons, who asked. Never the reply's original text. */
export interface ApprovalRequest {
  id: number;
  conversationId: number;
  agentUsername: string;
  textHash: string;
  maskedText: string;
  reasons: string[];
  requestedAt: number;
  state: ApprovalState;
}

interface Entry extends ApprovalRequest {
  token: string | null;
}

const MAX_REQUESTS = 500;
const TTL_MS = 15 * 60_000;

/**
 * Four eyes on a blocked reply: the agent asks, a team lead reads the masked text and approves or declines, and
 * the agent's composer collects the guard's one-time token for that exact text. In memory and bounded: a restart
 * or 15 minutes drop a request, and the agent asks again.
 */
export class ReplyApprovals {
  private readonly entries = new Map<number, Entry>();
  private nextId = 1;

  constructor(private readonly deps: { outbound: OutboundGuard; audit: AuditPort; clock: Clock }) {}

  request(args: { text: string; conversationId: number; agentUsername: string }): ApprovalRequest {
    this.sweep();
    const decision = this.deps.outbound.check(args.text, { agentUsername: args.agentUsername, conversationId: args.conversationId, lang: detectLang(args.text) });
    if (decision.verdict !== 'block') throw new DiwanError('not_blocked', 'This reply is not blocked: send it without an approval.');
    assertApprovable(decision.approvable, 'en');
    for (const e of this.entries.values()) {
      if (e.state === 'pending' && e.agentUsername === args.agentUsername && e.conversationId === args.conversationId && e.textHash === decision.textHash) return view(e);
    }
    if (this.entries.size >= MAX_REQUESTS) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    const entry: Entry = {
      id: this.nextId++,
      conversationId: args.conversationId,
      agentUsername: args.agentUsername,
      textHash: decision.textHash,
      maskedText: maskMessage(args.text).masked,
      reasons: decision.findings.filter((f) => f.verdict === 'block').map((f) => f.reason),
      requestedAt: this.deps.clock.now(),
      state: 'pending',
      token: null,
    };
    this.entries.set(entry.id, entry);
    this.deps.audit({
      action: AUDIT_ACTIONS.replyApprovalRequested,
      actor: args.agentUsername,
      target: `conversation:${args.conversationId}`,
      details: { request: entry.id, textHash: entry.textHash },
    });
    return view(entry);
  }

  pending(): ApprovalRequest[] {
    this.sweep();
    return [...this.entries.values()].filter((e) => e.state === 'pending').map(view);
  }

  /** The lead's decision. The guard refuses an approval by the reply's own author. */
  decide(args: { id: number; approve: boolean; leadUsername: string; leadRole: ApproverRole }): ApprovalRequest {
    this.sweep();
    const e = this.entries.get(args.id);
    if (!e || e.state !== 'pending') throw new DiwanError('not_found', 'This approval request was already decided or has expired.');
    if (args.approve) {
      e.token = this.deps.outbound.approveHash({
        textHash: e.textHash,
        conversationId: e.conversationId,
        agentUsername: e.agentUsername,
        leadUsername: args.leadUsername,
        leadRole: args.leadRole,
        lang: 'en',
      });
      e.state = 'approved';
    } else {
      assertMayDecideReply({ author: e.agentUsername, decider: args.leadUsername, deciderRole: args.leadRole });
      e.state = 'declined';
      this.deps.audit({ action: AUDIT_ACTIONS.replyApprovalDeclined, actor: args.leadUsername, target: `conversation:${e.conversationId}`, details: { request: e.id, agent: e.agentUsername } });
    }
    return view(e);
  }

  /** The asking agent's view of the request; an approval's token is handed out once, then the request is gone. */
  status(args: { id: number; agentUsername: string }): { state: ApprovalState; approvalToken: string | null } {
    this.sweep();
    const e = this.entries.get(args.id);
    if (!e || e.agentUsername !== args.agentUsername) throw new DiwanError('not_found', 'This approval request has expired. Ask a team lead again.');
    if (e.state !== 'pending') this.entries.delete(e.id);
    return { state: e.state, approvalToken: e.token };
  }

  private sweep(): void {
    const cutoff = this.deps.clock.now() - TTL_MS;
    for (const e of this.entries.values()) if (e.requestedAt < cutoff) this.entries.delete(e.id);
  }
}

function view(e: Entry): ApprovalRequest {
  return {
    id: e.id,
    conversationId: e.conversationId,
    agentUsername: e.agentUsername,
    textHash: e.textHash,
    maskedText: e.maskedText,
    reasons: e.reasons,
    requestedAt: e.requestedAt,
    state: e.state,
  };
}
