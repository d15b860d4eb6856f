import type { PolicyResult } from '../policy';
import { Listeners } from '../shared/listeners';
import { noAudit, type AuditPort, type Clock, type Random } from '../shared/ports';
import { pinnedFetch, type LookupFunction, type PinnedFetch } from './beacon-client';
import type { DnsSuffixPort } from './dns-suffix';
import { evaluateNetwork, policyOnlyVerdict, systemRandom } from './evaluate';
import { interfacesFingerprint, type InterfacesPort } from './interfaces';
import { describeSignalChange, type NetworkSignals, type NetworkSignalsPort } from './signals';
import { isOpenState, type Verdict } from './verdict';
import { AUDIT_ACTIONS } from '../shared/audit-actions';

export type GateTrigger = 'start' | 'interval' | 'network-change' | 'policy-change' | 'resume' | 'manual';

export interface NetworkGateOptions {
  /** Reads and verifies the policy; called on every evaluation, so a newly installed policy or signer takes effect. */
  loadPolicy: () => PolicyResult;
  interfaces: InterfacesPort;
  /**
   * Default routes, gateway hardware addresses, link state, Wi-Fi network (main/core/network/signals*.ts); none: the
   * interface list alone. May answer asynchronously (the macOS and Windows readers run the OS's tools); a reading
   * still running when the next tick comes is not started twice.
   */
  signals?: NetworkSignalsPort;
  dnsSuffixes: DnsSuffixPort;
  /**
   * A cheap summary of where the policy and its signer keys live (sizes, times, a hash of managed bytes), read on
   * every watch tick; when it changes the gate re-reads the policy at once, so IT's new policy applies in seconds.
   */
  policyStamp?: () => string;
  clock: Clock;
  random?: Random;
  fetch?: PinnedFetch;
  lookup?: LookupFunction;
  audit?: AuditPort;
  /** Network-change and resume events closer together than this are one evaluation. */
  debounceMs?: number;
  /** How often the interface list and the network signals are compared with the last reading (default 250 ms). */
  watchIntervalMs?: number;
  /** Re-check interval while there is no accepted policy (unmanaged or refused), to notice one being installed. */
  idleRecheckMs?: number;
  /**
   * Re-check interval while part of the network signals cannot be read (a tool missing, failing or printing what
   * its parser does not know), when shorter than the policy's: the watch is blind there, so the beacon is asked
   * instead (default 10 s).
   */
  blindRecheckMs?: number;
  /** The longest a reading of the network signals may take before it counts as unreadable (default 5 s). */
  signalsTimeoutMs?: number;
  /** Where a failing verdict listener is reported (by name only). */
  log?: (line: string) => void;
}

export type VerdictListener = (verdict: Verdict, previous: Verdict | null) => void;

/**
 * The office-network gate. It decides at start, on every network change and resume, and every policy interval;
 * overlapping requests coalesce into one more evaluation, never a pile. Listeners hear every change of state
 * (or of site or policy version), and every such change is audited with its per-check reasons.
 *
 * Before the first evaluation it knows only what the policy alone decides (unmanaged, or refused); with an
 * accepted policy `current()` is null until the network has been checked, which callers treat as closed.
 */
export class NetworkGate {
  private verdict: Verdict | null;
  private announced: Verdict | null = null;
  private running: Promise<Verdict> | null = null;
  private again = false;
  private trigger: GateTrigger = 'start';
  private nextTimer: NodeJS.Timeout | null = null;
  private debounceTimer: NodeJS.Timeout | null = null;
  private watchTimer: NodeJS.Timeout | null = null;
  private lastFingerprint = '';
  private lastSignals: NetworkSignals | null = null;
  private readingSignals = false;
  private lastPolicyStamp = '';
  /** Counts detected moves; an evaluation that started before the latest one is stale and is not applied. */
  private moves = 0;
  private intervalMs: number;
  private started = false;
  private stopped = false;
  private readonly listeners: Listeners<Parameters<VerdictListener>>;
  private readonly audit: AuditPort;

