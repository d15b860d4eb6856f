import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { APP_VERSION } from '../core/app/version';
import { ConnectorRuntime, type RuntimeOptions } from '../core/connectors';
import { DiwanError } from '../core/shared/errors';
import { systemClock, type Clock } from '../core/shared/ports';
import { openDatabase } from '../core/store';
import { enrolledDevices, WEBHOOK_KINDS, type RelayConfig } from './config';
import { consoleHandler } from './console-api';
import { DeviceAuth } from './device-auth';
import { TokenBucketFloodGate, type EdgeFloodGate } from './flood';
import { GroupCommit } from './group-commit';
import { healthHandler, healthSnapshot, type HealthDeps, type HealthSnapshot } from './health';
import { sendText } from './http';
import { relayMigrations } from './migrations';
import { officeRangeCheck } from './office-ranges';
import { RelayOutbox } from './outbox';
import { RelayQueue } from './queue';
import { QueueCipher } from './queue-cipher';
import { relayRegistry } from './registry';
import { channelVault, secretNames, type RelaySecrets } from './secrets';
import { RelayStats, stderrLog, type RelayLog } from './stats';
import { webhookHandler, type WebhookSecrets } from './webhook';

export const RELAY_DATABASE_FILE = 'relay.sqlite';

export interface RelayOptions {
  config: RelayConfig;
  secrets: RelaySecrets;
  clock?: Clock;
  log?: RelayLog;
  flood?: EdgeFloodGate;
  /** Timings of the connectors' runtime (tests shorten them). */
  runtime?: Pick<RuntimeOptions, 'sleep' | 'jitter' | 'conflictRetryMs' | 'errorBackoff' | 'outboxIdleMs' | 'maxSendAttempts' | 'http' | 'sendGraceMs' | 'tokenRetryMs'>;
  /** How often acknowledged and expired events are removed (default hourly). */
  pruneEveryMs?: number;
}

export interface RunningRelay {
  /** Where Meta posts (behind IT's reverse proxy): `<webhookUrl>/webhooks/<channel id>`. */
  webhookUrl: string;
  /** Where consoles connect (HTTPS with the relay's certificate). */
  consoleUrl: string;
  /** The certificate's public-key pin that consoles are configured with. */
  certPem: string;
  health(): HealthSnapshot;
  /** Removes events every enrolled console has acknowledged and those past retention. */
  prune(): number;
  close(): Promise<void>;
}

/**
 * Starts the relay: its database and queue, the connectors' runtime (Telegram poller, senders for replies), the
 * webhook listener and the office-side console listener. Refuses to start without the secrets it needs.
 */
