import crypto from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TeamCache } from '../../main/core/team';
import { tmpDir } from '../helpers/tmp';

describe('team cache: the workflow\'s events and a held reply sent anyway', () => {
  it('keeps presence and the user\'s notifications; a held reply goes back in the queue flagged, in its place', () => {
    const cache = new TeamCache(path.join(tmpDir('team-cache-'), 'cache.sqlite'), crypto.randomBytes(32));
    cache.applyFrame(12, [
      { seq: 10, kind: 'presence.updated', payload: { userId: 3, state: 'online', since: 1 } },
      { seq: 11, kind: 'note.mention', payload: { noteId: 1, conversationId: 7, by: 'layla', maskedText: '@badr ببین' } },
      { seq: 12, kind: 'presence.updated', payload: { userId: 3, state: 'away', since: 2 } },
    ]);
    cache.applyFrame(13, [{ seq: 13, kind: 'sla.breached', payload: { conversationId: 7, target: 'first_response', dueAt: 5, risk: 'breached' } }]);
    cache.applyFrame(13, [{ seq: 13, kind: 'sla.breached', payload: { conversationId: 7, target: 'first_response', dueAt: 5, risk: 'breached' } }]); // a frame seen twice
    expect(cache.presence()).toEqual([{ userId: 3, state: 'away', since: 2 }]);
    expect(cache.notifications().map((n) => [n.seq, n.kind, n.conversationId])).toEqual([
      [13, 'sla.breached', 7],
      [11, 'note.mention', 7],
    ]);

    cache.queueReply({ clientId: 'first-reply', conversationId: 7, text: 'we are on it', seenSeq: 9, now: 1 });
    cache.queueReply({ clientId: 'second-reply', conversationId: 8, text: 'hello', seenSeq: 9, now: 2 });
    cache.markHeld('first-reply', 'A colleague replied or added a note after you started. Read it, then send.');
    expect(cache.queued().map((q) => q.clientId)).toEqual(['second-reply']);
    cache.requeueAnyway('first-reply');
    expect(cache.queued().map((q) => [q.clientId, q.sendAnyway, q.text])).toEqual([
      ['first-reply', true, 'we are on it'],
      ['second-reply', false, 'hello'],
    ]);
    // Only a held reply can be sent anyway.
    cache.requeueAnyway('second-reply');
    expect(cache.queued().find((q) => q.clientId === 'second-reply')!.sendAnyway).toBe(false);
    cache.close();
  });
});

describe('team cache: unread counts per channel', () => {
  it('counts unread customer messages per channel in one query, agreeing with the per-conversation count', () => {
    const cache = new TeamCache(path.join(tmpDir('team-cache-'), 'cache.sqlite'), crypto.randomBytes(32));
    const conversation = (id: number, channelId: string) => ({ seq: id, kind: 'conversation.updated', payload: { id, channelId, contact: { id }, status: 'open', assigneeId: null, lastMessageAt: id, version: 1 } });
    const message = (seq: number, id: number, conversationId: number, direction: 'in' | 'out') => ({ seq, kind: 'message.added', payload: { id, conversationId, direction, maskedText: 'x', sentAt: id } });
    cache.applyFrame(20, [
      conversation(1, 'tg'),
      conversation(2, 'tg'),
      conversation(3, 'wa'),
      message(4, 101, 1, 'in'),
      message(5, 102, 1, 'out'),
      message(6, 103, 1, 'in'),
      message(7, 104, 2, 'in'),
      message(8, 105, 3, 'in'),
    ]);
    expect(Object.fromEntries(cache.unreadByChannel())).toEqual({ tg: 3, wa: 1 });
    cache.markRead(1);
    cache.applyFrame(21, [message(21, 106, 1, 'in')]);
    const sum = (ids: number[]) => ids.reduce((n, id) => n + cache.unread(id), 0);
    expect(Object.fromEntries(cache.unreadByChannel())).toEqual({ tg: sum([1, 2]), wa: sum([3]) });
    expect(sum([1, 2])).toBe(2);
    cache.close();
  });
});
