import { describe, expect, it } from 'vitest';
import { contract } from '../../main/ipc';
import { toSegments } from '../../main/ipc/handlers/segments';
import { opening, reasonOf } from '../../main/ipc/team/held';

describe('held messages over IPC', () => {
  it('refuses malformed decisions by schema: no ids, too many, a channel id that is no id, unknown keys', () => {
    const req = contract.releaseHeldMessages.request;
    expect(req.safeParse({ channelId: 'wa', ids: [1, 2] }).success).toBe(true);
    for (const bad of [
      { channelId: 'wa', ids: [] },
      { channelId: 'wa', ids: Array.from({ length: 201 }, (_, i) => i + 1) },
      { channelId: 'wa', ids: [0] },
      { channelId: '../admin', ids: [1] },
      { channelId: 'WA', ids: [1] },
      { channelId: 'wa', ids: [1], limit: 1000 },
      // All of one sender's: named by one held message, never by the sender's platform id, and not beside ids.
      { channelId: 'wa', sameSenderAs: 0 },
      { channelId: 'wa', sameSenderAs: '966501234567' },
      { channelId: 'wa', sender: '966501234567' },
      { channelId: 'wa', ids: [1], sameSenderAs: 1 },
      { channelId: 'wa' },
    ]) {
      expect(req.safeParse(bad).success, JSON.stringify(bad).slice(0, 80)).toBe(false);
      expect(contract.discardHeldMessages.request.safeParse(bad).success).toBe(false);
    }
    expect(req.safeParse({ channelId: 'wa', sameSenderAs: 7 }).success).toBe(true);
    expect(contract.listHeldMessages.request.safeParse({ channelId: 'wa' }).success).toBe(false);
    expect(contract.countHeldMessages.request.safeParse({ channelId: 'wa' }).success).toBe(false);
  });

  it('words the hub’s reasons it knows and calls any other one `other`', () => {
    expect(['sender_rate', 'channel_rate', 'flood', 'other', 'surge', '', 'constructor'].map(reasonOf)).toEqual(['sender_rate', 'channel_rate', 'flood', 'other', 'other', 'other', 'other']);
  });

  it('cuts a long preview at its limit without splitting a masked field, and says it was cut', () => {
    const masked = `${'a'.repeat(8)}⟦CARD·••1111⟧${'b'.repeat(8)}`;
    expect(opening(toSegments(masked), 100)).toEqual({ segments: toSegments(masked), cut: false });
    const cut = opening(toSegments(masked), 12);
    expect(cut.cut).toBe(true);
    expect(cut.segments).toEqual([
      { kind: 'text', text: 'a'.repeat(8) },
      { kind: 'field', fieldIndex: 0, type: 'CARD', hint: '••1111' },
      { kind: 'text', text: 'bbb' },
    ]);
    // Counted in characters, not UTF-16 units: a cut never leaves half of a surrogate pair.
    expect(opening(toSegments('😀😀😀'), 2).segments).toEqual([{ kind: 'text', text: '😀😀' }]);
  });
});
