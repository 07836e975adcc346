import { takeProgressSnapshots as take } from '../../app/take-progress-snapshots';
import {
  asAppProgressCounter,
  blockedAgeClause,
  briefsByUpdated,
  clock,
  initiativeStore,
  snapshotStore,
} from '../composition-root';

/** Daily scheduled trigger `accord-progress-snapshot`: one trend point per initiative, counted as the app. */
export async function takeProgressSnapshots(): Promise<void> {
  const result = await take({
    counter: asAppProgressCounter(),
    clock,
    blockedAgeClause,
    briefs: briefsByUpdated(),
    initiatives: initiativeStore(),
    snapshots: snapshotStore(),
  });
  console.info(
    `Accord progress snapshots: ${result.taken} taken, ${result.unchanged} unchanged, ${result.skipped} skipped.`,
  );
}
