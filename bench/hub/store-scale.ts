/**
 * The hub's PostgreSQL store after a year of a team's traffic (issue #26, item 6): the store calls that consoles and
 * leads cause, timed at 100k, 1M (and, with --3m, 3M) messages. The data is written with set-returning SQL straight
 * into the hub's schema (ten messages per conversation, 1 % of conversations snoozed, a third with fields, a tenth replies with an outbox row,
 * two events per message, 500 agents, 21 labels: 19 on 0.26 % of conversations each, one rare (0.1 %), one broad (20 %)), then each call runs 200 times with random
 * arguments on a warm cache. The peer in the same run is the plain lookup of one message row by primary key.
 *
 *   node --import tsx bench/hub/store-scale.ts [--3m] [--scale <messages>]
 * (`--scale` measures that one size only.) At each size it also prints PostgreSQL's plans of the team customer panel's
 * two statements (`GET /v1/conversations/:id/customer`) on that data. The hub's inbox page (`GET /v1/conversations`,
 * each filter a console offers) and a conversation's first page (`GET /v1/conversations/:id/messages`, with its audit
 * entry) run through the functions those routes call (`store/inbox-pages.ts`); their plans are asserted in
 * `test/hub/inbox-pages-plans.test.ts`.
 */
import { HubStore, postgresExecutor } from '../../main/hub/store';
import { CUSTOMER_PANEL_SQL, customerPanel } from '../../main/hub/store/customer-panel';
import { conversationPage, inboxPage, type InboxQuery } from '../../main/hub/store/inbox-pages';
import { CONTACT_FIELD_TYPES } from '../../main/core/store';
import type { ConversationView } from '../../main/core/team';
import { startTestPostgres } from '../../test/helpers/postgres';

const CALLS = 200;
const scaleArg = process.argv.indexOf('--scale');
const scales = scaleArg >= 0 ? [Number(process.argv[scaleArg + 1])] : process.argv.includes('--3m') ? [100_000, 1_000_000, 3_000_000] : [100_000, 1_000_000];

function rand(n: number): number {
  return 1 + Math.floor(Math.random() * n);
}

async function load(store: HubStore, messages: number): Promise<{ conversations: number; maxSeq: number }> {
  const conversations = messages / 10;
  const q = store.q;
  await q.run("INSERT INTO channels (id, kind, name, config) VALUES ('tg', 'telegram', 'bot', '{}'), ('wa', 'whatsapp', 'wa', '{}')");
  await q.run(`INSERT INTO users (username, display_name, role, password_hash, created_at)
    SELECT 'agent' || g, 'Agent ' || g, 'agent', 'x', 0 FROM generate_series(1, 500) g`);
  await q.run(`INSERT INTO contacts (channel_id, platform_user_id, display_name)
    SELECT CASE WHEN g % 3 = 0 THEN 'wa' ELSE 'tg' END, 'u' || g, 'Customer ' || g FROM generate_series(1, ${conversations}) g`);
  await q.run(`INSERT INTO conversations (channel_id, platform_conversation_id, contact_id, status, assignee_id, last_message_at, version)
    SELECT CASE WHEN g % 3 = 0 THEN 'wa' ELSE 'tg' END, 'c' || g, g,
           CASE WHEN g % 10 < 7 THEN 'resolved' WHEN g % 10 < 9 THEN 'open' ELSE 'pending' END,
           CASE WHEN g % 20 = 0 THEN NULL ELSE 1 + (g % 500) END, 1700000000000 + g * 1000, 1
      FROM generate_series(1, ${conversations}) g`);
  // One in a hundred snoozed (taken from the pending ones) until a time after the run, as the hub keeps them.
  await q.run(`UPDATE conversations SET status = 'snoozed', snoozed_until = 1900000000000 + id WHERE id % 100 = 9`);
  await q.run(`INSERT INTO messages (conversation_id, channel_id, platform_message_id, direction, masked_text, sent_at)
    SELECT 1 + (g % ${conversations}), CASE WHEN (1 + (g % ${conversations})) % 3 = 0 THEN 'wa' ELSE 'tg' END, 'm' || g,
           CASE WHEN g % 10 = 0 THEN 'out' ELSE 'in' END, 'my order ' || g || ' and my card [CARD ••••1111]', 1700000000000 + g
      FROM generate_series(1, ${messages}) g`);
  await q.run(`INSERT INTO message_fields (message_id, n, type, shown, sealed)
    SELECT g, 0, 'CARD', '••••1111', '\\x00'::bytea FROM generate_series(1, ${messages}, 3) g`);
  await q.run(`INSERT INTO outbox (message_id, channel_id, platform_conversation_id, state, device, client_id)
    SELECT g, 'tg', 'c' || (1 + (g % ${conversations})), 'delivered', 'dev', 'client-' || g FROM generate_series(10, ${messages}, 10) g`);
  await q.run(`INSERT INTO labels (name, name_key, created_at) SELECT 'label ' || g, 'label ' || g, 0 FROM generate_series(1, 21) g`);
  // Each label row carries its conversation's activity, as the store keeps it (schema 11).
  await q.run(`INSERT INTO conversation_labels (conversation_id, label_id, last_message_at)
    SELECT g, 1 + (g % 19), 1700000000000 + g * 1000 FROM generate_series(1, ${conversations}, 20) g
    UNION ALL SELECT g, 20, 1700000000000 + g * 1000 FROM generate_series(7, ${conversations}, 1000) g
    UNION ALL SELECT g, 21, 1700000000000 + g * 1000 FROM generate_series(3, ${conversations}, 5) g`);
  await q.run(`INSERT INTO events (at, kind, audience, channel_id, conversation_id, payload)
    SELECT 0, CASE WHEN g % 2 = 0 THEN 'message.added' ELSE 'conversation.updated' END, 'conversation', 'tg', 1 + (g % ${conversations}),
           '{"id":' || g || ',"maskedText":"my order and my card [CARD ••••1111]"}'
      FROM generate_series(1, ${messages * 2}) g`);
  await q.run('ANALYZE');
  const maxSeq = await store.latestEventSeq();
  return { conversations, maxSeq };
}

