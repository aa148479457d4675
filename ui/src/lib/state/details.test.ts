// What a new level keeps of an answer's details: all of them, except a known exception below the level the engine allows it at.
import { describe, expect, it } from 'vitest';
import { EXCEPTION_FROM_LEVEL, type Answer } from '../bindings';
import { keptAt } from './details';

const answered: Answer = {
  question_id: 'access.review',
  value: { level: 3 },
  note: 'quarterly',
  owner: 'Priya',
  due: null,
  evidence: ['review.xlsx'],
  exception: 'two contractors not yet in the review',
  live_exposure: true,
  repeat_finding: false,
  not_covered: ['people'],
  updated_at: '2026-12-01T09:00:00Z',
};

describe('keptAt', () => {
  it('keeps the exception while the control stays in place', () => {
    const kept = keptAt(answered, { level: EXCEPTION_FROM_LEVEL });
    expect(kept).toMatchObject({ note: 'quarterly', owner: 'Priya', exception: 'two contractors not yet in the review', live_exposure: true, not_covered: ['people'] });
  });

  it('drops the exception below that level and keeps the rest', () => {
    const kept = keptAt(answered, { level: EXCEPTION_FROM_LEVEL - 1 });
    expect(kept).toMatchObject({ note: 'quarterly', evidence: ['review.xlsx'], exception: null, live_exposure: false, not_covered: [] });
  });

  it('starts empty for a first answer', () => {
    expect(keptAt(undefined, { level: 3 })).toMatchObject({ note: null, owner: null, due: null, evidence: [] });
  });
});
