/**
 * Surge mode per channel. Volume is counted in ten 6-second slots (a sliding minute); the baseline is an EWMA of
 * completed minutes, learned only outside surges so a flood does not teach itself to be normal. Enter when the
 * sliding minute exceeds `factor` × baseline (and an absolute floor); leave when it has stayed under
 * `exitFactor` × baseline for a whole minute (hysteresis).
 */
export interface SurgeSettings {
  factor: number;
  exitFactor: number;
  minPerMinute: number;
  /** Weight of the newest minute in the baseline. */
  alpha?: number;
}

export interface SurgeChange {
  channelId: string;
  state: 'entered' | 'left';
  at: number;
  perMinute: number;
  baseline: number;
}

const SLOT_MS = 6_000;
const SLOTS = 10;

class ChannelVolume {
  readonly slots = new Array<number>(SLOTS).fill(0);
  slotStart: number;
  minuteStart: number;
  minuteCount = 0;
  baseline: number;
  inSurge = false;
  calmSince: number | null = null;

  constructor(now: number, initialBaseline: number) {
    this.slotStart = Math.floor(now / SLOT_MS) * SLOT_MS;
    this.minuteStart = this.slotStart;
    this.baseline = initialBaseline;
  }

  sliding(): number {
    return this.slots.reduce((a, b) => a + b, 0);
  }
}

/** One channel's volume as `snapshot` gives it and `restore` takes it (the hub keeps it in its database). */
export interface SurgeState {
  slots: number[];
  slotStart: number;
  minuteStart: number;
  minuteCount: number;
  baseline: number;
  inSurge: boolean;
  calmSince: number | null;
}

export class SurgeDetector {
  private readonly channels = new Map<string, ChannelVolume>();
  private readonly alpha: number;

  constructor(private readonly s: SurgeSettings) {
    this.alpha = s.alpha ?? 0.1;
  }

  /** Counts one inbound message; returns a change when the channel enters or leaves surge mode. */
  record(channelId: string, now: number): SurgeChange | null {
    const v = this.volume(channelId, now);
    this.advance(v, now);
    v.slots[Math.floor(v.slotStart / SLOT_MS) % SLOTS]! += 1;
    v.minuteCount++;
    return this.evaluate(channelId, v, now);
  }

  /** Re-evaluates without a message (time passing can end a surge). */
  tick(channelId: string, now: number): SurgeChange | null {
    const v = this.channels.get(channelId);
    if (!v) return null;
    this.advance(v, now);
    return this.evaluate(channelId, v, now);
  }

  inSurge(channelId: string): boolean {
    return this.channels.get(channelId)?.inSurge ?? false;
  }

  snapshot(channelId: string): SurgeState | null {
    const v = this.channels.get(channelId);
    return v ? { slots: [...v.slots], slotStart: v.slotStart, minuteStart: v.minuteStart, minuteCount: v.minuteCount, baseline: v.baseline, inSurge: v.inSurge, calmSince: v.calmSince } : null;
  }

  restore(channelId: string, s: SurgeState): void {
    const v = new ChannelVolume(s.slotStart, s.baseline);
    if (s.slots.length === SLOTS) s.slots.forEach((n, i) => (v.slots[i] = n));
    Object.assign(v, { slotStart: s.slotStart, minuteStart: s.minuteStart, minuteCount: s.minuteCount, inSurge: s.inSurge, calmSince: s.calmSince });
    this.channels.set(channelId, v);
  }

  baseline(channelId: string): number | null {
    return this.channels.get(channelId)?.baseline ?? null;
  }

  private volume(channelId: string, now: number): ChannelVolume {
    let v = this.channels.get(channelId);
    if (!v) this.channels.set(channelId, (v = new ChannelVolume(now, this.s.minPerMinute / this.s.factor)));
    return v;
  }

  private advance(v: ChannelVolume, now: number): void {
    const slotNow = Math.floor(now / SLOT_MS) * SLOT_MS;
    const steps = Math.min(SLOTS, Math.max(0, (slotNow - v.slotStart) / SLOT_MS));
    for (let i = 1; i <= steps; i++) v.slots[Math.floor((v.slotStart + i * SLOT_MS) / SLOT_MS) % SLOTS] = 0;
    if (slotNow > v.slotStart) v.slotStart = slotNow;
    const minutes = Math.floor((now - v.minuteStart) / 60_000);
    if (minutes >= 1) {
      if (!v.inSurge) v.baseline = ((1 - this.alpha) * v.baseline + this.alpha * v.minuteCount) * Math.pow(1 - this.alpha, minutes - 1);
      v.minuteCount = 0;
      v.minuteStart += minutes * 60_000;
    }
  }

  private evaluate(channelId: string, v: ChannelVolume, now: number): SurgeChange | null {
    const perMinute = v.sliding();
    if (!v.inSurge) {
      if (perMinute >= this.s.minPerMinute && perMinute > this.s.factor * v.baseline) {
        v.inSurge = true;
        v.calmSince = null;
        return { channelId, state: 'entered', at: now, perMinute, baseline: v.baseline };
      }
      return null;
    }
    if (perMinute < Math.max(this.s.exitFactor * v.baseline, this.s.minPerMinute / this.s.factor)) {
      v.calmSince ??= now;
      if (now - v.calmSince >= 60_000) {
        v.inSurge = false;
        v.calmSince = null;
        return { channelId, state: 'left', at: now, perMinute, baseline: v.baseline };
      }
    } else v.calmSince = null;
    return null;
  }
}
