import { doc, heading, p, text } from '@atlaskit/adf-utils/builders';
import type { Snapshot } from '../domain/progress';
import type { StoredStatusReport } from './status-report-record';

const SECTIONS = [
  ['problemAndImpact', 'Problem and business impact'],
  ['rootCauseAndOptions', 'Root cause and options considered'],
  ['recommendation', 'Recommended path, resources and timeline'],
] as const;

const paragraphs = (body: string) =>
  body.trim() === ''
    ? [p(text('Not written yet.'))]
    : body
        .split(/\n{2,}/)
        .filter((t) => t.trim() !== '')
        .map((t) => p(text(t.trim())));

/**
 * The Status report for PDF and Word exports: the three sections, then the initiative's numbers from its
 * latest daily snapshot (totals, done and dates only — an export has no viewer to count as).
 */
export function statusReportToAdf(
  report: StoredStatusReport | undefined,
  latest: Snapshot | undefined,
): object {
  if (!report) return doc(p(text('Accord Status report: not written yet.')));
  const numbers = latest
    ? [
        heading({ level: 3 })(text('Numbers')),
        p(
          text(
            `As of ${latest.date}: ${latest.done} of ${latest.total} items done` +
              (latest.baseline ? `; baseline ${latest.baseline}` : '') +
              (latest.forecast ? `; forecast ${latest.forecast}` : '') +
              '.',
          ),
        ),
      ]
    : [];
  return doc(
    ...SECTIONS.flatMap(([key, label]) => [
      heading({ level: 3 })(text(label)),
      ...paragraphs(report.body[key]),
    ]),
    ...numbers,
  );
}
