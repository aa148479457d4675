// The calendar's helpers: field errors taken from engine messages and the form's own checks.
import { describe, expect, it } from 'vitest';
import { CHECK_FIELDS, checkFormErrors, fieldError } from './calendar';

describe('fieldError', () => {
  it('places an engine message under the field it names', () => {
    expect(fieldError('reason: required', CHECK_FIELDS)).toEqual({ field: 'reason', text: 'required' });
    expect(fieldError('file: big.bin is 11.0 MiB; evidence files are kept up to 10 MiB', CHECK_FIELDS).field).toBe('file');
  });
  it('keeps a message that names no field whole', () => {
    expect(fieldError('the data file is read-only', CHECK_FIELDS)).toEqual({ field: null, text: 'the data file is read-only' });
  });
});

describe('checkFormErrors', () => {
  const base = { date: '2026-11-20', result: 'pass', reason: '', by: 'Dana' };
  it('accepts a passed check without a reason', () => {
    expect(checkFormErrors(base, '2026-11-27')).toEqual({});
  });
  it('refuses a future date, a missing name and a failure without its reason', () => {
    const errors = checkFormErrors({ date: '2026-12-01', result: 'fail', reason: ' ', by: '' }, '2026-11-27');
    expect(Object.keys(errors).sort()).toEqual(['by', 'date', 'reason']);
    expect(errors.date).toContain('in the future');
  });
});
