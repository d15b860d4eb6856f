import crypto from 'node:crypto';
import { request, type Agent } from 'undici';
import { pinnedAgent } from '../core/connectors/relay-client/link';
import { AUDIT_HEAD_DOMAIN, GRANT_DOMAIN, signStatement, type RevealGrant } from '../core/custody';
import { DiwanError } from '../core/shared/errors';

/** What the hub needs of a custodian, across the network (`CustodianLink`) or in-process (`EmbeddedCustodian`). */
export interface CustodianPort {
  start(): Promise<void>;
  /** The key to seal to now (synchronous: it runs on the ingest path). */
  readonly sealingKey: () => { epoch: number; publicKey: string };
  open(grant: RevealGrant): Promise<{ sealed: string; expiresAt: number }>;
  checkpoint(head: { seq: number; hash: string }): Promise<void>;
  lastCheckpoint(): Promise<{ seq: number; hash: string } | null>;
  close(): Promise<void>;
}

/**
 * The hub's side of the custodian: fetches the public sealing key of the current epoch (refreshed every few
 * minutes, so a new epoch is picked up soon after the custodian rotates) and passes signed grants on. Pinned TLS,
 * like consoles to the hub. The hub never receives a private key or an opened value: the custodian answers with the
 * value re-sealed to the requesting console.
 */
export class CustodianLink implements CustodianPort {
  private readonly agent: Agent;
  private key: { epoch: number; publicKey: string; fetchedAt: number } | null = null;
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly o: { url: string; pin: string; team: string; grantKey: crypto.KeyObject; now: () => number; refreshMs?: number; timeoutMs?: number },
  ) {
    this.agent = pinnedAgent({ pin: o.pin, timeoutMs: o.timeoutMs ?? 5_000, pinError: 'CUSTODIAN_PIN_MISMATCH' });
  }

  /** Fetches the current key; the hub does not start without one. */
  async start(): Promise<void> {
    await this.refresh();
  }

  /** The key to seal to now. Synchronous for the ingest path; a stale key triggers a background refresh. */
  readonly sealingKey = (): { epoch: number; publicKey: string } => {
    if (!this.key) throw new DiwanError('custodian_unreachable', 'The hub has no sealing key from the custodian yet; it does not store originals it cannot seal.');
    if (this.o.now() - this.key.fetchedAt > (this.o.refreshMs ?? 300_000)) this.refreshing ??= this.refresh().catch(() => {}).finally(() => (this.refreshing = null));
    return this.key;
  };

  async refresh(): Promise<void> {
    const r = await this.call('GET', '/v1/public-key');
    if (r.team !== this.o.team || typeof r.epoch !== 'number' || typeof r.publicKey !== 'string') {
      throw new DiwanError('custodian_mismatch', `The custodian at ${this.o.url} keeps keys for team "${String(r.team)}", not "${this.o.team}".`);
    }
    this.key = { epoch: r.epoch, publicKey: r.publicKey, fetchedAt: this.o.now() };
  }

  /** Signs the grant and asks the custodian to re-seal its one value to the requesting device. */
  async open(grant: RevealGrant): Promise<{ sealed: string; expiresAt: number }> {
    const r = await this.call('POST', '/v1/open', { grant, signature: signStatement(GRANT_DOMAIN, grant, this.o.grantKey) });
    return { sealed: String(r.sealed), expiresAt: Number(r.expiresAt) };
  }

  /** Checkpoints the hub's audit head at the custodian. */
  async checkpoint(head: { seq: number; hash: string }): Promise<void> {
    const body = { seq: head.seq, hash: head.hash, at: this.o.now() };
    await this.call('POST', '/v1/audit-head', { body, signature: signStatement(AUDIT_HEAD_DOMAIN, body, this.o.grantKey) });
  }

  async lastCheckpoint(): Promise<{ seq: number; hash: string } | null> {
    return ((await this.call('GET', '/v1/audit-head')).head as { seq: number; hash: string } | null) ?? null;
  }

  async close(): Promise<void> {
    await this.refreshing;
    await this.agent.close();
  }

  private async call(method: 'GET' | 'POST', path: string, json?: unknown): Promise<Record<string, unknown>> {
    let res;
    try {
      res = await request(this.o.url.replace(/\/+$/, '') + path, {
        method,
        dispatcher: this.agent,
        headers: json !== undefined ? { 'content-type': 'application/json' } : {},
        body: json !== undefined ? JSON.stringify(json) : undefined,
        headersTimeout: this.o.timeoutMs ?? 5_000,
        bodyTimeout: this.o.timeoutMs ?? 5_000,
      });
    } catch (e) {
      const code = (e as { code?: string }).code ?? 'error';
      throw new DiwanError(
        'custodian_unreachable',
        code === 'CUSTODIAN_PIN_MISMATCH' ? 'The server at the custodian address did not show the pinned certificate; nothing was sent. Tell IT.' : `The custodian cannot be reached (${code}).`,
      );
    }
    const text = await res.body.text();
    let body: Record<string, unknown>;
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      throw new DiwanError('custodian_malformed', 'The custodian\'s answer was not JSON.');
    }
    if (res.statusCode !== 200) throw new DiwanError(String(body.error ?? 'custodian_refused'), String(body.message ?? `The custodian answered ${res.statusCode}.`));
    return body;
  }
}
