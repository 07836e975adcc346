/**
 * "What would this path do now?": the Dry run button, its table (issue → level → targets → actions → due), CSV
 * export and the link to the candidate search in Jira. Shared by the Escalation Path macro and the admin page's
 * site default path; the caller supplies the resolver call (`escalation/dry-run` on its own module).
 */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { DryRunResult } from '../../../../src/shared/escalation';
import { describeError } from '../resolver-client';
import { ErrorState, LoadingState } from '../states';
import type { JiraRequest } from '../jira-request';
import { fetchPeople } from '../user-picker-people';
import { toCsv } from '../csv';

/** The dry run as CSV: one row per issue, the same columns as the table (formula-looking cells neutralised). */
export function dryRunCsv(result: DryRunResult): string {
  return toCsv([
    ['Issue', 'Summary', 'Level', 'Level name', 'Targets', 'Actions', 'Due', 'Why'],
    ...result.issues.map((i) => [
      i.issueKey,
      i.summary,
      String(i.level),
      i.levelName,
      i.targets.map((t) => t.label).join('; '),
      i.actions.join('; '),
      i.dueAt,
      i.reasons.join(' '),
    ]),
  ]);
}

/** `/issues/?jql=…`: Jira's search for the candidate JQL (opened through the router). */
export const searchPath = (jql: string) => `/issues/?jql=${encodeURIComponent(jql)}`;

/**
 * Puts each target person's display name in front of a label that is only a description ("the issue's
 * Accountable": it starts in lower case); a label that already names someone ("Erik … (the issue's …)") stays.
 */
export function withNames(result: DryRunResult, names: ReadonlyMap<string, string>): DryRunResult {
  return {
    ...result,
    issues: result.issues.map((i) => ({
      ...i,
      targets: i.targets.map((t) => {
        const name = t.accountId ? names.get(t.accountId) : undefined;
        const described = /^[a-z]/.test(t.label);
        return name && described ? { ...t, label: `${name} (${t.label})` } : t;
      }),
    })),
  };
}

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

type DryRunState =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'error'; message: string }
  | { kind: 'done'; result: DryRunResult };

export interface DryRunDeps {
  dryRun: (pathId: string) => Promise<DryRunResult>;
  jira: JiraRequest;
  openSearch: (path: string) => void;
  download: (filename: string, text: string) => void;
}

/** The Dry run button and, once run, its result; people are named by the viewer's browser (`user/bulk`). */
export function DryRunPanel({ pathId, deps }: { pathId: string; deps: DryRunDeps }) {
  const [dry, setDry] = useState<DryRunState>({ kind: 'idle' });
  const runDry = async () => {
    setDry({ kind: 'running' });
    try {
      const result = await deps.dryRun(pathId);
      // Targets come back as account ids and role labels; the viewer's browser names the people (user/bulk).
      const ids = [...new Set(result.issues.flatMap((i) => i.targets.flatMap((t) => t.accountId ?? [])))];
      const people = ids.length > 0 ? await fetchPeople(deps.jira, ids).catch(() => new Map()) : new Map();
      const names = new Map<string, string>();
      for (const p of people.values() as Iterable<{ accountId: string; displayName: string }>) {
        names.set(p.accountId, p.displayName);
      }
      setDry({ kind: 'done', result: withNames(result, names) });
    } catch (error) {
      setDry({ kind: 'error', message: describeError(error) });
    }
  };
  return (
    <Stack space="space.100">
      <Inline space="space.100" alignBlock="center">
        <Button onClick={() => void runDry()} isDisabled={dry.kind === 'running'}>
          {dry.kind === 'running' ? 'Running…' : 'Dry run'}
        </Button>
        <Text size="small" color="color.text.subtle">
          What would this path do now? Nothing is changed.
        </Text>
      </Inline>
      {dry.kind === 'running' ? <LoadingState label="Finding the issues this path would escalate" /> : null}
      {dry.kind === 'error' ? (
        <ErrorState title="The dry run failed" message={dry.message} onRetry={() => void runDry()} />
      ) : null}
      {dry.kind === 'done' ? (
        <DryRunTable
          result={dry.result}
          onOpenSearch={() => deps.openSearch(searchPath(dry.result.candidateJql))}
          onExport={() => deps.download(`escalation-dry-run-${pathId}.csv`, dryRunCsv(dry.result))}
        />
      ) : null}
    </Stack>
  );
}

export function DryRunTable({
  result,
  onOpenSearch,
  onExport,
}: {
  result: DryRunResult;
  onOpenSearch: () => void;
  onExport: () => void;
}) {
  return (
    <Stack space="space.100" testId="dry-run">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Text>
          As of {when(result.now)}:{' '}
          {result.issues.length === 0
            ? 'no issue'
            : `${result.issues.length} of ${result.candidates} candidate issues`}{' '}
          would escalate.
        </Text>
        <a
          href={searchPath(result.candidateJql)}
          onClick={(e) => {
            e.preventDefault();
            onOpenSearch();
          }}
        >
          Open the candidates in Jira search
        </a>
        {result.issues.length > 0 ? (
          <Button spacing="compact" onClick={onExport}>
            Export CSV
          </Button>
        ) : null}
      </Inline>
      {result.truncated ? (
        <SectionMessage appearance="information">
          <Text>Only the first issues are listed; open the search to see every candidate.</Text>
        </SectionMessage>
      ) : null}
      {result.issues.length > 0 ? (
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <caption style={{ textAlign: 'start' }}>
            <Text size="small" color="color.text.subtle">
              What the path would do now
            </Text>
          </caption>
          <thead>
            <tr>
              {['Issue', 'Level', 'Targets', 'Actions', 'Due'].map((h) => (
                <th key={h} scope="col" style={{ textAlign: 'start', padding: 4 }}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.issues.map((i) => (
              <tr key={i.issueKey}>
                <td style={{ padding: 4 }}>
                  <Text weight="medium">{i.issueKey}</Text> <Text>{i.summary}</Text>
                  {i.reasons.length > 0 ? (
                    <Text as="p" size="small" color="color.text.subtle">
                      {i.reasons.join(' ')}
                    </Text>
                  ) : null}
                </td>
                <td style={{ padding: 4 }}>{`${i.level} (${i.levelName})`}</td>
                <td style={{ padding: 4 }}>{i.targets.map((t) => t.label).join(', ')}</td>
                <td style={{ padding: 4 }}>{i.actions.join(', ')}</td>
                <td style={{ padding: 4 }}>{when(i.dueAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Text color="color.text.subtle">Nothing to escalate right now.</Text>
      )}
    </Stack>
  );
}
