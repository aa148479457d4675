// Unit tests for the questionnaire state against the in-memory host: navigation, filters, saving, failures.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeHost, FAKE_BANK } from '../ipc/fake';
import { Questionnaire } from './questionnaire.svelte';

let host: ReturnType<typeof createFakeHost>;
let q: Questionnaire;

beforeEach(async () => {
  host = createFakeHost();
  const created = await host.createAssessment('Acme', 'type2', 'full');
  q = new Questionnaire(host, FAKE_BANK, await host.getAssessment(created.id));
  q.goToStep(2);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Questionnaire', () => {
  it('saves typed text once typing pauses, only the latest version, and at once when flushed', async () => {
    await q.answer('gov.code', { level: 2 });
    vi.useFakeTimers();
    const note = (text: string) => () => void q.saveDetails('gov.code', { note: text, owner: null, due: null, evidence: [] });
    q.saveSoon('gov.code', note('fro'));
    vi.advanceTimersByTime(200);
    q.saveSoon('gov.code', note('from the work'));
    vi.advanceTimersByTime(399);
    expect(host.calls).toEqual(['save gov.code']);
    vi.advanceTimersByTime(1);
    await vi.runAllTimersAsync();
    expect(host.calls).toEqual(['save gov.code', 'save gov.code']);
    expect(q.answerOf('gov.code')?.note).toBe('from the work');

    q.saveSoon('gov.code', note('from the workshop'));
    await q.flush();
    expect(q.answerOf('gov.code')?.note).toBe('from the workshop');
    await vi.runAllTimersAsync();
    expect(host.calls).toHaveLength(3);
  });

  it('lists the applicable control questions of the step and keeps the selection in bounds', () => {
    expect(q.cards.map((c) => c.id)).toEqual(['gov.code', 'gov.owner']);
    q.move(1);
    q.move(1);
    expect(q.selectedQuestion?.id).toBe('gov.owner');
    q.move(-5);
    expect(q.selectedQuestion?.id).toBe('gov.code');
    q.goToStep(9);
    expect(q.step).toBe(6);
    q.goToStep(0);
    expect(q.step).toBe(1);
  });

  it('keeps a known exception while the control stays in place and drops it below informal', async () => {
    await q.answer('access.mfa', { level: 4 });
    await q.saveDetails('access.mfa', { note: null, owner: null, due: null, evidence: [], exception: 'contractors not enrolled' });
    expect(q.answerOf('access.mfa')?.exception).toBe('contractors not enrolled');
    await q.answer('access.mfa', { level: 3 });
    expect(q.answerOf('access.mfa')?.exception).toBe('contractors not enrolled');
    await q.answer('access.mfa', { level: 1 });
    expect(q.answerOf('access.mfa')?.exception ?? null).toBeNull();
  });

  it('marks an exception a live exposure, keeps the mark while the control stays in place, and drops it with the exception', async () => {
    await q.answer('access.mfa', { level: 2 });
    const details = { note: null, owner: null, due: null, evidence: [], exception: "a leaver's account still active" };
    await q.saveDetails('access.mfa', { ...details, live_exposure: true });
    expect(q.answerOf('access.mfa')?.live_exposure).toBe(true);
    await q.answer('access.mfa', { level: 3 });
    expect(q.answerOf('access.mfa')?.live_exposure).toBe(true);
    // No exception, no exposure: the mark cannot outlive what it qualifies.
    await q.saveDetails('access.mfa', { ...details, exception: null, live_exposure: true });
    expect(q.answerOf('access.mfa')?.live_exposure ?? false).toBe(false);
    await q.saveDetails('access.mfa', { ...details, live_exposure: true });
    await q.answer('access.mfa', { level: 1 });
    expect(q.answerOf('access.mfa')?.live_exposure ?? false).toBe(false);
  });

  it('keeps what an exception leaves uncovered, and drops it with the exception', async () => {
    await q.answer('access.mfa', { level: 2 });
    const details = { note: null, owner: null, due: null, evidence: [], exception: 'two contractors' };
    await q.saveDetails('access.mfa', { ...details, not_covered: ['people', 'systems'] });
    expect(q.answerOf('access.mfa')?.not_covered).toEqual(['people', 'systems']);
    await q.answer('access.mfa', { level: 3 });
    expect(q.answerOf('access.mfa')?.not_covered).toEqual(['people', 'systems']);
    await q.saveDetails('access.mfa', { ...details, exception: null, not_covered: ['people'] });
    expect(q.answerOf('access.mfa')?.not_covered ?? []).toEqual([]);
  });

  it("takes don't know as an answer that is neither open nor answered", async () => {
    q.filter = 'unanswered';
    const open = q.cards.length;
    await q.answer('gov.code', { unknown: null });
    expect(q.answerOf('gov.code')?.value).toEqual({ unknown: null });
    q.kept = null;
    expect(q.cards.length).toBe(open - 1);
    expect(q.nextUnanswered()).not.toBe('gov.code');
    q.filter = 'all';
  });

  it('brings back a cleared answer with its note, owner, date and evidence, and undoes level changes', async () => {
    await q.answer('gov.code', { level: 3 });
    await q.saveDetails('gov.code', { note: 'from the workshop', owner: 'Ana', due: '2027-01-31', evidence: ['policy.pdf'] });
    await q.answer('gov.code', { level: 4 });
    await q.clear('gov.code');
    expect(q.answerOf('gov.code')).toBeUndefined();
    expect(q.lastChange).toEqual({ questionId: 'gov.code', cleared: true });

    expect(await q.undo()).toBe('gov.code');
    const back = q.answerOf('gov.code');
    expect(back?.value).toEqual({ level: 4 });
    expect([back?.note, back?.owner, back?.due, back?.evidence]).toEqual(['from the workshop', 'Ana', '2027-01-31', ['policy.pdf']]);
    expect(await q.undo()).toBe('gov.code');
    expect(q.answerOf('gov.code')?.value).toEqual({ level: 3 });
    expect(await q.undo()).toBe('gov.code');
    expect(q.answerOf('gov.code')).toBeUndefined();
    expect(await q.undo()).toBeNull();
  });

  it('keeps a filter per step and keeps an answered card in view until you move on', async () => {
    q.filter = 'unanswered';
    expect(q.cards.map((c) => c.id)).toEqual(['gov.code', 'gov.owner']);
    await q.answer('gov.code', { level: 3 });
    expect(q.cards.map((c) => c.id)).toEqual(['gov.code', 'gov.owner']);
    q.move(1);
    expect(q.cards.map((c) => c.id)).toEqual(['gov.owner']);
    expect(q.selectedQuestion?.id).toBe('gov.owner');
    q.goToStep(3);
    expect(q.filter).toBe('all');
    q.goToStep(2);
    expect(q.filter).toBe('unanswered');
  });

  it('saves a level, reports it saved, and refreshes the live score', async () => {
    expect(await q.answer('gov.code', { level: 4 })).toBe(true);
    expect(q.saves['gov.code'].status).toBe('saved');
    expect(q.answerOf('gov.code')?.value).toEqual({ level: 4 });
    expect(q.scorecard.overall.answered).toBe(1);
    expect(host.calls).toEqual(['save gov.code']);
  });

  it('keeps the note, owner and evidence when the level changes', async () => {
    await q.answer('gov.code', { level: 1 });
    await q.saveDetails('gov.code', { note: 'from the workshop', owner: 'Ana', due: '2027-01-31', evidence: ['policy.pdf'] });
    await q.answer('gov.code', { level: 3 });
    const answer = q.answerOf('gov.code');
    expect(answer?.note).toBe('from the workshop');
    expect(answer?.owner).toBe('Ana');
    expect(answer?.evidence).toEqual(['policy.pdf']);
  });

  it('keeps details typed before a level as a draft, sends nothing, and saves them with the first level', async () => {
    expect(await q.saveDetails('gov.owner', { note: 'asked the CEO', owner: 'Ana', due: null, evidence: [] })).toBe(false);
    expect(q.saves['gov.owner']).toMatchObject({ status: 'draft' });
    expect(host.calls).toEqual([]);
    await q.answer('gov.owner', { level: 2 });
    expect(q.answerOf('gov.owner')).toMatchObject({ note: 'asked the CEO', owner: 'Ana' });
    expect(q.drafts['gov.owner']).toBeUndefined();
    expect(host.calls).toEqual(['save gov.owner']);
  });

  it('keeps a draft note when the first level cannot be saved', async () => {
    await q.saveDetails('gov.owner', { note: 'asked the CEO', owner: null, due: null, evidence: [] });
    host.failNext('the disk is full');
    expect(await q.answer('gov.owner', { level: 2 })).toBe(false);
    expect(q.drafts['gov.owner']?.note).toBe('asked the CEO');
    await q.answer('gov.owner', { level: 2 });
    expect(q.answerOf('gov.owner')?.note).toBe('asked the CEO');
  });

  it('shows a failed save as not saved, with the host message', async () => {
    host.failNext('the disk is full');
    expect(await q.answer('gov.code', { level: 2 })).toBe(false);
    expect(q.saves['gov.code']).toEqual({ status: 'error', message: 'the disk is full' });
    expect(q.answerOf('gov.code')).toBeUndefined();
  });

  it('filters unanswered questions and gaps', async () => {
    await q.answer('gov.code', { level: 4 });
    q.filter = 'unanswered';
    expect(q.cards.map((c) => c.id)).toEqual(['gov.owner']);
    await q.answer('gov.owner', { level: 2 });
    q.filter = 'gaps';
    expect(q.cards.map((c) => c.id)).toEqual(['gov.owner']);
    q.cycleFilter();
    expect(q.filter).toBe('all');
  });

  it('clears an answer', async () => {
    await q.answer('gov.code', { level: 4 });
    await q.clear('gov.code');
    expect(q.answerOf('gov.code')).toBeUndefined();
    expect(host.calls).toEqual(['save gov.code', 'clear gov.code']);
  });

  it('on the quick path, a missing foundation takes its dependents off the cards until it is in place', async () => {
    const created = await host.createAssessment('Fernleaf', 'type1', 'quick');
    const quick = new Questionnaire(host, FAKE_BANK, await host.getAssessment(created.id));
    quick.goToStep(2);
    expect(quick.cards.map((c) => c.id)).toEqual(['gov.code', 'gov.owner']);
    await quick.answer('gov.owner', { level: 1 });
    expect(quick.cards.map((c) => c.id)).toEqual(['gov.owner']);
    expect(quick.impliedBy('gov.code')).toBe('gov.owner');
    expect(quick.implies.get('gov.owner')?.map((x) => x.id)).toEqual(['gov.code']);
    expect(quick.remaining).toBe(1);
    await quick.answer('gov.owner', { level: 3 });
    expect(quick.cards.map((c) => c.id)).toEqual(['gov.code', 'gov.owner']);
    expect(quick.answerOf('gov.code')).toBeUndefined();

    await quick.answer('gov.owner', { level: 0 });
    expect(await quick.setDepth('full')).toBeNull();
    expect(quick.depth).toBe('full');
    expect(quick.cards.map((c) => c.id)).toEqual(['gov.code', 'gov.owner']);
    expect(quick.answerOf('gov.owner')?.value).toEqual({ level: 0 });
  });

  it('draws an answer before its save returns, and puts the old one back when the save is refused', async () => {
    await q.answer('gov.code', { level: 1 });
    const pending = q.answer('gov.code', { level: 3 });
    expect(q.answerOf('gov.code')?.value).toEqual({ level: 3 });
    expect(await pending).toBe(true);
    host.failNext('the disk is full');
    const refused = q.answer('gov.code', { level: 4 });
    expect(q.answerOf('gov.code')?.value).toEqual({ level: 4 });
    expect(await refused).toBe(false);
    expect(q.answerOf('gov.code')?.value).toEqual({ level: 3 });
    expect(q.saves['gov.code']).toMatchObject({ status: 'error', message: 'the disk is full' });
  });

  it('never lets an older save overwrite a newer answer on screen', async () => {
    // The first save comes back last, as it can when the host is busy.
    const original = host.saveAnswer;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    host.saveAnswer = async (request) => {
      const result = await original(request);
      if (++calls === 1) await held;
      return result;
    };
    const first = q.answer('gov.owner', { level: 1 });
    const second = q.answer('gov.owner', { level: 2 });
    await second;
    release();
    await first;
    expect(q.answerOf('gov.owner')?.value).toEqual({ level: 2 });
  });
});
