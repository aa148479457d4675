// Protected exports from the assessments list: the passphrase asked twice to export, asked again after a wrong one to import or merge.
import { hostContext } from '../../lib/ipc/context';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { MergePlan } from '../../lib/bindings';
import { createFakeHost } from '../../lib/ipc/fake';
import AssessmentList from './AssessmentList.svelte';

const FILE = '/tmp/acme.soc2';

async function listWithOne() {
  const host = createFakeHost();
  const created = await host.createAssessment('Acme', 'type2', 'full');
  host.chooseSavePath = async () => FILE;
  host.chooseOpenPath = async () => FILE;
  render(AssessmentList, { props: { onOpen: () => {}, onCompare: () => {} }, context: hostContext(host) });
  await screen.findByTestId('assessment-table');
  return { host, id: created.id };
}

async function type(testId: string, value: string) {
  await fireEvent.input(screen.getByTestId(testId), { target: { value } });
}

describe('protected exports', () => {
  afterEach(cleanup);

  it('asks for the passphrase twice and exports only when both agree', async () => {
    const { host } = await listWithOne();
    await fireEvent.click(screen.getByTestId('export-protected'));
    await screen.findByTestId('passphrase-dialog');
    const submit = screen.getByTestId('passphrase-submit') as HTMLButtonElement;
    expect(submit.disabled, 'nothing typed yet').toBe(true);
    await type('passphrase', 'plum tree');
    await type('passphrase-again', 'plum tre');
    expect(screen.getByTestId('passphrase-mismatch')).toBeTruthy();
    expect(submit.disabled).toBe(true);
    await type('passphrase-again', 'plum tree');
    expect(submit.disabled).toBe(false);
    await fireEvent.click(submit);
    await expect.poll(() => host.calls).toContain(`export ${FILE} protected`);
    expect(screen.queryByTestId('passphrase-dialog')).toBeNull();
  });

  it('imports a protected file once its passphrase is given, after saying a wrong one does not open it', async () => {
    const { host, id } = await listWithOne();
    await host.exportAssessment(id, FILE, 'plum tree');
    await fireEvent.click(screen.getByTestId('import'));
    await screen.findByTestId('passphrase-dialog');
    expect(screen.queryByTestId('passphrase-again'), 'opening asks once').toBeNull();
    await type('passphrase', 'pear tree');
    await fireEvent.click(screen.getByTestId('passphrase-submit'));
    expect((await screen.findByTestId('passphrase-problem')).textContent).toContain('does not open this file');
    expect(host.calls).not.toContain(`import ${FILE}`);
    await type('passphrase', 'plum tree');
    await fireEvent.click(screen.getByTestId('passphrase-submit'));
    await expect.poll(() => host.calls).toContain(`import ${FILE}`);
    await expect.poll(async () => (await host.listAssessments()).length).toBe(2);
  });

  it('cancelling the passphrase imports nothing and says why', async () => {
    const { host, id } = await listWithOne();
    await host.exportAssessment(id, FILE, 'plum tree');
    await fireEvent.click(screen.getByTestId('import'));
    await screen.findByTestId('passphrase-dialog');
    await fireEvent.click(screen.getByText('Cancel'));
    expect((await screen.findByRole('alert')).textContent).toContain('nothing was done without it');
    expect((await host.listAssessments()).length).toBe(1);
  });

  it('merges a protected workshop copy with the passphrase that opened it', async () => {
    const { host, id } = await listWithOne();
    await host.exportAssessment(id, FILE, 'plum tree');
    const answer = { question_id: 'gov.owner', value: { level: 4 }, note: null, owner: null, due: null, evidence: [], updated_at: '2026-11-02T09:13:00Z' };
    const plan: MergePlan = {
      questions: [{ question_id: 'gov.owner', question: 'Does someone own security?', outcome: 'take_theirs', base: 'unanswered', mine: { answer: null, words: 'unanswered' }, theirs: { answer, words: '4' } }],
      scope: [],
      history_to_add: [],
      unknown_questions: [],
      shared_history: true,
    };
    host.stageMerge(FILE, plan);
    await fireEvent.click(screen.getByTestId('merge'));
    await type('passphrase', 'plum tree');
    await fireEvent.click(await screen.findByTestId('passphrase-submit'));
    await screen.findByTestId('merge-dialog');
    const merged = host.mergeAssessment(id, FILE, { chosen: {}, unrelated: false });
    await expect(merged, 'the fake refuses a merge without the passphrase').rejects.toMatchObject({ kind: 'needs_passphrase' });
    await fireEvent.click(screen.getByTestId('merge-confirm'));
    await expect.poll(() => host.calls.some((c) => c.startsWith(`merge ${FILE}`))).toBe(true);
  });
});
