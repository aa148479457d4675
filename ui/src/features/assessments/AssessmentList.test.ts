// The assessments list marks the launch and lets the bank load once it is painted, and only on the first showing of a page load; it compares two assessments of one organisation.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { hostContext } from '../../lib/ipc/context';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeHost } from '../../lib/ipc/fake';
import AssessmentList from './AssessmentList.svelte';

describe('AssessmentList', () => {
  afterEach(cleanup);

  it('tells the host the first screen is interactive once, after it is drawn', async () => {
    const host = createFakeHost();
    await host.createAssessment('Acme', 'type2', 'quick');
    const onPainted = vi.fn();
    const first = render(AssessmentList, { props: { onOpen: () => {}, onCompare: () => {}, onPainted }, context: hostContext(host) });
    await screen.findByTestId('assessment-table');
    await vi.waitFor(() => expect(host.calls.filter((c) => c === 'mark launched')).toHaveLength(1));
    expect(onPainted).toHaveBeenCalledTimes(1);
    first.unmount();

    // Coming back to the list later is not a launch.
    render(AssessmentList, { props: { onOpen: () => {}, onCompare: () => {}, onPainted }, context: hostContext(host) });
    await screen.findByTestId('assessment-table');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(host.calls.filter((c) => c === 'mark launched')).toHaveLength(1);
    expect(onPainted).toHaveBeenCalledTimes(1);
  });

  it('compares a re-assessment with its baseline, earlier first, whichever row it starts from', async () => {
    const host = createFakeHost();
    const first = await host.createAssessment('Acme', 'type2', 'quick');
    const second = await host.duplicateAssessment(first.id);
    await host.createAssessment('Other Ltd', 'type2', 'quick');
    const onCompare = vi.fn();
    render(AssessmentList, { props: { onOpen: () => {}, onCompare }, context: hostContext(host) });
    await screen.findByTestId('assessment-table');

    const rows = screen.getAllByTestId('compare-assessment');
    expect(rows).toHaveLength(3);
    await fireEvent.click(rows[1]);
    const choice = (await screen.findByTestId('compare-with')) as HTMLSelectElement;
    // Only the same organisation is offered, and the baseline is chosen.
    expect([...choice.options].map((o) => o.value)).toEqual([first.id]);
    expect(choice.selectedOptions[0].textContent).toContain('(its baseline)');
    await fireEvent.click(screen.getByTestId('compare-go'));
    expect(onCompare).toHaveBeenLastCalledWith(first.id, second.id);

    // From the baseline's own row the order is the same: earlier before, later after.
    await fireEvent.click(screen.getAllByTestId('compare-assessment')[0]);
    await screen.findByTestId('compare-with');
    await fireEvent.click(screen.getByTestId('compare-go'));
    expect(onCompare).toHaveBeenLastCalledWith(first.id, second.id);

    // An organisation assessed once has nothing to compare with.
    await fireEvent.click(screen.getAllByTestId('compare-assessment')[2]);
    expect(await screen.findByTestId('compare-none')).toBeTruthy();
    expect((screen.getByTestId('compare-go') as HTMLButtonElement).disabled).toBe(true);
  });

  it('says in view where an export went, with its folder, and that a copy was made', async () => {
    const host = createFakeHost();
    await host.createAssessment('Acme', 'type2', 'quick');
    host.chooseSavePath = async (_title, name) => `/tmp/${name}`;
    render(AssessmentList, { props: { onOpen: () => {}, onCompare: () => {} }, context: hostContext(host) });
    await screen.findByTestId('assessment-table');

    await fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const exported = await screen.findByTestId('notice');
    expect(exported.textContent).toContain('Exported Acme to /tmp/Acme assessment.json');
    expect(exported.getAttribute('role')).toBe('status');
    expect(screen.getByTestId('show-folder')).toBeTruthy();

    await fireEvent.click(screen.getByRole('button', { name: 'Duplicate' }));
    await vi.waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('Started a re-assessment of Acme'));
    expect(screen.queryByTestId('show-folder')).toBeNull();
  });

  it('labels a refused name, and shows a rename as soon as the host says it landed', async () => {
    const host = createFakeHost();
    await host.createAssessment('Acme', 'type2', 'quick');
    render(AssessmentList, { props: { onOpen: () => {}, onCompare: () => {} }, context: hostContext(host) });
    await screen.findByTestId('assessment-table');

    await fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    const name = screen.getByLabelText('New organisation name');
    await fireEvent.input(name, { target: { value: '   ' } });
    await fireEvent.submit(name.closest('form')!);
    expect((await screen.findByRole('alert')).textContent).toBe('Organisation name: must not be empty');

    await fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    const again = screen.getByLabelText('New organisation name');
    await fireEvent.input(again, { target: { value: 'Acme Cloud' } });
    await fireEvent.submit(again.closest('form')!);
    expect(await screen.findByText('Acme Cloud')).toBeTruthy();
  });
});
