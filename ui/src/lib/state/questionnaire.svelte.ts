// The questionnaire's live state: the open assessment, step, filter, selection and the save status of each card.
import type {
  Answer,
  AnswerValue,
  AssessmentView,
  Bank,
  Category,
  Changed,
  Depth,
  Question,
  QuestionState,
  ScopeDecision,
  Scorecard,
} from '../bindings';
import { asCommandError, type Host } from '../ipc';
import { cardsOf, openOnPath, type Standing } from './cards';
import { detailsOf, keptAt, type Details } from './details';
import { PendingSaves } from './pending-saves';

export type { Details } from './details';

export type Filter = 'all' | 'unanswered' | 'gaps';
export const FILTERS: Filter[] = ['all', 'unanswered', 'gaps'];

export interface SaveStatus {
  status: 'saving' | 'saved' | 'error' | 'draft';
  at?: Date;
  message?: string;
}


export class Questionnaire {
  readonly host: Host;
  readonly bank: Bank;
  view: AssessmentView = $state() as AssessmentView;
  step = $state(1);
  /** The filter of each step: a "Gaps only" chosen in one step does not follow you unseen. */
  filters: Record<number, Filter> = $state({});
  /**
   * A card answered under a filter that would now hide it stays until you move on, so the room
   * sees what was recorded.
   */
  kept: string | null = $state(null);

  get filter(): Filter {
    return this.filters[this.step] ?? 'all';
  }

  set filter(filter: Filter) {
    this.filters[this.step] = filter;
    this.kept = null;
  }
  /** Index into `cards` of the selected question. */
  selected = $state(0);
  saves: Record<string, SaveStatus> = $state({});
  expanded: Record<string, boolean> = $state({});
  /** Typed text waiting for a pause in typing, and the saves under way. */
  private pending = new PendingSaves();

  constructor(host: Host, bank: Bank, view: AssessmentView) {
    this.host = host;
    this.bank = bank;
    this.view = view;
    this.shapesPath = new Set(bank.foundations.flatMap((f) => [f.question, ...f.dependents]));
  }

  get id(): string {
    return this.view.record.assessment.id;
  }

  get scorecard(): Scorecard {
    return this.view.scorecard;
  }

  /**
   * Question states by id, rebuilt once per scorecard. The cards read them for every render, so
   * a linear search here made each key press cost hundreds of milliseconds at 80 cards.
   */
  private states = $derived(new Map(this.view.scorecard.questions.map((s) => [s.question_id, s])));

  stateOf(questionId: string): QuestionState | undefined {
    return this.states.get(questionId);
  }

  answerOf(questionId: string): Answer | undefined {
    return this.view.record.answers[questionId];
  }

  get depth(): Depth {
    return this.view.record.assessment.depth;
  }

  /** The foundation whose absence implies this answer on the quick path, if it is implied. */
  impliedBy(questionId: string): string | undefined {
    return this.view.implied[questionId];
  }

  /** For each foundation, the questions it currently implies, in bank order. */
  implies: Map<string, Question[]> = $derived.by(() => {
    const out = new Map<string, Question[]>();
    const implied = this.view.implied;
    for (const question of this.bank.questions) {
      const base = implied[question.id];
      if (base) out.set(base, [...(out.get(base) ?? []), question]);
    }
    return out;
  });

  /** Questions whose answer can change what a foundation implies: refetched after a save. */
  private readonly shapesPath: Set<string>;

  /**
   * Answers carried from merged or split questions by a bank upgrade and not answered since:
   * question id to what happened.
   */
  toConfirm: Map<string, string> = $derived(new Map(Object.entries(this.view.to_confirm)));

  /** Everyone named as an owner in this assessment, to choose from rather than type anew. */
  owners: string[] = $derived.by(() => {
    const names = new Set<string>();
    for (const answer of Object.values(this.view.record.answers)) if (answer.owner) names.add(answer.owner);
    return [...names].sort((a, b) => a.localeCompare(b));
  });

  /** Questions still to answer on the chosen path (implied answers count as answered). */
  get remaining(): number {
    return this.view.scorecard.overall.unanswered;
  }

  /** Deepens to every question, or goes back to the quick path; no given answer changes. */
  async setDepth(depth: Depth): Promise<string | null> {
    try {
      await this.host.setDepth(this.id, depth);
      this.view = await this.host.getAssessment(this.id);
      this.selected = 0;
      return null;
    } catch (error) {
      return asCommandError(error).message;
    }
  }

  /** The control questions of the current step that apply, after the filter; computed once per change. */
  cards: Question[] = $derived.by(() => cardsOf(this.bank, this.step, this.filter, this.kept, this.standing()));

  private standing(): Standing {
    return { stateOf: (id) => this.stateOf(id), implied: this.view.implied };
  }

