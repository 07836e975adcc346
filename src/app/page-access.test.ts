import { requirePageAccess } from './page-access';
import type { PageAccess } from './ports';

const wikiWhere = (access: PageAccess) => ({ pageAccess: async () => access });

describe('requirePageAccess', () => {
  it.each<[PageAccess, 'view' | 'edit', boolean]>([
    ['none', 'view', false],
    ['view', 'view', true],
    ['edit', 'view', true],
    ['none', 'edit', false],
    ['view', 'edit', false],
    ['edit', 'edit', true],
  ])('a caller with %s access, asked for %s: allowed = %s', async (access, need, allowed) => {
    const call = requirePageAccess(wikiWhere(access), '98307', need, 'Ask the page owner.');
    if (allowed) await expect(call).resolves.toBe(access);
    else await expect(call).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Ask the page owner.' });
  });

  it('words the refusal by what the caller can do', async () => {
    const say = (access: PageAccess) =>
      access === 'none' ? 'You cannot view it.' : 'It is read-only for you.';
    await expect(requirePageAccess(wikiWhere('view'), '1', 'edit', say)).rejects.toThrow(
      'It is read-only for you.',
    );
    await expect(requirePageAccess(wikiWhere('none'), '1', 'edit', say)).rejects.toThrow(
      'You cannot view it.',
    );
  });
});
