/** A typed error for bad input to the escalation domain; its message is a sentence a person can act on. */
export class EscalationInputError extends Error {
  readonly code = 'INVALID_INPUT';
  constructor(message: string) {
    super(message);
    this.name = 'EscalationInputError';
  }
}

/** True for a `Date` that holds a real instant. */
export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
