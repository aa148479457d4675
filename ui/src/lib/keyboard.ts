// Keyboard answering: maps a key press to a questionnaire action, so the mapping is testable alone.

export type Action =
  | { kind: 'level'; level: number }
  | { kind: 'not-applicable' }
  | { kind: 'clear' }
  | { kind: 'move'; by: 1 | -1 }
  | { kind: 'step'; by: 1 | -1 }
  | { kind: 'toggle-guidance' }
  | { kind: 'edit-note' }
  | { kind: 'cycle-filter' }
  | { kind: 'shortcuts' }
  | { kind: 'undo' }
  | { kind: 'next-unanswered' }
  | { kind: 'toggle-steps' }
  | { kind: 'go'; to: 'questionnaire' | 'dashboard' | 'gaps' | 'registers' | 'calendar' | 'trust' | 'accounts' }
  | { kind: 'go-step'; step: number }
  | { kind: 'exports' }
  | { kind: 'compare' }
  | { kind: 'settings' }
  | { kind: 'escape' };

/** Moves between screens: the app frame handles these on every tab, the questionnaire the rest. */
export const isNavigation = (action: Action): boolean => action.kind === 'go' || action.kind === 'go-step' || action.kind === 'exports' || action.kind === 'settings' || action.kind === 'compare';

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** True while the user types in a text field: then only Escape is a shortcut. */
  inField: boolean;
  /** True on a button, link, summary or checkbox: Enter and Space press it, as everywhere. */
  onControl?: boolean;
}

export const SHORTCUTS: Array<[string, string]> = [
  ['0 – 4', 'Set the maturity level of the selected question'],
  ['N', 'Not applicable (asks why)'],
  ['Backspace', 'Clear the answer (Ctrl+Z brings it back)'],
  ['Ctrl+Z', 'Undo the last answer change or clear, with its note, owner, date and evidence'],
  ['↓ / J', 'Next question'],
  ['↑ / K', 'Previous question'],
  ['→ / ←', 'Next or previous step'],
  ['Alt+1 – Alt+6', 'Go to step 1 to 6'],
  ['U', 'Next unanswered question, in any step'],
  ['Q / D / G / R / C / T / A', 'Questionnaire, dashboard, gap register, registers, control calendar, trust page, account exports'],
  ['V', 'Compare with the assessment this one re-assesses'],
  ['X', 'Export: the gap analysis PDF or the spreadsheet'],
  [',', 'Settings'],
  ['Enter', 'On a question: show or hide why it matters and what good looks like. On a button: press it'],
  ['E', 'Write a note'],
  ['F', 'Filter: all, unanswered, gaps only'],
  ['S', 'Hide or show the list of steps'],
  ['?', 'Show these shortcuts'],
  ['Esc', 'Close, or leave a text field'],
];

/** Whether an element is one that Enter and Space press (so shortcuts leave those keys to it). */
export function isControl(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  const tag = el.tagName;
  return tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || (tag === 'INPUT' && ['checkbox', 'radio'].includes((el as HTMLInputElement).type));
}

export function actionFor(press: KeyPress): Action | null {
  if (press.key === 'Escape') return { kind: 'escape' };
  if (!press.inField && (press.ctrlKey || press.metaKey) && !press.altKey && (press.key === 'z' || press.key === 'Z')) {
    return { kind: 'undo' };
  }
  if (!press.inField && press.altKey && !press.ctrlKey && !press.metaKey && /^[1-6]$/.test(press.key)) {
    return { kind: 'go-step', step: Number(press.key) };
  }
  if (press.inField || press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.onControl && (press.key === 'Enter' || press.key === ' ')) return null;
  switch (press.key) {
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
      return { kind: 'level', level: Number(press.key) };
    case 'n':
    case 'N':
      return { kind: 'not-applicable' };
    case 'Backspace':
    case 'Delete':
      return { kind: 'clear' };
    case 'ArrowDown':
    case 'j':
    case 'J':
      return { kind: 'move', by: 1 };
    case 'ArrowUp':
    case 'k':
    case 'K':
      return { kind: 'move', by: -1 };
    case 'ArrowRight':
      return { kind: 'step', by: 1 };
    case 'ArrowLeft':
      return { kind: 'step', by: -1 };
    case 'Enter':
      return { kind: 'toggle-guidance' };
    case 'e':
    case 'E':
      return { kind: 'edit-note' };
    case 'f':
    case 'F':
      return { kind: 'cycle-filter' };
    case '?':
      return { kind: 'shortcuts' };
    case 'u':
    case 'U':
      return { kind: 'next-unanswered' };
    case 's':
    case 'S':
      return { kind: 'toggle-steps' };
    case 'q':
    case 'Q':
      return { kind: 'go', to: 'questionnaire' };
    case 'd':
    case 'D':
      return { kind: 'go', to: 'dashboard' };
    case 'g':
    case 'G':
      return { kind: 'go', to: 'gaps' };
    case 'r':
    case 'R':
      return { kind: 'go', to: 'registers' };
    case 'c':
    case 'C':
      return { kind: 'go', to: 'calendar' };
    case 't':
    case 'T':
      return { kind: 'go', to: 'trust' };
    case 'a':
    case 'A':
      return { kind: 'go', to: 'accounts' };
    case 'x':
    case 'X':
      return { kind: 'exports' };
    case ',':
      return { kind: 'settings' };
    case 'v':
    case 'V':
      return { kind: 'compare' };
    default:
      return null;
  }
}
