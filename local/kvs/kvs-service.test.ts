/**
 * The emulated KVS driven through the real, unmodified @forge/kvs SDK.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityDefinition } from './kvs-service';
import { type KvsTestSite, startKvsTestSite } from './kvs-test-site';

const EMPLOYEE: EntityDefinition = {
  name: 'employee',
  attributes: {
    surname: { type: 'string' },
    age: { type: 'integer' },
    gender: { type: 'string' },
    nationality: { type: 'string' },
    employmentyear: { type: 'integer' },
    rating: { type: 'float' },
    active: { type: 'boolean' },
    notes: { type: 'any' },
  },
  indexes: [
    'surname',
    { name: 'by-age', range: { attribute: 'age' } },
    { name: 'by-gender-age', partition: ['gender'], range: { attribute: 'age' } },
    {
      name: 'by-active-nationality',
      partition: ['active', 'nationality'],
      range: { attribute: 'employmentyear' },
    },
  ],
};

interface Employee {
  surname: string;
  age: number;
  gender: string;
  nationality: string;
  employmentyear: number;
  rating?: number;
  active?: boolean;
  notes?: unknown;
}

const STAFF: Array<[string, Employee]> = [
  [
    'emp-01',
    {
      surname: 'Davis',
      age: 30,
      gender: 'male',
      nationality: 'Australian',
      employmentyear: 2022,
      active: true,
    },
  ],
  [
    'emp-02',
    {
      surname: 'Scott',
      age: 41,
      gender: 'female',
      nationality: 'Australian',
      employmentyear: 2019,
      active: true,
    },
  ],
  [
    'emp-03',
    {
      surname: 'Smith',
      age: 25,
      gender: 'female',
      nationality: 'British',
      employmentyear: 2023,
      active: false,
    },
  ],
  [
    'emp-04',
    {
      surname: 'Nguyen',
      age: 35,
      gender: 'female',
      nationality: 'Australian',
      employmentyear: 2021,
      active: true,
    },
  ],
  [
    'emp-05',
    {
      surname: 'Okafor',
      age: 52,
      gender: 'male',
      nationality: 'Nigerian',
      employmentyear: 2008,
      active: true,
    },
  ],
  [
    'emp-06',
    { surname: 'Sato', age: 35, gender: 'male', nationality: 'Japanese', employmentyear: 2015, rating: 4.5 },
  ],
  [
    'emp-07',
    {
      surname: 'Schulz',
      age: 29,
      gender: 'female',
      nationality: 'German',
      employmentyear: 2024,
      active: true,
    },
  ],
];

let site: KvsTestSite;
const sdk = () => site.sdk;

async function seedStaff() {
  for (const [key, value] of STAFF) await sdk().kvs.entity<Employee>('employee').set(key, value);
}

/** Resolves to the ForgeKvsAPIError the promise rejects with, checking code and status. */
async function kvsError(promise: Promise<unknown>, code: string, status = 400) {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(sdk().ForgeKvsAPIError);
  const e = err as InstanceType<ReturnType<typeof sdk>['ForgeKvsAPIError']>;
  expect({ code: e.code, status: e.responseDetails.status }).toEqual({ code, status });
  return e;
}

const keysOf = (r: { results: Array<{ key: string }> }) => r.results.map((x) => x.key);

beforeEach(() => {
  site = startKvsTestSite({ entities: [EMPLOYEE] });
});
afterEach(() => site.close());

describe('the SDK hook', () => {
  it('sends every call to __forge_fetch__ as { type: kvs, provider: app, remote: kvs } with a POST JSON body', async () => {
    await sdk().kvs.set('hello', 'world');
    expect(site.calls).toHaveLength(1);
    const call = site.calls[0];
    expect(call?.opts).toEqual({ type: 'kvs', provider: 'app', remote: 'kvs' });
    expect(call?.path).toBe('/api/v1/set');
    expect(call?.init.method).toBe('POST');
    expect(JSON.parse(call?.init.body ?? '')).toEqual({ key: 'hello', value: 'world' });
  });

  it('answers anything but POST with 405 and unknown paths with 404', async () => {
    const res = await site.service.handle({
      method: 'GET',
      path: '/api/v1/get',
      query: new URLSearchParams(),
      headers: {},
      body: undefined,
      actor: { kind: 'app' },
      selfGenerated: true,
    });
    expect(res.status).toBe(405);
    expect((await site.raw('/api/v1/nope', {})).status).toBe(404);
  });
});

