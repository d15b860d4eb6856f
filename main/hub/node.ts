import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { WebSocketServer } from 'ws';
import { resolveGuardPolicy } from '../core/guard';
import { spkiPin } from '../core/network';
import { DiwanError } from '../core/shared/errors';
import { detached, failureName } from '../core/shared/keep-going';
import { systemClock, type Clock } from '../core/shared/ports';
import type { ConnectorRegistry, RuntimeOptions } from '../core/connectors';
import { SharedFloodBuckets } from './store/flood-buckets';
import { bearer, sendJson, sendText } from './http';
import { officeRangeCheck } from './office-ranges';
import type { HubSecrets } from './secrets';
import { hubChannelSecrets } from './channel-secrets';
import { HubChannelSetup } from './store/channel-setup';
import { WebhookStats } from './webhook-stats';
import type { HubHealth } from './health';

export type { HubHealth } from './health';
import { webhookIntake } from './webhooks';
import { HubAccounts } from './accounts';
import { defaultRevealRules, hubApi } from './api';
import { HubChannels, type HubLog } from './channels';
import { HubEarlyWarning } from './early-warning';
import { HubLeadReview } from './store/lead-review';
import { relayBounds, retentionSettings, streamSettings, webhookLimits, type HubConfig } from './config';
import { agreeOnFloodSettings } from './store/flood-agreement';
import { relayProblems } from './relay-health';
import { scheduleRelayExpiry } from './relay-expiry';
import { EventFeed } from './feed';
import { localLeases, postgresLeases, type ChannelLeases } from './leases';
import { HubMetrics } from './metrics';
import { privateKeyFromPem } from '../core/policy';
import { fingerprintOf } from '../core/auth';
import { siemHeadFile, startAuditCheckpoints } from './audit-checkpoint';
import { connectCustodian } from './custodian-connect';
import { OriginalsSealer } from './sealing';
import { MarkerBoard } from './markers';
import { ConsoleStream } from './stream';
import { changeNames, parseChange, SessionCache, SESSION_CACHE_MAX, SESSION_CACHE_TTL_MS } from './session-cache';
import { ConsentStore, describePgError, HubStore, isConnectionError, postgresExecutor, sqliteExecutor, WebhookIntakeStore, WorkflowStore, type SessionChange } from './store';
import { WorkflowRunner } from './workflow';
import { rotateTicketKeys, ticketOptions } from './tls-tickets';
import { HubSnoozes } from './store/snoozes';
import { HubRetention } from './store/retention';
import { scheduleRetention } from './retention-schedule';
import { HANDOVER_NOTICE } from './store/handover';
import { HubRelayQueue, relayStates, type RelayChannelState } from './store/relay-queue';
import { RelayBell } from './relay-bell';
import type { OutboundItem } from '../core/shared/messages';

export interface HubNodeOptions {
  config: HubConfig;
  secrets: HubSecrets;
  clock?: Clock;
  log?: HubLog;
  /** Connector runtime timings (tests shorten them). */
  runtime?: Partial<RuntimeOptions>;
  /** The connectors this node runs; the hub's own (`registry.ts`) by default. */
  registry?: ConnectorRegistry;
  /** The people IT's signed policy names for a privileged role (`privilegedUserKey`); the embedded hub passes its console's. */
  privilegedUsers?: () => ReadonlySet<string>;
  /** The office relay `registry` serves `via: "relay"` channels through (the embedded hub); see `ApiDeps.relay`. */
  relay?: { named(): boolean };
  /** How often this node erases relayed events past the age limit, in ms: `relay.sweepMinutes` unless a test shortens it. */
  relaySweepMs?: number;
}

export interface RunningHub {
  url: string;
  pin: string;
  nodeId: string;
  store: HubStore;
  health(): Promise<HubHealth>;
  /** Graceful: stops taking consoles, hands channel leases over, closes streams (consoles reconnect elsewhere). */
  close(): Promise<void>;
}


