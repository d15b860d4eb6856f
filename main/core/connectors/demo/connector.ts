import type { InboundMessage, OutboundItem } from '../../shared/messages';
import { numberSetting, type ConnectorContext } from '../context';
import type { Connector, PullBatch, SendResult } from '../types';
import { FOLLOW_UPS, KIND_WEIGHTS, NAMES, SCRIPTS, type DemoKind, type DemoScript } from './scripts';
import { mix, pick, rng, type Rng } from './values';

const MINUTE = 60_000;
/** No conversation lasts longer than this after it starts (turns are at most ~50 s apart). */
const MAX_SPAN_MS = 6 * MINUTE;
const MAX_CATCH_UP_MS = 24 * 60 * MINUTE;

interface Scheduled {
  at: number;
  message: InboundMessage;
}

/**
 * A channel without a platform: it plays customer conversations (Gulf, Egyptian and Standard Arabic, Persian, English,
 * mixed) with pasted secrets, scam attempts and the occasional burst, so Diwan works on first start with no credentials
 * and administrators can run phishing drills on it. Everything follows from the seed and the clock: conversation `c` starts at
 * `c · gap` (+ jitter) and always says the same thing; the cursor is the time played up to, so a restart resumes.
 */
export class DemoConnector implements Connector {
  readonly kind = 'demo' as const;
  readonly channelId: string;
  readonly pollIntervalMs = 1_000;
  private readonly seed: number;
  private readonly gapMs: number;
  private readonly backlogMs: number;
  private readonly replyChance: number;
  private pending: Scheduled[] = [];
  private scenariosPlayed = 0;

  constructor(private readonly ctx: ConnectorContext) {
    this.channelId = ctx.config.id;
    this.seed = numberSetting(ctx, 'seed', 7);
    this.gapMs = Math.max(1_000, numberSetting(ctx, 'conversationGapMs', 90_000));
    this.backlogMs = numberSetting(ctx, 'backlogMs', 15 * MINUTE);
    this.replyChance = numberSetting(ctx, 'replyChance', 0.5);
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  async pull(cursor: string | null): Promise<PullBatch> {
    const now = this.ctx.clock.now();
    const played = cursor ? Number(JSON.parse(cursor).t) : now - this.backlogMs;
    const from = Math.max(played, now - MAX_CATCH_UP_MS);
    const messages: InboundMessage[] = [];
    const first = Math.max(0, Math.floor((from - MAX_SPAN_MS) / this.gapMs));
    const last = Math.floor(now / this.gapMs);
    for (let c = first; c <= last; c++) {
      for (const m of this.conversation(c)) if (m.sentAt > from && m.sentAt <= now) messages.push(m);
    }
    const due = this.pending.filter((p) => p.at <= now);
    this.pending = this.pending.filter((p) => p.at > now);
    messages.push(...due.map((d) => d.message));
    messages.sort((a, b) => a.sentAt - b.sentAt);
    return { messages, cursor: JSON.stringify({ t: now }) };
  }

  /** Replies are "delivered" at once; sometimes the customer answers a few seconds later. */
  async send(item: OutboundItem): Promise<SendResult> {
    const now = this.ctx.clock.now();
    const r = rng(mix(this.seed, item.outboxId));
    if (r() < this.replyChance) {
      const lang = this.languageOf(item.platformConversationId);
      this.pending.push({
        at: now + 3_000 + Math.floor(r() * 20_000),
        message: {
          platformMessageId: `demo-re-${item.outboxId}`,
          platformConversationId: item.platformConversationId,
          contact: { platformUserId: item.platformConversationId },
          direction: 'in',
          text: pick(r, FOLLOW_UPS[lang]),
          sentAt: now,
        },
      });
    }
    return { platformMessageId: `demo-out-${item.outboxId}`, at: now };
  }

  /**
   * Plays one conversation of the given kind from now on, out of its turn (tests use it to get a burst or a scam without
   * waiting; phishing drills deliver their own attempts through the sink instead). Returns the conversation ids it will use.
   */
  playScenario(kind: DemoKind): string[] {
    const now = this.ctx.clock.now();
    const n = ++this.scenariosPlayed;
    const r = rng(mix(this.seed, 'scenario', n, now));
    const script = pick(r, SCRIPTS.filter((s) => s.kind === kind));
    const msgs = this.play(script, r, `demo-scenario${n}-${now}`, now);
    for (const m of msgs) this.pending.push({ at: m.sentAt, message: m });
    return [...new Set(msgs.map((m) => m.platformConversationId))];
  }

  /** Conversation number `c`, the same for the same seed. */
  private conversation(c: number): InboundMessage[] {
    const r = rng(mix(this.seed, c));
    const start = c * this.gapMs + Math.floor(r() * this.gapMs * 0.8);
    return this.play(this.scriptFor(r), r, `demo-${c}`, start);
  }

  private scriptFor(r: Rng): DemoScript {
    let x = r();
    let kind: DemoKind = 'everyday';
    for (const [k, w] of KIND_WEIGHTS) {
      if ((x -= w) < 0) {
        kind = k;
        break;
      }
    }
    return pick(r, SCRIPTS.filter((s) => s.kind === kind));
  }

  private play(script: DemoScript, r: Rng, base: string, start: number): InboundMessage[] {
    const out: InboundMessage[] = [];
    const senders = script.senders ?? 1;
    for (let s = 0; s < senders; s++) {
      const conv = senders > 1 ? `${base}-${s}` : base;
      const name = pick(r, NAMES[script.lang]);
      let at = start + (senders > 1 ? Math.floor(r() * 15_000) : 0);
      script.turns.forEach((turn, i) => {
        if (i > 0) at += script.kind === 'burst' ? 500 + Math.floor(r() * 2_500) : 4_000 + Math.floor(r() * 46_000);
        out.push({
          platformMessageId: `${conv}-${i}`,
          platformConversationId: conv,
          contact: { platformUserId: `${conv}-u`, displayName: name },
          direction: 'in',
          text: turn(r),
          sentAt: at,
        });
      });
    }
    return out;
  }

  private languageOf(conversationId: string): keyof typeof FOLLOW_UPS {
    const c = /^demo-(\d+)/.exec(conversationId);
    if (!c) return 'en';
    const r = rng(mix(this.seed, Number(c[1])));
    r();
    return this.scriptFor(r).lang;
  }
}
