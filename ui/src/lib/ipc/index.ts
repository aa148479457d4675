// Picks the host once: the real Tauri host inside the app, an in-memory fake in a plain browser or tests.
import type { Host } from './host';
// Imported up front, not on demand: a dynamic import is one more request to the host before the
// first screen can ask for anything. The fake stays out of the app's main chunk.
import { tauriHost } from './tauri';

export type { Host } from './host';
export { asCommandError } from './host';

let current: Host | null = null;

export async function host(): Promise<Host> {
  if (current) return current;
  const inTauri = typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
  current = inTauri ? tauriHost : (await import('./fake')).createFakeHost();
  return current;
}

/** Tests install their own host. */
export function useHost(replacement: Host): void {
  current = replacement;
}