  /** Questions of the current step that do not apply to this scope, shown apart. */
  get excluded(): Question[] {
    return this.bank.questions.filter(
      (q) => q.kind === 'control' && q.step === this.step && !this.stateOf(q.id)?.applicable,
    );
  }

  get selectedQuestion(): Question | undefined {
    return this.cards[Math.min(this.selected, this.cards.length - 1)];
  }

  goToStep(step: number): void {
    this.step = Math.max(1, Math.min(6, step));
    this.selected = 0;
    this.kept = null;
  }

  /** Selects a question, going to its step; it stays unselected if the filter hides it. */
  select(questionId: string): void {
    const question = this.bank.questions.find((q) => q.id === questionId);
    if (!question) return;
    if (question.step !== this.step) this.goToStep(question.step);
    const index = this.cards.findIndex((c) => c.id === questionId);
    if (index >= 0) this.selected = index;
  }

  /** The next applicable question still open on this path after the selected one, any step. */
  nextUnanswered(): string | null {
    const open = openOnPath(this.bank, this.standing());
    if (open.length === 0) return null;
    const here = this.bank.questions.findIndex((q) => q.id === this.selectedQuestion?.id);
    const after = this.bank.questions.slice(here + 1);
    return (open.find((q) => after.includes(q)) ?? open[0]).id;
  }

  move(by: number): void {
    const count = this.cards.length;
    if (count === 0) return;
    const from = this.cards[Math.min(this.selected, count - 1)]?.id;
    const to = this.cards[Math.max(0, Math.min(count - 1, this.selected + by))]?.id;
    // Moving on lets a kept card go; the selection follows the card moved to.
    if (this.kept && this.kept === from && to !== from) {
      this.kept = null;
      const index = this.cards.findIndex((c) => c.id === to);
      this.selected = Math.max(0, index);
      return;
    }
    this.selected = Math.max(0, Math.min(count - 1, this.selected + by));
  }

  cycleFilter(): void {
    this.filter = FILTERS[(FILTERS.indexOf(this.filter) + 1) % FILTERS.length];
    this.selected = 0;
  }

  toggleGuidance(questionId: string): void {
    this.expanded[questionId] = !this.expanded[questionId];
  }

  /** Answers as they were before each change made here, newest last: what Ctrl+Z brings back. */
  undoable: Array<{ questionId: string; before: Answer | null }> = $state([]);
  /** The last change that can be undone, for the notice with its Undo button. */
  lastChange: { questionId: string; cleared: boolean } | null = $state(null);

  private remember(questionId: string, cleared: boolean): void {
    const before = this.answerOf(questionId);
    this.undoable.push({ questionId, before: before ? $state.snapshot(before) as Answer : null });
    if (this.undoable.length > 100) this.undoable.shift();
    this.lastChange = { questionId, cleared };
  }

  /** Puts back the answer as it was before the last change, details and all. */
  async undo(): Promise<string | null> {
    const last = this.undoable.pop();
    this.lastChange = null;
    if (!last) return null;
    if (last.before) {
      await this.save(last.questionId, last.before.value, detailsOf(last.before));
    } else {
      await this.clearWithoutUndo(last.questionId);
    }
    return last.questionId;
  }

  /**
   * Saves a value, keeping the note, owner, date and evidence already recorded. A known
   * exception stays while the control is still in place (informal or better); below that the
   * level already says more, so it is dropped (the history keeps it).
   */
  async answer(questionId: string, value: AnswerValue): Promise<boolean> {
    const current = this.answerOf(questionId);
    if (JSON.stringify(current?.value) !== JSON.stringify(value)) this.remember(questionId, false);
    if (this.filter !== 'all') this.kept = questionId;
    const draft = current ? undefined : this.drafts[questionId];
    const details = draft ? { ...draft, exception: null, live_exposure: false, repeat_finding: false, not_covered: [] } : keptAt(current, value);
    // Drawn at once, in the frame after the key; the durable save follows, and a refused save
    // puts the previous answer back with the reason.
    const before = current ? ($state.snapshot(current) as Answer) : null;
    this.view.record.answers[questionId] = {
      question_id: questionId,
      value,
      note: details.note,
      owner: details.owner,
      due: details.due,
      evidence: [...details.evidence],
      exception: details.exception ?? undefined,
      live_exposure: details.live_exposure,
      repeat_finding: details.repeat_finding,
      not_covered: details.not_covered,
      updated_at: current?.updated_at ?? new Date().toISOString(),
    };
    const saving = this.save(questionId, value, details);
    const mine = this.requested.get(questionId);
    const saved = await saving;
    // The draft goes once it is saved with the answer; a refused save keeps it for the next try.
    if (saved && draft && this.drafts[questionId] === draft) delete this.drafts[questionId];
    if (!saved && this.requested.get(questionId) === mine) {
      if (before) this.view.record.answers[questionId] = before;
      else delete this.view.record.answers[questionId];
    }
    return saved;
  }

