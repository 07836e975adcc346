/**
 * One-click actions on the roles: ask the Accountable (RACI) or the Approver (DACI) in a comment that
 * mentions them, tell the Informed through Jira's notify API, and — for the viewer's own roles — sign off
 * (Consulted/Contributor) or acknowledge (Informed).
 */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import TextField from '@atlaskit/textfield';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { RolesView } from '../../../src/shared/roles';
import { describeError } from '../../common/src/resolver-client';
import type { RolesApi } from './api';
import type { Person } from '../../common/src/user-picker-people';
import { nameIn } from './roles-table';

type Open = 'ask' | 'tell' | 'sign-off' | undefined;

export interface QuickActionsProps {
  view: RolesView;
  people: ReadonlyMap<string, Person>;
  viewerAccountId?: string;
  api: Pick<RolesApi, 'ask' | 'tell' | 'respond'>;
  /** Called after a response was recorded, so the panel shows the new status. */
  onResponded: () => void;
}

const holdersOf = (view: RolesView, roles: readonly string[]) => [
  ...new Set(view.assignments.filter((a) => roles.includes(a.role)).map((a) => a.accountId)),
];

export function QuickActions({ view, people, viewerAccountId, api, onResponded }: QuickActionsProps) {
  const [open, setOpen] = useState<Open>();
  const [message, setMessage] = useState('');
  const [subject, setSubject] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>();

  const askRole = view.framework === 'RACI' ? 'Accountable' : 'Approver';
  const askIds = holdersOf(view, view.framework === 'RACI' ? ['accountable'] : ['approver']);
  const informedIds = holdersOf(view, ['informed']);
  const mine = new Set(
    view.assignments.filter((a) => a.accountId === viewerAccountId).map((a) => a.role as string),
  );
  const responded = (kind: 'sign-off' | 'acknowledge') =>
    (view.responses ?? []).some((r) => r.accountId === viewerAccountId && r.kind === kind);
  const canSignOff = (mine.has('consulted') || mine.has('contributor')) && !responded('sign-off');
  const canAcknowledge = mine.has('informed') && !responded('acknowledge');

  const start = (which: Open) => {
    setOpen(which);
    setMessage('');
    setSubject(which === 'tell' ? `Update on ${view.issueKey}` : '');
    setResult(undefined);
  };

  const run = async (action: () => Promise<string>, after?: () => void) => {
    setBusy(true);
    setResult(undefined);
    try {
      const text = await action();
      setResult({ ok: true, text });
      setOpen(undefined);
      after?.();
    } catch (error) {
      setResult({ ok: false, text: describeError(error) });
    } finally {
      setBusy(false);
    }
  };

  const send = () => {
    if (open === 'ask') {
      const names = askIds.map((id) => nameIn(people, id)).join(', ');
      void run(async () => {
        await api.ask({ issueKey: view.issueKey, message: message.trim() });
        return `Your question was posted as a comment that mentions ${names}.`;
      });
    } else if (open === 'tell') {
      void run(async () => {
        const { notified } = await api.tell({
          issueKey: view.issueKey,
          subject: subject.trim(),
          message: message.trim(),
        });
        return `Jira notified ${notified} ${notified === 1 ? 'person' : 'people'}.`;
      });
    } else if (open === 'sign-off') {
      const comment = message.trim();
      void run(async () => {
        await api.respond({
          issueKey: view.issueKey,
          kind: 'sign-off',
          ...(comment ? { comment } : {}),
        });
        return 'Your sign-off is recorded.';
      }, onResponded);
    }
  };

  const needsMessage = open === 'ask' || open === 'tell';
  const canSend =
    !busy && (!needsMessage || message.trim() !== '') && (open !== 'tell' || subject.trim() !== '');
  const boxLabel =
    open === 'ask'
      ? `Your question for the ${askRole}`
      : open === 'tell'
        ? 'What the Informed should know'
        : 'Your sign-off comment (optional)';

  return (
    <Stack space="space.100" testId="roles-quick-actions">
      <Inline space="space.100" shouldWrap>
        {askIds.length > 0 ? (
          <Button isDisabled={busy} onClick={() => start('ask')} testId="roles-ask">
            Ask the {askRole}
          </Button>
        ) : null}
        {informedIds.length > 0 ? (
          <Button isDisabled={busy} onClick={() => start('tell')} testId="roles-tell">
            Tell the Informed
          </Button>
        ) : null}
        {canSignOff ? (
          <Button
            appearance="primary"
            isDisabled={busy}
            onClick={() => start('sign-off')}
            testId="roles-sign-off"
          >
            Sign off
          </Button>
        ) : null}
        {canAcknowledge ? (
          <Button
            appearance="primary"
            isDisabled={busy}
            testId="roles-acknowledge"
            onClick={() =>
              void run(async () => {
                await api.respond({ issueKey: view.issueKey, kind: 'acknowledge' });
                return 'Your acknowledgement is recorded.';
              }, onResponded)
            }
          >
            Acknowledge
          </Button>
        ) : null}
      </Inline>
      {open ? (
        <Box testId="roles-message-box">
          <Stack space="space.100">
            {open === 'tell' ? (
              <div>
                <Label htmlFor="roles-tell-subject">Subject</Label>
                <TextField
                  id="roles-tell-subject"
                  value={subject}
                  onChange={(e) => setSubject(e.currentTarget.value)}
                />
              </div>
            ) : null}
            <div>
              <Label htmlFor="roles-message">{boxLabel}</Label>
              <TextArea
                id="roles-message"
                value={message}
                minimumRows={3}
                onChange={(e) => setMessage(e.currentTarget.value)}
              />
            </div>
            <Inline space="space.100">
              <Button appearance="primary" isDisabled={!canSend} onClick={send} testId="roles-send">
                {open === 'sign-off' ? 'Sign off' : 'Send'}
              </Button>
              <Button appearance="subtle" isDisabled={busy} onClick={() => setOpen(undefined)}>
                Cancel
              </Button>
            </Inline>
          </Stack>
        </Box>
      ) : null}
      {result ? (
        result.ok ? (
          <Text color="color.text.success" testId="roles-action-result">
            <span role="status">{result.text}</span>
          </Text>
        ) : (
          <SectionMessage appearance="error" testId="roles-action-error">
            <Text>{result.text}</Text>
          </SectionMessage>
        )
      ) : null}
    </Stack>
  );
}
