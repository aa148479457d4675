// The top bar's spreadsheet export: the save dialog's path goes to the host with the default tables, and the notice says what was written.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from './App.svelte';
import { useHost } from './lib/ipc';
import { createFakeHost } from './lib/ipc/fake';
import type { TableKind } from './lib/bindings';

describe('Export spreadsheet', () => {
  afterEach(cleanup);

  it('writes the default tables where the save dialog says, then says where', async () => {
    const host = createFakeHost();
    await host.createAssessment('Acme: Zürich', 'type2', 'full');
    const asked: string[] = [];
    host.chooseSavePath = async (title, name, extension) => {
      asked.push(`${title}: ${name} (${extension})`);
      return `/tmp/${name}`;
    };
    const tables: (TableKind[] | null | undefined)[] = [];
    const write = host.exportSpreadsheet;
    host.exportSpreadsheet = async (id, path, format, chosen) => {
      tables.push(chosen);
      return write(id, path, format, chosen);
    };
    useHost(host);
    // jsdom has no scrolling; the app scrolls each tab to its top.
    window.scrollTo = () => {};
    render(App);
    await fireEvent.click(await screen.findByTestId('open-assessment'));
    await fireEvent.click(await screen.findByTestId('export-menu'));
    await fireEvent.click(await screen.findByTestId('export-spreadsheet'));
    const notice = await screen.findByTestId('notice');
    // The organisation names the file, without the characters file systems refuse.
    expect(asked).toEqual(['Save the gaps, roadmap, plan, answers and registers as a spreadsheet: Acme- Zürich SOC 2 gaps.xlsx (xlsx)']);
    expect(host.calls).toContain('export spreadsheet /tmp/Acme- Zürich SOC 2 gaps.xlsx');
    // No tables named: the engine's default, so the app and the CLI write the same sheets.
    expect(tables).toEqual([null]);
    expect(notice.textContent).toContain('/tmp/Acme- Zürich SOC 2 gaps.xlsx');
    expect(notice.textContent).not.toContain('vendors');
    expect(screen.getByTestId('show-folder')).toBeTruthy();
  });

  it('includes a register once the programme keeps an entry in it', async () => {
    const host = createFakeHost();
    const created = await host.createAssessment('Acme', 'type2', 'full');
    await host.addRegisterEntry(created.id, 'vendors', [
      ['name', 'Cloudhost'],
      ['service', 'hosting'],
      ['criticality', 'high'],
      ['owner', 'Sam'],
    ]);
    host.chooseSavePath = async (_title, name) => `/tmp/${name}`;
    useHost(host);
    window.scrollTo = () => {};
    render(App);
    await fireEvent.click(await screen.findByTestId('open-assessment'));
    await fireEvent.click(await screen.findByTestId('export-menu'));
    await fireEvent.click(await screen.findByTestId('export-spreadsheet'));
    const notice = await screen.findByTestId('notice');
    expect(notice.textContent).toContain('answers (0 rows), vendors (0 rows)');
    expect(notice.textContent).not.toContain('risks');
  });
});
