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
  | { kind: 'escape' };

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** True while the user types in a text field: then only Escape is a shortcut. */
  inField: boolean;
}

export const SHORTCUTS: Array<[string, string]> = [
  ['0 – 4', 'Set the maturity level of the selected question'],
  ['N', 'Not applicable (asks why)'],
  ['Backspace', 'Clear the answer (Ctrl+Z brings it back)'],
  ['Ctrl+Z', 'Undo the last answer change or clear, with its note, owner, date and evidence'],
  ['↓ / J', 'Next question'],
  ['↑ / K', 'Previous question'],
  ['→ / ←', 'Next or previous step'],
  ['Enter', 'Show or hide why it matters and what good looks like'],
  ['E', 'Write a note'],
  ['F', 'Filter: all, unanswered, gaps only'],
  ['?', 'Show these shortcuts'],
  ['Esc', 'Close, or leave a text field'],
];

export function actionFor(press: KeyPress): Action | null {
  if (press.key === 'Escape') return { kind: 'escape' };
  if (!press.inField && (press.ctrlKey || press.metaKey) && !press.altKey && (press.key === 'z' || press.key === 'Z')) {
    return { kind: 'undo' };
  }
  if (press.inField || press.ctrlKey || press.metaKey || press.altKey) return null;
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
    default:
      return null;
  }
}
