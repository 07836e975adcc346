/** Resolves a level's targets to people when it fires: people, group members, and roles read from Jira and KVS. */
import type { Level, TargetRole } from '../../domain/escalation';
import type { ResolvedTarget } from '../../shared/escalation';
import type { BriefOwners, EscalationIssue, EscalationIssueSource, EscalationJira } from './engine-ports';
import { BRIEF_PROPERTY_KEY } from '../save-brief';
import { accountablesOf, decisionsOf, roleHolders } from './issue-facts-from-jira';

const ROLE_LABEL: Record<TargetRole, string> = {
  'issue-accountable': "the issue's Accountable",
  'epic-accountable': "the epic's Accountable",
  'decision-approver': "the decision's Approver",
  'brief-owner': "the brief's owner",
};

/** How many parents the engine climbs to find the epic (sub-task → story → epic). */
const MAX_ANCESTORS = 3;

export interface TargetDeps {
  source: EscalationIssueSource;
  jira: EscalationJira;
  briefs: BriefOwners;
}

/** One issue's lookups, shared by every level that fires on it in one run (each read happens once). */
export class TargetResolver {
  private ancestors: Promise<EscalationIssue[]> | undefined;
  private readonly groups = new Map<string, Promise<string[]>>();

  constructor(
    private readonly deps: TargetDeps,
    private readonly issue: EscalationIssue,
    private readonly decisionIssues: readonly EscalationIssue[],
  ) {}

  /** The level's targets as people (deduplicated), plus an entry for each role or group that resolved to nobody. */
  async resolve(level: Level): Promise<ResolvedTarget[]> {
    const out: ResolvedTarget[] = [];
    const seen = new Set<string>();
    const add = (accountId: string, label: string, group?: string) => {
      if (seen.has(accountId)) return;
      seen.add(accountId);
      out.push({ accountId, label, ...(group ? { group } : {}) });
    };
    for (const target of level.targets) {
      if (target.kind === 'person') add(target.accountId, 'named on the path');
      else if (target.kind === 'group') {
        const members = await this.groupMembers(target.name);
        if (members.length === 0)
          out.push({ group: target.name, label: `the group ${target.name} (no members)` });
        members.forEach((m) => add(m, `member of ${target.name}`, target.name));
      } else {
        const people = await this.roleHolders(target.role);
        if (people.length === 0) out.push({ label: `${ROLE_LABEL[target.role]} (nobody holds this role)` });
        people.forEach((p) => add(p, ROLE_LABEL[target.role]));
      }
    }
    return out;
  }

  private groupMembers(name: string): Promise<string[]> {
    let members = this.groups.get(name);
    if (!members) {
      members = this.deps.jira.groupMembers(name);
      this.groups.set(name, members);
    }
    return members;
  }

  private async roleHolders(role: TargetRole): Promise<string[]> {
    switch (role) {
      case 'issue-accountable': {
        const own = accountablesOf(this.issue);
        if (own.length > 0) return own;
        // Inherited, as the Roles panel shows it: the nearest ancestor that names an Accountable.
        for (const a of await this.chain()) {
          const theirs = accountablesOf(a);
          if (theirs.length > 0) return theirs;
        }
        return [];
      }
      case 'epic-accountable': {
        const epic = await this.epic();
        return epic ? accountablesOf(epic) : [];
      }
      case 'decision-approver': {
        const fromProperty = decisionsOf(this.issue)
          .filter((d) => d.status === 'open' && d.approverAccountId)
          .map((d) => d.approverAccountId as string);
        const fromLinks = this.decisionIssues
          .filter((d) => d.status.category !== 'done')
          .flatMap((d) => roleHolders(d, 'approver'));
        return [...new Set([...fromProperty, ...fromLinks])];
      }
      case 'brief-owner': {
        const epic = await this.epic();
        const holders = [this.issue, ...(epic ? [epic] : [])];
        for (const h of holders) {
          const brief = h.properties[BRIEF_PROPERTY_KEY] as { briefId?: unknown } | undefined;
          if (brief && typeof brief.briefId === 'string') {
            const owner = await this.deps.briefs.ownerOf(brief.briefId);
            if (owner) return [owner];
          }
        }
        return [];
      }
    }
  }

  /** The issue itself when it is an epic, else the nearest ancestor at epic level or above (or the top one). */
  private async epic(): Promise<EscalationIssue | undefined> {
    if (this.issue.issueType.hierarchyLevel >= 1) return this.issue;
    const chain = await this.chain();
    return chain.find((a) => a.issueType.hierarchyLevel >= 1) ?? chain[chain.length - 1];
  }

  /** Ancestors nearest first, one read per level, stopping at the epic. */
  private chain(): Promise<EscalationIssue[]> {
    this.ancestors ??= (async () => {
      const out: EscalationIssue[] = [];
      let next = this.issue.parentKey;
      while (next && out.length < MAX_ANCESTORS) {
        const [parent] = await this.deps.source.fetch([next]);
        if (!parent) break;
        out.push(parent);
        if (parent.issueType.hierarchyLevel >= 1) break;
        next = parent.parentKey;
      }
      return out;
    })();
    return this.ancestors;
  }
}
