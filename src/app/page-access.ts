import { AppError } from './errors';
import type { PageAccess, Wiki } from './ports';

/**
 * Asks Confluence, as the caller, what they may do with the page a macro sits on, and refuses with FORBIDDEN (before
 * anything is read or written) when it is less than `need`. `refusal` says what to do next; it may depend on whether
 * the caller can at least view the page. Returns the access they have.
 */
export async function requirePageAccess(
  wiki: Wiki,
  pageId: string,
  need: 'view' | 'edit',
  refusal: string | ((access: PageAccess) => string),
): Promise<PageAccess> {
  const access = await wiki.pageAccess(pageId);
  if (access === 'none' || (need === 'edit' && access !== 'edit')) {
    throw new AppError('FORBIDDEN', typeof refusal === 'string' ? refusal : refusal(access));
  }
  return access;
}
