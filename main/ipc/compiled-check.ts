import type * as z from 'zod';

/** A compiled check's answer: the value as the schema keeps it (unknown keys dropped), or `NO`. */
const NO: unique symbol = Symbol('no');
type Check = (v: unknown) => unknown;

class Unsupported extends Error {}

/** A length's bounds as zod's `max_length` / `min_length` checks give them; any other check is left to zod. */
function sizeOk(checks: readonly z.core.$ZodCheck[]): (n: number) => boolean {
  let lo = 0;
  let hi = Infinity;
  for (const c of checks) {
    const d = c._zod.def as { check: string; maximum?: number; minimum?: number };
    if (d.check === 'max_length') hi = Math.min(hi, d.maximum!);
    else if (d.check === 'min_length') lo = Math.max(lo, d.minimum!);
    else throw new Unsupported(d.check);
  }
  return (n) => n >= lo && n <= hi;
}

/** A number's checks (a safe integer, bounds with or without their ends); zod's `z.number()` takes finite numbers only. */
function numberOk(checks: readonly z.core.$ZodCheck[]): (n: number) => boolean {
  let int = false;
  let lo = -Infinity;
  let loIn = true;
  let hi = Infinity;
  let hiIn = true;
  for (const c of checks) {
    const d = c._zod.def as { check: string; format?: string; value?: number; inclusive?: boolean };
    if (d.check === 'number_format' && d.format === 'safeint') int = true;
    else if (d.check === 'greater_than' && d.value! >= lo) [lo, loIn] = [d.value!, d.value! === lo ? loIn && !!d.inclusive : !!d.inclusive];
    else if (d.check === 'less_than' && d.value! <= hi) [hi, hiIn] = [d.value!, d.value! === hi ? hiIn && !!d.inclusive : !!d.inclusive];
    else if (d.check !== 'greater_than' && d.check !== 'less_than') throw new Unsupported(d.check);
  }
  return (n) => Number.isFinite(n) && (!int || Number.isSafeInteger(n)) && (loIn ? n >= lo : n > lo) && (hiIn ? n <= hi : n < hi);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An object's check as one function with its keys written out, as zod's own compiled objects are: reading and
 * building objects by constant keys is what makes it cheap (a loop over the keys cost more than zod). The source is
 * made from the contract's key names only (quoted by `JSON.stringify`), never from a value being checked.
 */
function objectCheck(fields: ReadonlyArray<{ key: string; check: Check; optional: boolean }>): Check {
  if (fields.some((f) => f.key === '__proto__')) throw new Unsupported('__proto__');
  const k = (i: number) => JSON.stringify(fields[i]!.key);
  const lines = fields.map((f, i) => `const x${i} = c[${i}](v[${k(i)}]); if (x${i} === NO) return NO;`);
  const required = fields.flatMap((f, i) => (f.optional ? [] : [`${k(i)}: x${i}`]));
  const optional = fields.flatMap((f, i) => (f.optional ? [`if (x${i} !== undefined || ${k(i)} in v) o[${k(i)}] = x${i};`] : []));
  const source = `return function (v) { if (!isRecord(v)) return NO; ${lines.join(' ')} const o = { ${required.join(', ')} }; ${optional.join(' ')} return o; };`;
  try {
    return new Function('c', 'NO', 'isRecord', source)(fields.map((f) => f.check), NO, isRecord) as Check;
  } catch {
    throw new Unsupported('code generation refused'); // a process run with code generation off: zod checks
  }
}

function compile(schema: z.core.$ZodType): Check {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  const checks = (def.checks ?? []) as z.core.$ZodCheck[];
  switch (def.type) {
    case 'string': {
      const ok = sizeOk(checks);
      return (v) => (typeof v === 'string' && ok(v.length) ? v : NO);
    }
    case 'number': {
      const ok = numberOk(checks);
      return (v) => (typeof v === 'number' && ok(v) ? v : NO);
    }
    case 'boolean':
      if (checks.length) throw new Unsupported('boolean checks');
      return (v) => (typeof v === 'boolean' ? v : NO);
    case 'enum':
    case 'literal': {
      if (checks.length) throw new Unsupported(`${def.type} checks`);
      const values = new Set<unknown>(def.type === 'enum' ? Object.values(def.entries as object) : (def.values as unknown[]));
      return (v) => (values.has(v) ? v : NO);
    }
    case 'nullable': {
      const inner = compile(def.innerType as z.core.$ZodType);
      return (v) => (v === null ? null : inner(v));
    }
    case 'optional': {
      const inner = compile(def.innerType as z.core.$ZodType);
      return (v) => (v === undefined ? undefined : inner(v));
    }
    case 'array': {
      const ok = sizeOk(checks);
      const element = compile(def.element as z.core.$ZodType);
      return (v) => {
        if (!Array.isArray(v) || !ok(v.length)) return NO;
        const out = new Array<unknown>(v.length);
        for (let i = 0; i < v.length; i++) if ((out[i] = element(v[i])) === NO) return NO;
        return out;
      };
    }
    case 'object': {
      // Unknown keys dropped (zod's default); a strict or passthrough object is left to zod.
      if (checks.length || def.catchall !== undefined) throw new Unsupported('object mode');
      const fields = Object.entries(def.shape as Record<string, z.core.$ZodType>).map(([key, s]) => ({ key, check: compile(s), optional: s._zod.def.type === 'optional' }));
      return objectCheck(fields);
    }
    case 'union': {
      const key = def.discriminator as string | undefined;
      if (!key || checks.length) throw new Unsupported('union without a discriminator');
      const byTag = new Map<unknown, Check>();
      for (const option of def.options as z.core.$ZodType[]) {
        const tag = (option._zod.def as { shape?: Record<string, z.core.$ZodType> }).shape?.[key]?._zod.def as { type: string; values?: unknown[] } | undefined;
        if (tag?.type !== 'literal' || tag.values!.length !== 1 || byTag.has(tag.values![0])) throw new Unsupported('union tag');
        byTag.set(tag.values![0], compile(option));
      }
      return (v) => (isRecord(v) ? (byTag.get(v[key])?.(v) ?? NO) : NO);
    }
    default:
      throw new Unsupported(def.type);
  }
}

/**
 * A response schema compiled once into plain comparisons (issue #26, round 19: zod's check was 15 % of a mixed inbox
 * page's CPU), for the kinds of schema the contract's hot answers use: objects that drop unknown keys, strings and
 * arrays with length limits, safe integers with bounds, enums, literals, booleans, nullable and optional values,
 * unions told apart by a literal tag. Its answer is zod's — the same rules read from the same schema, one copy of
 * them — and it only ever says yes or hands over: a value it does not accept is parsed by zod itself, which words the
 * issue. Null when the schema uses anything else (then zod checks every answer).
 */
export function compiledCheck<S extends z.ZodType>(schema: S): ((value: unknown) => z.ZodSafeParseResult<z.output<S>>) | null {
  let check: Check;
  try {
    check = compile(schema as unknown as z.core.$ZodType);
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
  return (value) => {
    const data = check(value);
    return data === NO ? schema.safeParse(value) : { success: true, data: data as z.output<S> };
  };
}
