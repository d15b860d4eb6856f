import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectivePresence, mentionCompletions, mentionedNames, pickAgent, resolveMentions, type Candidate } from '../../main/core/workflow';

describe('assignment decision', () => {
  it('round robin over any pool, capacities and starting rotation: counts differ by at most one until someone is full', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 400 }), (turns, m) => {
        const pool: Candidate[] = turns.map((turn, i) => ({ id: i + 1, open: 0, capacity: 1_000, turn }));
        let turn = Math.max(...turns);
        for (let i = 0; i < m; i++) {
          const c = pickAgent('round-robin', pool)!;
          c.open++;
          c.turn = ++turn;
        }
        const open = pool.map((c) => c.open);
        expect(Math.max(...open) - Math.min(...open)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('never picks an agent at capacity; least-open picks the emptiest; manual picks nobody', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ open: fc.integer({ min: 0, max: 10 }), capacity: fc.integer({ min: 1, max: 10 }), turn: fc.nat(50) }), { maxLength: 20 }), (rows) => {
        const pool = rows.map((r, i) => ({ ...r, id: i + 1 }));
        const free = pool.filter((c) => c.open < c.capacity);
        for (const mode of ['round-robin', 'least-open'] as const) {
          const c = pickAgent(mode, pool);
          if (!free.length) expect(c).toBeNull();
          else expect(c!.open).toBeLessThan(c!.capacity);
        }
        if (free.length) expect(pickAgent('least-open', pool)!.open).toBe(Math.min(...free.map((c) => c.open)));
        expect(pickAgent('manual', pool)).toBeNull();
      }),
    );
  });
});

describe('mentions', () => {
  const team = [
    { id: 1, username: 'amal' },
    { id: 2, username: 'رضا' },
    { id: 3, username: 'layla.k' },
  ];

  it('finds colleagues in Arabic, Persian and English text; not e-mail addresses, not strangers, each once', () => {
    expect(mentionedNames('@amal، لطفاً ببین. cc @رضا. mail ana@amal.example @amal')).toEqual(['amal', 'رضا', 'amal']);
    expect(resolveMentions('@AMAL، لطفاً @رضا؟ و @layla.k. و @nobody ana@amal.example @amal', team).map((u) => u.id)).toEqual([1, 2, 3]);
    expect(resolveMentions('no mention here: amal@diwan.example', team)).toEqual([]);
  });

  it('completes the name being typed from the team list, across Arabic and Persian letter variants', () => {
    const people = [
      { id: 1, username: 'amal', displayName: 'أمل الحربي' },
      { id: 2, username: 'reza', displayName: 'رضا کریمی' },
      { id: 3, username: 'ali', displayName: 'علي' },
    ];
    const at = (text: string) => mentionCompletions(text, text.length, people);
    expect(at('please ask @a')!.matches.map((u) => u.id)).toEqual([1, 3]);
    expect(at('لطفاً @كر')!.matches.map((u) => u.id)).toEqual([2]); // Arabic kaf finds the Persian keheh
    expect(at('@امل')!.matches.map((u) => u.id)).toEqual([1]); // bare alef finds alef with hamza
    expect(at('@علی')!.matches.map((u) => u.id)).toEqual([3]); // Persian yeh finds Arabic yeh
    expect(at('write to ana@a')).toBeNull(); // an address, not a mention
    expect(at('no at sign')).toBeNull();
    expect(at('@')!.matches).toHaveLength(3);
    const mid = mentionCompletions('hi @re and more', 6, people)!;
    expect([mid.from, mid.query, mid.matches.map((u) => u.id)]).toEqual([3, 're', [2]]);
  });

  it('never throws on any text, and everything it returns is a colleague', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('@', 'a', 'm', 'l', 'ر', 'ض', 'ا', ' ', '.', '،', '-', '_', '1'), maxLength: 80 }), (text) => {
        for (const u of resolveMentions(text, team)) expect(team).toContain(u);
      }),
    );
  });
});

describe('presence', () => {
  it('a state past its time-to-live is offline from the moment it ran out', () => {
    expect(effectivePresence(null, 5)).toEqual({ state: 'offline', since: 0 });
    expect(effectivePresence({ state: 'online', expiresAt: 10, changedAt: 1 }, 9)).toEqual({ state: 'online', since: 1 });
    expect(effectivePresence({ state: 'away', expiresAt: 10, changedAt: 1 }, 10)).toEqual({ state: 'offline', since: 10 });
    expect(effectivePresence({ state: 'offline', expiresAt: 10, changedAt: 7 }, 50)).toEqual({ state: 'offline', since: 7 });
  });
});
