import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { agentCaller } from '../../bench/store/agent-caller';
import { addPeople } from '../helpers/console-people';
import { directionBySegments } from '../helpers/direction-by-segments';
import { inbound, storeCore } from '../helpers/store';

let core: Core | undefined;
afterEach(() => core?.close());

const TEXTS = ['hello, my order is late', 'سلام، سفارشم کی می‌رسد؟', 'مرحبا، الطلب متأخر', '12345 !', 'Привет, where is it', '  — ok?', 'hi مرحبا'];

describe('the inbox page through the console call, every filter class (issue #26 round 25)', () => {
  it('lists the rows a plain query finds, in its order, page after page, with the total and each preview\'s direction', async () => {
    core = await storeCore();
    const c = core;
    const people = await addPeople(c);
    for (const channel of ['wa', 'x']) c.store.channels.create({ id: channel, kind: 'demo', name: channel });
    // 240 conversations over three channels, some sharing an activity time (ties broken by id), in several scripts.
    const channels = ['tg', 'wa', 'x'];
    const byChannel = new Map(channels.map((ch) => [ch, [] as ReturnType<typeof inbound>[]]));
    for (let i = 0; i < 240; i++) {
      byChannel.get(channels[i % 3]!)!.push(
        inbound(i, { platformConversationId: `chat-${i}`, contact: { platformUserId: `u-${i}`, displayName: `Customer ${i}` }, text: TEXTS[i % TEXTS.length]!, sentAt: 1_700_000_000_000 + Math.floor(i / 4) * 1000 }),
      );
    }
    for (const [channel, batch] of byChannel) c.store.sink.ingest(channel, batch);
    const ids = c.db.prepare('SELECT id FROM conversations ORDER BY id').pluck().all() as number[];
    const statuses = ['open', 'pending', 'snoozed', 'resolved'] as const;
    const assignees = [people.agent, null, people.lead, people.agent, null];
    const labels = ['billing', 'urgent', 'vip'].map((name) => c.store.labels.create(name).id);
    ids.forEach((id, i) => {
      const status = statuses[(i * 7) % 4]!;
      if (status !== 'open') c.store.conversations.setStatus(id, status, status === 'snoozed' ? { until: 4_000_000_000_000 } : {});
      c.store.conversations.assign(id, assignees[i % assignees.length]!);
      if (i % 3 === 0) c.store.labels.attach(id, labels[0]!);
      if (i % 5 === 0) c.store.labels.attach(id, labels[1]!);
      if (i % 11 === 0) c.store.labels.attach(id, labels[2]!);
    });
    const call = await agentCaller(c);
    const classes: Array<{ filter: Record<string, string>; where: string; args: unknown[] }> = [
      { filter: {}, where: '1', args: [] },
      { filter: { status: 'open' }, where: "c.status = 'open'", args: [] },
      { filter: { status: 'resolved' }, where: "c.status = 'resolved'", args: [] },
      { filter: { scope: 'mine' }, where: 'c.assignee_id = ?', args: [people.agent] },
      { filter: { scope: 'unassigned' }, where: 'c.assignee_id IS NULL', args: [] },
      { filter: { channelId: 'wa' }, where: "c.channel_id = 'wa'", args: [] },
      { filter: { label: 'billing' }, where: 'c.id IN (SELECT conversation_id FROM conversation_labels WHERE label_id = ?)', args: [labels[0]] },
      { filter: { status: 'open', label: 'urgent' }, where: "c.status = 'open' AND c.id IN (SELECT conversation_id FROM conversation_labels WHERE label_id = ?)", args: [labels[1]] },
      { filter: { status: 'pending', channelId: 'x' }, where: "c.status = 'pending' AND c.channel_id = 'x'", args: [] },
      { filter: { scope: 'unassigned', label: 'vip', channelId: 'tg' }, where: "c.assignee_id IS NULL AND c.channel_id = 'tg' AND c.id IN (SELECT conversation_id FROM conversation_labels WHERE label_id = ?)", args: [labels[2]] },
      { filter: { label: 'no-such-label' }, where: '0', args: [] },
    ];
    for (const k of classes) {
      const want = c.db
        .prepare(`SELECT c.id, c.preview FROM conversations c WHERE ${k.where} ORDER BY c.last_activity_at DESC, c.id DESC`)
        .all(...k.args) as Array<{ id: number; preview: string | null }>;
      const got: Array<{ id: number; previewDirection: string }> = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = (await call('listConversations', { filter: k.filter, limit: 9, cursor })) as {
          items: Array<{ id: number; previewDirection: string }>;
          nextCursor: string | null;
          total: number;
        };
        expect(page.total, JSON.stringify(k.filter)).toBe(want.length);
        got.push(...page.items);
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 100);
      expect(got.map((r) => r.id), JSON.stringify(k.filter)).toEqual(want.map((r) => r.id));
      expect(got.map((r) => r.previewDirection)).toEqual(want.map((r) => directionBySegments(r.preview ?? '')));
    }
    // The classes are not empty but for the unknown label, and the directions are not all one.
    expect(new Set(TEXTS.map(directionBySegments))).toEqual(new Set(['ltr', 'rtl', 'auto']));
  });
});
