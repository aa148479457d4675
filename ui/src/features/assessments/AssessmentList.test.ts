// The assessments list marks the launch and lets the bank load once it is painted, and only on the first showing of a page load.
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { createFakeHost } from '../../lib/ipc/fake';
import AssessmentList from './AssessmentList.svelte';

describe('AssessmentList', () => {
  it('tells the host the first screen is interactive once, after it is drawn', async () => {
    const host = createFakeHost();
    await host.createAssessment('Acme', 'type2', 'quick');
    const onPainted = vi.fn();
    const first = render(AssessmentList, { host, onOpen: () => {}, onPainted });
    await screen.findByTestId('assessment-table');
    await vi.waitFor(() => expect(host.calls.filter((c) => c === 'mark launched')).toHaveLength(1));
    expect(onPainted).toHaveBeenCalledTimes(1);
    first.unmount();

    // Coming back to the list later is not a launch.
    render(AssessmentList, { host, onOpen: () => {}, onPainted });
    await screen.findByTestId('assessment-table');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(host.calls.filter((c) => c === 'mark launched')).toHaveLength(1);
    expect(onPainted).toHaveBeenCalledTimes(1);
  });
});
