/**
 * The fixed configuration of the emulated Jira site: status categories, statuses and the one workflow,
 * issue types with Jira's standard hierarchy, priorities, resolutions, link types and the permission
 * catalogue. Ids follow the numbering a fresh Jira Cloud site uses, so payloads look real.
 */

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface StatusCategoryDef {
  id: number;
  key: StatusCategoryKey;
  name: string;
  colorName: string;
}

export const STATUS_CATEGORIES: Record<StatusCategoryKey, StatusCategoryDef> = {
  new: { id: 2, key: 'new', name: 'To Do', colorName: 'blue-gray' },
  indeterminate: { id: 4, key: 'indeterminate', name: 'In Progress', colorName: 'yellow' },
  done: { id: 3, key: 'done', name: 'Done', colorName: 'green' },
};

export interface StatusDef {
  id: string;
  name: string;
  description: string;
  category: StatusCategoryKey;
  /** Position in the workflow, used by ORDER BY status. */
  sequence: number;
}

export const STATUSES: readonly StatusDef[] = [
  { id: '10000', name: 'To Do', description: '', category: 'new', sequence: 1 },
  {
    id: '10001',
    name: 'In Progress',
    description: 'This work item is being actively worked on at the moment by the assignee.',
    category: 'indeterminate',
    sequence: 2,
  },
  {
    id: '10002',
    name: 'Blocked',
    description: 'Work cannot continue until something outside the team changes.',
    category: 'indeterminate',
    sequence: 3,
  },
  { id: '10003', name: 'In Review', description: '', category: 'indeterminate', sequence: 4 },
  { id: '10004', name: 'Done', description: '', category: 'done', sequence: 5 },
];

export interface TransitionDef {
  id: string;
  name: string;
  toStatusId: string;
}

/** One transition per target status (as simplified workflows do); `WORKFLOW` says where each may be used. */
export const TRANSITIONS: readonly TransitionDef[] = [
  { id: '11', name: 'To Do', toStatusId: '10000' },
  { id: '21', name: 'In Progress', toStatusId: '10001' },
  { id: '31', name: 'Blocked', toStatusId: '10002' },
  { id: '41', name: 'In Review', toStatusId: '10003' },
  { id: '51', name: 'Done', toStatusId: '10004' },
];

/** From status id → transition ids available there: To Do → In Progress → Blocked/In Review → Done. */
export const WORKFLOW: Record<string, readonly string[]> = {
  '10000': ['21', '31', '51'],
  '10001': ['11', '31', '41', '51'],
  '10002': ['11', '21', '41'],
  '10003': ['21', '31', '51'],
  '10004': ['11', '21'],
};

export interface IssueTypeDef {
  id: string;
  name: string;
  description: string;
  hierarchyLevel: number;
  subtask: boolean;
  avatarId: number;
}

export const ISSUE_TYPES: readonly IssueTypeDef[] = [
  {
    id: '10000',
    name: 'Epic',
    description: 'Epics track collections of related bugs, stories, and tasks.',
    hierarchyLevel: 1,
    subtask: false,
    avatarId: 10307,
  },
  {
    id: '10001',
    name: 'Story',
    description: 'Stories track functionality or features expressed as user goals.',
    hierarchyLevel: 0,
    subtask: false,
    avatarId: 10315,
  },
  {
    id: '10002',
    name: 'Task',
    description: 'Tasks track small, distinct pieces of work.',
    hierarchyLevel: 0,
    subtask: false,
    avatarId: 10318,
  },
  {
    id: '10003',
    name: 'Bug',
    description: 'Bugs track problems or errors.',
    hierarchyLevel: 0,
    subtask: false,
    avatarId: 10303,
  },
  {
    id: '10004',
    name: 'Decision',
    description: 'Decisions record a choice, who drives it and who approves it.',
    hierarchyLevel: 0,
    subtask: false,
    avatarId: 10320,
  },
  {
    id: '10005',
    name: 'Subtask',
    description: 'Subtasks track small pieces of work that are part of a larger task.',
    hierarchyLevel: -1,
    subtask: true,
    avatarId: 10316,
  },
];

export interface PriorityDef {
  id: string;
  name: string;
  /** 1 is the most urgent; JQL `priority >= High` means rank <= rank(High). */
  rank: number;
  statusColor: string;
  icon: string;
}

export const PRIORITIES: readonly PriorityDef[] = [
  { id: '1', name: 'Highest', rank: 1, statusColor: '#d04437', icon: 'highest_new.svg' },
  { id: '2', name: 'High', rank: 2, statusColor: '#f15C75', icon: 'high_new.svg' },
  { id: '3', name: 'Medium', rank: 3, statusColor: '#f79232', icon: 'medium_new.svg' },
  { id: '4', name: 'Low', rank: 4, statusColor: '#707070', icon: 'low_new.svg' },
  { id: '5', name: 'Lowest', rank: 5, statusColor: '#999999', icon: 'lowest_new.svg' },
];
export const DEFAULT_PRIORITY_ID = '3';

