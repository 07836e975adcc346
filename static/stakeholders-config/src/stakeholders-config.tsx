/**
 * The Stakeholder grid's config: title, stakeholders (Jira users from a picker that searches as the viewer, or
 * named external parties) with role and scores, and each quadrant's cadence and channel (the owner's to change;
 * the server refuses others). Saves with the revision it loaded, then hands the grid id to the page.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import {
  CADENCES,
  CADENCE_LABEL,
  DEFAULT_ENGAGEMENT,
  QUADRANTS,
  QUADRANT_INFO,
} from '../../../src/domain/stakeholders';
import type {
  SaveStakeholderGridPayload,
  StakeholderData,
  StakeholderGridData,
  StakeholderGridView,
} from '../../../src/shared/stakeholders';
import type { JiraRequest } from '../../common/src/user-picker-people';
import { UserPicker } from '../../common/src/user-picker';
import { OnePersonField } from '../../common/src/user-picker-fields';
import { ErrorState, LoadingState } from '../../common/src/states';
import { useMacroConfig, type MacroContext } from '../../common/src/macro-config/use-macro-config';

export interface StakeholdersConfigDeps {
  getContext: () => Promise<MacroContext>;
  getGrid: (gridId: string) => Promise<StakeholderGridView>;
  saveGrid: (payload: SaveStakeholderGridPayload) => Promise<StakeholderGridView>;
  names: (ids: string[]) => Promise<Map<string, string>>;
  request: JiraRequest;
  submit: (config: { gridId: string }) => Promise<void>;
  close: () => Promise<void>;
  newId: () => string;
}

const EMPTY: StakeholderGridData = {
  title: 'Stakeholders',
  ownerAccountId: null,
  stakeholders: [],
  engagement: {},
};
const SCORE_OPTIONS = [1, 2, 3, 4, 5] as const;

interface Loaded {
  gridId?: string;
  revision: number;
  grid: StakeholderGridData;
  /** Who is editing: only the owner (or anyone, while the grid has none) may hand the grid over. */
  viewer: string | null;
}

