// Unit tests for the keyboard mapping: every shortcut, and silence while the user types.
import { describe, expect, it } from 'vitest';
import { actionFor, SHORTCUTS } from './keyboard';

const press = (key: string, inField = false) => actionFor({ key, inField });

describe('actionFor', () => {
  it('maps number keys to levels and letters to actions', () => {
    expect([0, 1, 2, 3, 4].map((n) => press(String(n)))).toEqual([0, 1, 2, 3, 4].map((level) => ({ kind: 'level', level })));
    expect(press('n')).toEqual({ kind: 'not-applicable' });
    expect(press('N')).toEqual({ kind: 'not-applicable' });
    expect(press('j')).toEqual({ kind: 'move', by: 1 });
    expect(press('ArrowDown')).toEqual({ kind: 'move', by: 1 });
    expect(press('k')).toEqual({ kind: 'move', by: -1 });
    expect(press('ArrowUp')).toEqual({ kind: 'move', by: -1 });
    expect(press('ArrowRight')).toEqual({ kind: 'step', by: 1 });
    expect(press('ArrowLeft')).toEqual({ kind: 'step', by: -1 });
    expect(press('Enter')).toEqual({ kind: 'toggle-guidance' });
    expect(press('Backspace')).toEqual({ kind: 'clear' });
    expect(press('?')).toEqual({ kind: 'shortcuts' });
    expect(press('f')).toEqual({ kind: 'cycle-filter' });
    expect(press('e')).toEqual({ kind: 'edit-note' });
  });

  it('maps Ctrl+Z (or Cmd+Z) to undo, but not while typing', () => {
    expect(actionFor({ key: 'z', ctrlKey: true, inField: false })).toEqual({ kind: 'undo' });
    expect(actionFor({ key: 'z', metaKey: true, inField: false })).toEqual({ kind: 'undo' });
    expect(actionFor({ key: 'z', ctrlKey: true, inField: true })).toBeNull();
    expect(actionFor({ key: 'z', inField: false })).toBeNull();
  });

  it('ignores keys it does not know and levels outside 0 to 4', () => {
    expect(press('5')).toBeNull();
    expect(press('w')).toBeNull();
  });

  it('opens the exports and the settings from any tab', () => {
    expect(press('x')).toEqual({ kind: 'exports' });
    expect(press(',')).toEqual({ kind: 'settings' });
    expect(press('v')).toEqual({ kind: 'compare' });
    expect(press('x', true)).toBeNull();
  });

  it('stays out of the way while typing, except for Escape', () => {
    for (const key of ['1', 'n', 'j', 'ArrowDown', 'Backspace', '?', 'Enter']) {
      expect(press(key, true)).toBeNull();
    }
    expect(press('Escape', true)).toEqual({ kind: 'escape' });
  });

  it('leaves browser and system shortcuts alone', () => {
    expect(actionFor({ key: '1', ctrlKey: true, inField: false })).toBeNull();
    expect(actionFor({ key: 'n', metaKey: true, inField: false })).toBeNull();
  });

  it('documents every shortcut in the overlay', () => {
    const documented = SHORTCUTS.map(([keys]) => keys).join(' ');
    for (const key of ['0', 'N', 'J', 'K', 'E', 'F', '?', 'Esc', 'Enter', 'Backspace']) {
      expect(documented).toContain(key);
    }
  });

  it('leaves Enter and Space to a focused button, and moves between screens and steps', () => {
    expect(actionFor({ key: 'Enter', inField: false, onControl: true })).toBeNull();
    expect(actionFor({ key: ' ', inField: false, onControl: true })).toBeNull();
    expect(actionFor({ key: 'Enter', inField: false })).toEqual({ kind: 'toggle-guidance' });
    expect(press('d')).toEqual({ kind: 'go', to: 'dashboard' });
    expect(press('g')).toEqual({ kind: 'go', to: 'gaps' });
    expect(press('q')).toEqual({ kind: 'go', to: 'questionnaire' });
    expect(press('r')).toEqual({ kind: 'go', to: 'registers' });
    expect(press('C')).toEqual({ kind: 'go', to: 'calendar' });
    expect(actionFor({ key: 'r', inField: true })).toBeNull();
    expect(press('u')).toEqual({ kind: 'next-unanswered' });
    expect(actionFor({ key: '3', altKey: true, inField: false })).toEqual({ kind: 'go-step', step: 3 });
    expect(actionFor({ key: '3', altKey: true, inField: true })).toBeNull();
    expect(actionFor({ key: '7', altKey: true, inField: false })).toBeNull();
  });
});