export interface ResolutionDef {
  id: string;
  name: string;
  description: string;
}

export const RESOLUTIONS: readonly ResolutionDef[] = [
  { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' },
  { id: '10001', name: "Won't Do", description: "This issue won't be actioned." },
  { id: '10002', name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
];
export const DONE_RESOLUTION_ID = '10000';

export interface LinkTypeDef {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

export const LINK_TYPES: readonly LinkTypeDef[] = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
];

export interface PermissionDef {
  id: string;
  key: string;
  name: string;
  type: 'PROJECT' | 'GLOBAL';
  description: string;
}

/** The permissions `mypermissions` knows, with Jira's ids, names and descriptions. */
export const PERMISSIONS: readonly PermissionDef[] = [
  {
    id: '10',
    key: 'BROWSE_PROJECTS',
    name: 'Browse Projects',
    type: 'PROJECT',
    description: 'Ability to browse projects and the issues within them.',
  },
  {
    id: '11',
    key: 'CREATE_ISSUES',
    name: 'Create Issues',
    type: 'PROJECT',
    description: 'Ability to create issues.',
  },
  {
    id: '12',
    key: 'EDIT_ISSUES',
    name: 'Edit Issues',
    type: 'PROJECT',
    description: 'Ability to edit issues.',
  },
  {
    id: '13',
    key: 'ASSIGN_ISSUES',
    name: 'Assign Issues',
    type: 'PROJECT',
    description: 'Ability to assign issues to other people.',
  },
  {
    id: '14',
    key: 'RESOLVE_ISSUES',
    name: 'Resolve Issues',
    type: 'PROJECT',
    description: 'Ability to resolve and reopen issues. This includes the ability to set a fix version.',
  },
  {
    id: '15',
    key: 'ADD_COMMENTS',
    name: 'Add Comments',
    type: 'PROJECT',
    description: 'Ability to comment on issues.',
  },
  {
    id: '16',
    key: 'DELETE_ISSUES',
    name: 'Delete Issues',
    type: 'PROJECT',
    description: 'Ability to delete issues.',
  },
  {
    id: '17',
    key: 'ASSIGNABLE_USER',
    name: 'Assignable User',
    type: 'PROJECT',
    description: 'Users with this permission may be assigned to issues.',
  },
  {
    id: '18',
    key: 'CLOSE_ISSUES',
    name: 'Close Issues',
    type: 'PROJECT',
    description:
      'Ability to close issues. Often useful where your developers resolve issues, and a QA department closes them.',
  },
  {
    id: '19',
    key: 'LINK_ISSUES',
    name: 'Link Issues',
    type: 'PROJECT',
    description:
      'Ability to link issues together and create linked issues. Only useful if issue linking is turned on.',
  },
  {
    id: '20',
    key: 'WORK_ON_ISSUES',
    name: 'Work On Issues',
    type: 'PROJECT',
    description: 'Ability to log work done against an issue. Only useful if Time Tracking is turned on.',
  },
  {
    id: '23',
    key: 'ADMINISTER_PROJECTS',
    name: 'Administer Projects',
    type: 'PROJECT',
    description: 'Ability to administer a project in Jira.',
  },
  {
    id: '28',
    key: 'SCHEDULE_ISSUES',
    name: 'Schedule Issues',
    type: 'PROJECT',
    description: "Ability to view or edit an issue's due date.",
  },
  {
    id: '32',
    key: 'MANAGE_WATCHERS',
    name: 'Manage Watchers',
    type: 'PROJECT',
    description: 'Ability to manage the watchers of an issue.',
  },
  {
    id: '34',
    key: 'EDIT_ALL_COMMENTS',
    name: 'Edit All Comments',
    type: 'PROJECT',
    description: 'Ability to edit all comments made on issues.',
  },
  {
    id: '35',
    key: 'EDIT_OWN_COMMENTS',
    name: 'Edit Own Comments',
    type: 'PROJECT',
    description: 'Ability to edit own comments made on issues.',
  },
  {
    id: '37',
    key: 'DELETE_OWN_COMMENTS',
    name: 'Delete Own Comments',
    type: 'PROJECT',
    description: 'Ability to delete own comments made on issues.',
  },
  {
    id: '45',
    key: 'VIEW_VOTERS_AND_WATCHERS',
    name: 'View Voters and Watchers',
    type: 'PROJECT',
    description: 'Ability to view the voters and watchers of an issue.',
  },
  {
    id: '46',
    key: 'TRANSITION_ISSUES',
    name: 'Transition Issues',
    type: 'PROJECT',
    description: 'Ability to transition issues.',
  },
  {
    id: '0',
    key: 'ADMINISTER',
    name: 'Administer Jira',
    type: 'GLOBAL',
    description:
      'Create and administer projects, issue types, fields, workflows, and schemes for all projects.',
  },
  {
    id: '27',
    key: 'USER_PICKER',
    name: 'Browse users and groups',
    type: 'GLOBAL',
    description: 'View and select users or groups from the user picker, and share issues.',
  },
];

export type ProjectPermissionKey =
  | 'BROWSE_PROJECTS'
  | 'CREATE_ISSUES'
  | 'EDIT_ISSUES'
  | 'ASSIGN_ISSUES'
  | 'RESOLVE_ISSUES'
  | 'ADD_COMMENTS'
  | 'DELETE_ISSUES'
  | 'ASSIGNABLE_USER'
  | 'CLOSE_ISSUES'
  | 'LINK_ISSUES'
  | 'WORK_ON_ISSUES'
  | 'ADMINISTER_PROJECTS'
  | 'SCHEDULE_ISSUES'
  | 'MANAGE_WATCHERS'
  | 'EDIT_ALL_COMMENTS'
  | 'EDIT_OWN_COMMENTS'
  | 'DELETE_OWN_COMMENTS'
  | 'VIEW_VOTERS_AND_WATCHERS'
  | 'TRANSITION_ISSUES';

/** Global permissions a seed may grant (`USER_PICKER` every signed-in person has anyway). */
export type GlobalPermissionKey = 'ADMINISTER';

/** Global grants are kept beside the project grants under this pseudo project id (real ids start at 10000). */
export const GLOBAL_SCOPE = 0;

/** Permission presets for seeds: what a project role typically grants. */
export const VIEWER_PERMISSIONS: readonly ProjectPermissionKey[] = [
  'BROWSE_PROJECTS',
  'VIEW_VOTERS_AND_WATCHERS',
];
export const COMMENTER_PERMISSIONS: readonly ProjectPermissionKey[] = [
  ...VIEWER_PERMISSIONS,
  'ADD_COMMENTS',
  'EDIT_OWN_COMMENTS',
  'DELETE_OWN_COMMENTS',
];
export const EDITOR_PERMISSIONS: readonly ProjectPermissionKey[] = [
  ...COMMENTER_PERMISSIONS,
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'ASSIGN_ISSUES',
  'ASSIGNABLE_USER',
  'RESOLVE_ISSUES',
  'CLOSE_ISSUES',
  'LINK_ISSUES',
  'WORK_ON_ISSUES',
  'SCHEDULE_ISSUES',
  'TRANSITION_ISSUES',
  'MANAGE_WATCHERS',
];
export const ADMIN_PERMISSIONS: readonly ProjectPermissionKey[] = [
  ...EDITOR_PERMISSIONS,
  'DELETE_ISSUES',
  'ADMINISTER_PROJECTS',
  'EDIT_ALL_COMMENTS',
];

/** Field ids → display names (for `expand=names` and changelog `field`). */
/**
 * Jira Software's "Flagged" field: a multi-checkbox custom field with the one option `Impediment`. Its id is
 * per site; `customfield_10021` is the usual one on Jira Cloud (and the one in Atlassian's webhook samples).
 */
export const FLAGGED_FIELD = 'customfield_10021';
export const FLAGGED_OPTION = { id: '10019', value: 'Impediment' } as const;

export const FIELD_NAMES: Record<string, string> = {
  summary: 'Summary',
  description: 'Description',
  issuetype: 'Issue Type',
  project: 'Project',
  status: 'Status',
  statuscategorychangedate: 'Status Category Changed',
  priority: 'Priority',
  labels: 'Labels',
  assignee: 'Assignee',
  reporter: 'Reporter',
  creator: 'Creator',
  created: 'Created',
  updated: 'Updated',
  duedate: 'Due date',
  resolution: 'Resolution',
  resolutiondate: 'Resolved',
  parent: 'Parent',
  subtasks: 'Sub-tasks',
  issuelinks: 'Linked Issues',
  watches: 'Watchers',
  comment: 'Comment',
  components: 'Components',
  fixVersions: 'Fix versions',
  [FLAGGED_FIELD]: 'Flagged',
};

/** Fields that `*navigable` (the default of most searches) leaves out. */
export const NON_NAVIGABLE_FIELDS: ReadonlySet<string> = new Set(['comment']);

export const statusById = new Map(STATUSES.map((s) => [s.id, s]));
export const issueTypeById = new Map(ISSUE_TYPES.map((t) => [t.id, t]));
export const priorityById = new Map(PRIORITIES.map((p) => [p.id, p]));
export const resolutionById = new Map(RESOLUTIONS.map((r) => [r.id, r]));
export const linkTypeById = new Map(LINK_TYPES.map((l) => [l.id, l]));
export const transitionById = new Map(TRANSITIONS.map((t) => [t.id, t]));

const byName = <T extends { name: string }>(list: readonly T[]) =>
  new Map(list.map((item) => [item.name.toLowerCase(), item]));
export const statusByName = byName(STATUSES);
export const issueTypeByName = byName(ISSUE_TYPES);
export const priorityByName = byName(PRIORITIES);
export const resolutionByName = byName(RESOLUTIONS);
export const linkTypeByName = byName(LINK_TYPES);

export const statusCategoryOf = (statusId: string): StatusCategoryDef =>
  STATUS_CATEGORIES[statusById.get(statusId)?.category ?? 'new'];
