import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../helpers/ports';

/**
 * What every balancer in these tests is, in-process or a process of its own: started, then reached at `url`; `pid`
 * is its process when it has one of its own (the bench counts its CPU), and `close` returns once it is gone.
 */
export abstract class Balancer {
  port = 0;
  abstract start(): Promise<void>;
  abstract close(): Promise<void>;

  get pid(): number | undefined {
    return undefined;
  }

  get url(): string {
    return `https://127.0.0.1:${this.port}`;
  }
}

/** A balancer that is a child process: `stop` asks it to go, `close` waits for its exit, then `cleanUp`. */
abstract class ChildBalancer extends Balancer {
  protected child: ChildProcess | null = null;

  protected abstract stop(child: ChildProcess): void;

  protected cleanUp(): void {}

  override get pid(): number | undefined {
    return this.child?.pid;
  }

  async close(): Promise<void> {
    const c = this.child;
    if (c && c.exitCode === null && c.signalCode === null) {
      const exited = new Promise<void>((r) => c.once('exit', () => r()));
      this.stop(c);
      await exited;
    }
    this.cleanUp();
  }
}

/** A TCP load balancer on loopback: round robin over the nodes that accept a connection (TLS passes through). */
export class LoadBalancer extends Balancer {
  private server!: net.Server;
  private next = 0;
  private readonly sockets = new Set<net.Socket>();
  down = false;

  constructor(private readonly ports: number[]) {
    super();
  }

  async start(port = 0): Promise<void> {
    this.server = net.createServer((client) => {
      if (this.down) return client.destroy();
      this.sockets.add(client);
      client.on('close', () => this.sockets.delete(client));
      const tryBackend = (left: number) => {
        if (left === 0) return client.destroy();
        const backendPort = this.ports[this.next++ % this.ports.length]!;
        const upstream = net.connect(backendPort, '127.0.0.1');
        upstream.once('error', () => tryBackend(left - 1));
        upstream.once('connect', () => {
          upstream.removeAllListeners('error');
          this.sockets.add(upstream);
          upstream.on('close', () => this.sockets.delete(upstream));
          upstream.on('error', () => client.destroy());
          client.on('error', () => upstream.destroy());
          client.pipe(upstream).pipe(client);
        });
      };
      tryBackend(this.ports.length);
    });
    await new Promise<void>((r) => this.server.listen(port, '127.0.0.1', () => r()));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  /** Cuts every open connection (a network outage for the consoles behind it). */
  cut(): void {
    for (const s of this.sockets) s.destroy();
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

/**
 * The same load balancer as its own process, as a deployment runs one: console bytes then cross only the balancer's
 * event loop, not the event loop of whoever starts it (the bench's coordinator also injects the traffic).
 */
export class LoadBalancerProcess extends ChildBalancer {
  constructor(private readonly ports: number[]) {
    super();
  }

  async start(): Promise<void> {
    const child = fork(path.join(path.dirname(fileURLToPath(import.meta.url)), 'load-balancer-proc.ts'), this.ports.map(String), {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child = child;
    this.port = await new Promise<number>((resolve, reject) => {
      child.once('message', (m: { port?: number }) => (m.port ? resolve(m.port) : reject(new Error('the load balancer process did not say its port'))));
      child.once('exit', (code) => reject(new Error(`the load balancer process exited (${code}) before listening`)));
    });
  }

  protected stop(child: ChildProcess): void {
    child.disconnect();
  }
}

const GUIDE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/IT-GUIDE.md');

/**
 * The IT guide's HAProxy configuration for two nodes (its one copy is the guide's text), with the listening address,
 * the two nodes and the certificate file replaced by these.
 */
export function haproxyConfig(o: { listenPort: number; nodePorts: readonly [number, number]; certFile: string }): string {
  const block = /```haproxy\n(# diwan-hub-haproxy[\s\S]*?)```/.exec(fs.readFileSync(GUIDE, 'utf8'))?.[1];
  if (!block) throw new Error('docs/IT-GUIDE.md has no ```haproxy block starting with "# diwan-hub-haproxy".');
  const swaps: Array<[string, string]> = [
    ['bind :9443', `bind 127.0.0.1:${o.listenPort}`],
    ['10.0.0.11:9443', `127.0.0.1:${o.nodePorts[0]}`],
    ['10.0.0.12:9443', `127.0.0.1:${o.nodePorts[1]}`],
    ['ca-file /etc/diwan/hub-cert.pem', `ca-file ${o.certFile}`],
  ];
  let cfg = block;
  for (const [from, to] of swaps) {
    if (cfg.split(from).length !== 2) throw new Error(`docs/IT-GUIDE.md's HAProxy configuration should hold "${from}" exactly once.`);
    cfg = cfg.replace(from, to);
  }
  return cfg;
}

/** Debian's HAProxy in front of two nodes, run with the IT guide's configuration (in the foreground, one process). */
export class HaproxyBalancer extends ChildBalancer {
  private dir = '';
  private stderr = '';
  /** Times HAProxy took a node out (its "Server … is DOWN" alerts). */
  downs = 0;

  constructor(
    private readonly ports: readonly [number, number],
    private readonly certFile: string,
  ) {
    super();
  }

  async start(): Promise<void> {
    this.port = await freePort();
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diwan-haproxy-'));
    const file = path.join(this.dir, 'haproxy.cfg');
    fs.writeFileSync(file, haproxyConfig({ listenPort: this.port, nodePorts: this.ports, certFile: this.certFile }));
    const child = spawn('haproxy', ['-f', file, '-db'], { stdio: ['ignore', 'ignore', 'pipe'] });
    this.child = child;
    child.stderr!.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-4_000);
      this.downs += (d.toString().match(/Server \S+ is DOWN/g) ?? []).length;
    });
    const failed = new Promise<never>((_, reject) => {
      child.once('error', (e: NodeJS.ErrnoException) =>
        reject(new Error(e.code === 'ENOENT' ? 'HAProxy is not installed: `apt-get install haproxy` (Debian), or use the Node balancer.' : `HAProxy did not start: ${e.message}`)),
      );
      child.once('exit', (code) => reject(new Error(`HAProxy exited (${code}) before listening: ${this.stderr.trim()}`)));
    });
    const listening = (async () => {
      for (;;) {
        const ok = await new Promise<boolean>((r) => {
          const s = net.connect(this.port, '127.0.0.1', () => (s.destroy(), r(true)));
          s.once('error', () => r(false));
        });
        if (ok) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await Promise.race([listening, failed]);
    failed.catch(() => {});
  }

  protected stop(child: ChildProcess): void {
    child.kill('SIGTERM');
  }

  protected override cleanUp(): void {
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
