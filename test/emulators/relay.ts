import crypto from 'node:crypto';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { relayProtocol } from '../../main/core/connectors/relay-client';
import { GRAPH_VERSION } from '../../main/core/connectors/meta/graph';
import { parseWhatsAppWebhook, statusesToReceipts, verifyHubSignature } from '../../main/core/connectors/whatsapp';
import { createHubCertificate } from '../../main/hub/tls';
import type { MetaEmulator } from './meta';
import { json, listen, type Exchange, type LoopbackServer } from './server';

type RelayEvent = relayProtocol.RelayEvent;
type Reply = relayProtocol.ReplyResponse;
type ReplyRequest = ReturnType<typeof relayProtocol.replyRequest.parse>;

const MAX_EVENTS = 1_000;

/**
 * An office relay of an earlier release, on 127.0.0.1, speaking the console ⇄ relay protocol (`relay-client/protocol.ts`)
 * for one WhatsApp channel: pinned TLS, device sign-in (challenge, Ed25519 signature of an enrolled device), long-polled
 * events after the console's cursor, and replies idempotent by outbox id, sent to the Meta emulator's Cloud API. Meta
 * posts webhooks to its plain-HTTP intake (`webhookUrl`), checked with the app secret and parsed by the console's own
 * WhatsApp parser. `down()` takes the console side away (connections refused), `up()` brings it back on the same port
 * with the same certificate; whatever arrived meanwhile is kept. Everything is bounded and closes itself after `lifeMs`.
 */
export class RelayEmulator {
  readonly pin: string;
  /** Replies by outbox id, and how many times each reached Meta. */
  readonly replies = new Map<string, Reply>();
  readonly sentToMeta = new Map<string, number>();
  readonly signIns: string[] = [];
  /** Requests the console side answered (or began to). */
  requests = 0;
  private readonly events: RelayEvent[] = [];
  private readonly devices = new Map<string, string>();
  private readonly nonces = new Map<string, number>();
  private readonly sessions = new Map<string, number>();
  private readonly waiting = new Set<() => void>();
  private readonly sockets = new Set<Socket>();
  private server: https.Server | null = null;
  private port = 0;
  private seq = 0;
  private intake!: LoopbackServer;
  private timer!: NodeJS.Timeout;

  private constructor(
    private readonly tls: { certPem: string; keyPem: string; pin: string },
    private readonly o: { meta: MetaEmulator; token: string; channelId: string },
  ) {
    this.pin = tls.pin;
  }

  static async start(o: { meta: MetaEmulator; token: string; channelId: string; lifeMs?: number }): Promise<RelayEmulator> {
    const r = new RelayEmulator(await createHubCertificate(['127.0.0.1']), o);
    r.intake = await listen((x) => r.webhook(x), o.lifeMs ?? 180_000);
    await r.up();
    r.timer = setTimeout(() => void r.close(), o.lifeMs ?? 180_000);
    r.timer.unref();
    return r;
  }

