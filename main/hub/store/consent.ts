import { DiwanError } from '../../core/shared/errors';
import { languageOfText, NOTICE_LANGUAGES, noticeFor, type ConsentNoticeTexts, type NoticeLanguage } from '../../core/workflow';
import type { HubStore } from './hub-store';
import type { Actor } from './types';

/** A channel's first-contact notice (what the company never asks for in a DM, how data is kept), versioned. */
export interface ConsentNotice {
  channelId: string;
  version: number;
  /** The version's text in each language it was written in (a notice from before languages: its one text as `en`). */
  texts: ConsentNoticeTexts;
  createdAt: number;
  createdBy: string;
}

/** What a contact was told, and when: the notice's version, when it went out, when the customer wrote after it. */
export interface ConsentRecord {
  contactId: number;
  channelId: string;
  version: number;
  /** The language the notice went out in; null for a notice written before languages. */
  language: NoticeLanguage | null;
  notifiedAt: number;
  /** The customer's first message after the notice (continuing the conversation); null until then. */
  acknowledgedAt: number | null;
}

/** The notice as the outbox needs it: masked text and the sealed original (the hub's ingest step prepares both). */
/** The hub's reply preparation (`OriginalsSealer.prepareReply`): masked text, sealed originals, the outbox's copy. */
export type PrepareText = (text: string) => {
  maskedText: string;
  fields: Array<{ type: string; shown: string }>;
  seal: (messageId: number) => { text: Buffer | null; fields: Buffer[] };
  outboxText: (messageId: number) => Buffer;
};

/** The device name under which the hub queues notices; with the client id `consent-<contact>-v<version>` a notice goes once. */
const NOTICE_DEVICE = 'hub:consent';

/**
 * Consent on first contact (issue 18): a customer who writes to a channel for the first time after its notice was
 * published gets the notice through the outbox, once, and the contact's record keeps its version and times.
 */
export class ConsentStore {
  constructor(
    private readonly store: HubStore,
    private readonly now: () => number,
  ) {}

  /** A new version of a channel's notice, its text in each language written (a plain string: one text, in the language its letters say). */
  async publish(channelId: string, texts: ConsentNoticeTexts | string, actor: Actor): Promise<ConsentNotice> {
    const byLanguage: ConsentNoticeTexts = typeof texts === 'string' ? { [languageOfText(texts) ?? 'en']: texts } : texts;
    const written = NOTICE_LANGUAGES.filter((l) => byLanguage[l]);
    if (!written.length) throw new DiwanError('bad_request', 'A consent notice needs its text in at least one language.');
    return this.store.q.tx(async (t) => {
      if (!(await t.get('SELECT id FROM channels WHERE id = ?', [channelId]))) throw new DiwanError('channel_unknown', `There is no channel "${channelId}".`);
      await t.serializeEvents(); // versions in order, and "first contact after" measured against committed messages
      const version = ((await t.get<{ v: number | null }>('SELECT MAX(version) AS v FROM consent_notices WHERE channel_id = ?', [channelId]))?.v ?? 0) + 1;
      const after = (await t.get<{ m: number | null }>('SELECT MAX(id) AS m FROM messages'))?.m ?? 0;
      const notice: ConsentNotice = { channelId, version, texts: byLanguage, createdAt: this.now(), createdBy: actor.actor };
      // `text` keeps the first language's text: what a reader of the table alone (or an older hub) sees.
      await t.run('INSERT INTO consent_notices (channel_id, version, text, after_message_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)', [
        channelId,
        version,
        byLanguage[written[0]!]!,
        after,
        notice.createdAt,
        notice.createdBy,
      ]);
      for (const language of written) {
        await t.run('INSERT INTO consent_notice_texts (channel_id, version, language, text) VALUES (?, ?, ?, ?)', [channelId, version, language, byLanguage[language]!]);
      }
      await this.store.emit(t, 'consent.notice', 'team', notice);
      await this.store.appendAudit(t, { ...actor, action: 'consent.notice_published', target: `channel:${channelId}`, details: { version, languages: written.join(',') } });
      return notice;
    });
  }

  async notices(channelId: string): Promise<ConsentNotice[]> {
    const rows = await this.store.q.all<{ channel_id: string; version: number; text: string; created_at: number; created_by: string }>(
      'SELECT channel_id, version, text, created_at, created_by FROM consent_notices WHERE channel_id = ? ORDER BY version',
      [channelId],
    );
    const texts = await this.textsOf(channelId);
    return rows.map((r) => ({ channelId: r.channel_id, version: r.version, texts: texts.get(r.version) ?? { en: r.text }, createdAt: r.created_at, createdBy: r.created_by }));
  }

  /** Version → its text per language, for one channel. */
  private async textsOf(channelId: string): Promise<Map<number, ConsentNoticeTexts>> {
    const out = new Map<number, ConsentNoticeTexts>();
    for (const r of await this.store.q.all<{ version: number; language: NoticeLanguage; text: string }>(
      'SELECT version, language, text FROM consent_notice_texts WHERE channel_id = ?',
      [channelId],
    )) {
      out.set(r.version, { ...out.get(r.version), [r.language]: r.text });
    }
    return out;
  }

  async contactChannel(contactId: number): Promise<string | null> {
    return (await this.store.q.get<{ channel_id: string }>('SELECT channel_id FROM contacts WHERE id = ?', [contactId]))?.channel_id ?? null;
  }

