import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import type { InboundMessage } from '../../main/core/shared/messages';
import { connectorCore } from '../helpers/connectors';

/**
 * The console's alias table, generated: customers each with a phone number and a business-scoped id write messages
 * keyed by the number alone, the id alone, or the number with the id as an alias (as the WhatsApp parser gives them),
 * in any order and any batching. Whatever happens, a customer's messages never land in another customer's
 * conversation, and from the first message that carried both ids on, every message of theirs lands in one conversation
 * (unless the number and the id had each started a conversation before: those are not merged).
 */
let core: Core;
let run = 0;
beforeAll(async () => {
  core = await connectorCore([{ id: 'wa', kind: 'whatsapp' }]);
});
afterAll(() => core?.close());

type Shape = 'phone' | 'id' | 'both';

describe('conversation aliases (generated message sequences, real SQLite)', () => {
  it('keeps each customer in their own conversation and, once both ids were seen together, in one', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ who: fc.integer({ min: 0, max: 3 }), shape: fc.constantFrom<Shape>('phone', 'id', 'both'), cut: fc.boolean() }), { minLength: 1, maxLength: 30 }), (steps) => {
        run++;
        const phone = (w: number) => `9665${run}${w}00000`;
        const bsuid = (w: number) => `SA.${run}${w}0000000000000`;
        const batches: InboundMessage[][] = [[]];
        steps.forEach((s, i) => {
          const key = s.shape === 'id' ? bsuid(s.who) : phone(s.who);
          batches[batches.length - 1]!.push({
            platformMessageId: `wamid.${run}.${i}`,
            platformConversationId: key,
            contact: { platformUserId: key },
            direction: 'in',
            text: `message ${i}`,
            sentAt: 1_767_225_600_000 + i,
            ...(s.shape === 'both' ? { aliases: [bsuid(s.who)] } : {}),
          });
          if (s.cut) batches.push([]);
        });
        for (const b of batches) if (b.length) core.store.sink.ingest('wa', b);
        const convOf = (i: number) => core.db.prepare('SELECT conversation_id FROM messages WHERE platform_message_id = ?').pluck().get(`wamid.${run}.${i}`) as number;
        const owner = new Map<number, number>();
        steps.forEach((s, i) => {
          const c = convOf(i);
          expect(owner.get(c) ?? s.who, `message ${i} is in another customer's conversation`).toBe(s.who);
          owner.set(c, s.who);
        });
        for (const w of new Set(steps.map((s) => s.who))) {
          const first = steps.findIndex((s) => s.who === w && s.shape === 'both');
          if (first < 0) continue;
          // The number and the id each had a conversation of their own before they were seen together: two
          // conversations that turn out to be one customer's are never merged silently, so both stay.
          const before = steps.slice(0, first).filter((s) => s.who === w);
          if (before.some((s) => s.shape === 'id') && before.some((s) => s.shape === 'phone')) continue;
          const later = steps.map((s, i) => ({ s, i })).filter(({ s, i }) => s.who === w && i >= first);
          expect(new Set(later.map(({ i }) => convOf(i))).size, `customer ${w} after both ids were seen`).toBe(1);
        }
      }),
      { numRuns: 60 },
    );
  });
});
