// The calendar screen's shapes: its form's fields, and the date shape a request needs.
import { parseDate } from '../../lib/format';

/** The fields of the check form, as the engine names them in a refusal. */
export const CHECK_FIELDS = ['date', 'reason', 'by', 'file'] as const;

/** Years a control's date can plausibly fall in; outside them a typing slip is likelier than a date. */
const PLAUSIBLE_YEARS = [2000, 2100] as const;

/**
 * A date typed as people write it ("2026-11-15" or "15 Nov 2026", the questionnaire's parser),
 * as the engine reads it, or what is wrong with it. Typed text, not a date widget: WebKit's
 * widget read "2026-11-15" typed into it as the year 15.
 */
export function typedDate(text: string): { date: string } | { error: string } {
  const parsed = parseDate(text);
  const shape = 'write it as 2026-11-15 or 15 Nov 2026';
  if (parsed === null) return { error: `required: ${shape}` };
  if (parsed === undefined) return { error: `not a date: ${shape}` };
  const year = Number(parsed.slice(0, 4));
  if (year < PLAUSIBLE_YEARS[0] || year > PLAUSIBLE_YEARS[1]) return { error: `the year ${year} looks like a slip: ${shape}` };
  return { date: parsed };
}

/** Today on this computer's calendar, as the engine's dates are written (YYYY-MM-DD). */
export function localDay(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
