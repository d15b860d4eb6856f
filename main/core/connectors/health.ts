import type { ConnectorError } from './errors';
import type { ChannelKind } from './types';

/**
 * - `connected`: the last pull or send worked.
 * - `degraded`: the last attempt failed for a reason that may pass (network, platform errors, malformed answers…).
 * - `rate-limited`: the platform asked Diwan to wait; `retryAt` says until when.
 * - `token-rejected`: the token is missing or refused; nothing moves until someone enters a new one.
 * - `paused`: the office-network gate paused every channel (off-network).
 */
export type HealthState = 'starting' | 'connected' | 'degraded' | 'rate-limited' | 'token-rejected' | 'paused' | 'stopped';

export interface ChannelAlert {
  channelId: string;
  kind: 'stopped-delivering' | 'quiet';
  /** When the silence began (epoch ms). */
  since: number;
  at: number;
  message: string;
}

export interface ChannelHealth {
  channelId: string;
  kind: ChannelKind;
  state: HealthState;
  /** The state in words, for the status screen. */
  summary: string;
  lastError: string | null;
  lastErrorAt: number | null;
  lastSuccessAt: number | null;
  lastInboundAt: number | null;
  retryAt: number | null;
  /** Something worth knowing although things work (a skipped update, a partial error). */
  note: string | null;
  alert: ChannelAlert | null;
}

/** A channel's health as the console's screens show it (single seat, and the hub's reports to its consoles). */
export function channelHealthView(h: ChannelHealth): { channelId: string; state: 'ok' | 'degraded' | 'down' | 'unknown'; detail?: string; checkedAt: number | null } {
  return {
    channelId: h.channelId,
    state: h.state === 'connected' ? 'ok' : h.state === 'degraded' || h.state === 'rate-limited' ? 'degraded' : h.state === 'starting' ? 'unknown' : 'down',
    // A failing channel says what failed (a relay channel: the relay, not the platform); connector errors are sentences.
    ...(h.state !== 'connected' ? { detail: (h.state === 'degraded' || h.state === 'token-rejected') && h.lastError ? clip(`${h.summary} ${h.lastError}`) : h.summary } : {}),
    checkedAt: h.lastSuccessAt ?? h.lastErrorAt,
  };
}

/** A health detail fits the console's status line (and the contract's 500 characters). */
const DETAIL_MAX = 500;
const clip = (text: string) => (text.length > DETAIL_MAX ? `${text.slice(0, DETAIL_MAX - 1)}…` : text);

const SUMMARY: Record<HealthState, string> = {
  starting: 'Connecting…',
  connected: 'Connected.',
  degraded: 'Having trouble reaching the platform; retrying.',
  'rate-limited': 'The platform asked Diwan to slow down; waiting as told.',
  'token-rejected': 'The token was refused or is missing. Enter a new token in the channel settings.',
  paused: 'Paused: this computer is not on an approved office network.',
  stopped: 'Stopped.',
};

/** One channel's health, changed by the runtime's loops and read by the status screen. */
export class HealthTracker {
  private h: ChannelHealth;
  private startedAt: number;

  constructor(
    channelId: string,
    kind: ChannelKind,
    now: number,
    private readonly changed: (h: ChannelHealth) => void,
  ) {
    this.startedAt = now;
    this.h = {
      channelId,
      kind,
      state: 'starting',
      summary: SUMMARY.starting,
      lastError: null,
      lastErrorAt: null,
      lastSuccessAt: null,
      lastInboundAt: null,
      retryAt: null,
      note: null,
      alert: null,
    };
  }

  get current(): ChannelHealth {
    return { ...this.h };
  }

  starting(now: number): void {
    this.startedAt = now;
    this.set({ state: 'starting', retryAt: null });
  }

  ok(now: number, inbound: number, note?: string): void {
    const patch: Partial<ChannelHealth> = { state: 'connected', lastSuccessAt: now, retryAt: null };
    if (inbound > 0) patch.lastInboundAt = now;
    if (inbound > 0 || this.h.alert?.kind === 'stopped-delivering') patch.alert = null;
    if (note !== undefined) patch.note = note;
    this.set(patch);
  }

  failed(err: ConnectorError, now: number, retryAt: number | null): void {
    const state: HealthState =
      err.kind === 'token-rejected' ? 'token-rejected' : err.kind === 'rate-limited' ? 'rate-limited' : 'degraded';
    this.set({ state, lastError: err.message, lastErrorAt: now, retryAt });
  }

  /** A problem with one reply (the platform refused it) that says nothing about the channel. */
  noted(note: string): void {
    this.set({ note });
  }

  paused(): void {
    this.set({ state: 'paused', retryAt: null });
  }

  stopped(): void {
    this.set({ state: 'stopped', retryAt: null });
  }

  /**
   * The silent-stop check: no successful pull for `silentAfterMs` while the channel looks alive, or no inbound message
   * for `quietAfterMs`. Returns a new alert once per silence; a success or an inbound message re-arms it.
   */
  check(now: number, silentAfterMs: number | null, quietAfterMs: number | null): ChannelAlert | null {
    if (this.h.alert || !['starting', 'connected', 'degraded'].includes(this.h.state)) return null;
    const lastOk = this.h.lastSuccessAt ?? this.startedAt;
    const lastIn = this.h.lastInboundAt ?? this.startedAt;
    let alert: ChannelAlert | null = null;
    if (silentAfterMs !== null && now - lastOk >= silentAfterMs) {
      alert = {
        channelId: this.h.channelId,
        kind: 'stopped-delivering',
        since: lastOk,
        at: now,
        message: `No successful contact with the platform for ${minutes(now - lastOk)}. Messages may not be arriving.${this.h.lastError ? ` Last error: ${this.h.lastError}` : ''}`,
      };
    } else if (quietAfterMs !== null && now - lastIn >= quietAfterMs) {
      alert = {
        channelId: this.h.channelId,
        kind: 'quiet',
        since: lastIn,
        at: now,
        message: `No customer message has arrived for ${minutes(now - lastIn)}, which is unusually long for this channel. Check it on the platform.`,
      };
    }
    if (alert) this.set({ alert });
    return alert;
  }

  private set(patch: Partial<ChannelHealth>): void {
    const next = { ...this.h, ...patch };
    next.summary = SUMMARY[next.state];
    const changed = JSON.stringify(next) !== JSON.stringify(this.h);
    this.h = next;
    if (changed) this.changed(this.current);
  }
}

function minutes(ms: number): string {
  const m = Math.round(ms / 60_000);
  return m < 60 ? `${m} minute${m === 1 ? '' : 's'}` : `${Math.round(m / 60)} hour${m >= 90 ? 's' : ''}`;
}
