/**
 * A generated dataset written straight into the current schema, for sizes the ingest path takes hours to reach
 * (issue #26: 3M messages). The same messages as dataset.ts (`datasetSlices`), the same rows the ingest path would
 * leave — ids in the same order, masked text, originals and fields sealed to the seat's custodian, contacts with
 * sealed names, conversations with their activity, unread count, episode start and preview, the tallies (by
 * trigger), the search index with its prefix indexes, the scam check's outcomes, the channel cursors — in
 * transactions of `--tx` messages, with no look-ups (it knows what it wrote). test/integration/store-bulk.test.ts
 * checks it against the ingest path row by row and call by call.
 *
 * The inbound scam check costs ≈ 0.5 ms of CPU a message (hours at 3M); `--screen-every N` runs it on every Nth
 * inbound message and records the others as not flagged under the same rules (about 0.6 % of generated inbound
 * messages are flagged). The default, 1, checks every one.
 *   node --import tsx bench/store/bulk.ts [--messages 3000000] [--screen-every 1] [--tx 50000]
 * prints the kept directory, for bench/store/console.ts --dir.
 */
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { detectorMasker, GuardScreen, openCore, type Core } from '../../main/core/app';
import type { InboundMessage } from '../../main/core/shared/messages';
import { prepareTexts, type Masker } from '../../main/core/store';
import { SEALED, sealedIdentity } from '../../main/core/store/context';
import { notePreview } from '../../main/core/store/preview';
import { noteContactWords } from '../../main/core/store/contact-words';
import { addToSearchIndex } from '../../main/core/store/search-index';
import { mayGiveContactDetails, noteContactDetails } from '../../main/core/store/contact-details';
import { checkFlags } from '../../main/core/store/inbound-checks';
import { SealingSession } from '../../main/core/custody';
import { argValue, consoleState, DATASET_CHANNELS, datasetSlices, fileKeychain, freshDir, rng } from './common';

type Slice = { start: number; perChannel: Map<string, InboundMessage[]> };

export interface BulkOptions {
  masker: Masker;
  /** The store's clock reading for stored_at / created_at (the ingest path reads its clock per batch). */
  now: number;
  /** Run the real scam check on every Nth inbound message (1: all). */
  screenEvery?: number;
  /** Messages per transaction. */
  tx?: number;
  onProgress?: (written: number) => void;
}

