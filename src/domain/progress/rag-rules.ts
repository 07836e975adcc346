/** The rules that turn a roll-up into red, amber, green or grey; each can be changed, each has a default. */

export type Rag = 'green' | 'amber' | 'red' | 'grey';

export interface RagRules {
  /** Red when the forecast is more than this many days after the baseline. */
  redSlipDays: number;
  /** Amber when the forecast is more than this many days after the baseline. */
  amberSlipDays: number;
  /** Red when an escalation at this level or higher is open. */
  redEscalationLevel: number;
  /** Amber when an escalation at this level or higher is open. */
  amberEscalationLevel: number;
  /** "Blocked for long" means blocked for more than this many business days. */
  blockedBusinessDays: number;
  /** Amber when at least this many items are blocked for long (0 turns the rule off). */
  amberBlockedItems: number;
  /** Red when a decision is past its due date without approval. */
  redWhenDecisionOverdue: boolean;
  /** Amber when a decision has waited more than this share of the time it was given (0.5 is half). */
  amberDecisionShareOfTime: number;
  /** Amber when at least this share of open items is past its due date (0 turns the rule off). */
  amberOverdueShare: number;
  /** Amber when the baseline moved later than the original one (a re-dated project never turns green). */
  amberWhenRebaselined: boolean;
  /** Amber when work remains, a baseline is set, and there is no forecast (nothing finished lately). */
  amberWithoutForecast: boolean;
}

/** Accord's defaults, as the docs describe them in words. */
export const DEFAULT_RAG_RULES: RagRules = {
  redSlipDays: 7,
  amberSlipDays: 0,
  redEscalationLevel: 2,
  amberEscalationLevel: 1,
  blockedBusinessDays: 2,
  amberBlockedItems: 1,
  redWhenDecisionOverdue: true,
  amberDecisionShareOfTime: 0.5,
  amberOverdueShare: 0.1,
  amberWhenRebaselined: true,
  amberWithoutForecast: true,
};

export type RagRulesResult = { ok: true; rules: RagRules } | { ok: false; problems: string[] };

/** Fills unset rules with defaults and checks the rest, one sentence per rule out of range. */
export function resolveRagRules(partial: Partial<RagRules> = {}): RagRulesResult {
  const rules: RagRules = { ...DEFAULT_RAG_RULES, ...stripUndefined(partial) };
  const problems: string[] = [];
  const whole = (key: keyof RagRules, min: number, max: number, what: string): void => {
    const v = rules[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      problems.push(`${what} must be a whole number from ${min} to ${max}; it is ${String(v)}.`);
    }
  };
  const share = (key: keyof RagRules, what: string): void => {
    const v = rules[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
      problems.push(`${what} must be a share from 0 to 1 (0.5 is half); it is ${String(v)}.`);
    }
  };
  const flag = (key: keyof RagRules, what: string): void => {
    if (typeof rules[key] !== 'boolean') problems.push(`${what} must be true or false.`);
  };
  whole('redSlipDays', 0, 3650, 'Days of slip for red');
  whole('amberSlipDays', 0, 3650, 'Days of slip for amber');
  whole('redEscalationLevel', 1, 20, 'The escalation level for red');
  whole('amberEscalationLevel', 1, 20, 'The escalation level for amber');
  whole('blockedBusinessDays', 0, 250, 'Business days blocked');
  whole('amberBlockedItems', 0, 100_000, 'Items blocked for long for amber');
  share('amberDecisionShareOfTime', 'The share of its time a decision may wait before amber');
  share('amberOverdueShare', 'The share of overdue items for amber');
  flag('redWhenDecisionOverdue', 'Red when a decision is overdue');
  flag('amberWhenRebaselined', 'Amber when re-baselined');
  flag('amberWithoutForecast', 'Amber without a forecast');
  if (problems.length === 0 && rules.amberSlipDays > rules.redSlipDays) {
    problems.push(
      `Days of slip for amber (${rules.amberSlipDays}) cannot be more than days of slip for red (${rules.redSlipDays}).`,
    );
  }
  if (problems.length === 0 && rules.amberEscalationLevel > rules.redEscalationLevel) {
    problems.push(
      `The escalation level for amber (${rules.amberEscalationLevel}) cannot be above the level for red (${rules.redEscalationLevel}).`,
    );
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rules };
}

function stripUndefined(partial: Partial<RagRules>): Partial<RagRules> {
  if (typeof partial !== 'object' || partial === null) return {};
  return Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
}
