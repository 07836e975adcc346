import { doc, heading, mention, p, strong, text } from '@atlaskit/adf-utils/builders';
import type { DocNode } from '@atlaskit/adf-schema';
import { adfTable } from '../brief/adf-table';
import type { DisplayNameLookup } from '../roles/people-names';
import { CADENCE_LABEL, engagementFor, HIGH_FROM, QUADRANT_INFO } from './quadrant';
import { QUADRANTS } from './stakeholder';
import { parseStakeholderGrid } from './stakeholder-schema';
import { stakeholderRows } from './stakeholder-table';

/**
 * The grid as an ADF document for the macro's `adfExport`: one section per quadrant with its cadence and
 * channel and a table of its stakeholders (users as mentions). A stored value that cannot be read exports
 * a sentence instead.
 */
export function stakeholderGridToAdf(input: unknown, names?: DisplayNameLookup): DocNode {
  if (input === undefined || input === null)
    return doc(p(text('This Accord stakeholder grid is not set up yet.')));
  const parsed = parseStakeholderGrid(input);
  if (!parsed.ok) {
    return doc(
      p(text('This Accord stakeholder grid could not be exported: ')),
      p(text(parsed.problems[0]?.message ?? 'its stored content is damaged.')),
    );
  }
  const grid = parsed.value;
  const rows = stakeholderRows(grid, names);
  const partyOf = new Map(grid.stakeholders.map((s) => [s.id, s.party]));
  return doc(
    heading({ level: 2 })(text(`Stakeholder grid: ${grid.title}`)),
    p(
      text(
        `Authority and concern are scored from 1 to 5; ${HIGH_FROM} or more counts as high. ` +
          `${rows.length} ${rows.length === 1 ? 'stakeholder' : 'stakeholders'}.`,
      ),
    ),
    ...QUADRANTS.flatMap((quadrant) => {
      const info = QUADRANT_INFO[quadrant];
      const plan = engagementFor(grid, quadrant);
      const here = rows.filter((r) => r.quadrant === quadrant);
      return [
        heading({ level: 3 })(text(`${info.label} (${info.meaning})`)),
        p(
          strong('Cadence: '),
          text(CADENCE_LABEL[plan.cadence]),
          text(' · '),
          strong('Channel: '),
          text(plan.channel),
          ...(plan.source === 'owner' ? [text(' (set by the owner)')] : []),
        ),
        here.length === 0
          ? p(text('Nobody in this quadrant.'))
          : adfTable(
              ['Stakeholder', 'Role', 'Authority', 'Concern'],
              here.map((r) => {
                const party = partyOf.get(r.stakeholderId);
                const who =
                  party?.kind === 'user'
                    ? [mention({ id: party.accountId })]
                    : r.organisation === ''
                      ? r.name
                      : `${r.name} (${r.organisation})`;
                return [who, r.role, String(r.authority), String(r.concern)];
              }),
            ),
      ];
    }),
  );
}
