import { connectorRegistry, ConnectorRuntime, type ChannelConfig, type ChannelKind } from '../connectors';
import { withRelay, type RelayLink } from '../connectors/relay-client';
import type { ConnectorSink } from '../shared/messages';
import type { AuditPort, Clock } from '../shared/ports';
import type { Store } from '../store';
import type { Vault } from '../vault';
import type { ConsoleLock } from './lock';

export const DEMO_CHANNEL_ID = 'demo';

export interface ChannelRuntime {
  readonly runtime: ConnectorRuntime;
  /** Where inbound messages go: the store, behind the guards (the relay client and tests deliver here too). */
  readonly sink: ConnectorSink;
  /** Adds every enabled channel (or the demo channel when there is none) and starts pulling and sending. */
  start(): void;
  /** (Re)starts one channel from its saved configuration and credentials, once the runtime runs. */
  reload(channelId: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The channels the console runs: every enabled channel in the store, or — when none is configured — the built-in
 * demo channel, so a new user sees Diwan work with no credentials. Paused whenever the console is locked.
 */
export function createChannelRuntime(deps: {
  store: Store;
  sink: ConnectorSink;
  vault: Vault;
  clock: Clock;
  audit: AuditPort;
  lock: ConsoleLock;
  log: (line: string) => void;
  /** The relay the signed policy names, for channels set to go through it (`settings.via = "relay"`). */
  relayLink: () => RelayLink | null;
  /** True in team mode: the hub runs the team's channels once, so this console runs none. */
  teamMode: () => boolean;
}): ChannelRuntime {
  const runtime = new ConnectorRuntime({
    sink: deps.sink,
    outbox: deps.store.outbox,
    vault: deps.vault,
    clock: deps.clock,
    audit: deps.audit,
    registry: withRelay(connectorRegistry, deps.relayLink),
    log: (line) => deps.log(`channel ${line.channelId} ${line.level} ${line.event}${line.detail ? `: ${line.detail}` : ''}`),
  });
  const syncPause = () => (deps.lock.isLocked() ? runtime.pause(deps.lock.reason() ?? 'locked') : runtime.resume());
  let unbind = () => {};
  let started = false;
  const add = (c: { id: string; kind: string; config: Record<string, unknown> }) => {
    try {
      runtime.add(channelConfig(c));
    } catch (e) {
      deps.log(`channel ${c.id} not started: ${(e as { code?: string }).code ?? 'error'}`);
    }
  };
  return {
    runtime,
    sink: deps.sink,
    start() {
      if (deps.teamMode()) return;
      const all = deps.store.channels.list();
      let channels = all.filter((c) => c.enabled);
      const demo = all.find((c) => c.id === DEMO_CHANNEL_ID);
      // The demo channel runs when nothing else does, unless an administrator removed it.
      if (channels.length === 0 && !demo?.removedAt) {
        if (!demo) deps.store.channels.create({ id: DEMO_CHANNEL_ID, kind: 'demo', name: 'Demo' });
        channels = [deps.store.channels.get(DEMO_CHANNEL_ID)];
      }
      for (const c of channels) add(c);
      started = true;
      syncPause();
      unbind = deps.lock.onChange(syncPause);
      runtime.start();
    },
    async reload(channelId) {
      if (!started) return;
      await runtime.remove(channelId);
      const c = deps.store.channels.get(channelId);
      if (c.enabled) add(c);
    },
    async stop() {
      started = false;
      unbind();
      await runtime.stop();
    },
  };
}

/** A stored channel as the connectors take it: the known options, the rest as settings. */
export function channelConfig(c: { id: string; kind: string; config: Record<string, unknown> }): ChannelConfig {
  const { baseUrl, pollIntervalMs, rateLimit, quietAlertMs, ...settings } = c.config as Partial<ChannelConfig> & Record<string, unknown>;
  return {
    id: c.id,
    kind: c.kind as ChannelKind,
    baseUrl,
    pollIntervalMs,
    rateLimit,
    quietAlertMs,
    settings: settings as ChannelConfig['settings'],
  };
}
