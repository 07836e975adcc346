/**
 * The RAG status as every Accord screen shows it: a coloured dot (decorative; the word carries the meaning,
 * so it reads without colour) and the word. Colours are design tokens, so light and dark themes both work.
 */
import { token } from '@atlaskit/tokens';
import { Inline, Text } from '@atlaskit/primitives';
import type { Rag } from '../../../src/shared/progress';

export const RAG_LABELS: Record<Rag, string> = {
  green: 'Green',
  amber: 'Amber',
  red: 'Red',
  grey: 'No data',
};

const DOT_COLOUR: Record<Rag, string> = {
  green: token('color.icon.success', '#22A06B'),
  amber: token('color.icon.warning', '#E2B203'),
  red: token('color.icon.danger', '#C9372C'),
  grey: token('color.icon.disabled', '#8590A2'),
};

export function RagDot({ rag }: { rag: Rag }) {
  return (
    <span
      aria-hidden="true"
      data-rag={rag}
      style={{
        display: 'inline-block',
        width: 10,
        height: 10,
        borderRadius: '50%',
        background: DOT_COLOUR[rag],
        flex: 'none',
      }}
    />
  );
}

export function RagBadge({ rag, testId }: { rag: Rag; testId?: string }) {
  return (
    <Inline space="space.075" alignBlock="center" testId={testId}>
      <RagDot rag={rag} />
      <Text weight="bold">{RAG_LABELS[rag]}</Text>
    </Inline>
  );
}

/** "12 Dec" for a YYYY-MM-DD day, in UTC so the day never shifts with the viewer's time zone. */
export function shortDay(day: string, locale = 'en'): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
}

/** "12 Dec → 21 Dec (+9d)", "30 Nov → 28 Nov (−2d)", "No baseline" … as the overview writes it. */
export function baselineToForecast(
  status: { baseline?: string; forecast?: string; slipDays?: number },
  locale = 'en',
): string {
  const baseline = status.baseline ? shortDay(status.baseline, locale) : 'No baseline';
  const forecast = status.forecast ? shortDay(status.forecast, locale) : 'no forecast yet';
  const slip =
    status.slipDays === undefined || status.slipDays === 0 || !status.baseline || !status.forecast
      ? ''
      : status.slipDays > 0
        ? ` (+${status.slipDays}d)`
        : ` (−${Math.abs(status.slipDays)}d)`;
  return `${baseline} → ${forecast}${slip}`;
}

/** The compact line the byline shows: "Amber · 62% done". */
export function compactStatus(status: { rag: Rag; percentDone: number }): string {
  return `${RAG_LABELS[status.rag]} · ${Math.round(status.percentDone)}% done`;
}
