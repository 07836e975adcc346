/**
 * Checks one HTTP exchange (request + response) of the emulated Jira or Confluence against Atlassian's
 * published OpenAPI specs in ../shared/reference/openapi. The emulators are only worth something while
 * they answer what the real products answer; this is what keeps them honest.
 *
 * Every place where the checker is more lenient than the spec says lives in `KNOWN_SPEC_DEFECTS` and
 * `patchKnownDefects` below, each with the reason. Nowhere else is anything waved through.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export type SpecName = 'jira' | 'confluence';

/** The subset of OpenAPI 3.0 the checker reads; everything else in the document is carried along untyped. */
interface ParameterObject {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
}
type SchemaObject = Record<string, unknown>;
interface MediaTypeObject {
  schema?: SchemaObject;
}
interface RequestBodyObject {
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
}
interface ResponseObject {
  content?: Record<string, MediaTypeObject>;
}
type Ref = { $ref: string };
interface OperationObject {
  operationId?: string;
  parameters?: (ParameterObject | Ref)[];
  requestBody?: RequestBodyObject | Ref;
  responses?: Record<string, ResponseObject | Ref>;
}
type PathItemObject = Record<string, unknown> & { parameters?: (ParameterObject | Ref)[] };
interface OpenApiDocument {
  servers?: { url: string }[];
  paths: Record<string, PathItemObject>;
  components?: Record<string, Record<string, unknown>>;
}

interface Route {
  template: string;
  regex: RegExp;
  /** Literal segments count; the most specific template wins (`/search/jql` over `/search/{id}`). */
  literalSegments: number;
  item: PathItemObject;
}

export interface OpenApiSpec {
  name: SpecName;
  /** Path prefix of the spec's server URL (`/wiki/api/v2` for Confluence, empty for Jira). */
  basePath: string;
  doc: OpenApiDocument;
  routes: Route[];
  ajv: Ajv;
  validators: WeakMap<object, ValidateFunction>;
}

export interface Exchange {
  method: string;
  /** Full path as the product serves it, e.g. `/wiki/api/v2/pages/123` or `/rest/api/3/myself`. */
  path: string;
  query?: URLSearchParams;
  requestBody?: unknown;
  status: number;
  responseBody?: unknown;
}

/** A product call as the emulated platform records it (`RecordedCall`), with its query as a string. */
export interface RecordedExchange {
  method: string;
  path: string;
  query: string;
  requestBody?: unknown;
  status: number;
  responseBody?: unknown;
}

/** The exchange `checkExchange` reads, from one call the emulated platform recorded. */
export function exchangeOf(call: RecordedExchange): Exchange {
  return {
    method: call.method,
    path: call.path,
    query: new URLSearchParams(call.query),
    requestBody: call.requestBody,
    status: call.status,
    responseBody: call.responseBody,
  };
}

const SPEC_FILES: Record<SpecName, string> = {
  jira: 'jira-platform-v3.json',
  confluence: 'confluence-v2.json',
};
/** The reference folder sits beside the repository: /work/main → /work/shared/reference/openapi. */
const SPEC_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'reference', 'openapi');

/**
 * Statuses the real services return but the spec does not declare. Each entry is a documented
 * behaviour of the live product; add one only with its source.
 */
const KNOWN_SPEC_DEFECTS: {
  spec: SpecName;
  method: string;
  template: string;
  status: number;
  why: string;
}[] = [
  {
    spec: 'confluence',
    method: 'put',
    template: '/pages/{id}',
    status: 409,
    why:
      'A stale version.number gets 409 Conflict ("Version must be incremented on update. Current version is: N"); ' +
      'documented in the v1 API and observed on v2, missing from the v2 spec.',
  },
  {
    spec: 'confluence',
    method: 'put',
    template: '/pages/{page-id}/properties/{property-id}',
    status: 409,
    why:
      'Content properties carry the same optimistic lock ("Should be 1 more than the current version number", says ' +
      'the request schema); the v1 API documents 409 for a stale one, the v2 spec lists no status for it.',
  },
];

/**
 * Repairs the defects listed in ../shared/reference/SOURCES.md and those found while building the
 * checker, in place, once per load. Each repair is the smallest change that makes the schema say what
 * the service really does.
 */
