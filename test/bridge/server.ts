import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openCore, type Core, type CoreOptions } from '../../main/core/app';
import { readStatic, SECURITY_HEADERS } from '../../main/electron/content';
import { channelNames, eventNames, EVENT_PREFIX, type EventName, type EventOf } from '../../main/ipc/contract';
import { createMainDispatch } from '../../main/ipc';
import { watchInbox } from '../../main/ipc/console-services';
import { watchTeamAdminRequests, watchHeld, watchTeamMarkers } from '../../main/ipc/team/events';
import { newSessionSlot } from '../../main/core/auth';
import { startEmbeddedHub } from '../../main/hub/embedded';

/**
 * Loopback test bridge: the real main-process core under Node, and the built renderer served to Chromium with a
 * `window.diwan` that calls the same contract over HTTP on 127.0.0.1. Test- and preview-only; never packaged.
 *
 * The page proves it is ours with an HttpOnly, SameSite=Strict cookie it gets from the one-time URL; every call
 * also has to come from this exact origin and Host (no other site, no DNS rebinding).
 */
export interface BridgeOptions extends CoreOptions {
  rendererDir: string;
  port?: number;
  log?: (line: string) => void;
  /** Run the channels (the demo channel when none is configured), as the console does. Off unless asked for. */
  channels?: boolean;
}

export interface RunningBridge {
  /** Open this URL in the browser; it carries the one-time token that sets the session cookie. */
  url: string;
  origin: string;
  core: Core;
  /** The OS notifications the console asked for (the Electron shell shows them; the bridge keeps them). */
  notifications: Array<{ title: string; body: string }>;
  /** Attachments saved through the save dialog (the Electron shell asks where; the bridge keeps them). */
  savedFiles: Array<{ name: string; content: Buffer }>;
  emit<E extends EventName>(name: E, payload: EventOf<E>): void;
  /**
   * A URL for a second console window with a session of its own (open it in a new browser context, which keeps its
   * own cookie): two people signed in at once, as on two computers, for the workflows between agent and lead.
   */
  anotherWindow(): string;
  close(): Promise<void>;
}

const COOKIE = 'diwan_bridge';
const MAX_BODY = 1024 * 1024;

