import { afterEach, describe, expect, it } from 'vitest';
import { inboundRules, type Core } from '../../main/core/app';
import type { InboundMessage } from '../../main/core/shared/messages';
import { MESSAGE_PAGE } from '../../main/ipc/console-contract';
import { testCore } from '../helpers/core';
import { signedInConsole } from '../helpers/console';

// Issue #26 round 23 of the store: an opening takes its page's scam-check outcomes (`check_rules`, `check_flags`,
// migration 030) from the page's own rows, not from a second walk of the conversation's index
// (`InboundCheckRepository.of`). Both must give the same outcomes for every message on the page, under any rules.

let core: Core | undefined;
afterEach(() => core?.close());

/** A small deterministic generator (mulberry32): the same conversation in every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDING = (explanation: string) =>
  JSON.stringify({ en: [{ code: 'lookalike', explanation }], ar: [{ code: 'lookalike', explanation: `${explanation} (ar)` }], fa: [{ code: 'lookalike', explanation: `${explanation} (fa)` }] });

/** One conversation of `n` messages, replies among them, sent out of arrival order now and then; returns its id. */
function conversation(c: Core, n: number, seed: number, chat = 'chat-outcomes'): number {
  const random = rng(seed);
  const start = c.clock.now() - 10 * 86_400_000;
  const batch: InboundMessage[] = Array.from({ length: n }, (_, i) => ({
    platformMessageId: `${chat}-${i}`,
    platformConversationId: chat,
    contact: { platformUserId: `${chat}-customer`, displayName: 'Customer' },
    direction: random() < 0.3 ? 'out' : 'in',
    text: `message ${i}`,
    // Mostly in order; one in six arrives after later ones were sent (its id is larger than theirs).
    sentAt: start + i * 60_000 - (random() < 1 / 6 ? Math.floor(random() * 20) * 60_000 : 0),
  }));
  return c.store.sink.ingest('demo', batch).conversationIds[0]!;
}

/** Gives the conversation's inbound messages every kind of recorded outcome, under two sets of rules and none. */
function plantOutcomes(c: Core, conversationId: number, seed: number, rules: string[]): void {
  const random = rng(seed);
  const ids = c.db.prepare("SELECT id FROM messages WHERE conversation_id = ? AND direction = 'in' ORDER BY id").pluck().all(conversationId) as number[];
  const ruleIds = rules.map((r) => c.store.inboundChecks.rulesId(r));
  const set = c.db.prepare('UPDATE messages SET check_rules = ?, check_flags = ? WHERE id = ?');
  c.db.transaction(() => {
    for (const id of ids) {
      const k = Math.floor(random() * 6);
      const ruleId = ruleIds[Math.floor(random() * ruleIds.length)]!;
      // never checked; not flagged; flagged with its wording; flagged without (before migration 021); flagged, a wording of another shape
      if (k === 0) set.run(null, null, id);
      else if (k <= 2) set.run(ruleId, null, id);
      else if (k === 3) set.run(ruleId, WORDING(`planted ${id}`), id);
      else if (k === 4) set.run(ruleId, '', id);
      else set.run(ruleId, '{"en":"not a list"}', id);
    }
  })();
}

