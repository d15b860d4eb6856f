import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import type { InboundMessage } from '../../main/core/shared/messages';
import { storeCore } from '../helpers/store';

/**
 * A batch's contacts, conversations and aliases are read in one statement before it is written (issue #26, round 12);
 * the batch's own writes (new contacts and conversations, renames, aliases, re-keyings) must answer later messages of
 * the same batch exactly as the look-up per message did. Ids that are not well-formed text (a lone surrogate) are still
 * looked up one by one, on the database, so the same generated sequences ingested once with plain ids and once with
 * every id marked by a lone surrogate must place every message, name every contact and record every alias alike.
 */
let core: Core;
let run = 0;
beforeAll(async () => {
  core = await storeCore();
});
afterAll(() => core?.close());

const KEYS = ['k0', 'k1', 'k2', 'k3', 'k4'];
const step = fc.record({
  conversation: fc.constantFrom(...KEYS),
  user: fc.constantFrom(...KEYS),
  name: fc.constantFrom('Amal', 'Bahar 0551234567', 'Carl', undefined),
  alias: fc.option(fc.constantFrom(...KEYS), { nil: undefined }),
  movesTo: fc.option(fc.constantFrom(...KEYS, 'k9'), { freq: 6, nil: undefined }),
  cut: fc.boolean(),
});

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function ingestAll(channel: string, steps: Step[], mark: string): string[] {
  const id = (k: string) => `${mark}${run}.${k}`;
  const batches: InboundMessage[][] = [[]];
  steps.forEach((s, i) => {
    batches.at(-1)!.push({
      platformMessageId: `${run}.m${i}`,
      platformConversationId: id(s.conversation),
      contact: { platformUserId: id(s.user), ...(s.name ? { displayName: s.name } : {}) },
      direction: 'in',
      text: `message ${i}`,
      sentAt: 1_767_225_600_000 + i,
      ...(s.alias ? { aliases: [id(s.alias)] } : {}),
      ...(s.movesTo ? { movesTo: id(s.movesTo) } : {}),
    });
    if (s.cut) batches.push([]);
  });
  const outcomes: string[] = [];
  for (const b of batches) {
    if (!b.length) continue;
    try {
      const r = core.store.sink.ingest(channel, b);
      outcomes.push(`${r.inserted}/${r.duplicates}/${r.conversationIds.length}/${r.moved?.length ?? 0}`);
    } catch (e) {
      outcomes.push(`error ${(e as { code?: string }).code}`);
    }
  }
  return outcomes;
}

/** What the channel holds, with ids as the steps named them and conversations numbered by first message. */
function stored(channel: string, mark: string) {
  const strip = (s: string) => s.slice(`${mark}${run}.`.length);
  const order = new Map<number, number>();
  const label = (c: number) => order.get(c) ?? (order.set(c, order.size), order.size - 1);
  const placed = (core.db.prepare('SELECT platform_message_id AS m, conversation_id AS c FROM messages WHERE channel_id = ? AND platform_message_id LIKE ? ORDER BY id').all(channel, `${run}.%`) as Array<{ m: string; c: number }>).map(
    (r) => `${r.m.slice(String(run).length + 1)}→${label(r.c)}`,
  );
  const conversations = (core.db.prepare(
    `SELECT v.id, v.platform_conversation_id AS key, c.platform_user_id AS user FROM conversations v JOIN contacts c ON c.id = v.contact_id WHERE v.channel_id = ? AND v.platform_conversation_id LIKE ?`,
  ).all(channel, `${mark}${run}.%`) as Array<{ id: number; key: string; user: string }>).map((r) => `${label(r.id)} ${strip(r.key)} ${strip(r.user)}`).sort();
  const contacts = (core.db.prepare('SELECT platform_user_id AS user, display_name AS name FROM contacts WHERE channel_id = ? AND platform_user_id LIKE ?').all(channel, `${mark}${run}.%`) as Array<{ user: string; name: string | null }>)
    .map((r) => `${strip(r.user)} ${r.name}`)
    .sort();
  const aliases = (core.db.prepare('SELECT alias, conversation_id AS c FROM conversation_aliases WHERE channel_id = ? AND alias LIKE ?').all(channel, `${mark}${run}.%`) as Array<{ alias: string; c: number }>)
    .map((r) => `${strip(r.alias)}→${label(r.c)}`)
    .sort();
  return { placed, conversations, contacts, aliases };
}

describe('ingest: a batch\'s look-ups in one statement answer as look-ups per message did (generated, real SQLite)', () => {
  it('places messages, names contacts and records aliases alike with ids read in one statement and ids read one by one', () => {
    core.store.channels.create({ id: 'plain', kind: 'telegram', name: 'read in one statement' });
    core.store.channels.create({ id: 'odd', kind: 'telegram', name: 'read one by one' });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        run++;
        const plain = ingestAll('plain', steps, 'p');
        const odd = ingestAll('odd', steps, 'o\ud800');
        expect(plain).toEqual(odd);
        expect(stored('plain', 'p')).toEqual(stored('odd', 'o\ud800'));
      }),
      { numRuns: 120 },
    );
  });
});
