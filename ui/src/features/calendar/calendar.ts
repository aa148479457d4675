// The calendar screen's words and shapes: due status and run labels, and which form field an engine error names.
import type { DueStatus, OccurrenceStatus } from '../../lib/bindings';

export const DUE_LABELS: Record<DueStatus, string> = {
  overdue: 'Overdue',
  due: 'Due soon',
  upcoming: 'Scheduled',
  archived: 'Archived',
};

export const RUN_LABELS: Record<OccurrenceStatus, string> = {
  passed: 'Passed',
  failed: 'Failed',
  missed: 'Missed',
  not_yet_due: 'Not yet due',
};

/** The engine's input errors start with the field they are about ("reason: required"). */
export function fieldError(message: string, fields: readonly string[]): { field: string | null; text: string } {
  const colon = message.indexOf(': ');
  const field = colon > 0 ? message.slice(0, colon) : '';
  return fields.includes(field) ? { field, text: message.slice(colon + 2) } : { field: null, text: message };
}

/** The fields of the check form, as the engine names them. */
export const CHECK_FIELDS = ['date', 'result', 'reason', 'by', 'evidence', 'file', 'control'] as const;

/** What the form can refuse before asking the engine: the same rules, said the same way. */
export function checkFormErrors(form: { date: string; result: string; reason: string; by: string }, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) errors.date = 'required, as a date';
  else if (form.date > today) errors.date = `${form.date} is in the future; record a check once it has run`;
  if (!form.by.trim()) errors.by = 'required';
  if (form.result !== 'pass' && !form.reason.trim()) errors.reason = 'required';
  return errors;
}

/** Today on this computer's calendar, as the engine's dates are written (YYYY-MM-DD). */
export function localDay(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
