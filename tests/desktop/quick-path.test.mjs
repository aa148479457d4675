// The quick path in the desktop app: a missing foundation takes its dependents off the screen, the register folds them, and one click deepens.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { checkAccessibility } from './axe.mjs';
import { startHarness } from './harness.mjs';

const desktop = process.env.SOC2_DESKTOP_BIN;
const cli = process.env.SOC2_CLI_BIN;
assert.ok(desktop && cli, 'set SOC2_DESKTOP_BIN and SOC2_CLI_BIN (./dev test does)');

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.stop();
});

const soc2 = (...args) => execFileSync(cli, ['--db', harness.db, ...args], { encoding: 'utf8' });
const shown = (id) => JSON.parse(soc2('show', id, '--json'));

test('a founder on the quick path answers a missing policy once, sees what it stands for, and can deepen', async () => {
  const app = await harness.launch(desktop);
  await app.setWindowSize(1280, 800);
  await app.$('[data-testid="empty-state"]').waitForExist();
  assert.equal(await app.execute(`return document.querySelector('[data-testid="new-depth"]').value`), 'quick');
  await app.$('[data-testid="new-organisation"]').addValue('Fernleaf Labs');
  await app.$('[data-testid="create"]').click();
  await app.$('[data-testid="scope-question"]').waitForExist();
  const [summary] = JSON.parse(soc2('list', '--json'));
  const id = summary.assessment.id;
  assert.equal(summary.assessment.depth, 'quick');
  assert.match(await app.$('[data-testid="path"]').getText(), /Quick path\./);

  await app.$('[data-testid="step-3"]').click();
  await app.$('[data-card="policy.security-policy"]').waitForExist();
  assert.ok((await app.$$('[data-card="policy.policy-set"]')).length === 1, 'asked until the foundation is answered');
  await app.$('[data-card="policy.security-policy"] [data-level="0"]').click();
  await app.$('[data-card="policy.security-policy"] [data-testid="implies"]').waitForExist();
  await app.waitUntil(async () => (await app.$$('[data-card="policy.policy-set"]')).length === 0, { timeoutMsg: 'the policy set to leave the cards' });
  const implies = await app.$('[data-card="policy.security-policy"] [data-testid="implies"]').getText();
  assert.match(implies, /5 questions build on this/);
  assert.match(implies, /Core security policies are missing or incomplete/);
  assert.match(await app.$('[data-testid="path"]').getText(), /implied by 1 missing foundation/);
  const record = shown(id);
  assert.equal(record.implied['policy.policy-set'], 'policy.security-policy');
  await app.execute(`document.querySelector('[data-card="policy.security-policy"]').scrollIntoView({ block: 'start' })`);
  await harness.shot('quick-01-foundation');

  // The register: one line for the missing policy, its implied gaps folded under it.
  await app.$('[data-testid="tab-gaps"]').click();
  await app.$('[data-testid="unfold"]').waitForExist();
  const gaps = JSON.parse(soc2('gaps', id, '--json')).gaps;
  const implied = gaps.filter((g) => g.implied_by).length;
  assert.equal(implied, Object.keys(record.implied).length);
  const rows = (await app.$$('[data-testid="gap-row"]')).length;
  assert.equal(rows, gaps.length - implied, 'implied gaps folded');
  await app.$('[data-testid="unfold"]').click();
  await app.waitUntil(async () => (await app.$$('[data-testid="gap-row"]')).length === gaps.length, { timeoutMsg: 'the implied gaps to unfold' });
  await harness.shot('quick-02-register');

  // Deepening asks them again and changes no answer.
  await app.$('[data-testid="tab-questionnaire"]').click();
  await app.$('[data-testid="deepen"]').click();
  await app.$('[data-card="policy.policy-set"]').waitForExist();
  assert.match(await app.$('[data-testid="path"]').getText(), /Full depth\./);
  const deep = shown(id);
  assert.equal(deep.assessment.depth, 'full');
  assert.deepEqual(deep.implied, {});
  assert.deepEqual(deep.answers.map((a) => a.question_id).sort(), ['policy.security-policy', 'scope.report-type']);
  await app.deleteSession();
});

test('an assessment made by the previous release opens on the new bank and says what changed', async () => {
  const fixture = new URL('../fixtures/release-2026.11.2.sqlite3', import.meta.url);
  const upgraded = await startHarness({
    prepare: (db) => copyFileSync(fixture, db),
  });
  try {
    const app = await upgraded.launch(desktop);
    await app.setWindowSize(1280, 800);
    await app.$('[data-testid="open-assessment"]').click();
    await app.$('[data-testid="upgrade-notice"]').waitForExist();
    const notice = await app.$('[data-testid="upgrade-notice"]').getText();
    assert.match(notice, /updated from 2026\.11\.2 to/);
    assert.match(notice, /7 answers to confirm/);
    const cli2 = (...args) => execFileSync(cli, ['--db', upgraded.db, ...args], { encoding: 'utf8' });
    const record = JSON.parse(cli2('show', '1dca1e63aa9a', '--json'));
    assert.equal(record.assessment.bank_version, JSON.parse(cli2('bank', '--json')).version);
    assert.equal(record.to_confirm.length, 7);

    await app.$('[data-testid="step-3"]').click();
    const card = '[data-card="policy.approval-review"]';
    await app.$(`${card} [data-testid="confirm-tag"]`).waitForExist();
    await app.execute(`document.querySelector('${card}').scrollIntoView({ block: 'center' })`);
    await upgraded.shot('upgrade-01-confirm');
    await checkAccessibility(app, 'questionnaire: the bank-upgrade notice and answers to confirm');
    // Choosing a level again is the confirmation.
    await app.$(`${card} [data-level="2"]`).click();
    await app.waitUntil(async () => (await app.$$(`${card} [data-testid="confirm-tag"]`)).length === 0, { timeoutMsg: 'the confirm tag to go' });
    await app.waitUntil(async () => JSON.parse(cli2('show', '1dca1e63aa9a', '--json')).to_confirm.length === 6, { timeoutMsg: 'the confirmation to be saved' });

    // Step 5: the audit project's tasks, apart from readiness.
    await app.$('[data-testid="step-5"]').click();
    assert.match(await app.$('[data-testid="tasks"]').getText(), /Audit project checklist: 0 of \d+ tasks done/);
    assert.ok((await app.$$('[data-testid="task-tag"]')).length >= 10);
    await checkAccessibility(app, 'questionnaire: step 5, the audit project tasks');
    await app.$('[data-testid="upgrade-ok"]').click();
    await app.waitUntil(async () => (await app.$$('[data-testid="upgrade-notice"]')).length === 0, { timeoutMsg: 'the notice to close' });
    await upgraded.shot('upgrade-02-tasks');
    await app.deleteSession();
  } finally {
    await upgraded.stop();
  }
});
