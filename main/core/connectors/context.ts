import type { z } from 'zod';
import type { Clock } from '../shared/ports';
import { DiwanError } from '../shared/errors';
import type { Vault } from '../vault';
import { ConnectorError } from './errors';
import { HttpClient, type HttpClientOptions } from './http/client';
import { RateGate } from './http/rate-gate';
import type { ChannelConfig, ConnectorLog } from './types';
import type { Jitter, Sleep } from './time';

/** What a connector factory is given: its configuration and the ports it may use. */
export interface ConnectorContext {
  config: ChannelConfig;
  vault: Vault;
  clock: Clock;
  sleep: Sleep;
  jitter: Jitter;
  log: ConnectorLog;
  /** Overrides for the HTTP client (tests use short timeouts and small body caps). */
  http?: Partial<Pick<HttpClientOptions, 'maxBodyBytes' | 'timeoutMs' | 'retries' | 'retryBaseMs' | 'retryCapMs'>>;
}

/** The channel's HTTP client, with its rate gate (configured, or the platform's default). */
export function channelHttp(
  ctx: ConnectorContext,
  secrets: () => readonly string[],
  defaultRate: { perSecond: number; burst: number },
): HttpClient {
  const rate = ctx.config.rateLimit ?? defaultRate;
  return new HttpClient({
    channelId: ctx.config.id,
    clock: ctx.clock,
    sleep: ctx.sleep,
    jitter: ctx.jitter,
    gate: new RateGate(ctx.clock, ctx.sleep, rate.perSecond, rate.burst),
    secrets,
    log: ctx.log,
    ...ctx.http,
  });
}

/** The channel's secrets from the keychain (account `channel:<id>`, a JSON object), checked against `schema`. */
export async function loadChannelSecrets<T>(ctx: ConnectorContext, schema: z.ZodType<T>): Promise<T> {
  const account = `channel:${ctx.config.id}` as const;
  let raw: string | null;
  try {
    raw = await ctx.vault.get(account);
  } catch (e) {
    const why = e instanceof DiwanError ? e.message : 'the keychain could not be read';
    throw new ConnectorError('rejected', `The channel's credentials could not be read: ${why}`, { retryable: true });
  }
  if (!raw) {
    throw new ConnectorError(
      'token-rejected',
      'No credentials for this channel are in the keychain. Enter the token in the channel settings.',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  const r = schema.safeParse(parsed);
  if (!r.success) {
    throw new ConnectorError(
      'token-rejected',
      'The credentials stored for this channel are incomplete. Enter the token in the channel settings again.',
    );
  }
  return r.data;
}

export async function saveChannelSecrets(ctx: ConnectorContext, value: unknown): Promise<void> {
  await ctx.vault.set(`channel:${ctx.config.id}`, JSON.stringify(value));
}

/** A required string setting, or a clear configuration error. */
export function requireSetting(ctx: ConnectorContext, name: string): string {
  const v = ctx.config.settings?.[name];
  if (v === undefined || v === '') {
    throw new ConnectorError('rejected', `The channel is missing its "${name}" setting.`, { retryable: false });
  }
  return String(v);
}

export function numberSetting(ctx: ConnectorContext, name: string, fallback: number): number {
  const v = ctx.config.settings?.[name];
  const n = typeof v === 'number' ? v : Number(v);
  return v === undefined || !Number.isFinite(n) ? fallback : n;
}

/** Bounded text from a platform for an error message: single line, at most 200 characters. */
export function platformSays(text: unknown): string {
  return String(text ?? '').replace(/\s+/g, ' ').slice(0, 200);
}
