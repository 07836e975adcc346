export {
  DEFAULT_BLOCKED_THRESHOLD_HOURS,
  DEFAULT_SETTINGS,
  SETTINGS_LIMITS,
  readSettings,
  sameSettings,
  settingsProblems,
  type SettingsField,
  type SettingsValues,
} from './settings';
