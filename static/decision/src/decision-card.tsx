/**
 * A DACI decision as a page reader sees it: the question and status, the four roles, the options with pros and
 * cons, the outcome, what the viewer may do now (the server says which: input, approve/reject, defer, revoke,
 * reopen) and the decision log of every round. Pure: the container loads and acts.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { DecisionAction, DecisionView } from '../../../src/shared/decision';
import { describeEntry, dueWords, STATUS_APPEARANCE, STATUS_LABEL } from './decision-words';

const card = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.150',
  flexGrow: 1,
  flexBasis: '220px',
  minWidth: '0',
});
const chosenCard = xcss({ borderColor: 'color.border.success', backgroundColor: 'color.background.success' });

export interface ActRequest {
  action: DecisionAction;
  text: string;
  optionId?: string | null;
}

export interface DecisionCardProps {
  view: DecisionView;
  nameOf: (accountId: string) => string;
  today: string;
  busy: boolean;
  error?: string;
  onAct: (request: ActRequest) => void;
}

export function DecisionCard({ view, nameOf, today, busy, error, onAct }: DecisionCardProps) {
  const d = view.decision;
  const [input, setInput] = useState('');
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const optionTitle = (id: string | null) =>
    id === null ? 'all options' : (d.options.find((o) => o.id === id)?.title ?? 'an option since removed');
  const people = (ids: readonly (string | null)[]) => {
    const named = ids.filter((id): id is string => id !== null).map(nameOf);
    return named.length === 0 ? '—' : named.join(', ');
  };
  const steer = view.can.defer || view.can.revoke || view.can.reopen;

  return (
    <Box padding="space.200" testId="decision-view">
      <Stack space="space.200">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Text size="small" weight="bold" color="color.text.subtle">
            DECISION
          </Text>
          <Lozenge appearance={STATUS_APPEARANCE[d.status]} testId="decision-status">
            {STATUS_LABEL[d.status]}
          </Lozenge>
          <Text size="small" color="color.text.subtle" testId="decision-due">
            {dueWords(d.dueDate, today)}
          </Text>
        </Inline>
        <Heading size="medium" as="h2" testId="decision-question">
          {d.question}
        </Heading>
        {d.context.trim() ? (
          <Stack space="space.050">
            {d.context.split(/\n{2,}/).map((para, i) => (
              <Text as="p" key={i}>
                {para}
              </Text>
            ))}
          </Stack>
        ) : null}
        <Box as="dl" testId="decision-roles">
          <Stack space="space.050">
            {(
              [
                ['Driver', [d.driver]],
                ['Approver', [d.approver]],
                ['Contributors', d.contributors],
                ['Informed', d.informed],
              ] as const
            ).map(([role, ids]) => (
              <Inline space="space.100" key={role}>
                <Text weight="bold">{role}:</Text>
                <Text testId={`decision-role-${role.toLowerCase()}`}>{people(ids)}</Text>
              </Inline>
            ))}
          </Stack>
        </Box>
        <Heading size="small" as="h3">
          Options
        </Heading>
        {d.options.length === 0 ? <Text color="color.text.subtlest">No options yet.</Text> : null}
        <Inline space="space.150" shouldWrap alignBlock="stretch">
          {d.options.map((o) => {
            const chosen = d.outcome?.optionId === o.id;
            return (
              <Box key={o.id} xcss={[card, chosen && chosenCard]} testId={`decision-option-${o.id}`}>
                <Stack space="space.100">
                  <Text weight="bold">
                    {o.title}
                    {chosen ? ' (chosen)' : ''}
                  </Text>
                  {o.description ? <Text size="small">{o.description}</Text> : null}
                  <Text size="small" weight="medium">
                    Pros
                  </Text>
                  <ul>
                    {o.pros.length === 0 ? <li>None listed</li> : o.pros.map((p, i) => <li key={i}>{p}</li>)}
                  </ul>
                  <Text size="small" weight="medium">
                    Cons
                  </Text>
                  <ul>
                    {o.cons.length === 0 ? <li>None listed</li> : o.cons.map((c, i) => <li key={i}>{c}</li>)}
                  </ul>
                  {view.can.approve ? (
                    <Inline space="space.100">
                      <Button
                        appearance="primary"
                        isDisabled={busy}
                        testId={`decision-approve-${o.id}`}
                        onClick={() => onAct({ action: 'approve', optionId: o.id, text: comment })}
                      >
                        Approve {o.title.length > 30 ? 'this option' : o.title}
                      </Button>
                      <Button
                        isDisabled={busy}
                        testId={`decision-reject-${o.id}`}
                        onClick={() => onAct({ action: 'reject', optionId: o.id, text: comment })}
                      >
                        Reject
                      </Button>
                    </Inline>
                  ) : null}
                </Stack>
              </Box>
            );
          })}
        </Inline>
        {d.outcome ? (
          <SectionMessage appearance="success" title={`Decided: ${optionTitle(d.outcome.optionId)}`}>
            <Text testId="decision-rationale">{d.outcome.rationale}</Text>
          </SectionMessage>
        ) : null}
        {error ? (
          <SectionMessage appearance="error" title="Not recorded" testId="decision-act-error">
            <Text>{error}</Text>
          </SectionMessage>
        ) : null}
        {view.can.approve ? (
          <Stack space="space.050">
            <label htmlFor="decision-comment">
              <Text weight="medium">
                Your comment as Approver (required: the rationale people read later)
              </Text>
            </label>
            <TextArea
              id="decision-comment"
              testId="decision-comment"
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              minimumRows={2}
            />
          </Stack>
        ) : null}
        {view.can.input ? (
          <Stack space="space.050">
            <label htmlFor="decision-input">
              <Text weight="medium">Your input</Text>
            </label>
            <TextArea
              id="decision-input"
              testId="decision-input-text"
              value={input}
              onChange={(e) => setInput(e.currentTarget.value)}
              minimumRows={2}
            />
            <Inline>
              <Button
                isDisabled={busy}
                testId="decision-input-submit"
                onClick={() => {
                  onAct({ action: 'input', text: input });
                  setInput('');
                }}
              >
                Record input
              </Button>
            </Inline>
          </Stack>
        ) : null}
        {steer ? (
          <Stack space="space.050">
            <label htmlFor="decision-reason">
              <Text weight="medium">Reason (for deferring, revoking or reopening)</Text>
            </label>
            <TextArea
              id="decision-reason"
              testId="decision-reason"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              minimumRows={1}
            />
            <Inline space="space.100">
              {view.can.defer ? (
                <Button isDisabled={busy} onClick={() => onAct({ action: 'defer', text: reason })}>
                  Defer
                </Button>
              ) : null}
              {view.can.revoke ? (
                <Button isDisabled={busy} onClick={() => onAct({ action: 'revoke', text: reason })}>
                  Revoke
                </Button>
              ) : null}
              {view.can.reopen ? (
                <Button isDisabled={busy} onClick={() => onAct({ action: 'reopen', text: reason })}>
                  Reopen
                </Button>
              ) : null}
            </Inline>
          </Stack>
        ) : null}
        <Heading size="small" as="h3">
          Decision log
        </Heading>
        {d.log.length === 0 ? (
          <Text color="color.text.subtlest">Nothing recorded yet.</Text>
        ) : (
          <Box as="ol" testId="decision-log">
            {d.log.map((entry, i) => (
              <li key={i} data-testid="decision-log-entry">
                <Text size="small" color="color.text.subtle">
                  <time dateTime={entry.at}>{entry.at.slice(0, 16).replace('T', ' ')} UTC</time> ·{' '}
                  {nameOf(entry.by)}
                </Text>{' '}
                <Text>{describeEntry(entry, optionTitle)}</Text>
              </li>
            ))}
          </Box>
        )}
      </Stack>
    </Box>
  );
}
