import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { BriefDetail, BriefReferenceName, BriefTextSectionKey } from '../../../src/shared/brief';
import { BRIEF_SECTIONS } from '../../../src/domain/brief/brief-sections';
import { BriefStatusLozenge } from '../../common/src/brief-status';
import { relativeTime } from '../../common/src/relative-time';

const STATE_LABEL = { filled: 'filled', thin: 'thin', empty: 'empty' } as const;
const STATE_APPEARANCE = { filled: 'success', thin: 'moved', empty: 'removed' } as const;

export interface BriefViewProps {
  brief: BriefDetail;
  now: Date;
  locale?: string;
  /** The owner's display name, read in the browser as the viewer. */
  ownerName?: string;
  /** Opens a Jira issue through the bridge router (macro iframes are sandboxed: never raw links). */
  onOpenIssue?: (issueKey: string) => void;
  onOpenJql?: (jql: string) => void;
}

/** The whole brief as a page reader sees it: every section in order, completeness, milestones, linked work. */
export function BriefView({ brief, now, locale, ownerName, onOpenIssue, onOpenJql }: BriefViewProps) {
  const score = brief.completeness;
  const open = score.sections.filter((s) => s.state !== 'filled');
  return (
    <Box padding="space.200" testId="brief-view">
      <Stack space="space.200">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Text size="small" weight="bold" color="color.text.subtle">
            PROJECT BRIEF
          </Text>
          <BriefStatusLozenge status={brief.status} />
          <Text size="small" color="color.text.subtle" testId="brief-owner">
            Owner: {ownerName ?? (brief.ownerAccountId ? 'loading…' : 'nobody yet')}
          </Text>
          {brief.canEdit ? null : (
            <Text size="small" color="color.text.subtlest" testId="brief-read-only">
              View only
            </Text>
          )}
        </Inline>
        <Heading size="large" as="h2" testId="brief-title">
          {brief.title}
        </Heading>
        <Stack space="space.050" testId="brief-completeness">
          <Inline space="space.100" alignBlock="center">
            <Text weight="bold">Complete: {score.label}</Text>
            <progress
              max={score.total}
              value={score.filled}
              aria-label={`Brief completeness: ${score.filled} of ${score.total} sections filled`}
            />
          </Inline>
          {open.length > 0 ? (
            <Text size="small" color="color.text.subtle">
              Still to do:{' '}
              {open.map((s, i) => (
                <span key={s.id}>
                  {i > 0 ? ', ' : ''}
                  {s.title} ({STATE_LABEL[s.state]})
                </span>
              ))}
            </Text>
          ) : null}
        </Stack>
        {BRIEF_SECTIONS.map((section) => {
          const state = score.sections.find((s) => s.id === section.id);
          return (
            <Stack space="space.050" key={section.id} testId={`brief-section-${section.id}`}>
              <Inline space="space.100" alignBlock="center">
                <Heading size="xsmall" as="h3">
                  {section.title}
                </Heading>
                {state ? (
                  <Lozenge appearance={STATE_APPEARANCE[state.state]}>{STATE_LABEL[state.state]}</Lozenge>
                ) : null}
              </Inline>
              <SectionBody brief={brief} id={section.id} onOpenIssue={onOpenIssue} onOpenJql={onOpenJql} />
            </Stack>
          );
        })}
        <Text size="small" color="color.text.subtlest">
          <time dateTime={brief.updatedAt} title={brief.updatedAt}>
            Updated {relativeTime(brief.updatedAt, now, locale)}
          </time>
        </Text>
      </Stack>
    </Box>
  );
}

