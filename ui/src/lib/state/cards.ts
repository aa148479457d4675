// Which cards a step shows under a filter, and which questions are still open on the chosen path: plain functions of the scorecard.
import type { Bank, Question, QuestionState } from '../bindings';
import type { Filter } from './questionnaire.svelte';

/** What the card rules read of the open assessment. */
export interface Standing {
  stateOf(questionId: string): QuestionState | undefined;
  /** Question id to the foundation that implies its answer on the quick path. */
  implied: Partial<Record<string, string>>;
}

/** The control questions of `step` that apply, after `filter`; `kept` stays whatever the filter says. */
export function cardsOf(bank: Bank, step: number, filter: Filter, kept: string | null, standing: Standing): Question[] {
  return bank.questions.filter((q) => {
    if (q.kind !== 'control' || q.step !== step) return false;
    const state = standing.stateOf(q.id);
    if (!state?.applicable) return false;
    if (q.id === kept) return true;
    // Not asked on the quick path: the foundation's card says what it stands for.
    if (standing.implied[q.id]) return false;
    if (filter === 'unanswered') return !state.answered && !state.unknown;
    // Below target as the engine scored it (credit under 1): a known exception and a control the
    // records do not show operating count, as in the gap register.
    if (filter === 'gaps') return state.credit !== null && state.credit < 1;
    return true;
  });
}

/** The applicable control questions still to answer on the chosen path, in bank order. */
export function openOnPath(bank: Bank, standing: Standing): Question[] {
  return bank.questions.filter((q) => {
    if (q.kind !== 'control') return false;
    const state = standing.stateOf(q.id);
    return !!state?.applicable && !state.answered && !state.unknown && !standing.implied[q.id];
  });
}
