import { getSettings } from './get-settings';
import { saveSettings } from './save-settings';
import { loadSettings, SETTINGS_ID } from './load-settings';
import { AppError } from './errors';
import { RevisionConflict } from './ports';
import type { BlockedSweep } from './sweep-blocked-issues';
import type { SettingsValues } from '../domain/settings';
import { memoryDocumentStore, memoryRecordStore } from '../../test/support/in-memory-ports';
import { adminCheck } from '../../test/support/pages-fakes';

const setup = (isAdmin = true) => {
  const settings = memoryDocumentStore<SettingsValues>();
  const sweeps = memoryRecordStore<BlockedSweep>();
  const admin = adminCheck(isAdmin);
  return { settings, sweeps, admin, deps: { settings, sweeps, admin } };
};
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => {
      if (!(e instanceof AppError)) throw e;
      return { code: e.code, message: e.message, details: e.details };
    },
  );

describe('getSettings', () => {
  it('gives the defaults at revision 0 and no sweep on a new site', async () => {
    const { deps } = setup();
    expect(await getSettings(deps)).toEqual({
      settings: { blockedThresholdHours: 48, consultedThreshold: 5, revision: 0 },
      lastSweep: null,
    });
  });

  it('includes the last blocked sweep', async () => {
    const { deps, sweeps } = setup();
    const sweep = {
      at: '2026-01-01T10:00:00.000Z',
      blocked: ['LAUNCH-3'],
      newlyBlocked: [],
      thresholdHours: 48,
    };
    await sweeps.set('last', sweep);
    expect((await getSettings(deps)).lastSweep).toEqual(sweep);
  });

  it('refuses a person who is not a Jira administrator', async () => {
    const { deps } = setup(false);
    expect(await failure(getSettings(deps))).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/^Only Jira administrators can see Accord's settings\./),
    });
  });
});

describe('saveSettings', () => {
  it('saves new values as revision 1, then 2, and loadSettings reads them', async () => {
    const { deps, settings } = setup();
    const first = await saveSettings(deps, { blockedThresholdHours: 24, consultedThreshold: 8, revision: 0 });
    expect(first.settings).toEqual({ blockedThresholdHours: 24, consultedThreshold: 8, revision: 1 });
    const second = await saveSettings(deps, {
      blockedThresholdHours: 12,
      consultedThreshold: 8,
      revision: 1,
    });
    expect(second.settings.revision).toBe(2);
    expect(await loadSettings(settings)).toEqual({
      blockedThresholdHours: 12,
      consultedThreshold: 8,
      revision: 2,
    });
    expect(settings.data.get(SETTINGS_ID)).toEqual({
      value: { blockedThresholdHours: 12, consultedThreshold: 8 },
      revision: 2,
    });
  });

  it('refuses a non-administrator with FORBIDDEN and writes nothing', async () => {
    const { deps, settings, admin } = setup(false);
    expect(
      await failure(saveSettings(deps, { blockedThresholdHours: 24, consultedThreshold: 8, revision: 0 })),
    ).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/change Accord's settings/) });
    expect(admin.calls).toBe(1);
    expect(settings.data.size).toBe(0);
  });

  it('refuses a stale revision with CONFLICT, naming the current one, and writes nothing', async () => {
    const { deps, settings } = setup();
    await saveSettings(deps, { blockedThresholdHours: 24, consultedThreshold: 8, revision: 0 });
    const before = structuredClone(settings.data.get(SETTINGS_ID));
    expect(
      await failure(saveSettings(deps, { blockedThresholdHours: 72, consultedThreshold: 8, revision: 0 })),
    ).toEqual({
      code: 'CONFLICT',
      message: expect.stringMatching(/^Someone saved Accord's settings while you were editing\. Reload/),
      details: { currentRevision: 1 },
    });
    expect(settings.data.get(SETTINGS_ID)).toEqual(before);
  });

  it('turns a lost race at the store into CONFLICT', async () => {
    const { deps } = setup();
    deps.settings.put = async () => {
      throw new RevisionConflict(1);
    };
    expect(
      await failure(saveSettings(deps, { blockedThresholdHours: 24, consultedThreshold: 8, revision: 0 })),
    ).toMatchObject({ code: 'CONFLICT', details: { currentRevision: 1 } });
  });

  it.each([
    [{ blockedThresholdHours: 0, consultedThreshold: 5 }, ['blockedThresholdHours']],
    [{ blockedThresholdHours: 721, consultedThreshold: 5 }, ['blockedThresholdHours']],
    [{ blockedThresholdHours: 48, consultedThreshold: 51 }, ['consultedThreshold']],
    [{ blockedThresholdHours: 2.5, consultedThreshold: 0 }, ['blockedThresholdHours', 'consultedThreshold']],
  ])(
    'refuses %p with INVALID_INPUT per field, before asking Jira, writing nothing',
    async (values, fields) => {
      const { deps, settings, admin } = setup();
      const error = await failure(saveSettings(deps, { ...values, revision: 0 }));
      expect(error?.code).toBe('INVALID_INPUT');
      expect(Object.keys((error?.details as { problems: object }).problems)).toEqual(fields);
      expect(error?.message).toMatch(/^Enter a whole number/);
      expect(admin.calls).toBe(0);
      expect(settings.data.size).toBe(0);
    },
  );

  it('an unchanged save writes nothing and keeps the revision', async () => {
    const { deps, settings } = setup();
    await saveSettings(deps, { blockedThresholdHours: 24, consultedThreshold: 8, revision: 0 });
    let writes = 0;
    const put = settings.put.bind(settings);
    settings.put = async (...args) => {
      writes++;
      return put(...args);
    };
    const view = await saveSettings(deps, { blockedThresholdHours: 24, consultedThreshold: 8, revision: 1 });
    expect(view.settings.revision).toBe(1);
    expect(writes).toBe(0);
    // Saving the defaults on a new site writes nothing either.
    const fresh = setup();
    expect(
      (await saveSettings(fresh.deps, { blockedThresholdHours: 48, consultedThreshold: 5, revision: 0 }))
        .settings,
    ).toEqual({ blockedThresholdHours: 48, consultedThreshold: 5, revision: 0 });
    expect(fresh.settings.data.size).toBe(0);
  });
});