export async function startRelay(o: RelayOptions): Promise<RunningRelay> {
  const { config, secrets } = o;
  const clock = o.clock ?? systemClock;
  const now = () => clock.now();
  const log = o.log ?? stderrLog;
  const channels = new Map(config.channels.map((c) => [c.id, c]));

  const loaded = await loadSecrets(config, secrets);
  const cipher = await QueueCipher.load(secrets);
  let certPem: string;
  try {
    certPem = fs.readFileSync(config.console.certFile, 'utf8');
  } catch (e) {
    throw new DiwanError('relay_cert_unreadable', `The relay cannot read its certificate ${config.console.certFile} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }

  const db = openDatabase(path.join(config.dataDir, RELAY_DATABASE_FILE), { migrations: relayMigrations });
  const closing = new AbortController();
  const servers: http.Server[] = [];
  let runtime: ConnectorRuntime | null = null;
  let pruneTimer: NodeJS.Timeout | undefined;
  const shutdown = async () => {
    closing.abort();
    clearInterval(pruneTimer);
    await Promise.all(servers.map(closeServer));
    await runtime?.stop();
    if (db.open) db.close();
  };
  try {
    const devices = enrolledDevices(config);
    const queue = new RelayQueue(db, cipher, o.flood ?? new TokenBucketFloodGate(config.flood), now);
    const outbox = new RelayOutbox(db, cipher, queue, now);
    const interrupted = outbox.recoverInterrupted();
    if (interrupted) log({ level: 'warn', event: 'outbox.interrupted', detail: `${interrupted} reply(ies) now unknown` });
    const stats = new RelayStats();

    runtime = new ConnectorRuntime({
      sink: queue,
      outbox,
      vault: channelVault(secrets, config.channels),
      clock,
      registry: relayRegistry,
      log: (l) => log({ level: l.level, event: l.event, channelId: l.channelId, ...(l.detail ? { detail: l.detail } : {}) }),
      ...o.runtime,
    });
    for (const c of config.channels) runtime.add({ id: c.id, kind: c.kind, ...(c.baseUrl ? { baseUrl: c.baseUrl } : {}), ...(c.settings ? { settings: c.settings } : {}) });
    const rt = runtime;
    rt.start();

    const healthDeps: HealthDeps = {
      channels: config.channels,
      channelHealth: () => rt.health(),
      queue,
      outbox,
      stats,
      enrolled: devices.size,
      startedAt: now(),
      now,
      version: APP_VERSION,
    };
    const onWebhook = webhookHandler({
      channels,
      secrets: loaded.webhooks,
      maxBodyBytes: config.webhook.maxBodyBytes,
      maxConcurrentBodies: config.webhook.maxConcurrentBodies,
      commits: new GroupCommit(db),
      queue,
      push: (id, payload) => settled(rt.push(id, payload)),
      stats,
      log,
      now,
    });
    const onConsole = consoleHandler({
      channels,
      inOffice: officeRangeCheck(config.officeRanges),
      auth: new DeviceAuth(devices, { now }),
      queue,
      outbox,
      kick: (id) => rt.notifyOutbox(id),
      closing: closing.signal,
      health: healthHandler(healthDeps, officeRangeCheck(config.health.ranges ?? config.officeRanges), loaded.healthToken),
      log,
    });

    const tls = { cert: certPem, key: loaded.tlsKey, minVersion: 'TLSv1.2' as const };
    // Node checks request and header deadlines every `connectionsCheckingInterval` (30 s by default), which let a slow
    // sender hold a socket for up to a minute: check every second so the deadlines below hold to the second.
    const checking = { connectionsCheckingInterval: 1000 };
    const webhookServer = config.webhook.tls ? https.createServer({ ...tls, ...checking }) : http.createServer(checking);
    webhookServer.on('request', guarded(log, (req, res) => {
      const m = /^\/webhooks\/([a-z0-9][a-z0-9_-]{0,63})(?:\?|$)/.exec(req.url ?? '');
      if (!m) return sendText(res, 404, 'not found');
      return onWebhook(req, res, m[1]!);
    }));
    const consoleServer = https.createServer({ ...tls, ...checking });
    consoleServer.on('request', guarded(log, onConsole));
    for (const s of [webhookServer, consoleServer]) {
      s.headersTimeout = 10_000;
      s.requestTimeout = 30_000;
      servers.push(s);
    }
    const webhookAddr = await listen(webhookServer, config.webhook.host, config.webhook.port);
    const consoleAddr = await listen(consoleServer, config.console.host, config.console.port);

    const prune = () => queue.prune([...devices.keys()], config.retentionHours * 3_600_000);
    pruneTimer = setInterval(() => {
      try {
        const n = prune();
        if (n) log({ level: 'info', event: 'queue.pruned', detail: `${n} event(s)` });
      } catch (e) {
        log({ level: 'error', event: 'queue.prune_failed', detail: (e as { code?: string }).code ?? 'error' });
      }
    }, o.pruneEveryMs ?? 3_600_000);
    pruneTimer.unref();
    log({ level: 'info', event: 'relay.started', detail: `${config.channels.length} channel(s), ${devices.size} device(s), secrets from ${secrets.source}` });

    return {
      webhookUrl: `${config.webhook.tls ? 'https' : 'http'}://${hostPort(webhookAddr)}`,
      consoleUrl: `https://${hostPort(consoleAddr)}`,
      certPem,
      health: () => healthSnapshot(healthDeps),
      prune,
      close: shutdown,
    };
  } catch (e) {
    await shutdown();
    throw e;
  }
}

async function loadSecrets(config: RelayConfig, secrets: RelaySecrets) {
  const missing: string[] = [];
  const need = async (name: string): Promise<string> => {
    const v = await secrets.get(name);
    if (!v) missing.push(name);
    return v ?? '';
  };
  const webhooks = new Map<string, WebhookSecrets>();
  for (const c of config.channels) {
    if (!WEBHOOK_KINDS.includes(c.kind)) continue;
    webhooks.set(c.id, { appSecret: await need(secretNames.appSecret(c.id)), verifyToken: await need(secretNames.verifyToken(c.id)) });
  }
  const tlsKey = await need(secretNames.tlsKey);
  const healthToken = config.health.protect ? await need(secretNames.healthToken) : null;
  if (missing.length) {
    const where = secrets.source === 'keychain' ? 'the OS keychain (`diwan relay secret set NAME`)' : 'the service\'s credentials (LoadCredential=)';
    throw new DiwanError('relay_secrets_missing', `The relay cannot start without these secrets: ${missing.join(', ')}. Put them in ${where}; see docs/IT-GUIDE.md, "Relay secrets".`);
  }
  return { webhooks, tlsKey, healthToken };
}

/** A handler that never lets an error escape as a crash or leak its text to the caller. */
function guarded(log: RelayLog, handler: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void) {
  return (req: IncomingMessage, res: ServerResponse) => {
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((e: unknown) => {
        log({ level: 'error', event: 'http.failed', detail: (e as { code?: string }).code ?? (e as Error)?.name ?? 'error' });
        if (!res.headersSent) sendText(res, 500, 'internal error');
        else res.destroy();
      });
  };
}

function listen(server: http.Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function closeServer(server: http.Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function hostPort(a: AddressInfo): string {
  return a.family === 'IPv6' ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`;
}

/** The relay's queue is SQLite: a push is stored inside the webhook's group commit, never later. */
function settled<T>(value: T | Promise<T>): T {
  if (value instanceof Promise) throw new DiwanError('relay_sink_async', 'The relay stores pushes synchronously; an asynchronous sink cannot serve it.');
  return value;
}
