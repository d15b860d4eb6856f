import { FaultPlan, json, listen, playFault, type Exchange, type LoopbackServer } from './server';

/** One update: `update_id` and one kind (`message`, `business_message`, `callback_query`, `my_chat_member`…). */
export interface TgUpdate {
  update_id: number;
  [kind: string]: unknown;
}

interface HeldPoll {
  x: Exchange;
  offset: number | undefined;
  limit: number;
  timer: NodeJS.Timeout;
}

/**
 * The Telegram Bot API on 127.0.0.1 (platform-apis.md §1): `getUpdates` long polling with offset confirmation,
 * `allowed_updates` kept between calls, 409 for a second poller or a webhook, 401 for unknown tokens, `sendMessage`,
 * `deleteWebhook`, plus scripted faults per method.
 */
export class TelegramEmulator {
  readonly faults = new FaultPlan();
  readonly tokens = new Set<string>();
  /** Pending, unconfirmed updates in id order. */
  updates: TgUpdate[] = [];
  sent: Array<{ chat_id: string; text: string; message_id: number; message_thread_id?: number; business_connection_id?: string }> = [];
  /** Groups upgraded to supergroups: sending to the old id fails with `migrate_to_chat_id`, as Telegram does. */
  readonly migrated = new Map<string, number>();
  /** Every call: method and wall time, for "waited as told" and "no tight loop" checks. */
  calls: Array<{ method: string; at: number; status: number; offset?: number }> = [];
  webhookUrl: string | null = null;
  /** Callback query ids the bot answered (the customer's button stops spinning). */
  answeredCallbacks: string[] = [];
  allowedUpdates: string[] | null = null;
  private nextUpdateId = 870_001;
  private nextMessageId = new Map<string, number>();
  private held: HeldPoll | null = null;
  private server!: LoopbackServer;

  constructor(token: string) {
    this.tokens.add(token);
  }

  static async start(token: string, lifeMs?: number): Promise<TelegramEmulator> {
    const e = new TelegramEmulator(token);
    e.server = await listen((x) => e.handle(x), lifeMs);
    return e;
  }

  get url(): string {
    return this.server.url;
  }

  close(): Promise<void> {
    if (this.held) clearTimeout(this.held.timer);
    return this.server.close();
  }

  revoke(token: string): void {
    this.tokens.delete(token);
  }

  /** A customer writes in a private chat; returns the update id. */
  addText(chatId: number, text: string, from: { first_name?: string; username?: string } = { first_name: 'Ana' }): number {
    return this.push({ text }, chatId, from);
  }

  addPhoto(chatId: number, caption: string): number {
    return this.push(
      {
        caption,
        photo: [
          { file_id: 'small', file_unique_id: 's', width: 90, height: 90, file_size: 1200 },
          { file_id: 'large', file_unique_id: 'l', width: 1280, height: 1280, file_size: 84211 },
        ],
      },
      chatId,
      { first_name: 'Ana' },
    );
  }

  addDocument(chatId: number): number {
    return this.push({ document: { file_id: 'doc1', file_unique_id: 'd1', file_name: 'invoice.pdf', mime_type: 'application/pdf', file_size: 5500 } }, chatId, {
      first_name: 'Ana',
    });
  }

  /** Any update as Telegram sends it (a fixture's own `update_id` is replaced by the next one). */
  addRaw(update: Record<string, unknown>): number {
    const id = this.nextUpdateId++;
    this.updates.push({ ...update, update_id: id });
    this.wake();
    return id;
  }

