// File dialogs start in the folder last used: remembered from the chosen path, suggested with the new name.
import { beforeEach, describe, expect, it } from 'vitest';
import { folderOf, lastFolder, rememberFolder, startingAt } from './last-folder';

describe('the last folder', () => {
  beforeEach(() => localStorage.clear());

  it('starts at the bare name until a file is chosen, then in its folder', () => {
    expect(startingAt('Acme gap analysis.pdf')).toBe('Acme gap analysis.pdf');
    rememberFolder('/home/dana/Reports/Acme.pdf');
    expect(lastFolder()).toBe('/home/dana/Reports');
    expect(startingAt('Acme.xlsx')).toBe('/home/dana/Reports/Acme.xlsx');
  });

  it('keeps the folder when the person cancels, and reads Windows paths', () => {
    rememberFolder('C:\\Users\\dana\\Exports\\acme.json');
    rememberFolder(null);
    expect(startingAt('acme.soc2')).toBe('C:\\Users\\dana\\Exports\\acme.soc2');
    expect(folderOf('acme.json')).toBeNull();
  });
});
