import type { StakeholderRow } from '../../../src/domain/stakeholders';
import { toCsv } from '../../common/src/csv';

/** The table view as CSV (formula-looking cells are prefixed so spreadsheets do not run them). */
export function stakeholderCsv(rows: readonly StakeholderRow[]): string {
  const header = [
    'Stakeholder',
    'Kind',
    'Organisation',
    'Role',
    'Authority',
    'Concern',
    'Quadrant',
    'Cadence',
    'Channel',
  ];
  const lines = rows.map((r) => [
    r.name,
    r.kind,
    r.organisation,
    r.role,
    String(r.authority),
    String(r.concern),
    r.quadrantLabel,
    r.cadenceLabel,
    r.channel,
  ]);
  return toCsv([header, ...lines]);
}
