// Shows the engine's trust page fragment in a shadow root, so its own styles (light, dark, print) apply inside it and none leak into the app or out of it.
import type { Action } from 'svelte/action';

/**
 * The fragment is the engine's, every company text in it already escaped; the shadow root is what
 * keeps the page's styles, which name plain elements, off the app around it.
 */
export const preview: Action<HTMLElement, string> = (node, html) => {
  const root = node.shadowRoot ?? node.attachShadow({ mode: 'open' });
  root.innerHTML = html;
  return {
    update(next: string) {
      root.innerHTML = next;
    },
  };
};
