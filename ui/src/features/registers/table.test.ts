// The register table's logic: search across fields, one filter, sorting by kind (numbers, choices, dates), archived hidden.
import { describe, expect, it } from 'vitest';
import type { FieldInfo, RegisterRow } from '../../lib/bindings';
import { DEFAULT_VIEW, compareValues, fieldLabel, visibleRows } from './table';

const field = (name: string, kind: string, choices: string[] = []): FieldInfo => ({ name, kind, required: false, help: '', choices, max_chars: null });
const FIELDS = [field('name', 'text'), field('criticality', 'choice', ['critical', 'high', 'medium', 'low']), field('score', 'number'), field('next_review', 'date')];

const row = (id: string, name: string, values: Record<string, string>, extra: Partial<RegisterRow> = {}): RegisterRow => ({
  id,
  label: name,
  updated_at: '2026-11-01T00:00:00Z',
  archived: false,
  values: { name, ...values },
  attention: [],
  ...extra,
});

const ROWS = [
  row('a', 'Zeta Mail', { criticality: 'low', score: '9', next_review: '2027-03-01' }),
  row('b', 'Alpha Cloud', { criticality: 'critical', score: '10', next_review: '' }, { attention: [{ code: 'no_report', detail: 'no SOC 2 or ISO 27001 report on file' }] }),
  row('c', 'Beta Pay', { criticality: 'high', score: '2', next_review: '2026-12-01' }),
  row('d', 'Old Host', { criticality: 'medium', score: '1', next_review: '' }, { archived: true }),
];

const ids = (view: Partial<typeof DEFAULT_VIEW>) => visibleRows(ROWS, { ...DEFAULT_VIEW, ...view }, FIELDS).map((r) => r.id);

describe('visibleRows', () => {
  it('puts entries needing attention first, then by name, and hides archived ones', () => {
    expect(ids({})).toEqual(['b', 'c', 'a']);
    expect(ids({ showArchived: true })).toEqual(['b', 'c', 'd', 'a']);
  });
  it('searches every field and what needs attention, all words, any case', () => {
    expect(ids({ search: 'MAIL' })).toEqual(['a']);
    expect(ids({ search: 'iso report' })).toEqual(['b']);
    expect(ids({ search: 'host' })).toEqual([]);
    expect(ids({ search: 'host', showArchived: true })).toEqual(['d']);
  });
  it('filters on one field', () => {
    expect(ids({ filterField: 'criticality', filterValue: 'High' })).toEqual(['c']);
    expect(ids({ filterField: 'criticality', filterValue: '' })).toEqual(['b', 'c', 'a']);
  });
  it('sorts numbers as numbers, choices in their order and empty dates last', () => {
    expect(ids({ sortField: 'score' })).toEqual(['c', 'a', 'b']);
    expect(ids({ sortField: 'criticality' })).toEqual(['b', 'c', 'a']);
    expect(ids({ sortField: 'criticality', descending: true })).toEqual(['a', 'c', 'b']);
    expect(ids({ sortField: 'next_review' })).toEqual(['c', 'a', 'b']);
  });
});

describe('compareValues and fieldLabel', () => {
  it('orders an empty value after any other', () => {
    expect(compareValues(FIELDS[3], '', '2026-01-01')).toBeGreaterThan(0);
    expect(compareValues(FIELDS[2], '10', '9')).toBeGreaterThan(0);
  });
  it('names fields as a person reads them', () => {
    expect(fieldLabel('next_review')).toBe('Next review');
    expect(fieldLabel('soc2_type2')).toBe('SOC 2 Type II');
  });
});
