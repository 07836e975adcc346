/**
 * The parser of the emulated Jira's Jira-expression subset: literals (numbers, strings, true/false/null, lists,
 * objects), identifiers, `let x = …;`, arrow functions, member and index access, calls, `new Date(…)` /
 * `new CalendarDate(…)`, unary `!`/`-`, `* / %`, `+ -`, comparisons, `== != === !==`, `&&`, `||`, `?:`.
 * Anything else is a syntax error with a sentence, which the endpoint answers with 400.
 */

export type Node =
  | { t: 'lit'; v: unknown }
  | { t: 'id'; name: string }
  | { t: 'list'; items: Node[] }
  | { t: 'obj'; entries: Array<[string, Node]> }
  | { t: 'member'; obj: Node; name: string }
  | { t: 'index'; obj: Node; index: Node }
  | { t: 'call'; callee: Node; args: Node[] }
  | { t: 'new'; type: string; args: Node[] }
  | { t: 'arrow'; params: string[]; body: Node }
  | { t: 'unary'; op: '!' | '-'; arg: Node }
  | { t: 'bin'; op: string; left: Node; right: Node }
  | { t: 'cond'; test: Node; then: Node; else: Node }
  | { t: 'let'; name: string; value: Node; body: Node };

export class ExpressionError extends Error {}

interface Token {
  k: 'num' | 'str' | 'id' | 'op' | 'end';
  v: string;
  at: number;
}

const OPS = ['===', '!==', '=>', '==', '!=', '<=', '>=', '&&', '||', '?.', ...'()[]{},.:;?!<>+-*/%='];

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(src.slice(i))!;
      out.push({ k: 'num', v: m[0], at: i });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(src.slice(i))!;
      out.push({ k: 'id', v: m[0], at: i });
      i += m[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let text = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\') {
          const n = src[j + 1];
          text += n === 'n' ? '\n' : n === 't' ? '\t' : (n ?? '');
          j += 2;
        } else text += src[j++];
      }
      if (j >= src.length)
        throw new ExpressionError(`The string that starts at column ${i + 1} is never closed.`);
      out.push({ k: 'str', v: text, at: i });
      i = j + 1;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ExpressionError(`Unexpected character "${c}" at column ${i + 1}.`);
    out.push({ k: 'op', v: op, at: i });
    i += op.length;
  }
  out.push({ k: 'end', v: '', at: src.length });
  return out;
}

