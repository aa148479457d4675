// The card rules read the engine's scoring: "Gaps only" shows what it scored below target, an implied answer stays off the cards.
import { describe, expect, it } from 'vitest';
import type { Bank, Question, QuestionState } from '../bindings';
import { cardsOf, openOnPath } from './cards';

const question = (id: string): Question => ({ id, kind: 'control', step: 2 }) as Question;
const bank = { questions: ['a', 'b', 'c', 'd', 'e'].map(question) } as Bank;
const state = (question_id: string, s: Partial<QuestionState>): QuestionState =>
  ({ question_id, applicable: true, answered: true, not_applicable: false, unknown: false, exception: false, level: 4, credit: 1, ...s }) as QuestionState;
const states: Record<string, QuestionState> = {
  a: state('a', {}),
  // At level 4, but the check log does not show it operating: scored as documented.
  b: state('b', { not_evidenced: true, credit: 0.75 }),
  c: state('c', { not_applicable: true, level: null, credit: null }),
  d: state('d', { answered: false, level: null, credit: 0 }),
  e: state('e', { answered: false, level: 0, credit: 0 }),
};
const standing = { stateOf: (id: string) => states[id], implied: { e: 'a' } };

describe('cardsOf', () => {
  it('shows under "Gaps only" what the engine scored below target, whatever the level says', () => {
    expect(cardsOf(bank, 2, 'gaps', null, standing).map((q) => q.id)).toEqual(['b', 'd']);
  });

  it('keeps implied answers off the cards, and a kept card whatever the filter', () => {
    expect(cardsOf(bank, 2, 'all', null, standing).map((q) => q.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(cardsOf(bank, 2, 'unanswered', 'a', standing).map((q) => q.id)).toEqual(['a', 'd']);
  });

  it('counts as open only what is still to answer on the path', () => {
    expect(openOnPath(bank, standing).map((q) => q.id)).toEqual(['d']);
  });
});
