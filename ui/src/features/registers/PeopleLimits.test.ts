// The people register's limits over the fake host: the usual ones until set, a limit out of range marked on its own field with the engine's words, and back to the usual ones.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hostContext } from '../../lib/ipc/context';
import { createFakeHost } from '../../lib/ipc/fake';
import PeopleLimits from './PeopleLimits.svelte';

describe('PeopleLimits', () => {
  afterEach(cleanup);

  it('keeps the company own limits, refuses one out of range by its field, and returns to the usual', async () => {
    const host = createFakeHost();
    const a = await host.createAssessment('Acme', 'type2', 'full');
    const onSaved = vi.fn();
    render(PeopleLimits, { props: { assessmentId: a.id, onSaved }, context: hostContext(host) });
    const removal = (await screen.findByTestId('limit-access_removal_days')) as HTMLInputElement;
    await vi.waitFor(() => expect(removal.value).toBe('3'));
    expect(screen.getByTestId('limits-whose').textContent).toContain('usual limits');

    await fireEvent.input(removal, { target: { value: '45' } });
    await fireEvent.click(screen.getByTestId('limits-save'));
    expect((await screen.findByTestId('limit-access_removal_days-error')).textContent).toBe('45 days is more than the 30 allowed');
    expect(removal.getAttribute('aria-invalid')).toBe('true');
    expect(onSaved).not.toHaveBeenCalled();
    expect((await host.getLimits(a.id)).set).toBe(false);

    await fireEvent.input(removal, { target: { value: 'a week' } });
    await fireEvent.click(screen.getByTestId('limits-save'));
    expect((await screen.findByTestId('limit-access_removal_days-error')).textContent).toBe('give a whole number of days');

    await fireEvent.input(removal, { target: { value: '7' } });
    await fireEvent.click(screen.getByTestId('limits-save'));
    await vi.waitFor(() => expect(screen.getByTestId('limits-whose').textContent).toBe('Your limits.'));
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect((await host.getLimits(a.id)).limits).toEqual({ access_removal_days: 7, training_days: 30, acknowledgement_days: 30 });

    await fireEvent.click(screen.getByTestId('limits-usual'));
    await vi.waitFor(() => expect(removal.value).toBe('3'));
    expect((await host.getLimits(a.id)).set).toBe(false);
  });
});
