import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { spkiPin } from '../core/network';
import { DiwanError } from '../core/shared/errors';
import { systemClock, type Clock } from '../core/shared/ports';
import { BodyTooLarge, isJson, readBody, sendJson } from '../hub/http';
import { officeRangeCheck } from '../hub/office-ranges';
import type { HubSecrets } from '../hub/secrets';
import type { CustodianConfig } from './config';
import { Custodian, CustodianRefusal } from './custodian';
import { CustodianLog, EpochKeys, keyEncryptionKey } from '../core/custody';

export interface RunningCustodian {
  url: string;
  pin: string;
  custodian: Custodian;
  close(): Promise<void>;
}

const auditHeadSchema = z.object({ body: z.object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/), at: z.number().int().min(0) }).strict(), signature: z.string().max(200) }).strict();

/** The custodian as its own small service: HTTPS with a pinned certificate, reachable only from the hub ranges. */
export async function startCustodian(config: CustodianConfig, secrets: HubSecrets, o: { clock?: Clock; log?: (line: Record<string, unknown>) => void } = {}): Promise<RunningCustodian> {
  const clock = o.clock ?? systemClock;
  const say = o.log ?? ((line) => process.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), ...line })}\n`));
  const certPem = fs.readFileSync(config.tls.certFile, 'utf8');
  const keyPem = await secrets.get('tls-key');
  if (!keyPem) throw new DiwanError('custodian_secret_missing', 'The custodian needs the secret "tls-key" (the private key of its certificate) in the keychain or systemd credentials.');
  const kek = keyEncryptionKey({
    secret: config.keys.protection === 'secret' ? await secrets.get('key-encryption-key') : null,
    passphrase: config.keys.protection === 'passphrase' ? await secrets.get('passphrase') : null,
    dir: config.keys.dir,
  });
  const windowMs = config.rateLimit.windowMinutes * 60_000;
  const log = new CustodianLog(config.log.file, Math.max(windowMs, 600_000));
  const custodian = new Custodian({
    team: config.team,
    keys: new EpochKeys(config.keys.dir, kek, config.epoch),
    epochLength: config.epoch,
    retainEpochs: config.retainEpochs,
    log,
    hubGrantKeys: config.hubGrantKeys,
    policy: config.policy,
    rateLimit: { perDevice: config.rateLimit.perDevice, windowMs },
    now: () => clock.now(),
  });
  custodian.publicKey();
  const retention = setInterval(() => {
    try {
      custodian.publicKey();
    } catch (e) {
      say({ level: 'error', event: 'custodian.rotation_failed', detail: (e as Error).message });
    }
  }, 3_600_000);
  retention.unref();

  const inRange = officeRangeCheck(config.hubRanges);
  const server = https.createServer({ cert: certPem, key: keyPem, minVersion: 'TLSv1.2' }, (req, res) => {
    void (async () => {
      res.setHeader('x-content-type-options', 'nosniff');
      if (!inRange(req.socket.remoteAddress)) return sendJson(res, 403, { error: 'outside_hub_ranges', message: 'Only the hub nodes IT named may reach the custodian.' });
      const path = new URL(req.url ?? '/', 'https://custodian.invalid').pathname;
      try {
        if (req.method === 'GET' && path === '/v1/public-key') return sendJson(res, 200, custodian.publicKey());
        if (req.method === 'GET' && path === '/v1/audit-head') return sendJson(res, 200, { head: custodian.lastAuditHead() });
        if (req.method !== 'POST' || (path !== '/v1/open' && path !== '/v1/audit-head')) return sendJson(res, 404, { error: 'not_found', message: 'The custodian has no such address.' });
        if (!isJson(req)) return sendJson(res, 400, { error: 'bad_request', message: 'Send JSON.' });
        let body: unknown;
        try {
          body = JSON.parse((await readBody(req, 512 * 1024)).toString('utf8'));
        } catch (e) {
          if (e instanceof BodyTooLarge) return sendJson(res, 413, { error: 'too_large', message: 'A grant is at most 512 KiB.' });
          return sendJson(res, 400, { error: 'bad_request', message: 'The body is not JSON.' });
        }
        if (path === '/v1/open') return sendJson(res, 200, custodian.open(body));
        const h = auditHeadSchema.safeParse(body);
        if (!h.success) return sendJson(res, 400, { error: 'bad_request', message: 'An audit head is { body: { seq, hash, at }, signature }.' });
        custodian.recordAuditHead(h.data.body, h.data.signature);
        return sendJson(res, 200, { ok: true });
      } catch (e) {
        if (e instanceof CustodianRefusal) return sendJson(res, e.refusal === 'rate_limited' ? 429 : 403, { error: e.refusal, message: e.message });
        say({ level: 'error', event: 'custodian.failed', detail: (e as Error)?.name ?? 'error' });
        return sendJson(res, 500, { error: 'internal', message: 'The custodian could not complete this request.' });
      }
    })();
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) => reject(new DiwanError('custodian_listen_failed', `The custodian cannot listen on ${config.listen.host}:${config.listen.port} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`)));
    server.listen(config.listen.port, config.listen.host, () => resolve());
  });
  const a = server.address() as AddressInfo;
  say({ level: 'info', event: 'custodian.started', detail: `${config.team} on ${a.address}:${a.port}` });
  return {
    url: `https://${a.address === '0.0.0.0' ? '127.0.0.1' : a.address}:${a.port}`,
    pin: spkiPin(certPem),
    custodian,
    async close() {
      clearInterval(retention);
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections?.();
      log.close();
    },
  };
}
