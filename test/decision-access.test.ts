import { actOnDecision } from '../src/app/decisions/act-on-decision';
import type { DecisionLinksJira, DecisionStore, StoredDecision } from '../src/app/decisions/decision-ports';
import { getDecision } from '../src/app/decisions/get-decision';
import { fixedClock, memoryDocumentStore, wikiWith } from './support/in-memory-ports';

/** Page access is checked before a decision is looked up, so no access never reveals whether one exists. */
const PAGE_ID = '98305';

function setup(access: 'none' | 'view') {
  const docs = memoryDocumentStore<StoredDecision>();
  let writes = 0;
  const decisions: DecisionStore = {
    get: (id) => docs.get(id),
    put: async (id, value, basedOn) => {
      writes++;
      return docs.put(id, value, basedOn);
    },
    list: async () => {
      throw new Error('not used');
    },
  };
  const links: DecisionLinksJira = {
    readProperties: async () => {
      throw new Error('not used');
    },
    writeProperty: async () => {
      throw new Error('not used');
    },
  };
  const deps = {
    decisions,
    links,
    wiki: wikiWith({ [PAGE_ID]: access }),
    clock: fixedClock('2025-01-01T00:00:00.000Z'),
  };
  return { deps, writes: () => writes };
}

const act = { decisionId: 'decision-nope', action: 'input' as const, text: 'Looks good.' };
const who = { pageId: PAGE_ID, accountId: 'someone' };

describe('decision page access', () => {
  it('refuses an unknown decision with FORBIDDEN, not NOT_FOUND, when the caller cannot view the page', async () => {
    const { deps, writes } = setup('none');
    await expect(actOnDecision(deps, { ...act, ...who })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(getDecision(deps, { decisionId: act.decisionId, ...who })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(writes()).toBe(0);
  });

  it('says NOT_FOUND for an unknown decision to someone who can view the page', async () => {
    const { deps, writes } = setup('view');
    await expect(actOnDecision(deps, { ...act, ...who })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(writes()).toBe(0);
  });
});