function SectionBody({
  brief,
  id,
  onOpenIssue,
  onOpenJql,
}: {
  brief: BriefDetail;
  id: string;
  onOpenIssue?: (key: string) => void;
  onOpenJql?: (jql: string) => void;
}) {
  const quiet = (text: string) => <Text color="color.text.subtlest">{text}</Text>;
  switch (id) {
    case 'milestones':
      if (brief.milestones.length === 0) return quiet('No milestones yet.');
      return (
        <table data-testid="brief-milestones">
          <thead>
            <tr>
              <th scope="col">Milestone</th>
              <th scope="col">Baseline</th>
              <th scope="col">Forecast</th>
              <th scope="col">Done</th>
            </tr>
          </thead>
          <tbody>
            {brief.milestones.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td>{m.baselineDate}</td>
                <td>{m.forecastDate ?? '—'}</td>
                <td>{m.done ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'linked-work': {
      const { epicKeys, jql } = brief.linkedWork;
      if (epicKeys.length === 0 && !jql) return quiet('No Jira epics or JQL linked yet.');
      return (
        <Inline space="space.100" shouldWrap alignBlock="center">
          {epicKeys.map((key) => (
            <button key={key} type="button" className="link-button" onClick={() => onOpenIssue?.(key)}>
              {key}
            </button>
          ))}
          {jql ? (
            <button type="button" className="link-button" onClick={() => onOpenJql?.(jql)}>
              Search: {jql}
            </button>
          ) : null}
        </Inline>
      );
    }
    case 'stakeholders':
      return brief.references.stakeholderGridId ? (
        <ReferenceLine what="Stakeholder grid" reference={brief.referenced?.stakeholderGrid} />
      ) : (
        quiet('No grid linked yet.')
      );
    case 'raci':
      return brief.references.raciMatrixId ? (
        <ReferenceLine what="RACI matrix" reference={brief.referenced?.raciMatrix} />
      ) : (
        quiet('No RACI matrix linked yet.')
      );
    case 'decisions': {
      const ids = brief.references.decisionIds;
      if (ids.length === 0) return quiet('No decisions linked yet.');
      const named = brief.referenced?.decisions;
      if (!named)
        return <Text>{ids.length === 1 ? '1 decision linked.' : `${ids.length} decisions linked.`}</Text>;
      const more = brief.referenced?.moreDecisions ?? 0;
      return (
        <ul data-testid="brief-decisions">
          {named.map((d) => (
            <li key={d.id}>
              <ReferenceLine what="Decision" reference={d} />
            </li>
          ))}
          {more > 0 ? <li>{more === 1 ? '1 more decision' : `${more} more decisions`}</li> : null}
        </ul>
      );
    }
    case 'escalation':
      return brief.references.escalationPathId ? (
        <ReferenceLine what="Escalation path" reference={brief.referenced?.escalationPath} />
      ) : (
        quiet('No escalation path linked yet.')
      );
    default: {
      const text = brief.sections[id as BriefTextSectionKey] ?? '';
      return text.trim() ? (
        <Text>
          <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>
        </Text>
      ) : (
        quiet('Not written yet.')
      );
    }
  }
}

const STATUS_APPEARANCE: Record<string, 'inprogress' | 'success' | 'default' | 'removed' | 'moved'> = {
  open: 'inprogress',
  decided: 'success',
  deferred: 'default',
  revoked: 'removed',
  Enabled: 'success',
  Draft: 'default',
};

/** One linked document by name (with its status), or why it cannot be named. */
function ReferenceLine({
  what,
  reference,
}: {
  what: string;
  reference: BriefReferenceName | null | undefined;
}) {
  const testId = `brief-ref-${what.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  if (!reference) return <Text testId={testId}>{what} linked.</Text>;
  if (reference.state === 'hidden')
    return (
      <Text color="color.text.subtlest" testId={testId}>
        {what} on a page you can't view.
      </Text>
    );
  if (reference.state === 'missing')
    return (
      <Text color="color.text.subtlest" testId={testId}>
        {what} linked, but it no longer exists.
      </Text>
    );
  return (
    <Inline space="space.100" alignBlock="center" testId={testId}>
      <Text>{reference.name || `Untitled ${what.toLowerCase()}`}</Text>
      {reference.status ? (
        <Lozenge appearance={STATUS_APPEARANCE[reference.status] ?? 'default'}>{reference.status}</Lozenge>
      ) : null}
    </Inline>
  );
}
