import type { z } from 'zod';

/** A small seeded PRNG (mulberry32, the demo channel's), so a failing fuzz run can be replayed with its seed. */
export { rng as seeded } from '../../main/core/connectors/demo/values';

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

/** Strings that have hurt parsers and renderers before: bidi overrides, zero-width, NUL, lone surrogates, huge. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202eevil\u202c',
  '\u200b\u200c\u200d\ufeff',
  '\ud800',
  '\udfff\ud800',
  '../../etc/passwd',
  '%00',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '${process.exit()}',
  '__proto__',
  'constructor',
  '🙂'.repeat(300),
];

/** Any JSON value, up to `depth` levels deep. */
export function randomJson(rng: Rng, depth = 3): unknown {
  const r = rng();
  if (depth <= 0 || r < 0.45) {
    return pick(rng, [
      null,
      true,
      false,
      0,
      -1,
      1.5,
      Number.MAX_SAFE_INTEGER,
      -1e308,
      1e308,
      pick(rng, NASTY_STRINGS),
      'x'.repeat(Math.floor(rng() * 300)),
    ]);
  }
  if (r < 0.7) return Array.from({ length: Math.floor(rng() * 4) }, () => randomJson(rng, depth - 1));
  const o: Record<string, unknown> = {};
  for (let i = Math.floor(rng() * 4); i > 0; i--) o[pick(rng, ['a', 'userId', 'code', 'limit', 'role', 'toString', 'valueOf'])] = randomJson(rng, depth - 1);
  return o;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string>;
  values?: unknown[];
}
const def = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** A plausible value for a schema (the first enum option, a short string, 1, true, …), used as the base to break. */
export function sampleOf(schema: z.ZodType): unknown {
  const d = def(schema);
  switch (d.type) {
    case 'optional':
    case 'default':
    case 'nullable':
      return sampleOf(d.innerType!);
    case 'object':
      return Object.fromEntries(Object.entries(d.shape!).map(([k, v]) => [k, sampleOf(v)]));
    case 'enum':
      return Object.values(d.entries!)[0];
    case 'literal':
      return d.values![0];
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'string':
      return 'fuzz-value';
    case 'array':
      return [];
    default:
      return null;
  }
}

export function requiredKeys(schema: z.ZodType): string[] {
  const d = def(schema);
  if (d.type !== 'object') return [];
  return Object.entries(d.shape!)
    .filter(([, v]) => !['optional', 'default'].includes(def(v).type))
    .map(([k]) => k);
}

export interface FuzzCall {
  kind: string;
  /** The raw request body (not always JSON of an object: prototype keys and broken JSON need raw text). */
  body: string;
}

/** One hostile request for a channel whose request schema is `schema`. */
export function hostileCall(rng: Rng, schema: z.ZodType): FuzzCall {
  const base = sampleOf(schema);
  const obj = (base && typeof base === 'object' ? base : {}) as Record<string, unknown>;
  const keys = Object.keys(obj);
  const key = keys.length ? pick(rng, keys) : 'anything';
  const kind = pick(rng, ['wrong-type', 'missing-key', 'extra-key', 'huge-string', 'deep-nesting', 'prototype-keys', 'random-json', 'broken-json', 'non-object']);
  switch (kind) {
    case 'wrong-type':
      return { kind, body: JSON.stringify({ ...obj, [key]: randomJson(rng) }) };
    case 'missing-key': {
      const required = requiredKeys(schema);
      if (!required.length) return { kind: 'extra-key', body: JSON.stringify({ ...obj, unexpected: randomJson(rng) }) };
      const copy = { ...obj };
      delete copy[pick(rng, required)];
      return { kind, body: JSON.stringify(copy) };
    }
    case 'extra-key':
      return { kind, body: JSON.stringify({ ...obj, [pick(rng, ['isAdmin', 'role', 'permissions', 'sessionId', 'x'])]: randomJson(rng) }) };
    case 'huge-string':
      return { kind, body: JSON.stringify({ ...obj, [key]: pick(rng, ['A', 'ب', '\u202e', '\u0000']).repeat(100_000 + Math.floor(rng() * 150_000)) }) };
    case 'deep-nesting': {
      const depth = 2_000 + Math.floor(rng() * 8_000);
      return { kind, body: JSON.stringify(obj).replace(/}$/, `${keys.length ? ',' : ''}"${key === 'anything' ? 'nested' : key}x":${'['.repeat(depth)}${']'.repeat(depth)}}`) };
    }
    case 'prototype-keys':
      return {
        kind,
        body: `{"__proto__":{"polluted":"yes","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}}${keys.map((k) => `,${JSON.stringify(k)}:${JSON.stringify(obj[k])}`).join('')}}`,
      };
    case 'random-json':
      return { kind, body: JSON.stringify(randomJson(rng, 4)) ?? 'null' };
    case 'broken-json':
      return { kind, body: pick(rng, ['{', '{"a":', '\u0000', '[1,2', '{"a":1}}', 'undefined', 'NaN', '\ud800']) };
    default:
      return { kind, body: JSON.stringify(pick(rng, [null, 0, 'string', [obj], true])) };
  }
}

/** Channel names that must not resolve to anything. */
export const WRONG_CHANNELS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  'getstatus',
  'GETSTATUS',
  'getStatus ',
  ' getStatus',
  'getStatus%00',
  'getStatus/..',
  '..%2FgetStatus',
  'contract',
  'dispatch',
  'eval',
  'x'.repeat(5000),
  '%E2%80%AEsutatSteg',
  '',
];