  private push(content: Record<string, unknown>, chatId: number, from: { first_name?: string; username?: string }): number {
    const mid = this.messageIdFor(String(chatId));
    return this.addRaw({
      message: {
        message_id: mid,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: 'private', first_name: from.first_name },
        from: { id: chatId, is_bot: false, ...from },
        ...content,
      },
    });
  }

  private messageIdFor(chat: string): number {
    const n = (this.nextMessageId.get(chat) ?? 40) + 1;
    this.nextMessageId.set(chat, n);
    return n;
  }

  /** Files a bot may download: `getFile` names the path, `/file/bot<token>/<path>` serves the bytes (Bot API §getFile). */
  readonly files = new Map<string, { path: string; content: Buffer }>();

  private handle(x: Exchange): void {
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(x.url.pathname);
    if (file) return this.serveFile(x, file[1]!, decodeURIComponent(file[2]!));
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(x.url.pathname);
    if (!m) return json(x.res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token, rawMethod] = m;
    const method = rawMethod!.toLowerCase();
    const record = (status: number, offset?: number) => void this.calls.push({ method, at: Date.now(), status, ...(offset !== undefined ? { offset } : {}) });
    if (!this.tokens.has(token!)) {
      record(401);
      return json(x.res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    }
    const fault = this.faults.take(method);
    if (playFault(fault, x)) return record(fault?.kind === 'status' ? fault.status : 0);
    switch (method) {
      case 'getupdates':
        return this.getUpdates(x, fault?.kind === 'duplicate', record);
      case 'sendmessage':
        record(200);
        return this.sendMessage(x, fault?.kind === 'drop-after');
      case 'answercallbackquery':
        record(200);
        this.answeredCallbacks.push(String(x.params.callback_query_id ?? ''));
        return json(x.res, 200, { ok: true, result: true });
      case 'getfile': {
        const f = this.files.get(String(x.params.file_id ?? ''));
        record(f ? 200 : 400);
        if (!f) return json(x.res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
        // Over 20 MB Telegram answers without a file_path: bots cannot download it.
        const path = f.content.length > 20 * 1024 * 1024 ? {} : { file_path: f.path };
        return json(x.res, 200, { ok: true, result: { file_id: x.params.file_id, file_unique_id: 'u', file_size: f.content.length, ...path } });
      }
      case 'getme':
        record(200);
        return json(x.res, 200, { ok: true, result: { id: 1, is_bot: true, first_name: 'Support bot', username: 'support_bot' } });
      case 'deletewebhook':
        record(200);
        this.webhookUrl = null;
        return json(x.res, 200, { ok: true, result: true });
      default:
        record(404);
        return json(x.res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    }
  }

  private serveFile(x: Exchange, token: string, path: string): void {
    this.calls.push({ method: 'file', at: Date.now(), status: this.tokens.has(token) ? 200 : 401 });
    const f = [...this.files.values()].find((v) => v.path === path);
    if (!this.tokens.has(token) || !f) return json(x.res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    x.res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': f.content.length });
    x.res.end(f.content);
  }

  private getUpdates(x: Exchange, duplicate: boolean, record: (s: number, o?: number) => void): void {
    const p = x.params;
    const offset = p.offset === undefined ? undefined : Number(p.offset);
    record(this.webhookUrl ? 409 : 200, offset);
    if (this.webhookUrl) {
      return json(x.res, 409, {
        ok: false,
        error_code: 409,
        description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      });
    }
    if (this.held) {
      const old = this.held;
      this.held = null;
      clearTimeout(old.timer);
      json(old.x.res, 409, {
        ok: false,
        error_code: 409,
        description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      });
    }
    if (p.allowed_updates !== undefined) {
      const a = typeof p.allowed_updates === 'string' ? JSON.parse(p.allowed_updates) : p.allowed_updates;
      this.allowedUpdates = Array.isArray(a) && a.length ? (a as string[]) : null;
    }
    if (offset !== undefined) {
      if (offset < 0) this.updates = this.updates.slice(offset);
      else this.updates = this.updates.filter((u) => u.update_id >= offset);
    }
    const limit = Math.min(100, Math.max(1, Number(p.limit ?? 100)));
    const timeout = Number(p.timeout ?? 0);
    if (!this.ready(offset).length && timeout > 0) {
      const timer = setTimeout(() => this.answer(), timeout * 1000);
      this.held = { x, offset, limit, timer };
      x.res.on('close', () => {
        if (this.held?.x === x) {
          clearTimeout(this.held.timer);
          this.held = null;
        }
      });
      return;
    }
    const batch = this.ready(offset).slice(0, limit);
    json(x.res, 200, { ok: true, result: duplicate ? [...batch, ...batch] : batch });
  }

  private ready(offset: number | undefined): TgUpdate[] {
    return this.updates.filter(
      (u) => (offset === undefined || u.update_id >= offset) && (!this.allowedUpdates || this.allowedUpdates.some((k) => k in u)),
    );
  }

  private wake(): void {
    if (this.held) setImmediate(() => this.answer());
  }

  private answer(): void {
    const h = this.held;
    if (!h) return;
    this.held = null;
    clearTimeout(h.timer);
    json(h.x.res, 200, { ok: true, result: this.ready(h.offset).slice(0, h.limit) });
  }

  private sendMessage(x: Exchange, dropAfter: boolean): void {
    const chat = String(x.params.chat_id ?? '');
    const text = String(x.params.text ?? '');
    if (!chat) return json(x.res, 400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' });
    if (!text) return json(x.res, 400, { ok: false, error_code: 400, description: 'Bad Request: message text is empty' });
    const newChat = this.migrated.get(chat);
    if (newChat !== undefined) {
      return json(x.res, 400, {
        ok: false,
        error_code: 400,
        description: 'Bad Request: group chat was upgraded to a supergroup chat',
        parameters: { migrate_to_chat_id: newChat },
      });
    }
    const thread = x.params.message_thread_id === undefined ? undefined : Number(x.params.message_thread_id);
    const business = x.params.business_connection_id === undefined ? undefined : String(x.params.business_connection_id);
    const message_id = this.messageIdFor(chat);
    this.sent.push({ chat_id: chat, text, message_id, ...(thread ? { message_thread_id: thread } : {}), ...(business ? { business_connection_id: business } : {}) });
    if (dropAfter) return void x.req.socket.destroy();
    json(x.res, 200, {
      ok: true,
      result: {
        message_id,
        date: Math.floor(Date.now() / 1000),
        from: { id: 123456, is_bot: true, first_name: 'Acme Support' },
        chat: { id: Number(chat), type: Number(chat) < 0 ? 'supergroup' : 'private' },
        ...(thread ? { message_thread_id: thread, is_topic_message: true } : {}),
        ...(business ? { business_connection_id: business } : {}),
        text,
      },
    });
  }
}