export async function startBridge(opts: BridgeOptions): Promise<RunningBridge> {
  // As the Electron shell does: a data folder in `hub` mode runs the hub's code in this process (main/hub/embedded.ts).
  const core = await openCore({ embeddedHub: (o, source) => startEmbeddedHub(o, source), ...opts });
  try {
    await core.ready();
  } catch (e) {
    await core.closeAndWait();
    throw e;
  }
  const notifications: RunningBridge['notifications'] = [];
  const savedFiles: RunningBridge['savedFiles'] = [];
  const saveFile = { save: async (name: string, content: Buffer) => (savedFiles.push({ name, content }), true) };
  const dispatch = createMainDispatch(core, opts.log, { notify: (n) => (notifications.push(n), true) }, saveFile);
  // One cookie, one session: each window's slot plays the role of an Electron window's.
  const windows = new Map<string, ReturnType<typeof newSessionSlot>>();
  const newWindow = () => {
    const token = crypto.randomBytes(32).toString('base64url');
    windows.set(token, newSessionSlot());
    return token;
  };
  const token = newWindow();
  const streams = new Set<http.ServerResponse>();
  // Calls still running when the bridge closes (e.g. a keychain probe) finish first, before the core closes.
  const inflight = new Set<Promise<unknown>>();
  let origin = '';

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', origin);
      if (req.headers.host !== new URL(origin).host) return send(res, 421, 'Wrong host');
      const cookie = readCookie(req.headers.cookie, COOKIE);
      const session = cookie === undefined ? undefined : windows.get(cookie);
      const authed = session !== undefined;

      const opening = url.pathname === '/' ? url.searchParams.get('token') : null;
      if (opening && windows.has(opening)) {
        res.writeHead(303, {
          ...SECURITY_HEADERS,
          'Set-Cookie': `${COOKIE}=${opening}; HttpOnly; SameSite=Strict; Path=/`,
          Location: '/',
        });
        return res.end();
      }
      if (url.pathname.startsWith('/__bridge/')) {
        if (!authed) return send(res, 403, 'Open the bridge URL with its token first.');
        if (url.pathname === '/__bridge/client.js') return send(res, 200, clientScript(), 'text/javascript; charset=utf-8');
        if (url.pathname === '/__bridge/events' && req.method === 'GET') return openEventStream(res, streams);
        if (url.pathname.startsWith('/__bridge/ipc/') && req.method === 'POST') {
          const sameOrigin = req.headers.origin === origin && req.headers['sec-fetch-site'] !== 'cross-site';
          const body = await readJson(req);
          const channel = decodeURIComponent(url.pathname.slice('/__bridge/ipc/'.length));
          const call = body.ok
            ? dispatch(channel, body.value, { trustedSender: sameOrigin, session: session! })
            : Promise.resolve({ ok: false, error: { code: 'bad_request', message: body.message } });
          inflight.add(call);
          const result = await call.finally(() => inflight.delete(call));
          return send(res, 200, JSON.stringify(result), 'application/json');
        }
        return send(res, 404, 'Not found');
      }
      if (req.method !== 'GET') return send(res, 405, 'Method not allowed');
      const file = await readStatic(opts.rendererDir, url.pathname);
      if (!file) return send(res, 404, 'Not found');
      let body: Buffer | string = file.body;
      if (url.pathname === '/' || url.pathname === '/index.html') {
        if (!authed) return send(res, 403, 'Open the bridge URL with its token first.');
        // The bridge client must run before the app's module script, so it goes first in <head>.
        body = file.body.toString('utf8').replace('<head>', '<head>\n    <script src="/__bridge/client.js"></script>');
      }
      return send(res, 200, body, file.type);
    } catch {
      return send(res, 500, 'Bridge error');
    }
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  const emit: RunningBridge['emit'] = (name, payload) => {
    const frame = `event: ${EVENT_PREFIX}${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const s of streams) s.write(frame);
  };
  // As the Electron shell does: the gate runs, and a lock reaches the page as the `locked` event.
  core.lock.onChange(({ locked, reason }) => {
    if (locked) emit('locked', { reason: reason ?? 'off-network' });
  });
  core.gate.start();
  const unwatchInbox = watchInbox(core, (changed) => emit('inboxChanged', changed));
  const unwatchMarkers = watchTeamMarkers(core, (changed) => emit('markersChanged', changed));
  const unwatchAdminRequests = watchTeamAdminRequests(core, () => emit('adminRequestsChanged', {}));
  const unwatchHeld = watchHeld(core, (changed) => emit('heldMessagesChanged', changed));
  const unwatch = () => {
    unwatchInbox();
    unwatchMarkers();
    unwatchAdminRequests();
    unwatchHeld();
  };
  if (opts.channels) core.channels.start();

  return {
    url: `${origin}/?token=${token}`,
    origin,
    core,
    notifications,
    savedFiles,
    emit,
    anotherWindow: () => `${origin}/?token=${newWindow()}`,
    async close() {
      unwatch();
      for (const s of streams) s.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.allSettled([...inflight]);
      await core.channels.stop();
      await core.closeAndWait();
    },
  };
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function openEventStream(res: http.ServerResponse, streams: Set<http.ServerResponse>) {
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
  res.write(': open\n\n');
  streams.add(res);
  res.on('close', () => streams.delete(res));
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

async function readJson(req: http.IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  // An oversized body is read to its end and dropped (never held), so the caller gets the typed answer rather
  // than a connection reset mid-upload.
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY) return { ok: false, message: 'The request is larger than Diwan accepts.' };
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, message: 'The request was not valid JSON.' };
  }
}

/** The page-side half: the same shape the preload exposes, over fetch and server-sent events. */
function clientScript(): string {
  return `(() => {
  const channels = ${JSON.stringify(channelNames)};
  const events = ${JSON.stringify(eventNames)};
  const api = {};
  for (const name of channels) {
    api[name] = async (request) => {
      const res = await fetch('/__bridge/ipc/' + encodeURIComponent(name), {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request === undefined ? null : request),
      });
      return res.json();
    };
  }
  const source = new EventSource('/__bridge/events');
  const on = {};
  for (const name of events) {
    on[name] = (listener) => {
      const handler = (e) => listener(JSON.parse(e.data));
      source.addEventListener(${JSON.stringify(EVENT_PREFIX)} + name, handler);
      return () => source.removeEventListener(${JSON.stringify(EVENT_PREFIX)} + name, handler);
    };
  }
  api.on = Object.freeze(on);
  Object.defineProperty(window, 'diwan', { value: Object.freeze(api), writable: false, configurable: false });
})();`;
}
