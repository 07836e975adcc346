import { calendarProblems, type BusinessCalendar } from '../../domain/escalation';
import type { EscalationDefaults, SaveDefaultsPayload } from '../../shared/escalation';
import type { EscalationDefaultsRecord } from '../escalation-ports';
import { RevisionConflict, type DocumentStore, type SiteAdministration } from '../ports';
import { AppError } from '../errors';
import { requireJiraAdmin } from '../get-settings';

export const DEFAULTS_ID = 'site';

/** The calendar new paths start from until an administrator saves another: Mon–Fri 09:00–17:00 UTC. */
export const BUILT_IN_CALENDAR: BusinessCalendar = {
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  hours: { start: '09:00', end: '17:00' },
  pausedStatuses: [],
};

export interface DefaultsDeps {
  defaults: DocumentStore<EscalationDefaultsRecord>;
  admin: SiteAdministration;
}

/** The stored defaults, or the built-in ones at revision 0. */
export async function loadDefaults(
  defaults: DocumentStore<EscalationDefaultsRecord>,
): Promise<EscalationDefaults> {
  const stored = await defaults.get(DEFAULTS_ID);
  return stored
    ? { ...stored.value, revision: stored.revision }
    : { calendar: BUILT_IN_CALENDAR, sitePathId: null, revision: 0 };
}

/** `escalation/defaults-get`: Jira administrators only. */
export async function getEscalationDefaults(deps: DefaultsDeps): Promise<EscalationDefaults> {
  await requireJiraAdmin(deps.admin, "see Accord's escalation defaults");
  return loadDefaults(deps.defaults);
}

const conflict = (currentRevision: number | null) =>
  new AppError(
    'CONFLICT',
    'Someone saved the escalation defaults while you were editing. Reload to see their values, then make your change again.',
    { currentRevision },
  );

/**
 * `escalation/defaults-save`: the site calendar, checked by the domain (each problem a sentence), Jira
 * administrators only, based on the revision it was read at; an unchanged save writes nothing.
 */
export async function saveEscalationDefaults(
  deps: DefaultsDeps,
  input: SaveDefaultsPayload,
): Promise<EscalationDefaults> {
  const calendar = normalizeCalendar(input.calendar);
  const problems = calendarProblems(calendar).map((p) => ({
    field: `calendar.${p.field}`,
    message: `Calendar: ${p.message}`,
  }));
  if (problems.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `The defaults were not saved: ${problems.map((p) => p.message).join(' ')}`,
      { problems },
    );
  }
  await requireJiraAdmin(deps.admin, "change Accord's escalation defaults");
  const current = await loadDefaults(deps.defaults);
  if (current.revision !== input.revision) throw conflict(current.revision);
  if (JSON.stringify(current.calendar) === JSON.stringify(calendar)) return current;
  try {
    const saved = await deps.defaults.put(
      DEFAULTS_ID,
      { calendar, sitePathId: current.sitePathId },
      input.revision,
    );
    return { ...saved.value, revision: saved.revision };
  } catch (e) {
    if (e instanceof RevisionConflict) throw conflict(e.currentRevision);
    throw e;
  }
}

function normalizeCalendar(c: BusinessCalendar): BusinessCalendar {
  const out: BusinessCalendar = {
    timeZone: c.timeZone.trim(),
    workingDays: [...c.workingDays].sort((a, b) => a - b),
    hours: { start: c.hours.start.trim(), end: c.hours.end.trim() },
    pausedStatuses: [...new Set(c.pausedStatuses.map((s) => s.trim()).filter(Boolean))],
  };
  if (c.holidays) {
    const country = c.holidays.country.trim().toUpperCase();
    const region = c.holidays.region?.trim();
    out.holidays = region ? { country, region } : { country };
  }
  return out;
}
