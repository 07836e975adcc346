/** DACI decisions: the schema, the pure transitions with their refusals, the decision log view and ADF export. */
export * from './decision';
export * from './decision-schema';
export * from './decision-transitions';
export * from './decision-log-view';
export * from './decision-adf';
