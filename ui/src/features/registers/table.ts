// A register table's rows as the person asks: search, one filter, sort, archived shown or not; pure, so tests drive it.
import type { FieldInfo, Register, RegisterRow } from '../../lib/bindings';

export type TableView = {
  search: string;
  /** A field and the text it must equal (any case); an empty field means no filter. */
  filterField: string;
  filterValue: string;
  /** A field to sort by; empty: entries needing attention first, then by name. */
  sortField: string;
  descending: boolean;
  showArchived: boolean;
};

export const DEFAULT_VIEW: TableView = {
  search: '',
  filterField: '',
  filterValue: '',
  sortField: '',
  descending: false,
  showArchived: false,
};

/** The rows to show, in order. */
export function visibleRows(rows: RegisterRow[], view: TableView, fields: FieldInfo[]): RegisterRow[] {
  const words = view.search.toLowerCase().split(/\s+/).filter(Boolean);
  const wanted = view.filterValue.trim().toLowerCase();
  const kept = rows.filter((row) => {
    if (row.archived && !view.showArchived) return false;
    if (view.filterField && wanted && (row.values[view.filterField] ?? '').toLowerCase() !== wanted) return false;
    if (words.length === 0) return true;
    const text = [row.label, ...Object.values(row.values), ...row.attention.map((a) => a.detail)].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
  const field = fields.find((f) => f.name === view.sortField);
  const byName = (a: RegisterRow, b: RegisterRow) => a.label.localeCompare(b.label, undefined, { sensitivity: 'base' });
  kept.sort((a, b) => {
    if (!field) return Number(b.attention.length > 0) - Number(a.attention.length > 0) || byName(a, b);
    return compareValues(field, a.values[field.name] ?? '', b.values[field.name] ?? '') || byName(a, b);
  });
  return view.descending ? kept.reverse() : kept;
}

/** Numbers as numbers, a choice in its list's order (critical before low), dates and text as text; empty last. */
export function compareValues(field: FieldInfo, a: string, b: string): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  if (field.kind === 'number') return Number(a) - Number(b);
  if (field.kind === 'choice') return field.choices.indexOf(a) - field.choices.indexOf(b);
  return a.localeCompare(b, undefined, { sensitivity: 'base' });
}

/** The columns a table shows after the name: the fields that tell entries apart. */
export const KEY_FIELDS: Record<Register, string[]> = {
  vendors: ['criticality', 'owner', 'next_review'],
  policies: ['version', 'owner', 'next_review'],
  incidents: ['severity', 'detected_on', 'owner'],
  risks: ['likelihood', 'impact', 'treatment'],
  // The seed's per-person training status, beside when they started and left.
  people: ['kind', 'training', 'start', 'end'],
  // What it changed, whether someone other than the author approved it, and when it shipped.
  changes: ['title', 'kind', 'author', 'approved_by', 'released_on'],
};

/** Names whose letters are said one by one, or that a report's reader knows by another form. */
const SPELLED: Record<string, string> = {
  dpa: 'DPA signed',
  baa: 'BAA signed',
  soc2_type1: 'SOC 2 Type I',
  soc2_type2: 'SOC 2 Type II',
  iso27001: 'ISO 27001',
  carve_out: 'Carve-out',
};

/** A field's name or a choice as a person reads it: `next_review` is "Next review". */
export function fieldLabel(name: string): string {
  if (SPELLED[name]) return SPELLED[name];
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
