// The calendar screen's shapes: where an engine refusal goes on a form, and the date shape a request needs.
import type { CommandError } from '../../lib/bindings';

/** The fields of the check form, as the engine names them in a refusal. */
export const CHECK_FIELDS = ['date', 'reason', 'by', 'file'] as const;

/**
 * Where the engine's refusal goes on a form: under its field when the form shows that field,
 * else above the form, named by its label. The engine's rules are not repeated here.
 */
export function placeRefusal(error: CommandError, fields: readonly string[], labels: Record<string, string> = {}): Record<string, string> {
  if (error.field && fields.includes(error.field)) return { [error.field]: error.message };
  const named = error.field ? `${labels[error.field] ?? error.field}: ${error.message}` : error.message;
  return { form: named };
}

/** A date input's shape, which must hold before the request can be sent at all. */
export function dateShapeError(date: string): Record<string, string> {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? {} : { date: 'required, as a date' };
}

/** Today on this computer's calendar, as the engine's dates are written (YYYY-MM-DD). */
export function localDay(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
