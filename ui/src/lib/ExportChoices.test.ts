// The export choices: each PDF choice says whether the system description goes in as an appendix, and choosing closes the list.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ExportChoices from './ExportChoices.svelte';

describe('ExportChoices', () => {
  afterEach(cleanup);

  it('asks for the PDF with or without the system description', async () => {
    const onPdf = vi.fn();
    const onSpreadsheet = vi.fn();
    render(ExportChoices, { props: { onPdf, onSpreadsheet } });
    await fireEvent.click(screen.getByTestId('export-menu'));
    await fireEvent.click(screen.getByTestId('export-pdf-description'));
    expect(screen.queryByTestId('export-pdf')).toBeNull();
    await fireEvent.click(screen.getByTestId('export-menu'));
    await fireEvent.click(screen.getByTestId('export-pdf'));
    expect(onPdf.mock.calls).toEqual([[true], [false]]);
    expect(onSpreadsheet).not.toHaveBeenCalled();
  });
});
