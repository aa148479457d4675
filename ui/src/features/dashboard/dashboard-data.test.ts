// The dashboard's data over the fake host: loaded when a tab asks, and on a change read again only where it is on screen.
import { describe, expect, it, vi } from 'vitest';
import { createFakeHost } from '../../lib/ipc/fake';
import { DashboardData } from './dashboard-data.svelte';

describe('DashboardData', () => {
  it('reads again on a change only what a tab has shown', async () => {
    const host = createFakeHost();
    const a = await host.createAssessment('Acme', 'type2', 'full');
    const data = new DashboardData(host, a.id, null);
    const analysis = vi.spyOn(host, 'getAnalysis');
    const calendar = vi.spyOn(host, 'getCalendar');

    await data.changed();
    expect(analysis).not.toHaveBeenCalled();
    expect(calendar).not.toHaveBeenCalled();

    await data.loadAnalysis();
    expect(data.analysis).not.toBeNull();
    expect(data.gaps).toBe(data.analysis!.gaps);
    await data.changed();
    expect(analysis).toHaveBeenCalledTimes(2);
    expect(calendar).not.toHaveBeenCalled();

    await data.loadDashboard();
    await host.adoptControl(a.id, { control_id: 'access-review', frequency: 'quarterly', owner: 'Dana', first_due: '2026-12-01' });
    await data.changed();
    expect(calendar).toHaveBeenCalledTimes(2);
    expect(data.records).toMatchObject({ overdue: expect.any(Number), due: expect.any(Number) });
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
