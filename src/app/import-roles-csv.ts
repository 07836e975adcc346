import type { ImportCsvResult } from '../shared/matrix';
import type { Assignment, Framework } from '../shared/roles';
import {
  checkHardRules,
  defaultFrameworkFor,
  isValidAccountId,
  parseRaciCsv,
  readRolesProperty,
  ROLES_PROPERTY_KEY,
  type RaciCsvParseResult,
} from '../domain/roles';
import type { IssueBulkReader, IssueSnapshot } from './ports';
import { AppError } from './errors';
import { BULK_FETCH_LIMIT, IMPORT_MAX_ROWS } from './bulk-limits';
import { mapLimited, type WriteRoles } from './role-writer';
import { WRITE_CONCURRENCY } from './bulk-limits';

export interface ImportRolesCsvDeps {
  /** Jira and the role writer as the person importing. */
  issues: IssueBulkReader;
  writeRoles: WriteRoles;
}

export interface ImportRolesCsvInput {
  accountId: string;
  /** The page's project (from the platform context). */
  projectKey: string;
  csv: string;
  /** Column header → account id; an empty id leaves that column out. */
  columns: Record<string, string>;
  dryRun: boolean;
}

type RowResult = ImportCsvResult['rows'][number];

/** The issue key at the start of an activity ("LAUNCH-2 Public pricing page" → LAUNCH-2). */
const ACTIVITY_KEY = /^([A-Z][A-Z0-9_]{0,49}-[1-9][0-9]{0,9})(?=\s|$)/;

/**
 * Imports a RACI matrix CSV (the export's format: "KEY summary" activities, one column per person, cells such as
 * "A/R"). Every row is checked again — letters, the issue (read as the person, in bulk), the hard rules — and,
 * unless it is a dry run, written through `setRoles` as the person, with a result per row. A row that changes
 * nothing writes nothing.
 */