function patchKnownDefects(name: SpecName, doc: OpenApiDocument): void {
  walk(doc, (node) => {
    // Confluence's `parentId` / `ParentContentType` say "or null if there is no parent" in their own
    // description, and root pages do answer `null`, but the schemas forgot `nullable`.
    if (
      typeof node.description === 'string' &&
      /or null if there is no parent/i.test(node.description) &&
      node.nullable === undefined
    ) {
      node.nullable = true;
      if (Array.isArray(node.enum) && !node.enum.includes(null)) node.enum.push(null);
    }
    // Confluence PageUpdateRequest (spaceId, parentId, ownerId) says `format: "string"` without `type`;
    // "string" is not a format. The fields are strings.
    if (typeof node.format === 'string' && node.type === undefined && node.$ref === undefined) {
      if (node.format === 'string') {
        delete node.format;
        node.type = 'string';
      }
    }
    // 14 Confluence `sort` parameters are `{ type: string, items: {$ref: ...SortOrder} }`: a string that
    // wraps `items`. The value really is one of the sort-order enum values.
    if (node.in === 'query' && isObject(node.schema)) {
      const schema = node.schema;
      if (schema.type === 'string' && isObject(schema.items)) node.schema = schema.items;
    }
    // Confluence write bodies are `oneOf: [XBodyWrite, XNestedBodyWrite]`, two open objects whose
    // properties are all optional, so every body matches both and `oneOf` can never pass. The service
    // takes either form: that is `anyOf`.
    if (
      Array.isArray(node.oneOf) &&
      node.oneOf.length > 0 &&
      node.oneOf.every((s) => isObject(s) && typeof s.$ref === 'string' && /BodyWrite$/.test(s.$ref))
    ) {
      node.anyOf = node.oneOf;
      delete node.oneOf;
    }
  });
  if (name === 'confluence') {
    // Pages can be drafts (PageCreateRequest accepts status "draft"), but the `status` filters of the page
    // lists forget it; Confluence accepts `status=draft` there.
    for (const template of ['/pages', '/spaces/{id}/pages']) {
      const get = doc.paths[template]?.get as OperationObject | undefined;
      for (const p of get?.parameters ?? []) {
        if ('$ref' in p || p.name !== 'status') continue;
        const items = p.schema?.items;
        if (isObject(items) && Array.isArray(items.enum) && !items.enum.includes('draft'))
          items.enum.push('draft');
      }
    }
  }
}

const cache = new Map<SpecName, OpenApiSpec>();

