// The registers screen over the fake host: an entry refused marks the field the engine names with the engine's own words, and once fixed it is listed.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { hostContext } from '../../lib/ipc/context';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost } from '../../lib/ipc/fake';
import RegistersView from './RegistersView.svelte';

describe('RegistersView', () => {
  afterEach(cleanup);

  it('marks the refused field with the message the engine gives, then lists the fixed entry', async () => {
    const host = createFakeHost();
    const a = await host.createAssessment('Acme', 'type2', 'full');
    render(RegistersView, { props: { assessmentId: a.id }, context: hostContext(host) });
    expect((await screen.findByTestId('register-empty')).textContent).toContain('Nothing recorded yet');

    await fireEvent.click(screen.getByTestId('register-add'));
    const set = async (name: string, value: string) => fireEvent.input(await screen.findByTestId(`field-${name}`), { target: { value } });
    await set('name', 'Cloudhost');
    await set('service', 'Hosting');
    await fireEvent.change(screen.getByTestId('field-criticality'), { target: { value: 'high' } });
    await set('owner', 'Sam');
    await set('last_review', '2999-01-01');
    await fireEvent.click(screen.getByTestId('entry-save'));

    const error = await screen.findByTestId('field-error');
    expect(error.textContent).toBe('2999-01-01 is in the future; give the day it happened');
    expect(screen.getByTestId('field-last_review').getAttribute('aria-invalid')).toBe('true');

    await set('last_review', '2026-01-15');
    await fireEvent.click(screen.getByTestId('entry-save'));
    const rows = await screen.findAllByTestId('register-row');
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('Cloudhost');
  });
});
