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
