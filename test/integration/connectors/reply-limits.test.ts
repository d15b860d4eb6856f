import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/app';
import { connectorCore, queueReply } from '../../helpers/connectors';

let core: Core | null = null;
afterEach(() => core?.close());

describe('a reply is checked against its platform before it is queued', () => {
  it('refuses an over-long Instagram reply (bytes) and a blank one, with the limit in the sentence, writing nothing', async () => {
    core = await connectorCore([{ id: 'ig', kind: 'instagram' }]);
    core.store.sink.ingest('ig', [{ platformMessageId: 'm1', platformConversationId: '1120000000000077', contact: { platformUserId: '1120000000000077' }, direction: 'in', text: 'سلام', sentAt: 1 }]);
    const count = () => (core!.db.prepare('SELECT count(*) n FROM messages').get() as { n: number }).n;
    expect(() => queueReply(core!, 'ig', '1120000000000077', 'س'.repeat(501))).toThrow(/Instagram accepts replies of at most 1,000 bytes; this one has 1,002/);
    expect(() => queueReply(core!, 'ig', '1120000000000077', ' \n ')).toThrow(/between 1 and|empty/);
    expect(count()).toBe(1);
    queueReply(core, 'ig', '1120000000000077', 'س'.repeat(500));
    expect(count()).toBe(2);
  });
});

describe('the longest platform decides what a draft may hold on its way in', () => {
  it('an X reply of 9,000 characters (Persian, with emoji) passes the console contract and the core, an over-long one is refused', async () => {
    const { consoleContract } = await import('../../../main/ipc/console-contract');
    const long = ('سلام 🙂 ').repeat(1_285).slice(0, 9_000);
    const request = (text: string) => ({ conversationId: 1, text, seenInboundId: null });
    expect(consoleContract.sendReply.request.safeParse(request(long)).success).toBe(true);
    expect(consoleContract.checkReply.request.safeParse({ conversationId: 1, text: long }).success).toBe(true);
    expect(consoleContract.sendReply.request.safeParse(request('a'.repeat(20_001))).success).toBe(false);
    core = await connectorCore([{ id: 'x1', kind: 'x' }]);
    core.store.sink.ingest('x1', [{ platformMessageId: 'e1', platformConversationId: '77-88', contact: { platformUserId: '77' }, direction: 'in', text: 'hi', sentAt: 1 }]);
    queueReply(core, 'x1', '77-88', long);
    expect(() => queueReply(core!, 'x1', '77-88', 'a'.repeat(10_001))).toThrow(/X accepts replies of at most 10,000 characters/);
  });
});
