// Formatting shared by every screen: percentages exactly as the engine rounded them, level names.
import { BAND_FROM, LEVEL_LABELS, type AnswerValue, type Band, type Bank, type Question } from './bindings';

/** The engine already rounded to one decimal; show it the same way the CLI and PDF do. */
export function pct(value: number | null | undefined): string {
  return value == null ? '–' : `${value.toFixed(1)}%`;
}

/** The engine's level names (shared with the CLI and the PDF), with the short forms the buttons use. */
export const LEVELS = [
  { value: 0, name: LEVEL_LABELS[0], short: 'None' },
  { value: 1, name: LEVEL_LABELS[1], short: 'Planned' },
  { value: 2, name: LEVEL_LABELS[2], short: 'Informal' },
  { value: 3, name: LEVEL_LABELS[3], short: 'Documented' },
  { value: 4, name: LEVEL_LABELS[4], short: 'Operating' },
] as const;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A typed date as the engine stores it (YYYY-MM-DD), from "2027-02-28" or "28 Feb 2027"; empty
 * gives null, anything else (or a day that does not exist) undefined. Typed in one go, as the
 * register shows it, rather than part by part as a date widget asks.
 */
export function parseDate(text: string): string | null | undefined {
  const t = text.trim();
  if (!t) return null;
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  // As the engine's parser (crates/core/src/day.rs): a month's three letters, its full name or "sept".
  const words = /^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$/.exec(t);
  const month = words ? monthOf(words[2]) : 0;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (words && month) [y, m, d] = [Number(words[3]), month, Number(words[1])];
  else return undefined;
  if (y < PLAUSIBLE_YEARS[0] || y > PLAUSIBLE_YEARS[1]) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The years a typed date may have, as the engine allows them; outside is a slip (0015 for 2015). */
export const PLAUSIBLE_YEARS = [1970, 2100] as const;

const FULL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** 1 to 12 for "feb", "february" or "sept" in any case; 0 for anything else. */
function monthOf(word: string): number {
  const w = word.toLowerCase();
  const at = MONTHS.indexOf(w.slice(0, 3));
  return at >= 0 && (w.length === 3 || w === 'sept' || FULL_MONTHS[at] === w) ? at + 1 : 0;
}

/** Red, amber, yellow-green, green: the engine's bands (`BAND_FROM`), as the PDF colours them. */
export function band(value: number | null | undefined): Band | 'none' {
  if (value == null) return 'none';
  if (value < BAND_FROM.mid) return 'low';
  if (value < BAND_FROM.good) return 'mid';
  if (value < BAND_FROM.high) return 'good';
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
  if ('unknown' in value) return "Don't know (to verify)";
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

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "2 Nov 2026": the engine's own form of a date (chrono's `%-d %b %Y`), read in UTC as the
 * engine stores it. Written out by hand: the browser's en-GB form says "Sept".
 */
export function day(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** How a question a module added is marked: the module's title and version; `null` for the bank's own. */
export function moduleLabel(bank: Bank, question: Question): string | null {
  if (!question.module) return null;
  const module = bank.modules?.find((m) => m.id === question.module);
  return module ? `${module.title} ${module.version}` : question.module;
}

/** A count with its noun, singular for one: "1 gap", "3 gaps"; `many` when the plural is not an added s. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The control questions the quick path implies and the missing foundations implying them, as
 * completion and the gap register count them (implied audit-project tasks are in neither), so the
 * questionnaire, the dashboard and the register say the same numbers.
 */
export function impliedControls(bank: Bank, implied: Partial<Record<string, string>>): { questions: number; foundations: number } {
  const engagement = new Set(bank.questions.filter((q) => q.engagement).map((q) => q.id));
  const controls = Object.entries(implied).filter(([id]) => !engagement.has(id));
  return { questions: controls.length, foundations: new Set(controls.map(([, foundation]) => foundation)).size };
}
