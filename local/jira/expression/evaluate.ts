/**
 * The evaluator of the emulated Jira's Jira-expression subset, with Jira's complexity accounting: steps
 * (every variable read, property access, call, operator), expensive operations (loading entity properties or
 * another issue), and the beans and primitive values of the result. Exceeding a limit fails the evaluation.
 */
import { ExpressionError, parseExpression, type Node } from './parser';

/** What an expression can read of one issue; the endpoint builds these for issues the caller may browse. */
export interface IssueData {
  id: number;
  key: string;
  summary: string;
  status: { id: string; name: string; category: { key: string; name: string } };
  issueType: { id: string; name: string };
  priority: { id: string; name: string } | null;
  /** `YYYY-MM-DD` or null. */
  dueDate: string | null;
  resolutionDate: number | null;
  created: number;
  updated: number;
  labels: string[];
  /** The parent, or null; undefined when it exists but the caller may not browse it (reads as null). */
  parent: () => IssueData | null;
  property: (key: string) => unknown;
}

export interface Limits {
  /** Characters of the expression. */
  length: number;
  steps: number;
  expensiveOperations: number;
  beans: number;
  primitiveValues: number;
}

/** Jira's documented limits (the OpenAPI spec's example `meta.complexity` and the expressions guide). */
export const JIRA_EXPRESSION_LIMITS: Limits = {
  length: 1000,
  steps: 10_000,
  expensiveOperations: 10,
  beans: 1000,
  primitiveValues: 10_000,
};

export interface Complexity {
  steps: { value: number; limit: number };
  expensiveOperations: { value: number; limit: number };
  beans: { value: number; limit: number };
  primitiveValues: { value: number; limit: number };
}

export interface EvaluationContext {
  variables: Record<string, unknown>;
  now: Date;
  limits?: Limits;
}

export class JDate {
  constructor(readonly ms: number) {}
}
export class JCalendarDate {
  constructor(readonly date: string) {}
}
export class JIssue {
  constructor(readonly data: IssueData) {}
}
class Lambda {
  constructor(
    readonly params: string[],
    readonly body: Node,
    readonly env: Map<string, unknown>,
  ) {}
}
class Method {
  constructor(
    readonly self: unknown,
    readonly name: string,
  ) {}
}

const DAY = 86_400_000;
const isCal = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

