// The system description panel over the fake host: the draft with its missing facts, a section rewritten as a new version (an empty one refused under its field), the versions, back to the draft, and saving as DOCX or Markdown with or without sources.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { hostContext } from '../../lib/ipc/context';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeHost } from '../../lib/ipc/fake';
import DescriptionPanel from './DescriptionPanel.svelte';

describe('DescriptionPanel', () => {
  afterEach(cleanup);

  it('shows the draft, keeps the company text as versions and goes back to the draft', async () => {
    const host = createFakeHost();
    const a = await host.createAssessment('Acme <Labs>', 'type2', 'full');
    const save = vi.spyOn(host, 'saveDescriptionSection');
    render(DescriptionPanel, { props: { assessmentId: a.id, organisation: 'Acme <Labs>' }, context: hostContext(host) });

    await fireEvent.click(screen.getByTestId('description-open'));
    expect((await screen.findByTestId('description-summary')).textContent).toContain('3 sections, 0 written by you, 3 facts missing');
    const services = screen.getByTestId('section-services');
    expect(services.textContent).toContain('Acme <Labs> runs the system described here.');
    expect(services.querySelector('.missing')?.textContent).toContain('Missing:');
    expect(services.textContent).toContain('Where this comes from (1)');

    // The editor starts from the draft's words; an empty text is refused under the field.
    await fireEvent.click(screen.getByTestId('edit-services'));
    const text = screen.getByTestId('text-services') as HTMLTextAreaElement;
    expect(text.value).toContain('[Missing] Add what');
    await fireEvent.input(text, { target: { value: '   ' } });
    await fireEvent.click(screen.getByTestId('save-services'));
    expect((await screen.findByTestId('text-error')).textContent).toContain('Text: is empty');
    expect(screen.queryByTestId('edited-services')).toBeNull();

    await fireEvent.input(text, { target: { value: 'Acme sells an invoicing API.' } });
    await fireEvent.click(screen.getByTestId('save-services'));
    expect((await screen.findByTestId('edited-services')).textContent).toBe('Your text, version 1');
    expect(screen.getByTestId('section-services').textContent).toContain('Acme sells an invoicing API.');
    expect(screen.getByTestId('description-summary').textContent).toContain('1 written by you, 2 facts missing');

    await fireEvent.click(screen.getByTestId('edit-services'));
    await fireEvent.click(screen.getByTestId('revert-services'));
    await vi.waitFor(() => expect(screen.queryByTestId('edited-services')).toBeNull());
    await fireEvent.click(screen.getByTestId('history-services'));
    const versions = await screen.findByTestId('versions-services');
    expect(versions.textContent).toContain('Version 1');
    expect(versions.textContent).toContain('Version 2');
    expect(versions.textContent).toContain('back to the draft');
    expect(save.mock.calls.map((c) => c[2])).toEqual(['   ', 'Acme sells an invoicing API.', null]);
  });

  it('saves the description where the user chooses, in the format asked, and nothing when the dialog is cancelled', async () => {
    const host = createFakeHost();
    const a = await host.createAssessment('Acme/Labs', 'type2', 'full');
    const names: string[] = [];
    host.chooseSavePath = async (_title, name) => {
      names.push(name);
      return names.length === 1 ? null : `/tmp/${name}`;
    };
    const write = vi.spyOn(host, 'writeDescription');
    render(DescriptionPanel, { props: { assessmentId: a.id, organisation: 'Acme/Labs' }, context: hostContext(host) });
    await fireEvent.click(screen.getByTestId('description-open'));
    await screen.findByTestId('description-summary');

    await fireEvent.click(screen.getByTestId('description-docx'));
    await vi.waitFor(() => expect(names).toEqual(['Acme-Labs system description.docx']));
    expect(write).not.toHaveBeenCalled();

    await fireEvent.click(screen.getByTestId('description-docx'));
    expect((await screen.findByTestId('description-written')).textContent).toContain('Saved /tmp/Acme-Labs system description.docx');
    await fireEvent.click(screen.getByTestId('description-sources'));
    await fireEvent.click(screen.getByTestId('description-markdown'));
    await vi.waitFor(() => expect(write).toHaveBeenCalledTimes(2));
    expect(write.mock.calls.map((c) => [c[2], c[3]])).toEqual([['docx', true], ['markdown', false]]);
  });
});
