// The calendar screen over the fake host: adopting a proposed control, a failing check refused without its reason under the field, then recorded, then withdrawn.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { hostContext } from '../../lib/ipc/context';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FAKE_BANK, createFakeHost } from '../../lib/ipc/fake';
import Calendar from './Calendar.svelte';

describe('Calendar', () => {
  afterEach(cleanup);

  it('adopts a proposed control and records a check, naming the field the engine refuses', async () => {
    const host = createFakeHost();
    const a = await host.createAssessment('Acme', 'type2', 'full');
    // The host tells every view of the assessment once a write lands (the `changed` event).
    const onChanged = vi.fn();
    await host.onChanged(onChanged);
    render(Calendar, { props: { assessmentId: a.id, today: '2026-11-27', bank: FAKE_BANK }, context: hostContext(host) });

    await fireEvent.click(await screen.findByTestId('adopt-access-review'));
    await fireEvent.input(screen.getByTestId('adopt-owner'), { target: { value: 'Dana' } });
    await fireEvent.click(screen.getByTestId('adopt-save'));
    expect(await screen.findByTestId('control-access-review')).toBeTruthy();
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(onChanged).toHaveBeenCalledWith({ assessment_id: a.id, programme: true });

    await fireEvent.click(screen.getByTestId('record-access-review'));
    await fireEvent.change(screen.getByTestId('check-result'), { target: { value: 'fail' } });
    await fireEvent.click(screen.getByTestId('save-check'));
    expect((await screen.findByTestId('error-reason')).textContent).toBe('Reason: required');

    await fireEvent.input(screen.getByTestId('check-reason'), { target: { value: 'two leavers still active' } });
    await fireEvent.click(screen.getByTestId('save-check'));
    await vi.waitFor(() => expect(screen.queryByTestId('check-form')).toBeNull());
    expect(await host.listChecks(a.id)).toMatchObject([{ control_id: 'access-review', result: 'fail', reason: 'two leavers still active', performed_by: 'Dana' }]);

    // Recorded against the wrong control: withdrawn by a later entry, never edited away.
    const [first] = await host.listChecks(a.id);
    await fireEvent.click(screen.getByText(/^History/));
    await fireEvent.click(await screen.findByTestId(`withdraw-${first.id}`));
    await fireEvent.click(screen.getByTestId('withdraw-save'));
    expect((await screen.findByTestId('error-withdraw')).textContent).toBe('Reason: required');
    await fireEvent.input(screen.getByTestId('withdraw-reason'), { target: { value: 'recorded against the wrong control' } });
    await fireEvent.click(screen.getByTestId('withdraw-save'));
    await vi.waitFor(() => expect(screen.queryByTestId('withdraw-save')).toBeNull());
    expect(await host.listChecks(a.id)).toMatchObject([{ id: first.id }, { result: 'void', voids: first.id, reason: 'recorded against the wrong control', performed_by: 'Dana' }]);
    expect(screen.getByText(/withdrew the entry of/)).toBeTruthy();
    expect(screen.getByText('withdrawn', { exact: false })).toBeTruthy();
  });

  it('changes an adopted control and retires it, keeping its checks', async () => {
    const host = createFakeHost();
    const a = await host.createAssessment('Acme', 'type2', 'full');
    await host.adoptControl(a.id, { control_id: 'access-review', frequency: 'quarterly', owner: 'Dana', first_due: '2026-12-01' });
    render(Calendar, { props: { assessmentId: a.id, today: '2026-11-27', bank: FAKE_BANK }, context: hostContext(host) });

    await fireEvent.click(await screen.findByTestId('edit-access-review'));
    expect((screen.getByTestId('adopt-owner') as HTMLInputElement).value).toBe('Dana');
    await fireEvent.change(screen.getByTestId('adopt-frequency'), { target: { value: 'monthly' } });
    await fireEvent.input(screen.getByTestId('adopt-owner'), { target: { value: 'Sam' } });
    await fireEvent.input(screen.getByTestId('adopt-start'), { target: { value: '15 Jan 2027' } });
    await fireEvent.click(screen.getByTestId('adopt-save'));
    await vi.waitFor(async () => expect((await host.getCalendar(a.id)).controls[0].control).toMatchObject({ frequency: 'monthly', owner: 'Sam', first_due: '2027-01-15' }));
    expect((await screen.findByTestId('control-access-review')).textContent).toContain('monthly, Sam');

    await fireEvent.click(screen.getByTestId('edit-access-review'));
    await fireEvent.click(screen.getByTestId('retire-access-review'));
    // Asked again, saying what retiring changes, before anything is written.
    expect((await host.getCalendar(a.id)).controls[0].control.archived).toBe(false);
    await fireEvent.click(await screen.findByTestId('retire-confirm-access-review'));
    expect((await screen.findByTestId('retired')).textContent).toContain('Retired "User access review"');
    // Listed as archived, as the engine lists it, with Resume instead of Record a check.
    await vi.waitFor(() => expect(screen.getByTestId('status-access-review').textContent).toBe('Archived'));
    expect(screen.queryByTestId('record-access-review')).toBeNull();
    await fireEvent.click(screen.getByTestId('resume-access-review'));
    await fireEvent.click(screen.getByTestId('adopt-save'));
    await vi.waitFor(() => expect(screen.getByTestId('status-access-review').textContent).not.toBe('Archived'));
  });
});
