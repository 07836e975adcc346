/** Project Brief contract between the brief macro apps and the macro resolver. Type-only. */
export interface BriefSummary {
  id: string;
  title: string;
  problem: string;
  ownerAccountId: string | null;
  status: 'draft' | 'in-review' | 'approved';
  revision: number;
  updatedAt: string;
}

/** `brief/get`: the macro config holds only the id. */
export interface GetBriefPayload {
  briefId: string;
}

/** `brief/save`: create (no briefId, revision 0) or update (briefId and the revision it was based on). */
export interface SaveBriefPayload {
  briefId?: string;
  revision: number;
  title: string;
  problem: string;
  status: BriefSummary['status'];
}

/** What the page's macro config stores. */
export interface BriefMacroConfig {
  briefId: string;
}
