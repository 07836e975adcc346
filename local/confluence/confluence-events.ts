/**
 * Forge product events for page changes, in the shape of Atlassian's documented example
 * (../shared/reference/forge-events/confluence.avi_confluence_created_page.json). Page events all
 * share this payload; `updated`, `trashed` and `deleted` differ only in `eventType`.
 */
import type { ForgeProductEvent } from '../platform/product-service';
import { ALL_PEOPLE } from '../seed/people';
import type { PageRow, SpaceRow } from './confluence-store';

export type PageEventType =
  | 'avi:confluence:created:page'
  | 'avi:confluence:updated:page'
  | 'avi:confluence:trashed:page'
  | 'avi:confluence:deleted:page';

const picture = (path: string) => ({ path, width: 48, height: 48, isDefault: false });

/** The User object of Confluence events. E-mail is left empty: Accord must not depend on it. */
export function eventUser(accountId: string, appAccountId: string) {
  const person = ALL_PEOPLE.find((p) => p.accountId === accountId);
  const displayName = person?.displayName ?? (accountId === appAccountId ? 'Accord' : accountId);
  return {
    type: 'known',
    username: accountId,
    accountId,
    accountType: accountId === appAccountId ? 'app' : 'atlassian',
    email: '',
    publicName: displayName,
    profilePicture: picture(`/wiki/aa-avatar/${accountId}`),
    displayName,
    isExternalCollaborator: false,
  };
}

export function pageEvent(args: {
  eventType: PageEventType;
  page: PageRow;
  space: SpaceRow;
  actorAccountId: string;
  appAccountId: string;
  selfGenerated: boolean;
  now: Date;
}): ForgeProductEvent {
  const { page, space, appAccountId } = args;
  return {
    eventType: args.eventType,
    atlassianId: args.actorAccountId,
    eventCreatedDate: args.now.toISOString(),
    suppressNotifications: false,
    selfGenerated: args.selfGenerated,
    content: {
      id: page.id,
      type: 'page',
      status: page.status,
      title: page.title,
      space: {
        id: Number(space.id),
        key: space.key,
        alias: space.key,
        name: space.name,
        icon: picture('/images/logo/default-space-logo-256.png'),
        type: 'global',
        status: 'current',
      },
      history: {
        latest: true,
        createdBy: eventUser(page.author_id, appAccountId),
        ownedBy: eventUser(page.owner_id, appAccountId),
        createdDate: page.created_at,
      },
      version: {
        by: eventUser(page.version_author_id, appAccountId),
        when: page.version_created_at,
        number: page.version_number,
      },
    },
  };
}
