import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  findForgeMacros,
  macroConfig,
  macroLocalId,
  macroModuleKey,
  newMacroNode,
  withAppendedNode,
  withMacroConfig,
  type AdfNode,
} from './macro-nodes';
import { renderAdf } from './adf-render';

const REFERENCE = '/work/shared/reference/adf/forge-macro-nodes';
const fixture = (name: string) => JSON.parse(readFileSync(join(REFERENCE, name), 'utf8')) as AdfNode;

describe('Forge macro nodes (real shapes from the Forge docs)', () => {
  test('finds the macro in getEditorContent output and reads its key and local id', () => {
    const doc = fixture('getEditorContent.example.parsed.json');
    const macros = findForgeMacros(doc);
    expect(macros).toHaveLength(1);
    expect(macroModuleKey(macros[0]!)).toBe('cool-macro');
    expect(macroLocalId(macros[0]!)).toBe('0');
  });

  test('reads the module key from an `<app>/<env>/static/<key>` extension key and config from guestParams', () => {
    const node = fixture('connect-to-forge-migrated-macro.example.json');
    expect(macroModuleKey(node)).toBe('static-macro-key');
    expect(macroConfig(node)).toEqual({ myForgeField: 'some text' });
  });

  test('writes config into the right macro only, without touching the input', () => {
    const doc: AdfNode = {
      type: 'doc',
      content: [
        newMacroNode({
          appId: 'app',
          moduleKey: 'accord-brief',
          title: 'Brief',
          localId: 'a',
          config: { briefId: 'old' },
        }),
        newMacroNode({
          appId: 'app',
          moduleKey: 'accord-brief',
          title: 'Brief',
          localId: 'b',
          config: { briefId: 'keep' },
        }),
      ],
    };
    const next = withMacroConfig(doc, 'a', { briefId: 'new' });
    expect(next && findForgeMacros(next).map(macroConfig)).toEqual([{ briefId: 'new' }, { briefId: 'keep' }]);
    expect(findForgeMacros(doc).map(macroConfig)).toEqual([{ briefId: 'old' }, { briefId: 'keep' }]);
    expect(withMacroConfig(doc, 'missing', {})).toBeUndefined();
  });

  test('a new macro node is found again by its module key once appended', () => {
    const node = newMacroNode({
      appId: 'u-1',
      moduleKey: 'accord-brief',
      title: 'Brief',
      localId: 'x',
      config: {},
    });
    const doc = withAppendedNode({ type: 'doc', content: [{ type: 'paragraph' }] }, node);
    expect(doc.content).toHaveLength(2);
    expect(macroModuleKey(findForgeMacros(doc)[0]!)).toBe('accord-brief');
  });
});

describe('renderAdf', () => {
  test('renders text and escapes it, and hands Forge macros to the callback', () => {
    const doc: AdfNode = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Plan <now>' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'bold', marks: [{ type: 'strong' }] },
            { type: 'text', text: 'bad', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
          ],
        },
        newMacroNode({ appId: 'a', moduleKey: 'accord-brief', title: 'Brief', localId: 'm1', config: {} }),
      ],
    };
    const out = renderAdf(doc, (node) => `[macro ${macroLocalId(node)}]`);
    expect(out).toBe('<h2>Plan &lt;now&gt;</h2><p><strong>bold</strong>bad</p>[macro m1]');
  });
});