  async record(contactId: number): Promise<ConsentRecord | null> {
    const r = await this.store.q.get<{ contact_id: number; channel_id: string; version: number; language: NoticeLanguage | null; notified_at: number; acknowledged_at: number | null }>(
      'SELECT contact_id, channel_id, version, language, notified_at, acknowledged_at FROM contact_consent WHERE contact_id = ?',
      [contactId],
    );
    return r ? { contactId: r.contact_id, channelId: r.channel_id, version: r.version, language: r.language, notifiedAt: r.notified_at, acknowledgedAt: r.acknowledged_at } : null;
  }

  /**
   * Sends the current notice to each contact whose first message came after it was published and who has not had
   * one, in the language of the customer's first message when the notice has it (`noticeFor`). Queuing is
   * idempotent by its client id, so two nodes (or a crash between the two steps) send it once.
   */
  async sendNotices(prepare: PrepareText, actor: Actor): Promise<Array<{ contactId: number; conversationId: number; version: number }>> {
    const any = await this.store.q.get<{ n: number }>('SELECT COUNT(*) AS n FROM consent_notices');
    if (!any?.n) return [];
    const due = await this.store.q.all<{ contact_id: number; conversation_id: number; channel_id: string; version: number; text: string }>(
      `SELECT k.id AS contact_id, MIN(c.id) AS conversation_id, n.channel_id, n.version, n.text
         FROM consent_notices n JOIN contacts k ON k.channel_id = n.channel_id JOIN conversations c ON c.contact_id = k.id
         LEFT JOIN contact_consent cc ON cc.contact_id = k.id
        WHERE cc.contact_id IS NULL
          AND n.version = (SELECT MAX(x.version) FROM consent_notices x WHERE x.channel_id = n.channel_id)
          AND (SELECT MIN(m.id) FROM messages m JOIN conversations c2 ON c2.id = m.conversation_id WHERE c2.contact_id = k.id AND m.direction = 'in') > n.after_message_id
        GROUP BY k.id, n.channel_id, n.version, n.text ORDER BY k.id LIMIT 200`,
    );
    const out: Array<{ contactId: number; conversationId: number; version: number }> = [];
    const texts = new Map<string, Map<number, ConsentNoticeTexts>>();
    for (const d of due) {
      if (!texts.has(d.channel_id)) texts.set(d.channel_id, await this.textsOf(d.channel_id));
      const first = await this.store.q.get<{ masked_text: string }>(
        "SELECT m.masked_text FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.contact_id = ? AND m.direction = 'in' ORDER BY m.id LIMIT 1",
        [d.contact_id],
      );
      const byLanguage = texts.get(d.channel_id)!.get(d.version);
      const chosen = byLanguage ? noticeFor(byLanguage, first?.masked_text ?? '') : null;
      const p = prepare(chosen?.text ?? d.text);
      const queued = await this.store.enqueueReply({
        conversationId: d.conversation_id,
        authorId: null,
        device: NOTICE_DEVICE,
        clientId: `consent-${d.contact_id}-v${d.version}`,
        maskedText: p.maskedText,
        fields: p.fields,
        seal: p.seal,
        outboxText: p.outboxText,
        actor,
      });
      await this.store.q.tx(async (t) => {
        const at = this.now();
        const r = await t.run(
          'INSERT INTO contact_consent (contact_id, channel_id, version, language, notice_message_id, notified_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (contact_id) DO NOTHING',
          [d.contact_id, d.channel_id, d.version, chosen?.language ?? null, queued.messageId, at],
        );
        if (!r.changes) return;
        const where = { channelId: d.channel_id, conversationId: d.conversation_id };
        await this.store.emit(t, 'consent.updated', 'conversation', { contactId: d.contact_id, conversationId: d.conversation_id, version: d.version, language: chosen?.language ?? null, notifiedAt: at, acknowledgedAt: null }, where);
        await this.store.appendAudit(t, { ...actor, action: 'consent.notified', target: `contact:${d.contact_id}`, details: { version: d.version, language: chosen?.language ?? null, messageId: queued.messageId } });
        out.push({ contactId: d.contact_id, conversationId: d.conversation_id, version: d.version });
      });
    }
    return out;
  }

  /** A customer who writes after the notice has read it and continued: the record gets that time. */
  async acknowledge(actor: Actor): Promise<number> {
    const later = `FROM messages m JOIN conversations c ON c.id = m.conversation_id
      WHERE c.contact_id = contact_consent.contact_id AND m.direction = 'in' AND m.id > contact_consent.notice_message_id`;
    const pending = await this.store.q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM contact_consent WHERE acknowledged_at IS NULL AND EXISTS (SELECT 1 ${later})`);
    if (!pending?.n) return 0;
    return this.store.q.tx(async (t) => {
      const rows = await t.all<{ contact_id: number; channel_id: string; version: number; notified_at: number; acknowledged_at: number }>(
        `UPDATE contact_consent SET acknowledged_at = (SELECT MIN(m.sent_at) ${later})
          WHERE acknowledged_at IS NULL AND EXISTS (SELECT 1 ${later}) RETURNING contact_id, channel_id, version, notified_at, acknowledged_at`,
      );
      for (const r of rows) {
        await this.store.emit(t, 'consent.updated', 'conversation', { contactId: r.contact_id, version: r.version, notifiedAt: r.notified_at, acknowledgedAt: r.acknowledged_at }, { channelId: r.channel_id });
        await this.store.appendAudit(t, { ...actor, action: 'consent.acknowledged', target: `contact:${r.contact_id}`, details: { version: r.version } });
      }
      return rows.length;
    });
  }
}
