import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ResolverCallError, UNREACHABLE_MESSAGE } from '../resolver-client';
import { SaveErrorMessage } from './save-error-message';
import { CONFLICT_MESSAGE, configIdOf, useMacroConfig, type MacroConfigSpec } from './use-macro-config';

interface Note {
  noteId?: string;
  revision: number;
  text: string;
}

/** A tiny config screen on the hook: shows the loaded note, saves it, and says what went wrong. */
function NoteConfig({
  spec,
  write,
}: {
  spec: MacroConfigSpec<Note, 'noteId'>;
  write: (note: Note) => Promise<string>;
}) {
  const config = useMacroConfig(spec);
  const { state } = config;
  if (state.kind === 'loading') return <p>Loading</p>;
  if (state.kind === 'error') {
    return (
      <div>
        <p data-testid="load-error">{state.message}</p>
        <button onClick={config.reload}>Try again</button>
      </div>
    );
  }
  const note = state.value;
  return (
    <div>
      <p data-testid="note">{`${note.noteId ?? 'new'} r${note.revision} ${note.text} load ${state.loads}`}</p>
      <SaveErrorMessage
        error={config.saveError}
        conflictTitle="Someone changed this note"
        forbiddenTitle="You cannot change this note"
        testId="save-error"
        onReload={config.reload}
      />
      <button onClick={() => config.update((n) => ({ ...n, text: `${n.text}!` }))}>Edit</button>
      <button onClick={() => void config.save(() => write(note))}>{config.saving ? 'Saving' : 'Save'}</button>
    </div>
  );
}

function fakes(config: unknown, over: Partial<MacroConfigSpec<Note, 'noteId'>> = {}) {
  const loaded: Array<string | undefined> = [];
  const submitted: Array<{ noteId: string }> = [];
  const spec: MacroConfigSpec<Note, 'noteId'> = {
    idKey: 'noteId',
    getContext: () => Promise.resolve({ extension: { config } }),
    load: (id) => {
      loaded.push(id);
      return Promise.resolve(
        id ? { noteId: id, revision: 4, text: 'stored' } : { revision: 0, text: 'empty' },
      );
    },
    submit: (c) => {
      submitted.push(c);
      return Promise.resolve();
    },
    ...over,
  };
  return { spec, loaded, submitted };
}

test('the id comes from the macro config under its key; empty or missing ids mean a new record', () => {
  expect(configIdOf({ config: { noteId: 'n-1' } }, 'noteId')).toBe('n-1');
  expect(configIdOf({ config: { noteId: '' } }, 'noteId')).toBeUndefined();
  expect(configIdOf({ config: { noteId: 7 } }, 'noteId')).toBeUndefined();
  expect(configIdOf({ config: { otherId: 'x' } }, 'noteId')).toBeUndefined();
  expect(configIdOf({}, 'noteId')).toBeUndefined();
  expect(configIdOf(null, 'noteId')).toBeUndefined();
});

test('a new macro loads the empty draft; saving submits the new id under the config key', async () => {
  const { spec, loaded, submitted } = fakes({});
  const written: Note[] = [];
  render(<NoteConfig spec={spec} write={(n) => (written.push(n), Promise.resolve('n-new'))} />);
  expect((await screen.findByTestId('note')).textContent).toBe('new r0 empty load 1');
  expect(loaded).toEqual([undefined]);
  fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(submitted).toEqual([{ noteId: 'n-new' }]));
  expect(written).toEqual([{ revision: 0, text: 'empty!' }]);
  expect(screen.queryByTestId('save-error')).toBeNull();
});

test('an existing macro loads its record with the revision to save against', async () => {
  const { spec, loaded, submitted } = fakes({ noteId: 'n-1' });
  const written: Note[] = [];
  render(<NoteConfig spec={spec} write={(n) => (written.push(n), Promise.resolve(n.noteId ?? ''))} />);
  expect((await screen.findByTestId('note')).textContent).toBe('n-1 r4 stored load 1');
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(submitted).toEqual([{ noteId: 'n-1' }]));
  expect(loaded).toEqual(['n-1']);
  expect(written[0]).toMatchObject({ noteId: 'n-1', revision: 4 });
});

test('a load failure says what happened and Try again loads again', async () => {
  let calls = 0;
  const { spec } = fakes(
    { noteId: 'n-1' },
    {
      load: (id) => {
        calls += 1;
        return calls === 1
          ? Promise.reject(new ResolverCallError('NOT_FOUND', 'That note is gone.'))
          : Promise.resolve({ noteId: id, revision: 5, text: 'back' });
      },
    },
  );
  render(<NoteConfig spec={spec} write={() => Promise.resolve('x')} />);
  expect((await screen.findByTestId('load-error')).textContent).toBe('That note is gone.');
  fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect((await screen.findByTestId('note')).textContent).toBe('n-1 r5 back load 1');
});

test('a conflict warns, submits nothing, and Reload loads their version and clears the message', async () => {
  let revision = 4;
  const { spec, submitted } = fakes(
    { noteId: 'n-1' },
    { load: (id) => Promise.resolve({ noteId: id, revision: revision++, text: 'theirs' }) },
  );
  render(
    <NoteConfig
      spec={spec}
      write={() => Promise.reject(new ResolverCallError('CONFLICT', 'Revision mismatch.'))}
    />,
  );
  await screen.findByTestId('note');
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  const error = await screen.findByTestId('save-error');
  expect(error.textContent).toContain('Someone changed this note');
  expect(error.textContent).toContain(CONFLICT_MESSAGE);
  expect(submitted).toEqual([]);
  fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
  await waitFor(() => expect(screen.getByTestId('note').textContent).toBe('n-1 r5 theirs load 2'));
  expect(screen.queryByTestId('save-error')).toBeNull();
});

test('a screen may word its own conflict sentence', async () => {
  const { spec } = fakes({}, { conflictMessage: 'Reload to see their version.' });
  render(<NoteConfig spec={spec} write={() => Promise.reject(new ResolverCallError('CONFLICT', 'x'))} />);
  await screen.findByTestId('note');
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  expect((await screen.findByTestId('save-error')).textContent).toContain('Reload to see their version.');
});

test('other errors show the server sentence (or the unreachable one) with no Reload, and keep the draft', async () => {
  const { spec, submitted } = fakes({});
  const failures: Error[] = [
    new ResolverCallError('FORBIDDEN', 'You cannot edit this page.'),
    new TypeError('fetch failed'),
  ];
  render(
    <NoteConfig
      spec={spec}
      write={() => Promise.reject(failures.shift() ?? new Error('no more failures'))}
    />,
  );
  await screen.findByTestId('note');
  fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  const forbidden = await screen.findByTestId('save-error');
  expect(forbidden.textContent).toContain('You cannot change this note');
  expect(forbidden.textContent).toContain('You cannot edit this page.');
  expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(screen.getByTestId('save-error').textContent).toContain(UNREACHABLE_MESSAGE));
  expect(screen.getByTestId('save-error').textContent).toContain('Not saved');
  expect(screen.getByTestId('note').textContent).toBe('new r0 empty! load 1');
  expect(submitted).toEqual([]);
});

test('a failed submit is a save error too', async () => {
  const { spec } = fakes(
    {},
    { submit: () => Promise.reject(new ResolverCallError('NOT_FOUND', 'The page is gone.')) },
  );
  render(<NoteConfig spec={spec} write={() => Promise.resolve('n-new')} />);
  await screen.findByTestId('note');
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  expect((await screen.findByTestId('save-error')).textContent).toContain('The page is gone.');
});
