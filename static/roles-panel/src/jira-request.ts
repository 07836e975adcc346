/** The panel's Jira read shape and error moved to `static/common/src/jira-request.ts`, shared by every app. */
export {
  JSON_HEADERS,
  JiraReadError,
  type JiraAnswer,
  type JiraRequest,
} from '../../common/src/jira-request';
