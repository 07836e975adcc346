/** Test helper: validates ADF against Atlassian's published JSON schema (`@atlaskit/adf-schema` full.json). */
import Ajv, { type ValidateFunction } from 'ajv';
import fullSchema from '@atlaskit/adf-schema/json-schema/v1/full.json';

let validator: ValidateFunction | undefined;

/** The schema's complaints about `doc` (empty when it is valid ADF). */
export function adfSchemaErrors(doc: unknown): string[] {
  if (!validator) {
    // The schema declares draft-04, which ajv 8 does not bundle; it uses no draft-04-only keyword.
    const { $schema: _draft, ...schema } = fullSchema as Record<string, unknown>;
    validator = new Ajv({ strict: false, allErrors: false }).compile(schema);
  }
  if (validator(doc)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? e.keyword}`);
}

/** Every text of an ADF document, joined with spaces: what a reader of the export would see. */
export function adfPlainText(node: unknown): string {
  if (typeof node !== 'object' || node === null) return '';
  const n = node as { type?: unknown; text?: unknown; content?: unknown; attrs?: Record<string, unknown> };
  if (n.type === 'hardBreak') return ' ';
  const own = typeof n.text === 'string' ? n.text : typeof n.attrs?.text === 'string' ? n.attrs.text : '';
  const children = Array.isArray(n.content) ? n.content.map(adfPlainText) : [];
  // Inline nodes of one paragraph or heading read as one line; blocks are separated by a space.
  const inline = n.type === 'paragraph' || n.type === 'heading';
  return [own, ...children].filter((s) => s !== '').join(inline ? '' : ' ');
}

/** The nodes of a given type anywhere in an ADF document. */
export function adfNodesOfType(node: unknown, type: string): Array<{ attrs?: Record<string, unknown> }> {
  if (typeof node !== 'object' || node === null) return [];
  const n = node as { type?: unknown; content?: unknown; attrs?: Record<string, unknown> };
  const here = n.type === type ? [n] : [];
  const below = Array.isArray(n.content) ? n.content.flatMap((c) => adfNodesOfType(c, type)) : [];
  return [...here, ...below];
}
