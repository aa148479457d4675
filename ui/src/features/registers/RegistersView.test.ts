// The registers screen over the fake host: an entry refused marks the field the engine names with the engine's own words, and once fixed it is listed.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { hostContext } from '../../lib/ipc/context';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
    await set('last_review', '2099-01-01');
    await fireEvent.click(screen.getByTestId('entry-save'));

    const error = await screen.findByTestId('field-error');
    expect(error.textContent).toBe('2099-01-01 is in the future; give the day it happened');
    expect(screen.getByTestId('field-last_review').getAttribute('aria-invalid')).toBe('true');

    await set('last_review', '2026-01-15');
    await fireEvent.click(screen.getByTestId('entry-save'));
    const rows = await screen.findAllByTestId('register-row');
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('Cloudhost');
  });

  it('shows every problem at once beside its field, focuses the first, and takes a date as people write it', async () => {
    const host = createFakeHost();
    const a = await host.createAssessment('Acme', 'type2', 'full');
    render(RegistersView, { props: { assessmentId: a.id }, context: hostContext(host) });
    await fireEvent.click(await screen.findByTestId('register-add'));
    await fireEvent.input(await screen.findByTestId('field-service'), { target: { value: 'Hosting' } });
    await fireEvent.input(screen.getByTestId('field-last_review'), { target: { value: '31 Feb 2026' } });
    await fireEvent.click(screen.getByTestId('entry-save'));

    const errors = await screen.findAllByTestId('field-error');
    // name, criticality and owner are required; the date does not exist.
    expect(errors).toHaveLength(4);
    expect(screen.getByTestId('form-problems').textContent).toMatch(/^4 fields to fix: /);
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('field-name')));
    expect(screen.getByTestId('field-service').getAttribute('aria-invalid')).not.toBe('true');
    expect(await host.listRegister(a.id, 'vendors')).toHaveLength(0);

    await fireEvent.input(screen.getByTestId('field-name'), { target: { value: 'Cloudhost' } });
    await fireEvent.change(screen.getByTestId('field-criticality'), { target: { value: 'high' } });
    await fireEvent.input(screen.getByTestId('field-owner'), { target: { value: 'Sam' } });
    await fireEvent.input(screen.getByTestId('field-last_review'), { target: { value: '28 Feb 2026' } });
    await fireEvent.click(screen.getByTestId('entry-save'));
    await screen.findAllByTestId('register-row');
    expect((await host.listRegister(a.id, 'vendors'))[0].values.name).toBe('Cloudhost');
  });

  it('draws the first 200 entries of a long register, searches them all, and shows all when asked', async () => {
    const host = createFakeHost();
    const a = await host.createAssessment('Acme', 'type2', 'full');
    for (let n = 1; n <= 230; n++) {
      await host.addRegisterEntry(a.id, 'changes', [['reference', `PR-${n}`], ['title', `Change ${n}`], ['author', 'ana'], ['released_on', '2026-03-02']]);
    }
    render(RegistersView, { props: { assessmentId: a.id }, context: hostContext(host) });
    await fireEvent.click(await screen.findByTestId('register-changes'));
    await vi.waitFor(() => expect(screen.getAllByTestId('register-row')).toHaveLength(200));
    expect(screen.getByTestId('register-more').textContent).toContain('first 200 of 230');
    // Search reaches the rows not drawn.
    await fireEvent.input(screen.getByTestId('register-search'), { target: { value: 'PR-229' } });
    await vi.waitFor(() => expect(screen.getAllByTestId('register-row')).toHaveLength(1));
    await fireEvent.input(screen.getByTestId('register-search'), { target: { value: '' } });
    await fireEvent.click(await screen.findByTestId('register-show-all'));
    await vi.waitFor(() => expect(screen.getAllByTestId('register-row')).toHaveLength(230));
    expect(screen.queryByTestId('register-more')).toBeNull();
  });
});

