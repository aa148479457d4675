// The data file's passphrase in Settings: protect (typed twice), change (the current one first, a wrong one sends back to it) and remove.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { hostContext } from '../../lib/ipc/context';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../lib/bindings';
import { createFakeHost } from '../../lib/ipc/fake';
import DataFileChoice from './DataFileChoice.svelte';

async function type(testId: string, value: string) {
  await fireEvent.input(screen.getByTestId(testId), { target: { value } });
}

async function answer(passphrase: string) {
  await screen.findByTestId('passphrase-dialog');
  await type('passphrase', passphrase);
  if (screen.queryByTestId('passphrase-again')) await type('passphrase-again', passphrase);
  await fireEvent.click(screen.getByTestId('passphrase-submit'));
}

describe('protecting the data file', () => {
  afterEach(cleanup);

  it('protects, refuses a wrong current passphrase, changes it and removes it', async () => {
    const host = createFakeHost();
    let info: AppInfo = await host.getAppInfo();
    const seen: AppInfo[] = [];
    const view = render(DataFileChoice, { props: { info, onChanged: () => {}, onProtected: (next: AppInfo) => seen.push(next) }, context: hostContext(host) });

    await fireEvent.click(screen.getByTestId('protect-data-file'));
    await answer('plum tree');
    await expect.poll(() => seen.at(-1)?.protected).toBe(true);
    info = seen.at(-1)!;
    await view.rerender({ info, onChanged: () => {}, onProtected: (next: AppInfo) => seen.push(next) });

    await fireEvent.click(await screen.findByTestId('change-passphrase'));
    await answer('pear tree');
    await answer('apple tree');
    expect((await screen.findByTestId('passphrase-problem')).textContent).toMatch(/does not open/);
    expect(screen.queryByTestId('passphrase-again'), 'back at the current passphrase').toBeNull();
    await answer('plum tree');
    await answer('apple tree');
    await expect.poll(() => screen.queryByTestId('passphrase-dialog')).toBeNull();
    expect(screen.getByTestId('protection-done').textContent).toMatch(/changed/);

    await fireEvent.click(screen.getByTestId('unprotect-data-file'));
    await answer('apple tree');
    await expect.poll(() => seen.at(-1)?.protected).toBe(false);
  });
});
