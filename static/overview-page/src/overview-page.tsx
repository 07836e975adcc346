/** The Jira global page: every brief the viewer may see, loaded once, with owners' names from Jira. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { router, view } from '@forge/bridge';
import { Box, Stack } from '@atlaskit/primitives';
import Heading from '@atlaskit/heading';
import type { BriefList, BriefListItem } from '../../../src/shared/settings';
import { describeError } from '../../common/src/resolver-client';
import { ErrorState, LoadingState } from '../../common/src/states';
import { listBriefs } from './api';
import { fetchPeople, type Person } from './people';
import { BriefsTable } from './briefs-table';
import { briefsCsv } from './briefs-view';

type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'loaded'; list: BriefList; people: Map<string, Person>; peopleError?: string; now: Date };

const PEOPLE_ERROR = "Owners' names could not be loaded from Jira; reload the page to try again.";

function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function OverviewPage() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const siteUrl = useRef<string>('');

  const load = useCallback(async () => {
    try {
      const [list, context] = await Promise.all([listBriefs(), view.getContext()]);
      siteUrl.current = (context as { siteUrl?: string }).siteUrl ?? '';
      const owners = list.briefs.flatMap((b) => (b.ownerAccountId ? [b.ownerAccountId] : []));
      try {
        const people = owners.length ? await fetchPeople(owners) : new Map<string, Person>();
        setState({ kind: 'loaded', list, people, now: new Date() });
      } catch {
        setState({ kind: 'loaded', list, people: new Map(), peopleError: PEOPLE_ERROR, now: new Date() });
      }
    } catch (error) {
      setState({ kind: 'error', message: describeError(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const openPage = (brief: BriefListItem) => {
    void router.navigate(brief.pageUrl);
  };

  return (
    <Box padding="space.300">
      <Stack space="space.200">
        <Heading size="large" as="h1">
          Project briefs
        </Heading>
        {state.kind === 'loading' ? <LoadingState label="Loading briefs" /> : null}
        {state.kind === 'error' ? (
          <ErrorState
            title="Briefs could not be loaded"
            message={state.message}
            onRetry={() => {
              setState({ kind: 'loading' });
              void load();
            }}
          />
        ) : null}
        {state.kind === 'loaded' ? (
          <BriefsTable
            briefs={state.list.briefs}
            people={state.people}
            {...(state.peopleError ? { peopleError: state.peopleError } : {})}
            truncated={state.list.truncated}
            now={state.now}
            onOpenPage={openPage}
            onExport={(rows) =>
              download(
                `accord-briefs-${state.now.toISOString().slice(0, 10)}.csv`,
                briefsCsv(rows, state.people, siteUrl.current || window.location.origin),
              )
            }
          />
        ) : null}
      </Stack>
    </Box>
  );
}
