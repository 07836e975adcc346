/**
 * Forge's limits on keys, values, entity attributes and TTLs, enforced the way the real service
 * enforces them (see https://developer.atlassian.com/platform/forge/limits-kvs-ce/).
 */
import type { AttributeType, ResolvedEntity } from './entity-definitions';
import { errors } from './kvs-errors';

export const MAX_KEY_LENGTH = 500;
/** 240 KiB of serialised JSON. */
export const MAX_VALUE_BYTES = 240 * 1024;
/** Deepest nesting of objects/arrays accepted (the docs' error message says 32). */
export const MAX_DEPTH = 32;
export const MAX_TTL_MS = 365 * 24 * 3600 * 1000;
/** Combined size of an index's range / partition values. */
export const MAX_RANGE_BYTES = 900;
export const MAX_PARTITION_BYTES = 1700;

// `[\s-#]` in a non-unicode regex is whitespace, '-' and '#': the pattern as Atlassian publishes it.

const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/;
const ENTITY_NAME_PATTERN = /^(?![_.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<![.])$/;

export function validateKey(key: unknown, kind: 'kvs' | 'entity'): string {
  if (typeof key !== 'string') throw errors.badRequest('key must be a string');
  if (key.length === 0) throw kind === 'entity' ? errors.emptyKey() : errors.keyTooShort();
  if (key.length > MAX_KEY_LENGTH) throw errors.keyTooLong();
  if (!KEY_PATTERN.test(key)) throw errors.invalidKey();
  return key;
}

export function validateEntityName(name: unknown): string {
  if (typeof name !== 'string') throw errors.badRequest('entityName must be a string');
  if (name.length < 3) throw errors.entityTypeTooShort();
  if (name.length > 60) throw errors.entityTypeTooLarge();
  if (!ENTITY_NAME_PATTERN.test(name)) {
    throw errors.invalidEntityType(
      `Entity name "${name}" does not match /^(?![_.-])(?!.*\\.{2})[a-z0-9:\\-_.]*(?<![.])$/.`,
    );
  }
  return name;
}

function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let deepest = 0;
  for (const child of Array.isArray(value) ? value : Object.values(value))
    deepest = Math.max(deepest, depthOf(child));
  return deepest + 1;
}

/** Checks a value can be stored and returns its JSON text. `null`/missing values are not storable. */
export function serialiseValue(value: unknown): string {
  if (value === undefined || value === null) throw errors.badRequest('value is required and cannot be null');
  const text = JSON.stringify(value);
  if (Buffer.byteLength(text, 'utf8') > MAX_VALUE_BYTES) throw errors.maxSize();
  if (depthOf(value) > MAX_DEPTH) throw errors.maxDepth();
  return text;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when `v` may be stored in (or compared with) an attribute of `type`. */
export function fitsType(type: AttributeType, v: unknown): boolean {
  switch (type) {
    case 'any':
      return v !== null && v !== undefined;
    case 'boolean':
      return typeof v === 'boolean';
    case 'string':
      return typeof v === 'string' && v.trim().length > 0;
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647;
    case 'float':
      return (
        typeof v === 'number' &&
        Number.isFinite(v) &&
        (v === 0 || (Math.abs(v) >= 1e-130 && Math.abs(v) < 1e126))
      );
  }
}

/** Strict typing, as the Custom Entity Store enforces: every attribute declared, every value of its type. */
export function validateEntityValue(entity: ResolvedEntity, value: unknown): void {
  if (!isPlainObject(value))
    throw errors.invalidEntityValue(`A ${entity.name} value must be an object of attributes.`);
  for (const [attr, v] of Object.entries(value)) {
    const type = entity.attributes.get(attr);
    if (type === undefined) {
      throw errors.invalidEntityValue(
        `Attribute "${attr}" is not declared for entity ${entity.name} in the manifest.`,
      );
    }
    if (!fitsType(type, v)) {
      throw errors.invalidEntityValue(
        `Attribute "${attr}" of entity ${entity.name} must be of type ${type}.`,
      );
    }
  }
  for (const idx of entity.indexes.values()) {
    const rangeBytes = Buffer.byteLength(JSON.stringify(value[idx.range] ?? ''), 'utf8');
    const partBytes = Buffer.byteLength(JSON.stringify(idx.partition.map((p) => value[p] ?? '')), 'utf8');
    if (rangeBytes > MAX_RANGE_BYTES || partBytes > MAX_PARTITION_BYTES) {
      throw errors.invalidEntityValue(
        `The values of index ${idx.name} are too large (range at most 900 bytes, partition at most 1700 bytes).`,
      );
    }
  }
}

const TTL_UNITS: Record<string, number> = {
  SECONDS: 1000,
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAYS: 86_400_000,
};

/** Returns the TTL in milliseconds, or undefined when none is asked for. */
export function ttlMillis(options: unknown): number | undefined {
  if (!isPlainObject(options) || options.ttl === undefined) return undefined;
  const ttl = options.ttl;
  if (!isPlainObject(ttl)) throw errors.invalidTtl('ttl must be { value, unit }.');
  const unit = typeof ttl.unit === 'string' ? TTL_UNITS[ttl.unit] : undefined;
  if (unit === undefined) throw errors.invalidTtl('ttl.unit must be one of SECONDS, MINUTES, HOURS, DAYS.');
  if (typeof ttl.value !== 'number' || !Number.isInteger(ttl.value) || ttl.value <= 0) {
    throw errors.invalidTtl('ttl.value must be a positive integer.');
  }
  const ms = ttl.value * unit;
  if (ms > MAX_TTL_MS) throw errors.invalidTtl('The maximum supported TTL is 1 year.');
  return ms;
}
