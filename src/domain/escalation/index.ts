/** The pure core of escalation: the path document, the business-hours clock, conditions, candidate JQL and episodes. */
export * from './business-calendar';
export * from './business-clock';
export * from './business-duration';
export * from './candidate-jql';
export * from './conditions';
export * from './describe-path';
export * from './episode';
export * from './escalation-input-error';
export type * from './escalation-path';
export * from './issue-facts';
export * from './local-dates';
export * from './path-schema';