describe('key-value basics', () => {
  const values: Array<[string, unknown]> = [
    ['a string', 'Hello world'],
    ['an empty string', ''],
    ['unicode', 'Grüße, 世界 🚀'],
    ['an integer', 123],
    ['zero', 0],
    ['a negative float', -12.75],
    ['true', true],
    ['false', false],
    ['an object', { hello: 'world', nested: { list: [1, 'two', { three: null }] } }],
    ['an empty object', {}],
    ['an array', ['Hello', 'World', 42, false]],
    ['an empty array', []],
  ];
  it.each(values)('round-trips %s', async (_label, value) => {
    await sdk().kvs.set('example-key', value);
    expect(await sdk().kvs.get('example-key')).toEqual(value);
  });

  it('returns undefined for a missing key, and deleting a missing key succeeds', async () => {
    expect(await sdk().kvs.get('never-set')).toBeUndefined();
    await expect(sdk().kvs.delete('never-set')).resolves.toBeUndefined();
  });

  it('overwrites (last write wins) and deletes', async () => {
    await sdk().kvs.set('k', 1);
    await sdk().kvs.set('k', 2);
    expect(await sdk().kvs.get('k')).toBe(2);
    await sdk().kvs.delete('k');
    expect(await sdk().kvs.get('k')).toBeUndefined();
  });

  it('reports createdAt / updatedAt (ms) and expireTime (ISO) only when asked', async () => {
    const t0 = site.clock.now().getTime();
    await sdk().kvs.set('meta', 'v1', { ttl: { value: 2, unit: 'DAYS' } });
    site.clock.advance(5_000);
    await sdk().kvs.set('meta', 'v2', { ttl: { value: 2, unit: 'DAYS' } });
    const all = await sdk().kvs.get('meta', {
      metadataFields: [
        sdk().MetadataField.CREATED_AT,
        sdk().MetadataField.UPDATED_AT,
        sdk().MetadataField.EXPIRE_TIME,
      ],
    });
    expect(all).toEqual({
      key: 'meta',
      value: 'v2',
      createdAt: t0,
      updatedAt: t0 + 5_000,
      expireTime: new Date(t0 + 5_000 + 2 * 86_400_000).toISOString(),
    });
    expect(await sdk().kvs.get('meta', { metadataFields: [sdk().MetadataField.CREATED_AT] })).toEqual({
      key: 'meta',
      value: 'v2',
      createdAt: t0,
    });
  });

  it('keeps secrets apart: not readable with get, not listed by query', async () => {
    await sdk().kvs.setSecret('token', { apiKey: 's3cret' });
    expect(await sdk().kvs.getSecret('token')).toEqual({ apiKey: 's3cret' });
    expect(await sdk().kvs.get('token')).toBeUndefined();
    expect((await sdk().kvs.query().getMany()).results).toEqual([]);
    await sdk().kvs.deleteSecret('token');
    expect(await sdk().kvs.getSecret('token')).toBeUndefined();
  });
});

