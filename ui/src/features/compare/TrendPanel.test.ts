// The dashboard's trend: a point per assessment with the same figures in a table for screen readers, the way to the comparison, and the headline's change.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Comparison, TrendPoint } from '../../lib/bindings';
import SinceBaseline from './SinceBaseline.svelte';
import TrendPanel from './TrendPanel.svelte';

const TREND: TrendPoint[] = [
  { id: 'q1', organisation: 'Harbor', label: null, created_at: '2026-03-02T09:00:00Z', archived: true, readiness: 42.6, completion: 80 },
  { id: 'q2', organisation: 'Harbor', label: 'Second quarter', created_at: '2026-06-01T09:00:00Z', archived: false, readiness: null, completion: 0 },
  { id: 'q3', organisation: 'Harbor', label: 'Third quarter', created_at: '2026-09-01T09:00:00Z', archived: false, readiness: 61.3, completion: 95 },
];

describe('TrendPanel', () => {
  afterEach(cleanup);

  it('plots each scored assessment and lists every one, oldest first, in words', async () => {
    const onCompare = vi.fn();
    render(TrendPanel, { trend: TREND, currentId: 'q3', baselineId: 'q2', onCompare });
    const chart = screen.getByTestId('trend-chart');
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.querySelectorAll('circle')).toHaveLength(2);
    expect(chart.textContent).toContain('61.3%');
    expect(chart.textContent).toContain('2 Mar 2026');
    expect(screen.getByText(/from 42.6% on 2 Mar 2026 to 61.3% on 1 Sep 2026/)).toBeTruthy();
    const rows = within(screen.getByTestId('trend-table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent))).toEqual([
      ['2 Mar 2026', 'Started 2 Mar 2026 (archived)', '42.6%', '80.0%'],
      ['1 Jun 2026', 'Second quarter', '–', '0.0%'],
      ['1 Sep 2026', 'Third quarter (this one)', '61.3%', '95.0%'],
    ]);
    await fireEvent.click(screen.getByTestId('compare-baseline'));
    expect(onCompare).toHaveBeenCalledWith('q2');
  });

  it('offers no comparison without a baseline', () => {
    render(TrendPanel, { trend: TREND, currentId: 'q3', baselineId: null, onCompare: () => {} });
    expect(screen.queryByTestId('compare-baseline')).toBeNull();
  });

  it('gives the headline change since the baseline in words, with its arrow', () => {
    const comparison = {
      before: { id: 'q1', organisation: 'Harbor', label: null, created_at: '2026-03-02T09:00:00Z', bank_version: '1' },
      overall: { readiness: { before: 61.3, after: 48.8 } },
    } as unknown as Comparison;
    render(SinceBaseline, { comparison });
    const since = screen.getByTestId('since-baseline');
    expect(since.textContent?.replace(/\s+/g, ' ').trim()).toBe('▼ −12.5 pts since 2 Mar 2026');
    expect(since.classList.contains('down')).toBe(true);
  });
});
