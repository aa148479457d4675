// The host as every screen reaches it: provided once by the app (or a test) through Svelte's context, instead of a prop handed down each level.
import { getContext, setContext } from 'svelte';
import type { Host } from './host';

const KEY = Symbol('host');

/** What the app provides: the host, once it has been picked (screens render only after). */
export interface HostBox {
  readonly host: Host | null;
}

/** Called by the app while it is created; the box fills when the host is picked. */
export function provideHost(box: HostBox): void {
  setContext(KEY, box);
}

/** The host, for a screen created after the app picked it. */
export function useHostContext(): Host {
  const host = getContext<HostBox | undefined>(KEY)?.host;
  if (!host) throw new Error('no host in context: the app provides it before any screen is drawn');
  return host;
}

/** A test's render context that provides `host`. */
export function hostContext(host: Host): Map<unknown, unknown> {
  return new Map<unknown, unknown>([[KEY, { host }]]);
}
