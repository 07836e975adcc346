/**
 * The Status report as a page reader sees it: the three sections on the left, the chosen initiative's live
 * numbers beside them (stacked under them when the page is narrow). Pure: the container loads the data.
 */
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { StatusReportView } from '../../../src/shared/progress';
import { InitiativeNumbers } from '../../common/src/initiative-numbers';
import { REPORT_SECTIONS } from '../../common/src/report-sections';
import { relativeTime } from '../../common/src/relative-time';

const textColumn = xcss({ flexGrow: 2, flexBasis: '360px', minWidth: '0' });
const numbersColumn = xcss({
  flexGrow: 1,
  flexBasis: '240px',
  minWidth: '0',
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.150',
  backgroundColor: 'elevation.surface.sunken',
});

/** What the live numbers need to name and open the initiative's pending decisions. */
export interface DecisionLinks {
  nameOf: (accountId: string) => string | undefined;
  onOpenPage: (path: string) => void;
}

function LiveNumbers({
  view,
  locale,
  now,
  decisions,
}: {
  view: StatusReportView;
  locale?: string;
  now: Date;
  decisions?: DecisionLinks;
}) {
  if (view.status) {
    return (
      <Stack space="space.100">
        <Heading size="xsmall" as="h3" testId="status-initiative-title">
          {view.status.title}
        </Heading>
        <InitiativeNumbers
          status={view.status}
          {...(locale ? { locale } : {})}
          now={now}
          {...(decisions ? { nameOf: decisions.nameOf, onOpenPage: decisions.onOpenPage } : {})}
        />
        <Text size="small" color="color.text.subtlest">
          Live from Jira, as you see it.
        </Text>
      </Stack>
    );
  }
  return (
    <Text color="color.text.subtle" testId="status-no-initiative">
      {view.report.briefId
        ? 'You cannot see this initiative, or it no longer exists, so no numbers are shown.'
        : 'No initiative chosen yet — edit the macro to show its live numbers here.'}
    </Text>
  );
}

export function ReportView({
  view,
  now,
  locale,
  decisions,
}: {
  view: StatusReportView;
  now: Date;
  locale?: string;
  decisions?: DecisionLinks;
}) {
  const { report } = view;
  return (
    <Box padding="space.200" testId="status-report-view">
      <Stack space="space.200">
        <Text size="small" weight="bold" color="color.text.subtle">
          STATUS REPORT
        </Text>
        <Inline space="space.300" shouldWrap alignBlock="start">
          <Box xcss={textColumn}>
            <Stack space="space.200">
              {REPORT_SECTIONS.map((section) => (
                <Stack space="space.050" key={section.key}>
                  <Heading size="xsmall" as="h2">
                    {section.title}
                  </Heading>
                  {report[section.key].trim() ? (
                    <Box testId={`status-section-${section.key}`}>
                      {report[section.key].split(/\n{2,}/).map((para, i) => (
                        <Text as="p" key={i}>
                          {para}
                        </Text>
                      ))}
                    </Box>
                  ) : (
                    <Text color="color.text.subtlest">Not written yet.</Text>
                  )}
                </Stack>
              ))}
            </Stack>
          </Box>
          <Box xcss={numbersColumn} as="aside" testId="status-live-numbers">
            <LiveNumbers
              view={view}
              now={now}
              {...(locale ? { locale } : {})}
              {...(decisions ? { decisions } : {})}
            />
          </Box>
        </Inline>
        {report.updatedAt ? (
          <Text size="small" color="color.text.subtlest">
            <time dateTime={report.updatedAt} title={report.updatedAt}>
              Updated {relativeTime(report.updatedAt, now, locale)}
            </time>
          </Text>
        ) : null}
      </Stack>
    </Box>
  );
}
