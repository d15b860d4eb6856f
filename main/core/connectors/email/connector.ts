import type { OutboundItem } from '../../shared/messages';
import { loadChannelSecrets, type ConnectorContext } from '../context';
import { ConnectorError } from '../errors';
import type { AttachmentContent, Connector, DeliveryReceipt, PullBatch, SendResult } from '../types';
import { MailboxSession, imapError } from './imap';
import { toOutcome, unreadableOutcome, type FetchedMail } from './map';
import { parseMail } from './parse';
import { formatCursor, parseCursor, type MailCursor } from './cursor';
import { MailCredentials } from './oauth';
import { mailSettings, MailSecrets, type MailSettings } from './settings';
import { sendMail } from './smtp';
import { replyReferences, replySubject, ThreadIndex } from './threading';

/** Where the next reply in a conversation goes and what it answers. */
interface ThreadTip {
  customer: string;
  parentId: string;
  parentReferences: string[];
  subject: string;
}

/**
 * E-mail as a channel: IMAP for inbound (IDLE, or timed looks when the server has none), SMTP for replies.
 * A conversation is a thread (keyed by its root Message-ID); a message is stored once by its Message-ID, whichever
 * UID or UIDVALIDITY it turned up under. Bounces become failed-delivery receipts on the reply they return and
 * automatic replies are counted, not shown as customer messages; unreadable and oversized mail becomes a visible note.
 */
export class EmailConnector implements Connector {
  readonly kind = 'email' as const;
  readonly channelId: string;
  /** The pull itself waits (IDLE or the polling pause): the runtime never adds a pause of its own. */
  readonly pollIntervalMs = 0;
  private s!: MailSettings;
  private creds: MailCredentials | null = null;
  /** A refused OAuth access token gets one refresh before the channel reports its credentials refused. */
  private tokenRetried = false;
  private session: MailboxSession | null = null;
  private readonly threads = new ThreadIndex();
  private readonly tips = new Map<string, ThreadTip>();

  constructor(private readonly ctx: ConnectorContext) {
    this.channelId = ctx.config.id;
  }

  async start(): Promise<void> {
    this.s = mailSettings(this.ctx);
    this.creds = new MailCredentials(this.ctx, await loadChannelSecrets(this.ctx, MailSecrets));
    await this.session?.close();
    this.session = new MailboxSession(this.s, () => this.creds!.login(), this.ctx.sleep);
  }

  async stop(): Promise<void> {
    await this.session?.close();
  }

