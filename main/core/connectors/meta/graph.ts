import { z } from 'zod';
import type { Clock } from '../../shared/ports';
import { platformSays } from '../context';
import { ConnectorError } from '../errors';
import { retryAfterHeader, type HttpClient, type HttpReply } from '../http/client';
import { ATTACHMENT_LIMITS, attachmentUrl } from '../attachments';
import type { AttachmentContent } from '../types';

export const GRAPH_API = 'https://graph.facebook.com';
export const GRAPH_VERSION = 'v24.0';

const graphError = z.object({
  error: z.object({
    message: z.string().optional(),
    code: z.number().optional(),
    error_subcode: z.number().optional(),
    error_data: z.object({ details: z.string().optional() }).passthrough().optional(),
  }),
});

const THROTTLES = new Set([4, 17, 32, 613, 80002, 80006, 80007, 130429]);
const WINDOW_CLOSED = new Set([10, 131047]);

/**
 * Reads Meta's usage headers (`X-App-Usage`, `X-Page-Usage`, `X-Business-Use-Case-Usage`): the channel slows down as
 * usage nears 100 % and stops for `estimated_time_to_regain_access` minutes when Meta gives one.
 */
export function applyGraphUsage(http: HttpClient, reply: HttpReply, clock: Clock): void {
  let peak = 0;
  let regainMin = 0;
  const visit = (u: unknown) => {
    if (!u || typeof u !== 'object') return;
    const o = u as Record<string, unknown>;
    for (const k of ['call_count', 'total_cputime', 'total_time']) if (typeof o[k] === 'number') peak = Math.max(peak, o[k] as number);
    if (typeof o.estimated_time_to_regain_access === 'number') regainMin = Math.max(regainMin, o.estimated_time_to_regain_access);
  };
  for (const h of ['x-app-usage', 'x-page-usage', 'x-business-use-case-usage']) {
    const raw = reply.headers[h];
    if (!raw) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      continue;
    }
    if (h === 'x-business-use-case-usage' && parsed && typeof parsed === 'object') {
      for (const list of Object.values(parsed)) if (Array.isArray(list)) list.forEach(visit);
    } else visit(parsed);
  }
  if (regainMin > 0) http.gate.closeUntil(clock.now() + regainMin * 60_000);
  http.gate.slowDown(peak >= 90 ? 4 : peak >= 75 ? 2 : 1);
}

/** A Graph error answer as a ConnectorError: what it means for health, retries and the agent. */
export function graphFailure(http: HttpClient, reply: HttpReply, label: string, clock: Clock, platform: string): ConnectorError {
  const parsed = graphError.safeParse(reply.body);
  if (!parsed.success) {
    return new ConnectorError('malformed', `${label}: ${platform} answered ${reply.status} without a Graph error.`, {
      status: reply.status,
      sent: 'no',
    });
  }
  const e = parsed.data.error;
  const code = e.code ?? 0;
  const sub = e.error_subcode;
  const said = platformSays(http.redact(e.error_data?.details ?? e.message ?? ''));
  const init = { status: reply.status, platformCode: sub ? `${code}/${sub}` : String(code) };
  if (code === 190 || code === 102) {
    return new ConnectorError(
      'token-rejected',
      `${platform} refused the access token (code ${code}). Generate a new token for Diwan and enter it in the channel settings.`,
      init,
    );
  }
  if (THROTTLES.has(code)) {
    const ms = retryAfterHeader(reply.headers, clock.now()) ?? buc(reply) ?? 60_000;
    http.gate.closeUntil(clock.now() + ms);
    return new ConnectorError('rate-limited', `${label}: ${platform} is throttling this channel (code ${code}); waiting ${Math.ceil(ms / 1000)} s.`, {
      ...init,
      retryAfterMs: ms,
    });
  }
  if (code === 131056) {
    return new ConnectorError('rejected', `${label}: too many messages to this customer in a short time; trying again shortly.`, {
      ...init,
      retryable: true,
      retryAfterMs: 6_000,
    });
  }
  if (code === 1 || code === 2) {
    return new ConnectorError('server', `${label}: ${platform} had a temporary problem (code ${code}).`, { ...init, sent: 'no' });
  }
  if (WINDOW_CLOSED.has(code) && (code === 131047 || sub === 2018278)) {
    return new ConnectorError(
      'rejected',
      `${label}: the reply window has closed (code ${code}). ${platform === 'WhatsApp' ? 'Send an approved template instead.' : 'Only a human-agent reply within 7 days is possible.'}`,
      { ...init, retryable: false },
    );
  }
  return new ConnectorError('rejected', `${label}: ${platform} refused the request (code ${code}${said ? `: ${said}` : ''}).`, {
    ...init,
    retryable: false,
  });
}

function buc(reply: HttpReply): number | undefined {
  try {
    const parsed = JSON.parse(reply.headers['x-business-use-case-usage'] ?? '') as Record<string, Array<{ estimated_time_to_regain_access?: number }>>;
    const mins = Object.values(parsed).flat().map((u) => u.estimated_time_to_regain_access ?? 0);
    const max = Math.max(0, ...mins);
    return max > 0 ? max * 60_000 : undefined;
  } catch {
    return undefined;
  }
}

/** Graph datetimes carry `+0000`; `Date.parse` wants `+00:00`. */
export function parseGraphTime(s: string): number {
  return Date.parse(s.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
}

/** Hosts Meta serves message media from (Messenger and Instagram CDNs, WhatsApp's media lookaside). */
export const META_MEDIA_HOSTS = ['fbcdn.net', 'fbsbx.com', 'cdninstagram.com', 'facebook.com', 'instagram.com', 'whatsapp.net'] as const;

/**
 * One media file from a Meta link: the link checked against Meta's hosts first (`attachmentUrl`), the bytes read up to
 * the attachment limit. `token` is sent only where Meta requires it (WhatsApp media), never to a public CDN link.
 */
export async function downloadMetaMedia(
  http: HttpClient,
  link: string,
  opts: { origin: string; label: string; platform: string; clock: Clock; signal: AbortSignal; token?: string; mimeType?: string; fileName?: string },
): Promise<AttachmentContent> {
  const url = attachmentUrl(link, META_MEDIA_HOSTS, opts.origin);
  const reply = await http.request({
    method: 'GET',
    url: url.toString(),
    label: opts.label,
    idempotent: true,
    signal: opts.signal,
    fileMaxBytes: ATTACHMENT_LIMITS.maxBytes,
    ...(opts.token ? { headers: { authorization: `Bearer ${opts.token}` } } : {}),
  });
  if (!reply.bytes) {
    if (reply.status === 403 || reply.status === 404 || reply.status === 410) {
      throw new ConnectorError('rejected', `${opts.platform} no longer serves this file (links to customers' files expire); ask the customer to send it again.`, { status: reply.status, retryable: false });
    }
    throw graphFailure(http, reply, opts.label, opts.clock, opts.platform);
  }
  const mimeType = opts.mimeType ?? reply.headers['content-type'];
  return { content: reply.bytes, ...(mimeType ? { mimeType } : {}), ...(opts.fileName ? { fileName: opts.fileName } : {}) };
}