function labelPageBefore(store: HubStore, labelId: number): Promise<unknown[]> {
  return store.q.all(
    `SELECT c.id, c.channel_id, c.contact_id, k.display_name, k.handle, c.status, c.assignee_id, c.last_message_at, c.version
       FROM conversations c JOIN contacts k ON k.id = c.contact_id
      WHERE EXISTS (SELECT 1 FROM conversation_labels l WHERE l.conversation_id = c.id AND l.label_id = ?)
      ORDER BY c.last_message_at DESC, c.id DESC LIMIT 50`,
    [labelId],
  );
}

function personLabelBefore(store: HubStore, assigneeId: number, labelId: number): Promise<unknown[]> {
  return store.q.all(
    `SELECT c.id, c.channel_id, c.contact_id, k.display_name, k.handle, c.status, c.assignee_id, c.last_message_at, c.version
       FROM conversations c JOIN contacts k ON k.id = c.contact_id JOIN conversation_labels l ON l.conversation_id = c.id
      WHERE l.label_id = ? AND c.channel_id IN (?) AND c.assignee_id = ?
      ORDER BY l.last_message_at DESC, l.conversation_id DESC LIMIT 50`,
    [labelId, 'tg', assigneeId],
  );
}

async function timeCalls(name: string, call: () => Promise<unknown>): Promise<string> {
  for (let i = 0; i < 10; i++) await call(); // warm
  const times: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const t0 = process.hrtime.bigint();
    await call();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(2);
  return `  ${name.padEnd(46)} p50 ${at(0.5).padStart(7)} ms   p99 ${at(0.99).padStart(7)} ms   max ${times[times.length - 1]!.toFixed(2).padStart(7)} ms`;
}

/** The inbox page through `inboxPage` (what `GET /v1/conversations` runs) per filter, and the opening route's work. */
async function inboxLines(store: HubStore, conversations: number): Promise<string[]> {
  const page = (q: Omit<InboxQuery, 'limit' | 'channels'> & { channels?: string[] }) => inboxPage(store, { channels: null, ...q, limit: 50 });
  const lines = [
    await timeCalls('inbox: anyone\'s (the lead)', () => page({})),
    await timeCalls('inbox: mine (a random agent)', () => page({ assigneeId: rand(500) })),
    await timeCalls('inbox: unassigned', () => page({ assigneeId: null })),
  ];
  for (const status of ['open', 'pending', 'resolved', 'snoozed']) lines.push(await timeCalls(`inbox: ${status}`, () => page({ status })));
  lines.push(
    await timeCalls('inbox: the queue (unassigned, open)', () => page({ assigneeId: null, status: 'open' })),
    await timeCalls('inbox: mine, open (agents with open work)', () => page({ assigneeId: 10 * rand(49) + 8, status: 'open' })),
    await timeCalls('inbox: a common label', () => page({ labelId: rand(19) })),
    await timeCalls('inbox: a rare label', () => page({ labelId: 20 })),
    await timeCalls('inbox: an agent\'s channel (tg), open', () => page({ channels: ['tg'], status: 'open' })),
    await timeCalls('inbox: an agent\'s channel, mine, a broad label', () => page({ channels: ['tg'], assigneeId: rand(500), labelId: 21 })),
    // Peer in the same run: that page's first statement as it was before s15-team (the label's activity index walked
    // until 50 of its entries are the person's).
    await timeCalls('before s15: the same, label index walked', () => personLabelBefore(store, rand(500), 21)),
    // The opening route: the conversation read (its role check), the audit entry of the opening, then the page.
    await timeCalls('open: a conversation\'s first page (route)', async () => {
      const c = (await store.conversation(rand(conversations)))!;
      await store.audit({ actor: 'user:bench', device: null, action: 'conversation.opened', target: `conversation:${c.id}` });
      return conversationPage(store, c);
    }),
  );
  return lines;
}

