/**
 * Events the app's own modules send each other on one page through `@forge/bridge` `events` (Forge delivers
 * an app's events to its other Custom UI modules on the same page; the local host does the same).
 */

/** The issue context asks the Roles panel to scroll into view and take focus. */
export const FOCUS_ROLES_PANEL = 'accord:focus-roles-panel';
