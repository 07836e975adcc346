import { load } from 'js-yaml';
import { entityDefinitionsFromManifest, resolveEntities } from './entity-definitions';

// The example entity of Atlassian's "Defining Custom Entities" page.
const MANIFEST = `
app:
  id: "ari:cloud:ecosystem::app/406d303d-0393-4ec4-ad7c-1435be94583a"
  storage:
    entities:
      - name: employee
        attributes:
          surname:
            type: string
          age:
            type: integer
          employmentyear:
            type: integer
          gender:
            type: string
          nationality:
            type: string
        indexes:
          - surname
          - employmentyear
          - name: by-age
            range:
              - age
          - name: by-age-per-gender
            partition:
              - gender
            range:
              - age
`;

describe('entityDefinitionsFromManifest', () => {
  it('reads app.storage.entities, turning a range list into { attribute }', () => {
    expect(entityDefinitionsFromManifest(load(MANIFEST))).toEqual([
      {
        name: 'employee',
        attributes: {
          surname: { type: 'string' },
          age: { type: 'integer' },
          employmentyear: { type: 'integer' },
          gender: { type: 'string' },
          nationality: { type: 'string' },
        },
        indexes: [
          'surname',
          'employmentyear',
          { name: 'by-age', range: { attribute: 'age' } },
          { name: 'by-age-per-gender', partition: ['gender'], range: { attribute: 'age' } },
        ],
      },
    ]);
  });

  it('returns no entities for a manifest without storage', () => {
    expect(entityDefinitionsFromManifest(load('app:\n  id: x\n'))).toEqual([]);
    expect(entityDefinitionsFromManifest(undefined)).toEqual([]);
  });

  it.each([
    ['an unknown attribute type', 'attributes: { a: { type: date } }'],
    ['a named index without range', 'attributes: { a: { type: string } }\n        indexes: [{ name: by-a }]'],
    [
      'two range attributes',
      'attributes: { a: { type: string }, b: { type: string } }\n        indexes: [{ name: by-ab, range: [a, b] }]',
    ],
  ])('throws on %s', (_label, body) => {
    const manifest = load(`app:\n  storage:\n    entities:\n      - name: thing\n        ${body}\n`);
    expect(() => entityDefinitionsFromManifest(manifest)).toThrow();
  });
});

describe('resolveEntities', () => {
  it('resolves a simple index to a range on its attribute and a named one to its partition and range', () => {
    const resolved = resolveEntities(entityDefinitionsFromManifest(load(MANIFEST)));
    const employee = resolved.get('employee');
    expect(employee?.indexes.get('surname')).toMatchObject({ partition: [], range: 'surname' });
    expect(employee?.indexes.get('by-age-per-gender')).toMatchObject({ partition: ['gender'], range: 'age' });
  });

  it.each([
    [
      'an index on an undeclared attribute',
      { name: 'thing', attributes: { a: { type: 'string' as const } }, indexes: ['b'] },
    ],
    [
      'an index on an any attribute',
      { name: 'thing', attributes: { a: { type: 'any' as const } }, indexes: ['a'] },
    ],
    ['a too-short entity name', { name: 'ab', attributes: {} }],
    ['an upper-case entity name', { name: 'Thing', attributes: {} }],
    [
      'the reserved index name by-key',
      {
        name: 'thing',
        attributes: { a: { type: 'string' as const } },
        indexes: [{ name: 'by-key', range: { attribute: 'a' } }],
      },
    ],
  ])('refuses %s', (_label, def) => {
    expect(() => resolveEntities([def])).toThrow();
  });
});
