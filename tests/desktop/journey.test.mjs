// The desktop app driven for real through WebDriver: a workshop journey from a new assessment to the dashboard and back.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { KEYS, startHarness } from './webdriver.mjs';

const desktop = process.env.SOC2_DESKTOP_BIN;
const cli = process.env.SOC2_CLI_BIN;
const shots = process.env.SOC2_SCREENSHOTS;
assert.ok(desktop && cli, 'set SOC2_DESKTOP_BIN and SOC2_CLI_BIN (./dev test does)');

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.stop();
});

function soc2(...args) {
  return execFileSync(cli, ['--db', harness.db, ...args], { encoding: 'utf8' });
}

async function shot(app, name) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await app.script('window.scrollTo(0, 0)');
  writeFileSync(join(shots, `${name}.png`), await app.screenshot());
}

/** Presses one key and waits for the number of saved answers in the data file to reach `expected`. */
async function answerAndWait(app, key, expected) {
  await app.press(key);
  await app.waitFor(async () => answerCount() === expected, `answer ${expected} to be saved`);
}

function answerCount() {
  const [summary] = JSON.parse(soc2('list', '--json'));
  return Object.keys(JSON.parse(soc2('show', summary.assessment.id, '--json')).answers).length;
}

const pct = (value) => (value === null ? '–' : `${value.toFixed(1)}%`);

