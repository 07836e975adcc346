/**
 * The Jira global page: the executive overview. Tab "Initiatives" (default) shows every initiative's status
 * computed from Jira as the viewer; tab "Briefs" lists every brief the viewer may see. Owners' names come
 * from one `user/bulk` as the viewer.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { router, view } from '@forge/bridge';
import { Box, Stack } from '@atlaskit/primitives';
import Heading from '@atlaskit/heading';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import type { Overview } from '../../../src/shared/progress';
import type { BriefList, BriefListItem } from '../../../src/shared/settings';
import { describeError } from '../../common/src/resolver-client';
import { ErrorState, LoadingState } from '../../common/src/states';
import { downloadCsv } from '../../common/src/download';
import { listBriefs, loadOverview } from './api';
import { fetchPeople, type Person } from './people';
import { approverIdsOf } from '../../common/src/initiative-numbers-decisions';
import { BriefsTable } from './briefs-table';
import { briefsCsv } from './briefs-view';
import { InitiativesTable } from './initiatives-table';
import { initiativesCsv, searchPath } from './initiatives-view';

type Loaded<T> = { kind: 'loaded'; value: T; people: Map<string, Person>; peopleError?: string; now: Date };
type State<T> = { kind: 'loading' } | { kind: 'error'; message: string } | Loaded<T>;

const PEOPLE_ERROR = "Owners' names could not be loaded from Jira; reload the page to try again.";

/** Loads a list and then its owners' names; a names failure keeps the list with a note. */
function useOwnedList<T>(load: () => Promise<T>, owners: (value: T) => string[]) {
  const [state, setState] = useState<State<T>>({ kind: 'loading' });
  const run = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const value = await load();
      const ids = owners(value);
      try {
        const people = ids.length ? await fetchPeople(ids) : new Map<string, Person>();
        setState({ kind: 'loaded', value, people, now: new Date() });
      } catch {
        setState({ kind: 'loaded', value, people: new Map(), peopleError: PEOPLE_ERROR, now: new Date() });
      }
    } catch (error) {
      setState({ kind: 'error', message: describeError(error) });
    }
    // `load` and `owners` are module-level functions, stable for the page's life.
  }, [load, owners]);
  return [state, run] as const;
}

const briefOwners = (list: BriefList) =>
  list.briefs.flatMap((b) => (b.ownerAccountId ? [b.ownerAccountId] : []));
const initiativeOwners = (o: Overview) => [
  ...o.initiatives.flatMap((i) => (i.ownerAccountId ? [i.ownerAccountId] : [])),
  // The Approvers of the DACI decisions each initiative waits on (one name look-up for all).
  ...approverIdsOf(o.initiatives),
];

export function OverviewPage() {
  const siteUrl = useRef<string>('');
  const [tab, setTab] = useState(0);
  const [overview, loadInitiatives] = useOwnedList(loadOverview, initiativeOwners);
  const [briefs, loadBriefs] = useOwnedList(listBriefs, briefOwners);
  const briefsStarted = useRef(false);

  useEffect(() => {
    void view.getContext().then(
      (context) => {
        siteUrl.current = (context as { siteUrl?: string }).siteUrl ?? '';
      },
      () => undefined,
    );
    void loadInitiatives();
  }, [loadInitiatives]);

  useEffect(() => {
    // The briefs list loads the first time its tab is opened, not before.
    if (tab === 1 && !briefsStarted.current) {
      briefsStarted.current = true;
      void loadBriefs();
    }
  }, [tab, loadBriefs]);

  const openPage = (brief: BriefListItem) => {
    void router.navigate(brief.pageUrl);
  };
  const openSearch = (jql: string) => {
    void router.navigate(searchPath(jql));
  };
  const origin = () => siteUrl.current || window.location.origin;

  return (
    <Box padding="space.300">
      <Stack space="space.200">
        <Heading size="large" as="h1">
          Accord overview
        </Heading>
        <Tabs id="overview-tabs" selected={tab} onChange={(index) => setTab(index)}>
          <TabList>
            <Tab>Initiatives</Tab>
            <Tab>Briefs</Tab>
          </TabList>
          <TabPanel>
            {tab === 0 ? (
              <Box paddingBlock="space.200" style={{ width: '100%' }}>
                {overview.kind === 'loading' ? (
                  <LoadingState label="Computing initiative status from Jira" />
                ) : null}
                {overview.kind === 'error' ? (
                  <ErrorState
                    title="Initiatives could not be loaded"
                    message={overview.message}
                    onRetry={() => void loadInitiatives()}
                  />
                ) : null}
                {overview.kind === 'loaded' ? (
                  <InitiativesTable
                    initiatives={overview.value.initiatives}
                    people={overview.people}
                    {...(overview.peopleError ? { peopleError: overview.peopleError } : {})}
                    asOf={overview.value.asOf}
                    now={overview.now}
                    onOpenSearch={openSearch}
                    onOpenPage={(path) => void router.navigate(path)}
                    onRefresh={() => void loadInitiatives()}
                    onExport={(rows) =>
                      downloadCsv(
                        `accord-initiatives-${overview.now.toISOString().slice(0, 10)}.csv`,
                        initiativesCsv(rows, overview.people, origin()),
                      )
                    }
                  />
                ) : null}
              </Box>
            ) : null}
          </TabPanel>
          <TabPanel>
            {tab === 1 ? (
              <Box paddingBlock="space.200" style={{ width: '100%' }}>
                {briefs.kind === 'loading' ? <LoadingState label="Loading briefs" /> : null}
                {briefs.kind === 'error' ? (
                  <ErrorState
                    title="Briefs could not be loaded"
                    message={briefs.message}
                    onRetry={() => void loadBriefs()}
                  />
                ) : null}
                {briefs.kind === 'loaded' ? (
                  <BriefsTable
                    briefs={briefs.value.briefs}
                    people={briefs.people}
                    {...(briefs.peopleError ? { peopleError: briefs.peopleError } : {})}
                    truncated={briefs.value.truncated}
                    now={briefs.now}
                    onOpenPage={openPage}
                    onExport={(rows) =>
                      downloadCsv(
                        `accord-briefs-${briefs.now.toISOString().slice(0, 10)}.csv`,
                        briefsCsv(rows, briefs.people, origin()),
                      )
                    }
                  />
                ) : null}
              </Box>
            ) : null}
          </TabPanel>
        </Tabs>
      </Stack>
    </Box>
  );
}
