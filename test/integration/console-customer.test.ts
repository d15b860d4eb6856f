import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations, openDatabase } from '../../main/core/store';
import { MESSAGE_PAGE } from '../../main/ipc/console-contract';
import { tmpDir } from '../helpers/tmp';
import type { Core } from '../../main/core/app';
import { testCore } from '../helpers/core';
import { ingestMessage, signedInConsole } from '../helpers/console';

let core: Core | undefined;
afterEach(() => core?.close());

const PHONE = '+966 55 987 6543';
const EMAIL = 'layla.haddad@example.com';

describe('the customer panel (real core and store)', () => {
  it('lists the contact details the customer gave, once each, masked as chips; never the values or other field types', async () => {
    const c = (core = await testCore());
    const agent = await (await signedInConsole(c))('agent');
    const id = ingestMessage(c, { contact: 'Layla Haddad', text: `Call me on ${PHONE} please` });
    ingestMessage(c, { contact: 'Layla Haddad', text: `Or write to ${EMAIL}; my number again: ${PHONE}. Card 4111 1111 1111 1111` });
    const detail = await agent.ok<{ customer: { fields: Array<{ label: string; segments: Array<{ kind: string; type?: string }> }> } }>('openConversation', { conversationId: id });
    expect(detail.customer.fields.map((f) => f.label)).toEqual(['PHONE', 'EMAIL']);
    for (const f of detail.customer.fields) expect(f.segments).toEqual([expect.objectContaining({ kind: 'field', type: f.label })]);
    const json = JSON.stringify(detail.customer);
    for (const v of [PHONE, EMAIL, '4111', 'layla.haddad']) expect(json).not.toContain(v);
  });

  it('shows the details given anywhere in a long conversation, not only in the page an opening reads; a detail goes with its last mention', async () => {
    const c = (core = await testCore());
    const agent = await (await signedInConsole(c))('agent');
    const day = 86_400_000;
    const now = c.clock.now();
    const id = ingestMessage(c, { contact: 'Omid Rahimi', text: `My number is ${PHONE}`, sentAt: now - 40 * day });
    for (let i = 0; i < MESSAGE_PAGE + 10; i++) ingestMessage(c, { contact: 'Omid Rahimi', text: `still waiting ${i}`, sentAt: now - 30 * day + i });
    ingestMessage(c, { contact: 'Omid Rahimi', text: `write to ${EMAIL} or call ${PHONE}`, sentAt: now - 20 * day });
    ingestMessage(c, { contact: 'Omid Rahimi', text: 'any news?', sentAt: now });
    type Detail = { messages: unknown[]; customer: { fields: Array<{ label: string }> } };
    const detail = await agent.ok<Detail>('openConversation', { conversationId: id });
    expect(detail.messages).toHaveLength(MESSAGE_PAGE);
    expect(JSON.stringify(detail.messages)).not.toContain('My number is');
    // First given first, the phone once although given twice.
    expect(detail.customer.fields.map((f) => f.label)).toEqual(['PHONE', 'EMAIL']);
    // Retention removes the first mention: the phone stays (mentioned again later); then the later one too: both go.
    const channelId = c.db.prepare('SELECT channel_id FROM conversations WHERE id = ?').pluck().get(id) as string;
    c.store.channels.setRetention(channelId, 'all', 35);
    c.store.runRetention();
    expect((await agent.ok<Detail>('openConversation', { conversationId: id })).customer.fields.map((f) => f.label)).toEqual(['PHONE', 'EMAIL']);
    c.store.channels.setRetention(channelId, 'all', 10);
    c.store.runRetention();
    expect((await agent.ok<Detail>('openConversation', { conversationId: id })).customer.fields).toEqual([]);
  });

  it('an upgraded database gets the details of the customer messages it already holds (migration 024)', () => {
    const file = path.join(tmpDir(), 'diwan.sqlite');
    const old = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 23) });
    old.exec(`INSERT INTO channels (id, kind, name, created_at) VALUES ('tg', 'telegram', 'tg', 1);
      INSERT INTO contacts (id, channel_id, platform_user_id, created_at) VALUES (1, 'tg', 'u', 1);
      INSERT INTO conversations (id, channel_id, platform_conversation_id, contact_id, last_activity_at, created_at) VALUES (1, 'tg', 'c', 1, 1, 1);`);
    const add = old.prepare("INSERT INTO messages (id, conversation_id, channel_id, direction, masked_text, sent_at, stored_at) VALUES (?, 1, 'tg', ?, ?, 1, 1)");
    const field = old.prepare('INSERT INTO message_fields (message_id, n, type, start, end) VALUES (?, 0, ?, 0, 1)');
    add.run(1, 'in', 'call ⟦PHONE·…43⟧');
    field.run(1, 'PHONE');
    add.run(2, 'out', 'we will call ⟦PHONE·…99⟧');
    field.run(2, 'PHONE');
    add.run(3, 'in', 'or ⟦EMAIL·l…@example.com⟧ and ⟦PHONE·…43⟧');
    field.run(3, 'EMAIL');
    old.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT label, token, first_message_id, last_message_id FROM contact_details ORDER BY first_message_id, first_ordinal').all()).toEqual([
      { label: 'PHONE', token: '⟦PHONE·…43⟧', first_message_id: 1, last_message_id: 3 },
      { label: 'EMAIL', token: '⟦EMAIL·l…@example.com⟧', first_message_id: 3, last_message_id: 3 },
    ]);
    db.close();
  });
});
