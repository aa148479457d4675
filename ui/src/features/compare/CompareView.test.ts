// The compare view prints the engine's comparison: figures before and after with their change, criteria by movement, gaps and answers changed.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { hostContext } from '../../lib/ipc/context';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Comparison, CriterionChange, GapChange } from '../../lib/bindings';
import { createFakeHost } from '../../lib/ipc/fake';
import CompareView from './CompareView.svelte';

const figures = (before: number, after: number) => ({
  readiness: { before, after }, design: { before: before + 5, after: after + 5 },
  operating: { before, after }, completion: { before: 90, after: 95 },
});
const criterion = (id: string, before: number, after: number): CriterionChange => ({
  id, title: `Criterion ${id}`, in_scope_before: true, in_scope_after: true, readiness: { before, after },
});
const gap = (id: string, before: number | null, after: number | null): GapChange => ({
  question_id: id, title: `Gap ${id}`, criteria: ['CC6.1'],
  before: before === null ? null : { level: before, effective_level: before, priority: 'high' },
  after: after === null ? null : { level: after, effective_level: after, priority: 'medium' },
});

const COMPARISON: Comparison = {
  before: { id: 'q1', organisation: 'Harbor', label: null, created_at: '2026-03-02T09:00:00Z', bank_version: '1' },
  after: { id: 'q2', organisation: 'Harbor', label: 'After remediation', created_at: '2026-06-01T09:00:00Z', bank_version: '1' },
  overall: figures(42.6, 48.8),
  categories: [
    { id: 'security', name: 'Security', in_scope_before: true, in_scope_after: true, figures: figures(42.6, 48.8) },
    { id: 'privacy', name: 'Privacy', in_scope_before: false, in_scope_after: false, figures: figures(0, 0) },
  ],
  steps: [{ step: 2, title: 'Risks', figures: figures(30, 30) }],
  criteria: [
    ...Array.from({ length: 11 }, (_, i) => criterion(`CC${i + 1}.1`, 50, 51 + i)),
    criterion('CC9.9', 80, 30),
    criterion('CC0.0', 40, 40),
  ],
  gaps_closed: [gap('access.mfa', 2, null), gap('risk.register', 1, null)],
  gaps_new: [gap('gov.owner', null, 0)],
  gaps_worse: [],
  gaps_better: [gap('access.review', 1, 2)],
  answers_changed: [{ question_id: 'access.mfa', question: 'MFA everywhere?', step: 3, before: '2 · Informal', after: '4 · Operating' }],
  notes: [],
};

function setUp(answer: () => Promise<Comparison>) {
  const host = createFakeHost();
  const asked = vi.fn(answer);
  host.compareAssessments = asked;
  const onBack = vi.fn();
  render(CompareView, { props: { before: 'q1', after: 'q2', onBack }, context: hostContext(host) });
  return { asked, onBack };
}

const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((c) => c.textContent?.trim());

describe('CompareView', () => {
  afterEach(cleanup);

  it('shows the engine figures before and after, the criteria that moved most first, and the gaps', async () => {
    const { asked, onBack } = setUp(async () => COMPARISON);
    const overall = await screen.findByTestId('compare-overall');
    expect(asked).toHaveBeenCalledWith('q1', 'q2');
    expect(screen.getByTestId('compare-before').textContent).toContain('2 Mar 2026');
    expect(screen.getByTestId('compare-after').textContent).toContain('1 Jun 2026 · After remediation');
    const [headline] = within(overall).getAllByTestId('change-row');
    expect(cells(headline)).toEqual(['Readiness (the headline)', '42.6%', '48.8%', '▲ +6.2 pts']);
    // Out of scope on both sides: not a row.
    expect(within(screen.getByTestId('compare-categories')).getAllByTestId('change-row').map((r) => r.dataset.key)).toEqual(['security']);

    const criteria = () => within(screen.getByTestId('compare-criteria')).getAllByTestId('change-row');
    expect(criteria()).toHaveLength(10);
    expect(cells(criteria()[0])).toEqual(['CC9.9 Criterion CC9.9', '80.0%', '30.0%', '▼ −50.0 pts']);
    expect(criteria()[1].dataset.key).toBe('CC11.1');
    await fireEvent.click(screen.getByTestId('compare-all-criteria'));
    // Twelve moved (CC1.1 by one point, CC0.0 not at all).
    expect(criteria()).toHaveLength(12);

    expect(within(screen.getByTestId('gaps-closed')).getByTestId('count').textContent).toBe('2');
    expect(within(screen.getByTestId('gaps-new')).getByText('Gap gov.owner')).toBeTruthy();
    expect(within(screen.getByTestId('gaps-new')).getByText('no gap → level 0, medium')).toBeTruthy();
    expect(within(screen.getByTestId('gaps-worse')).getByTestId('count').textContent).toBe('0');
    expect(screen.getByTestId('answers-changed').textContent).toBe('1');

    await fireEvent.click(screen.getByTestId('compare-back'));
    expect(onBack).toHaveBeenCalled();
  });

  it('says why when the comparison cannot be made', async () => {
    setUp(async () => {
      throw { kind: 'not_found', message: "no assessment matches 'q1'" };
    });
    expect((await screen.findByRole('alert')).textContent).toBe("no assessment matches 'q1'");
  });
});
