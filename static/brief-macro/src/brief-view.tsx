import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { BriefSummary } from '../../../src/shared/brief';
import { BriefStatusLozenge } from '../../common/src/brief-status';
import { relativeTime } from '../../common/src/relative-time';

/** The brief as a page reader sees it: title, status, problem and business impact, last update. */
export function BriefView({ brief, now, locale }: { brief: BriefSummary; now: Date; locale?: string }) {
  return (
    <Box padding="space.200" testId="brief-view">
      <Stack space="space.150">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Text size="small" weight="bold" color="color.text.subtle">
            PROJECT BRIEF
          </Text>
          <BriefStatusLozenge status={brief.status} />
        </Inline>
        <Heading size="large" as="h2" testId="brief-title">
          {brief.title}
        </Heading>
        <Stack space="space.050">
          <Heading size="xsmall" as="h3">
            Problem & business impact
          </Heading>
          {brief.problem.trim() ? (
            <Text>{brief.problem}</Text>
          ) : (
            <Text color="color.text.subtlest">Not written yet — edit the macro to describe the problem.</Text>
          )}
        </Stack>
        <Text size="small" color="color.text.subtlest">
          <time dateTime={brief.updatedAt} title={brief.updatedAt}>
            Updated {relativeTime(brief.updatedAt, now, locale)}
          </time>
        </Text>
      </Stack>
    </Box>
  );
}
