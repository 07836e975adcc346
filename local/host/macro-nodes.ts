/**
 * Forge macros inside a Confluence page's ADF: find them, read and write their config, make new ones.
 * Shape (see shared/reference/adf/forge-macro-nodes): an `extension` (or `bodiedExtension`/`inlineExtension`)
 * node with `attrs.extensionType: com.atlassian.ecosystem`, `attrs.extensionKey` ending in
 * `/static/<moduleKey>`, the config in `attrs.parameters.guestParams`, and a `localId`.
 */

export interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  [k: string]: unknown;
}

export const FORGE_EXTENSION_TYPE = 'com.atlassian.ecosystem';
/** The environment id the local site reports for the app (a development environment). */
export const LOCAL_ENVIRONMENT_ID = '5e0c2a1f-local-0000-0000-accordenv001';
const MACRO_NODE_TYPES = new Set(['extension', 'bodiedExtension', 'inlineExtension']);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function isForgeMacro(node: AdfNode): boolean {
  return MACRO_NODE_TYPES.has(node.type) && node.attrs?.extensionType === FORGE_EXTENSION_TYPE;
}

/** The manifest module key a Forge macro node refers to. */
export function macroModuleKey(node: AdfNode): string | undefined {
  const attrs = node.attrs ?? {};
  const parameters = isRecord(attrs.parameters) ? attrs.parameters : {};
  for (const candidate of [attrs.extensionKey, parameters.extensionId]) {
    if (typeof candidate !== 'string' || !candidate) continue;
    // `<app>/<env>/static/<key>`, `ari:cloud:ecosystem::extension/<app>/<env>/static/<key>`, or a bare key.
    return candidate.split('/static/').pop()?.split('/').pop();
  }
  return undefined;
}

export function macroLocalId(node: AdfNode): string | undefined {
  const attrs = node.attrs ?? {};
  const parameters = isRecord(attrs.parameters) ? attrs.parameters : {};
  const id = attrs.localId ?? parameters.localId;
  return typeof id === 'string' && id ? id : undefined;
}

export function macroConfig(node: AdfNode): Record<string, unknown> {
  const parameters = node.attrs?.parameters;
  if (!isRecord(parameters)) return {};
  return isRecord(parameters.guestParams) ? parameters.guestParams : {};
}

/** Every Forge macro in document order. */
export function findForgeMacros(doc: AdfNode): AdfNode[] {
  const found: AdfNode[] = [];
  const walk = (node: AdfNode) => {
    if (isForgeMacro(node)) found.push(node);
    node.content?.forEach(walk);
  };
  walk(doc);
  return found;
}

/** A copy of the document with the config of the macro `localId` replaced; undefined when it is not there. */
export function withMacroConfig(
  doc: AdfNode,
  localId: string,
  config: Record<string, unknown>,
): AdfNode | undefined {
  let replaced = false;
  const walk = (node: AdfNode): AdfNode => {
    if (isForgeMacro(node) && macroLocalId(node) === localId) {
      replaced = true;
      const attrs = node.attrs ?? {};
      const parameters = isRecord(attrs.parameters) ? attrs.parameters : {};
      return { ...node, attrs: { ...attrs, parameters: { ...parameters, guestParams: config } } };
    }
    return node.content ? { ...node, content: node.content.map(walk) } : node;
  };
  const next = walk(doc);
  return replaced ? next : undefined;
}

/** A new Forge macro node as Confluence's editor inserts it. */
export function newMacroNode(opts: {
  appId: string;
  moduleKey: string;
  title: string;
  localId: string;
  config: Record<string, unknown>;
}): AdfNode {
  const path = `${opts.appId}/${LOCAL_ENVIRONMENT_ID}/static/${opts.moduleKey}`;
  return {
    type: 'extension',
    attrs: {
      extensionType: FORGE_EXTENSION_TYPE,
      extensionKey: path,
      parameters: {
        localId: opts.localId,
        extensionId: `ari:cloud:ecosystem::extension/${path}`,
        extensionTitle: opts.title,
        layout: 'extension',
        forgeEnvironment: 'DEVELOPMENT',
        render: 'native',
        guestParams: opts.config,
      },
      text: opts.title,
      layout: 'default',
      localId: opts.localId,
    },
  };
}

/** A copy of the document with `node` appended at the end. */
export function withAppendedNode(doc: AdfNode, node: AdfNode): AdfNode {
  return { ...doc, content: [...(doc.content ?? []), node] };
}
