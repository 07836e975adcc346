/** The executive roll-up's pure core: count queries, forecast, RAG with its reason, snapshots and trend charts. */
export * from './baseline-vs-forecast';
export * from './burn-up';
export * from './business-calendar';
export * from './calendar-date';
export * from './chart-scale';
export * from './count-queries';
export * from './decisions-awaiting';
export * from './escalations-by-level';
export * from './forecast';
export * from './percent-done';
export * from './progress-input';
export * from './rag-rules';
export * from './roll-up';
export * from './scope-jql';
export * from './snapshot';
export * from './pending-decisions';
export * from './key-sets';
