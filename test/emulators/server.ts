import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Exchange {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  url: URL;
  body: Buffer;
  /** The parsed JSON or form body, or {} when there is none. */
  params: Record<string, unknown>;
}

export interface LoopbackServer {
  url: string;
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1 for an emulator. It closes itself (and every connection) after `lifeMs`, so a test
 * that forgets it cannot keep the process alive.
 */
export async function listen(handler: (x: Exchange) => void | Promise<void>, lifeMs = 120_000): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let params: Record<string, unknown> = Object.fromEntries(url.searchParams);
    const type = req.headers['content-type'] ?? '';
    try {
      if (type.includes('json') && body.length) params = { ...params, ...(JSON.parse(body.toString('utf8')) as object) };
      else if (type.includes('form')) params = { ...params, ...Object.fromEntries(new URLSearchParams(body.toString('utf8'))) };
    } catch {
      return json(res, 400, { error: 'bad body' });
    }
    try {
      await handler({ req, res, url, body, params });
    } catch (e) {
      if (!res.headersSent) json(res, 500, { error: String(e) });
    }
  });
  server.keepAliveTimeout = 30_000;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  const timer = setTimeout(() => void close(), lifeMs);
  timer.unref();
  return { url: `http://127.0.0.1:${port}`, close };
}

export function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** What can go wrong with one request. */
export type Fault =
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Never answers; the connection stays open until the client gives up or the emulator closes. */
  | { kind: 'timeout' }
  /** Closes the connection without processing the request. */
  | { kind: 'drop' }
  /** Processes the request, then closes the connection before answering: the client cannot know it worked. */
  | { kind: 'drop-after' }
  /** 200 with a body that is not JSON. */
  | { kind: 'malformed' }
  /** 200 with a JSON body of about `bytes` bytes. */
  | { kind: 'oversized'; bytes: number }
  /** Emulator-specific: deliver what is pending twice. */
  | { kind: 'duplicate' }
  /** 200 (or `status`) with exactly these bytes as a JSON answer: hostile payloads (invalid UTF-8, deep nesting, …). */
  | { kind: 'body'; body: Buffer | string; status?: number };

/** Scripted faults by route: each is used `times` times, in the order added. */
export class FaultPlan {
  private readonly plan: Array<{ route: string; fault: Fault; left: number }> = [];

  add(route: string, fault: Fault, times = 1): this {
    this.plan.push({ route, fault, left: times });
    return this;
  }

  take(route: string): Fault | undefined {
    const i = this.plan.findIndex((p) => p.route === route && p.left > 0);
    if (i < 0) return undefined;
    const p = this.plan[i]!;
    if (--p.left === 0) this.plan.splice(i, 1);
    return p.fault;
  }

  get pending(): number {
    return this.plan.reduce((n, p) => n + p.left, 0);
  }
}

/**
 * Plays a transport fault. Returns true when the fault answered (or swallowed) the request; `drop-after` and
 * `duplicate` are left to the emulator (it must process first).
 */
export function playFault(fault: Fault | undefined, x: Exchange): boolean {
  if (!fault) return false;
  switch (fault.kind) {
    case 'status':
      json(x.res, fault.status, fault.body ?? {}, fault.headers);
      return true;
    case 'timeout':
      return true;
    case 'drop':
      x.req.socket.destroy();
      return true;
    case 'malformed':
      x.res.writeHead(200, { 'content-type': 'application/json' });
      x.res.end('{"ok":true,"result":[{"update_id":');
      return true;
    case 'oversized': {
      x.res.writeHead(200, { 'content-type': 'application/json' });
      x.res.end(JSON.stringify({ ok: true, padding: 'x'.repeat(fault.bytes) }));
      return true;
    }
    case 'body':
      x.res.writeHead(fault.status ?? 200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(fault.body) });
      x.res.end(fault.body);
      return true;
    default:
      return false;
  }
}
