// The gap register's what-if: ticked gaps (one by one, all High, all Now) go to the host, and its projection is shown as now → projected.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { hostContext } from '../../lib/ipc/context';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Gap, Horizon, Plan, Priority, Projection, Selection } from '../../lib/bindings';
import { createFakeHost, FAKE_BANK } from '../../lib/ipc/fake';
import GapRegister from './GapRegister.svelte';

function gap(question_id: string, priority: Priority, horizon: Horizon): Gap {
  return {
    question_id, step: 3, topic: 'Access', title: `Gap ${question_id}`, question: 'Is it done?', criteria: ['CC6.1'],
    categories: ['security'], current_level: 0, effective_level: 0, target_level: 4, exception: null, note: null,
    why: 'Because.', remediation: 'Do it.', effort: 'S', weight: 3, key_control: false, impact: 'high', work_weeks: 0.5,
    urgent: false, priority_score: 5, priority, horizon, priority_reason: 'high impact', owner: null, due: null, findings: [], overdue: false,
    live_exposure: false, repeat_finding: false, to_verify: false,
  };
}

function plan(remediation_end: string, report_date: string): Plan {
  return {
    today: '2026-11-27', report_type: 'type2', total_work_weeks: 1, longest_work_weeks: 1, days_per_week: 2.5, capacity_answered: true,
    remediation_weeks: 1, remediation_end, type1_date: null, observation_start: null, observation_end: null, observation_months: 3, report_date,
    cautious_report_date: report_date, target_date: null, meets_target: null, slack_days: null, start_not_credible: false,
    verdict: `Report by ${report_date}.`, decided_by: [], milestones: [], options: [], due_in_window: [], audit_tasks: [], assumptions: [],
  };
}

const GAPS = [gap('access.mfa', 'high', 'now'), gap('access.review', 'medium', 'next90_days'), gap('log.audit', 'high', 'now')];

/** What the engine would answer: readiness up by ten points per closed gap, a week sooner each. */
function projecting(selection: Selection): Projection {
  const closed = GAPS.filter((g) => selection.gaps.includes(g.question_id));
  const after = 40 + 10 * closed.length;
  return {
    today: '2026-11-27', report_type: 'type2', selection, closed, overall: { before: 40, after },
    design: { before: 40, after }, operating: { before: 40, after },
    categories: [{ id: 'security', name: 'Security', readiness: { before: 40, after } }], criteria: [],
    gaps_before: GAPS.length, remaining: GAPS.filter((g) => !closed.includes(g)), top_remaining: [],
    plan_before: plan('2027-03-01', '2027-08-01'), plan_after: plan(`2027-02-${String(28 - 7 * closed.length).padStart(2, '0')}`, '2027-07-01'),
  };
}

function setUp() {
  const host = createFakeHost();
  const asked = vi.fn(async (_id: string, selection: Selection) => projecting(selection));
  host.projectWhatIf = asked;
  render(GapRegister, { props: { assessmentId: 'a1', bank: FAKE_BANK, gaps: GAPS, onOpenQuestion: () => {} }, context: hostContext(host) });
  return { host, asked };
}

describe('GapRegister what-if', () => {
  afterEach(cleanup);

  it('projects the ticked gaps and shows readiness and plan finish now and projected', async () => {
    const { asked } = setUp();
    expect(screen.queryByTestId('what-if')).toBeNull();

    await fireEvent.click(screen.getByTestId('tick-high'));
    expect(await screen.findByTestId('what-if-overall')).toHaveProperty('textContent', '40.0% → 60.0%');
    expect(asked).toHaveBeenLastCalledWith('a1', { gaps: ['access.mfa', 'log.audit'], priorities: [], horizons: [] });
    expect(screen.getByTestId('what-if-finish').textContent).toBe('1 Mar 2027 → 14 Feb 2027');

    // One more, by hand: the projection follows.
    const boxes = screen.getAllByTestId('tick-gap');
    await fireEvent.click(boxes[1]);
    await vi.waitFor(() => expect(screen.getByTestId('what-if-overall').textContent).toBe('40.0% → 70.0%'));
    expect(asked).toHaveBeenLastCalledWith('a1', { gaps: ['access.mfa', 'access.review', 'log.audit'], priorities: [], horizons: [] });

    await fireEvent.click(screen.getByTestId('what-if-clear'));
    expect(screen.queryByTestId('what-if')).toBeNull();
  });

  it('all Now ticks the gaps on the roadmap Now column', async () => {
    const { asked } = setUp();
    await fireEvent.click(screen.getByTestId('tick-now'));
    await screen.findByTestId('what-if-overall');
    expect(asked).toHaveBeenLastCalledWith('a1', { gaps: ['access.mfa', 'log.audit'], priorities: [], horizons: [] });
  });

  it('shows the engine refusal in words', async () => {
    const { host } = setUp();
    host.projectWhatIf = async () => {
      throw { kind: 'invalid_input', message: 'cannot close what is not a gap: log.audit is not in the gap register' };
    };
    await fireEvent.click(screen.getAllByTestId('tick-gap')[2]);
    expect((await screen.findByRole('alert')).textContent).toContain('log.audit is not in the gap register');
  });
});