  /**
   * Signs in to the IMAP server and opens the mailbox (an OAuth2 sign-in first exchanges the refresh token). Sending
   * is not tried: the only SMTP proof would be a message.
   */
  async checkCredentials(signal: AbortSignal): Promise<void> {
    const session = this.session!;
    const onAbort = () => session.drop();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      await session.open();
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  async pull(cursorRaw: string | null, signal: AbortSignal): Promise<PullBatch> {
    const session = this.session!;
    const onAbort = () => session.drop();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      await session.open();
      this.tokenRetried = false;
      const stored = parseCursor(cursorRaw);
      const uidValidity = session.uidValidity;
      const reset = stored !== null && stored.uidValidity !== uidValidity;
      const from: MailCursor = stored && !reset ? stored : { uidValidity, lastUid: 0 };
      const uids = await session.newUids(from.lastUid);
      if (!uids.length) {
        if (reset || !stored) return { messages: [], cursor: formatCursor(from), more: true, ...(reset ? { note: resetNote } : {}) };
        signal.removeEventListener('abort', onAbort);
        await session.waitForMail(signal);
        return { messages: [], more: true };
      }
      const batch = await this.fetchBatch(session, uids);
      const result = await this.toBatch(batch.mails);
      const last = batch.lastUid;
      const notes = [reset ? resetNote : '', result.note].filter(Boolean).join(' ');
      return {
        messages: result.messages,
        cursor: formatCursor({ uidValidity, lastUid: last }),
        more: uids[uids.length - 1]! > last,
        ...(result.deliveries.length ? { deliveries: result.deliveries } : {}),
        ...(notes ? { note: notes } : {}),
      };
    } catch (e) {
      if (signal.aborted) throw new ConnectorError('aborted', 'The channel stopped.');
      session.drop();
      throw this.authRetry(imapError(e, this.s));
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  async send(item: OutboundItem, signal: AbortSignal): Promise<SendResult> {
    const tip = this.tips.get(item.platformConversationId) ?? (await this.tipFromMailbox(item.platformConversationId));
    const references = replyReferences(tip.parentReferences, tip.parentId);
    const mail = { to: tip.customer, subject: replySubject(tip.subject), text: item.text, inReplyTo: tip.parentId, references };
    let messageId: string;
    try {
      messageId = await sendMail(this.s, await this.creds!.login(signal), mail, signal);
    } catch (e) {
      throw this.authRetry(e as ConnectorError);
    }
    // The next reply (another agent's too) answers this one, so the customer's client shows one unbroken thread.
    this.setTip(item.platformConversationId, { ...tip, parentId: messageId, parentReferences: references });
    this.threads.remember(messageId, item.platformConversationId);
    return { platformMessageId: messageId, at: this.ctx.clock.now() };
  }

  /** Remembered per conversation, the oldest forgotten past 50,000 (a forgotten one is looked up in the mailbox). */
  private setTip(conversation: string, tip: ThreadTip): void {
    this.tips.delete(conversation);
    if (this.tips.size >= 50_000) this.tips.delete(this.tips.keys().next().value!);
    this.tips.set(conversation, tip);
  }

  /** A refused OAuth access token: fetch a new one and try again soon, once, before calling the credentials refused. */
  private authRetry(err: ConnectorError): ConnectorError {
    if (err.kind !== 'token-rejected' || !this.creds?.refreshable || this.tokenRetried) return err;
    this.tokenRetried = true;
    this.creds.expire();
    return new ConnectorError('network', 'The mail server refused the access token; Diwan fetches a new one and tries again.', { sent: err.sent });
  }

  /**
   * An attachment, downloaded from the mailbox when someone opens it; nothing is written to disk. Refused when the
   * mailbox was renumbered since (its UID means another message now) or when it is over `maxAttachmentBytes`.
   */
  async fetchAttachment(platformFileId: string): Promise<AttachmentContent> {
    const m = /^(\d{1,20}):(\d{1,10}):(\d+(?:\.\d+)*)$/.exec(platformFileId);
    if (!m) throw new ConnectorError('rejected', 'This attachment reference is not one of this mailbox\'s.', { retryable: false });
    const session = this.session!;
    try {
      await session.open();
      if (session.uidValidity !== m[1]) {
        throw new ConnectorError('rejected', 'The mail server renumbered the mailbox since this e-mail arrived; open the attachment in the mailbox.', { retryable: false });
      }
      const got = await session.part(Number(m[2]), m[3]!, this.s.maxAttachmentBytes);
      if (!got) throw new ConnectorError('rejected', 'The e-mail is no longer in the mailbox.', { retryable: false });
      return got;
    } catch (e) {
      if (!(e instanceof ConnectorError)) session.drop();
      throw imapError(e, this.s);
    }
  }

  /** Picks what fits the batch budget: at least one message, whole ones only under the size limit. */
  private async fetchBatch(session: MailboxSession, uids: number[]): Promise<{ mails: FetchedMail[]; lastUid: number }> {
    const described = await session.describe(uids.slice(0, this.s.batchSize));
    const picked: Array<{ uid: number; size: number; arrivedAt: number; headersOnly: boolean }> = [];
    let bytes = 0;
    for (const d of described) {
      const headersOnly = d.size > this.s.maxMessageBytes;
      const cost = headersOnly ? 0 : d.size;
      if (picked.length && bytes + cost > this.s.batchBytes) break;
      bytes += cost;
      picked.push({ ...d, headersOnly });
    }
    // All of them expunged between the search and now: move past them.
    if (!picked.length) return { mails: [], lastUid: uids[Math.min(uids.length, this.s.batchSize) - 1]! };
    return { mails: await session.download(picked), lastUid: picked[picked.length - 1]!.uid };
  }

  private async toBatch(mails: FetchedMail[]): Promise<{ messages: PullBatch['messages']; deliveries: DeliveryReceipt[]; note?: string }> {
    const messages: PullBatch['messages'] = [];
    const deliveries: DeliveryReceipt[] = [];
    let bounces = 0;
    let autoReplies = 0;
    let unreadable = 0;
    let oversized = 0;
    for (const f of mails) {
      let outcome;
      try {
        const parsed = await parseMail(f.source ?? f.headersOnly!);
        outcome = toOutcome(f, parsed, this.s, this.threads);
      } catch {
        unreadable++;
        outcome = unreadableOutcome(f, 'its MIME structure is broken');
      }
      if (f.headersOnly) oversized++;
      if (outcome.kind === 'bounce') {
        bounces++;
        if (outcome.receipt) deliveries.push(outcome.receipt);
      } else if (outcome.kind === 'auto-reply') autoReplies++;
      else {
        messages.push(outcome.message);
        const p = outcome.parsed;
        if (p && outcome.message.direction === 'in' && p.from.address) {
          this.setTip(outcome.message.platformConversationId, {
            customer: p.replyTo ?? p.from.address,
            parentId: outcome.message.platformMessageId,
            parentReferences: p.references,
            subject: p.subject,
          });
        }
      }
    }
    const parts = [
      oversized ? `${oversized} e-mail(s) larger than ${Math.round(this.s.maxMessageBytes / 1048576)} MB are shown as notes, not downloaded.` : '',
      unreadable ? `${unreadable} e-mail(s) could not be read and are shown as notes.` : '',
      bounces ? `${bounces} delivery report(s) (bounces) were applied to the replies they returned, not shown as customer messages.` : '',
      autoReplies ? `${autoReplies} automatic reply(ies) were recognised and not shown as customer messages; they stay in the mailbox.` : '',
    ].filter(Boolean);
    return { messages, deliveries, ...(parts.length ? { note: parts.join(' ') } : {}) };
  }

  /** After a restart: whom to answer and what, from the thread's messages still in the mailbox. */
  private async tipFromMailbox(root: string): Promise<ThreadTip> {
    let heads: Buffer[];
    try {
      heads = await this.session!.thread(root);
    } catch (e) {
      this.session!.drop();
      throw imapError(e, this.s);
    }
    let tip: ThreadTip | null = null;
    for (const h of heads) {
      const p = await parseMail(h).catch(() => null);
      if (!p?.from.address || p.from.address === this.s.address || !p.messageId) continue;
      tip = { customer: p.replyTo ?? p.from.address, parentId: p.messageId, parentReferences: p.references, subject: p.subject };
    }
    if (!tip) {
      throw new ConnectorError('rejected', "None of this conversation's e-mails are in the mailbox any more, so Diwan cannot tell whom to answer.", {
        retryable: false,
      });
    }
    this.setTip(root, tip);
    return tip;
  }
}

const resetNote = 'The mail server renumbered the mailbox (UIDVALIDITY changed); it was read again and messages already stored were skipped.';
