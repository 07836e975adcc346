import {
  MALFORMED_MESSAGE,
  ResolverCallError,
  UNREACHABLE_MESSAGE,
  createResolverClient,
  describeError,
} from './resolver-client';

const brief = {
  id: 'b1',
  title: 'Feature X launch',
  problem: 'Onboarding is slow.',
  ownerAccountId: null,
  status: 'draft' as const,
  revision: 2,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

test('returns data of an ok envelope and passes key and payload through', async () => {
  const calls: unknown[] = [];
  const call = createResolverClient(async (key, payload) => {
    calls.push([key, payload]);
    return { ok: true, data: brief };
  });
  await expect(call('brief/get', { briefId: 'b1' })).resolves.toEqual(brief);
  expect(calls).toEqual([['brief/get', { briefId: 'b1' }]]);
});

test("throws the server's sentence with its code and details", async () => {
  const call = createResolverClient(async () => ({
    ok: false,
    error: { code: 'CONFLICT', message: 'Someone saved a newer revision (3).', details: { revision: 3 } },
  }));
  const error = await call('brief/save', { revision: 2, title: 't', problem: '', status: 'draft' }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ResolverCallError);
  expect(error).toMatchObject({
    code: 'CONFLICT',
    message: 'Someone saved a newer revision (3).',
    details: { revision: 3 },
    call: 'brief/save',
  });
  expect(describeError(error)).toBe('Someone saved a newer revision (3).');
});

test('an unknown server code becomes INTERNAL but keeps the message', async () => {
  const call = createResolverClient(async () => ({
    ok: false,
    error: { code: 'TEAPOT', message: 'Short and stout.' },
  }));
  await expect(call('roles/get', { issueKey: 'LAUNCH-1' })).rejects.toMatchObject({
    code: 'INTERNAL',
    message: 'Short and stout.',
  });
});

test.each([[undefined], ['text'], [{ data: 1 }], [{ ok: false, error: 'nope' }]])(
  'a non-envelope answer (%p) is a malformed-answer error',
  async (answer) => {
    const call = createResolverClient(async () => answer);
    await expect(call('roles/get', { issueKey: 'LAUNCH-1' })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: MALFORMED_MESSAGE,
    });
  },
);

test('a bridge failure is UNREACHABLE with a sentence that says what to do', async () => {
  const call = createResolverClient(async () => {
    throw new Error('socket hang up');
  });
  const error = await call('roles/get', { issueKey: 'LAUNCH-1' }).catch((e: unknown) => e);
  expect(error).toMatchObject({
    code: 'UNREACHABLE',
    message: UNREACHABLE_MESSAGE,
    details: { cause: 'socket hang up' },
  });
  expect(describeError(new Error('raw'))).toBe(UNREACHABLE_MESSAGE);
});
