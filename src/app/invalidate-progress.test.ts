import { deferredEpochBumps, endCachedStatusesOf } from './invalidate-progress';
import { memoryEpochs } from '../../test/support/progress-fakes';

describe('deferredEpochBumps', () => {
  it('holds every bump until flush, then bumps each project once', async () => {
    const store = memoryEpochs();
    const deferred = deferredEpochBumps(store);
    await endCachedStatusesOf(deferred, 'LAUNCH-3');
    await endCachedStatusesOf(deferred, 'LAUNCH-7');
    await endCachedStatusesOf(deferred, 'MKT-2');
    expect(store.data).toEqual({});
    await deferred.flush();
    expect(store.data).toEqual({ LAUNCH: 1, MKT: 1, '*': 1 });
    await deferred.flush();
    expect(store.data).toEqual({ LAUNCH: 1, MKT: 1, '*': 1 });
  });

  it('reads through to the store', async () => {
    const store = memoryEpochs();
    await store.bump(['LAUNCH']);
    await expect(deferredEpochBumps(store).read(['LAUNCH', 'MKT'])).resolves.toEqual({ LAUNCH: 1, MKT: 0 });
  });
});
