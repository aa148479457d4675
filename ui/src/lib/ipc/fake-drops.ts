// The fake host's file drops: a test drops paths on the window as a person drags files onto it.
import type { Host } from './host';

export function fakeFileDrops(): Pick<Host, 'onFileDrop'> & { dropFiles: (paths: string[]) => void } {
  const listeners = new Set<(paths: string[]) => void>();
  return {
    onFileDrop: async (then) => {
      listeners.add(then);
      return () => listeners.delete(then);
    },
    dropFiles: (paths) => listeners.forEach((then) => then(paths)),
  };
}
