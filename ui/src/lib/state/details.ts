// An answer's details (note, owner, date, evidence, a known exception) as a card edits them, and what a new level keeps of them.
import { EXCEPTION_FROM_LEVEL, type Answer, type AnswerValue, type Coverage } from '../bindings';

export interface Details {
  note: string | null;
  owner: string | null;
  due: string | null;
  evidence: string[];
  /** A known exception: who or what the control does not yet cover. */
  exception?: string | null;
  /** The exception leaves something exposed today: it ranks as "Fix now". */
  live_exposure?: boolean;
  /** The exception repeats one the last report noted: it ranks as "Fix now". */
  repeat_finding?: boolean;
  /** What the exception leaves uncovered: people, systems, data, a period. */
  not_covered?: Coverage[];
}

/** The details an answer carries, as a save sends them again (undo puts them back whole). */
export function detailsOf(answer: Answer): Details {
  return {
    note: answer.note,
    owner: answer.owner,
    due: answer.due,
    evidence: answer.evidence,
    exception: answer.exception ?? null,
    live_exposure: answer.live_exposure ?? false,
    repeat_finding: answer.repeat_finding ?? false,
    not_covered: answer.not_covered ?? [],
  };
}

/**
 * What a new level keeps of the current details: everything, except that a known exception
 * belongs to a control in place (the engine's `EXCEPTION_FROM`); below that the level already
 * says more, so it is dropped (the history keeps it).
 */
export function keptAt(current: Answer | undefined, value: AnswerValue): Details {
  const inPlace = 'level' in value && value.level >= EXCEPTION_FROM_LEVEL;
  const kept = current ? detailsOf(current) : { note: null, owner: null, due: null, evidence: [] };
  return inPlace ? kept : { ...kept, exception: null, live_exposure: false, repeat_finding: false, not_covered: [] };
}
