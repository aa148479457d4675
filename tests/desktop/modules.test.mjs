// Question modules in the desktop app: a module kept in the data file is offered at creation, its questions show in their step marked with the module, and an answer to one is saved.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { checkAccessibility } from './axe.mjs';
import { startHarness } from './harness.mjs';

const desktop = process.env.SOC2_DESKTOP_BIN;
const cli = process.env.SOC2_CLI_BIN;
assert.ok(desktop && cli, 'set SOC2_DESKTOP_BIN and SOC2_CLI_BIN (./dev test does)');

const example = fileURLToPath(new URL('../../assets/modules/example-healthcare.toml', import.meta.url));

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.stop();
});

const soc2 = (...args) => execFileSync(cli, ['--db', harness.db, ...args], { encoding: 'utf8' });

test('a consultant adds a module, starts an assessment with it and answers one of its questions', async () => {
  const app = await harness.launch(desktop);
  await app.setWindowSize(1280, 800);
  await app.$('[data-testid="empty-state"]').waitForExist();
  await app.$('[data-testid="add-module"]').waitForExist();
  // What the file chooser hands over when the user picks the file; native dialogs cannot be
  // driven over WebDriver, so the command the button calls is called with that path.
  const added = await app.execute("return window.__TAURI_INTERNALS__.invoke('add_module', { path: arguments[0] })", example);
  assert.equal(added.id, 'healthcare');
  // Reloaded after the script returns: a reload inside it can unload the page before
  // WebKitWebDriver's callback.
  await app.execute('setTimeout(() => location.reload(), 0)');
  await app.$('[data-testid="module-list"]').waitForExist();
  assert.match(await app.$('[data-testid="module-list"]').getText(), /Health-tech add-on 1\.0/);
  await harness.shot('modules-01-library');
  await checkAccessibility(app, 'assessments: a module kept');

  await app.$('[data-testid="new-organisation"]').addValue('Meridian Health');
  await app.$('[data-testid="new-depth"]').selectByAttribute('value', 'full');
  await app.$('[data-testid="new-module-healthcare"]').click();
  await app.$('[data-testid="create"]').click();
  await app.$('[data-testid="scope-question"]').waitForExist();
  const [summary] = JSON.parse(soc2('list', '--json'));
  const id = summary.assessment.id;
  assert.deepEqual(JSON.parse(soc2('show', id, '--json')).modules.map((m) => `${m.id}@${m.version}`), ['healthcare@1.0']);
  assert.match(await app.$('[data-testid="assessment-modules"]').getText(), /Health-tech add-on 1\.0/);

  await app.$('[data-testid="step-4"]').click();
  const card = '[data-card="healthcare.phi-access-review"]';
  await app.$(card).waitForExist();
  assert.equal(await app.$(`${card} [data-testid="module-tag"]`).getText(), 'Health-tech add-on 1.0');
  await app.$(`${card} [data-level="2"]`).click();
  await app.waitUntil(
    async () => JSON.parse(soc2('show', id, '--json')).answers.some((a) => a.question_id === 'healthcare.phi-access-review'),
    { timeoutMsg: 'the module answer to be saved' },
  );
  await app.execute(`document.querySelector('${card}').scrollIntoView({ block: 'center' })`);
  await harness.shot('modules-02-question');
  await checkAccessibility(app, 'questionnaire: a module question');

  // The register lists the module's gaps like the bank's own.
  await app.$('[data-testid="tab-gaps"]').click();
  await app.$('[data-testid="gap-row"]').waitForExist();
  const gaps = JSON.parse(soc2('gaps', id, '--json')).gaps;
  assert.ok(gaps.some((g) => g.question_id === 'healthcare.baa-inventory'));
  await app.deleteSession();
});
