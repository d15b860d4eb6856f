import { hubSignature } from '../../main/core/connectors/whatsapp/signature';
import { FaultPlan, json, listen, playFault, type Exchange, type LoopbackServer } from './server';

const DAY = 86_400_000;

interface Msg {
  id: string;
  at: number;
  fromId: string;
  text: string;
}

interface Thread {
  id: string;
  platform: 'messenger' | 'instagram';
  customer: { id: string; name: string };
  messages: Msg[];
  lastInboundAt: number;
}

/**
 * The Meta Graph API on 127.0.0.1 (platform-apis.md §2–3): the Conversations API with cursor paging for Messenger and
 * Instagram, the Send API with the 24-hour / HUMAN_AGENT 7-day windows, WhatsApp Cloud API sends (131047 arriving
 * later as a `failed` status), Graph errors, usage headers, and signed webhook deliveries (optionally duplicated or
 * badly signed) to a relay URL.
 */
export class MetaEmulator {
  readonly faults = new FaultPlan();
  readonly pageId = '700000000000001';
  /** The Instagram professional account linked to the Page: the business's side of Instagram threads. */
  readonly igAccountId = '17840000000000009';
  readonly phoneNumberId = '420000000000002';
  readonly appSecret = 'test-app-secret-123';
  tokens = new Set<string>();
  threads = new Map<string, Thread>();
  sends: Array<{ recipient: string; text: string; messaging_type: string; tag?: string; id: string }> = [];
  waSends: Array<{ to: string; type: string; body: Record<string, unknown>; id: string }> = [];
  calls: Array<{ route: string; at: number; status: number }> = [];
  /** Handover protocol requests (`POST /<page>/{take,pass,request}_thread_control`), in order. */
  threadControl: Array<{ action: 'take' | 'pass' | 'request'; recipient: string; targetAppId?: string; metadata?: string }> = [];
  /** Which app owns each customer's thread (by customer id); absent: this app. */
  threadOwner = new Map<string, string>();
  /** This emulated app's id, the owner after a `take`. */
  readonly appId = '1000000000000001';
  /** Sent as X-Business-Use-Case-Usage on every answer when set. */
  usage: { call_count: number; total_time: number; total_cputime: number; estimated_time_to_regain_access: number } | null = null;
  /** Customers' last inbound on WhatsApp (by wa_id), for the 24-hour rule. */
  waLastInbound = new Map<string, number>();
  /** Pending WhatsApp status webhooks produced by sends. */
  waStatuses: Array<Record<string, unknown>> = [];
  pageSize = 25;
  /** Where `paging.next` links point (default this emulator): a hostile Graph can name any other host there. */
  pagingBase: string | null = null;
  now: () => number = () => Date.now();
  private seq = 1;
  private server!: LoopbackServer;

  static async start(token: string, lifeMs?: number): Promise<MetaEmulator> {
    const e = new MetaEmulator();
    e.tokens.add(token);
    e.server = await listen((x) => e.handle(x), lifeMs);
    return e;
  }

