/** The Project Brief: its sections, schema and limits, completeness score and ADF export. Pure. */
export * from './brief';
export * from './brief-adf';
export * from './brief-sections';
export * from './brief-document';
export * from './brief-completeness';
export * from './brief-document-adf';
export * from './adf-table';
export * from './adf-text';
export * from './iso-date';
export * from './issue-key';
export * from './parse-result';
export * from './reference-id';
export * from './word-count';
export * from './brief-record';
