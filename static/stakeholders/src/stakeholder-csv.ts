import type { StakeholderRow } from '../../../src/domain/stakeholders';

const cell = (v: string): string => {
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\n\r']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

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
  const lines = rows.map((r) =>
    [
      r.name,
      r.kind,
      r.organisation,
      r.role,
      String(r.authority),
      String(r.concern),
      r.quadrantLabel,
      r.cadenceLabel,
      r.channel,
    ]
      .map(cell)
      .join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
