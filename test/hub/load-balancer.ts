import { fork, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A TCP load balancer on loopback: round robin over the nodes that accept a connection (TLS passes through). */
export class LoadBalancer {
  private server!: net.Server;
  private next = 0;
  private readonly sockets = new Set<net.Socket>();
  down = false;
  port = 0;

  constructor(private readonly ports: number[]) {}

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

  get url(): string {
    return `https://127.0.0.1:${this.port}`;
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
export class LoadBalancerProcess {
  private child: ChildProcess | null = null;
  port = 0;

  constructor(private readonly ports: number[]) {}

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

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get url(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise<void>((r) => c.once('exit', () => r()));
    c.disconnect();
    await exited;
  }
}
