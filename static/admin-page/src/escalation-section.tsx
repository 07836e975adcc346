/**
 * The admin page's Escalation section: the site's default business calendar (new paths start from it), every
 * escalation path (name, page, owner, enabled), and the audit log of every step (newest first, filter by issue,
 * load more, CSV export).
 */
import { useCallback, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { calendarProblems, holidayRegions } from '../../../src/domain/escalation';
import type { BusinessCalendar, Weekday } from '../../../src/domain/escalation/escalation-path';
import type {
  AuditPage,
  AuditPayload,
  EscalationAuditEntry,
  EscalationDefaults,
  PathList,
  SaveDefaultsPayload,
} from '../../../src/shared/escalation';
import { ResolverCallError, describeError } from '../../common/src/resolver-client';
import { EmptyState, ErrorState, LoadingState } from '../../common/src/states';
import { auditCsv } from './escalation-csv';
import { SiteDefaultPath, type SitePathApi } from './site-path';
import type { JiraRequest } from '../../common/src/jira-request';
import { countryOptions, timeZoneOptions } from '../../common/src/escalation/path-editor';

export interface EscalationAdminApi {
  defaults(): Promise<EscalationDefaults>;
  saveDefaults(payload: SaveDefaultsPayload): Promise<EscalationDefaults>;
  paths(): Promise<PathList>;
  audit(payload: AuditPayload): Promise<AuditPage>;
}

export interface EscalationSectionProps {
  api: EscalationAdminApi;
  /** Display names of account ids (the container asks Jira as the viewer); ids are shown when absent. */
  names?: (accountIds: string[]) => Promise<ReadonlyMap<string, string>>;
  download: (filename: string, text: string) => void;
  onOpenIssue: (issueKey: string) => void;
  /** The site default path's editor (paths and the Jira user picker); the section omits it when absent. */
  sitePath?: { api: SitePathApi; jira: JiraRequest; openSearch: (path: string) => void };
}

const DAYS: ReadonlyArray<[Weekday, string]> = [
  [1, 'Mon'],
  [2, 'Tue'],
  [3, 'Wed'],
  [4, 'Thu'],
  [5, 'Fri'],
  [6, 'Sat'],
  [7, 'Sun'],
];

const at = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function EscalationSection(props: EscalationSectionProps) {
  const [pathsVersion, setPathsVersion] = useState(0);
  const { api, sitePath } = props;
  const defaults = useCallback(() => api.defaults(), [api]);
  return (
    <Stack space="space.300" testId="escalation-section">
      <Heading size="medium" as="h2">
        Escalation
      </Heading>
      <DefaultsForm api={props.api} />
      {sitePath ? (
        <SiteDefaultPath
          api={sitePath.api}
          jira={sitePath.jira}
          outlets={{ download: props.download, openSearch: sitePath.openSearch }}
          defaults={defaults}
          onSaved={() => setPathsVersion((v) => v + 1)}
        />
      ) : null}
      <PathsTable key={pathsVersion} {...props} />
      <AuditLog {...props} />
    </Stack>
  );
}

function DefaultsForm({ api }: { api: EscalationAdminApi }) {
  const [loaded, setLoaded] = useState<EscalationDefaults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [calendar, setCalendar] = useState<BusinessCalendar | null>(null);
  const [paused, setPaused] = useState('');
  const [notice, setNotice] = useState<{ kind: 'success' | 'conflict' | 'error'; message: string } | null>(
    null,
  );
  const [saving, setSaving] = useState(false);
  const [tried, setTried] = useState(false);

  const load = useCallback(async () => {
    setError(null);
    setNotice(null);
    setTried(false);
    try {
      const d = await api.defaults();
      setLoaded(d);
      setCalendar(d.calendar);
      setPaused(d.calendar.pausedStatuses.join(', '));
    } catch (e) {
      setError(describeError(e));
    }
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const zones = timeZoneOptions();
  const countries = countryOptions();
  if (error)
    return (
      <ErrorState
        title="Escalation defaults could not be loaded"
        message={error}
        onRetry={() => void load()}
      />
    );
  if (!loaded || !calendar) return <LoadingState label="Loading escalation defaults" />;

  const current: BusinessCalendar = {
    ...calendar,
    pausedStatuses: paused
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
  const problems = tried ? calendarProblems(current) : [];
  const problemOf = (field: string) =>
    problems.filter((p) => p.field.startsWith(field)).map((p) => p.message);
  const regions = calendar.holidays
    ? Object.entries(holidayRegions(calendar.holidays.country)).map(([value, label]) => ({ value, label }))
    : [];

  const save = async () => {
    setTried(true);
    setNotice(null);
    if (calendarProblems(current).length > 0) return;
    setSaving(true);
    try {
      const next = await api.saveDefaults({ calendar: current, revision: loaded.revision });
      setLoaded(next);
      setNotice({ kind: 'success', message: 'Saved. New escalation paths start from this calendar.' });
    } catch (e) {
      const code = e instanceof ResolverCallError ? e.code : undefined;
      setNotice({ kind: code === 'CONFLICT' ? 'conflict' : 'error', message: describeError(e) });
    } finally {
      setSaving(false);
    }
  };

  const problemText = (field: string, id: string) =>
    problemOf(field).length > 0 ? (
      <Text size="small" color="color.text.danger" id={id}>
        {problemOf(field).join(' ')}
      </Text>
    ) : null;

  return (
    <Stack space="space.150">
      <Heading size="small" as="h3">
        Default business calendar
      </Heading>
      {notice ? (
        <SectionMessage
          appearance={
            notice.kind === 'success' ? 'success' : notice.kind === 'conflict' ? 'warning' : 'error'
          }
          testId="defaults-notice"
          {...(notice.kind === 'conflict'
            ? {
                actions: [
                  <Button key="reload" onClick={() => void load()}>
                    Reload defaults
                  </Button>,
                ],
              }
            : {})}
        >
          <Text>{notice.message}</Text>
        </SectionMessage>
      ) : null}
      <Inline space="space.200" shouldWrap>
        <Stack space="space.050">
          <Label htmlFor="defaults-zone">Time zone</Label>
          <Box style={{ minWidth: 260 }}>
            <Select
              inputId="defaults-zone"
              options={zones}
              value={
                zones.find((z) => z.value === calendar.timeZone) ?? {
                  value: calendar.timeZone,
                  label: calendar.timeZone,
                }
              }
              onChange={(o) => o && setCalendar({ ...calendar, timeZone: o.value })}
            />
          </Box>
          {problemText('timeZone', 'defaults-zone-problems')}
        </Stack>
        <Stack space="space.050">
          <Label htmlFor="defaults-start">Working hours</Label>
          <Inline space="space.050" alignBlock="center">
            <Box style={{ width: 90 }}>
              <Textfield
                id="defaults-start"
                value={calendar.hours.start}
                isInvalid={problemOf('hours').length > 0}
                aria-describedby="defaults-hours-problems"
                onChange={(e) =>
                  setCalendar({ ...calendar, hours: { ...calendar.hours, start: e.currentTarget.value } })
                }
              />
            </Box>
            <Text>to</Text>
            <Box style={{ width: 90 }}>
              <Textfield
                aria-label="End of the working day"
                value={calendar.hours.end}
                isInvalid={problemOf('hours').length > 0}
                aria-describedby="defaults-hours-problems"
                onChange={(e) =>
                  setCalendar({ ...calendar, hours: { ...calendar.hours, end: e.currentTarget.value } })
                }
              />
            </Box>
          </Inline>
          {problemText('hours', 'defaults-hours-problems')}
        </Stack>
      </Inline>
      <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
        <legend>
          <Text>Working days</Text>
        </legend>
        <Inline space="space.150">
          {DAYS.map(([day, label]) => (
            <label key={day} style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
              <input
                type="checkbox"
                checked={calendar.workingDays.includes(day)}
                onChange={(e) =>
                  setCalendar({
                    ...calendar,
                    workingDays: e.currentTarget.checked
                      ? [...calendar.workingDays, day].sort((a, b) => a - b)
                      : calendar.workingDays.filter((d) => d !== day),
                  })
                }
              />
              <Text>{label}</Text>
            </label>
          ))}
        </Inline>
        {problemText('workingDays', 'defaults-days-problems')}
      </fieldset>
      <Inline space="space.200" shouldWrap>
        <Stack space="space.050">
          <Label htmlFor="defaults-country">Public holidays of</Label>
          <Box style={{ minWidth: 260 }}>
            <Select
              inputId="defaults-country"
              options={countries}
              value={countries.find((c) => c.value === (calendar.holidays?.country ?? '')) ?? null}
              onChange={(o) => {
                if (!o) return;
                const { holidays: _h, ...rest } = calendar;
                setCalendar(o.value ? { ...rest, holidays: { country: o.value } } : rest);
              }}
            />
          </Box>
        </Stack>
        {regions.length > 0 && calendar.holidays ? (
          <Stack space="space.050">
            <Label htmlFor="defaults-region">Region (optional)</Label>
            <Box style={{ minWidth: 220 }}>
              <Select
                inputId="defaults-region"
                options={regions}
                isClearable
                placeholder="The whole country"
                value={regions.find((r) => r.value === calendar.holidays?.region) ?? null}
                onChange={(o) => {
                  const country = calendar.holidays?.country ?? '';
                  setCalendar({ ...calendar, holidays: o ? { country, region: o.value } : { country } });
                }}
              />
            </Box>
          </Stack>
        ) : null}
      </Inline>
      {problemText('holidays', 'defaults-holidays-problems')}
      <Stack space="space.050">
        <Label htmlFor="defaults-paused">Statuses that pause the clock (comma separated)</Label>
        <Textfield id="defaults-paused" value={paused} onChange={(e) => setPaused(e.currentTarget.value)} />
      </Stack>
      <Box>
        <Button appearance="primary" isDisabled={saving} onClick={() => void save()}>
          {saving ? 'Saving…' : 'Save defaults'}
        </Button>
      </Box>
    </Stack>
  );
}

function PathsTable({ api, names }: EscalationSectionProps) {
  const [state, setState] = useState<
    | { kind: 'loading' }
    | { kind: 'error'; message: string }
    | { kind: 'loaded'; list: PathList; people: ReadonlyMap<string, string> }
  >({ kind: 'loading' });
  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const list = await api.paths();
      const owners = [...new Set(list.paths.map((p) => p.ownerAccountId))];
      const people =
        names && owners.length > 0
          ? await names(owners).catch(() => new Map<string, string>())
          : new Map<string, string>();
      setState({ kind: 'loaded', list, people });
    } catch (e) {
      setState({ kind: 'error', message: describeError(e) });
    }
  }, [api, names]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack space="space.100">
      <Heading size="small" as="h3">
        Escalation paths
      </Heading>
      {state.kind === 'loading' ? <LoadingState label="Loading escalation paths" /> : null}
      {state.kind === 'error' ? (
        <ErrorState
          title="Escalation paths could not be loaded"
          message={state.message}
          onRetry={() => void load()}
        />
      ) : null}
      {state.kind === 'loaded' && state.list.paths.length === 0 ? (
        <EmptyState title="No escalation paths yet">
          Project managers write them in Confluence with the Accord Escalation path macro.
        </EmptyState>
      ) : null}
      {state.kind === 'loaded' && state.list.paths.length > 0 ? (
        <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="paths-table">
          <thead>
            <tr>
              {['Path', 'Page', 'Owner', 'State', 'Updated'].map((h) => (
                <th key={h} scope="col" style={{ textAlign: 'start', padding: 4 }}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {state.list.paths.map((p) => (
              <tr key={p.pathId}>
                <td style={{ padding: 4 }}>{p.name}</td>
                <td style={{ padding: 4 }}>
                  {p.pageId === null ? (
                    'Site default'
                  ) : p.pageUrl ? (
                    <a href={p.pageUrl} target="_blank" rel="noreferrer">
                      Open page
                    </a>
                  ) : (
                    'A page you cannot view'
                  )}
                </td>
                <td style={{ padding: 4 }}>{state.people.get(p.ownerAccountId) ?? p.ownerAccountId}</td>
                <td style={{ padding: 4 }}>
                  <Lozenge appearance={p.enabled ? 'success' : 'default'}>
                    {p.enabled ? 'Enabled' : 'Draft'}
                  </Lozenge>
                </td>
                <td style={{ padding: 4 }}>{at(p.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Stack>
  );
}

const STEP_WORDS: Record<EscalationAuditEntry['kind'], string> = {
  'episode-started': 'Started',
  'level-fired': 'Level fired',
  'level-failed': 'Level failed',
  'episode-ended': 'Ended',
  acknowledged: 'Acknowledged',
};

function AuditLog({ api, download, onOpenIssue }: EscalationSectionProps) {
  const [filter, setFilter] = useState('');
  const [applied, setApplied] = useState('');
  const [entries, setEntries] = useState<EscalationAuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<{ kind: 'loading' | 'idle' } | { kind: 'error'; message: string }>({
    kind: 'loading',
  });

  const fetchPage = useCallback(
    async (issueKey: string, from: string | null, append: boolean) => {
      setState({ kind: 'loading' });
      try {
        const page = await api.audit({
          ...(issueKey ? { issueKey } : {}),
          ...(from ? { cursor: from } : {}),
        });
        setEntries((old) => (append ? [...old, ...page.entries] : page.entries));
        setCursor(page.cursor);
        setState({ kind: 'idle' });
      } catch (e) {
        setState({ kind: 'error', message: describeError(e) });
      }
    },
    [api],
  );
  useEffect(() => {
    void fetchPage('', null, false);
  }, [fetchPage]);

  const apply = () => {
    const key = filter.trim().toUpperCase();
    setApplied(key);
    void fetchPage(key, null, false);
  };

  return (
    <Stack space="space.100">
      <Heading size="small" as="h3">
        Audit log
      </Heading>
      <Inline space="space.100" alignBlock="end" shouldWrap>
        <Stack space="space.050">
          <Label htmlFor="audit-issue">Issue key</Label>
          <Textfield
            id="audit-issue"
            value={filter}
            placeholder="e.g. LAUNCH-3"
            onChange={(e) => setFilter(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') apply();
            }}
          />
        </Stack>
        <Button onClick={apply}>Filter</Button>
        <Button
          isDisabled={entries.length === 0}
          onClick={() => download(`escalation-audit${applied ? `-${applied}` : ''}.csv`, auditCsv(entries))}
        >
          Export CSV
        </Button>
      </Inline>
      {state.kind === 'error' ? (
        <ErrorState
          title="The audit log could not be loaded"
          message={state.message}
          onRetry={() => void fetchPage(applied, cursor, entries.length > 0)}
        />
      ) : null}
      {state.kind !== 'loading' && entries.length === 0 && state.kind !== 'error' ? (
        <EmptyState title={applied ? `No escalation steps for ${applied}` : 'No escalation steps yet'}>
          Every step Accord takes (levels fired, acknowledgements, episodes ended) is recorded here.
        </EmptyState>
      ) : null}
      {entries.length > 0 ? (
        <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="audit-table">
          <thead>
            <tr>
              {['When', 'Issue', 'Path', 'Step', 'Targets', 'Actions'].map((h) => (
                <th key={h} scope="col" style={{ textAlign: 'start', padding: 4 }}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) => (
              <tr key={`${e.at}-${e.issueKey}-${i}`}>
                <td style={{ padding: 4 }}>{at(e.at)}</td>
                <td style={{ padding: 4 }}>
                  <a
                    href={`/browse/${e.issueKey}`}
                    onClick={(ev) => {
                      ev.preventDefault();
                      onOpenIssue(e.issueKey);
                    }}
                  >
                    {e.issueKey}
                  </a>
                </td>
                <td style={{ padding: 4 }}>{e.pathName}</td>
                <td style={{ padding: 4 }}>
                  {STEP_WORDS[e.kind]}
                  {e.level !== undefined ? ` ${e.level}` : ''}
                  {e.reason ? ` (${e.reason})` : ''}
                </td>
                <td style={{ padding: 4 }}>{(e.targets ?? []).map((t) => t.label).join(', ')}</td>
                <td style={{ padding: 4 }}>
                  {(e.actions ?? [])
                    .map((a) => (a.ok ? a.action : `${a.action} failed${a.detail ? `: ${a.detail}` : ''}`))
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {state.kind === 'loading' ? <LoadingState label="Loading the audit log" /> : null}
      {cursor && state.kind === 'idle' ? (
        <Box>
          <Button onClick={() => void fetchPage(applied, cursor, true)}>Load more</Button>
        </Box>
      ) : null}
    </Stack>
  );
}
