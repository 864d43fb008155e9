import type { z } from 'zod';
import { camelCaseKey, isHostileKey } from './normalize';

/**
 * Compiled decoders: a payload schema turned, once, into a plain function that validates parsed
 * JSON exactly as the schema does and returns in the same pass the camelCase copy that
 * `normalize(schema.parse(value))` would, with unknown keys left out. zod builds a result object,
 * an issue list and a copy per value; this does none of that, and it is most of what parsing a
 * frame cost. It is a fast path only: on `INVALID` the caller asks the schema, which words the
 * rejection. The decoder tests hold it to the schema on random inputs.
 *
 * It knows what the wire schemas use: objects (unknown keys stripped), strings with length and
 * format (regex) checks, finite numbers with bounds and integer checks, enums, nullable and
 * optional. `compileDecoder` returns undefined for a schema with anything else, and decodeFrame
 * then uses the schema alone.
 */
export const INVALID: unique symbol = Symbol('invalid');
export type Decoder = (value: unknown) => unknown;

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: unknown;
  checks?: ReadonlyArray<{ _zod: { def: CheckDef } }>;
  entries?: Record<string, unknown>;
  innerType?: z.ZodType;
  coerce?: boolean;
  check?: string;
  format?: string;
  pattern?: RegExp;
};
type CheckDef = {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: unknown;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
};
type Test = (value: unknown) => boolean;
/** A field's decoder and whether it may be absent. */
type Field = { wire: string; camel: string; decode: Decoder; optional: boolean };

class Unsupported extends Error {}

export function compileDecoder(schema: z.ZodType): Decoder | undefined {
  try {
    return compile(schema);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function compile(schema: z.ZodType): Decoder {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return compileObject(def);
    case 'nullable': {
      const inner = compile(def.innerType!);
      return (value) => (value === null ? null : inner(value));
    }
    case 'optional': {
      const inner = compile(def.innerType!);
      return (value) => (value === undefined ? undefined : inner(value));
    }
    default: {
      const test = compileLeaf(def);
      return (value) => (test(value) ? value : INVALID);
    }
  }
}

function compileObject(def: Def): Decoder {
  if (def.catchall !== undefined || def.shape === undefined) throw new Unsupported('object with catchall');
  const fields: Field[] = Object.entries(def.shape).map(([wire, schema]) => {
    const camel = camelCaseKey(wire);
    if (isHostileKey(wire) || isHostileKey(camel)) throw new Unsupported(`key ${wire}`);
    return { wire, camel, decode: compile(schema), optional: defOf(schema).type === 'optional' };
  });
  if (new Set(fields.map((f) => f.camel)).size !== fields.length)
    throw new Unsupported('keys that collide in camelCase');
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return INVALID;
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      const raw = input[field.wire];
      if (raw === undefined && field.optional) continue;
      const decoded = field.decode(raw);
      if (decoded === INVALID) return INVALID;
      out[field.camel] = decoded;
    }
    return out;
  };
}

function compileLeaf(def: Def): Test {
  if (def.coerce) throw new Unsupported('coercion');
  switch (def.type) {
    case 'string': {
      const checks = (def.checks ?? []).map((c) => stringCheck(c._zod.def));
      // A format schema (z.iso.datetime()) is its own check.
      if (def.check !== undefined) checks.push(stringCheck(def as CheckDef));
      return (value) => typeof value === 'string' && checks.every((check) => check(value as string));
    }
    case 'number': {
      const checks = (def.checks ?? []).map((c) => numberCheck(c._zod.def));
      return (value) =>
        typeof value === 'number' && Number.isFinite(value) && checks.every((check) => check(value as number));
    }
    case 'enum': {
      const values = new Set(Object.values(def.entries ?? {}));
      return (value) => values.has(value);
    }
    default:
      throw new Unsupported(def.type);
  }
}

function stringCheck(check: CheckDef): (value: string) => boolean {
  switch (check.check) {
    case 'min_length': {
      const min = check.minimum!;
      // Counted in code points, as zod counts them; only a length in [min, 2·min) can differ.
      return (value) => value.length >= min && (value.length >= 2 * min || codePoints(value) >= min);
    }
    case 'max_length': {
      const max = check.maximum!;
      return (value) => value.length <= max || codePoints(value) <= max;
    }
    case 'string_format': {
      // Only formats whose check is exactly their pattern (others, e.g. starts_with, check otherwise).
      const pattern = check.pattern;
      if (!PATTERN_FORMATS.has(check.format ?? '') || !(pattern instanceof RegExp))
        throw new Unsupported(`format ${check.format}`);
      return (value) => {
        pattern.lastIndex = 0;
        return pattern.test(value);
      };
    }
    default:
      throw new Unsupported(`string check ${check.check}`);
  }
}

const PATTERN_FORMATS: ReadonlySet<string> = new Set(['datetime', 'date']);

function numberCheck(check: CheckDef): (value: number) => boolean {
  const bound = check.value;
  switch (check.check) {
    case 'greater_than':
      if (typeof bound !== 'number') throw new Unsupported('bound');
      return check.inclusive ? (value) => value >= bound : (value) => value > bound;
    case 'less_than':
      if (typeof bound !== 'number') throw new Unsupported('bound');
      return check.inclusive ? (value) => value <= bound : (value) => value < bound;
    case 'number_format':
      if (check.format !== 'safeint') throw new Unsupported(`number format ${check.format}`);
      return Number.isSafeInteger;
    default:
      throw new Unsupported(`number check ${check.check}`);
  }
}

/** Length in Unicode code points (a surrogate pair counts once). */
function codePoints(value: string): number {
  let count = value.length;
  for (let i = 0; i < value.length - 1; i++) {
    if ((value.charCodeAt(i) & 0xfc00) === 0xd800 && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}
