// The evidence binder panel over the fake host: a mistyped day stays on the form under its field, a period the engine refuses is named by its field, a cancelled save dialog writes nothing, and a written binder says what it holds and what is missing.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { hostContext } from '../../lib/ipc/context';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeHost } from '../../lib/ipc/fake';
import BinderPanel from './BinderPanel.svelte';

describe('BinderPanel', () => {
  afterEach(cleanup);

  it('writes the period typed, after checking its days, and names what is missing', async () => {
    const host = createFakeHost();
    const a = await host.createAssessment('Acme <Labs>', 'type2', 'full');
    await host.adoptControl(a.id, { control_id: 'access-review', frequency: 'quarterly', owner: 'Dana', first_due: '2026-03-31' });
    await host.recordCheck(a.id, { control_id: 'access-review', performed_on: '2026-03-30', result: 'pass', reason: '', performed_by: 'Dana', evidence: null }, '/tmp/q1.csv');
    await host.recordCheck(a.id, { control_id: 'access-review', performed_on: '2026-06-30', result: 'pass', reason: '', performed_by: 'Dana', evidence: null }, null);
    await host.recordCheck(a.id, { control_id: 'access-review', performed_on: '2025-12-30', result: 'pass', reason: '', performed_by: 'Dana', evidence: 'T-1' }, null);
    const paths: string[] = [];
    host.chooseSavePath = async (_title, name) => {
      paths.push(name);
      return paths.length === 1 ? null : `/tmp/${name}`;
    };
    const write = vi.spyOn(host, 'writeBinder');
    render(BinderPanel, { props: { assessmentId: a.id, organisation: 'Acme <Labs>', window: { start: '2026-01-01', end: '2026-12-31', months: 12 } }, context: hostContext(host) });

    await fireEvent.click(screen.getByTestId('binder-start'));
    // The observation period is offered; a slip in a day never reaches the save dialog.
    expect((screen.getByTestId('binder-from') as HTMLInputElement).value).toBe('2026-01-01');
    await fireEvent.input(screen.getByTestId('binder-to'), { target: { value: '31 Jnu 2026' } });
    await fireEvent.click(screen.getByTestId('binder-save'));
    expect((await screen.findByTestId('binder-error')).textContent).toContain('Last day: not a date');
    expect(paths).toEqual([]);

    // The engine's refusal lands under the field it names.
    await fireEvent.input(screen.getByTestId('binder-from'), { target: { value: '2026-08-01' } });
    await fireEvent.input(screen.getByTestId('binder-to'), { target: { value: '2026-07-31' } });
    await fireEvent.click(screen.getByTestId('binder-save'));
    await vi.waitFor(() => expect(paths).toHaveLength(1));
    expect(write).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('binder-save'));
    expect((await screen.findByTestId('binder-error')).textContent).toBe('Last day: the period ends (2026-07-31) before it starts (2026-08-01)');

    await fireEvent.input(screen.getByTestId('binder-from'), { target: { value: '1 Jan 2026' } });
    await fireEvent.input(screen.getByTestId('binder-to'), { target: { value: '2026-12-31' } });
    await fireEvent.click(screen.getByTestId('binder-without-notes'));
    await fireEvent.click(screen.getByTestId('binder-save'));
    const done = await screen.findByTestId('binder-written');
    expect(write).toHaveBeenLastCalledWith(a.id, '/tmp/Acme -Labs- evidence binder 2026-01-01 to 2026-12-31.zip', { from: '2026-01-01', to: '2026-12-31', without_notes: true });
    expect(done.textContent).toContain('2 runs and 1 evidence file from 2026-01-01 to 2026-12-31');
    expect(done.textContent).toContain('Missing: 1 run naming no evidence');
    expect(screen.queryByTestId('binder-from')).toBeNull();
  });
});
