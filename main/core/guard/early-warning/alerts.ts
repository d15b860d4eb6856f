import type { Db } from '../../shared/db';
import { noAudit, systemClock, type AuditPort, type Clock } from '../../shared/ports';
import type { GuardPolicy } from '../policy';
import type { DetectSensitive, Notifier } from '../ports';
import { EarlyWarningDetector, type SecurityAlert } from './detector';
import { formatSyslog, postWebhook, sendSyslog, type DeliveryOutcome } from './delivery';
import { AUDIT_ACTIONS } from '../../shared/audit-actions';

export interface StoredAlert extends SecurityAlert {
  id: number;
  acknowledgedAt: number | null;
}

export interface EarlyWarningDeps {
  db: Db;
  policy: GuardPolicy;
  detectSensitive: DetectSensitive;
  notify?: Notifier;
  audit?: AuditPort;
  clock?: Clock;
}

/**
 * Early warning as a service: feed it every inbound customer message; spikes become stored alerts, shown in the
 * lead's panel and as an OS notification (`notify`), and sent to the policy's syslog and webhook endpoints.
 */
export class EarlyWarning {
  readonly detector: EarlyWarningDetector;
  private readonly audit: AuditPort;
  private readonly clock: Clock;
  private readonly pending = new Set<Promise<DeliveryOutcome[]>>();

  constructor(private readonly deps: EarlyWarningDeps) {
    const ew = deps.policy.earlyWarning;
    this.detector = new EarlyWarningDetector(ew, deps.detectSensitive);
    this.audit = deps.audit ?? noAudit;
    this.clock = deps.clock ?? systemClock;
  }

  observe(msg: { conversationRef: string; text: string; at?: number }): StoredAlert[] {
    const alerts = this.detector.observe({ ...msg, at: msg.at ?? this.clock.now() });
    return alerts.map((a) => this.raise(a));
  }

  list(limit = 50): StoredAlert[] {
    const rows = this.deps.db.prepare('SELECT id, payload, acknowledged_at FROM guard_alerts ORDER BY raised_at DESC LIMIT ?').all(Math.min(limit, 500)) as Array<{ id: number; payload: string; acknowledged_at: number | null }>;
    return rows.map((r) => ({ ...(JSON.parse(r.payload) as SecurityAlert), id: r.id, acknowledgedAt: r.acknowledged_at }));
  }

  acknowledge(id: number, by: string): void {
    this.deps.db.prepare('UPDATE guard_alerts SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND acknowledged_at IS NULL').run(this.clock.now(), by, id);
    this.audit({ action: AUDIT_ACTIONS.alertAcknowledged, actor: by, target: `alert:${id}` });
  }

  /** Resolves when every delivery started so far has finished (for tests, and before shutdown). */
  async settled(): Promise<DeliveryOutcome[]> {
    return (await Promise.all([...this.pending])).flat();
  }

  private raise(a: SecurityAlert): StoredAlert {
    const r = this.deps.db
      .prepare('INSERT INTO guard_alerts (signal, raised_at, window_count, baseline, payload) VALUES (?, ?, ?, ?, ?)')
      .run(a.signal, a.raisedAt, a.windowCount, a.expected, JSON.stringify(a));
    const stored: StoredAlert = { ...a, id: Number(r.lastInsertRowid), acknowledgedAt: null };
    this.audit({ action: AUDIT_ACTIONS.alertRaised, actor: 'system', target: `alert:${stored.id}`, details: { signal: a.signal, count: a.windowCount, conversations: a.conversationIds.length } });
    this.deps.notify?.({
      kind: 'security_alert',
      title: `Security alert: ${a.signal.replace('_', ' ')}`,
      body: `${a.windowCount} customer messages in the last window (about ${a.expected} expected), in ${a.conversationIds.length} conversations.`,
      at: a.raisedAt,
    });
    this.deliver(stored);
    return stored;
  }

  private deliver(alert: StoredAlert): void {
    const { syslog, webhook } = this.deps.policy.earlyWarning;
    const jobs: Array<Promise<DeliveryOutcome>> = [];
    if (syslog) jobs.push(sendSyslog(syslog, formatSyslog(alert, { appName: syslog.appName })));
    if (webhook) jobs.push(postWebhook(webhook.url, alert));
    if (!jobs.length) return;
    const p = Promise.all(jobs).then((outcomes) => {
      for (const o of outcomes) {
        if (!o.ok) this.audit({ action: AUDIT_ACTIONS.alertDeliveryFailed, actor: 'system', target: `alert:${alert.id}`, details: { to: o.target, error: o.error ?? 'unknown' } });
      }
      this.pending.delete(p);
      return outcomes;
    });
    this.pending.add(p);
  }
}
