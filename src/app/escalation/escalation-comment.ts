/** The words a fired level says on the issue: an ADF comment that mentions the targets, and the notify e-mail. */
import { doc, mention, p, text } from '@atlaskit/adf-utils/builders';
import type { EscalationPath } from '../../domain/escalation';
import type { ResolvedTarget } from '../../shared/escalation';
import type { IssueNotification } from '../ports';

export interface LevelMessage {
  issueKey: string;
  summary: string;
  path: EscalationPath;
  level: number;
  targets: readonly ResolvedTarget[];
  reasons: readonly string[];
}

const people = (targets: readonly ResolvedTarget[]) =>
  targets.filter((t): t is ResolvedTarget & { accountId: string } => typeof t.accountId === 'string');

function heading(m: LevelMessage): string {
  const level = m.path.levels[m.level - 1];
  return `Escalation level ${m.level} of ${m.path.levels.length}${level ? ` (${level.name})` : ''} on "${m.path.name}"`;
}

/** The ADF comment: who is involved (mentions), why, and how to stop the ladder. */
export function escalationCommentAdf(m: LevelMessage) {
  const who = people(m.targets);
  const mentions = who.flatMap((t, i) => [...(i > 0 ? [text(', ')] : []), mention({ id: t.accountId })]);
  const first =
    who.length > 0
      ? p(text(`${heading(m)}: `), ...mentions, text(', please help unblock this.'))
      : p(text(`${heading(m)}: nobody could be found for this level; check the path's targets.`));
  const why = m.reasons.filter((r) => r.trim() !== '').join(' ');
  return doc(
    first,
    ...(why ? [p(text(`Why: ${why}`))] : []),
    p(text('Acknowledge it in the Accord Roles panel to stop the ladder.')),
  );
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Jira's notify e-mail to the level's people. */
export function escalationNotification(m: LevelMessage): IssueNotification {
  const why = m.reasons.join(' ');
  const textBody = `${heading(m)} for ${m.issueKey} "${m.summary}". ${why} Acknowledge it in the Accord Roles panel to stop the ladder.`;
  return {
    subject: `[Accord] ${m.issueKey} escalated: ${m.path.levels[m.level - 1]?.name ?? `level ${m.level}`}`,
    textBody,
    htmlBody: `<p>${escapeHtml(heading(m))} for <strong>${escapeHtml(m.issueKey)}</strong> "${escapeHtml(m.summary)}".</p><p>${escapeHtml(why)}</p><p>Acknowledge it in the Accord Roles panel to stop the ladder.</p>`,
    accountIds: people(m.targets).map((t) => t.accountId),
  };
}
