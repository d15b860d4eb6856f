import crypto from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TeamCache, type CachedConversation, type CachedMessage } from '../../main/core/team';
import { contract } from '../../main/ipc/contract';
import { detailDto } from '../../main/ipc/handlers/console';
import { TeamRows } from '../../main/ipc/team/rows';
import { tmpDir } from '../helpers/tmp';

let cache: TeamCache | undefined;
afterEach(() => cache?.close());

describe("a team seat's customer panel (issue #26: say what it is read from)", () => {
  it('lists the contact details of the messages its cache holds, and says how many those are', () => {
    cache = new TeamCache(path.join(tmpDir('team-panel-'), 'cache.sqlite'), crypto.randomBytes(32));
    const conversation: CachedConversation = { id: 7, channelId: 'tg', contact: { id: 3, displayName: 'Sara', handle: 'sara_42' }, status: 'open', assigneeId: null, lastMessageAt: 3000, version: 1 };
    const message = (id: number, maskedText: string): CachedMessage => ({ id, conversationId: 7, direction: 'in', authorId: null, maskedText, sentAt: id * 1000, fields: [], delivery: null });
    cache.applyFrame(3, [
      { seq: 1, kind: 'conversation.updated', payload: conversation },
      { seq: 2, kind: 'message.added', payload: message(1, 'call me on ⟦PHONE·…19⟧') },
      { seq: 3, kind: 'message.added', payload: message(2, 'thanks') },
    ]);
    const detail = contract.openConversation.response.parse(detailDto(new TeamRows(cache, () => 5000).detail(cache.conversation(7)!)));
    expect(detail.customer.fields.map((f) => f.label)).toEqual(['PHONE']);
    expect(detail.customer.fieldsFrom).toEqual({ messages: 2 });
  });
});