/** Parses a whole expression; the number of syntactic elements (tokens) is returned for the length limit. */
export function parseExpression(src: string): { node: Node; elements: number } {
  const toks = tokenize(src);
  let p = 0;
  const peek = (o = 0) => toks[Math.min(p + o, toks.length - 1)]!;
  const isOp = (v: string, o = 0) => peek(o).k === 'op' && peek(o).v === v;
  const fail = (what: string): never => {
    const t = peek();
    throw new ExpressionError(
      `${what} expected at column ${t.at + 1}, ${t.k === 'end' ? 'end of expression' : `"${t.v}"`} encountered.`,
    );
  };
  const expect = (v: string) => {
    if (!isOp(v)) fail(`"${v}"`);
    p++;
  };
  const ident = (): string => {
    const t = peek();
    if (t.k !== 'id') return fail('A name');
    p++;
    return t.v;
  };

  const program = (): Node => {
    if (peek().k === 'id' && peek().v === 'let') {
      p++;
      const name = ident();
      expect('=');
      const value = expression();
      expect(';');
      return { t: 'let', name, value, body: program() };
    }
    return expression();
  };

  const arrowAhead = (): boolean => {
    if (peek().k === 'id' && isOp('=>', 1)) return true;
    if (!isOp('(')) return false;
    let q = 1;
    if (isOp(')', q)) return isOp('=>', q + 1);
    for (;;) {
      if (peek(q).k !== 'id') return false;
      q++;
      if (isOp(')', q)) return isOp('=>', q + 1);
      if (!isOp(',', q)) return false;
      q++;
    }
  };

  const expression = (): Node => {
    if (arrowAhead()) {
      const params: string[] = [];
      if (peek().k === 'id') params.push(ident());
      else {
        expect('(');
        while (!isOp(')')) {
          params.push(ident());
          if (isOp(',')) p++;
        }
        expect(')');
      }
      expect('=>');
      return { t: 'arrow', params, body: expression() };
    }
    const test = binary(0);
    if (isOp('?')) {
      p++;
      const then = expression();
      expect(':');
      return { t: 'cond', test, then, else: expression() };
    }
    return test;
  };

  const LEVELS: string[][] = [
    ['||'],
    ['&&'],
    ['==', '!=', '===', '!=='],
    ['<', '<=', '>', '>='],
    ['+', '-'],
    ['*', '/', '%'],
  ];
  const binary = (level: number): Node => {
    if (level >= LEVELS.length) return unary();
    let left = binary(level + 1);
    while (peek().k === 'op' && LEVELS[level]!.includes(peek().v)) {
      const op = peek().v;
      p++;
      left = { t: 'bin', op, left, right: binary(level + 1) };
    }
    return left;
  };

  const unary = (): Node => {
    if (isOp('!') || isOp('-')) {
      const op = peek().v as '!' | '-';
      p++;
      return { t: 'unary', op, arg: unary() };
    }
    return postfix(primary());
  };

  const args = (): Node[] => {
    expect('(');
    const list: Node[] = [];
    while (!isOp(')')) {
      list.push(expression());
      if (!isOp(')')) expect(',');
    }
    expect(')');
    return list;
  };

  const postfix = (node: Node): Node => {
    for (;;) {
      if (isOp('.')) {
        p++;
        node = { t: 'member', obj: node, name: ident() };
      } else if (isOp('[')) {
        p++;
        const index = expression();
        expect(']');
        node = { t: 'index', obj: node, index };
      } else if (isOp('(')) node = { t: 'call', callee: node, args: args() };
      else return node;
    }
  };

  const primary = (): Node => {
    const t = peek();
    if (t.k === 'num') {
      p++;
      return { t: 'lit', v: Number(t.v) };
    }
    if (t.k === 'str') {
      p++;
      return { t: 'lit', v: t.v };
    }
    if (t.k === 'id') {
      p++;
      if (t.v === 'true' || t.v === 'false') return { t: 'lit', v: t.v === 'true' };
      if (t.v === 'null') return { t: 'lit', v: null };
      if (t.v === 'new') {
        const type = ident();
        if (type !== 'Date' && type !== 'CalendarDate')
          throw new ExpressionError(`"new ${type}" is not supported by this Jira; use Date or CalendarDate.`);
        return { t: 'new', type, args: args() };
      }
      if (t.v === 'let' || t.v === 'typeof' || t.v === 'function')
        throw new ExpressionError(`"${t.v}" is not supported here.`);
      return { t: 'id', name: t.v };
    }
    if (isOp('(')) {
      p++;
      const e = expression();
      expect(')');
      return e;
    }
    if (isOp('[')) {
      p++;
      const items: Node[] = [];
      while (!isOp(']')) {
        items.push(expression());
        if (!isOp(']')) expect(',');
      }
      expect(']');
      return { t: 'list', items };
    }
    if (isOp('{')) {
      p++;
      const entries: Array<[string, Node]> = [];
      while (!isOp('}')) {
        const k = peek();
        if (k.k !== 'id' && k.k !== 'str') fail('A property name');
        p++;
        expect(':');
        entries.push([k.v, expression()]);
        if (!isOp('}')) expect(',');
      }
      expect('}');
      return { t: 'obj', entries };
    }
    return fail('!, -, (, a name, null, true, false, a number, a string, new, [ or {');
  };

  const node = program();
  if (peek().k !== 'end') fail('End of expression');
  return { node, elements: toks.length - 1 };
}
