import type { z } from 'zod';

/** One reason an input was refused: where (a dotted path, `''` for the whole input) and a sentence saying why. */
export interface InputProblem {
  path: string;
  message: string;
}

/** The outcome of reading untrusted input: the value, or every problem found in it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

/** Zod's own wording starts like this; we never show it to a person. */
const ZOD_DEFAULT = /^(Invalid|Too (big|small)|Expected|Unrecognized)/;

/** Turns zod issues into problems with a human sentence each (a generic one where a schema gave none). */
export function problemsFromZod(error: z.ZodError, what: string): InputProblem[] {
  const seen = new Set<string>();
  const problems: InputProblem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    const message = ZOD_DEFAULT.test(issue.message)
      ? path === ''
        ? `The ${what} could not be read; send it as an object with its fields.`
        : `The field "${path}" of the ${what} is not in the expected form.`
      : issue.message;
    const key = `${path}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path, message });
  }
  return problems;
}

/** Runs a zod schema and answers with the value or the sentences. */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown, what: string): Parsed<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: problemsFromZod(result.error, what) };
}
