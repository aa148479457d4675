// Formatting shared by every screen: percentages exactly as the engine rounded them, level names.
import type { AnswerValue, Question } from './bindings';

/** The engine already rounded to one decimal; show it the same way the CLI and PDF do. */
export function pct(value: number | null | undefined): string {
  return value == null ? '–' : `${value.toFixed(1)}%`;
}

export const LEVELS = [
  { value: 0, name: 'Not in place', short: 'None' },
  { value: 1, name: 'Planned or in progress', short: 'Planned' },
  { value: 2, name: 'In place, informal', short: 'Informal' },
  { value: 3, name: 'In place and documented', short: 'Documented' },
  { value: 4, name: 'Operating, with evidence retained', short: 'Operating' },
] as const;

/** Bank versions are dated (`YYYY.MM.N`) and compare part by part, as the engine compares them. */
export function isOlderBank(version: string, than: string): boolean {
  const a = version.split('.').map((p) => Number(p) || 0);
  const b = than.split('.').map((p) => Number(p) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  }
  return false;
}

/** Red, amber, yellow-green, green: the same bands as the PDF. */
export function band(value: number | null | undefined): 'none' | 'low' | 'mid' | 'good' | 'high' {
  if (value == null) return 'none';
  if (value < 40) return 'low';
  if (value < 70) return 'mid';
  if (value < 90) return 'good';
  return 'high';
}

export function describeValue(question: Question, value: AnswerValue): string {
  const label = (id: string) => question.choices?.find((c) => c.id === id)?.label ?? id;
  if ('level' in value) return `${value.level} · ${LEVELS[value.level]?.name ?? ''}`;
  if ('not_applicable' in value) return `Not applicable: ${value.not_applicable}`;
  if ('yes_no' in value) return value.yes_no ? 'Yes' : 'No';
  if ('choice' in value) return label(value.choice);
  if ('choices' in value) return value.choices.map(label).join('; ') || 'None';
  if ('text' in value) return value.text;
  return value.date;
}

export function shortDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The advice that starts where the answer is, as the engine's gap register gives it. */
export function nextStep(
  question: Pick<Question, 'remediation' | 'remediation_document' | 'remediation_operate'>,
  level: number,
): string {
  const start = question.remediation ?? '';
  const text = level <= 1 ? start : level === 2 ? question.remediation_document : question.remediation_operate;
  return text?.trim() ? text : start;
}
