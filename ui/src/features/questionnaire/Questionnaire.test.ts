// The questionnaire screen over the fake host: a step's cards, "Unanswered" hiding what was answered once you move on, and the steps list moving between steps.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeHost, FAKE_BANK } from '../../lib/ipc/fake';
import { Questionnaire } from '../../lib/state/questionnaire.svelte';
import QuestionnaireView from './Questionnaire.svelte';

const cards = () => screen.queryAllByTestId('question-card').map((c) => c.getAttribute('aria-label'));

describe('Questionnaire', () => {
  afterEach(cleanup);

  it("shows a step's questions, filters out the answered ones and moves between steps", async () => {
    const host = createFakeHost();
    const created = await host.createAssessment('Acme', 'type2', 'full');
    const q = new Questionnaire(host, FAKE_BANK, await host.getAssessment(created.id));
    q.goToStep(2);
    render(QuestionnaireView, { q });
    const step2 = FAKE_BANK.questions.filter((x) => x.step === 2).map((x) => x.text);
    await vi.waitFor(() => expect(cards()).toEqual(step2));

    await q.answer(FAKE_BANK.questions.find((x) => x.step === 2)!.id, { level: 3 });
    await fireEvent.click(screen.getByTestId('filter-unanswered'));
    await fireEvent.click(screen.getByTestId('step-3'));
    await fireEvent.click(screen.getByTestId('step-2'));
    await vi.waitFor(() => expect(cards()).toEqual(step2.slice(1)));

    await fireEvent.click(screen.getByTestId('step-3'));
    const step3 = FAKE_BANK.questions.filter((x) => x.step === 3).map((x) => x.text);
    await vi.waitFor(() => expect(cards()).toEqual(step3));
  });
});
