// The calendar's helpers: where an engine refusal goes on a form, and the date shape a request needs.
import { describe, expect, it } from 'vitest';
import { CHECK_FIELDS, dateShapeError, placeRefusal } from './calendar';

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

describe('dateShapeError', () => {
  it('asks for a date in the shape the engine reads', () => {
    expect(dateShapeError('2026-11-20')).toEqual({});
    expect(dateShapeError('')).toEqual({ date: 'required, as a date' });
  });
});
