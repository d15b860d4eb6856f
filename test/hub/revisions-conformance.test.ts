import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChannelPayload, type ParsePlatform } from '../../main/core/connectors';
import { generateSealingKey, openSealed, originalContext } from '../../main/core/custody';
import type { InboundMessage } from '../../main/core/shared/messages';
import { TeamCache } from '../../main/core/team/cache';
import { MessageDto } from '../../main/ipc/console-contract';
import { messageDto } from '../../main/ipc/handlers/console';
import { TeamRows } from '../../main/ipc/team/rows';
import { OriginalsSealer } from '../../main/hub/sealing';
import { HubStore } from '../../main/hub/store';
import { corpus, type ExpectedEntry } from '../fixtures/platforms/corpus';
import { tmpDir } from '../helpers/tmp';
import { bothAdapters } from './adapters';

/**
 * Edits and deletions at the hub, on both adapters: the fixture corpus through the real parsers and the hub's real
 * sealer into the store. The original is marked (a deletion wins, a later edit supersedes an earlier one), the new
 * version is a message of its own with its original sealed like any other, and each mark writes its event and audit
 * entry in the ingest's transaction.
 */
const adapters = bothAdapters('hub-revisions-');
const actor = { actor: 'it:test', device: null };
const TEAM = 'acme';

const platforms: Array<{ channel: string; platform: Exclude<ParsePlatform, 'x'>; opts: Parameters<typeof parseChannelPayload>[2] }> = [
  { channel: 'tg', platform: 'telegram', opts: {} },
  { channel: 'wa', platform: 'whatsapp', opts: { phoneNumberId: '420000000000002' } },
  { channel: 'fb', platform: 'messenger', opts: { selfIds: ['700000000000001'] } },
  { channel: 'ig', platform: 'instagram', opts: { selfIds: ['700000000000001', '17840000000000009'] } },
];

function parsed(platform: Exclude<ParsePlatform, 'x'>, payload: unknown, opts: Parameters<typeof parseChannelPayload>[2]): InboundMessage[] {
  return parseChannelPayload(platform, payload, { ...opts, now: 1_767_300_000_000 }).flatMap((i) => (i.type === 'message' ? [i.message] : []));
}

/** Each original the corpus edits or deletes and is itself in the corpus, with the entry that must have superseded it. */
function expectedMarks(entries: ExpectedEntry[]): Map<string, { revision: string; by: string }> {
  const ids = new Set(entries.map((e) => e.id));
  const marks = new Map<string, { revision: string; by: string }>();
  for (const e of entries) {
    if (!e.revises || !ids.has(e.revises.platformMessageId)) continue;
    if (marks.get(e.revises.platformMessageId)?.revision !== 'deleted') marks.set(e.revises.platformMessageId, { revision: e.revises.kind, by: e.id });
  }
  return marks;
}