async function main(): Promise<void> {
  const pg = await startTestPostgres();
  try {
    for (const messages of scales) {
      const store = new HubStore(postgresExecutor({ connectionString: await pg.newDatabase(), max: 4 }), Date.now);
      try {
        await store.migrate();
        const t0 = Date.now();
        const { conversations, maxSeq } = await load(store, messages);
        console.log(`\n${messages.toLocaleString('en')} messages, ${conversations.toLocaleString('en')} conversations, ${maxSeq.toLocaleString('en')} events (loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
        const lines = [
          await timeCalls('peer: one message row by primary key', () => store.q.get('SELECT id, masked_text FROM messages WHERE id = ?', [rand(messages)])),
          await timeCalls('conversations, newest 50 (the lead)', () => store.conversations({ limit: 50 })),
          await timeCalls('conversations, open, 50', () => store.conversations({ status: 'open', limit: 50 })),
          await timeCalls('conversations of one agent, 50', () => store.conversations({ assigneeId: rand(500), limit: 50 })),
          await timeCalls('the queue: unassigned and open, 50', () => store.conversations({ assigneeId: null, status: 'open', limit: 50 })),
          await timeCalls('one agent\'s channels (tg), open, 50', () => store.conversations({ channels: ['tg'], status: 'open', limit: 50 })),
          await timeCalls('a common label, 50', () => store.conversations({ labelId: rand(19), limit: 50 })),
          await timeCalls('a rare label (0.1 % of conversations), 50', () => store.conversations({ labelId: 20, limit: 50 })),
          await timeCalls('a broad label (20 % of conversations), 50', () => store.conversations({ labelId: 21, limit: 50 })),
          await timeCalls('a broad label, open only, 50', () => store.conversations({ labelId: 21, status: 'open', limit: 50 })),
          // Peer in the same run: the label page as it was read before schema 11 (every labelled conversation, then sorted).
          await timeCalls('before schema 11: a common label, 50', () => labelPageBefore(store, rand(19))),
          await timeCalls('before schema 11: a broad label, 50', () => labelPageBefore(store, 21)),
          await timeCalls('open a conversation: its last 200 messages', () => store.messages(rand(conversations), 200)),
          await timeCalls('stream catch-up: 500 events after a cursor', () => store.eventsAfter(rand(maxSeq - 500), 500)),
          await timeCalls('stream, live: events after the newest', () => store.eventsAfter(maxSeq - 5, 500)),
          // Conversation g's contact is g here (one conversation each): the details read its ten messages' fields.
          await timeCalls('customer panel (details and earlier)', () => {
            const id = rand(conversations);
            return customerPanel(store.q, { id, contact: { id } } as ConversationView, () => true);
          }),
          // The hub's own routes (their whole work: the page, then its rows' labels and held copies), each filter a
          // console offers: scope (anyone's, mine, unassigned), each status, a label, an agent's channel list.
          '  the hub\'s routes: GET /v1/conversations (inbox page, 50) and GET /v1/conversations/:id/messages',
          ...(await inboxLines(store, conversations)),
        ];
        console.log(lines.join('\n'));
        const plan = async (sql: string, params: unknown[]) => (await store.q.all<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params as never[])).map((r) => r['QUERY PLAN']);
        const details = await plan(CUSTOMER_PANEL_SQL.details, [rand(conversations), ...CONTACT_FIELD_TYPES, 1000]);
        const earlier = await plan(CUSTOMER_PANEL_SQL.earlier, [rand(conversations), 1, 10]);
        console.log(`  customer panel plans:\n    ${details.join('\n    ')}\n    --\n    ${earlier.join('\n    ')}`);
      } finally {
        await store.close();
      }
    }
  } finally {
    await pg.destroy();
  }
}

void main();
