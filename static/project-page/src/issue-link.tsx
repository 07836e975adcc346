import { router } from '@forge/bridge';

/** An issue key that opens the issue through the host's router (never a raw URL). */
export function IssueLink({ issueKey }: { issueKey: string }) {
  return (
    <a
      href={`/browse/${issueKey}`}
      data-issue-link={issueKey}
      onClick={(event) => {
        event.preventDefault();
        void router.navigate({ target: 'issue', issueKey });
      }}
    >
      {issueKey}
    </a>
  );
}
