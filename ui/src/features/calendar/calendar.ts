// The calendar screen's shapes: its form's fields, and the date shape a request needs.
export { placeRefusal } from '../../lib/refusal';

/** The fields of the check form, as the engine names them in a refusal. */
export const CHECK_FIELDS = ['date', 'reason', 'by', 'file'] as const;

/** A date input's shape, which must hold before the request can be sent at all. */
export function dateShapeError(date: string): Record<string, string> {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? {} : { date: 'required, as a date' };
}

/** Today on this computer's calendar, as the engine's dates are written (YYYY-MM-DD). */
export function localDay(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
