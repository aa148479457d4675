// Changes in points as the CLI and the PDF print them, the chart's geometry, and the criteria ordered by how far they moved.
import { describe, expect, it } from 'vitest';
import type { TrendPoint } from '../../lib/bindings';
import { byMovement, CHART, day, delta, direction, plot, points } from './progress';

const point = (id: string, readiness: number | null, created_at = '2026-11-02T09:00:00Z'): TrendPoint => ({
  id, organisation: 'Acme', label: null, created_at, archived: false, readiness, completion: 50,
});

describe('progress', () => {
  it('prints a change as the CLI and the PDF do', () => {
    // 48.8 - 42.6 is 6.199999… in floating point; the engine's figures have one decimal.
    expect(points(delta({ before: 42.6, after: 48.8 }))).toBe('+6.2 pts');
    expect(points(delta({ before: 67.9, after: 43.2 }))).toBe('−24.7 pts');
    expect(points(delta({ before: 50, after: 50.04 }))).toBe('±0.0 pts');
    expect(points(delta({ before: null, after: 50 }))).toBe('–');
    expect([direction(6.2), direction(-0.1), direction(0), direction(null)]).toEqual(['up', 'down', 'flat', 'none']);
    expect(day('2026-11-02T23:30:00Z')).toBe('2 Nov 2026');
    expect(day('2026-09-01T00:00:00Z')).toBe('1 Sep 2026');
  });

  it('draws later assessments to the right and higher readiness higher, an unscored one with no height', () => {
    const [a, b, c] = plot([point('a', 20), point('b', 80), point('c', null)]);
    expect(a.x).toBe(CHART.left);
    expect(c.x).toBe(CHART.width - CHART.right);
    expect(b.x).toBeGreaterThan(a.x);
    expect(b.y!).toBeLessThan(a.y!);
    expect(c.y).toBeNull();
    expect([a, b, c].every((p) => p.dated)).toBe(true);
    // Many assessments: the first and last dates always, never more than about six.
    const many = plot(Array.from({ length: 20 }, (_, i) => point(`p${i}`, i * 5)));
    const dated = many.filter((p) => p.dated);
    expect(dated[0]).toBe(many[0]);
    expect(dated.at(-1)).toBe(many.at(-1));
    expect(dated.length).toBeLessThanOrEqual(7);
  });

  it('lists the criteria that moved, the largest change first and a figure gained or lost before all', () => {
    const row = (key: string, before: number | null, after: number | null) => ({ key, label: key, change: { before, after } });
    const ordered = byMovement([row('small', 50, 51), row('still', 40, 40.3), row('big', 80, 50), row('gained', null, 10), row('none', null, null)]);
    expect(ordered.map((r) => r.key)).toEqual(['gained', 'big', 'small']);
  });
});
