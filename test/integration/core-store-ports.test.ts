import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { newSessionSlot } from '../../main/core/auth';
import { testCore } from '../helpers/core';
import { addPeople, ingestMessage, PEOPLE } from '../helpers/console';

let core: Core | undefined;
afterEach(() => core?.close());

describe("the store behind Identity's reveal and review (main/core/app/store-ports.ts)", () => {
  it('describes a field without its value, reveals it for a grant, and gives masked transcripts with usernames', async () => {
    const c = (core = await testCore());
    const ids = await addPeople(c);
    c.store.channels.create({ id: 'demo', kind: 'demo', name: 'Demo' });
    const id = ingestMessage(c, { contact: 'Layla', text: 'Call me on +966 55 987 6543' });
    const [m] = c.store.conversations.messages(id);
    c.store.outbox.enqueue({ conversationId: id, text: 'We will call you today.', authorId: ids.agent });

    const session = await signedInAgent(c);
    const granted = c.reveal.request(session, { messageId: m!.id, fieldIndex: 0 }, 'Customer asked for a call');
    expect(granted).toMatchObject({ status: 'granted', fieldType: 'PHONE', value: '+966 55 987 6543' });
    expect(() => c.reveal.request(session, { messageId: m!.id + 1_000, fieldIndex: 0 }, 'Customer asked for a call')).toThrow(
      expect.objectContaining({ code: 'field_not_found' }),
    );
    expect(() => c.reveal.request(session, { messageId: m!.id, fieldIndex: 9 }, 'Customer asked for a call')).toThrow(
      expect.objectContaining({ code: 'field_not_found' }),
    );

    const t = c.review.transcript(session, id);
    expect(t).toMatchObject({ conversationId: id, channel: 'demo', contact: 'Layla' });
    expect(t.messages.map((x) => [x.direction, x.author])).toEqual([
      ['in', 'Layla'],
      ['out', 'sam'],
    ]);
    expect(JSON.stringify(t)).not.toContain('987 6543');
    expect(() => c.review.transcript(session, id + 1_000)).toThrow();
  });
});

async function signedInAgent(c: Core) {
  const slot = newSessionSlot();
  await c.identity.signIn(slot, { username: PEOPLE.agent.username, password: PEOPLE.agent.password });
  return c.identity.requireSession(slot);
}
