// The top bar's spreadsheet export: the save dialog's path goes to the host with every table, and the notice says what was written.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from './App.svelte';
import { useHost } from './lib/ipc';
import { createFakeHost } from './lib/ipc/fake';

describe('Export spreadsheet', () => {
  it('writes every table where the save dialog says, then says where', async () => {
    const host = createFakeHost();
    await host.createAssessment('Acme: Zürich', 'type2', 'full');
    const asked: string[] = [];
    host.chooseSavePath = async (_title, name, extension) => {
      asked.push(`${name} (${extension})`);
      return `/tmp/${name}`;
    };
    const tables: string[][] = [];
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
    await fireEvent.click(await screen.findByTestId('export-spreadsheet'));
    const notice = await screen.findByTestId('notice');
    // The organisation names the file, without the characters file systems refuse.
    expect(asked).toEqual(['Acme- Zürich SOC 2 gaps.xlsx (xlsx)']);
    expect(host.calls).toContain('export spreadsheet /tmp/Acme- Zürich SOC 2 gaps.xlsx');
    expect(tables).toEqual([['gaps', 'roadmap', 'plan', 'answers']]);
    expect(notice.textContent).toContain('/tmp/Acme- Zürich SOC 2 gaps.xlsx');
    expect(screen.getByTestId('show-folder')).toBeTruthy();
  });
});
