// Merging a workshop copy from the assessments list: what comes from each side, a conflict chosen by a person, nothing merged before that.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { hostContext } from '../../lib/ipc/context';
import { afterEach, describe, expect, it } from 'vitest';
import type { Answer, MergePlan } from '../../lib/bindings';
import { createFakeHost } from '../../lib/ipc/fake';
import AssessmentList from './AssessmentList.svelte';

const answer = (question_id: string, level: number, extra: Partial<Answer> = {}): Answer => ({
  question_id,
  value: { level },
  note: null,
  owner: null,
  due: null,
  evidence: [],
  updated_at: '2026-11-02T09:13:00Z',
  ...extra,
});

/** Laptop B answered access.mfa differently from A and gov.owner, which A left alone. */
const plan: MergePlan = {
  questions: [
    {
      question_id: 'access.mfa',
      question: 'Is multi-factor authentication required for every account?',
      outcome: 'conflict',
      base: '2 (In place, informal)',
      mine: { answer: answer('access.mfa', 3, { note: 'SSO everywhere' }), words: '3 (In place and documented)' },
      theirs: { answer: answer('access.mfa', 1, { note: 'only the admin console', due: '2027-02-01' }), words: '1 (Planned or in progress)' },
    },
    {
      question_id: 'gov.owner',
      question: 'Does someone own security?',
      outcome: 'take_theirs',
      base: 'unanswered',
      mine: { answer: null, words: 'unanswered' },
      theirs: { answer: answer('gov.owner', 4), words: '4 (Operating, with evidence retained)' },
    },
    {
      question_id: 'risk.register',
      question: 'Is there a risk register?',
      outcome: 'same',
      base: 'unanswered',
      mine: { answer: answer('risk.register', 3), words: '3 (In place and documented)' },
      theirs: { answer: answer('risk.register', 3), words: '3 (In place and documented)' },
    },
  ],
  scope: [],
  history_to_add: [],
  unknown_questions: [],
  shared_history: true,
};

async function listWithStagedMerge() {
  const host = createFakeHost();
  const created = await host.createAssessment('Acme', 'type2', 'full');
  host.stageMerge('/tmp/laptop-b.json', plan);
  host.chooseOpenPath = async () => '/tmp/laptop-b.json';
  render(AssessmentList, { props: { onOpen: () => {}, onCompare: () => {} }, context: hostContext(host) });
  await fireEvent.click(await screen.findByTestId('merge'));
  return { host, id: created.id, dialog: await screen.findByTestId('merge-dialog') };
}

describe('MergeDialog', () => {
  afterEach(cleanup);

  it('shows what each side brings and both answers of the conflict', async () => {
    const { dialog } = await listWithStagedMerge();
    // People read the question, never its id.
    expect(within(dialog).getByTestId('merge-take_theirs').textContent).toContain('Does someone own security?: 4 (Operating, with evidence retained)');
    expect(dialog.textContent).not.toContain('gov.owner');
    // Answers both sides already hold alike are counted, not listed.
    expect(within(dialog).getByTestId('merge-same').textContent).toBe('1 answer changed alike on both sides: nothing to do.');
    expect(dialog.textContent).not.toContain('Is there a risk register?');
    const conflict = within(dialog).getByTestId('conflict-access.mfa');
    for (const text of ['was 2 (In place, informal)', '3 (In place and documented)', 'SSO everywhere', '1 (Planned or in progress)', 'only the admin console', '2027-02-01']) {
      expect(conflict.textContent).toContain(text);
    }
  });

  it('merges only once every conflict is chosen, taking the choice', async () => {
    const { host, id, dialog } = await listWithStagedMerge();
    const confirm = within(dialog).getByTestId('merge-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    expect(within(dialog).getByTestId('merge-open').textContent).toBe('Choose for 1 more conflict');
    expect(host.calls.some((c) => c.startsWith('merge'))).toBe(false);

    await fireEvent.click(within(dialog).getByTestId('choose-access.mfa-theirs'));
    expect(confirm.disabled).toBe(false);
    await fireEvent.click(confirm);
    expect((await screen.findByTestId('merge-notice')).textContent).toContain('Merged: 2 changes taken from the file, 0 history entries added.');
    expect(screen.queryByTestId('merge-dialog')).toBeNull();
    expect(host.calls).toContain('merge /tmp/laptop-b.json {"access.mfa":"theirs"}');
    const record = (await host.getAssessment(id)).record;
    expect(record.answers['access.mfa'].value).toEqual({ level: 1 });
    expect(record.answers['gov.owner'].value).toEqual({ level: 4 });
  });

  it('says why a file cannot be merged and opens no dialog', async () => {
    const host = createFakeHost();
    await host.createAssessment('Acme', 'type2', 'full');
    host.chooseOpenPath = async () => '/tmp/unrelated.json';
    render(AssessmentList, { props: { onOpen: () => {}, onCompare: () => {} }, context: hostContext(host) });
    await fireEvent.click(await screen.findByTestId('merge'));
    expect((await screen.findByRole('alert')).textContent).toContain('no merge staged');
    expect(screen.queryByTestId('merge-dialog')).toBeNull();
  });
  it('sends back the key the engine gives a scope conflict, never one it builds', async () => {
    const host = createFakeHost();
    await host.createAssessment('Acme', 'type2', 'full');
    const scoped: MergePlan = {
      ...plan,
      questions: [],
      scope: [{ category: 'availability', key: 'scope:availability', outcome: 'conflict', mine: null, theirs: { category: 'availability', in_scope: true, reason: 'the SLA', updated_at: '2026-11-02T09:13:00Z' } }],
    };
    host.stageMerge('/tmp/laptop-b.json', scoped);
    host.chooseOpenPath = async () => '/tmp/laptop-b.json';
    render(AssessmentList, { props: { onOpen: () => {}, onCompare: () => {} }, context: hostContext(host) });
    await fireEvent.click(await screen.findByTestId('merge'));
    const dialog = await screen.findByTestId('merge-dialog');
    await fireEvent.click(within(within(dialog).getByTestId('conflict-scope:availability')).getAllByRole('radio')[1]);
    await fireEvent.click(within(dialog).getByTestId('merge-confirm'));
    await screen.findByTestId('merge-notice');
    expect(host.calls).toContain('merge /tmp/laptop-b.json {"scope:availability":"theirs"}');
  });
});
