import { ImapFlow, type FetchMessageObject } from 'imapflow';
import { ConnectorError } from '../errors';
import type { Sleep } from '../time';
import type { FetchedMail } from './map';
import type { MailLogin, MailSettings } from './settings';

/**
 * One IMAP connection to the channel's mailbox (imapflow), opened on first use and again after any failure. It lists
 * what arrived after a UID, downloads a bounded batch, waits for new mail with IDLE (or a timed look when the server
 * has no IDLE), and finds a thread's messages for a reply.
 */
export class MailboxSession {
  private client: ImapFlow | null = null;
  private opening: Promise<ImapFlow> | null = null;

  constructor(
    private readonly s: MailSettings,
    private readonly login: () => Promise<MailLogin>,
    private readonly sleep: Sleep,
  ) {}

  /** The connection with the mailbox selected, connecting when there is none. */
  async open(): Promise<ImapFlow> {
    if (this.client?.usable) return this.client;
    this.opening ??= this.connect().finally(() => (this.opening = null));
    return this.opening;
  }

  get uidValidity(): string {
    const box = this.client?.mailbox;
    if (!box) throw new ConnectorError('network', 'The mailbox is not open.');
    return String(box.uidValidity);
  }

  get hasIdle(): boolean {
    return Boolean(this.client?.capabilities.has('IDLE'));
  }

  /** The mailbox's message count when `newUids` last asked: mail that arrived during that search wakes the next wait. */
  private existsAtList = -1;

  /** UIDs above `after`, ascending. */
  async newUids(after: number): Promise<number[]> {
    const client = await this.open();
    this.existsAtList = client.mailbox ? client.mailbox.exists : -1;
    if (!this.hasIdle) await client.noop();
    const found = await client.search({ uid: `${after + 1}:*` }, { uid: true });
    return (found || []).filter((u) => u > after).sort((a, b) => a - b);
  }

  /** Sizes and arrival times of the given UIDs. */
  async describe(uids: number[]): Promise<Array<{ uid: number; size: number; arrivedAt: number }>> {
    const client = await this.open();
    const out: Array<{ uid: number; size: number; arrivedAt: number }> = [];
    for await (const m of client.fetch(uids.join(','), { uid: true, size: true, internalDate: true }, { uid: true })) {
      out.push({ uid: m.uid, size: m.size ?? 0, arrivedAt: arrival(m) });
    }
    return out;
  }

  /** Downloads whole messages, or only the header block of those marked `headersOnly`. */
  async download(items: Array<{ uid: number; size: number; arrivedAt: number; headersOnly: boolean }>): Promise<FetchedMail[]> {
    const client = await this.open();
    const uidValidity = this.uidValidity;
    const got = new Map<number, FetchMessageObject>();
    const whole = items.filter((i) => !i.headersOnly).map((i) => i.uid);
    const heads = items.filter((i) => i.headersOnly).map((i) => i.uid);
    if (whole.length) for await (const m of client.fetch(whole.join(','), { uid: true, source: true }, { uid: true })) got.set(m.uid, m);
    if (heads.length) for await (const m of client.fetch(heads.join(','), { uid: true, headers: true }, { uid: true })) got.set(m.uid, m);
    const out: FetchedMail[] = [];
    for (const i of items) {
      const m = got.get(i.uid);
      // Expunged between listing and download: nothing to store, the cursor moves past it.
      if (!m) continue;
      out.push({
        uid: i.uid,
        uidValidity,
        size: i.size,
        arrivedAt: i.arrivedAt,
        ...(i.headersOnly ? { headersOnly: m.headers ?? Buffer.alloc(0) } : { source: m.source ?? Buffer.alloc(0) }),
      });
    }
    return out;
  }

  /**
   * Waits until the server announces new mail (IDLE), the connection ends, `signal` aborts, or `idleMs` passes.
   * Without IDLE it waits `pollMs`; the next `newUids` asks the server.
   */
  async waitForMail(signal: AbortSignal): Promise<void> {
    const client = await this.open();
    const wake = new AbortController();
    const onWake = () => wake.abort();
    client.on('exists', onWake);
    client.on('close', onWake);
    // An EXISTS that came with the search's own answer was announced before anyone listened.
    if (client.mailbox && client.mailbox.exists !== this.existsAtList) onWake();
    let waiting = true;
    // IDLE ends when any other command runs on the connection (a reply looking up its thread); enter it again
    // while still waiting, or new mail would only be seen at the next renewal.
    const enterIdle = () => {
      if (!waiting || !client.usable) return;
      client.idle().then(() => waiting && setTimeout(enterIdle, 20), onWake);
    };
    try {
      if (this.hasIdle) enterIdle();
      await this.sleep(this.hasIdle ? this.s.idleMs : this.s.pollMs, AbortSignal.any([signal, wake.signal]));
    } finally {
      waiting = false;
      client.off('exists', onWake);
      client.off('close', onWake);
    }
    if (!client.usable && !signal.aborted) throw new ConnectorError('network', 'The mail server closed the connection.');
  }

