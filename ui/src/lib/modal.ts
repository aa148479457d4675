// A Svelte action for dialogs: focus moves in, Tab stays inside, Esc closes, focus goes back after.

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

export function modal(node: HTMLElement, onClose: () => void) {
  const before = document.activeElement as HTMLElement | null;
  let close = onClose;
  const focusable = () => [...node.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
  queueMicrotask(() => (node.querySelector<HTMLElement>('[data-autofocus]') ?? focusable()[0] ?? node).focus());
  function onKey(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      // The dialog owns Esc while it is open: nothing behind it reacts too.
      event.preventDefault();
      event.stopImmediatePropagation();
      close();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = focusable();
    if (items.length === 0) {
      event.preventDefault();
      return;
    }
    const first = items[0];
    const last = items[items.length - 1];
    const inside = node.contains(document.activeElement);
    if (event.shiftKey && (document.activeElement === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  }
  // Whatever moves focus (a Tab whose Shift the key event did not report, a click behind), it
  // comes back inside, wrapping as Tab would.
  let lastInside: HTMLElement | null = null;
  function onFocusIn(event: FocusEvent) {
    const target = event.target as HTMLElement;
    if (node.contains(target)) {
      lastInside = target;
      return;
    }
    const items = focusable();
    if (items.length === 0) return;
    (lastInside === items[0] ? items[items.length - 1] : items[0]).focus();
  }
  // Captured on the window, so Esc and Tab are the dialog's before any page shortcut sees them.
  window.addEventListener('keydown', onKey, true);
  document.addEventListener('focusin', onFocusIn, true);
  return {
    update(next: () => void) {
      close = next;
    },
    destroy() {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('focusin', onFocusIn, true);
      before?.focus?.();
    },
  };
}