export async function importRolesCsv(
  deps: ImportRolesCsvDeps,
  input: ImportRolesCsvInput,
): Promise<ImportCsvResult> {
  // Letters mean different roles in RACI and DACI ("A"), so read the file both ways and let each issue decide.
  const parsed: Record<Framework, RaciCsvParseResult> = {
    RACI: parseRaciCsv(input.csv, { framework: 'RACI' }),
    DACI: parseRaciCsv(input.csv, { framework: 'DACI' }),
  };
  const header = parsed.RACI;
  if (header.headerErrors.length > 0) {
    throw new AppError('INVALID_INPUT', header.headerErrors.map((e) => e.message).join(' '), {
      errors: header.headerErrors,
    });
  }
  if (header.rows.length > IMPORT_MAX_ROWS) {
    throw new AppError(
      'INVALID_INPUT',
      `The file has ${header.rows.length} rows; import at most ${IMPORT_MAX_ROWS} at a time.`,
    );
  }
  const unmapped = header.holders.filter((h) => input.columns[h] === undefined);
  if (unmapped.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `Choose a person (or "leave out") for the column${unmapped.length === 1 ? '' : 's'} ${unmapped.map((h) => `“${h}”`).join(', ')}.`,
    );
  }
  const badIds = header.holders.filter((h) => input.columns[h] !== '' && !isValidAccountId(input.columns[h]));
  if (badIds.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `The person chosen for ${badIds.map((h) => `“${h}”`).join(', ')} is not a Jira account. Choose again.`,
    );
  }

  const rows: RowResult[] = [];
  const wanted = new Map<number, string>(); // line → issue key
  for (const row of header.rows) {
    const key = ACTIVITY_KEY.exec(row.activity)?.[1];
    if (!key) {
      rows.push({
        line: row.line,
        outcome: 'error',
        message: `Line ${row.line}: the activity must start with an issue key such as ${input.projectKey}-1.`,
      });
    } else if (!key.startsWith(`${input.projectKey}-`)) {
      rows.push({
        line: row.line,
        issueKey: key,
        outcome: 'error',
        message: `Line ${row.line}: ${key} is not in ${input.projectKey}. Import it from its own project's page.`,
      });
    } else {
      wanted.set(row.line, key);
    }
  }

  const issues = new Map<string, IssueSnapshot>();
  const keys = [...new Set(wanted.values())];
  for (let i = 0; i < keys.length; i += BULK_FETCH_LIMIT) {
    const found = await deps.issues.fetchIssues(keys.slice(i, i + BULK_FETCH_LIMIT), {
      properties: [ROLES_PROPERTY_KEY],
    });
    for (const issue of found) issues.set(issue.key, issue);
  }

  const seenKeys = new Set<string>();
  const plans: Array<{
    line: number;
    issueKey: string;
    framework: Framework;
    assignments: Assignment[];
    revision: number;
  }> = [];
  for (const [line, issueKey] of wanted) {
    const issue = issues.get(issueKey);
    if (!issue) {
      rows.push({
        line,
        issueKey,
        outcome: 'error',
        message: `Line ${line}: ${issueKey} does not exist or you cannot see it.`,
      });
      continue;
    }
    if (seenKeys.has(issueKey)) {
      rows.push({
        line,
        issueKey,
        outcome: 'error',
        message: `Line ${line}: ${issueKey} appears twice in the file. Keep one row per issue.`,
      });
      continue;
    }
    seenKeys.add(issueKey);
    const own = readRolesProperty(issue.properties[ROLES_PROPERTY_KEY]);
    const framework = own.property?.framework ?? defaultFrameworkFor(issue.issueType.name);
    const parsedRow = parsed[framework].rows.find((r) => r.line === line)!;
    if (parsedRow.errors.length > 0) {
      rows.push({
        line,
        issueKey,
        outcome: 'error',
        message: parsedRow.errors.map((e) => e.message).join(' '),
      });
      continue;
    }
    const assignments: Assignment[] = [];
    header.holders.forEach((holder, i) => {
      const accountId = input.columns[holder];
      if (!accountId) return;
      for (const role of parsedRow.cells[i] ?? []) assignments.push({ accountId, role });
    });
    const violations = checkHardRules(framework, assignments);
    if (violations.length > 0) {
      rows.push({
        line,
        issueKey,
        outcome: 'error',
        message: `Line ${line}: ${violations.map((v) => v.message).join(' ')}`,
      });
      continue;
    }
    if (
      own.property &&
      own.property.framework === framework &&
      sameRoles(own.property.assignments, assignments) &&
      own.findings.length === 0
    ) {
      rows.push({ line, issueKey, outcome: 'skipped', message: 'No change.' });
      continue;
    }
    if (!own.property && assignments.length === 0) {
      rows.push({ line, issueKey, outcome: 'skipped', message: 'No roles in this row.' });
      continue;
    }
    plans.push({ line, issueKey, framework, assignments, revision: own.revision });
  }

  if (input.dryRun) {
    for (const p of plans)
      rows.push({
        line: p.line,
        issueKey: p.issueKey,
        outcome: 'would-apply',
        message: describe(p.assignments.length),
      });
  } else {
    const outcomes = await mapLimited(plans, WRITE_CONCURRENCY, async (p): Promise<RowResult> => {
      try {
        await deps.writeRoles({
          issueKey: p.issueKey,
          accountId: input.accountId,
          framework: p.framework,
          assignments: p.assignments,
          revision: p.revision,
          action: 'bulk-apply',
        });
        return {
          line: p.line,
          issueKey: p.issueKey,
          outcome: 'applied',
          message: describe(p.assignments.length),
        };
      } catch (e) {
        const message =
          e instanceof AppError ? e.message : 'Jira did not accept the change; try this row again later.';
        return {
          line: p.line,
          issueKey: p.issueKey,
          outcome: e instanceof AppError && e.code === 'FORBIDDEN' ? 'skipped' : 'error',
          message,
        };
      }
    });
    rows.push(...outcomes);
  }
  rows.sort((a, b) => a.line - b.line);
  return { rows, applied: rows.filter((r) => r.outcome === 'applied').length };
}

function describe(n: number): string {
  return n === 0 ? 'Removes every role.' : `${n} role${n === 1 ? '' : 's'}.`;
}

function sameRoles(a: readonly Assignment[], b: readonly Assignment[]): boolean {
  const key = (x: Assignment) => `${x.accountId}\u0000${x.role}`;
  const left = new Set(a.map(key));
  const right = new Set(b.map(key));
  return left.size === right.size && [...right].every((k) => left.has(k));
}