  /**
   * The messages of a thread still in the mailbox, newest last: those whose Message-ID is the root or whose
   * References name it. Used to answer a conversation this process has not seen a message of (after a restart).
   */
  async thread(rootId: string): Promise<Buffer[]> {
    const client = await this.open();
    const found = await client.search({ or: [{ header: { 'message-id': rootId } }, { header: { references: rootId } }] }, { uid: true });
    const uids = (found || []).sort((a, b) => a - b).slice(-20);
    if (!uids.length) return [];
    const out: Buffer[] = [];
    for await (const m of client.fetch(uids.join(','), { uid: true, headers: true }, { uid: true })) if (m.headers) out.push(m.headers);
    return out;
  }

  /** One MIME part of one message, refused when larger than `maxBytes` (decoded size). */
  async part(uid: number, partId: string, maxBytes: number): Promise<{ content: Buffer; mimeType?: string; fileName?: string } | null> {
    const client = await this.open();
    const got = await client.download(String(uid), partId, { uid: true, maxBytes: maxBytes + 1 });
    if (!got || !('content' in got) || !got.content) return null;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of got.content as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        got.content.destroy();
        throw new ConnectorError('too-large', `The attachment is larger than the ${Math.round(maxBytes / 1048576)} MB this channel opens.`, { retryable: false });
      }
      chunks.push(chunk);
    }
    return { content: Buffer.concat(chunks), ...(got.meta?.contentType ? { mimeType: got.meta.contentType } : {}), ...(got.meta?.filename ? { fileName: got.meta.filename } : {}) };
  }

  async close(): Promise<void> {
    const c = this.client;
    this.client = null;
    if (!c) return;
    if (c.usable) await c.logout().catch(() => c.close());
    else c.close();
  }

  /** Drops the connection at once (stop, abort in the middle of a download). */
  drop(): void {
    this.client?.close();
    this.client = null;
  }

  private async connect(): Promise<ImapFlow> {
    this.drop();
    const login = await this.login();
    const { host, port, security } = this.s.imap;
    const client = new ImapFlow({
      host,
      port,
      secure: security === 'tls',
      doSTARTTLS: security === 'starttls' ? true : security === 'plain' ? false : undefined,
      auth: login,
      logger: false,
      disableAutoIdle: true,
      connectionTimeout: this.s.timeouts.connectMs,
      greetingTimeout: this.s.timeouts.connectMs,
      socketTimeout: this.s.timeouts.socketMs,
      tls: { rejectUnauthorized: true },
      clientInfo: { name: 'Diwan' },
    } as ConstructorParameters<typeof ImapFlow>[0]);
    // Without a listener an 'error' event would throw out of the event loop; the failed command reports it instead.
    client.on('error', () => {});
    try {
      await client.connect();
      await client.mailboxOpen(this.s.mailbox);
    } catch (e) {
      client.close();
      throw imapError(e, this.s);
    }
    this.client = client;
    return client;
  }
}

function arrival(m: FetchMessageObject): number {
  const d = m.internalDate instanceof Date ? m.internalDate : m.internalDate ? new Date(m.internalDate) : null;
  return d && !Number.isNaN(d.getTime()) ? d.getTime() : Date.now();
}

/** An imapflow failure as a ConnectorError a person can act on (never the server's raw reply with credentials). */
export function imapError(e: unknown, s: MailSettings): ConnectorError {
  if (e instanceof ConnectorError) return e;
  const err = e as { authenticationFailed?: boolean; code?: string; mailboxMissing?: boolean; serverResponseCode?: string; message?: string };
  if (err.authenticationFailed || err.serverResponseCode === 'AUTHENTICATIONFAILED') {
    return new ConnectorError('token-rejected', `The mail server refused the channel's user name or password (${s.imap.host}).`);
  }
  if (err.serverResponseCode === 'NONEXISTENT' || err.mailboxMissing || /mailbox.*(not exist|doesn't exist|nonexistent)/i.test(err.message ?? '')) {
    return new ConnectorError('rejected', `The mailbox "${s.mailbox}" does not exist on ${s.imap.host}.`, { retryable: true });
  }
  if (err.code === 'ETIMEDOUT' || err.code === 'CONNECT_TIMEOUT' || err.code === 'GREETING_TIMEOUT') {
    return new ConnectorError('timeout', `The mail server ${s.imap.host}:${s.imap.port} did not answer in time.`);
  }
  if (err.code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i.test(err.code)) {
    return new ConnectorError('rejected', `The mail server ${s.imap.host} presented a certificate Diwan does not trust.`, { retryable: false });
  }
  return new ConnectorError('network', `The mail server ${s.imap.host}:${s.imap.port} could not be reached or dropped the connection${err.code ? ` (${err.code})` : ''}.`);
}
