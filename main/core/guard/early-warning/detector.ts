/**
 * Sliding-window counts of security signals against a learned baseline. Counts are kept in one-minute buckets
 * (the last two hours); the baseline is an EWMA of per-minute counts learned from completed minutes while no
 * alert is active. A window whose count is at least `minCount`, at least `spikeFactor` × the expected count and
 * beyond Poisson noise (expected + 3·√expected) raises an alert, at most once per signal per cooldown. During the
 * first half hour of learning the floor is three times `minCount`.
 */
import { maskSpans, type DetectSensitive } from '../ports';
import { SECURITY_SIGNALS, securitySignals, type SecuritySignal } from './signals';

export interface EarlyWarningSettings {
  windowMs: number;
  spikeFactor: number;
  minCount: number;
  cooldownMs: number;
  /** Per-minute baseline before anything is learned. */
  initialPerMinute?: number;
  alpha?: number;
}

export interface SecurityAlert {
  signal: SecuritySignal;
  raisedAt: number;
  windowCount: number;
  /** Expected count in one window, from the baseline. */
  expected: number;
  /**
   * The conversations of the messages in the window (at most 50), as the caller named them (`conversationRef`): the
   * field keeps the name IT's alert payload has always had.
   */
  conversationIds: string[];
  /** Per-minute counts of this signal, oldest first, for the chart: the last 60 minutes. */
  series: Array<{ t: number; count: number }>;
  /** Up to five excerpts, masked: never an unmasked value. */
  excerpts: string[];
}

interface Hit {
  at: number;
  conversationRef: string;
  excerpt: string;
}

const MINUTE = 60_000;
const KEEP_MINUTES = 120;
const MAX_HITS = 5_000;
const WARM_UP_MINUTES = 30;

class SignalState {
  buckets = new Map<number, number>();
  hits: Hit[] = [];
  baseline: number;
  learnedUpTo: number | null = null;
  minutesLearned = 0;
  lastAlertAt = -Infinity;
  constructor(initial: number) {
    this.baseline = initial;
  }
}

export class EarlyWarningDetector {
  private readonly state = new Map<SecuritySignal, SignalState>();
  private readonly alpha: number;

  constructor(
    private readonly s: EarlyWarningSettings,
    private readonly detectSensitive: DetectSensitive,
  ) {
    this.alpha = s.alpha ?? 0.05;
    for (const sig of SECURITY_SIGNALS) this.state.set(sig, new SignalState(s.initialPerMinute ?? 0.2));
  }

  /**
   * Looks at one customer message; returns the alerts it tips over (usually none). `conversationRef` names its
   * conversation as the caller knows it: a single seat looks before the store numbers the message
   * (`<channel>/<platform conversation>`), the hub after (its conversation id).
   */
  observe(msg: { conversationRef: string; text: string; at: number }): SecurityAlert[] {
    const alerts: SecurityAlert[] = [];
    const signals = securitySignals(msg.text);
    for (const sig of signals) {
      const st = this.state.get(sig)!;
      this.learn(st, msg.at);
      const minute = Math.floor(msg.at / MINUTE);
      st.buckets.set(minute, (st.buckets.get(minute) ?? 0) + 1);
      st.hits.push({ at: msg.at, conversationRef: msg.conversationRef, excerpt: maskedExcerpt(msg.text, this.detectSensitive) });
      if (st.hits.length > MAX_HITS) st.hits.splice(0, st.hits.length - MAX_HITS);
      const a = this.evaluate(sig, st, msg.at);
      if (a) alerts.push(a);
    }
    return alerts;
  }

  baseline(signal: SecuritySignal): number {
    return this.state.get(signal)!.baseline;
  }

  private learn(st: SignalState, now: number): void {
    const current = Math.floor(now / MINUTE);
    if (st.learnedUpTo === null) {
      st.learnedUpTo = current - 1;
      return;
    }
    const alerting = now - st.lastAlertAt < this.s.cooldownMs;
    for (let m = st.learnedUpTo + 1; m < current; m++) {
      // a running mean at first (fast warm-up), then an EWMA
      const a = Math.max(this.alpha, 1 / (st.minutesLearned + 2));
      if (!alerting) {
        st.baseline = (1 - a) * st.baseline + a * (st.buckets.get(m) ?? 0);
        st.minutesLearned++;
      }
      if (current - m > KEEP_MINUTES) m = current - KEEP_MINUTES;
    }
    st.learnedUpTo = current - 1;
    for (const k of st.buckets.keys()) if (k < current - KEEP_MINUTES) st.buckets.delete(k);
  }

  private evaluate(signal: SecuritySignal, st: SignalState, now: number): SecurityAlert | null {
    const from = now - this.s.windowMs;
    const inWindow = st.hits.filter((h) => h.at > from && h.at <= now);
    const count = inWindow.length;
    const expected = st.baseline * (this.s.windowMs / MINUTE);
    // while the baseline is still being learned (first half hour), only a clearly large count alerts
    const floor = st.minutesLearned < WARM_UP_MINUTES ? 3 * this.s.minCount : this.s.minCount;
    const spike = count >= floor && count >= this.s.spikeFactor * expected && count >= expected + 3 * Math.sqrt(expected);
    if (!spike || now - st.lastAlertAt < this.s.cooldownMs) return null;
    st.lastAlertAt = now;
    const nowMinute = Math.floor(now / MINUTE);
    const series = Array.from({ length: 60 }, (_, i) => {
      const m = nowMinute - 59 + i;
      return { t: m * MINUTE, count: st.buckets.get(m) ?? 0 };
    });
    return {
      signal,
      raisedAt: now,
      windowCount: count,
      expected: Math.round(expected * 100) / 100,
      conversationIds: [...new Set(inWindow.map((h) => h.conversationRef))].slice(0, 50),
      series,
      excerpts: inWindow.slice(-5).map((h) => h.excerpt),
    };
  }
}

const DIGITS = /\d[\d\s-]{2,}\d/g;
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/g;

/** Masked by the detector, then every remaining run of 4+ digits and every e-mail address too (belt and braces). */
export function maskedExcerpt(text: string, detectSensitive: DetectSensitive): string {
  const masked = maskSpans(text, detectSensitive(text));
  return masked.replace(DIGITS, (m) => '•'.repeat(m.length)).replace(EMAIL, (m) => '•'.repeat(m.length)).slice(0, 160);
}
