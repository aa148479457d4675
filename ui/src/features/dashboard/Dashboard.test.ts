// The dashboard over the fake host: the heat map coloured by the engine's bands, each cell opening the question the engine names as the criterion's weakest, and the top gaps in the engine's order.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CriterionScore, Gap, Priority } from '../../lib/bindings';
import { createFakeHost, FAKE_BANK } from '../../lib/ipc/fake';
import Dashboard from './Dashboard.svelte';

function criterion(id: string, readiness: number | null, weakest: string | null, inScope = true): CriterionScore {
  return {
    id, category: 'security', title: id, in_scope: inScope, status: inScope ? 'scored' : 'out_of_scope', readiness, design: readiness,
    operating: readiness, completion: 100, applicable: 1, answered: 1, not_applicable: 0, weakest_question: weakest,
  };
}

function gap(question_id: string, priority: Priority): Gap {
  return {
    question_id, step: 3, topic: 'Access', title: `Gap ${question_id}`, question: 'Is it done?', criteria: ['CC6.1'],
    categories: ['security'], current_level: 1, effective_level: 1, target_level: 4, exception: null, note: null,
    why: 'Because.', remediation: 'Do it.', effort: 'S', weight: 3, key_control: false, impact: 'high', work_weeks: 0.5,
    urgent: false, priority_score: 5, priority, horizon: 'now', priority_reason: 'high impact', owner: null, due: null, findings: [], overdue: false,
    live_exposure: priority === 'fix_now', repeat_finding: false, to_verify: false,
  };
}

async function dashboard(criteria: CriterionScore[], gaps: Gap[] = []) {
  const host = createFakeHost();
  const a = await host.createAssessment('Acme', 'type2', 'full');
  const view = await host.getAssessment(a.id);
  view.scorecard.categories = [{ id: 'security', name: 'Security', in_scope: true, readiness: 50, design: 50, operating: 50, completion: 100, applicable: 2, answered: 2, criteria_in_scope: 2, criteria_scored: 2 }];
  view.scorecard.criteria = criteria;
  const onOpenQuestion = vi.fn();
  render(Dashboard, { bank: FAKE_BANK, view, gaps, analysis: null, trend: [], sinceBaseline: null, onShowGaps: vi.fn(), onOpenQuestion, onCompare: vi.fn() });
  return { onOpenQuestion };
}

describe('Dashboard', () => {
  afterEach(cleanup);

  it('colours each criterion by the engine bands and opens the question the engine names as its weakest', async () => {
    const { onOpenQuestion } = await dashboard([criterion('CC6.1', 39.9, 'access.mfa'), criterion('CC1.1', 90, 'gov.owner'), criterion('CC7.1', null, null, false)]);
    const cells = screen.getAllByTestId('criterion-cell');
    expect(cells.map((c) => c.className.match(/band-(\w+)/)?.[1])).toEqual(['low', 'high', 'none']);
    await fireEvent.click(cells[0]);
    expect(onOpenQuestion).toHaveBeenCalledWith('access.mfa');
    expect((cells[2] as HTMLButtonElement).disabled).toBe(true);
    expect(cells[2].textContent).toContain('out');
    const legend = within(screen.getByTestId('legend')).getAllByRole('listitem').map((li) => li.textContent?.trim());
    expect(legend.slice(0, 4)).toEqual(['below 40%', '40 to 69.9%', '70 to 89.9%', '90% and above']);
  });

  it('lists the top gaps in the engine order, Fix now first by its label', async () => {
    const { onOpenQuestion } = await dashboard([criterion('CC6.1', 50, 'access.mfa')], [gap('access.keys', 'fix_now'), gap('access.mfa', 'high')]);
    const top = screen.getAllByTestId('top-gap');
    expect(top.map((li) => li.textContent?.slice(0, 20))).toEqual([expect.stringContaining('Fix now'), expect.stringContaining('High')]);
    await fireEvent.click(screen.getAllByTestId('open-top-gap')[1]);
    expect(onOpenQuestion).toHaveBeenCalledWith('access.mfa');
  });
});
