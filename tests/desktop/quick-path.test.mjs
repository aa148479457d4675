// The quick path in the desktop app: a missing foundation takes its dependents off the screen, the register folds them, and one click deepens.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startHarness } from './webdriver.mjs';

const desktop = process.env.SOC2_DESKTOP_BIN;
const cli = process.env.SOC2_CLI_BIN;
const shots = process.env.SOC2_SCREENSHOTS;
assert.ok(desktop && cli, 'set SOC2_DESKTOP_BIN and SOC2_CLI_BIN (./dev test does)');

let harness;
before(async () => {
  harness = await startHarness({ display: ':88', port: 4545 });
});
after(async () => {
  await harness?.stop();
});

const soc2 = (...args) => execFileSync(cli, ['--db', harness.db, ...args], { encoding: 'utf8' });
const shown = (id) => JSON.parse(soc2('show', id, '--json'));

async function shot(app, name) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  writeFileSync(join(shots, `${name}.png`), await app.screenshot());
}

test('a founder on the quick path answers a missing policy once, sees what it stands for, and can deepen', async () => {
  const app = await harness.launch(desktop);
  await app.send('POST', '/window/rect', { width: 1280, height: 800 });
  await app.find('[data-testid="empty-state"]');
  assert.equal(await app.script(`return document.querySelector('[data-testid="new-depth"]').value`), 'quick');
  await app.type('[data-testid="new-organisation"]', 'Fernleaf Labs');
  await app.click('[data-testid="create"]');
  await app.find('[data-testid="scope-question"]');
  const [summary] = JSON.parse(soc2('list', '--json'));
  const id = summary.assessment.id;
  assert.equal(summary.assessment.depth, 'quick');
  assert.match(await app.text('[data-testid="path"]'), /Quick path\./);

  await app.click('[data-testid="step-3"]');
  await app.find('[data-card="policy.security-policy"]');
  assert.ok((await app.findAll('[data-card="policy.policy-set"]')).length === 1, 'asked until the foundation is answered');
  await app.click('[data-card="policy.security-policy"] [data-level="0"]');
  await app.find('[data-card="policy.security-policy"] [data-testid="implies"]');
  await app.waitFor(async () => (await app.findAll('[data-card="policy.policy-set"]')).length === 0, 'the policy set to leave the cards');
  const implies = await app.text('[data-card="policy.security-policy"] [data-testid="implies"]');
  assert.match(implies, /5 questions build on this/);
  assert.match(implies, /Core security policies are missing or incomplete/);
  assert.match(await app.text('[data-testid="path"]'), /implied by 1 missing foundation/);
  const record = shown(id);
  assert.equal(record.implied['policy.policy-set'], 'policy.security-policy');
  await app.script(`document.querySelector('[data-card="policy.security-policy"]').scrollIntoView({ block: 'start' })`);
  await shot(app, 'quick-01-foundation');

  // The register: one line for the missing policy, its implied gaps folded under it.
  await app.click('[data-testid="tab-gaps"]');
  await app.find('[data-testid="unfold"]');
  const gaps = JSON.parse(soc2('gaps', id, '--json')).gaps;
  const implied = gaps.filter((g) => g.implied_by).length;
  assert.equal(implied, Object.keys(record.implied).length);
  const rows = (await app.findAll('[data-testid="gap-row"]')).length;
  assert.equal(rows, gaps.length - implied, 'implied gaps folded');
  await app.click('[data-testid="unfold"]');
  await app.waitFor(async () => (await app.findAll('[data-testid="gap-row"]')).length === gaps.length, 'the implied gaps to unfold');
  await shot(app, 'quick-02-register');

  // Deepening asks them again and changes no answer.
  await app.click('[data-testid="tab-questionnaire"]');
  await app.click('[data-testid="deepen"]');
  await app.find('[data-card="policy.policy-set"]');
  assert.match(await app.text('[data-testid="path"]'), /Full depth\./);
  const deep = shown(id);
  assert.equal(deep.assessment.depth, 'full');
  assert.deepEqual(deep.implied, {});
  assert.deepEqual(deep.answers.map((a) => a.question_id).sort(), ['policy.security-policy', 'scope.report-type']);
  await app.quit();
});

test('an assessment made by the previous release opens on the new bank and says what changed', async () => {
  const fixture = new URL('../fixtures/release-2026.11.2.sqlite3', import.meta.url);
  const upgraded = await startHarness({
    display: ':87',
    port: 4555,
    prepare: (db) => copyFileSync(fixture, db),
  });
  try {
    const app = await upgraded.launch(desktop);
    await app.send('POST', '/window/rect', { width: 1280, height: 800 });
    await app.click('[data-testid="open-assessment"]');
    await app.find('[data-testid="upgrade-notice"]');
    const notice = await app.text('[data-testid="upgrade-notice"]');
    assert.match(notice, /updated from 2026\.11\.2 to/);
    assert.match(notice, /7 answers to confirm/);
    const cli2 = (...args) => execFileSync(cli, ['--db', upgraded.db, ...args], { encoding: 'utf8' });
    const record = JSON.parse(cli2('show', '1dca1e63aa9a', '--json'));
    assert.equal(record.assessment.bank_version, JSON.parse(cli2('bank', '--json')).version);
    assert.equal(record.to_confirm.length, 7);

    await app.click('[data-testid="step-3"]');
    const card = '[data-card="policy.approval-review"]';
    await app.find(`${card} [data-testid="confirm-tag"]`);
    await app.script(`document.querySelector('${card}').scrollIntoView({ block: 'center' })`);
    await shot(app, 'upgrade-01-confirm');
    // Choosing a level again is the confirmation.
    await app.click(`${card} [data-level="2"]`);
    await app.waitFor(async () => (await app.findAll(`${card} [data-testid="confirm-tag"]`)).length === 0, 'the confirm tag to go');
    await app.waitFor(async () => JSON.parse(cli2('show', '1dca1e63aa9a', '--json')).to_confirm.length === 6, 'the confirmation to be saved');

    // Step 5: the audit project's tasks, apart from readiness.
    await app.click('[data-testid="step-5"]');
    assert.match(await app.text('[data-testid="tasks"]'), /Audit project checklist: 0 of \d+ tasks done/);
    assert.ok((await app.findAll('[data-testid="task-tag"]')).length >= 10);
    await app.click('[data-testid="upgrade-ok"]');
    await app.waitFor(async () => (await app.findAll('[data-testid="upgrade-notice"]')).length === 0, 'the notice to close');
    await shot(app, 'upgrade-02-tasks');
    await app.quit();
  } finally {
    await upgraded.stop();
  }
});
