// The calendar's helpers: where an engine refusal goes on a form, and the date shape a request needs.
import { describe, expect, it } from 'vitest';
import { placeRefusal } from '../../lib/refusal';
import { CHECK_FIELDS, typedDate } from './calendar';

describe('placeRefusal', () => {
  it('places a refusal under the field it names', () => {
    expect(placeRefusal({ kind: 'invalid_input', field: 'reason', message: 'required' }, CHECK_FIELDS)).toEqual({ reason: 'required' });
  });
  it('puts a refusal of a field the form lacks above it, named by its label', () => {
    expect(placeRefusal({ kind: 'invalid_input', field: 'control', message: "'x' is not adopted" }, CHECK_FIELDS)).toEqual({ form: "control: 'x' is not adopted" });
    expect(placeRefusal({ kind: 'invalid_input', field: 'by', message: 'required' }, [], { by: 'Withdrawn by' })).toEqual({ form: 'Withdrawn by: required' });
  });
  it('keeps a message that names no field whole', () => {
    expect(placeRefusal({ kind: 'read_only', message: 'the data file is read-only' }, CHECK_FIELDS)).toEqual({ form: 'the data file is read-only' });
  });
});

describe('typedDate', () => {
  it('reads a date as people type it, and says what is wrong otherwise', () => {
    expect(typedDate('2026-11-15')).toEqual({ date: '2026-11-15' });
    expect(typedDate('15 Nov 2026')).toEqual({ date: '2026-11-15' });
    expect(typedDate('')).toEqual({ error: 'required: write it as 2026-11-15 or 15 Nov 2026' });
    expect(typedDate('2026-02-30')).toEqual({ error: 'not a date: write it as 2026-11-15 or 15 Nov 2026' });
    // What a date widget made of "2026-11-15" (the year 15) is refused, and so is a year far off.
    expect(typedDate('0015-12-11')).toEqual({ error: 'not a date: write it as 2026-11-15 or 15 Nov 2026' });
    expect(typedDate('1996-11-15')).toEqual({ error: 'the year 1996 looks like a slip: write it as 2026-11-15 or 15 Nov 2026' });
    expect(typedDate('1926-11-15')).toEqual({ error: 'not a date: write it as 2026-11-15 or 15 Nov 2026' });
  });
});
