/** The Stakeholder Analysis Grid: quadrants and engagement, the SVG layout and drag, table rows, ADF export. */
export * from './stakeholder';
export * from './quadrant';
export * from './initials';
export * from './stakeholder-name';
export * from './stakeholder-schema';
export * from './grid-layout';
export * from './stakeholder-table';
export * from './stakeholder-grid-adf';
