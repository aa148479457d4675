// Changes between two assessments in points, as the CLI and the PDF print them, and where the trend chart draws each assessment.
import type { Change, TrendPoint } from '../../lib/bindings';
import { day } from '../../lib/format';

// Re-exported: the compare screens take every formatting helper from here.
export { day };

/**
 * After minus before, when both sides have the figure. Both are the engine's figures, already
 * rounded to one decimal; the difference is rounded the same way so 48.8 - 42.6 shows as 6.2.
 */
export function delta(change: Change): number | null {
  if (change.before == null || change.after == null) return null;
  return Math.round((change.after - change.before) * 10) / 10;
}

/** "+12.5 pts", "−3.0 pts", "±0.0 pts", or a dash without both figures. */
export function points(d: number | null): string {
  if (d == null) return '–';
  if (Math.abs(d) < 0.05) return '±0.0 pts';
  return `${d > 0 ? '+' : '−'}${Math.abs(d).toFixed(1)} pts`;
}

/** One row of a before-and-after table. */
export type ChangeRow = { key: string; label: string; change: Change; note?: string; strong?: boolean };

/** The rows that moved, largest change first; gaining or losing a figure counts as largest. */
export function byMovement(rows: ChangeRow[]): ChangeRow[] {
  const size = (r: ChangeRow) => {
    const d = delta(r.change);
    return d === null ? Infinity : Math.abs(d);
  };
  const moved = rows.filter((r) => (delta(r.change) === null ? r.change.before !== r.change.after : Math.abs(delta(r.change)!) >= 0.5));
  return moved.sort((a, b) => size(b) - size(a));
}

export type Direction = 'up' | 'down' | 'flat' | 'none';

export function direction(d: number | null): Direction {
  if (d == null) return 'none';
  if (d >= 0.05) return 'up';
  if (d <= -0.05) return 'down';
  return 'flat';
}

/** The arrow beside a change; decorative, since the words say the same. */
export const ARROW: Record<Direction, string> = { up: '▲', down: '▼', flat: '=', none: '' };

/** The chart's drawing area in SVG units: the room kept for the axis labels and the figures. */
export const CHART = { width: 640, height: 200, left: 44, right: 24, top: 26, bottom: 40 } as const;

export type Plotted = { point: TrendPoint; x: number; y: number | null; dated: boolean };

/**
 * Where each assessment sits: in order at even steps across (assessments days apart stay
 * legible), readiness up the side; an unscored one has no height. At most about six dates are
 * written under the axis, always the first and the last.
 */
export function plot(trend: TrendPoint[]): Plotted[] {
  const across = CHART.width - CHART.left - CHART.right;
  const high = CHART.height - CHART.top - CHART.bottom;
  const every = Math.max(1, Math.ceil(trend.length / 6));
  return trend.map((point, i) => ({
    point,
    x: CHART.left + (trend.length === 1 ? across / 2 : (i * across) / (trend.length - 1)),
    y: point.readiness == null ? null : CHART.top + high * (1 - point.readiness / 100),
    dated: i === 0 || i === trend.length - 1 || (i % every === 0 && trend.length - 1 - i >= every / 2),
  }));
}

/** The height of a readiness figure on the chart, for its gridlines. */
export function heightOf(readiness: number): number {
  return CHART.top + (CHART.height - CHART.top - CHART.bottom) * (1 - readiness / 100);
}