describe('set options', () => {
  it('FAIL_IF_EXISTS refuses an existing key with 409 and leaves it unchanged', async () => {
    await sdk().kvs.set('once', 'first', { keyPolicy: 'FAIL_IF_EXISTS' });
    await kvsError(
      sdk().kvs.set('once', 'second', { keyPolicy: 'FAIL_IF_EXISTS' }),
      'KEY_ALREADY_EXISTS',
      409,
    );
    expect(await sdk().kvs.get('once')).toBe('first');
    await sdk().kvs.set('once', 'third', { keyPolicy: 'OVERRIDE' });
    expect(await sdk().kvs.get('once')).toBe('third');
  });

  it('returnValue LATEST returns what was written, PREVIOUS what was replaced (undefined when nothing was)', async () => {
    const { MetadataField } = sdk();
    expect(
      await sdk().kvs.set('rv', 'a', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' }),
    ).toBeUndefined();
    const latest = await sdk().kvs.set('rv', 'b', {
      keyPolicy: 'OVERRIDE',
      returnValue: 'LATEST',
      returnMetadataFields: [MetadataField.CREATED_AT],
    });
    expect(latest).toEqual({ key: 'rv', value: 'b', createdAt: site.clock.now().getTime() });
    expect(await sdk().kvs.set('rv', 'c', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toEqual({
      key: 'rv',
      value: 'b',
    });
    expect(await sdk().kvs.get('rv')).toBe('c');
  });

  it('works the same on entities and secrets', async () => {
    const e = sdk().kvs.entity<Employee>('employee');
    const [key, value] = STAFF[0] as [string, Employee];
    await e.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS' });
    await kvsError(e.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS' }), 'KEY_ALREADY_EXISTS', 409);
    await sdk().kvs.setSecret('s', 1, { keyPolicy: 'FAIL_IF_EXISTS' });
    await kvsError(sdk().kvs.setSecret('s', 2, { keyPolicy: 'FAIL_IF_EXISTS' }), 'KEY_ALREADY_EXISTS', 409);
    expect(await sdk().kvs.getSecret('s')).toBe(1);
  });
});

describe('kvs.query', () => {
  beforeEach(async () => {
    for (let i = 1; i <= 5; i++) await sdk().kvs.set(`account.${i}`, `account ${i}`);
    for (let i = 1; i <= 4; i++) await sdk().kvs.set(`user.${i}`, `user ${i}`);
  });

  it('pages through beginsWith matches in key order, as in the Forge docs example', async () => {
    const q = () => sdk().kvs.query().limit(2).where('key', sdk().WhereConditions.beginsWith('account.'));
    const first = await q().getMany<string>();
    expect(keysOf(first)).toEqual(['account.1', 'account.2']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await q()
      .cursor(first.nextCursor ?? '')
      .getMany<string>();
    expect(keysOf(second)).toEqual(['account.3', 'account.4']);
    const third = await q()
      .cursor(second.nextCursor ?? '')
      .getMany<string>();
    expect(third.results).toEqual([{ key: 'account.5', value: 'account 5' }]);
    expect(third.nextCursor).toBeUndefined();
  });

  it('lists everything without a where, 10 per page by default, and excludes entities', async () => {
    await seedStaff();
    const page = await sdk().kvs.query().getMany();
    expect(page.results).toHaveLength(9);
    expect(page.nextCursor).toBeUndefined();
    expect(keysOf(page)[0]).toBe('account.1');
    for (let i = 5; i <= 9; i++) await sdk().kvs.set(`user.${i}`, i);
    const full = await sdk().kvs.query().getMany();
    expect(full.results).toHaveLength(10);
    expect(full.nextCursor).toBeDefined();
  });

  it('getOne returns the first match or undefined, and metadata when asked', async () => {
    expect(await sdk().kvs.query().where('key', sdk().WhereConditions.beginsWith('user.')).getOne()).toEqual({
      key: 'user.1',
      value: 'user 1',
    });
    expect(
      await sdk().kvs.query().where('key', sdk().WhereConditions.beginsWith('zzz')).getOne(),
    ).toBeUndefined();
    const withMeta = await sdk()
      .kvs.query({ metadataFields: [sdk().MetadataField.UPDATED_AT] })
      .where('key', sdk().WhereConditions.beginsWith('user.4'))
      .getMany();
    expect(withMeta.results).toEqual([
      { key: 'user.4', value: 'user 4', updatedAt: site.clock.now().getTime() },
    ]);
  });

  it('rejects a cursor from another query', async () => {
    await seedStaff();
    const entityPage = await sdk().kvs.entity('employee').query().index('by-age').limit(1).getMany();
    await kvsError(
      sdk()
        .kvs.query()
        .cursor(entityPage.nextCursor ?? '')
        .getMany(),
      'INVALID_CURSOR',
    );
    await kvsError(sdk().kvs.query().cursor('not-a-cursor').getMany(), 'INVALID_CURSOR');
  });
});

describe('custom entities', () => {
  beforeEach(seedStaff);
  const employees = () => sdk().kvs.entity<Employee>('employee');

  it('gets, overwrites and deletes entity values', async () => {
    expect(await employees().get('emp-06')).toEqual(STAFF[5]?.[1]);
    await employees().set('emp-06', { ...(STAFF[5]?.[1] as Employee), age: 36, notes: { any: ['thing'] } });
    expect(await employees().get('emp-06')).toMatchObject({ age: 36, notes: { any: ['thing'] } });
    await employees().delete('emp-06');
    expect(await employees().get('emp-06')).toBeUndefined();
    expect(keysOf(await employees().query().index('by-age').limit(100).getMany())).not.toContain('emp-06');
  });

  it('keeps entity keys apart from plain keys', async () => {
    expect(await sdk().kvs.get('emp-01')).toBeUndefined();
    await sdk().kvs.set('emp-01', 'plain');
    expect(await employees().get('emp-01')).toMatchObject({ surname: 'Davis' });
  });

  it('enforces the declared attribute types and refuses undeclared attributes', async () => {
    const base = STAFF[0]?.[1] as Employee;
    const bad: Array<Record<string, unknown>> = [
      { ...base, age: '30' },
      { ...base, age: 30.5 },
      { ...base, age: 2 ** 31 },
      { ...base, surname: '   ' },
      { ...base, active: 'yes' },
      { ...base, rating: 1e200 },
      { ...base, salary: 100 },
    ];
    for (const value of bad) {
      await kvsError(sdk().kvs.entity('employee').set('emp-01', value), 'INVALID_ENTITY_VALUE');
    }
    await kvsError(
      sdk().kvs.entity('employee').set('emp-01', ['not', 'an', 'object']),
      'INVALID_ENTITY_VALUE',
    );
    expect(await employees().get('emp-01')).toEqual(base);
  });

  it('refuses unknown entities and malformed entity names', async () => {
    await kvsError(sdk().kvs.entity('contractor').set('c1', { a: 1 }), 'INVALID_ENTITY_TYPE');
    await kvsError(sdk().kvs.entity('contractor').get('c1'), 'INVALID_ENTITY_TYPE');
    await kvsError(sdk().kvs.entity('ab').get('c1'), 'ENTITY_TYPE_TOO_SHORT');
    await kvsError(sdk().kvs.entity('x'.repeat(61)).get('c1'), 'ENTITY_TYPE_TOO_LARGE');
    await kvsError(sdk().kvs.entity('Employee').get('c1'), 'INVALID_ENTITY_TYPE');
  });

  describe('index queries', () => {
    const {
      WhereConditions: W,
      FilterConditions: F,
      Filter,
      Sort,
    } = jest.requireActual<typeof import('@forge/kvs')>('@forge/kvs');
    const byAge = () => employees().query().index('by-age').limit(100);

    it('orders by the range attribute, then key; DESC reverses', async () => {
      expect(keysOf(await byAge().getMany())).toEqual([
        'emp-03',
        'emp-07',
        'emp-01',
        'emp-04',
        'emp-06',
        'emp-02',
        'emp-05',
      ]);
      expect(keysOf(await byAge().sort(Sort.DESC).getMany())).toEqual([
        'emp-05',
        'emp-02',
        'emp-06',
        'emp-04',
        'emp-01',
        'emp-07',
        'emp-03',
      ]);
    });

    it.each([
      ['equalTo', W.equalTo(35), ['emp-04', 'emp-06']],
      ['greaterThan', W.greaterThan(35), ['emp-02', 'emp-05']],
      ['greaterThanEqualTo', W.greaterThanEqualTo(35), ['emp-04', 'emp-06', 'emp-02', 'emp-05']],
      ['lessThan', W.lessThan(30), ['emp-03', 'emp-07']],
      ['lessThanEqualTo', W.lessThanEqualTo(30), ['emp-03', 'emp-07', 'emp-01']],
      ['between', W.between(29, 35), ['emp-07', 'emp-01', 'emp-04', 'emp-06']],
    ])('where %s on an integer range', async (_name, condition, expected) => {
      expect(keysOf(await byAge().where(condition).getMany())).toEqual(expected);
    });

    it('where beginsWith / between on a string index and on by-key', async () => {
      const surname = () => employees().query().index('surname');
      expect(keysOf(await surname().where(W.beginsWith('S')).getMany())).toEqual([
        'emp-06',
        'emp-07',
        'emp-02',
        'emp-03',
      ]);
      expect(keysOf(await surname().where(W.between('N', 'Ok')).getMany())).toEqual(['emp-04']);
      const byKey = await employees().query().index('by-key').where(W.beginsWith('emp-0')).limit(3).getMany();
      expect(keysOf(byKey)).toEqual(['emp-01', 'emp-02', 'emp-03']);
      expect(
        keysOf(await employees().query().index('by-key').where(W.greaterThan('emp-05')).getMany()),
      ).toEqual(['emp-06', 'emp-07']);
    });

    it('partitions select exact matches, with several partition attributes in declared order', async () => {
      const females = await employees()
        .query()
        .index('by-gender-age', { partition: ['female'] })
        .where(W.greaterThan(28))
        .getMany();
      expect(keysOf(females)).toEqual(['emp-07', 'emp-04', 'emp-02']);
      const activeAustralians = await employees()
        .query()
        .index('by-active-nationality', { partition: [true, 'Australian'] })
        .sort(Sort.DESC)
        .getMany();
      expect(keysOf(activeAustralians)).toEqual(['emp-01', 'emp-04', 'emp-02']);
      // emp-06 has no `active`, so it is absent from that index (sparse), not a `false` entry.
      const inactive = await employees()
        .query()
        .index('by-active-nationality', { partition: [false, 'Japanese'] })
        .getMany();
      expect(inactive.results).toEqual([]);
    });

    it('filters with and / or and every filter condition', async () => {
      const run = async (filter: Parameters<ReturnType<typeof byAge>['filters']>[0]) =>
        keysOf(await byAge().filters(filter).getMany());
      expect(
        await run(
          new Filter<Employee>()
            .and('nationality', F.equalTo('Australian'))
            .and('employmentyear', F.greaterThan(2020)),
        ),
      ).toEqual(['emp-01', 'emp-04']);
      expect(
        await run(new Filter<Employee>().or('surname', F.beginsWith('Sa')).or('age', F.lessThan(26))),
      ).toEqual(['emp-03', 'emp-06']);
      expect(await run(new Filter<Employee>().and('surname', F.contains('cot')))).toEqual(['emp-02']);
      expect(await run(new Filter<Employee>().and('surname', F.notContains('s')))).toEqual([
        'emp-03',
        'emp-07',
        'emp-04',
        'emp-06',
        'emp-02',
        'emp-05',
      ]);
      expect(await run(new Filter<Employee>().and('gender', F.notEqualTo('female')))).toEqual([
        'emp-01',
        'emp-06',
        'emp-05',
      ]);
      expect(await run(new Filter<Employee>().and('rating', F.exists()))).toEqual(['emp-06']);
      expect(await run(new Filter<Employee>().and('active', F.notExists()))).toEqual(['emp-06']);
      expect(await run(new Filter<Employee>().and('active', F.equalTo(false)))).toEqual(['emp-03']);
      expect(await run(new Filter<Employee>().and('employmentyear', F.between(2015, 2021)))).toEqual([
        'emp-04',
        'emp-06',
        'emp-02',
      ]);
      expect(await run(new Filter<Employee>().and('employmentyear', F.greaterThanEqualTo(2023)))).toEqual([
        'emp-03',
        'emp-07',
      ]);
      expect(await run(new Filter<Employee>().and('employmentyear', F.lessThanEqualTo(2008)))).toEqual([
        'emp-05',
      ]);
      expect(await run(new Filter<Employee>().and('nationality', F.lessThan('B')))).toEqual([
        'emp-01',
        'emp-04',
        'emp-02',
      ]);
    });

    it('pages with a cursor; filters apply per page, so a page can be short while a cursor remains', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const q = employees()
          .query()
          .index('by-age')
          .limit(2)
          .filters(new Filter<Employee>().and('gender', F.equalTo('male')));
        const page = await (cursor ? q.cursor(cursor) : q).getMany();
        expect(page.results.length).toBeLessThanOrEqual(2);
        seen.push(...keysOf(page));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(4);
      expect(seen).toEqual(['emp-01', 'emp-06', 'emp-05']);
    });

    it('returns metadata fields for query results when asked', async () => {
      const page = await sdk()
        .kvs.entity<Employee>('employee')
        .query({ metadataFields: [sdk().MetadataField.CREATED_AT] })
        .index('by-age')
        .where(W.equalTo(52))
        .getMany();
      expect(page.results).toEqual([
        { key: 'emp-05', value: STAFF[4]?.[1], createdAt: site.clock.now().getTime() },
      ]);
    });

    it('refuses unknown indexes, wrong partitions, bad limits and conditions that do not fit the attribute', async () => {
      await kvsError(employees().query().index('by-salary').getMany(), 'INVALID_ENTITY_INDEX');
      await kvsError(employees().query().index('by-gender-age').getMany(), 'BAD_REQUEST');
      await kvsError(
        employees()
          .query()
          .index('by-gender-age', { partition: [42] })
          .getMany(),
        'BAD_REQUEST',
      );
      await kvsError(
        employees().query().index('by-age').limit(101).getMany(),
        'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE',
      );
      await kvsError(
        employees().query().index('by-age').limit(0).getMany(),
        'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE',
      );
      await kvsError(
        employees().query().index('by-age').where(W.beginsWith('3')).getMany(),
        'INVALID_FILTER_VALUES',
      );
      await kvsError(
        employees().query().index('by-age').where(W.greaterThan('thirty')).getMany(),
        'INVALID_FILTER_VALUES',
      );
      await kvsError(
        byAge().filters(new Filter<Employee>().and('notes', F.exists())).getMany(),
        'INVALID_FILTER_ATTRIBUTE',
        422,
      );
      await kvsError(
        byAge()
          .filters(new Filter<Employee>().and('age', F.contains('3')))
          .getMany(),
        'INVALID_FILTER_VALUES',
      );
    });

    it('refuses filter shapes the SDK cannot build but a raw client can', async () => {
      const query = { entityName: 'employee', indexName: 'by-age' };
      const both = await site.raw('/api/v1/entity/query', {
        ...query,
        filters: { and: [{ property: 'age', condition: 'EXISTS', values: [true] }], or: [] },
      });
      expect(both).toEqual({
        status: 400,
        body: expect.objectContaining({ code: 'INVALID_FILTER_OPERATORS_COMBINATION' }),
      });
      const empty = await site.raw('/api/v1/entity/query', { ...query, filters: { and: [] } });
      expect(empty.body).toEqual(expect.objectContaining({ code: 'EMPTY_FILTER_OPERATOR' }));
      const oneValue = await site.raw('/api/v1/entity/query', {
        ...query,
        range: { condition: 'BETWEEN', values: [1] },
      });
      expect(oneValue.body).toEqual(expect.objectContaining({ code: 'INSUFFICIENT_FILTER_VALUES' }));
      const unknown = await site.raw('/api/v1/entity/query', {
        ...query,
        range: { condition: 'LIKE', values: ['x'] },
      });
      expect(unknown.body).toEqual(expect.objectContaining({ code: 'INVALID_FILTER_CONDITION' }));
      const many = Array.from({ length: 101 }, () => ({
        property: 'age',
        condition: 'EXISTS',
        values: [true],
      }));
      const tooMany = await site.raw('/api/v1/entity/query', { ...query, filters: { or: many } });
      expect(tooMany.body).toEqual(expect.objectContaining({ code: 'QUERY_CONDITIONS_LIMIT_EXCEEDED' }));
    });
  });
});

describe('batch operations', () => {
  it('sets a mix of plain keys and entities, reporting the items that failed', async () => {
    const result = await sdk().kvs.batchSet<unknown>([
      { key: 'plain-1', value: { foo: 'bar' } },
      {
        key: 'emp-01',
        value: STAFF[0]?.[1],
        entityName: 'employee',
        options: { ttl: { unit: 'DAYS', value: 7 } },
      },
      { key: 'emp-02', value: { surname: 'Scott', age: -1.5 }, entityName: 'employee' },
      { key: 'bad/key', value: 1 },
    ]);
    expect(result.successfulKeys).toEqual([{ key: 'plain-1' }, { key: 'emp-01', entityName: 'employee' }]);
    expect(result.failedKeys).toEqual([
      {
        key: 'emp-02',
        entityName: 'employee',
        error: { code: 'INVALID_ENTITY_VALUE', message: expect.any(String) },
      },
      { key: 'bad/key', error: { code: 'INVALID_KEY', message: expect.any(String) } },
    ]);
    expect(await sdk().kvs.get('plain-1')).toEqual({ foo: 'bar' });
    expect(await sdk().kvs.entity('employee').get('emp-02')).toBeUndefined();
  });

  it('gets many keys at once; missing keys come back as KEY_NOT_FOUND failures', async () => {
    await sdk().kvs.set('a', 1);
    await sdk().kvs.entity('employee').set('emp-01', STAFF[0]?.[1]);
    const result = await sdk().kvs.batchGet([
      { key: 'a' },
      { key: 'emp-01', entityName: 'employee' },
      { key: 'missing' },
    ]);
    expect(result.successfulKeys).toEqual([
      { key: 'a', value: 1 },
      { key: 'emp-01', entityName: 'employee', value: STAFF[0]?.[1] },
    ]);
    expect(result.failedKeys).toEqual([
      { key: 'missing', error: { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' } },
    ]);
  });

  it('deletes many keys at once', async () => {
    await sdk().kvs.batchSet([
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
    ]);
    const result = await sdk().kvs.batchDelete([{ key: 'a' }, { key: 'b' }, { key: 'never' }]);
    expect(result.successfulKeys).toHaveLength(3);
    expect(await sdk().kvs.get('a')).toBeUndefined();
    expect(await sdk().kvs.get('b')).toBeUndefined();
  });

  it('fails as a whole when empty, over 25 items or repeating a key, writing nothing', async () => {
    const items = Array.from({ length: 26 }, (_, i) => ({ key: `k${i}`, value: i }));
    await kvsError(sdk().kvs.batchSet(items), 'BATCH_SIZE_EXCEEDED');
    await kvsError(sdk().kvs.batchSet([]), 'BATCH_EMPTY');
    await kvsError(
      sdk().kvs.batchSet([
        { key: 'dup', value: 1 },
        { key: 'dup', value: 2 },
      ]),
      'DUPLICATE_KEYS',
    );
    await kvsError(sdk().kvs.batchGet(items), 'BATCH_SIZE_EXCEEDED');
    await kvsError(sdk().kvs.batchDelete(items), 'BATCH_SIZE_EXCEEDED');
    expect((await sdk().kvs.query().getMany()).results).toEqual([]);
    expect(site.service.counts().writes).toBe(0);
  });
});

describe('transactions', () => {
  beforeEach(seedStaff);
  const { Filter, FilterConditions: F } = jest.requireActual<typeof import('@forge/kvs')>('@forge/kvs');

  it('applies sets, deletes and checks together', async () => {
    await sdk().kvs.set('counter', 1);
    await sdk()
      .kvs.transact()
      .set('counter', 2)
      .set('log-1', 'incremented', undefined, { ttl: { unit: 'HOURS', value: 1 } })
      .set<Employee>(
        'emp-08',
        { surname: 'Ito', age: 44, gender: 'male', nationality: 'Japanese', employmentyear: 2010 },
        {
          entityName: 'employee',
          conditions: new Filter<Employee>().and('surname', F.notExists()),
        },
      )
      .delete('emp-03', { entityName: 'employee' })
      .check('emp-02', {
        entityName: 'employee',
        conditions: new Filter<Employee>().and('age', F.greaterThan(40)),
      })
      .execute();
    expect(await sdk().kvs.get('counter')).toBe(2);
    expect(await sdk().kvs.get('log-1')).toBe('incremented');
    expect(await sdk().kvs.entity('employee').get('emp-08')).toMatchObject({ surname: 'Ito' });
    expect(await sdk().kvs.entity('employee').get('emp-03')).toBeUndefined();
    expect(
      keysOf(
        await sdk()
          .kvs.entity('employee')
          .query()
          .index('by-age')
          .where(sdk().WhereConditions.equalTo(44))
          .getMany(),
      ),
    ).toEqual(['emp-08']);
  });

  it('writes nothing when a check fails', async () => {
    await sdk().kvs.set('counter', 1);
    const before = site.service.counts().writes;
    await kvsError(
      sdk()
        .kvs.transact()
        .set('counter', 2)
        .delete('emp-01', { entityName: 'employee' })
        .check('emp-02', {
          entityName: 'employee',
          conditions: new Filter<Employee>().and('age', F.lessThan(40)),
        })
        .execute(),
      'CONDITIONAL_CHECK_FAILED',
      409,
    );
    expect(await sdk().kvs.get('counter')).toBe(1);
    expect(await sdk().kvs.entity('employee').get('emp-01')).toBeDefined();
    expect(site.service.counts().writes).toBe(before);
  });

  it('fails a conditional set or delete whose condition does not hold, and a check on a missing key', async () => {
    const e = () => ({ entityName: 'employee' });
    await kvsError(
      sdk()
        .kvs.transact()
        .set(
          'emp-01',
          { ...(STAFF[0]?.[1] as Employee), age: 31 },
          { ...e(), conditions: new Filter<Employee>().and('age', F.equalTo(99)) },
        )
        .execute(),
      'CONDITIONAL_CHECK_FAILED',
      409,
    );
    await kvsError(
      sdk()
        .kvs.transact()
        .delete('emp-01', {
          ...e(),
          conditions: new Filter<Employee>().or('surname', F.beginsWith('X')).or('age', F.greaterThan(60)),
        })
        .execute(),
      'CONDITIONAL_CHECK_FAILED',
      409,
    );
    await kvsError(
      sdk()
        .kvs.transact()
        .set('x', 1)
        .check('emp-99', { ...e(), conditions: new Filter<Employee>().and('surname', F.notExists()) })
        .execute(),
      'CONDITIONAL_CHECK_FAILED',
      409,
    );
    expect(await sdk().kvs.entity('employee').get('emp-01')).toEqual(STAFF[0]?.[1]);
    expect(await sdk().kvs.get('x')).toBeUndefined();
  });

  it('refuses repeated keys, more than 25 operations and invalid operations, writing nothing', async () => {
    await kvsError(sdk().kvs.transact().set('a', 1).delete('a').execute(), 'DUPLICATE_KEYS');
    const big = sdk().kvs.transact();
    for (let i = 0; i < 26; i++) big.set(`k${i}`, i);
    await kvsError(big.execute(), 'TRANSACTION_OPERATIONS_LIMIT_EXCEEDED');
    await kvsError(sdk().kvs.transact().set('ok', 1).set('bad key/', 2).execute(), 'INVALID_KEY');
    await kvsError(
      sdk().kvs.transact().set('ok', 1).set('emp-01', { age: 'old' }, { entityName: 'employee' }).execute(),
      'INVALID_ENTITY_VALUE',
    );
    expect(await sdk().kvs.get('a')).toBeUndefined();
    expect(await sdk().kvs.get('ok')).toBeUndefined();
    expect(await sdk().kvs.get('k0')).toBeUndefined();
  });
});

describe('TTL on the site clock', () => {
  it('hides an expired key from get, query and index queries, and frees it for FAIL_IF_EXISTS', async () => {
    const hour = { ttl: { unit: 'HOURS' as const, value: 1 } };
    await sdk().kvs.set('cache.a', 'A', hour);
    await sdk().kvs.set('cache.b', 'B');
    await sdk().kvs.entity('employee').set('emp-01', STAFF[0]?.[1], hour);
    site.clock.advance(59 * 60_000);
    expect(await sdk().kvs.get('cache.a')).toBe('A');
    site.clock.advance(2 * 60_000);
    expect(await sdk().kvs.get('cache.a')).toBeUndefined();
    expect(
      keysOf(await sdk().kvs.query().where('key', sdk().WhereConditions.beginsWith('cache.')).getMany()),
    ).toEqual(['cache.b']);
    expect(await sdk().kvs.entity('employee').get('emp-01')).toBeUndefined();
    expect((await sdk().kvs.entity('employee').query().index('by-age').getMany()).results).toEqual([]);
    expect((await sdk().kvs.batchGet([{ key: 'cache.a' }])).failedKeys).toHaveLength(1);
    await sdk().kvs.set('cache.a', 'A2', { keyPolicy: 'FAIL_IF_EXISTS' });
    expect(await sdk().kvs.get('cache.a', { metadataFields: [sdk().MetadataField.CREATED_AT] })).toEqual({
      key: 'cache.a',
      value: 'A2',
      createdAt: site.clock.now().getTime(),
    });
  });

  it('clears the expiry when a key is written again without a TTL', async () => {
    await sdk().kvs.set('k', 1, { ttl: { unit: 'SECONDS', value: 30 } });
    await sdk().kvs.set('k', 2);
    site.clock.advance(3_600_000);
    expect(await sdk().kvs.get('k')).toBe(2);
  });
});

describe('limits', () => {
  it.each([
    ['an empty key', '', 'KEY_TOO_SHORT'],
    ['a 501-character key', 'k'.repeat(501), 'KEY_TOO_LONG'],
    ['a key with a slash', 'a/b', 'INVALID_KEY'],
    ['a whitespace-only key', '   ', 'INVALID_KEY'],
    ['a key with a non-ASCII letter', 'clé', 'INVALID_KEY'],
  ])('refuses %s', async (_label, key, code) => {
    await kvsError(sdk().kvs.set(key, 1), code);
    await kvsError(sdk().kvs.get(key), code);
  });

  it('accepts a 500-character key and every allowed character', async () => {
    await sdk().kvs.set('k'.repeat(500), 1);
    await sdk().kvs.set('Aa0:._ -#', 2);
    expect(await sdk().kvs.get('k'.repeat(500))).toBe(1);
    expect(await sdk().kvs.get('Aa0:._ -#')).toBe(2);
  });

  it('refuses an empty entity key with EMPTY_KEY', async () => {
    await kvsError(sdk().kvs.entity('employee').set('', STAFF[0]?.[1]), 'EMPTY_KEY');
  });

  it('refuses values over 240 KiB and deeper than 32 levels, storing nothing', async () => {
    const justFits = 'x'.repeat(240 * 1024 - 2); // plus the two quotes of its JSON
    await sdk().kvs.set('big', justFits);
    await kvsError(sdk().kvs.set('big', `${justFits}x`), 'MAX_SIZE');
    expect(await sdk().kvs.get('big')).toBe(justFits);
    const nest = (n: number): unknown => (n === 0 ? 'leaf' : { n: nest(n - 1) });
    await sdk().kvs.set('deep', nest(32));
    await kvsError(sdk().kvs.set('too-deep', nest(33)), 'MAX_DEPTH');
    expect(await sdk().kvs.get('too-deep')).toBeUndefined();
  });

  it('refuses a list query over 100 and malformed where clauses', async () => {
    await kvsError(sdk().kvs.query().limit(101).getMany(), 'LIST_QUERY_LIMIT_EXCEEDED');
    const two = await site.raw('/api/v1/query', {
      where: [
        { property: 'key', condition: 'BEGINS_WITH', values: ['a'] },
        { property: 'key', condition: 'BEGINS_WITH', values: ['b'] },
      ],
    });
    expect(two.body).toEqual(expect.objectContaining({ code: 'QUERY_WHERE_INVALID' }));
    const field = await site.raw('/api/v1/query', {
      where: [{ property: 'value', condition: 'BEGINS_WITH', values: ['a'] }],
    });
    expect(field.body).toEqual(expect.objectContaining({ code: 'QUERY_WHERE_FIELD_INVALID' }));
    const cond = await site.raw('/api/v1/query', {
      where: [{ property: 'key', condition: 'CONTAINS', values: ['a'] }],
    });
    expect(cond.body).toEqual(expect.objectContaining({ code: 'INVALID_FILTER_CONDITION' }));
  });

  it('refuses a TTL over a year or with a bad unit', async () => {
    await kvsError(sdk().kvs.set('t', 1, { ttl: { unit: 'DAYS', value: 366 } }), 'INVALID_TTL');
    await kvsError(sdk().kvs.set('t', 1, { ttl: { unit: 'WEEKS' as 'DAYS', value: 1 } }), 'INVALID_TTL');
    await kvsError(sdk().kvs.set('t', 1, { ttl: { unit: 'DAYS', value: 0 } }), 'INVALID_TTL');
    expect(await sdk().kvs.get('t')).toBeUndefined();
  });

  it('refuses a body that is not JSON and a value of null', async () => {
    expect((await site.raw('/api/v1/set', 'not json')).body).toEqual(
      expect.objectContaining({ code: 'BAD_REQUEST' }),
    );
    expect((await site.raw('/api/v1/set', { key: 'n', value: null })).body).toEqual(
      expect.objectContaining({ code: 'BAD_REQUEST' }),
    );
  });
});

describe('counts and reset', () => {
  it('counts one read or write per item served, and reset() empties everything', async () => {
    await sdk().kvs.set('a', 1);
    await sdk().kvs.get('a');
    await sdk().kvs.get('missing');
    await sdk().kvs.batchSet([
      { key: 'b', value: 2 },
      { key: 'c', value: 3 },
    ]);
    await sdk().kvs.batchGet([{ key: 'b' }, { key: 'c' }]);
    await sdk().kvs.query().getMany();
    expect(site.service.counts()).toEqual({ reads: 5, writes: 3 });
    await kvsError(sdk().kvs.set('bad/key', 1), 'INVALID_KEY');
    expect(site.service.counts()).toEqual({ reads: 5, writes: 3 });
    await sdk().kvs.setSecret('s', 1);
    await sdk().kvs.entity('employee').set('emp-01', STAFF[0]?.[1]);
    site.service.reset();
    expect(site.service.counts()).toEqual({ reads: 0, writes: 0 });
    expect(await sdk().kvs.get('a')).toBeUndefined();
    expect(await sdk().kvs.getSecret('s')).toBeUndefined();
    expect((await sdk().kvs.entity('employee').query().index('by-age').getMany()).results).toEqual([]);
  });
});

describe('durability', () => {
  let dir: string;
  beforeEach(() => {
    site.close();
    dir = mkdtempSync(join(tmpdir(), 'accord-kvs-'));
    site = startKvsTestSite({ file: join(dir, 'site.sqlite'), entities: [EMPLOYEE] });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps keys, secrets, entities, indexes and TTLs across closing and reopening the database', async () => {
    await sdk().kvs.set('plain', { n: 1 });
    await sdk().kvs.set('short-lived', 1, { ttl: { unit: 'MINUTES', value: 5 } });
    await sdk().kvs.setSecret('secret', 'shh');
    await seedStaff();
    site.reopen();
    expect(await sdk().kvs.get('plain')).toEqual({ n: 1 });
    expect(await sdk().kvs.get('short-lived')).toBe(1);
    expect(await sdk().kvs.getSecret('secret')).toBe('shh');
    const aussies = await sdk()
      .kvs.entity('employee')
      .query()
      .index('by-active-nationality', { partition: [true, 'Australian'] })
      .getMany();
    expect(keysOf(aussies)).toEqual(['emp-02', 'emp-04', 'emp-01']);
    site.clock.advance(6 * 60_000);
    site.reopen();
    expect(await sdk().kvs.get('short-lived')).toBeUndefined();
  });

  it('builds a newly declared index over entities stored before it existed, and drops removed ones', async () => {
    await seedStaff();
    const withYearIndex: EntityDefinition = {
      ...EMPLOYEE,
      indexes: [{ name: 'by-year', range: { attribute: 'employmentyear' } }],
    };
    site.reopen([withYearIndex]);
    const { WhereConditions: W } = sdk();
    const recent = await sdk()
      .kvs.entity('employee')
      .query()
      .index('by-year')
      .where(W.greaterThan(2021))
      .getMany();
    expect(keysOf(recent)).toEqual(['emp-01', 'emp-03', 'emp-07']);
    await kvsError(sdk().kvs.entity('employee').query().index('by-age').getMany(), 'INVALID_ENTITY_INDEX');
    const stale = site.db
      .prepare("SELECT COUNT(*) AS n FROM kvs_index_entries WHERE idx = 'by-age'")
      .get() as { n: number };
    expect(stale.n).toBe(0);
  });
});

describe('scale', () => {
  const TICKET: EntityDefinition = {
    name: 'ticket',
    attributes: { project: { type: 'string' }, rank: { type: 'integer' }, status: { type: 'string' } },
    indexes: [{ name: 'by-project-rank', partition: ['project'], range: { attribute: 'rank' } }],
  };

  it('answers index queries over 100,000 entities with an index seek, not a table scan', async () => {
    site.close();
    site = startKvsTestSite({ entities: [TICKET] });
    const projects = ['ALPHA', 'BETA', 'GAMMA', 'DELTA'];
    for (let start = 0; start < 100_000; start += 25) {
      const items = Array.from({ length: 25 }, (_, j) => {
        const n = start + j;
        return {
          key: `t-${String(n).padStart(6, '0')}`,
          entityName: 'ticket',
          value: { project: projects[n % 4], rank: n, status: n % 10 === 0 ? 'blocked' : 'open' },
        };
      });
      const res = await site.raw('/api/v1/batch/set', items);
      expect(res.status).toBe(200);
    }
    const { WhereConditions: W, Filter, FilterConditions: F } = sdk();
    const page = await sdk()
      .kvs.entity('ticket')
      .query()
      .index('by-project-rank', { partition: ['GAMMA'] })
      .where(W.between(50_000, 50_100))
      .filters(new Filter<{ status: string }>().and('status', F.equalTo('blocked')))
      .limit(100)
      .getMany();
    // GAMMA ranks are 2 mod 4; blocked ones 0 mod 10: 50010, 50030, 50050, 50070, 50090.
    expect(page.results.map((r) => (r.value as { rank: number }).rank)).toEqual([
      50010, 50030, 50050, 50070, 50090,
    ]);
    // The app's filters: 26 of the range's matches are GAMMA, 100 is the limit, so one page covers them all.
    expect(page.nextCursor).toBeUndefined();

    const { KvsStore } = jest.requireActual<typeof import('./kvs-store')>('./kvs-store');
    const store = new KvsStore(site.db, new Map());
    const plan = store.explain({
      ns: 'entity/ticket',
      index: {
        entity: 'ticket',
        def: { name: 'by-project-rank', partition: ['project'], range: 'rank', signature: '' },
        partition: '["GAMMA"]',
      },
      range: { condition: 'GREATER_THAN', values: [99_000] },
      after: [99_100, 't-099100'],
      desc: false,
      limit: 11,
      now: 0,
    });
    expect(plan.join('\n')).toMatch(/SEARCH i USING PRIMARY KEY/);
    expect(plan.join('\n')).toMatch(/SEARCH t USING PRIMARY KEY/);
    expect(plan.join('\n')).not.toMatch(/SCAN|TEMP B-TREE/);
  }, 120_000);
});

describe('model-based property', () => {
  it('agrees with a Map for any sequence of set / delete / get, and query lists the Map in key order', async () => {
    const key = fc.constantFrom('a', 'a.1', 'a.2', 'b', 'b:x', 'c #1', 'c-2', 'z');
    const value = fc
      .jsonValue({ maxDepth: 3 })
      .filter((v) => v !== null)
      .map((v) => JSON.parse(JSON.stringify(v)) as unknown); // -0 becomes 0, as it does through JSON
    const command = fc.oneof(
      fc.record({ op: fc.constant('set' as const), key, value }),
      fc.record({ op: fc.constant('delete' as const), key }),
      fc.record({ op: fc.constant('get' as const), key }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { maxLength: 30 }),
        fc.integer({ min: 1, max: 4 }),
        async (commands, pageSize) => {
          site.service.reset();
          const model = new Map<string, unknown>();
          for (const c of commands) {
            if (c.op === 'set') {
              await sdk().kvs.set(c.key, c.value);
              model.set(c.key, c.value);
            } else if (c.op === 'delete') {
              await sdk().kvs.delete(c.key);
              model.delete(c.key);
            } else {
              expect(await sdk().kvs.get(c.key)).toEqual(model.get(c.key));
            }
          }
          const listed: Array<{ key: string; value: unknown }> = [];
          let cursor: string | undefined;
          do {
            const q = sdk().kvs.query().limit(pageSize);
            const page = await (cursor ? q.cursor(cursor) : q).getMany();
            listed.push(...page.results);
            cursor = page.nextCursor;
          } while (cursor);
          const expected = [...model.entries()]
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, v]) => ({ key: k, value: v }));
          expect(listed).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});