test('a consultant runs a workshop from the keyboard and finds the same numbers as the CLI', async () => {
  let app = await harness.launch(desktop);
  await app.send('POST', '/window/rect', { width: 1280, height: 800 });
  await app.find('[data-testid="empty-state"]');
  await shot(app, '01-empty-assessments');

  await app.type('[data-testid="new-organisation"]', 'Zürich Data AG');
  // A workshop asks every question: the full depth, not the quick path a founder starts with.
  await app.script(`const s = document.querySelector('[data-testid="new-depth"]'); s.value = 'full'; s.dispatchEvent(new Event('change'));`);
  await app.click('[data-testid="create"]');
  await app.find('[data-testid="scope-question"]');
  assert.equal(await app.title(), 'Zürich Data AG · SOC 2 Readiness');

  // Step 1 with the mouse: personal data alone decides nothing; as a controller with an uptime
  // commitment, Privacy and Availability are needed.
  await app.click('[data-question="scope.data-kinds"] [data-answer="personal"]');
  await app.waitFor(async () => answerCount() === 2, 'the kinds of data to be saved');
  assert.match(await app.text('[data-testid="categories"]'), /Privacy\s+Out of scope\s+not decided yet/);
  await app.click('[data-question="scope.personal-data-role"] [data-answer="controller"]');
  await app.click('[data-question="scope.sla"] [data-answer="yes"]');
  await app.waitFor(async () => answerCount() === 4, 'the role and the SLA to be saved');
  await app.click('[data-question="scope.sla-kind"] [data-answer="uptime"]');
  await app.click('[data-question="scope.offices"] [data-answer="no"]');
  await app.waitFor(async () => answerCount() === 6, 'the scope answers to be saved');
  const categories = await app.text('[data-testid="categories"]');
  assert.match(categories, /Privacy\s+In scope\s+needed/);
  assert.match(categories, /Availability\s+In scope\s+needed/);
  await shot(app, '02-scope');

  // Steps 2, 3 and 4 with the keyboard only.
  await app.script('document.activeElement.blur()');
  await app.press(KEYS.ArrowRight);
  await app.find('[data-testid="question-card"]');
  let saved = 6;
  for (const key of ['3', 'j', '4', 'j', '2', 'j', '1']) {
    if (key === 'j') await app.press(key);
    else await answerAndWait(app, key, ++saved);
  }
  await app.press('j', 'n');
  await app.press(...'no payments or money handled'.split(''), KEYS.Enter);
  await app.waitFor(async () => answerCount() === ++saved, 'the not-applicable answer');
  await app.press('?');
  await app.find('[data-testid="shortcuts"]');
  await shot(app, '03-shortcuts');
  await app.press(KEYS.Escape);
  await shot(app, '04-questionnaire');

  await app.press(KEYS.ArrowRight);
  await app.waitFor(async () => (await app.text('h1')).startsWith('Step 3'), 'step 3');
  for (const key of ['4', 'j', '4', 'j', '0']) {
    if (key === 'j') await app.press(key);
    else await answerAndWait(app, key, ++saved);
  }
  await app.press(KEYS.ArrowRight);
  await app.waitFor(async () => (await app.text('h1')).startsWith('Step 4'), 'step 4');
  await answerAndWait(app, '3', ++saved);
  await app.press(KEYS.ArrowDown);
  await answerAndWait(app, '2', ++saved);

  // A known exception typed on the card is saved with the answer, and the card says the control
  // does not count as operating.
  await app.press('e');
  const selected = '[data-testid="question-card"].selected';
  await app.type(`${selected} [data-exception]`, 'two contractors not covered');
  await app.script('document.activeElement.blur()');
  const withException = () => {
    const [only] = JSON.parse(soc2('list', '--json'));
    return JSON.parse(soc2('show', only.assessment.id, '--json')).answers.filter((a) => a.exception);
  };
  await app.waitFor(async () => withException().length === 1, 'the exception to be saved');
  assert.equal(withException()[0].exception, 'two contractors not covered');
  assert.match(await app.text(`${selected} [data-testid="exception-status"]`), /known exception/);

  // A stray Backspace clears the answer, exception and all; Ctrl+Z brings every detail back.
  await app.press(KEYS.Backspace);
  await app.waitFor(async () => answerCount() === saved - 1, 'the answer to be cleared');
  assert.match(await app.text('[data-testid="undo-notice"]'), /Cleared the answer/);
  const ctrl = '\uE009';
  await app.send('POST', '/actions', {
    actions: [{ type: 'key', id: 'keyboard', actions: [
      { type: 'keyDown', value: ctrl }, { type: 'keyDown', value: 'z' },
      { type: 'keyUp', value: 'z' }, { type: 'keyUp', value: ctrl },
    ] }],
  });
  await app.waitFor(async () => answerCount() === saved, 'the answer to come back');
  assert.equal(withException()[0].exception, 'two contractors not covered');

  // The dashboard shows exactly what `soc2-readiness score` computes from the same file.
  const [summary] = JSON.parse(soc2('list', '--json'));
  const id = summary.assessment.id;
  const score = JSON.parse(soc2('score', id, '--json'));
  await app.script('window.scrollTo(0, 5000)');
  await app.click('[data-testid="tab-dashboard"]');
  await app.waitFor(async () => (await app.script('return window.scrollY')) === 0, 'the dashboard to start at its top');
  const overall = await app.text('[data-testid="overall-readiness"]');
  assert.equal(overall, pct(score.overall.readiness));
  assert.equal(await app.text('[data-testid="design-readiness"]'), pct(score.overall.design));
  const plan = JSON.parse(soc2('plan', id, '--json'));
  assert.equal(await app.text('[data-testid="plan-verdict"]'), plan.verdict);
  assert.equal(await app.text('[data-testid="overall-completion"]'), pct(score.overall.completion));
  for (const category of score.categories.filter((c) => c.in_scope)) {
    assert.equal(await app.text(`[data-category="${category.id}"] [data-testid="category-readiness"]`), pct(category.readiness));
  }
  assert.equal((await app.findAll('[data-testid="criterion-cell"]')).length, 61);
  await shot(app, '05-dashboard');
  await app.click('[data-testid="tab-gaps"]');
  await app.find('[data-testid="gap-row"]');
  const gaps = JSON.parse(soc2('gaps', id, '--json')).gaps;
  assert.match(await app.text('[data-testid="gap-count"]'), new RegExp(`^${gaps.length} gaps`));
  assert.equal(await app.text('[data-testid="gap-exception"]'), 'Known exception: two contractors not covered');
  await shot(app, '06-gaps');
  await app.click('[data-testid="nav-settings"]');
  assert.equal(await app.text('[data-testid="data-file"]'), harness.db);
  await shot(app, '07-settings');
  await app.quit();

  // Start again: every answer is still there and the numbers have not moved.
  app = await harness.launch(desktop);
  await app.send('POST', '/window/rect', { width: 1280, height: 800 });
  await app.click('[data-testid="open-assessment"]');
  // It reopens at the step it was left on, scrolled to the top.
  await app.waitFor(async () => (await app.text('h1')).startsWith('Step 4'), 'step 4 again');
  assert.equal(await app.script('return window.scrollY'), 0);
  await app.click('[data-testid="step-2"]');
  const cards = await app.findAll('[data-testid="question-card"] [aria-checked="true"]');
  assert.equal(cards.length, 4, 'the four levels answered in step 2');
  assert.equal(answerCount(), saved);
  await app.click('[data-testid="tab-dashboard"]');
  assert.equal(await app.text('[data-testid="overall-readiness"]'), overall);
  await app.click('[data-testid="nav-assessments"]');
  await app.find('[data-testid="assessment-table"]');
  await sleep(200);
  await shot(app, '08-assessments');
  await app.quit();
});
