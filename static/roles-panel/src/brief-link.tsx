/** "Part of brief <title>" in the Roles panel: opens the brief's Confluence page through the bridge router. */
import { Box, Inline, Text } from '@atlaskit/primitives';
import type { PanelData } from './read-roles';

/** Loaded on click, so the panel's tests and first paint never need the bridge for this line. */
function openPage(pageId: string): void {
  void import('@forge/bridge').then(({ router }) =>
    router.navigate({ target: 'contentView', contentId: pageId }),
  );
}

export function BriefLinkLine({
  data,
  onOpen = openPage,
}: {
  data: PanelData;
  onOpen?: (pageId: string) => void;
}) {
  const link = data.briefLink;
  if (!link) return null;
  return (
    <Box paddingBlockEnd="space.100" testId="roles-brief-link">
      <Inline space="space.050" alignBlock="center" shouldWrap>
        <Text size="small" color="color.text.subtle">
          Part of brief
        </Text>
        <button
          type="button"
          className="link-button"
          onClick={() => onOpen(link.pageId)}
          title={link.fromIssueKey === data.view.issueKey ? undefined : `Through ${link.fromIssueKey}`}
        >
          {link.title}
        </button>
      </Inline>
    </Box>
  );
}