/** Loads (once per process) and prepares one of the reference specs. */
export function loadSpec(name: SpecName): OpenApiSpec {
  const cached = cache.get(name);
  if (cached) return cached;
  const doc = JSON.parse(readFileSync(path.join(SPEC_DIR, SPEC_FILES[name]), 'utf8')) as OpenApiDocument;
  patchKnownDefects(name, doc);

  const ajv = new Ajv({
    // OpenAPI 3.0 schemas carry keywords JSON Schema does not know (example, xml, discriminator without
    // the ajv option, x-*); strict mode would refuse them.
    strict: false,
    allErrors: true,
    validateSchema: false,
    logger: false,
  });
  addFormats(ajv);
  // The whole document is registered under its name so `#/components/...` refs resolve inside it.
  ajv.addSchema(doc, name);

  const basePath = new URL((doc.servers?.[0]?.url ?? '/').replace(/\{[^}]+\}/g, 'x'), 'https://x').pathname;
  const routes: Route[] = Object.entries(doc.paths).map(([template, item]) => {
    const segments = template.split('/').filter(Boolean);
    const pattern = segments
      .map((s) => (/^\{[^}]+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
      .join('/');
    return {
      template,
      regex: new RegExp(`^/${pattern}/?$`),
      literalSegments: segments.filter((s) => !s.startsWith('{')).length,
      item,
    };
  });
  routes.sort((a, b) => b.literalSegments - a.literalSegments);

  const spec: OpenApiSpec = {
    name,
    basePath: basePath === '/' ? '' : basePath.replace(/\/$/, ''),
    doc,
    routes,
    ajv,
    validators: new WeakMap(),
  };
  cache.set(name, spec);
  return spec;
}

/** Returns every way the exchange departs from the spec; [] when it conforms. */
export function checkExchange(spec: OpenApiSpec, ex: Exchange): string[] {
  const method = ex.method.toLowerCase();
  const label = `${ex.method.toUpperCase()} ${ex.path}`;
  if (spec.basePath && !ex.path.startsWith(spec.basePath + '/')) {
    return [`${label}: not under the ${spec.name} API base path ${spec.basePath}`];
  }
  const relative = ex.path.slice(spec.basePath.length) || '/';
  const matches = spec.routes.filter((r) => r.regex.test(relative));
  if (matches.length === 0) return [`${label}: path is not in the ${spec.name} spec`];
  const route = matches.find((r) => isObject(r.item[method])) ?? matches[0]!;
  const operation = route.item[method] as OperationObject | undefined;
  if (!isObject(operation)) {
    return [`${label}: method ${ex.method.toUpperCase()} is not defined for ${route.template}`];
  }
  const where = `${ex.method.toUpperCase()} ${route.template}`;
  return [
    ...checkQuery(spec, where, route.item, operation, ex.query ?? new URLSearchParams()),
    ...checkRequestBody(spec, where, operation, ex.requestBody),
    ...checkResponse(spec, where, method, route.template, operation, ex.status, ex.responseBody),
  ];
}

function checkQuery(
  spec: OpenApiSpec,
  where: string,
  item: PathItemObject,
  operation: OperationObject,
  query: URLSearchParams,
): string[] {
  const declared = new Map<string, ParameterObject>();
  for (const p of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
    const param = resolve<ParameterObject>(spec, p);
    if (param?.in === 'query') declared.set(param.name, param);
  }
  const errors: string[] = [];
  for (const name of new Set(query.keys())) {
    const param = declared.get(name);
    if (!param) {
      errors.push(`${where}: query parameter "${name}" is not declared`);
      continue;
    }
    if (!param.schema) continue;
    const value = coerceQueryValue(spec, param.schema, query.getAll(name));
    errors.push(...validate(spec, param.schema, value, `${where} query "${name}"`));
  }
  for (const param of declared.values()) {
    if (param.required && !query.has(param.name)) {
      errors.push(`${where}: required query parameter "${param.name}" is missing`);
    }
  }
  return errors;
}

/** Query values arrive as strings; turn them into what the parameter's schema describes (style: form). */
function coerceQueryValue(spec: OpenApiSpec, schema: SchemaObject, raw: string[]): unknown {
  const resolved = resolveSchema(spec, schema);
  const scalar = (s: SchemaObject | undefined, v: string): unknown => {
    const type = s ? resolveSchema(spec, s).type : undefined;
    if ((type === 'integer' || type === 'number') && v.trim() !== '' && !Number.isNaN(Number(v)))
      return Number(v);
    if (type === 'boolean' && (v === 'true' || v === 'false')) return v === 'true';
    return v;
  };
  if (resolved.type === 'array') {
    // Both `?status=a&status=b` (explode) and `?status=a,b` are accepted by the services.
    const items = isObject(resolved.items) ? resolved.items : undefined;
    return raw.flatMap((v) => v.split(',')).map((v) => scalar(items, v));
  }
  return scalar(resolved, raw[raw.length - 1] ?? '');
}

function checkRequestBody(
  spec: OpenApiSpec,
  where: string,
  operation: OperationObject,
  body: unknown,
): string[] {
  const requestBody = operation.requestBody
    ? resolve<RequestBodyObject>(spec, operation.requestBody)
    : undefined;
  if (body === undefined) {
    return requestBody?.required ? [`${where}: request body is required`] : [];
  }
  if (!requestBody) return [`${where}: takes no request body`];
  const schema = jsonSchemaOf(requestBody.content);
  if (!schema) return [];
  return validate(spec, schema, body, `${where} request body`);
}

function checkResponse(
  spec: OpenApiSpec,
  where: string,
  method: string,
  template: string,
  operation: OperationObject,
  status: number,
  body: unknown,
): string[] {
  const responses = operation.responses ?? {};
  const declared =
    responses[String(status)] ?? responses[`${String(status).charAt(0)}XX`] ?? responses.default ?? undefined;
  if (!declared) {
    const tolerated = KNOWN_SPEC_DEFECTS.some(
      (d) => d.spec === spec.name && d.method === method && d.template === template && d.status === status,
    );
    return tolerated ? [] : [`${where}: status ${status} is not declared`];
  }
  const response = resolve<ResponseObject>(spec, declared);
  const schema = jsonSchemaOf(response?.content);
  if (!schema || body === undefined) return [];
  return validate(spec, schema, body, `${where} ${status} response`);
}

function jsonSchemaOf(content: Record<string, MediaTypeObject> | undefined): SchemaObject | undefined {
  if (!content) return undefined;
  const media = content['application/json'] ?? Object.entries(content).find(([k]) => k.includes('json'))?.[1];
  return media?.schema;
}

function validate(spec: OpenApiSpec, schema: SchemaObject, value: unknown, what: string): string[] {
  let fn = spec.validators.get(schema);
  if (!fn) {
    // Inline schemas live outside components; point their `#/...` refs into the registered document.
    fn = spec.ajv.compile(rebaseRefs(schema, spec.name) as SchemaObject);
    spec.validators.set(schema, fn);
  }
  if (fn(value)) return [];
  return (fn.errors ?? []).map(
    (e: ErrorObject) => `${what}: ${e.instancePath || '(root)'} ${e.message ?? e.keyword}${params(e)}`,
  );
}

function params(e: ErrorObject): string {
  if (e.keyword === 'enum')
    return ` (${JSON.stringify((e.params as { allowedValues: unknown }).allowedValues)})`;
  if (e.keyword === 'additionalProperties')
    return ` ("${(e.params as { additionalProperty: string }).additionalProperty}")`;
  return '';
}

function rebaseRefs(node: unknown, name: string): unknown {
  if (Array.isArray(node)) return node.map((n) => rebaseRefs(n, name));
  if (!isObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] =
      k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${name}${v}` : rebaseRefs(v, name);
  }
  return out;
}

/** Follows a `#/components/...` reference inside the spec document. */
function resolve<T>(spec: OpenApiSpec, node: T | Ref): T | undefined {
  let current: unknown = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && hops < 10; hops++) {
    current = current.$ref
      .replace(/^#\//, '')
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), spec.doc);
  }
  return current as T | undefined;
}

function resolveSchema(spec: OpenApiSpec, schema: SchemaObject): SchemaObject {
  return resolve<SchemaObject>(spec, schema) ?? {};
}

function walk(node: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit);
  } else if (isObject(node)) {
    visit(node);
    for (const v of Object.values(node)) walk(v, visit);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