export const stderrHubLog: HubLog = (line) => process.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), ...line })}\n`);

async function secret(secrets: HubSecrets, name: string, what: string): Promise<string> {
  const v = await secrets.get(name);
  if (!v) throw new DiwanError('hub_secret_missing', `The hub needs the secret "${name}" (${what}); IT sets it in the keychain or systemd credentials (docs/IT-GUIDE.md, "Hub secrets").`);
  return v;
}

/** The configured database (PostgreSQL with the password from the secret `database-password`, or SQLite). */
export async function openHubStore(config: HubConfig, secrets: HubSecrets, now: () => number = Date.now): Promise<{ store: HubStore; pgUrl: string | null }> {
  let pgUrl: string | null = null;
  if ('postgres' in config.database) {
    const u = new URL(config.database.postgres);
    const password = await secrets.get('database-password');
    if (password) u.password = password;
    pgUrl = u.toString();
  }
  const executor = pgUrl ? postgresExecutor({ connectionString: pgUrl, max: 20, applicationName: `diwan-hub-${config.nodeId}` }) : sqliteExecutor((config.database as { sqlite: string }).sqlite);
  return { store: new HubStore(executor, now), pgUrl };
}

/** Starts one hub node: database, sign-in, the console API and event stream, the channels it wins leases for. */
export async function startHubNode(o: HubNodeOptions): Promise<RunningHub> {
  const { config } = o;
  const clock = o.clock ?? systemClock;
  const now = () => clock.now();
  const log = o.log ?? stderrHubLog;

  const certPem = (() => {
    try {
      return fs.readFileSync(config.tls.certFile, 'utf8');
    } catch (e) {
      throw new DiwanError('hub_cert_unreadable', `The hub cannot read its certificate ${config.tls.certFile} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
  })();
  const keyPem = await secret(o.secrets, 'tls-key', 'the private key of its TLS certificate');
  const grantKey = privateKeyFromPem(await secret(o.secrets, 'grant-key', 'the Ed25519 key it signs reveal grants with'), 'The hub secret "grant-key"');
  const outboxKey = Buffer.from(await secret(o.secrets, 'outbox-key', '32 random bytes, base64, that keep queued replies until their channel sends them'), 'base64');
  const custodian = await connectCustodian(config, o.secrets, grantKey, now);
  const sealer = new OriginalsSealer(config.team, custodian.sealingKey, outboxKey);

  const { store, pgUrl } = await openHubStore(config, o.secrets, now);
  try {
    await store.checkSchema();
    await agreeOnFloodSettings(store.q, config.nodeId, webhookLimits(config).flood);
  } catch (e) {
    await store.close();
    await custodian.close();
    if (isConnectionError(e) || (e instanceof DiwanError && e.code === 'hub_db_unavailable')) {
      throw new DiwanError('hub_db_unavailable', `The hub cannot reach its database: ${e instanceof DiwanError ? e.message : describePgError(e)}`);
    }
    throw e;
  }

  const metrics = new HubMetrics();
  // The cache of verified sessions needs the LISTEN connection that tells it what ended (session-cache.ts): none on SQLite.
  let warmCache = (): void => {};
  const feed = new EventFeed(store, {
    listenUrl: pgUrl ?? undefined,
    windowMs: streamSettings(config).windowMs,
    log: (detail) => log({ level: 'warn', event: 'listener.failed', detail }),
    onListening: () => {
      sessionCache?.invalidate('all');
      warmCache();
    },
  });
  const sessionCache = pgUrl ? new SessionCache({ now, fence: () => feed.fence() }) : null;
  const accounts = new HubAccounts(store, {
    now,
    idleMs: config.sessions.idleMinutes * 60_000,
    requireTwoFactor: config.sessions.requireTwoFactor,
    openSecondFactor: (userId, stored) => sealer.openSecondFactor(userId, stored),
    ...(sessionCache ? { cache: sessionCache } : {}),
  });
  metrics.sessionCache = sessionCache;
  warmCache = () => void accounts.warmCache(SESSION_CACHE_MAX).catch(() => {});
  const streams = new Set<ConsoleStream>();
  // A session ended or changed (here, or on another node through NOTIFY): its streams on this node check it now.
  const sessionEnded = (change: SessionChange | 'all') => {
    if (change === 'all') return;
    for (const s of streams) if (changeNames(change, s.session)) s.recheck();
  };
  store.sessionChanges.add((change) => {
    sessionCache?.invalidate(change);
    sessionEnded(change);
  });
  feed.onNotice('diwan_sessions', (payload) => sessionEnded(sessionCache ? sessionCache.heard(payload) : parseChange(payload)));
  const cacheWarming = sessionCache ? setInterval(warmCache, SESSION_CACHE_TTL_MS / 2) : null;
  cacheWarming?.unref();
  const workflowStore = new WorkflowStore(store, now);
  const consentStore = new ConsentStore(store, now);
  const snoozes = new HubSnoozes(store);
  const markers = new MarkerBoard({
    nodeId: config.nodeId,
    now,
    ttlMs: config.workflow.markerTtlSeconds * 1000,
    throttleMs: config.workflow.markerThrottleMs,
    publish: async (payload) => {
      if (pgUrl) await store.q.run("SELECT pg_notify('diwan_markers', ?)", [payload]);
    },
    deliver: (m) => {
      for (const s of streams) s.pushMarker(m);
    },
  });
  feed.onNotice('diwan_markers', (payload) => markers.receive(payload));
  // A handover asked for through any node: the node running its channel calls the platform (store/handover.ts).
  let serveHandover = (): void => {};
  feed.onNotice(HANDOVER_NOTICE, () => serveHandover());
  await feed.start();
  const workflow = new WorkflowRunner({
    workflow: workflowStore,
    consent: { store: consentStore, prepare: (text) => sealer.prepareReply(text) },
    nodeId: config.nodeId,
    presenceTtlMs: config.workflow.presenceTtlSeconds * 1000,
    sweepMs: config.workflow.sweepSeconds * 1000,
    connectedUsers: () => [...streams].map((s) => s.userId),
    log,
    wakeSnoozed: (actor) => snoozes.wakeDue(actor),
  });
  // Channel secrets an administrator set from a console (or a connector rotated) live sealed in the database, shared by every node.
  const channelSetup = new HubChannelSetup(store);
  const { secrets, vault } = hubChannelSecrets({ store, setup: channelSetup, sealer, it: o.secrets, nodeId: config.nodeId });
  const leases: ChannelLeases = pgUrl ? postgresLeases(pgUrl, (event, detail) => log({ level: 'warn', event, detail })) : localLeases();
  const webhookStats = new WebhookStats();
  const hookLimits = webhookLimits(config);
  // One gate and one intake for webhooks, relayed deliveries and the channels this node polls.
  const intake = new WebhookIntakeStore(store, now);
  const { duplicateWindowSeconds, surge, collapseAfterCopies, collapseAfterCopiesInSurge, ...rates } = hookLimits.flood;
  const flood = new SharedFloodBuckets(rates, {
    ...(duplicateWindowSeconds ? { campaigns: { windowMs: duplicateWindowSeconds * 1000, surge, collapseAt: { copies: collapseAfterCopies, inSurge: collapseAfterCopiesInSurge } } } : {}),
    audit: (t, e) => store.appendAudit(t, e),
  });
  const channels = new HubChannels({
    store,
    flood: { intake, gate: flood, held: (channelId, n, collapsed) => {
        const c = webhookStats.of(channelId);
        c.polledHeld += n;
        c.collapsed += collapsed;
      },
    },
    leases,
    sealer,
    vault,
    clock,
    log,
    retryMs: config.leaseRetryMs,
    runtime: o.runtime,
    setup: channelSetup,
    nodeId: config.nodeId,
    registry: o.registry,
  });
  serveHandover = () => void channels.serveHandover();

  const relayHub = {
    queue: new HubRelayQueue(store, { seal: (...a) => sealer.sealRelayed(...a), open: (...a) => sealer.openRelayed(...a) }),
    bell: new RelayBell(),
    send: (channelId: string, item: OutboundItem, signal: AbortSignal) => channels.sendThrough(channelId, item, signal),
  };
  const webhooks = webhookIntake({
    relay: relayHub,
    intake,
    sealer,
    secrets,
    flood,
    stats: webhookStats,
    maxBodyBytes: hookLimits.maxBodyBytes,
    maxConcurrentBodies: hookLimits.maxConcurrentBodies,
    log,
    now,
  });

  const inOffice = officeRangeCheck(config.officeRanges);
  const guardPolicy = resolveGuardPolicy(config.guard ?? {});
  const grantPublic = crypto.createPublicKey(grantKey);
  const api = hubApi({
    store,
    secrets,
    exportSigner: {
      id: fingerprintOf(grantPublic),
      publicKeyPem: grantPublic.export({ format: 'pem', type: 'spki' }).toString(),
      sign: (content) => crypto.sign(null, Buffer.from(content, 'utf8'), grantKey).toString('base64'),
    },
    accounts,
    sealer,
    custodian,
    team: config.team,
    now,
    reveal: defaultRevealRules(),
    maxBodyBytes: config.limits.maxBodyBytes,
    replyQueued: (channelId) => channels.wake(channelId),
    handoverAsked: () => serveHandover(),
    fetchAttachment: (channelId, ref, signal) => channels.fetchAttachment(channelId, ref, signal),
    checkChannel: (c) => channels.checkCredentials(c),
    factorResetNeedsSecondAdmin: config.sessions.factorResetNeedsSecondAdmin ?? false,
    // A team hub (PostgreSQL) asks for a second administrator unless IT says otherwise; a hub on SQLite asks only when
    // configured to (the embedded hub is: the single-seat rule, with the console policy's named people).
    roleGrantNeedsSecondAdmin: config.sessions.roleGrantNeedsSecondAdmin ?? 'postgres' in config.database,
    ...(o.privilegedUsers ? { privilegedUsers: o.privilegedUsers } : {}),
    oneMachine: config.oneMachine ?? false,
    ...(o.relay ? { relay: o.relay } : {}),
    guardPolicy,
    floodRates: rates,
    relayHub,
    workflow: { store: workflowStore, consent: consentStore, markers, presenceTtlMs: config.workflow.presenceTtlSeconds * 1000, changed: () => workflow.kick() },
  });
  // Its own lease connection: the early-warning lease is not a channel's, and losing it must not stop channels.
  const watchLeases: ChannelLeases = pgUrl ? postgresLeases(pgUrl, (event, detail) => log({ level: 'warn', event, detail })) : localLeases();
  const stopWatching = new HubEarlyWarning({
    feed,
    leases: watchLeases,
    review: new HubLeadReview(store),
    policy: guardPolicy,
    onError: (e) => log({ level: 'warn', event: 'early_warning.failed', detail: (e as Error).message }),
  }).start();
  const retentionEvery = retentionSettings(config);
  const retentionSchedule = scheduleRetention({
    retention: new HubRetention(store, { batch: retentionEvery.batch }),
    leases: watchLeases,
    actor: { actor: `hub:${config.nodeId}` },
    maxBatches: retentionEvery.maxBatchesPerRun,
    everyMs: retentionEvery.everyMinutes * 60_000,
    log,
  });
  const bounds = relayBounds(config);
  const relayExpiry = scheduleRelayExpiry({ queue: relayHub.queue, maxAgeMs: bounds.maxAgeDays * 86_400_000, everyMs: o.relaySweepMs ?? bounds.sweepMinutes * 60_000, now, log });
  // The relayed channels' figures, read at most every 5 s: load balancers ask /healthz often.
  let relayRead: { at: number; states: RelayChannelState[] } | null = null;
  const relayNow = async (): Promise<RelayChannelState[]> => {
    if (!relayRead || now() - relayRead.at >= 5_000) relayRead = { at: now(), states: await relayStates(store) };
    return relayRead.states;
  };
  const checkpoints = startAuditCheckpoints(store, custodian, config.auditCheckpointSeconds * 1000, log, config.auditHeadFile ? siemHeadFile(config.auditHeadFile, config.nodeId) : null);
  // A reply queued through another node: the feed sees its event, and this node wakes the channel if it runs it.
  feed.onNew(() => {
    for (const id of channels.held()) channels.wake(id);
    workflow.kick();
  });
  let closing = false;

  const health = async (): Promise<HubHealth> => {
    const problems: string[] = [];
    let database: HubHealth['database'] = 'ok';
    try {
      await store.ping();
    } catch (e) {
      database = 'unreachable';
      problems.push(e instanceof DiwanError ? e.message : `The hub cannot reach its database: ${describePgError(e)}.`);
    }
    if (feed.lastError && database === 'ok') problems.push(`The event table could not be read: ${feed.lastError}`);
    if (closing) problems.push('This node is shutting down; consoles are moving to the other nodes.');
    const relay = database === 'ok' ? await relayNow().catch(() => relayRead?.states ?? []) : (relayRead?.states ?? []);
    return {
      ok: problems.length === 0,
      node: config.nodeId,
      problems,
      database,
      consoles: streams.size,
      channels: channels.held(),
      eventSeq: feed.lastSeq,
      webhooks: webhookStats.snapshot(),
      webhookProblems: webhookStats.problems(),
      relay,
      relayProblems: relayProblems(relay, bounds, now()),
    };
  };

  // Node checks the deadlines below every `connectionsCheckingInterval` (30 s by default), which lets a slow sender
  // (a webhook from the internet included) hold a socket up to 30 s longer: check every second (the relay's rule).
  // Session tickets every node accepts (tls-tickets.ts): a console moving off a dead node resumes its TLS session.
  const server = https.createServer({ cert: certPem, key: keyPem, minVersion: 'TLSv1.2', connectionsCheckingInterval: 1000, ...ticketOptions(keyPem, now()) }, (req, res) =>
    void detached(() => route(req, res), (e) => {
      log({ level: 'error', event: 'api.failed', detail: failureName(e) });
      if (!res.headersSent) sendJson(res, 500, { error: 'internal', message: 'The hub failed to answer; try again.' });
      else res.destroy();
    }),
  );
  // When each connection was accepted and finished its TLS handshake (keyed by the peer's address and port, the one
  // thing the TCP and the TLS socket share): both waits are part of a stream's opening.
  const acceptedAt = new Map<string, number>();
  const secureAt = new WeakMap<object, number>();
  const peer = (s: { remoteAddress?: string; remotePort?: number }) => `${s.remoteAddress}:${s.remotePort}`;
  server.on('connection', (socket: Socket) => {
    if (acceptedAt.size < 10_000) acceptedAt.set(peer(socket), performance.now());
  });
  server.on('secureConnection', (socket) => {
    const now = performance.now();
    const accepted = acceptedAt.get(peer(socket));
    acceptedAt.delete(peer(socket));
    if (accepted !== undefined) metrics.observe('tls', now - accepted);
    if ((socket as TLSSocket).isSessionReused()) metrics.tlsResumed++;
    secureAt.set(socket, now);
  });
  server.on('tlsClientError', (_e, socket) => acceptedAt.delete(peer(socket)));
  const stopTicketRotation = rotateTicketKeys(server, keyPem, now);
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;

  async function route(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'https://hub.invalid');
    res.setHeader('x-content-type-options', 'nosniff');
    metrics.requests++;
    if (url.pathname === '/healthz' && req.method === 'GET') {
      const h = await health();
      return sendJson(res, h.ok ? 200 : 503, h);
    }
    if (url.pathname === '/metrics' && req.method === 'GET') {
      const h = await health();
      return sendText(res, 200, metrics.render(h, process.memoryUsage().rss, now()));
    }
    // Platforms post from the internet (through IT's reverse proxy): the channel's signature is the check, not the range.
    const hook = /^\/webhooks\/([a-z0-9][a-z0-9_-]{0,63})$/.exec(url.pathname);
    if (hook) {
      if (closing) return sendText(res, 503, 'try again', { 'retry-after': '1', connection: 'close' });
      try {
        return await webhooks(req, res, hook[1]!);
      } catch (e) {
        log({ level: 'error', event: 'webhook.failed', channelId: hook[1], detail: (e as Error)?.name ?? 'error' });
        if (!res.headersSent) sendText(res, 500, 'internal error');
        else res.destroy();
        return;
      }
    }
    if (!inOffice(req.socket.remoteAddress)) {
      metrics.refused++;
      return sendJson(res, 403, { error: 'outside_office', message: 'Diwan consoles connect to the hub only from the office networks IT named.' });
    }
    if (closing) {
      // Closed after this answer: a client retrying quickly on a kept-alive socket would otherwise keep it busy and
      // hold the listener's close open (a relay desk's long poll retries within half a second).
      res.setHeader('connection', 'close');
      return sendJson(res, 503, { error: 'hub_closing', message: 'This hub node is shutting down; try again (the load balancer sends you to another node).' });
    }
    try {
      if (!(await api(req, res, url.pathname, url.searchParams))) sendJson(res, 404, { error: 'not_found', message: 'The hub has no such address.' });
    } catch (e) {
      log({ level: 'error', event: 'api.failed', detail: (e as Error)?.name ?? 'error' });
    }
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: config.limits.maxFrameBytes, perMessageDeflate: false });
  server.on('upgrade', (req, socket, head) => {
    const refuse = (status: number, message: string) => {
      socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: text/plain; charset=utf-8\r\nconnection: close\r\n\r\n${message}`);
    };
    const ready = secureAt.get(req.socket);
    if (ready !== undefined) metrics.observe('request', performance.now() - ready);
    void detached(async () => {
      const url = new URL(req.url ?? '/', 'https://hub.invalid');
      if (url.pathname !== '/v1/stream') return refuse(404, 'The hub has no such address.');
      if (!inOffice(req.socket.remoteAddress)) return refuse(403, 'Diwan consoles connect to the hub only from the office networks IT named.');
      if (closing) return refuse(503, 'This hub node is shutting down.');
      if (streams.size >= config.limits.maxConsoles) return refuse(503, 'This hub node has as many consoles as it may; try another node.');
      const after = Number(url.searchParams.get('after') ?? '0');
      if (!Number.isSafeInteger(after) || after < 0) return refuse(400, 'after must be the last event sequence number you applied.');
      let who;
      const authStart = performance.now();
      try {
        who = await accounts.authenticate(bearer(req));
      } catch {
        return refuse(503, 'The hub cannot reach its database right now.');
      }
      metrics.observe('authenticate', performance.now() - authStart);
      if (!who) return refuse(401, 'Sign in again: your session has ended.');
      const upgradeStart = performance.now();
      wss.handleUpgrade(req, socket, head, (ws) => {
        metrics.observe('upgrade', performance.now() - upgradeStart);
        const s = new ConsoleStream(ws, who, after, feed, store, accounts, { maxBufferedBytes: config.limits.maxBufferedBytes, batch: 500 }, () => {
          streams.delete(s);
          metrics.streamsClosed++;
        }, metrics);
        streams.add(s);
        metrics.streamsOpened++;
        void workflow.connected(who.user.id);
      });
    }, (e) => {
      log({ level: 'error', event: 'stream.open_failed', detail: failureName(e) });
      socket.destroy();
    });
  });

  // Everything started above, stopped in order: by close(), and when the listener cannot start (nothing left running).
  const shutdown = async () => {
    closing = true;
    relayHub.bell.close();
    await channels.stop();
    await workflow.stop();
    for (const s of streams) s.end(1012, 'This hub node is restarting; reconnect to continue from your cursor.');
    wss.close();
    await new Promise<void>((r) => server.close(() => r()));
    server.closeAllConnections?.();
    stopTicketRotation();
    if (cacheWarming) clearInterval(cacheWarming);
    stopWatching();
    await retentionSchedule.stop();
    await relayExpiry.stop();
    await feed.stop();
    await watchLeases.close();
    metrics.stop();
    await leases.close();
    await checkpoints.stop();
    await store.close();
    await custodian.close();
  };

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e) => reject(new DiwanError('hub_listen_failed', `The hub cannot listen on ${config.listen.host}:${config.listen.port} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`)));
      server.listen(config.listen.port, config.listen.host, () => resolve());
    });
  } catch (e) {
    await shutdown();
    throw e;
  }
  channels.start();
  workflow.start();
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  log({ level: 'info', event: 'hub.started', detail: `${config.nodeId} on ${host}:${address.port}` });

  return {
    url: `https://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`,
    pin: spkiPin(certPem),
    nodeId: config.nodeId,
    store,
    health,
    async close() {
      if (closing) return;
      await shutdown();
      log({ level: 'info', event: 'hub.stopped', detail: config.nodeId });
    },
  };
}
