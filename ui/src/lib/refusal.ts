// Where the engine's refusal of a value goes on a form: under its field, or above the form named by its label. The engine's rules are not repeated here.
import type { CommandError } from './bindings';

/**
 * Under its field when the form shows that field (`fields`), else as the form's message, named
 * by its label; an error that names no field is the form's message as it is.
 */
export function placeRefusal(error: CommandError, fields: readonly string[], labels: Record<string, string> = {}): Record<string, string> {
  if (error.field && fields.includes(error.field)) return { [error.field]: error.message };
  const named = error.field ? `${labels[error.field] ?? error.field}: ${error.message}` : error.message;
  return { form: named };
}