export function evaluateExpression(
  source: string,
  ctx: EvaluationContext,
): { value: unknown; complexity: Complexity } {
  const limits = ctx.limits ?? JIRA_EXPRESSION_LIMITS;
  if (source.length > limits.length)
    throw new ExpressionError(
      `Jira expression is too long (${source.length}), limit: ${limits.length} characters`,
    );
  const { node } = parseExpression(source);
  let steps = 0;
  let expensive = 0;
  const step = () => {
    if (++steps > limits.steps)
      throw new ExpressionError(
        `Evaluation exceeded the limit of ${limits.steps} steps. Simplify the expression or load fewer issues.`,
      );
  };
  const costly = () => {
    if (++expensive > limits.expensiveOperations)
      throw new ExpressionError(
        `Evaluation exceeded the limit of ${limits.expensiveOperations} expensive operations (entity properties, other issues).`,
      );
  };
  const typeName = (v: unknown): string =>
    v === null || v === undefined
      ? 'null'
      : v instanceof JIssue
        ? 'Issue'
        : v instanceof JDate
          ? 'Date'
          : v instanceof JCalendarDate
            ? 'CalendarDate'
            : Array.isArray(v)
              ? 'List'
              : v instanceof Lambda
                ? 'Function'
                : typeof v === 'object'
                  ? 'Map'
                  : typeof v === 'string'
                    ? 'String'
                    : typeof v === 'number'
                      ? 'Number'
                      : 'Boolean';

  const call = (fn: unknown, args: unknown[]): unknown => {
    step();
    if (fn instanceof Lambda) {
      const env = new Map(fn.env);
      fn.params.forEach((p, i) => env.set(p, args[i] ?? null));
      return ev(fn.body, env);
    }
    if (fn instanceof Method) return method(fn.self, fn.name, args);
    throw new ExpressionError(`A value of type ${typeName(fn)} is not a function.`);
  };
  const fnArg = (v: unknown, name: string): Lambda => {
    if (!(v instanceof Lambda)) throw new ExpressionError(`${name}() expects a function such as x => x.`);
    return v;
  };
  const num = (v: unknown, what: string): number => {
    if (typeof v !== 'number') throw new ExpressionError(`${what} expects a Number, got ${typeName(v)}.`);
    return v;
  };

  const method = (self: unknown, name: string, args: unknown[]): unknown => {
    if (Array.isArray(self)) {
      switch (name) {
        case 'filter':
          return self.filter((x) => call(fnArg(args[0], name), [x]) === true);
        case 'map':
          return self.map((x) => call(fnArg(args[0], name), [x]));
        case 'some':
          return self.some((x) => call(fnArg(args[0], name), [x]) === true);
        case 'every':
          return self.every((x) => call(fnArg(args[0], name), [x]) === true);
        case 'reduce': {
          const f = fnArg(args[0], name);
          if (args.length < 2) throw new ExpressionError('reduce() needs an initial value here.');
          return self.reduce((acc, x) => call(f, [acc, x]), args[1]);
        }
        case 'includes':
          return self.some((x) => same(x, args[0]));
        case 'indexOf':
          return self.findIndex((x) => same(x, args[0]));
        case 'slice':
          return self.slice(
            num(args[0], 'slice()'),
            args[1] === undefined ? undefined : num(args[1], 'slice()'),
          );
        case 'join':
          return self.map((x) => String(x)).join(typeof args[0] === 'string' ? args[0] : ',');
      }
    }
    if (typeof self === 'string') {
      const s = String(args[0] ?? '');
      switch (name) {
        case 'includes':
          return self.includes(s);
        case 'startsWith':
          return self.startsWith(s);
        case 'toLowerCase':
          return self.toLowerCase();
        case 'toUpperCase':
          return self.toUpperCase();
        case 'split':
          return self.split(s);
      }
    }
    if (self instanceof JDate) {
      switch (name) {
        case 'getTime':
          return self.ms;
        case 'toISOString':
          return new Date(self.ms).toISOString();
        case 'toCalendarDate':
        case 'toCalendarDateUTC':
          return new JCalendarDate(new Date(self.ms).toISOString().slice(0, 10));
        case 'plusDays':
          return new JDate(self.ms + num(args[0], 'plusDays()') * DAY);
        case 'minusDays':
          return new JDate(self.ms - num(args[0], 'minusDays()') * DAY);
      }
    }
    if (self instanceof JCalendarDate) {
      const ms = Date.parse(`${self.date}T00:00:00Z`);
      switch (name) {
        case 'plusDays':
          return new JCalendarDate(
            new Date(ms + num(args[0], 'plusDays()') * DAY).toISOString().slice(0, 10),
          );
        case 'minusDays':
          return new JCalendarDate(
            new Date(ms - num(args[0], 'minusDays()') * DAY).toISOString().slice(0, 10),
          );
        case 'toString':
          return self.date;
      }
    }
    if (self === DATE_TYPE && name === 'now') return ctx.now.getTime();
    throw new ExpressionError(`Unrecognized method of ${typeName(self)}: "${name}".`);
  };

  const member = (obj: unknown, name: string): unknown => {
    if (obj === null || obj === undefined) throw new ExpressionError(`Cannot read "${name}" of null.`);
    if (obj instanceof JIssue) {
      const d = obj.data;
      switch (name) {
        case 'id':
          return d.id;
        case 'key':
          return d.key;
        case 'summary':
          return d.summary;
        case 'status':
          return { id: d.status.id, name: d.status.name, category: { ...d.status.category } };
        case 'issueType':
          return { ...d.issueType };
        case 'priority':
          return d.priority ? { ...d.priority } : null;
        case 'dueDate':
          return d.dueDate ? new JCalendarDate(d.dueDate) : null;
        case 'resolutionDate':
          return d.resolutionDate === null ? null : new JDate(d.resolutionDate);
        case 'created':
          return new JDate(d.created);
        case 'updated':
          return new JDate(d.updated);
        case 'labels':
          return [...d.labels];
        case 'parent': {
          costly();
          const p = d.parent();
          return p ? new JIssue(p) : null;
        }
        case 'properties':
          return new Properties(d);
      }
      throw new ExpressionError(
        `Unrecognized property of \`issue\`: "${name}". Available properties of type 'Issue' here are: 'id', 'key', 'summary', 'status', 'issueType', 'priority', 'dueDate', 'resolutionDate', 'created', 'updated', 'labels', 'parent', 'properties'.`,
      );
    }
    if (Array.isArray(obj) && (name === 'length' || name === 'count')) return obj.length;
    if (typeof obj === 'string' && name === 'length') return obj.length;
    if (
      Array.isArray(obj) ||
      typeof obj === 'string' ||
      obj instanceof JDate ||
      obj instanceof JCalendarDate ||
      obj === DATE_TYPE
    )
      return new Method(obj, name);
    if (obj instanceof Properties)
      throw new ExpressionError("Read an entity property with properties['key'] or properties.get('key').");
    if (typeof obj === 'object' && !(obj instanceof Lambda)) {
      const rec = obj as Record<string, unknown>;
      return Object.prototype.hasOwnProperty.call(rec, name) ? rec[name] : null;
    }
    throw new ExpressionError(`Unrecognized property of ${typeName(obj)}: "${name}".`);
  };

  const same = (a: unknown, b: unknown): boolean => {
    if (a instanceof JDate && b instanceof JDate) return a.ms === b.ms;
    if (a instanceof JCalendarDate && b instanceof JCalendarDate) return a.date === b.date;
    if (a instanceof JIssue && b instanceof JIssue) return a.data.id === b.data.id;
    return a === b || (a === undefined && b === null) || (a === null && b === undefined);
  };
  const order = (a: unknown, b: unknown, op: string): boolean => {
    let x: number | string;
    let y: number | string;
    if (typeof a === 'number' && typeof b === 'number') [x, y] = [a, b];
    else if (typeof a === 'string' && typeof b === 'string') [x, y] = [a, b];
    else if (a instanceof JDate && b instanceof JDate) [x, y] = [a.ms, b.ms];
    else if (a instanceof JCalendarDate && b instanceof JCalendarDate) [x, y] = [a.date, b.date];
    else throw new ExpressionError(`Cannot compare ${typeName(a)} with ${typeName(b)} using ${op}.`);
    return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
  };

  const ev = (n: Node, env: Map<string, unknown>): unknown => {
    switch (n.t) {
      case 'lit':
        return n.v;
      case 'list':
        return n.items.map((i) => ev(i, env));
      case 'obj':
        return Object.fromEntries(n.entries.map(([k, v]) => [k, ev(v, env)]));
      case 'arrow':
        return new Lambda(n.params, n.body, env);
      case 'let': {
        const inner = new Map(env);
        inner.set(n.name, ev(n.value, env));
        return ev(n.body, inner);
      }
      case 'id': {
        step();
        if (env.has(n.name)) return env.get(n.name);
        if (n.name === 'Date') return DATE_TYPE;
        if (Object.prototype.hasOwnProperty.call(ctx.variables, n.name)) return ctx.variables[n.name];
        throw new ExpressionError(`Evaluation failed: "${n.name}" is not defined in this context.`);
      }
      case 'member':
        step();
        return member(ev(n.obj, env), n.name);
      case 'index': {
        step();
        const obj = ev(n.obj, env);
        const idx = ev(n.index, env);
        if (obj instanceof Properties) {
          costly();
          return obj.data.property(String(idx)) ?? null;
        }
        if (Array.isArray(obj)) return obj[num(idx, 'A list index')] ?? null;
        if (typeof obj === 'object' && obj !== null && !(obj instanceof Lambda))
          return member(obj, String(idx));
        throw new ExpressionError(`Cannot index a value of type ${typeName(obj)}.`);
      }
      case 'call': {
        const callee =
          n.callee.t === 'member' && ev(n.callee.obj, env) instanceof Properties && n.callee.name === 'get'
            ? null
            : ev(n.callee, env);
        if (callee === null && n.callee.t === 'member') {
          const props = ev(n.callee.obj, env) as Properties;
          costly();
          return props.data.property(String(ev(n.args[0] ?? { t: 'lit', v: '' }, env))) ?? null;
        }
        return call(
          callee,
          n.args.map((a) => ev(a, env)),
        );
      }
      case 'new': {
        step();
        const args = n.args.map((a) => ev(a, env));
        if (n.type === 'Date') {
          if (args.length === 0) return new JDate(ctx.now.getTime());
          const ms = typeof args[0] === 'number' ? args[0] : Date.parse(String(args[0]));
          if (!Number.isFinite(ms)) throw new ExpressionError(`"${String(args[0])}" is not a date.`);
          return new JDate(ms);
        }
        if (args.length === 0) return new JCalendarDate(ctx.now.toISOString().slice(0, 10));
        if (typeof args[0] !== 'string' || !isCal(args[0]))
          throw new ExpressionError(`"${String(args[0])}" is not a calendar date written as YYYY-MM-DD.`);
        return new JCalendarDate(args[0]);
      }
      case 'unary': {
        step();
        const v = ev(n.arg, env);
        if (n.op === '!') return !truthy(v);
        return -num(v, 'Unary minus');
      }
      case 'cond':
        step();
        return truthy(ev(n.test, env)) ? ev(n.then, env) : ev(n.else, env);
      case 'bin': {
        step();
        if (n.op === '&&') return truthy(ev(n.left, env)) ? truthy(ev(n.right, env)) : false;
        if (n.op === '||') return truthy(ev(n.left, env)) ? true : truthy(ev(n.right, env));
        const a = ev(n.left, env);
        const b = ev(n.right, env);
        switch (n.op) {
          case '==':
          case '===':
            return same(a, b);
          case '!=':
          case '!==':
            return !same(a, b);
          case '<':
          case '<=':
          case '>':
          case '>=':
            return order(a, b, n.op);
          case '+':
            if (typeof a === 'string' || typeof b === 'string') return text(a) + text(b);
            return num(a, '+') + num(b, '+');
          case '-':
            return num(a, '-') - num(b, '-');
          case '*':
            return num(a, '*') * num(b, '*');
          case '/':
            return num(a, '/') / num(b, '/');
          case '%':
            return num(a, '%') % num(b, '%');
        }
        throw new ExpressionError(`Operator ${n.op} is not supported.`);
      }
    }
  };
  const text = (v: unknown): string =>
    v instanceof JCalendarDate ? v.date : v instanceof JDate ? new Date(v.ms).toISOString() : String(v);
  const truthy = (v: unknown): boolean => {
    if (typeof v === 'boolean') return v;
    if (v === null || v === undefined) return false;
    throw new ExpressionError(`A Boolean was expected, got ${typeName(v)}.`);
  };

  const raw = ev(node, new Map());
  let beans = 0;
  let primitives = 0;
  const out = (v: unknown): unknown => {
    if (v instanceof JIssue) {
      if (++beans > limits.beans)
        throw new ExpressionError(`The result holds more than ${limits.beans} beans.`);
      return { id: v.data.id, key: v.data.key };
    }
    if (Array.isArray(v)) return v.map(out);
    if (v instanceof Lambda || v instanceof Method) return '<function>';
    if (v instanceof Properties) return '<entity properties>';
    if (v === DATE_TYPE) return 'Date';
    if (v !== null && typeof v === 'object' && !(v instanceof JDate) && !(v instanceof JCalendarDate))
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, out(x)]));
    if (++primitives > limits.primitiveValues)
      throw new ExpressionError(`The result holds more than ${limits.primitiveValues} primitive values.`);
    return v instanceof JDate
      ? new Date(v.ms).toISOString().replace('Z', '+0000')
      : v instanceof JCalendarDate
        ? v.date
        : v;
  };
  const value = out(raw);
  return {
    value,
    complexity: {
      steps: { value: steps, limit: limits.steps },
      expensiveOperations: { value: expensive, limit: limits.expensiveOperations },
      beans: { value: beans, limit: limits.beans },
      primitiveValues: { value: primitives, limit: limits.primitiveValues },
    },
  };
}

const DATE_TYPE = Object.freeze({ type: 'Date' });

class Properties {
  constructor(readonly data: IssueData) {}
}

export { ExpressionError };
