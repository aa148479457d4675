// The fake host's data-file passphrase, kept in memory, so protect, change, remove and a wrong passphrase can be tried without a disk.
import type { AppInfo } from '../bindings';

/** `appInfo`: the fake's app info, read after each change (its `protected` comes from `isProtected`). */
export function fakeProtection(appInfo: () => Promise<AppInfo>) {
  let kept = '';
  const changeDataFilePassphrase = async (current: string, next: string) => {
    if (current !== kept) throw { kind: 'wrong_passphrase', message: 'the passphrase does not open the data file' };
    kept = next;
    return appInfo();
  };
  return {
    isProtected: () => kept !== '',
    calls: {
      protectDataFile: (next: string) => changeDataFilePassphrase('', next),
      unprotectDataFile: (current: string) => changeDataFilePassphrase(current, ''),
      changeDataFilePassphrase,
    },
  };
}
