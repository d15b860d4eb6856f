import { z } from 'zod';
import { MARKER_KINDS, type LiveMarker } from '../core/team/wire';

export { MARKER_KINDS };
/** Kept in memory only, never in a table; a node ignores its own markers coming back over NOTIFY (`node`). */
export type Marker = LiveMarker;

const wireMarker = z
  .object({
    conversationId: z.number().int().positive(),
    channelId: z.string().max(64),
    userId: z.number().int().positive(),
    username: z.string().max(64),
    kind: z.enum(MARKER_KINDS),
    at: z.number().int(),
    expiresAt: z.number().int(),
    node: z.string().max(64),
  })
  .strict();

export interface MarkerBoardOptions {
  nodeId: string;
  now: () => number;
  /** How long a marker lives on consoles without renewal. */
  ttlMs: number;
  /** The least time between two publications of the same user, conversation and kind. */
  throttleMs: number;
  /** To the other nodes (PostgreSQL NOTIFY); nothing on the embedded hub. */
  publish: (payload: string) => Promise<void>;
  /** To this node's consoles. */
  deliver: (m: Marker) => void;
}

/**
 * Live markers across nodes. A console renews its marker while its user looks or types; the board publishes a
 * renewal at most once per `throttleMs` (renewals in between are dropped, as the marker is still live on every
 * console), delivers it to its own consoles at once and to the other nodes over NOTIFY.
 */
export class MarkerBoard {
  private readonly last = new Map<string, number>();

  constructor(private readonly o: MarkerBoardOptions) {}

  async post(m: Pick<Marker, 'conversationId' | 'channelId' | 'userId' | 'username' | 'kind'>): Promise<{ published: boolean; expiresAt: number }> {
    const now = this.o.now();
    const key = `${m.userId}:${m.conversationId}:${m.kind}`;
    const prev = this.last.get(key);
    if (m.kind !== 'left' && prev !== undefined && now - prev < this.o.throttleMs) return { published: false, expiresAt: prev + this.o.ttlMs };
    if (m.kind === 'left') for (const k of ['viewing', 'writing']) this.last.delete(`${m.userId}:${m.conversationId}:${k}`);
    else this.last.set(key, now);
    if (this.last.size > 10_000) for (const [k, at] of this.last) if (now - at > this.o.ttlMs) this.last.delete(k);
    const full: Marker = { ...m, at: now, expiresAt: m.kind === 'left' ? now : now + this.o.ttlMs, node: this.o.nodeId };
    this.o.deliver(full);
    await this.o.publish(JSON.stringify(full)).catch(() => {
      /* the database is out of reach: the other nodes miss one renewal, the next one reaches them */
    });
    return { published: true, expiresAt: full.expiresAt };
  }

  /** A marker another node published. */
  receive(payload: string): void {
    let m: Marker;
    try {
      m = wireMarker.parse(JSON.parse(payload));
    } catch {
      return;
    }
    if (m.node !== this.o.nodeId) this.o.deliver(m);
  }
}
