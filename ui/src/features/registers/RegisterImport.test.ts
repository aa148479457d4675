// The register CSV import over the fake host: a file's bad rows named by line with nothing kept, a column remapped and read again, then every row imported and listed.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hostContext } from '../../lib/ipc/context';
import { createFakeHost } from '../../lib/ipc/fake';
import RegistersView from './RegistersView.svelte';

const EXPORT = [
  'Number,Title,Author,Approver,Merged',
  '101,Add audit log export,ben,cara,2026-02-03',
  '102,Bump dependencies,ben,,3 Feb 2026',
  '103,Fix login loop,dan,ed,2026-02-30',
].join('\n');

describe('RegisterImport', () => {
  afterEach(cleanup);

  it('names each problem by line, keeps nothing until the file and mapping read, then imports every row', async () => {
    const host = createFakeHost();
    const a = await host.createAssessment('Acme', 'type2', 'full');
    host.stageCsvFile('/tmp/pulls.csv', EXPORT);
    render(RegistersView, { props: { assessmentId: a.id }, context: hostContext(host) });
    await fireEvent.click(await screen.findByTestId('register-changes'));
    await fireEvent.click(await screen.findByTestId('register-import-open'));
    await fireEvent.input(await screen.findByTestId('register-import-path'), { target: { value: '/tmp/pulls.csv' } });
    await fireEvent.click(screen.getByTestId('register-import-read'));

    // Only "Title" and "Author" are headings the engine knows; the reference and release day are missing.
    const problems = await screen.findByTestId('register-import-problems');
    expect(problems.textContent).toContain('Line 1, Reference: required, and no column fills it');
    expect(problems.textContent).toContain('Line 1, Released on: required');
    expect((screen.getByTestId('register-import-keep') as HTMLButtonElement).disabled).toBe(true);

    await fireEvent.change(screen.getByTestId('register-map-Number'), { target: { value: 'reference' } });
    await fireEvent.change(screen.getByTestId('register-map-Approver'), { target: { value: 'approved_by' } });
    await fireEvent.change(screen.getByTestId('register-map-Merged'), { target: { value: 'released_on' } });
    await vi.waitFor(() => expect(screen.getByTestId('register-import-problems').textContent).toContain("Line 4, Released on: '2026-02-30' is not a date"));
    expect(screen.getByTestId('register-import-problems').textContent).not.toContain('Line 1');
    expect(await host.listRegister(a.id, 'changes')).toHaveLength(0);

    // The file fixed on disk and read again with the same mapping.
    host.stageCsvFile('/tmp/pulls.csv', EXPORT.replace('2026-02-30', '2026-02-27'));
    await fireEvent.click(screen.getByTestId('register-import-reread'));
    expect((await screen.findByTestId('register-import-summary')).textContent).toContain('3 rows read, all sound: 3 new');
    await fireEvent.click(screen.getByTestId('register-import-keep'));
    expect((await screen.findByTestId('register-imported')).textContent).toContain('Imported 3 rows into Changes');
    expect(screen.queryByTestId('register-import')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('register-import-open')));
    await vi.waitFor(() => expect(screen.getAllByTestId('register-row')).toHaveLength(3));
    expect((await host.listRegister(a.id, 'changes')).map((r) => r.values.approved_by)).toEqual(['cara', '', 'ed']);
  });

  it('says so when the file cannot be read, and leaves the register as it was', async () => {
    const host = createFakeHost();
    const a = await host.createAssessment('Acme', 'type2', 'full');
    render(RegistersView, { props: { assessmentId: a.id }, context: hostContext(host) });
    await fireEvent.click(await screen.findByTestId('register-import-open'));
    await fireEvent.input(await screen.findByTestId('register-import-path'), { target: { value: '/nowhere.csv' } });
    await fireEvent.click(screen.getByTestId('register-import-read'));
    expect((await screen.findByTestId('register-import-error')).textContent).toContain('/nowhere.csv: no such file');
    expect(await host.listRegister(a.id, 'vendors')).toHaveLength(0);
  });

  it('lists a file whose headings repeat or are empty, each column by its place', async () => {
    const host = createFakeHost();
    const a = await host.createAssessment('Acme', 'type2', 'full');
    host.stageCsvFile('/tmp/jira.csv', 'Summary,Labels,Labels,,reference,title,author,released_on\nA,x,y,,OPS-1,Fix,ana,2026-02-03');
    render(RegistersView, { props: { assessmentId: a.id }, context: hostContext(host) });
    await fireEvent.click(await screen.findByTestId('register-changes'));
    await fireEvent.click(await screen.findByTestId('register-import-open'));
    await fireEvent.input(await screen.findByTestId('register-import-path'), { target: { value: '/tmp/jira.csv' } });
    await fireEvent.click(screen.getByTestId('register-import-read'));
    const mapping = await screen.findByTestId('register-import-mapping');
    expect(mapping.querySelectorAll('select')).toHaveLength(8);
    expect(mapping.textContent).toContain('(column 4, no heading)');
    expect((await screen.findByTestId('register-import-summary')).textContent).toContain('1 row read, all sound');
  });
});