  get url(): string {
    return this.server.url;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  addInbound(platform: 'messenger' | 'instagram', customerId: string, name: string, text: string, at = this.now()): string {
    const t = this.threads.get(customerId) ?? { id: `t_${customerId}`, platform, customer: { id: customerId, name }, messages: [], lastInboundAt: 0 };
    const id = `m_${platform === 'instagram' ? 'ig' : 'fb'}${this.seq++}`;
    t.messages.push({ id, at, fromId: customerId, text });
    t.lastInboundAt = Math.max(t.lastInboundAt, at);
    this.threads.set(customerId, t);
    return id;
  }

  /**
   * Files on the "CDN" (`/cdn/<name>`: signed links, no token, as Messenger/Instagram webhook URLs are) and WhatsApp
   * media (`GET /<version>/<media-id>` → a short-lived link, `/wa-media/<id>` needs the token). Attachment ids of the
   * Conversations API answer `GET /<version>/<id>` with their `file_url`/`image_data`.
   */
  readonly cdn = new Map<string, { content: Buffer; mimeType: string }>();
  readonly waMedia = new Map<string, { content: Buffer; mimeType: string }>();
  readonly attachmentIds = new Map<string, { cdnName: string; name?: string; mimeType: string }>();
  /** Authorization headers seen by the CDN (a CDN link must never get the Page token). */
  cdnAuth: string[] = [];

  private serveMedia(x: Exchange): boolean {
    const cdn = /^\/cdn\/([\w.-]+)$/.exec(x.url.pathname);
    if (cdn) {
      if (x.req.headers.authorization) this.cdnAuth.push(x.req.headers.authorization);
      const f = this.cdn.get(cdn[1]!);
      if (!f) json(x.res, 403, { error: 'URL signature expired' });
      else this.file(x, f);
      return true;
    }
    const wa = /^\/wa-media\/([\w.-]+)$/.exec(x.url.pathname);
    if (wa) {
      const token = /^Bearer (.+)$/.exec(x.req.headers.authorization ?? '')?.[1] ?? '';
      const f = this.waMedia.get(wa[1]!);
      if (!this.tokens.has(token)) this.graphError(x, 401, 190, 'Invalid OAuth access token.');
      else if (!f) this.graphError(x, 404, 100, 'Media not found');
      else this.file(x, f);
      return true;
    }
    const parts = x.url.pathname.split('/').filter(Boolean);
    if (parts.length !== 2 || x.req.method !== 'GET') return false;
    const token = /^Bearer (.+)$/.exec(x.req.headers.authorization ?? '')?.[1] ?? '';
    const media = this.waMedia.get(parts[1]!);
    const att = this.attachmentIds.get(parts[1]!);
    if (!media && !att) return false;
    if (!this.tokens.has(token)) {
      this.graphError(x, 400, 190, 'Error validating access token: The session has been invalidated.', 'OAuthException', 460);
      return true;
    }
    if (media) {
      json(x.res, 200, { url: `${this.url}/wa-media/${parts[1]}`, mime_type: media.mimeType, sha256: 'x', file_size: media.content.length, id: parts[1], messaging_product: 'whatsapp' });
    } else {
      const link = `${this.url}/cdn/${att!.cdnName}`;
      json(x.res, 200, { id: parts[1], mime_type: att!.mimeType, ...(att!.name ? { name: att!.name } : {}), ...(att!.mimeType.startsWith('image/') ? { image_data: { url: link } } : { file_url: link }) });
    }
    return true;
  }

  private file(x: Exchange, f: { content: Buffer; mimeType: string }): void {
    x.res.writeHead(200, { 'content-type': f.mimeType, 'content-length': f.content.length });
    x.res.end(f.content);
  }

  private handle(x: Exchange): void {
    if (this.serveMedia(x)) return;
    const parts = x.url.pathname.split('/').filter(Boolean); // [version, node, edge]
    const [, node, edge] = parts;
    const route =
      edge === 'conversations' ? 'conversations' : node === this.pageId && !edge && x.req.method === 'GET' ? 'page' : node === this.phoneNumberId && !edge && x.req.method === 'GET' ? 'number' : node === this.phoneNumberId && edge === 'messages' ? 'wa-send' : edge === 'messages' && x.req.method === 'POST' ? 'send' : edge === 'messages' ? 'thread' : /^(take|pass|request)_thread_control$/.test(edge ?? '') && x.req.method === 'POST' ? 'thread-control' : 'unknown';
    const done = (status: number) => void this.calls.push({ route, at: Date.now(), status });
    const fault = this.faults.take(route);
    if (playFault(fault, x)) return done(fault?.kind === 'status' ? fault.status : 0);
    const token = /^Bearer (.+)$/.exec(x.req.headers.authorization ?? '')?.[1] ?? String(x.params.access_token ?? '');
    if (!this.tokens.has(token)) {
      done(400);
      return this.graphError(x, 400, 190, 'Error validating access token: The session has been invalidated.', 'OAuthException', 460);
    }
    if (route === 'conversations') return done(this.conversations(x));
    if (route === 'page') {
      json(x.res, 200, { id: this.pageId, instagram_business_account: { id: this.igAccountId } }, this.headers());
      return done(200);
    }
    if (route === 'number') {
      json(x.res, 200, { id: this.phoneNumberId, display_phone_number: '15550100000', verified_name: 'Support' }, this.headers());
      return done(200);
    }
    if (route === 'thread') return done(this.thread(x, node!));
    if (route === 'send') return done(this.send(x, fault?.kind === 'drop-after'));
    if (route === 'wa-send') return done(this.waSend(x, fault?.kind === 'drop-after'));
    if (route === 'thread-control') return done(this.handover(x, edge!.replace('_thread_control', '') as 'take' | 'pass' | 'request'));
    done(404);
    this.graphError(x, 404, 803, 'Unknown path');
  }

  private headers(): Record<string, string> {
    return this.usage ? { 'x-business-use-case-usage': JSON.stringify({ [this.pageId]: [{ type: 'pages', ...this.usage }] }) } : {};
  }

  graphError(x: Exchange, status: number, code: number, message: string, type = 'OAuthException', subcode?: number): void {
    json(x.res, status, { error: { message, type, code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: 'AbCdEf123' } }, this.headers());
  }

  private conversations(x: Exchange): number {
    const platform = x.params.platform === 'instagram' ? 'instagram' : 'messenger';
    const list = [...this.threads.values()]
      .filter((t) => t.platform === platform)
      .sort((a, b) => updated(b) - updated(a));
    const start = Number(x.params.after ?? 0);
    const page = list.slice(start, start + this.pageSize);
    const more = start + this.pageSize < list.length;
    const self = platform === 'instagram' ? { id: this.igAccountId, username: 'acme' } : { id: this.pageId, name: 'Acme' };
    json(
      x.res,
      200,
      {
        data: page.map((t) => ({
          id: t.id,
          updated_time: graphTime(updated(t)),
          participants: { data: [{ id: t.customer.id, name: t.customer.name }, self] },
          messages: this.messagesPage(t, 0, 10),
        })),
        paging: { cursors: { after: String(start + this.pageSize) }, ...(more ? { next: `${this.pagingBase ?? this.url}/v24.0/${this.pageId}/conversations?platform=${platform}&after=${start + this.pageSize}` } : {}) },
      },
      this.headers(),
    );
    return 200;
  }

  private messagesPage(t: Thread, start: number, limit: number) {
    const newestFirst = [...t.messages].sort((a, b) => b.at - a.at);
    const page = newestFirst.slice(start, start + limit);
    const more = start + limit < newestFirst.length;
    return {
      data: page.map((m) => ({
        id: m.id,
        created_time: graphTime(m.at),
        from:
          m.fromId === this.pageId
            ? t.platform === 'instagram'
              ? { id: this.igAccountId, username: 'acme' }
              : { id: this.pageId, name: 'Acme' }
            : { id: t.customer.id, name: t.customer.name },
        message: m.text,
      })),
      paging: more ? { next: `${this.pagingBase ?? this.url}/v24.0/${t.id}/messages?after=${start + limit}` } : {},
    };
  }

  private thread(x: Exchange, id: string): number {
    const t = [...this.threads.values()].find((v) => v.id === id);
    if (!t) {
      this.graphError(x, 400, 100, 'Unsupported get request.');
      return 400;
    }
    json(x.res, 200, this.messagesPage(t, Number(x.params.after ?? 0), 10), this.headers());
    return 200;
  }

  private send(x: Exchange, dropAfter: boolean): number {
    const p = x.params as { recipient?: { id?: string }; message?: { text?: string }; messaging_type?: string; tag?: string };
    const recipient = p.recipient?.id ?? '';
    const t = this.threads.get(recipient);
    if (!t) {
      this.graphError(x, 400, 100, 'No matching user found', 'OAuthException', 2018001);
      return 400;
    }
    const since = this.now() - t.lastInboundAt;
    const allowed = p.messaging_type === 'RESPONSE' ? since < DAY : p.messaging_type === 'MESSAGE_TAG' && p.tag === 'HUMAN_AGENT' ? since < 7 * DAY : false;
    if (!allowed) {
      this.graphError(x, 400, 10, 'This message is sent outside of allowed window.', 'OAuthException', 2018278);
      return 400;
    }
    const id = `m_out${this.seq++}`;
    const text = p.message?.text ?? '';
    this.sends.push({ recipient, text, messaging_type: p.messaging_type!, ...(p.tag ? { tag: p.tag } : {}), id });
    t.messages.push({ id, at: this.now(), fromId: this.pageId, text });
    if (dropAfter) {
      x.req.socket.destroy();
      return 0;
    }
    json(x.res, 200, { recipient_id: recipient, message_id: id }, this.headers());
    return 200;
  }

  /** Handover protocol as Meta documents it: an unknown customer or a pass without `target_app_id` is a Graph error. */
  private handover(x: Exchange, action: 'take' | 'pass' | 'request'): number {
    const p = x.params as { recipient?: { id?: string }; target_app_id?: string | number; metadata?: string };
    const recipient = p.recipient?.id ?? '';
    if (!this.threads.has(recipient)) {
      this.graphError(x, 400, 100, 'No matching user found', 'OAuthException', 2018001);
      return 400;
    }
    if (action === 'pass' && p.target_app_id === undefined) {
      this.graphError(x, 400, 100, '(#100) The parameter target_app_id is required');
      return 400;
    }
    const targetAppId = p.target_app_id === undefined ? undefined : String(p.target_app_id);
    this.threadControl.push({ action, recipient, ...(targetAppId ? { targetAppId } : {}), ...(p.metadata ? { metadata: p.metadata } : {}) });
    if (action === 'take') this.threadOwner.set(recipient, this.appId);
    if (action === 'pass') this.threadOwner.set(recipient, targetAppId!);
    json(x.res, 200, { success: true }, this.headers());
    return 200;
  }

  private waSend(x: Exchange, dropAfter: boolean): number {
    const p = x.params as Record<string, unknown> & { to?: string; recipient?: string; type?: string };
    // A phone number goes in `to`; a business-scoped user id (`CC.digits`) only in `recipient`.
    if ((p.to !== undefined && !/^\d+$/.test(String(p.to))) || (p.recipient !== undefined && !/^[A-Z]{2}\.\d+$/.test(String(p.recipient))) || (p.to === undefined) === (p.recipient === undefined)) {
      this.graphError(x, 400, 100, '(#100) Invalid parameter: give a phone number in to or a business-scoped user id in recipient');
      return 400;
    }
    const to = String(p.to ?? p.recipient);
    const id = `wamid.OUT${this.seq++}==`;
    this.waSends.push({ to, type: String(p.type), body: p, id });
    const ts = String(Math.floor(this.now() / 1000));
    const last = this.waLastInbound.get(to) ?? 0;
    if (p.type === 'text' && this.now() - last >= DAY) {
      // Accepted now, failed later: 131047 arrives only as a status webhook.
      this.waStatuses.push({
        id,
        status: 'failed',
        timestamp: ts,
        recipient_id: to,
        errors: [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', error_data: { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' } }],
      });
    } else {
      // Out of order on purpose: read may come before delivered.
      this.waStatuses.push({ id, status: 'sent', timestamp: ts, recipient_id: to }, { id, status: 'read', timestamp: ts, recipient_id: to }, { id, status: 'delivered', timestamp: ts, recipient_id: to });
    }
    if (dropAfter) {
      x.req.socket.destroy();
      return 0;
    }
    json(x.res, 200, { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id, message_status: 'accepted' }] }, this.headers());
    return 200;
  }

  /** Marks a customer as having written now, so free text to them is inside the 24-hour window. */
  waInboundNow(customer: string): void {
    this.waLastInbound.set(customer, this.now());
  }

  /** A WhatsApp webhook body with these inbound messages (and the pending statuses when `withStatuses`). */
  waPayload(messages: Array<{ from: string; name: string; text: string; id?: string; at?: number }>, withStatuses = false): Record<string, unknown> {
    const value: Record<string, unknown> = {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550100000', phone_number_id: this.phoneNumberId },
    };
    if (messages.length) {
      value.contacts = messages.map((m) => ({ profile: { name: m.name }, wa_id: m.from }));
      value.messages = messages.map((m) => {
        const at = m.at ?? this.now();
        this.waLastInbound.set(m.from, Math.max(this.waLastInbound.get(m.from) ?? 0, at));
        return { from: m.from, id: m.id ?? `wamid.IN${this.seq++}==`, timestamp: String(Math.floor(at / 1000)), type: 'text', text: { body: m.text } };
      });
    }
    if (withStatuses) value.statuses = this.waStatuses.splice(0);
    return { object: 'whatsapp_business_account', entry: [{ id: '310000000000001', changes: [{ field: 'messages', value }] }] };
  }

  /** POSTs a webhook to the relay the way Meta does: raw bytes signed with the app secret (`\uXXXX` escapes included). */
  async deliver(url: string, payload: unknown, opts: { badSignature?: boolean; times?: number } = {}): Promise<number[]> {
    const raw = Buffer.from(JSON.stringify(payload).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    const sig = hubSignature(raw, opts.badSignature ? 'wrong-secret' : this.appSecret);
    const statuses: number[] = [];
    for (let i = 0; i < (opts.times ?? 1); i++) {
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sig }, body: raw });
      await r.arrayBuffer();
      statuses.push(r.status);
    }
    return statuses;
  }
}

function updated(t: Thread): number {
  return Math.max(...t.messages.map((m) => m.at));
}

function graphTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, '+0000');
}
