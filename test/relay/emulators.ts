import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Small platform emulators for the relay tests, on 127.0.0.1 (the connectors branch has fuller ones in
 * test/emulators/; these cover only what the relay needs and can give way to those at merge).
 *
 * Telegram: `getUpdates` with offset confirmation, long polls held up to `timeout` seconds (capped), 409 for a second
 * concurrent poller; `sendMessage`. Graph (WhatsApp): `POST /vN/<phone number id>/messages`.
 */
export interface Emulators {
  url: string;
  /** Adds a private-chat text message from `userId`. */
  telegramSays(userId: number, text: string): void;
  telegram: { conflicts: number; polls: number; sent: Array<{ chat_id: unknown; text: unknown }> };
  whatsappSent: Array<{ to: unknown; text: unknown }>;
  /** Answers the next WhatsApp sends with this status (e.g. 500), then normal again. */
  failNextWhatsApp(status: number, times?: number): void;
  close(): Promise<void>;
}

const MAX_HOLD_MS = 2_000;

export async function startEmulators(botToken: string): Promise<Emulators> {
  const updates: Array<{ update_id: number; message: unknown }> = [];
  let nextUpdate = 870_001;
  let messageId = 1;
  let polling = false;
  const holders = new Set<() => void>();
  const telegram = { conflicts: 0, polls: 0, sent: [] as Array<{ chat_id: unknown; text: unknown }> };
  const whatsappSent: Array<{ to: unknown; text: unknown }> = [];
  let failWhatsApp: { status: number; times: number } | null = null;

  const read = (req: http.IncomingMessage) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {});
        } catch {
          resolve({});
        }
      });
    });
  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://emu');
    const body = await read(req);
    const tg = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (tg) {
      if (tg[1] !== botToken) return json(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      if (tg[2] === 'getUpdates') {
        telegram.polls++;
        if (polling) {
          telegram.conflicts++;
          return json(res, 409, { ok: false, error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' });
        }
        polling = true;
        try {
          const offset = Number(body.offset ?? 0);
          if (offset) updates.splice(0, updates.filter((u) => u.update_id < offset).length);
          const hold = Math.min(MAX_HOLD_MS, Number(body.timeout ?? 0) * 1000);
          if (!updates.length && hold > 0) {
            await new Promise<void>((resolve) => {
              const done = () => {
                clearTimeout(t);
                holders.delete(done);
                resolve();
              };
              const t = setTimeout(done, hold);
              holders.add(done);
              res.once('close', done);
            });
          }
          return json(res, 200, { ok: true, result: updates.slice(0, Number(body.limit ?? 100)) });
        } finally {
          polling = false;
        }
      }
      if (tg[2] === 'sendMessage') {
        telegram.sent.push({ chat_id: body.chat_id, text: body.text });
        return json(res, 200, {
          ok: true,
          result: { message_id: 10_000 + telegram.sent.length, date: 1_767_225_660, chat: { id: Number(body.chat_id), type: 'private' }, text: body.text },
        });
      }
      return json(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    }
    const wa = /^\/v\d+\.0\/(\d+)\/messages$/.exec(url.pathname);
    if (wa && req.method === 'POST') {
      if (failWhatsApp && failWhatsApp.times > 0) {
        failWhatsApp.times--;
        return json(res, failWhatsApp.status, { error: { message: 'emulated failure', type: 'OAuthException', code: 131000 } });
      }
      whatsappSent.push({ to: body.to, text: (body.text as { body?: unknown } | undefined)?.body });
      return json(res, 200, { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: `wamid.SENT${whatsappSent.length}` }] });
    }
    json(res, 404, { error: { message: 'unknown path' } });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    telegramSays(userId, text) {
      updates.push({
        update_id: nextUpdate++,
        message: { message_id: messageId++, date: 1_767_225_600, from: { id: userId, is_bot: false, first_name: 'Ana' }, chat: { id: userId, type: 'private', first_name: 'Ana' }, text },
      });
      for (const h of [...holders]) h();
    },
    telegram,
    whatsappSent,
    failNextWhatsApp(status, times = 1) {
      failWhatsApp = { status, times };
    },
    close: () =>
      new Promise<void>((r) => {
        for (const h of [...holders]) h();
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
