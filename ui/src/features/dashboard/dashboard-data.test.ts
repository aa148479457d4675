// The dashboard's data over the fake host: loaded when a tab asks, and on a change read again only where it is on screen.
import { describe, expect, it, vi } from 'vitest';
import { createFakeHost } from '../../lib/ipc/fake';
import { DashboardData } from './dashboard-data.svelte';

describe('DashboardData', () => {
  it('reads again on a change to its assessment only what is on screen', async () => {
    const host = createFakeHost();
    const a = await host.createAssessment('Acme', 'type2', 'full');
    const data = new DashboardData(host, a.id, null);
    const analysis = vi.spyOn(host, 'getAnalysis');
    const calendar = vi.spyOn(host, 'getCalendar');
    const change = { assessment_id: a.id, programme: true };

    await data.changed(change);
    expect(analysis).not.toHaveBeenCalled();

    await data.show('gaps');
    expect(data.analysis).not.toBeNull();
    expect(data.gaps).toBe(data.analysis!.gaps);
    await data.changed(change);
    expect(analysis).toHaveBeenCalledTimes(2);
    expect(calendar).not.toHaveBeenCalled();
    await data.changed({ assessment_id: 'another', programme: true });
    expect(analysis).toHaveBeenCalledTimes(2);

    await data.show('dashboard');
    await host.adoptControl(a.id, { control_id: 'access-review', frequency: 'quarterly', owner: 'Dana', first_due: '2026-12-01' });
    await data.changed(change);
    expect(calendar).toHaveBeenCalledTimes(2);
    expect(data.records).toMatchObject({ overdue: expect.any(Number), due: expect.any(Number) });

    // Off the dashboard (the questionnaire, say), an answer saved reads nothing here.
    expect(analysis).toHaveBeenCalledTimes(4);
    await data.show(null);
    await data.changed({ assessment_id: a.id, programme: false });
    expect(analysis).toHaveBeenCalledTimes(4);
  });

  it('keeps what failed to load for the banner', async () => {
    const host = createFakeHost();
    host.getAnalysis = async () => {
      throw { kind: 'store', message: 'the data file is busy' };
    };
    const data = new DashboardData(host, 'nope', null);
    await data.loadAnalysis();
    expect(data.analysis).toBeNull();
    expect(data.problem).toBe('the data file is busy');
  });
});