  constructor(private readonly opts: NetworkGateOptions) {
    this.audit = opts.audit ?? noAudit;
    this.listeners = new Listeners('network verdict', opts.log);
    let initial: PolicyResult | null = null;
    try {
      initial = opts.loadPolicy();
    } catch {
      // unknown until the first evaluation, which fails closed
    }
    this.verdict = initial && policyOnlyVerdict(initial, opts.clock.now());
    this.intervalMs = initial ? this.intervalFor(initial) : (opts.idleRecheckMs ?? 60_000);
  }

  current(): Verdict | null {
    return this.verdict;
  }

  /** True only when customer data may be opened: office, or unmanaged (no policy signer configured at all). */
  isOpen(): boolean {
    return !!this.verdict && isOpenState(this.verdict.state);
  }

  onVerdict(listener: VerdictListener): () => void {
    return this.listeners.add(listener);
  }

  /** Evaluates now (or right after the evaluation in progress) and resolves with the resulting verdict. */
  evaluate(trigger: GateTrigger = 'manual'): Promise<Verdict> {
    this.trigger = trigger;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop();
    return this.running;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopped = false;
    this.lastFingerprint = interfacesFingerprint(this.opts.interfaces());
    this.lastSignals = null;
    this.watchSignals();
    this.lastPolicyStamp = this.readPolicyStamp();
    this.watchTimer = setInterval(() => this.watch(), this.opts.watchIntervalMs ?? 250);
    this.watchTimer.unref();
    void this.evaluate('start');
  }

  stop(): void {
    this.started = false;
    this.stopped = true;
    for (const t of [this.nextTimer, this.debounceTimer]) if (t) clearTimeout(t);
    if (this.watchTimer) clearInterval(this.watchTimer);
    this.nextTimer = this.debounceTimer = this.watchTimer = null;
  }

  onNetworkChange(): void {
    this.debounced('network-change');
  }

  onResume(): void {
    this.debounced('resume');
  }

