import { create } from 'zustand';
import type { ResponseOf } from '../../../main/ipc/contract';
import { call } from '../bridge';
import { registerReset } from './reset';

type Review = ResponseOf<'reviewQueue'>[number];
type Message = ResponseOf<'openConversation'>['messages'][number];
type Segments = ResponseOf<'openConversation'>['summary']['contactName'];
/** Identity's masked review transcript, shaped for the message list (chips from main's segments, never revealable). */
export interface Transcript {
  conversationId: number;
  contact: Segments;
  messages: Message[];
}
type Report = ResponseOf<'reportSummary'>;
type Alert = ResponseOf<'listAlerts'>[number];
type Approval = ResponseOf<'listReplyApprovals'>[number];
export type RevealRequest = ResponseOf<'listRevealApprovals'>['requests'][number];

interface LeadState {
  queue: Review[];
  transcript: Transcript | null;
  report: Report | null;
  alerts: Alert[];
  /** Blocked replies agents asked a lead to approve (masked). */
  approvals: Approval[];
  /** Masked-field reveals agents asked a lead to approve (the reason, the field's type; never the value). */
  revealRequests: RevealRequest[];
  error: unknown;
  loadQueue(): Promise<void>;
  openTranscript(conversationId: number): Promise<void>;
  score(conversationId: number, score: number, comment: string): Promise<void>;
  loadReport(days: number): Promise<void>;
  loadAlerts(): Promise<void>;
  acknowledge(alertId: number): Promise<void>;
  /** Both kinds of four-eyes requests: blocked replies and reveals. */
  loadApprovals(): Promise<void>;
  decideApproval(requestId: number, approve: boolean): Promise<void>;
  decideReveal(requestId: string, approve: boolean): Promise<void>;
  reset(): void;
}

const attempt = async (set: (p: Partial<LeadState>) => void, f: () => Promise<Partial<LeadState>>) => {
  try {
    set({ ...(await f()), error: null });
  } catch (error) {
    set({ error });
  }
};

export const useLead = create<LeadState>((set, get) => ({
  queue: [],
  transcript: null,
  report: null,
  alerts: [],
  approvals: [],
  revealRequests: [],
  error: null,
  loadQueue: () => attempt(set, async () => ({ queue: await call('reviewQueue', {}) })),
  openTranscript: (conversationId) =>
    attempt(set, async () => {
      const t = await call('getReviewTranscript', { conversationId });
      return {
        transcript: {
          conversationId,
          contact: t.contactSegments,
          messages: t.messages.map((m) => ({
            id: m.id,
            direction: m.direction,
            sentAt: m.sentAt,
            segments: m.segments,
            textDirection: m.textDirection,
            author: m.author ? { id: m.author, name: m.author } : null,
          })),
        },
      };
    }),
  score: (conversationId, score, comment) =>
    attempt(set, async () => {
      const saved = await call('setQualityScore', { conversationId, score, comment });
      return { queue: get().queue.map((q) => (q.conversationId === conversationId ? { ...q, score: saved.score } : q)) };
    }),
  loadReport: (days) =>
    attempt(set, async () => {
      const to = Date.now();
      return { report: await call('reportSummary', { from: to - days * 86_400_000, to }) };
    }),
  loadAlerts: () => attempt(set, async () => ({ alerts: await call('listAlerts', {}) })),
  acknowledge: (alertId) =>
    attempt(set, async () => {
      const a = await call('acknowledgeAlert', { alertId });
      return { alerts: get().alerts.map((x) => (x.id === alertId ? a : x)) };
    }),
  loadApprovals: () =>
    attempt(set, async () => {
      const [approvals, reveals] = await Promise.all([call('listReplyApprovals', {}), call('listRevealApprovals', {})]);
      return { approvals, revealRequests: reveals.requests };
    }),
  decideApproval: (requestId, approve) =>
    attempt(set, async () => {
      await call('decideReplyApproval', { requestId, approve });
      return { approvals: get().approvals.filter((a) => a.id !== requestId) };
    }),
  decideReveal: async (requestId, approve) => {
    // Decided or not (another lead may have been quicker), the request leaves this list.
    await attempt(set, async () => (await call('decideReveal', { requestId, approve }), {}));
    set({ revealRequests: get().revealRequests.filter((r) => r.requestId !== requestId) });
  },
  reset: () => set({ queue: [], transcript: null, report: null, alerts: [], approvals: [], revealRequests: [], error: null }),
}));

registerReset(() => useLead.getState().reset());
