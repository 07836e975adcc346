/**
 * Import CSV: pick a file → map each column to a person (prefilled from names the page knows or Jira's user
 * search) → dry run → apply. The server re-checks every row and applies through setRoles, row by row.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ImportCsvResult } from '../../../src/shared/matrix';
import { parseRaciCsv } from '../../../src/domain/roles';
import { describeError } from '../../common/src/resolver-client';
import { searchPeople } from '../../common/src/user-picker-people';
import { UserPicker, type PersonOption } from '../../common/src/user-picker';
import type { ProjectApi } from './api';
import type { ProjectJiraRequest } from './jira';
import { guessColumns } from './matrix-csv';

const OUTCOME_LABEL = {
  applied: 'Applied',
  'would-apply': 'Will apply',
  skipped: 'Skipped',
  error: 'Error',
} as const;

export function ImportCsv({
  api,
  request,
  projectKey,
  names,
  onDone,
}: {
  api: ProjectApi;
  request: ProjectJiraRequest;
  projectKey: string;
  names: ReadonlyMap<string, string>;
  onDone: () => void;
}) {
  const [csv, setCsv] = useState<string | null>(null);
  const [headings, setHeadings] = useState<string[]>([]);
  const [columns, setColumns] = useState<Record<string, PersonOption | null>>({});
  const [result, setResult] = useState<{ dryRun: boolean; value: ImportCsvResult } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const readFile = async (file: File) => {
    setResult(null);
    setError(null);
    const text = await file.text();
    const parsed = parseRaciCsv(text);
    if (parsed.headerErrors.length > 0) {
      setCsv(null);
      setError(parsed.headerErrors.map((e) => e.message).join(' '));
      return;
    }
    setCsv(text);
    setHeadings(parsed.holders);
    const known = guessColumns(parsed.holders, names);
    const mapping: Record<string, PersonOption | null> = {};
    await Promise.all(
      parsed.holders.map(async (heading) => {
        const id = known[heading];
        if (id) {
          const name = names.get(id) ?? heading;
          mapping[heading] = { label: name, value: id, person: { accountId: id, displayName: name } };
          return;
        }
        // A heading such as "David Chen" finds its one person in Jira's user search; anything else stays open.
        const found = await searchPeople(request, heading, 2).catch(() => []);
        const only = found.length === 1 ? found[0] : undefined;
        mapping[heading] = only ? { label: only.displayName, value: only.accountId, person: only } : null;
      }),
    );
    setColumns(mapping);
  };

  const run = async (dryRun: boolean) => {
    if (!csv) return;
    setBusy(true);
    setError(null);
    try {
      const value = await api.importCsv({
        projectKey,
        csv,
        dryRun,
        columns: Object.fromEntries(headings.map((h) => [h, columns[h]?.value ?? ''])),
      });
      setResult({ dryRun, value });
      if (!dryRun) onDone();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const unmapped = headings.filter((h) => !columns[h]);
  return (
    <SectionMessage title="Import a RACI matrix (CSV)" appearance="information" testId="import-csv">
      <Stack space="space.150">
        <Text>
          One row per issue, starting with its key (“{projectKey}-2 Pricing page”), one column per person,
          cells such as A, R, C, I or A/R — the layout Export CSV writes.
        </Text>
        <label htmlFor="import-file">
          <Text weight="medium">CSV file</Text>
        </label>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          data-testid="import-file"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) void readFile(file);
          }}
        />
        {headings.length > 0 ? (
          <Stack space="space.100">
            <Text weight="medium">Who is each column?</Text>
            {headings.map((heading, i) => (
              <Inline key={heading} space="space.100" alignBlock="center">
                <label htmlFor={`import-column-${i}`} style={{ minWidth: 200 }}>
                  {heading}
                </label>
                <div style={{ minWidth: 280 }}>
                  <UserPicker
                    request={request}
                    inputId={`import-column-${i}`}
                    value={columns[heading] ?? null}
                    onChange={(option) => setColumns((old) => ({ ...old, [heading]: option }))}
                  />
                </div>
              </Inline>
            ))}
            {unmapped.length > 0 ? (
              <Text color="color.text.subtle">Columns without a person are left out of the import.</Text>
            ) : null}
            <Inline space="space.100">
              <Button onClick={() => void run(true)} isDisabled={busy} testId="import-dry-run">
                Dry run
              </Button>
              <Button
                appearance="primary"
                onClick={() => void run(false)}
                isDisabled={busy || !result?.dryRun}
                testId="import-apply"
              >
                Apply
              </Button>
            </Inline>
          </Stack>
        ) : null}
        {error ? (
          <SectionMessage appearance="error" testId="import-error">
            <Text>{error}</Text>
          </SectionMessage>
        ) : null}
        {result ? (
          <Stack space="space.050" testId="import-result">
            <Text weight="medium">
              {result.dryRun
                ? `Dry run: ${result.value.rows.filter((r) => r.outcome === 'would-apply').length} row(s) would change. Nothing was saved.`
                : `Applied to ${result.value.applied} issue(s).`}
            </Text>
            <ul>
              {result.value.rows.map((r) => (
                <li key={r.line} data-outcome={r.outcome}>
                  Line {r.line}
                  {r.issueKey ? ` · ${r.issueKey}` : ''}: {OUTCOME_LABEL[r.outcome]}
                  {r.message ? ` — ${r.message}` : ''}
                </li>
              ))}
            </ul>
          </Stack>
        ) : null}
      </Stack>
    </SectionMessage>
  );
}
