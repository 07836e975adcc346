import type { RolesView } from '../shared/roles';
import { defaultFrameworkFor, findRoleIssues, readRolesProperty, ROLES_PROPERTY_KEY } from '../domain/roles';
import type { IssueTracker } from './ports';
import { AppError } from './errors';

/**
 * Reads an issue's own roles as the person asking (so nobody sees roles on an issue they cannot browse):
 * one Jira call, the issue with its `accord-roles` property. Inheritance from ancestors comes with the
 * roles work (issue #3); until then an issue without its own roles reads as `source: "none"`.
 */
export async function getRoles(
  deps: { jira: IssueTracker },
  input: { issueKey: string },
): Promise<RolesView> {
  const issue = await deps.jira.getIssue(input.issueKey, { properties: [ROLES_PROPERTY_KEY] });
  if (!issue) {
    throw new AppError(
      'NOT_FOUND',
      `Issue ${input.issueKey} does not exist or you do not have permission to see it.`,
    );
  }
  const reading = readRolesProperty(issue.properties[ROLES_PROPERTY_KEY]);
  const framework = reading.property?.framework ?? defaultFrameworkFor(issue.issueType.name);
  if (!reading.property) {
    return {
      issueKey: issue.key,
      framework,
      assignments: [],
      source: 'none',
      findings: reading.findings,
      revision: reading.revision,
    };
  }
  const assignments = reading.property.assignments;
  return {
    issueKey: issue.key,
    framework,
    assignments,
    source: 'issue',
    findings: [...reading.findings, ...findRoleIssues(framework, assignments, {})],
    revision: reading.revision,
  };
}
