import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { ConnectorError } from '../errors';
import type { MailLogin, MailSettings } from './settings';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  inReplyTo?: string;
  references: string[];
}

/**
 * Sends a reply through the channel's SMTP server (nodemailer) with the threading headers mail clients expect.
 * Returns the Message-ID it gave the reply. A failure after the message body was handed over is reported as
 * "maybe sent", never retried blindly.
 */
export async function sendMail(s: MailSettings, login: MailLogin, mail: OutgoingMail, signal: AbortSignal): Promise<string> {
  const { host, port, security } = s.smtp;
  const transport = nodemailer.createTransport({
    host,
    port,
    secure: security === 'tls',
    requireTLS: security === 'starttls',
    ignoreTLS: security === 'plain',
    auth: 'pass' in login ? { user: login.user, pass: login.pass } : { type: 'OAuth2', user: login.user, accessToken: login.accessToken },
    connectionTimeout: s.timeouts.connectMs,
    greetingTimeout: s.timeouts.connectMs,
    socketTimeout: Math.min(s.timeouts.socketMs, 120_000),
    tls: { rejectUnauthorized: true },
    logger: false,
    debug: false,
  });
  const messageId = `${randomUUID()}@${s.address.split('@')[1]}`;
  const abort = () => transport.close();
  signal.addEventListener('abort', abort, { once: true });
  try {
    await transport.sendMail({
      from: s.address,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: `<${messageId}>`,
      ...(mail.inReplyTo ? { inReplyTo: `<${mail.inReplyTo}>` } : {}),
      ...(mail.references.length ? { references: mail.references.map((r) => `<${r}>`) } : {}),
      headers: { 'Auto-Submitted': 'no' },
    });
    return messageId;
  } catch (e) {
    throw smtpError(e, s);
  } finally {
    signal.removeEventListener('abort', abort);
    transport.close();
  }
}

/** Before the DATA command nothing was handed over; a failure at or after it may have delivered the reply. */
function smtpError(e: unknown, s: MailSettings): ConnectorError {
  const err = e as { code?: string; command?: string; responseCode?: number; response?: string };
  const where = `${s.smtp.host}:${s.smtp.port}`;
  const afterData = err.command === 'DATA' || err.command === 'MESSAGE' || (err.command === undefined && err.code === 'ETIMEDOUT' && err.responseCode === undefined);
  if (err.code === 'EAUTH' || err.responseCode === 535) {
    return new ConnectorError('token-rejected', `The mail server ${where} refused the channel's user name or password for sending.`);
  }
  const said = err.response ? `: ${String(err.response).replace(/\s+/g, ' ').slice(0, 160)}` : '';
  if (err.responseCode && err.responseCode >= 500) {
    return new ConnectorError('rejected', `The mail server ${where} refused the reply${said}.`, { retryable: false, status: err.responseCode, sent: afterData && err.command !== 'DATA' ? 'maybe' : 'no' });
  }
  if (err.responseCode && err.responseCode >= 400) {
    return new ConnectorError('server', `The mail server ${where} asked to try later${said}.`, { status: err.responseCode, sent: 'no' });
  }
  if (afterData) {
    return new ConnectorError('network', `The connection to ${where} ended while the reply was being handed over.`, { sent: 'maybe', retryable: false });
  }
  return new ConnectorError(err.code === 'ETIMEDOUT' ? 'timeout' : 'network', `The mail server ${where} could not be reached${err.code ? ` (${err.code})` : ''}.`);
}
