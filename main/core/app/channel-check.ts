import { connectorRegistry, ConnectorError, type ChannelConfig, type ConnectorRegistry } from '../connectors';
import { mathJitter, realSleep } from '../connectors/time';
import { noLog } from '../connectors/types';
import type { Clock } from '../shared/ports';
import type { ChannelCheckOutcome } from '../shared/vocabulary';
import type { Vault } from '../vault';

/** What the administrator's "Test" found: a code the console words in its language, and the connector's sentence for IT. */
export interface ChannelCheck {
  outcome: ChannelCheckOutcome;
  /** The connector's sentence (English, never a token); null when the credentials work. */
  detail: string | null;
}

const OUTCOME_OF: Record<ConnectorError['kind'], ChannelCheckOutcome> = {
  'token-rejected': 'token_rejected',
  network: 'unreachable',
  timeout: 'unreachable',
  aborted: 'unreachable',
  'rate-limited': 'rate_limited',
  server: 'platform_error',
  malformed: 'platform_error',
  'too-large': 'platform_error',
  conflict: 'platform_error',
  rejected: 'rejected',
};

/**
 * Asks the platform whether a channel's stored credentials work: a connector of the channel's kind is made apart from
 * the running one, loads the secrets from `vault` (the console's keychain, or the hub's secret store) (`start`) and
 * makes its one read-only call (`checkCredentials`), once, within `timeoutMs`; no message is read or sent and nothing
 * is stored (an X token refreshed on the way is saved, as the running connector would). The demo channel needs no
 * credentials.
 */
export async function checkChannelCredentials(
  deps: { vault: Vault; clock: Clock; registry?: ConnectorRegistry },
  channel: ChannelConfig,
  timeoutMs = 15_000,
): Promise<ChannelCheck> {
  const registry = deps.registry ?? connectorRegistry;
  const factory = registry[channel.kind as keyof ConnectorRegistry];
  if (!factory) return { outcome: 'rejected', detail: `Diwan has no connector for "${channel.kind}" channels.` };
  if (channel.kind === 'demo') return { outcome: 'ok', detail: null };
  if ((await deps.vault.channelToken(channel.id)) === null) {
    return { outcome: 'no_credentials', detail: 'No credentials for this channel are in the keychain.' };
  }
  const signal = AbortSignal.timeout(timeoutMs);
  const connector = factory({
    config: channel,
    vault: deps.vault,
    clock: deps.clock,
    sleep: realSleep,
    jitter: mathJitter,
    log: noLog,
    // One attempt: the administrator is waiting, and a platform that throttles is itself the answer.
    http: { retries: 0, timeoutMs: Math.min(timeoutMs, 10_000) },
  });
  try {
    await connector.start(signal);
    if (!connector.checkCredentials) return { outcome: 'rejected', detail: `${channel.kind} channels cannot be tested from here.` };
    await connector.checkCredentials(signal);
    return { outcome: 'ok', detail: null };
  } catch (e) {
    if (e instanceof ConnectorError) return { outcome: signal.aborted ? 'unreachable' : OUTCOME_OF[e.kind], detail: e.message };
    if (signal.aborted) return { outcome: 'unreachable', detail: `No answer within ${Math.round(timeoutMs / 1000)} seconds.` };
    return { outcome: 'rejected', detail: e instanceof Error && 'code' in e ? e.message : 'The check failed for a reason the connector did not name.' };
  } finally {
    await connector.stop().catch(() => {});
  }
}
