/** The three parts of a Status report, in the order that works with executives, with their guiding questions. */
import type { StatusReport } from '../../../src/shared/progress';

export type SectionKey = 'problemAndImpact' | 'rootCauseAndOptions' | 'recommendation';

export const REPORT_SECTIONS: ReadonlyArray<{ key: SectionKey; title: string; question: string }> = [
  {
    key: 'problemAndImpact',
    title: '1. The problem and its business impact',
    question:
      'What is going wrong, and what does it cost the business (revenue, customers, dates) if nothing changes?',
  },
  {
    key: 'rootCauseAndOptions',
    title: '2. Root cause and options considered',
    question:
      'Why did it happen, and which options did you weigh (including doing nothing), with their trade-offs?',
  },
  {
    key: 'recommendation',
    title: '3. Recommended path: resources and timeline',
    question:
      'What do you recommend, what do you need (people, money, decisions) and by when, and what is the new date?',
  },
];

export const sectionText = (report: Pick<StatusReport, SectionKey>, key: SectionKey): string => report[key];