/** Writes `slices` (each slice's channel groups in order, as the ingest path would take them one batch each). */
export function bulkWrite(core: Core, slices: Iterable<Slice>, o: BulkOptions): { messages: number; screened: number } {
  const { db, store } = core;
  const seat = store.custody.seat;
  const screen = new GuardScreen(core.guards.policy);
  const every = o.screenEvery ?? 1;
  const tx = o.tx ?? 50_000;
  const s = {
    contact: db.prepare('INSERT INTO contacts (channel_id, platform_user_id, handle, created_at) VALUES (?, ?, ?, ?)'),
    name: db.prepare('UPDATE contacts SET display_name = ?, name_enc = ?, key_version = ? WHERE id = ?'),
    conversation: db.prepare(
      'INSERT INTO conversations (channel_id, platform_conversation_id, contact_id, last_activity_at, unread, created_at) VALUES (?, ?, ?, ?, 0, ?)',
    ),
    message: db.prepare(
      `INSERT INTO messages (id, conversation_id, channel_id, platform_message_id, direction, masked_text, text_enc, key_version,
         sent_at, stored_at, delivery, check_rules, check_flags, has_fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    field: db.prepare('INSERT INTO message_fields (message_id, n, type, start, end, value_enc, key_version) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    // What the ingest path's per-batch updates add up to for a conversation that stays open while it is written.
    final: db.prepare('UPDATE conversations SET last_activity_at = ?, unread = ?, opened_at = ?, latest_inbound_id = ? WHERE id = ?'),
    cursor: db.prepare('INSERT INTO channel_cursors (channel_id, cursor, updated_at) VALUES (?, ?, ?) ON CONFLICT (channel_id) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at'),
  };
  const contacts = new Map<string, number>();
  const conversations = new Map<string, { id: number; last: number; unread: number; firstIn: number | null; latestIn: number | null; newest: { id: number; sentAt: number; maskedText: string } | null }>();
  const cursors = new Map<string, string>();
  let nextId = ((db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'messages'").pluck().get() as number | undefined) ?? 0) + 1;
  let written = 0;
  let screened = 0;
  // The indexes of a few million rows are written at random places: keep their pages in memory between transactions.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -1000000');
  let names = new SealingSession(store.custody.sealingKey().publicKey, store.custody.sealingKey().epoch);

  let rulesId = 0;
  const writeGroup = (channelId: string, msgs: InboundMessage[]) => {
    rulesId ||= store.inboundChecks.rulesId(screen.rules);
    const sealing = { seat, ...store.custody.sealingKey() };
    const inbound = msgs.map((m, i) => m.direction === 'in' && (nextId + i) % every === 0);
    const prepared = prepareTexts(msgs.map((m) => m.text), nextId, o.masker, sealing, { check: screen, inbound });
    for (const [i, m] of msgs.entries()) {
      const id = nextId + i;
      const p = prepared[i]!;
      const contactKey = `${channelId}\0${m.contact.platformUserId}`;
      let contactId = contacts.get(contactKey);
      if (contactId === undefined) {
        const name = m.contact.displayName ? o.masker(m.contact.displayName).masked : null;
        contactId = Number(s.contact.run(channelId, m.contact.platformUserId, m.contact.handle ?? null, o.now).lastInsertRowid);
        if (m.contact.displayName) s.name.run(name, names.seal(sealedIdentity.contactName(seat, contactId), m.contact.displayName), SEALED, contactId);
        noteContactWords(db, contactId);
        contacts.set(contactKey, contactId);
      }
      const convKey = `${channelId}\0${m.platformConversationId}`;
      let c = conversations.get(convKey);
      if (!c) {
        c = { id: Number(s.conversation.run(channelId, m.platformConversationId, contactId, m.sentAt, o.now).lastInsertRowid), last: 0, unread: 0, firstIn: null, latestIn: null, newest: null };
        conversations.set(convKey, c);
      }
      const inbound = m.direction === 'in';
      s.message.run(
        id, c.id, channelId, m.platformMessageId, m.direction, p.masked, p.textEnc, p.keyVersion, m.sentAt, o.now, inbound ? null : 'sent',
        inbound ? rulesId : null, inbound ? checkFlags(p.screened?.flagged ?? false, p.screened?.wording) : null, p.fields.length > 0 ? 1 : 0,
      );
      p.fields.forEach((f, n) => s.field.run(id, n, f.type, f.start, f.end, f.valueEnc, p.keyVersion));
      addToSearchIndex(db, id, p.body);
      if (m.direction === 'in' && mayGiveContactDetails(p.fields.map((f) => f.type))) noteContactDetails(db, c.id, id, p.masked);
      if (inbound) {
        if (p.screened) screened++;
        c.unread++;
        c.latestIn = id;
        c.firstIn = c.firstIn === null ? m.sentAt : Math.min(c.firstIn, m.sentAt);
      }
      c.last = Math.max(c.last, m.sentAt);
      if (!c.newest || m.sentAt >= c.newest.sentAt) c.newest = { id, sentAt: m.sentAt, maskedText: p.masked };
    }
    nextId += msgs.length;
    written += msgs.length;
  };

  let pending: Slice[] = [];
  let size = 0;
  const flush = () => {
    db.transaction(() => {
      for (const slice of pending) {
        for (const [channel, msgs] of slice.perChannel) {
          writeGroup(channel, msgs);
          cursors.set(channel, String(slice.start));
        }
      }
    }).immediate();
    pending = [];
    size = 0;
    names = new SealingSession(store.custody.sealingKey().publicKey, store.custody.sealingKey().epoch);
    o.onProgress?.(written);
  };
  for (const slice of slices) {
    pending.push(slice);
    for (const msgs of slice.perChannel.values()) size += msgs.length;
    if (size >= tx) flush();
  }
  if (pending.length) flush();
  db.transaction(() => {
    for (const c of conversations.values()) {
      s.final.run(c.last, c.unread, c.firstIn, c.latestIn, c.id);
      if (c.newest) notePreview(db, c.id, c.newest);
    }
    for (const [channel, cursor] of cursors) s.cursor.run(channel, cursor, o.now);
  }).immediate();
  db.pragma(`cache_size = ${cacheSize}`);
  return { messages: written, screened };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const total = argValue('--messages', 3_000_000);
  const screenEvery = argValue('--screen-every', 1);
  const dir = freshDir('bulk');
  const core = await openCore({ dataDir: dir, keychain: fileKeychain(path.join(dir, 'bench-keychain.json')), keychainService: 'Diwan-bench' });
  for (const id of DATASET_CHANNELS) core.store.channels.create({ id, kind: id, name: id });
  const r = rng(42);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const out = bulkWrite(core, datasetSlices(total, r), {
    masker: detectorMasker(() => undefined),
    now: Date.now(),
    screenEvery,
    tx: argValue('--tx', 50_000),
    onProgress: (n) => console.log(`${n.toLocaleString('en')} messages, ${((performance.now() - t0) / 1000).toFixed(0)} s, load average ${os.loadavg()[0]!.toFixed(1)}`),
  });
  consoleState(core, r);
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  core.db.exec('ANALYZE');
  const cpu = process.cpuUsage(cpu0);
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `bulk: ${out.messages.toLocaleString('en')} messages (${out.screened.toLocaleString('en')} scam-checked) in ${seconds.toFixed(0)} s wall-clock, ` +
      `${((cpu.user + cpu.system) / 1e6).toFixed(0)} s CPU, load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  core.close();
  console.log(`kept ${dir}`);
}
