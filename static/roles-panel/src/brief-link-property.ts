/** The `accord-brief` issue property that a brief save writes on each linked epic ("part of brief X"). */
export const BRIEF_LINK_PROPERTY_KEY = 'accord-brief';

export interface BriefLink {
  briefId: string;
  title: string;
  pageId: string;
  /** The issue that carries the property (the issue itself or an ancestor). */
  fromIssueKey: string;
}

/** Reads the property defensively: anything malformed reads as no link. */
export function readBriefLink(raw: unknown, fromIssueKey: string): BriefLink | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { briefId, title, pageId } = raw as Record<string, unknown>;
  if (typeof briefId !== 'string' || typeof title !== 'string' || typeof pageId !== 'string')
    return undefined;
  if (!/^[0-9]{1,20}$/.test(pageId) || title.trim() === '') return undefined;
  return { briefId, title, pageId, fromIssueKey };
}
