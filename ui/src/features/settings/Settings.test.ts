// The settings screen over the fake host: what is stored is shown, and a change is saved as it is made, without a save button.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { hostContext } from '../../lib/ipc/context';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeHost } from '../../lib/ipc/fake';
import Settings from './Settings.svelte';

describe('Settings', () => {
  afterEach(cleanup);

  it('shows the stored assessor and saves a new one when the field is left', async () => {
    const host = createFakeHost();
    await host.saveSettings({ assessor_name: 'Dana', assessor_organisation: null, page_size: 'a4', has_logo: false });
    render(Settings, { props: { info: await host.getAppInfo(), onDataFileChanged: () => {}, onProtected: () => {} }, context: hostContext(host) });
    const name = (await screen.findByTestId('assessor-name')) as HTMLInputElement;
    await vi.waitFor(() => expect(name.value).toBe('Dana'));
    await fireEvent.input(name, { target: { value: 'Dana Reyes' } });
    await fireEvent.blur(name);
    await vi.waitFor(async () => expect((await host.getSettings()).assessor_name).toBe('Dana Reyes'));
    await fireEvent.change(screen.getByTestId('page-size'), { target: { value: 'letter' } });
    await vi.waitFor(async () => expect((await host.getSettings()).page_size).toBe('letter'));
  });
});

