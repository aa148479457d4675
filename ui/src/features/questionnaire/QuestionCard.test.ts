// One question card over the fake host: a level chosen saves it, "don't know" is an answer of its own, and a known exception can be marked as exposed today.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeHost, FAKE_BANK } from '../../lib/ipc/fake';
import { Questionnaire } from '../../lib/state/questionnaire.svelte';
import QuestionCard from './QuestionCard.svelte';

async function card() {
  const host = createFakeHost();
  const created = await host.createAssessment('Acme', 'type2', 'full');
  const q = new Questionnaire(host, FAKE_BANK, await host.getAssessment(created.id));
  const question = FAKE_BANK.questions.find((x) => x.id === 'gov.code')!;
  const onSelect = vi.fn();
  render(QuestionCard, { q, question, selected: true, askWhy: false, noteOpen: false, onSelect, onAskWhy: vi.fn(), onAskedWhy: vi.fn() });
  return { host, q, id: created.id, onSelect };
}

const level = (n: number) => document.querySelector(`[data-level="${n}"]`) as HTMLButtonElement;

describe('QuestionCard', () => {
  afterEach(cleanup);

  it('saves the level chosen and shows it chosen', async () => {
    const { host, id, onSelect } = await card();
    await fireEvent.click(level(2));
    await vi.waitFor(() => expect(level(2).getAttribute('aria-checked')).toBe('true'));
    expect(onSelect).toHaveBeenCalled();
    expect(host.calls).toContain('save gov.code');
    expect((await host.getAssessment(id)).record.answers['gov.code'].value).toEqual({ level: 2 });
  });

  it("keeps don't know as an answer of its own, not a level", async () => {
    const { host, id } = await card();
    await fireEvent.click(document.querySelector('[data-dont-know="gov.code"]')!);
    await vi.waitFor(async () => expect((await host.getAssessment(id)).record.answers['gov.code'].value).toEqual({ unknown: null }));
    expect(level(0).getAttribute('aria-checked')).toBe('false');
  });

  it('marks a known exception as exposed today, which the engine ranks Fix now', async () => {
    const { host, q, id } = await card();
    await q.answer('gov.code', { level: 3 });
    await q.saveDetails('gov.code', { note: null, owner: null, due: null, evidence: [], exception: 'two contractors not covered' });
    const live = (await screen.findByText(/Something is exposed today/)).closest('label')!.querySelector('input')!;
    await fireEvent.click(live);
    await vi.waitFor(async () => expect((await host.getAssessment(id)).record.answers['gov.code'].live_exposure).toBe(true));
    expect((await host.getAssessment(id)).record.answers['gov.code'].exception).toBe('two contractors not covered');
  });
});