  private debounced(trigger: GateTrigger): void {
    this.trigger = trigger;
    if (this.debounceTimer) return;
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = null;
      void this.evaluate(trigger);
    }, this.opts.debounceMs ?? 200);
    this.debounceTimer.unref();
  }

  private watch(): void {
    this.watchSignals();
    const stamp = this.readPolicyStamp();
    if (stamp !== this.lastPolicyStamp) {
      this.lastPolicyStamp = stamp;
      void this.evaluate('policy-change');
    }
    let fp: string;
    try {
      fp = interfacesFingerprint(this.opts.interfaces());
    } catch {
      fp = 'unreadable';
    }
    if (fp === this.lastFingerprint) return;
    this.lastFingerprint = fp;
    this.onNetworkChange();
  }

  private readPolicyStamp(): string {
    try {
      return this.opts.policyStamp?.() ?? '';
    } catch (e) {
      return `unreadable ${(e as NodeJS.ErrnoException)?.code ?? ''}`;
    }
  }

  /** Reads the signals (at most one reading at a time) and compares them with the last reading by the one rule. */
  private watchSignals(): void {
    if (!this.opts.signals || this.readingSignals) return;
    this.readingSignals = true;
    void this.readSignals().then((signals) => {
      this.readingSignals = false;
      if (!this.started) return;
      const moved = describeSignalChange(this.lastSignals, signals);
      this.lastSignals = signals;
      if (moved) this.networkMoved(moved);
    });
  }

  /**
   * A reader that throws, rejects or does not answer within `signalsTimeoutMs` proves nothing: that is a reading whose
   * every part is unreadable (a late answer is dropped), so a hung reader can never leave the watch silently stuck.
   */
  private async readSignals(): Promise<NetworkSignals | null> {
    const limit = this.opts.signalsTimeoutMs ?? 5000;
    const unreadable = (why: string): NetworkSignals => ({ defaultRoutes: [], gatewayMacs: {}, links: {}, unreadable: [`the network signals (${why})`] });
    let timer: NodeJS.Timeout | undefined;
    try {
      const late = new Promise<NetworkSignals>((resolve) => {
        timer = setTimeout(() => resolve(unreadable(`the reader did not answer within ${limit} ms`)), limit);
        timer.unref();
      });
      return await Promise.race([Promise.resolve(this.opts.signals?.()).then((r) => r ?? null), late]);
    } catch (e) {
      return unreadable(`the reader failed: ${(e as Error)?.name ?? 'error'}`);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The route, the gateway or the link changed: what was proven no longer holds. Lock now, without waiting for the
   * beacon (a dead network can take the whole grace period to answer), and re-check at once; a re-check that
   * proves the office again opens it again.
   */
  private networkMoved(what: string): void {
    this.moves++;
    const v = this.verdict;
    if (v?.state === 'office') {
      const reason = `the network changed (${what}); closed until the office network is proven again`;
      this.apply(
        { state: 'off-network', policyVersion: v.policyVersion, checks: [{ name: 'network', ok: false, code: 'network_changed', reason: what }], at: this.opts.clock.now(), reason },
        'network-change',
      );
    }
    void this.evaluate('network-change');
  }

  private async loop(): Promise<Verdict> {
    let verdict: Verdict | null = null;
    try {
      do {
        this.again = false;
        const trigger = this.trigger;
        const moves = this.moves;
        const v = await this.evaluateOnce();
        // Stopped while this evaluation ran (the console is closing, and its audit trail's database with it): there is
        // no one left to tell and nowhere to record it.
        if (this.stopped) {
          verdict = v;
          break;
        }
        // The network moved while this evaluation ran: its answer describes the old network.
        if (moves !== this.moves) {
          this.again = true;
          continue;
        }
        verdict = v;
        this.apply(v, trigger);
      } while (this.again);
    } finally {
      this.running = null;
    }
    this.scheduleNext();
    return verdict!;
  }

  private async evaluateOnce(): Promise<Verdict> {
    try {
      const policy = this.opts.loadPolicy();
      this.intervalMs = this.intervalFor(policy);
      return await evaluateNetwork(policy, {
        interfaces: this.opts.interfaces,
        dnsSuffixes: this.opts.dnsSuffixes,
        fetch: this.opts.fetch ?? pinnedFetch,
        clock: this.opts.clock,
        random: this.opts.random ?? systemRandom,
        lookup: this.opts.lookup,
      });
    } catch (e) {
      // Fail closed: a check that cannot run is a check that did not pass.
      const reason = `the network check could not run (${(e as Error)?.name ?? 'error'})`;
      return { state: 'off-network', checks: [{ name: 'gate', ok: false, code: 'gate_error', reason }], at: this.opts.clock.now(), reason };
    }
  }

  private apply(verdict: Verdict, trigger: GateTrigger): void {
    const previous = this.announced;
    this.verdict = verdict;
    if (previous && sameOutcome(previous, verdict)) return;
    this.announced = verdict;
    this.audit({
      action: AUDIT_ACTIONS.networkVerdict,
      actor: 'system',
      target: verdict.siteId ? `site:${verdict.siteId}` : undefined,
      details: {
        state: verdict.state,
        previous: previous?.state ?? null,
        site: verdict.siteId ?? null,
        policyVersion: verdict.policyVersion ?? null,
        trigger,
        reason: verdict.reason,
        ...Object.fromEntries(verdict.checks.map((c) => [`check.${c.name}`, `${c.ok ? 'ok' : 'fail'} ${c.code}: ${c.reason}`])),
      },
    });
    this.listeners.emit(verdict, previous);
  }

  private scheduleNext(): void {
    if (!this.started) return;
    if (this.nextTimer) clearTimeout(this.nextTimer);
    const blind = this.lastSignals?.unreadable?.length ? (this.opts.blindRecheckMs ?? 10_000) : Infinity;
    this.nextTimer = setTimeout(() => void this.evaluate('interval'), Math.min(this.intervalMs, blind));
    this.nextTimer.unref();
  }

  private intervalFor(policy: PolicyResult): number {
    return policy.kind === 'accepted' ? policy.policy.checks.intervalSeconds * 1000 : (this.opts.idleRecheckMs ?? 60_000);
  }
}

function sameOutcome(a: Verdict, b: Verdict): boolean {
  return a.state === b.state && a.siteId === b.siteId && a.policyVersion === b.policyVersion;
}
