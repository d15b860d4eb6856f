import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { request } from 'undici';
import { hubSignature } from '../../main/core/connectors';
import { RelayLink, type DeviceSigner } from '../../main/core/connectors/relay-client';
import { spkiPin } from '../../main/core/network';
import { parseRelayConfig, type RelayConfig } from '../../main/relay/config';
import { CredentialsDirSecrets } from '../../main/relay/secrets';
import { startRelay, type RelayOptions, type RunningRelay } from '../../main/relay/server';
import type { RelayLogLine } from '../../main/relay/stats';
import { createRelayCertificate } from '../../main/relay/tls';
import { tmpDir } from '../helpers/tmp';

export const APP_SECRET = 'test-app-secret-4f1d9c';
export const VERIFY_TOKEN = 'relay-verify-7f3a';
export const WA_TOKEN = 'EAAG-test-whatsapp-token-91b2';
export const BOT_TOKEN = '123456:TEST-bot-token-for-relay';
export const PHONE_NUMBER_ID = '420000000000002';

/** An Ed25519 device key pair shaped like the identity work's DeviceIdentity. */
export function makeDevice(): DeviceSigner & { publicKeyPem: string } {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url');
  return {
    fingerprint: crypto.createHash('sha256').update(raw).digest('hex'),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    sign: (data) => crypto.sign(null, Buffer.from(data, 'utf8'), privateKey).toString('base64'),
  };
}

let certCache: Promise<{ certPem: string; keyPem: string; pin: string }> | null = null;

export interface RelayEnv {
  dir: string;
  config: RelayConfig;
  credentials: string;
  pin: string;
  logs: RelayLogLine[];
  devices: Array<ReturnType<typeof makeDevice>>;
  start(extra?: Partial<RelayOptions>): Promise<RunningRelay>;
}

/**
 * A relay configuration in a temp dir: a WhatsApp channel `wa-main` and a Telegram bot `tg-shared` (pointed at
 * `platformUrl`), office ranges 127.0.0.1/32, `deviceCount` enrolled devices, secrets as systemd-style credential
 * files (mode 0400).
 */
export async function relayEnv(opts: { platformUrl: string; deviceCount?: number; officeRanges?: string[]; config?: Record<string, unknown> }): Promise<RelayEnv> {
  certCache ??= createRelayCertificate(['127.0.0.1']);
  const cert = await certCache;
  const dir = tmpDir('diwan-relay-');
  const credentials = path.join(dir, 'credentials');
  fs.mkdirSync(credentials, { mode: 0o700 });
  const put = (name: string, value: string) => fs.writeFileSync(path.join(credentials, name), value, { mode: 0o400 });
  put('wa-main.app-secret', APP_SECRET);
  put('wa-main.verify-token', VERIFY_TOKEN);
  put('wa-main.token', WA_TOKEN);
  put('tg-shared.token', BOT_TOKEN);
  put('tls-key', cert.keyPem);
  put('queue-key', crypto.randomBytes(32).toString('base64'));
  fs.writeFileSync(path.join(dir, 'relay-cert.pem'), cert.certPem);
  const devices = Array.from({ length: opts.deviceCount ?? 2 }, () => makeDevice());
  const config = parseRelayConfig({
    dataDir: path.join(dir, 'data'),
    webhook: { host: '127.0.0.1', port: 0 },
    console: { host: '127.0.0.1', port: 0, certFile: path.join(dir, 'relay-cert.pem') },
    officeRanges: opts.officeRanges ?? ['127.0.0.1/32'],
    devices: devices.map((d, i) => ({ name: `desk-${i + 1}`, publicKey: d.publicKeyPem })),
    channels: [
      { id: 'wa-main', kind: 'whatsapp', baseUrl: opts.platformUrl, settings: { phoneNumberId: PHONE_NUMBER_ID } },
      { id: 'tg-shared', kind: 'telegram', baseUrl: opts.platformUrl, settings: { longPollSeconds: 1 } },
    ],
    ...opts.config,
  });
  const logs: RelayLogLine[] = [];
  return {
    dir,
    config,
    credentials,
    pin: cert.pin,
    logs,
    devices,
    start: (extra = {}) =>
      startRelay({
        config,
        secrets: new CredentialsDirSecrets(credentials),
        log: (l) => logs.push(l),
        runtime: { conflictRetryMs: 200, errorBackoff: { baseMs: 50, capMs: 200 }, outboxIdleMs: 100, http: { timeoutMs: 3_000, retries: 0 } },
        ...extra,
      }),
  };
}

export function linkFor(relay: RunningRelay, device: DeviceSigner, o: { localAddress?: string; pin?: string } = {}): RelayLink {
  return new RelayLink({ url: relay.consoleUrl, pin: o.pin ?? spkiPin(relay.certPem), device, localAddress: o.localAddress, timeoutMs: 5_000 });
}

/** A WhatsApp webhook body with one inbound text per id. */
export function whatsappBody(ids: string[], from = '34600111222', text = 'My order #1182 has not arrived'): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '310000000000001',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550100000', phone_number_id: PHONE_NUMBER_ID },
              contacts: [{ profile: { name: 'Ana Ruiz' }, wa_id: from }],
              messages: ids.map((id) => ({ from, id, timestamp: '1767225600', type: 'text', text: { body: `${text} (${id})` } })),
            },
          },
        ],
      },
    ],
  });
}

export async function postWebhook(
  relay: RunningRelay,
  body: string | Buffer,
  o: { channel?: string; signature?: string | null; contentType?: string } = {},
): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { 'content-type': o.contentType ?? 'application/json' };
  const sig = o.signature === undefined ? hubSignature(body, APP_SECRET) : o.signature;
  if (sig !== null) headers['x-hub-signature-256'] = sig;
  const res = await request(`${relay.webhookUrl}/webhooks/${o.channel ?? 'wa-main'}`, { method: 'POST', headers, body });
  return { status: res.statusCode, text: await res.body.text() };
}

/** Polls `check` every 25 ms until it holds or `ms` pass (bounded). */
export async function until(check: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`condition not met within ${ms} ms`);
}