  /**
   * Notes, owners and dates typed on a question not yet answered: the engine keeps details only
   * with an answer, so they wait here and go with the first level chosen.
   */
  drafts: Record<string, Details> = $state({});

  /** Saves new details for an answered question; before a level, keeps them as its draft. */
  async saveDetails(questionId: string, details: Details): Promise<boolean> {
    const current = this.answerOf(questionId);
    if (!current) {
      this.drafts[questionId] = details;
      this.saves[questionId] = { status: 'draft', message: 'kept until you choose a level, then saved with the answer' };
      return false;
    }
    return this.save(questionId, current.value, details);
  }

  /**
   * Runs `run` (a save of typed text) once typing pauses for `delayMs`, so a crash or a closed
   * window loses at most that pause; a newer call for the same question replaces an older one.
   */
  saveSoon(questionId: string, run: () => void, delayMs = 400): void {
    this.pending.soon(questionId, run, delayMs);
  }

  /** Saves all typed text now and waits for every save under way; called before the window closes. */
  async flush(): Promise<void> {
    await this.pending.flush();
  }

  /** The newest write asked for each question, and the newest whose scorecard was applied. */
  private requested = new Map<string, number>();
  private sequence = 0;
  private appliedScorecard = 0;

  private save(questionId: string, value: AnswerValue, details: Details): Promise<boolean> {
    return this.pending.track(this.write(questionId, value, details));
  }

  private async write(questionId: string, value: AnswerValue, details: Details): Promise<boolean> {
    const mine = ++this.sequence;
    this.requested.set(questionId, mine);
    this.saves[questionId] = { status: 'saving' };
    try {
      const saved = await this.host.saveAnswer({
        assessment_id: this.id,
        question_id: questionId,
        value,
        note: details.note,
        owner: details.owner,
        due: details.due,
        evidence: details.evidence,
        exception: details.exception ?? null,
        live_exposure: !!details.exception && !!details.live_exposure,
        repeat_finding: !!details.exception && !!details.repeat_finding,
        not_covered: details.exception ? (details.not_covered ?? []) : [],
      });
      // Keys pressed quickly answer faster than saves return: an older save's answer or
      // scorecard never replaces a newer one on screen.
      if (this.requested.get(questionId) === mine) this.view.record.answers[questionId] = saved.answer;
      // Answered again since the upgrade: the engine no longer asks to confirm it.
      delete this.view.to_confirm[questionId];
      if (mine > this.appliedScorecard) {
        this.appliedScorecard = mine;
        this.view.scorecard = saved.scorecard;
      }
      if (this.depth === 'quick' && this.shapesPath.has(questionId)) await this.refresh();
      if (this.requested.get(questionId) === mine) this.saves[questionId] = { status: 'saved', at: new Date() };
      return true;
    } catch (error) {
      this.saves[questionId] = { status: 'error', message: asCommandError(error).message };
      return false;
    }
  }

  /** Clears an answer; Ctrl+Z (or the notice's Undo) brings it back with its details. */
  async clear(questionId: string): Promise<void> {
    if (!this.answerOf(questionId)) return;
    this.remember(questionId, true);
    await this.clearWithoutUndo(questionId);
  }

  private async clearWithoutUndo(questionId: string): Promise<void> {
    if (!this.answerOf(questionId)) return;
    this.saves[questionId] = { status: 'saving' };
    try {
      this.view.scorecard = await this.host.clearAnswer(this.id, questionId);
      delete this.view.record.answers[questionId];
      if (this.depth === 'quick' && this.shapesPath.has(questionId)) await this.refresh();
      this.saves[questionId] = { status: 'saved', at: new Date() };
    } catch (error) {
      this.saves[questionId] = { status: 'error', message: asCommandError(error).message };
    }
  }

  /**
   * A write landed somewhere: a check or a register entry of this assessment's programme moves
   * its figures (the records' findings), so the live scorecard is read again. Its own answers
   * it has already drawn.
   */
  async changed(change: Changed): Promise<void> {
    if (change.assessment_id !== this.id || !change.programme) return;
    this.view.scorecard = (await this.host.getAssessment(this.id)).scorecard;
  }

  /** The answers a foundation implies changed with this save: take the engine's record. */
  private async refresh(): Promise<void> {
    const fresh = await this.host.getAssessment(this.id);
    this.view.record = fresh.record;
    this.view.implied = fresh.implied;
    this.view.to_confirm = fresh.to_confirm;
    this.view.scorecard = fresh.scorecard;
  }

  async setScope(category: Category, decision: ScopeDecision, reason: string): Promise<string | null> {
    try {
      this.view.scorecard = await this.host.setScope({ assessment_id: this.id, category, decision, reason });
      const fresh = await this.host.getAssessment(this.id);
      this.view = fresh;
      return null;
    } catch (error) {
      return asCommandError(error).message;
    }
  }
}
