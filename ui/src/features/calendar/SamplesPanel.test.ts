// The samples panel over the fake host: the period's populations with the items to test, a test refused by its field (a failure without what was found, a control not adopted) stays on the form, and a recorded test shows on its row.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hostContext } from '../../lib/ipc/context';
import { createFakeHost } from '../../lib/ipc/fake';
import SamplesPanel from './SamplesPanel.svelte';

describe('SamplesPanel', () => {
  afterEach(cleanup);

  it('lists each population with what to test and records a test of one item in the check log', async () => {
    const host = createFakeHost();
    const a = await host.createAssessment('Acme', 'type2', 'full');
    for (const [name, end] of [['Sam Leaver', '2026-03-02'], ['Ana Leaver', '2026-05-04'], ['Old Leaver', '2025-11-30']]) {
      await host.addRegisterEntry(a.id, 'people', [['name', name], ['role', 'Engineer'], ['kind', 'employee'], ['start', '2024-01-08'], ['end', end]]);
    }
    const onRecorded = vi.fn();
    render(SamplesPanel, { props: { assessmentId: a.id, window: { start: '2026-01-01', end: '2026-12-31', months: 12 }, onRecorded }, context: hostContext(host) });
    await fireEvent.click(screen.getByTestId('samples-start'));

    const leavers = await screen.findByTestId('population-leavers');
    expect(leavers.textContent).toContain('Leavers: 2 in the period, 2 to test');
    expect(screen.queryByTestId('population-hires')).toBeNull();
    const rows = within(leavers).getAllByTestId('sample-row');
    expect(rows.map((r) => r.textContent)).toEqual([expect.stringContaining('Sam Leaver'), expect.stringContaining('Ana Leaver')]);
    expect(rows[0].textContent).toContain('Not tested');

    // Not adopted yet: the control's refusal is said, and the form stays.
    await fireEvent.click(within(rows[0]).getByTestId('sample-fail'));
    await fireEvent.input(screen.getByTestId('sample-by'), { target: { value: 'Dana' } });
    await fireEvent.click(screen.getByTestId('sample-save'));
    expect((await screen.findByTestId('sample-error')).textContent).toBe("Control: 'leaver-check' is not adopted; adopt it on the calendar first");

    await host.adoptControl(a.id, { control_id: 'leaver-check', frequency: 'monthly', owner: 'Dana', first_due: '2026-01-31' });
    await fireEvent.click(screen.getByTestId('sample-save'));
    expect((await screen.findByTestId('sample-error')).textContent).toBe('What was found: required');
    expect(onRecorded).not.toHaveBeenCalled();

    await fireEvent.input(screen.getByTestId('sample-reason'), { target: { value: 'GitHub left for 12 days' } });
    await fireEvent.input(screen.getByTestId('sample-date'), { target: { value: '2 Jul 2026' } });
    await fireEvent.click(screen.getByTestId('sample-save'));
    await vi.waitFor(() => expect(onRecorded).toHaveBeenCalled());
    expect(screen.queryByTestId('sample-test')).toBeNull();
    const tested = within(screen.getByTestId('population-leavers')).getAllByTestId('sample-row')[0];
    expect(tested.textContent).toContain('Failed 2 Jul 2026 by Dana: GitHub left for 12 days');
    expect(screen.getByTestId('population-leavers').textContent).toContain('1 tested, 1 failed');
    expect(onRecorded).toHaveBeenCalledTimes(1);
    const [entry] = await host.listChecks(a.id);
    expect(entry.sample).toEqual({ population: 'leavers', item_id: expect.any(String), label: 'Sam Leaver' });
  });
});