describe('an opening reads its scam-check outcomes from its own page', () => {
  it('gives the same outcomes as asked apart, for every page back to the first message and under any rules', async () => {
    const c = (core = await testCore());
    await signedInConsole(c); // adds the demo channel
    for (const seed of [1, 2, 3]) {
      const id = conversation(c, 3 * MESSAGE_PAGE + 17, seed, `chat-${seed}`);
      plantOutcomes(c, id, seed * 31, ['rules-x', 'rules-y']);
      let before: { sentAt: number; id: number } | undefined;
      let pages = 0;
      for (;;) {
        const { messages, outcomes } = c.store.conversations.page(id, { limit: MESSAGE_PAGE + 1, ...(before ? { before } : {}) });
        expect(messages).toEqual(c.store.conversations.messages(id, { limit: MESSAGE_PAGE + 1, ...(before ? { before } : {}) }));
        const inbound = messages.filter((m) => m.direction === 'in').map((m) => m.id);
        expect([...outcomes.keys()].sort((a, b) => a - b)).toEqual([...inbound].sort((a, b) => a - b));
        for (const rules of ['rules-x', 'rules-y', 'rules never used']) {
          const apart = inbound.length ? c.store.inboundChecks.of(id, rules, { from: Math.min(...inbound), to: Math.max(...inbound) }) : new Map();
          const want = new Map([...apart].filter(([m]) => inbound.includes(m)));
          expect(c.store.inboundChecks.onPage(rules, outcomes)).toEqual(want);
        }
        pages++;
        if (messages.length <= MESSAGE_PAGE) break;
        before = { sentAt: messages[1]!.sentAt, id: messages[1]!.id };
      }
      expect(pages).toBe(4);
    }
  });

  it('does not keep a rules number its own rolled-back transaction wrote (the number can go to other rules)', async () => {
    const c = (core = await testCore());
    await signedInConsole(c);
    const id = conversation(c, 20, 5);
    const page = () => c.store.conversations.page(id, { limit: MESSAGE_PAGE + 1 }).outcomes;
    let inside = -1;
    expect(() =>
      c.db.transaction(() => {
        inside = c.store.inboundChecks.rulesId('rules rolled back');
        c.store.inboundChecks.record(id, 'rules rolled back', [...page().keys()].map((m) => [m, false] as [number, boolean]));
        expect(c.store.inboundChecks.onPage('rules rolled back', page()).size).toBe(page().size);
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    // The number is free again: other rules take it and record the conversation under them.
    c.db.transaction(() => {
      expect(c.store.inboundChecks.rulesId('other rules')).toBe(inside);
      c.store.inboundChecks.record(id, 'other rules', [...page().keys()].map((m) => [m, true, WORDING('other')] as [number, boolean, string]));
    })();
    expect(c.store.inboundChecks.onPage('rules rolled back', page()).size).toBe(0);
    expect(c.store.inboundChecks.onPage('other rules', page()).size).toBe(page().size);
  });

  it("the console's opening and its older pages run one statement on `messages` each, and show the outcomes its rows record", async () => {
    const c = (core = await testCore());
    const agent = await (await signedInConsole(c))('agent');
    const rules = inboundRules(c.guards.policy);
    const id = conversation(c, MESSAGE_PAGE + 30, 7);
    plantOutcomes(c, id, 11, [rules, 'rules of an older version']);
    const recorded = new Map(
      (c.db.prepare("SELECT m.id, m.check_flags FROM messages m JOIN inbound_rules r ON r.id = m.check_rules WHERE m.conversation_id = ? AND r.rules = ? AND m.direction = 'in'").all(id, rules) as Array<{ id: number; check_flags: string | null }>).map((r) => [r.id, r.check_flags]),
    );

    // Every statement the calls run, by SQL text (the calls are async; the statements run inside them).
    const proto = Object.getPrototypeOf(c.db.prepare('SELECT 1')) as Record<string, (...a: unknown[]) => unknown>;
    const original = Object.fromEntries(['all', 'get', 'run', 'iterate'].map((m) => [m, proto[m]!]));
    const seen: string[] = [];
    for (const [m, fn] of Object.entries(original)) {
      proto[m] = function (this: { source: string }, ...a: unknown[]) {
        seen.push(this.source.replace(/\s+/g, ' '));
        return fn.apply(this, a);
      };
    }
    type Msg = { id: number; direction: string; sentAt: number; flags?: Array<{ code: string; explanation: string }> };
    type Page = { messages: Msg[]; moreBefore: boolean };
    const shown: Msg[] = [];
    try {
      const opened = await agent.ok<Page>('openConversation', { conversationId: id, lang: 'en' });
      expect(seen.filter((s) => /\bFROM messages\b/.test(s))).toHaveLength(1);
      expect(opened.moreBefore).toBe(true);
      shown.push(...opened.messages);
      seen.length = 0;
      const older = await agent.ok<Page>('olderMessages', { conversationId: id, before: { sentAt: shown[0]!.sentAt, id: shown[0]!.id }, lang: 'en' });
      expect(seen.filter((s) => /\bFROM messages\b/.test(s))).toHaveLength(1);
      shown.unshift(...older.messages);
    } finally {
      Object.assign(proto, original);
    }
    expect(shown).toHaveLength(MESSAGE_PAGE + 30);
    let planted = 0;
    for (const m of shown.filter((x) => x.direction === 'in')) {
      const flags = recorded.get(m.id);
      if (flags && flags.startsWith('{"en":[')) {
        // Flagged under the current rules with its wording: shown as recorded, never checked again.
        expect(m.flags).toEqual([{ code: 'lookalike', explanation: `planted ${m.id}` }]);
        planted++;
      } else {
        // Not flagged under the current rules, or recorded under other rules, never, or without a usable wording:
        // the text ("message N") is checked again where it must be, and no check flags it.
        expect(m.flags).toBeUndefined();
      }
    }
    expect(planted).toBeGreaterThan(3);
    // What the openings checked again was recorded under the current rules: opening again checks nothing new.
    const unrecorded = c.db
      .prepare("SELECT count(*) FROM messages m WHERE m.conversation_id = ? AND m.direction = 'in' AND m.check_rules IS NOT (SELECT id FROM inbound_rules WHERE rules = ?)")
      .pluck()
      .get(id, rules) as number;
    expect(unrecorded).toBe(0);
  });
});
