/**
 * snake_case → camelCase for untrusted JSON.
 *
 * - Never modifies a prototype: keys `__proto__`, `constructor` and `prototype` are dropped
 *   (also when they only appear after conversion), so plain assignment cannot reach a prototype.
 * - Deterministic on collisions (`goal_id` and `goalId` both present): the key already spelled
 *   in camelCase wins, otherwise the lexically smallest original key wins, whatever the input order.
 * - Values are left alone (strings, numbers, booleans, null); arrays are mapped element-wise.
 */

type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

export type Camelize<T> = T extends readonly (infer U)[]
  ? Camelize<U>[]
  : T extends object
    ? { [K in keyof T as K extends string ? CamelCase<K> : K]: Camelize<T[K]> }
    : T;

const HOSTILE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const camelCache = new Map<string, string>();
const CACHE_LIMIT = 2_000;

export function isHostileKey(key: string): boolean {
  return HOSTILE_KEYS.has(key);
}

export function camelCaseKey(key: string): string {
  const cached = camelCache.get(key);
  if (cached !== undefined) return cached;
  let out = '';
  let upper = false;
  for (let i = 0; i < key.length; i++) {
    const ch = key[i]!;
    if (ch === '_' && out.length > 0) {
      upper = true;
      continue;
    }
    out += upper ? ch.toUpperCase() : ch;
    upper = false;
  }
  if (camelCache.size < CACHE_LIMIT) camelCache.set(key, out);
  return out;
}

export function normalize<T = unknown>(value: T): Camelize<T> {
  return normalizeValue(value, 0) as Camelize<T>;
}

const MAX_DEPTH = 64;

function normalizeValue(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) throw new RangeError(`normalize: input nested deeper than ${MAX_DEPTH} levels`);
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = normalizeValue(value[i], depth + 1);
    return out;
  }
  const out: Record<string, unknown> = {};
  // Winner per camel key: which original key produced it, to resolve collisions deterministically.
  let sources: Map<string, string> | undefined;
  for (const key of Object.keys(value)) {
    if (HOSTILE_KEYS.has(key)) continue;
    const camel = camelCaseKey(key);
    if (HOSTILE_KEYS.has(camel)) continue;
    const child = normalizeValue((value as Record<string, unknown>)[key], depth + 1);
    if (Object.prototype.hasOwnProperty.call(out, camel)) {
      sources ??= new Map();
      const previous = sources.get(camel) ?? camel;
      if (!keyWins(key, previous, camel)) continue;
    }
    if (sources || key !== camel) {
      sources ??= new Map();
      sources.set(camel, key);
    }
    out[camel] = child; // safe: hostile keys were skipped above
  }
  return out;
}

function keyWins(candidate: string, incumbent: string, camel: string): boolean {
  if (incumbent === camel) return false;
  if (candidate === camel) return true;
  return candidate < incumbent;
}
