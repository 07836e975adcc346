/**
 * Custom entity definitions as the manifest declares them (`app.storage.entities`), and their
 * resolved form: every index with its partition attributes and its one range attribute.
 */

export type AttributeType = 'any' | 'boolean' | 'float' | 'integer' | 'string';

export interface EntityDefinition {
  name: string;
  attributes: Record<string, { type: AttributeType }>;
  indexes?: Array<string | { name: string; range: { attribute: string }; partition?: string[] }>;
}

export interface ResolvedIndex {
  name: string;
  partition: string[];
  range: string;
  /** Changes whenever the index's definition changes, so stored index entries can be rebuilt. */
  signature: string;
}

export interface ResolvedEntity {
  name: string;
  attributes: Map<string, AttributeType>;
  indexes: Map<string, ResolvedIndex>;
}

/** The index Forge creates for every entity's key; it needs no declaration. */
export const KEY_INDEX = 'by-key';

const ATTRIBUTE_TYPES: readonly AttributeType[] = ['any', 'boolean', 'float', 'integer', 'string'];
const ENTITY_NAME = /^(?![_.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<![.])$/;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads `app.storage.entities` from a parsed manifest (js-yaml object). The manifest writes a named
 * index's range as a one-element list (`range: [age]`); it becomes `range: { attribute: 'age' }`.
 * Returns [] when the manifest declares no entities; throws when the declaration is malformed.
 */
export function entityDefinitionsFromManifest(manifest: unknown): EntityDefinition[] {
  const app = isRecord(manifest) ? manifest.app : undefined;
  const storage = isRecord(app) ? app.storage : undefined;
  const entities = isRecord(storage) ? storage.entities : undefined;
  if (entities === undefined) return [];
  if (!Array.isArray(entities)) throw new Error('manifest app.storage.entities must be a list');
  return entities.map((raw, i): EntityDefinition => {
    if (!isRecord(raw) || typeof raw.name !== 'string' || !isRecord(raw.attributes)) {
      throw new Error(`manifest app.storage.entities[${i}] needs a name and attributes`);
    }
    const attributes: EntityDefinition['attributes'] = {};
    for (const [attr, spec] of Object.entries(raw.attributes)) {
      const type = isRecord(spec) ? spec.type : undefined;
      if (!ATTRIBUTE_TYPES.includes(type as AttributeType)) {
        throw new Error(
          `entity ${raw.name}: attribute ${attr} has no valid type (${ATTRIBUTE_TYPES.join(', ')})`,
        );
      }
      attributes[attr] = { type: type as AttributeType };
    }
    const indexes: NonNullable<EntityDefinition['indexes']> = [];
    for (const idx of Array.isArray(raw.indexes) ? raw.indexes : []) {
      if (typeof idx === 'string') {
        indexes.push(idx);
        continue;
      }
      const range = isRecord(idx) ? idx.range : undefined;
      if (
        !isRecord(idx) ||
        typeof idx.name !== 'string' ||
        !Array.isArray(range) ||
        typeof range[0] !== 'string'
      ) {
        throw new Error(`entity ${raw.name}: a named index needs a name and a range attribute`);
      }
      if (range.length !== 1)
        throw new Error(`entity ${raw.name}: index ${idx.name} may have only one range attribute`);
      const partition = idx.partition;
      if (
        partition !== undefined &&
        (!Array.isArray(partition) || !partition.every((p) => typeof p === 'string'))
      ) {
        throw new Error(`entity ${raw.name}: index ${idx.name} partition must be a list of attribute names`);
      }
      indexes.push({
        name: idx.name,
        range: { attribute: range[0] },
        ...(partition ? { partition: partition } : {}),
      });
    }
    return { name: raw.name, attributes, ...(indexes.length ? { indexes } : {}) };
  });
}

/** Checks a set of definitions the way `forge deploy` would and resolves their indexes. */
export function resolveEntities(defs: EntityDefinition[]): Map<string, ResolvedEntity> {
  const out = new Map<string, ResolvedEntity>();
  for (const def of defs) {
    if (def.name.length < 3 || def.name.length > 60 || !ENTITY_NAME.test(def.name)) {
      throw new Error(`entity name "${def.name}" is not valid (3-60 characters of a-z0-9:-_.)`);
    }
    if (out.has(def.name)) throw new Error(`entity "${def.name}" is declared twice`);
    const attributes = new Map(Object.entries(def.attributes).map(([k, v]) => [k, v.type] as const));
    const indexes = new Map<string, ResolvedIndex>();
    for (const idx of def.indexes ?? []) {
      const spec =
        typeof idx === 'string'
          ? { name: idx, partition: [] as string[], range: idx }
          : { name: idx.name, partition: idx.partition ?? [], range: idx.range.attribute };
      if (spec.name === KEY_INDEX || indexes.has(spec.name)) {
        throw new Error(`entity ${def.name}: index name "${spec.name}" is reserved or used twice`);
      }
      for (const attr of [...spec.partition, spec.range]) {
        const type = attributes.get(attr);
        if (type === undefined)
          throw new Error(`entity ${def.name}: index ${spec.name} uses undeclared attribute ${attr}`);
        if (type === 'any')
          throw new Error(`entity ${def.name}: index ${spec.name} cannot use attribute ${attr} of type any`);
      }
      const signature = JSON.stringify([
        spec.partition.map((p) => [p, attributes.get(p)]),
        spec.range,
        attributes.get(spec.range),
      ]);
      indexes.set(spec.name, { ...spec, signature });
    }
    if (indexes.size > 7) throw new Error(`entity ${def.name}: at most 7 indexes are allowed`);
    out.set(def.name, { name: def.name, attributes, indexes });
  }
  return out;
}
