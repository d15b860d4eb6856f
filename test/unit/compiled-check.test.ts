import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { compiledCheck } from '../../main/ipc/compiled-check';
import { contract } from '../../main/ipc/contract';
import { consoleContract } from '../../main/ipc/console-contract';

type Def = { type: string; checks?: Array<{ _zod: { def: Record<string, unknown> } }> } & Record<string, unknown>;
const defOf = (s: unknown) => (s as z.core.$ZodType)._zod.def as unknown as Def;
const limit = (d: Def, check: string, key: string) => d.checks?.map((c) => c._zod.def).find((c) => c.check === check)?.[key] as number | undefined;

/** Anything a handler could hand back in place of a value of the schema: other types, and the JavaScript oddities. */
const stray = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, NaN, Infinity, -Infinity, -0, 0.5, 2 ** 53, -1, '', [], {}, true, 'text', { kind: 'other' }),
  fc.anything({ maxDepth: 2 }),
);

/**
 * Values near what `schema` accepts: valid ones, every bound's both sides, keys dropped, keys added, wrong types. The
 * test's own reading of the same defs, so a kind of schema the compiler does not know is not generated here either.
 */
function near(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  const max = limit(d, 'max_length', 'maximum');
  const inner = (): fc.Arbitrary<unknown> => {
    switch (d.type) {
      case 'string':
        return fc.oneof(
          fc.string({ maxLength: 8 }),
          fc.string({ unit: 'grapheme', maxLength: 4 }),
          ...(max !== undefined ? [fc.constantFrom('x'.repeat(max), 'x'.repeat(max + 1), '😀'.repeat(Math.ceil(max / 2)))] : []),
        );
      case 'number': {
        const bounds = (d.checks ?? []).map((c) => c._zod.def).filter((c) => typeof c.value === 'number').map((c) => c.value as number);
        return fc.oneof(fc.integer({ min: -5, max: 50 }), fc.constantFrom(0, ...bounds.flatMap((b) => [b - 1, b, b + 1, b + 0.5])), fc.double());
      }
      case 'boolean':
        return fc.boolean();
      case 'enum':
        return fc.constantFrom(...Object.values(d.entries as object), 'nope');
      case 'literal':
        return fc.constantFrom(...(d.values as unknown[]), 'nope');
      case 'nullable':
        return fc.oneof(fc.constant(null), near(d.innerType, depth));
      case 'optional':
        return fc.oneof(fc.constant(undefined), near(d.innerType, depth));
      case 'array': {
        const element = near(d.element, depth + 1);
        return fc.oneof(
          { weight: 5, arbitrary: fc.array(element, { maxLength: depth > 2 ? 1 : 3 }) },
          { weight: 1, arbitrary: max !== undefined && max <= 2000 ? element.map((e) => Array.from({ length: max + 1 }, () => e)) : fc.constant([]) },
        );
      }
      case 'object': {
        const shape = d.shape as Record<string, unknown>;
        const fields = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, near(s, depth + 1)]));
        return fc
          .tuple(
            fc.oneof({ weight: 6, arbitrary: fc.record(fields) }, { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) }),
            fc.dictionary(fc.constantFrom('extra', 'rawValue', 'id', 'kind', '__proto__x'), stray, { maxKeys: 2 }),
          )
          .map(([known, extra]) => ({ ...extra, ...known }));
      }
      case 'union':
        return fc.oneof(...(d.options as unknown[]).map((o) => near(o, depth)));
      default:
        return stray;
    }
  };
  return fc.oneof({ weight: 40, arbitrary: inner() }, { weight: 1, arbitrary: stray });
}

const compiled = Object.entries(contract).flatMap(([name, spec]) => {
  const check = compiledCheck(spec.response as z.ZodType);
  return check ? [{ name, schema: spec.response as z.ZodType, check }] : [];
});

describe('a response check compiled from its zod schema (#26, round 19)', () => {
  it('compiles the inbox page and most of the contract', () => {
    expect(compiled.map((c) => c.name)).toContain('listConversations');
    expect(compiled.length).toBeGreaterThan(Object.keys(contract).length / 2);
  });

  it('answers as zod does — yes or no, and the same value with unknown keys dropped — for every response it compiles', () => {
    const accepted = new Map<string, number>();
    for (const { name, schema, check } of compiled) {
      fc.assert(
        fc.property(near(schema), (value) => {
          const want = schema.safeParse(value);
          const got = check(value);
          expect({ name, success: got.success }).toEqual({ name, success: want.success });
          if (want.success) expect(got.data).toStrictEqual(want.data);
          if (want.success) accepted.set(name, (accepted.get(name) ?? 0) + 1);
        }),
        { numRuns: name === 'listConversations' ? 2000 : 60 },
      );
    }
    // Both answers are drawn often, the inbox page's valid ones included.
    expect(accepted.get('listConversations') ?? 0).toBeGreaterThan(100);
    expect(accepted.get('listConversations') ?? 0).toBeLessThan(1800);
  });

  it('drops what the contract does not name, at every depth of the inbox page', () => {
    const check = compiledCheck(consoleContract.listConversations.response)!;
    const row = {
      id: 1,
      channelId: 'tg',
      channelKind: 'telegram',
      channelName: 'Telegram',
      contactName: [{ kind: 'text', text: 'Customer', raw: '0501234567' }],
      preview: [{ kind: 'field', fieldIndex: 0, type: 'PHONE', hint: '••67', value: '0501234567' }],
      previewDirection: 'ltr',
      status: 'open',
      snoozedUntil: null,
      assignee: { id: 'u1', name: 'Agent', token: 'secret' },
      unread: 0,
      labels: [],
      lastActivityAt: 1,
      original: '0501234567',
    };
    const out = check({ items: [row], nextCursor: null, total: 1, debug: 'x' });
    expect(out.success).toBe(true);
    expect(JSON.stringify(out.data)).not.toMatch(/0501234567|secret|debug/);
    expect(out.data).toStrictEqual(consoleContract.listConversations.response.parse({ items: [row], nextCursor: null, total: 1, debug: 'x' }));
  });
});