for (const [name, open] of Object.entries(adapters)) {
  describe(`hub message revisions: ${name}`, () => {
    let store: HubStore;
    const key = generateSealingKey(1);
    const sealer = new OriginalsSealer(TEAM, () => key, null);
    beforeAll(async () => {
      store = await open(() => 50_000);
      await store.migrate();
      for (const p of platforms) await store.saveChannel({ id: p.channel, kind: p.platform, name: p.channel, config: {}, enabled: true }, actor);
      await store.saveChannel({ id: 'demo', kind: 'telegram', name: 'demo', config: {}, enabled: true }, actor);
    });
    afterAll(async () => {
      await store?.close();
    });

    const row = (channel: string, platformMessageId: string) =>
      store.q.get<{ id: number; masked_text: string; sealed_text: Buffer; revision: string | null; revised_by: number | null; by: string | null }>(
        `SELECT m.id, m.masked_text, m.sealed_text, m.revision, m.revised_by, r.platform_message_id AS by
           FROM messages m LEFT JOIN messages r ON r.id = m.revised_by WHERE m.channel_id = ? AND m.platform_message_id = ?`,
        [channel, platformMessageId],
      );

    for (const p of platforms) {
      it(`${p.platform}: every fixture edit and deletion marks its original, keeps both versions and is audited`, async () => {
        const c = corpus(p.platform);
        const seq0 = await store.latestEventSeq();
        const texts = new Map<string, string>();
        for (const f of c.cases) {
          const messages = parsed(p.platform, f.payload ?? f.update, p.opts);
          for (const m of messages) texts.set(m.platformMessageId, m.text);
          if (messages.length) await store.ingest(p.channel, messages.map((m) => sealer.prepare(m)));
        }
        const entries = c.cases.flatMap((f) => f.expect);
        const marks = expectedMarks(entries);
        expect(marks.size, 'the corpus edits or deletes messages it holds').toBeGreaterThan(0);

        for (const [original, mark] of marks) {
          const o = await row(p.channel, original);
          // The old version is still there, masked as it was, marked and pointing at what superseded it.
          expect({ revision: o!.revision, by: o!.by }, original).toEqual(mark);
          expect(openSealed(key.privateKey, originalContext(TEAM, o!.id, 'text'), o!.sealed_text)).toBe(texts.get(original));
        }
        for (const e of entries.filter((x) => x.revises)) {
          // The new version (or deletion notice) is a message of its own, its original sealed to the team's key.
          const n = await row(p.channel, e.id);
          expect(n!.revision, `${e.id} itself is not marked`).toBeNull();
          expect(openSealed(key.privateKey, originalContext(TEAM, n!.id, 'text'), n!.sealed_text)).toBe(texts.get(e.id));
          expect(n!.masked_text.trim()).not.toBe('');
        }
        // Unmarked entries stay unmarked.
        for (const e of entries.filter((x) => !marks.has(x.id))) expect((await row(p.channel, e.id))?.revision ?? null, e.id).toBeNull();

        const events = (await store.eventsAfter(seq0, 5000)).filter((e) => e.kind === 'message.revised');
        const revisingStored = entries.filter((e) => e.revises && marks.has(e.revises.platformMessageId));
        expect(events).toHaveLength(revisingStored.length);
        for (const e of events) expect(e).toMatchObject({ audience: 'conversation', channelId: p.channel });
        const audits = await store.q.all<{ action: string; target: string; details: string }>(
          "SELECT action, target, details FROM audit WHERE action IN ('message.edited', 'message.deleted') AND details LIKE ? ORDER BY seq",
          [`%"channel":"${p.channel}"%`],
        );
        expect(audits.map((a) => a.action).sort()).toEqual(revisingStored.map((e) => `message.${e.revises!.kind}`).sort());
        for (const a of audits) expect(a.target).toMatch(/^message:\d+$/);
      });
    }

    it('a deletion outranks a later edit, a re-delivered edit changes nothing, and an edit of a message never stored marks nothing', async () => {
      const base = { platformConversationId: 'c-9', contact: { platformUserId: 'u-9' }, direction: 'in' as const, sentAt: 1_000 };
      await store.ingest('demo', [sealer.prepare({ ...base, platformMessageId: 'o1', text: 'call me on +971 50 123 4567' })]);
      await store.ingest('demo', [sealer.prepare({ ...base, platformMessageId: 'e1', text: 'call me on +971 50 765 4321', revises: { platformMessageId: 'o1', kind: 'edited' } })]);
      const e1 = (await row('demo', 'e1'))!.id;
      expect(await row('demo', 'o1')).toMatchObject({ revision: 'edited', revised_by: e1 });
      // The new version is masked like any message, with its own sealed field.
      expect((await row('demo', 'e1'))!.masked_text).not.toContain('765 4321');
      const fields = await store.q.all<{ sealed: Buffer }>('SELECT sealed FROM message_fields WHERE message_id = ?', [e1]);
      expect(fields).toHaveLength(1);

      const seq = await store.latestEventSeq();
      const again = await store.ingest('demo', [sealer.prepare({ ...base, platformMessageId: 'e1', text: 'call me on +971 50 765 4321', revises: { platformMessageId: 'o1', kind: 'edited' } })]);
      expect(again).toMatchObject({ inserted: 0, duplicates: 1 });
      expect(again.revisions).toBeUndefined();
      expect(await store.eventsAfter(seq)).toEqual([]);

      const r = await store.ingest('demo', [
        sealer.prepare({ ...base, platformMessageId: 'd1', text: '[Deleted message o1]', revises: { platformMessageId: 'o1', kind: 'deleted' } }),
        sealer.prepare({ ...base, platformMessageId: 'e2', text: 'too late', revises: { platformMessageId: 'o1', kind: 'edited' } }),
        sealer.prepare({ ...base, platformMessageId: 'e3', text: 'edit of a message before our time', revises: { platformMessageId: 'never-seen', kind: 'edited' } }),
      ]);
      const d1 = (await row('demo', 'd1'))!.id;
      expect(r.revisions?.map((x) => [x.platformMessageId, x.revision, x.revisedBy])).toEqual([
        ['o1', 'deleted', d1],
        ['o1', 'deleted', d1],
      ]);
      expect(await row('demo', 'o1')).toMatchObject({ revision: 'deleted', revised_by: d1 });
      expect(await row('demo', 'e3')).toMatchObject({ revision: null });

      // What a console is given: the original, still readable, marked; the cache follows the stream.
      const conversationId = Number((await store.q.get<{ conversation_id: number }>("SELECT conversation_id FROM messages WHERE channel_id = 'demo' AND platform_message_id = 'o1'"))!.conversation_id);
      const views = await store.messages(conversationId);
      const o1Id = (await row('demo', 'o1'))!.id;
      const o1 = views.find((v) => v.id === o1Id)!;
      expect(o1).toMatchObject({ revision: 'deleted', revisedBy: d1 });
      expect(views.find((v) => v.id === d1)!.revision).toBeUndefined();

      const cache = new TeamCache(path.join(tmpDir('hub-revisions-cache-'), 'cache.sqlite'), crypto.randomBytes(32));
      const events = await store.eventsAfter(0, 5000);
      cache.applyFrame(events.at(-1)!.seq, events.filter((e) => e.conversationId === conversationId));
      const cached = (cache.db.prepare('SELECT body FROM messages WHERE id = ?').pluck().get(o1.id) as string | undefined) ?? '{}';
      expect(JSON.parse(cached)).toMatchObject({ id: o1.id, revision: 'deleted', revisedBy: d1, maskedText: o1.maskedText });
      // And the conversation view's message, as the team handlers build it for the renderer (the contract's schema).
      const shown = cache.messages(conversationId).map((m) => MessageDto.parse(messageDto(new TeamRows(cache, () => 0).message(m))));
      expect(shown.find((m) => m.id === o1.id)!.revision).toEqual({ kind: 'deleted', by: d1 });
      expect(shown.find((m) => m.id === d1)!.revision).toBeUndefined();
      cache.db.close();
    });

    it('an edit or deletion that arrives before its original waits, and marks the original when it comes, with its event and audit entry', async () => {
      const base = { platformConversationId: 'c-10', contact: { platformUserId: 'u-10' }, direction: 'in' as const, sentAt: 2_000 };
      const early = await store.ingest('demo', [
        sealer.prepare({ ...base, platformMessageId: 'late-e', text: 'the edited text', revises: { platformMessageId: 'late-1', kind: 'edited' } }),
        sealer.prepare({ ...base, platformMessageId: 'late-e2', text: 'edited, then deleted', revises: { platformMessageId: 'late-2', kind: 'edited' } }),
        sealer.prepare({ ...base, platformMessageId: 'late-d2', text: '[Deleted message late-2]', revises: { platformMessageId: 'late-2', kind: 'deleted' } }),
      ]);
      expect(early.revisions).toBeUndefined();
      expect(await store.q.all("SELECT original, kind FROM early_revisions WHERE channel_id = 'demo' AND original LIKE 'late-%' ORDER BY by_message")).toEqual([
        { original: 'late-1', kind: 'edited' },
        { original: 'late-2', kind: 'edited' },
        { original: 'late-2', kind: 'deleted' },
      ]);

      const seq = await store.latestEventSeq();
      const originals = await store.ingest('demo', [
        sealer.prepare({ ...base, platformMessageId: 'late-1', text: 'the first text', sentAt: 1_500 }),
        sealer.prepare({ ...base, platformMessageId: 'late-2', text: 'wrong chat', sentAt: 1_600 }),
      ]);
      const [e, d2] = [(await row('demo', 'late-e'))!.id, (await row('demo', 'late-d2'))!.id];
      expect(await row('demo', 'late-1')).toMatchObject({ revision: 'edited', revised_by: e });
      // Applied in the order they arrived: the deletion outranks the edit before it.
      expect(await row('demo', 'late-2')).toMatchObject({ revision: 'deleted', revised_by: d2 });
      expect(originals.revisions?.map((x) => [x.platformMessageId, x.revision])).toEqual([
        ['late-1', 'edited'],
        ['late-2', 'edited'],
        ['late-2', 'deleted'],
      ]);
      expect((await store.eventsAfter(seq)).filter((x) => x.kind === 'message.revised').map((x) => (x.payload as { revision: string }).revision)).toEqual(['edited', 'edited', 'deleted']);
      const audits = await store.q.all<{ action: string }>("SELECT action FROM audit WHERE action IN ('message.edited', 'message.deleted') AND details LIKE '%late-%' ORDER BY seq");
      expect(audits.map((a) => a.action)).toEqual(['message.edited', 'message.edited', 'message.deleted']);
      expect(await store.q.all("SELECT original FROM early_revisions WHERE channel_id = 'demo' AND original LIKE 'late-%'")).toEqual([]);
    });
  });
}