export function StakeholdersConfig({ deps }: { deps: StakeholdersConfigDeps }) {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [external, setExternal] = useState({ name: '', organisation: '' });
  const config = useMacroConfig<Loaded, 'gridId'>({
    idKey: 'gridId',
    getContext: deps.getContext,
    submit: deps.submit,
    conflictMessage: 'Someone changed this grid while you were editing. Reload to see their version.',
    load: async (id, context) => {
      const view = id ? await deps.getGrid(id) : undefined;
      const grid = view?.grid ?? EMPTY;
      const ids = grid.stakeholders.flatMap((s) => (s.party.kind === 'user' ? [s.party.accountId] : []));
      const owner = grid.ownerAccountId ?? (view ? null : (context.accountId ?? null));
      if (owner !== null && !ids.includes(owner)) ids.push(owner);
      if (ids.length > 0) deps.names(ids).then(setNames, () => undefined);
      return {
        ...(view ? { gridId: view.gridId } : {}),
        revision: view?.revision ?? 0,
        grid,
        viewer: context.accountId ?? null,
      };
    },
  });
  const { state: loaded, saving, saveError } = config;

  if (loaded.kind === 'loading') return <LoadingState label="Loading the stakeholder grid" />;
  if (loaded.kind === 'error') {
    return (
      <ErrorState title="The grid could not be loaded" message={loaded.message} onRetry={config.reload} />
    );
  }
  const state = loaded.value;
  const grid = state.grid;
  const setGrid = (next: StakeholderGridData) => config.update((v) => ({ ...v, grid: next }));
  const setOne = (id: string, change: Partial<StakeholderData>) =>
    setGrid({ ...grid, stakeholders: grid.stakeholders.map((s) => (s.id === id ? { ...s, ...change } : s)) });
  const add = (party: StakeholderData['party']) =>
    setGrid({
      ...grid,
      stakeholders: [
        ...grid.stakeholders,
        { id: deps.newId(), party, role: '', authority: 3, concern: 3, notes: '' },
      ],
    });
  const mayHandOver =
    !state.gridId || state.grid.ownerAccountId === null || state.grid.ownerAccountId === state.viewer;
  const label = (s: StakeholderData) =>
    s.party.kind === 'user' ? (names.get(s.party.accountId) ?? 'Unknown person') : s.party.name;

  const save = () =>
    config.save(async () => {
      const saved = await deps.saveGrid({
        ...(state.gridId ? { gridId: state.gridId } : {}),
        revision: state.revision,
        grid,
      });
      return saved.gridId;
    });

  return (
    <Box padding="space.300">
      <Stack space="space.200">
        <label htmlFor="grid-title">
          <Text weight="medium">Title</Text>
        </label>
        <Textfield
          id="grid-title"
          value={grid.title}
          onChange={(e) => setGrid({ ...grid, title: e.currentTarget.value })}
        />
        <OnePersonField
          id="grid-owner"
          label={
            mayHandOver
              ? 'Owner (hand the grid over to someone else here)'
              : 'Owner (only the owner can hand the grid over)'
          }
          value={grid.ownerAccountId ?? (state.gridId ? null : state.viewer)}
          names={names}
          request={deps.request}
          isDisabled={!mayHandOver}
          onChange={(accountId, name) => {
            // A grid always has an owner: clearing the field keeps the current one.
            if (!accountId) return;
            if (name) setNames((m) => new Map(m).set(accountId, name));
            setGrid({ ...grid, ownerAccountId: accountId });
          }}
        />
        <table>
          <thead>
            <tr>
              <th scope="col">Stakeholder</th>
              <th scope="col">Role</th>
              <th scope="col">Authority</th>
              <th scope="col">Concern</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {grid.stakeholders.map((s) => (
              <tr key={s.id} data-testid={`grid-config-row-${s.id}`}>
                <th scope="row">{label(s)}</th>
                <td>
                  <Textfield
                    aria-label={`Role of ${label(s)}`}
                    value={s.role}
                    onChange={(e) => setOne(s.id, { role: e.currentTarget.value })}
                  />
                </td>
                {(['authority', 'concern'] as const).map((k) => (
                  <td key={k}>
                    <select
                      aria-label={`${k === 'authority' ? 'Authority' : 'Concern'} of ${label(s)}`}
                      value={s[k]}
                      onChange={(e) => setOne(s.id, { [k]: Number(e.currentTarget.value) as 1 })}
                    >
                      {SCORE_OPTIONS.map((n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </select>
                  </td>
                ))}
                <td>
                  <Button
                    appearance="subtle"
                    onClick={() =>
                      setGrid({ ...grid, stakeholders: grid.stakeholders.filter((x) => x.id !== s.id) })
                    }
                  >
                    {`Remove ${label(s)}`}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Inline space="space.200" shouldWrap alignBlock="end">
          <Stack space="space.050">
            <label htmlFor="grid-add-user">
              <Text weight="medium">Add a Jira user</Text>
            </label>
            <UserPicker
              request={deps.request}
              inputId="grid-add-user"
              value={null}
              onChange={(o) => {
                if (!o) return;
                setNames((m) => new Map(m).set(o.value, o.label));
                add({ kind: 'user', accountId: o.value });
              }}
            />
          </Stack>
          <Stack space="space.050">
            <label htmlFor="grid-external-name">
              <Text weight="medium">Or an external party</Text>
            </label>
            <Textfield
              id="grid-external-name"
              placeholder="Name"
              value={external.name}
              onChange={(e) => setExternal({ ...external, name: e.currentTarget.value })}
            />
            <Textfield
              aria-label="Organisation"
              placeholder="Organisation"
              value={external.organisation}
              onChange={(e) => setExternal({ ...external, organisation: e.currentTarget.value })}
            />
            <Button
              onClick={() => {
                if (external.name.trim() === '') return;
                add({
                  kind: 'external',
                  name: external.name.trim(),
                  organisation: external.organisation.trim(),
                });
                setExternal({ name: '', organisation: '' });
              }}
            >
              Add external party
            </Button>
          </Stack>
        </Inline>
        <Text weight="medium">
          How each quadrant hears from the project (the grid's owner may change this)
        </Text>
        {QUADRANTS.map((q) => {
          const plan = grid.engagement[q] ?? DEFAULT_ENGAGEMENT[q];
          const setPlan = (change: Partial<typeof plan>) =>
            setGrid({ ...grid, engagement: { ...grid.engagement, [q]: { ...plan, ...change } } });
          return (
            <Inline key={q} space="space.100" alignBlock="center" shouldWrap>
              <Text>{QUADRANT_INFO[q].label}</Text>
              <select
                aria-label={`Cadence for ${QUADRANT_INFO[q].label}`}
                value={plan.cadence}
                onChange={(e) => setPlan({ cadence: e.currentTarget.value as typeof plan.cadence })}
              >
                {CADENCES.map((c) => (
                  <option key={c} value={c}>
                    {CADENCE_LABEL[c]}
                  </option>
                ))}
              </select>
              <Textfield
                aria-label={`Channel for ${QUADRANT_INFO[q].label}`}
                value={plan.channel}
                onChange={(e) => setPlan({ channel: e.currentTarget.value })}
              />
            </Inline>
          );
        })}
        {saveError ? (
          <SectionMessage appearance="error" title="Not saved" testId="grid-save-error">
            <Text>{saveError.message}</Text>
          </SectionMessage>
        ) : null}
        <Inline space="space.100">
          <Button appearance="primary" isDisabled={saving} onClick={() => void save()} testId="grid-save">
            {saving ? 'Saving…' : 'Save'}
          </Button>
          <Button appearance="subtle" onClick={() => void deps.close().catch(() => undefined)}>
            Cancel
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}