  get url(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  get webhookUrl(): string {
    return `${this.intake.url}/webhooks/${this.o.channelId}`;
  }

  /** IT enrols the console's device at the relay. */
  enrol(fingerprint: string, publicKeyPem: string): void {
    this.devices.set(fingerprint, publicKeyPem);
  }

  async up(): Promise<void> {
    if (this.server) return;
    const server = https.createServer({ cert: this.tls.certPem, key: this.tls.keyPem }, (req, res) => void this.console(req, res));
    server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** The relay is unreachable: its console port closes and every open long poll breaks. */
  async down(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    for (const wake of this.waiting) wake();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    await this.down();
    await this.intake.close();
  }

  private async webhook(x: Exchange): Promise<void> {
    if (x.req.method !== 'POST' || x.url.pathname !== `/webhooks/${this.o.channelId}`) return json(x.res, 404, { error: 'not_found' });
    if (!verifyHubSignature(x.body, x.req.headers['x-hub-signature-256'] as string | undefined, this.o.meta.appSecret)) return json(x.res, 401, { error: 'bad_signature' });
    const parsed = parseWhatsAppWebhook(JSON.parse(x.body.toString('utf8')), this.o.meta.phoneNumberId);
    for (const message of parsed.messages) this.push({ seq: ++this.seq, kind: 'message', message });
    for (const receipt of statusesToReceipts(parsed.statuses)) this.push({ seq: ++this.seq, kind: 'receipt', receipt });
    json(x.res, 200, { ok: true });
  }

  private push(e: RelayEvent): void {
    if (this.events.length >= MAX_EVENTS) this.events.shift();
    this.events.push(e);
    for (const wake of this.waiting) wake();
  }

  private async console(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    this.requests++;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'https://relay.invalid');
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
    const api = relayProtocol.RELAY_API;
    if (req.method === 'POST' && url.pathname === `${api}/session/challenge`) {
      const nonce = crypto.randomBytes(24).toString('base64url');
      this.nonces.set(nonce, Date.now() + 60_000);
      return json(res, 200, { nonce, expiresAt: Date.now() + 60_000 });
    }
    if (req.method === 'POST' && url.pathname === `${api}/session`) {
      const s = relayProtocol.sessionRequest.parse(body);
      const key = this.devices.get(s.fingerprint);
      if (!key) return json(res, 403, { error: 'not_enrolled', message: 'not enrolled' });
      const fresh = (this.nonces.get(s.nonce) ?? 0) > Date.now();
      this.nonces.delete(s.nonce);
      const message = Buffer.from(relayProtocol.deviceAuthMessage(s.nonce, s.timestamp, s.fingerprint));
      if (!fresh || !crypto.verify(null, message, key, Buffer.from(s.signature, 'base64'))) return json(res, 401, { error: 'bad_signature', message: 'bad signature' });
      const token = crypto.randomBytes(32).toString('base64url');
      this.sessions.set(token, Date.now() + 3_600_000);
      this.signIns.push(s.fingerprint);
      return json(res, 200, { token, expiresAt: Date.now() + 3_600_000 });
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if ((this.sessions.get(token) ?? 0) <= Date.now()) return json(res, 401, { error: 'session_invalid', message: 'sign in again' });
    const path = `${api}/channels/${this.o.channelId}`;
    if (req.method === 'GET' && url.pathname === `${path}/events`) {
      const after = Number(url.searchParams.get('after') ?? 0);
      const wait = Math.min(relayProtocol.MAX_WAIT_SECONDS, Number(url.searchParams.get('wait') ?? 0)) * 1000;
      const limit = Math.min(relayProtocol.MAX_EVENTS, Number(url.searchParams.get('limit') ?? 100));
      const pending = () => this.events.filter((e) => e.seq > after);
      if (pending().length === 0 && wait > 0) {
        await new Promise<void>((resolve) => {
          const wake = () => {
            this.waiting.delete(wake);
            clearTimeout(t);
            resolve();
          };
          const t = setTimeout(wake, wait);
          this.waiting.add(wake);
        });
      }
      if (res.destroyed) return;
      const all = pending();
      return json(res, 200, { events: all.slice(0, limit), more: all.length > limit });
    }
    if (req.method === 'POST' && url.pathname === `${path}/replies`) {
      const r = relayProtocol.replyRequest.parse(body);
      const known = this.replies.get(r.outboxId);
      if (known) return json(res, 200, known);
      const answer = await this.sendToMeta(r);
      this.replies.set(r.outboxId, answer);
      return json(res, 200, answer);
    }
    const asked = new RegExp(`^${path}/replies/([^/]+)$`).exec(url.pathname);
    if (req.method === 'GET' && asked) {
      const known = this.replies.get(decodeURIComponent(asked[1]!));
      return known ? json(res, 200, known) : json(res, 404, { error: 'not_found', message: 'no such reply' });
    }
    json(res, 404, { error: 'not_found', message: 'no such path' });
  }

  private async sendToMeta(r: ReplyRequest): Promise<Reply> {
    this.sentToMeta.set(r.outboxId, (this.sentToMeta.get(r.outboxId) ?? 0) + 1);
    const answer = await fetch(`${this.o.meta.url}/${GRAPH_VERSION}/${this.o.meta.phoneNumberId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.o.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ messaging_product: 'whatsapp', to: r.platformConversationId, type: 'text', text: { body: r.text } }),
    });
    const sent = (await answer.json()) as { messages?: Array<{ id: string }> };
    const id = sent.messages?.[0]?.id;
    return id ? { outboxId: r.outboxId, state: 'sent', platformMessageId: id, at: Date.now() } : { outboxId: r.outboxId, state: 'failed', reason: `Meta answered ${answer.status}.` };
  }
}
