// The desktop app driven for real through WebDriver: a workshop journey from a new assessment to the dashboard and back.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Key, press, startHarness } from './harness.mjs';

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

function soc2(...args) {
  return execFileSync(cli, ['--db', harness.db, ...args], { encoding: 'utf8' });
}

async function shot(app, name) {
  await app.execute('window.scrollTo(0, 0)');
  await harness.shot(name);
}

/** Presses one key and waits for the number of saved answers in the data file to reach `expected`. */
async function answerAndWait(app, key, expected) {
  await press(app, key);
  await app.waitUntil(async () => answerCount() === expected, { timeoutMsg: `answer ${expected} to be saved` });
}

function answerCount() {
  const [summary] = JSON.parse(soc2('list', '--json'));
  return Object.keys(JSON.parse(soc2('show', summary.assessment.id, '--json')).answers).length;
}

const pct = (value) => (value === null ? '–' : `${value.toFixed(1)}%`);
const heading = (app) => app.$('h1').getText();

test('a consultant runs a workshop from the keyboard and finds the same numbers as the CLI', async () => {
  let app = await harness.launch(desktop);
  await app.setWindowSize(1280, 800);
  await app.$('[data-testid="empty-state"]').waitForExist();
  await shot(app, '01-empty-assessments');

  await app.$('[data-testid="new-organisation"]').addValue('Zürich Data AG');
  // A workshop asks every question: the full depth, not the quick path a founder starts with.
  await app.$('[data-testid="new-depth"]').selectByAttribute('value', 'full');
  await app.$('[data-testid="create"]').click();
  await app.$('[data-testid="scope-question"]').waitForExist();
  assert.equal(await app.getTitle(), 'Zürich Data AG · SOC 2 Readiness');

  // Step 1 with the mouse: personal data alone decides nothing; as a controller, Privacy is
  // needed; an uptime commitment alone makes Availability worth discussing, not needed, while
  // nobody has said which categories customers ask for.
  await app.$('[data-question="scope.data-kinds"] [data-answer="personal"]').click();
  await app.waitUntil(async () => answerCount() === 2, { timeoutMsg: 'the kinds of data to be saved' });
  assert.match(await app.$('[data-testid="categories"]').getText(), /Privacy\s+Out of scope\s+proposed as not decided yet/);
  await app.$('[data-question="scope.personal-data-role"] [data-answer="controller"]').click();
  await app.$('[data-question="scope.sla"] [data-answer="yes"]').click();
  await app.waitUntil(async () => answerCount() === 4, { timeoutMsg: 'the role and the SLA to be saved' });
  await app.$('[data-question="scope.sla-kind"] [data-answer="uptime"]').click();
  await app.$('[data-question="scope.offices"] [data-answer="no"]').click();
  await app.waitUntil(async () => answerCount() === 6, { timeoutMsg: 'the scope answers to be saved' });
  const categories = await app.$('[data-testid="categories"]').getText();
  assert.match(categories, /Privacy\s+In scope\s+proposed as needed/);
  assert.match(categories, /Availability\s+Out of scope\s+proposed as not decided yet\s+Include…\s+Answer “Which categories beyond Security have customers, contracts or prospects asked you to include\?” to decide. Meanwhile it is worth discussing/);
  await shot(app, '02-scope');

  // Steps 2, 3 and 4 with the keyboard only.
  await app.execute('document.activeElement.blur()');
  await press(app, Key.ArrowRight);
  await app.$('[data-testid="question-card"]').waitForExist();
  let saved = 6;
  for (const key of ['3', 'j', '4', 'j', '2', 'j', '1']) {
    if (key === 'j') await press(app, key);
    else await answerAndWait(app, key, ++saved);
  }
  await press(app, 'j', 'n');
  await press(app, ...'no payments or money handled'.split(''), Key.Enter);
  await app.waitUntil(async () => answerCount() === ++saved, { timeoutMsg: 'the not-applicable answer' });
  await press(app, '?');
  await app.$('[data-testid="shortcuts"]').waitForExist();
  await shot(app, '03-shortcuts');
  await press(app, Key.Escape);
  await shot(app, '04-questionnaire');

  await press(app, Key.ArrowRight);
  await app.waitUntil(async () => (await heading(app)).startsWith('Step 3'), { timeoutMsg: 'step 3' });
  for (const key of ['4', 'j', '4', 'j', '0']) {
    if (key === 'j') await press(app, key);
    else await answerAndWait(app, key, ++saved);
  }
  await press(app, Key.ArrowRight);
  await app.waitUntil(async () => (await heading(app)).startsWith('Step 4'), { timeoutMsg: 'step 4' });
  await answerAndWait(app, '3', ++saved);
  await press(app, Key.ArrowDown);
  await answerAndWait(app, '2', ++saved);

  // A known exception typed on the card is saved with the answer, and the card says the control
  // does not count as operating.
  await press(app, 'e');
  const selected = '[data-testid="question-card"].selected';
  await app.$(`${selected} [data-exception]`).addValue('two contractors not covered');
  await app.execute('document.activeElement.blur()');
  const withException = () => {
    const [only] = JSON.parse(soc2('list', '--json'));
    return JSON.parse(soc2('show', only.assessment.id, '--json')).answers.filter((a) => a.exception);
  };
  await app.waitUntil(async () => withException().length === 1, { timeoutMsg: 'the exception to be saved' });
  assert.equal(withException()[0].exception, 'two contractors not covered');
  assert.match(await app.$(`${selected} [data-testid="exception-status"]`).getText(), /known exception/);

  // Marked a live exposure: saved with the answer, and the card says it is to fix now.
  await app.$(`${selected} [data-live]`).click();
  await app.execute('document.activeElement.blur()');
  await app.waitUntil(async () => withException()[0].live_exposure === true, { timeoutMsg: 'the live exposure to be saved' });
  assert.match(await app.$(`${selected} [data-testid="exception-status"]`).getText(), /Fix now/);
  // What it leaves uncovered, ticked on the card, is saved with it.
  await app.$(`${selected} [data-covered="people"]`).click();
  await app.execute('document.activeElement.blur()');
  await app.waitUntil(async () => (withException()[0].not_covered ?? []).includes('people'), { timeoutMsg: 'what is not covered to be saved' });
  await shot(app, '04-exception-live');

  // A stray Backspace clears the answer, exception and all; Ctrl+Z brings every detail back.
  await press(app, Key.Backspace);
  await app.waitUntil(async () => answerCount() === saved - 1, { timeoutMsg: 'the answer to be cleared' });
  assert.match(await app.$('[data-testid="undo-notice"]').getText(), /Cleared the answer/);
  await app.keys([Key.Ctrl, 'z']);
  await app.waitUntil(async () => answerCount() === saved, { timeoutMsg: 'the answer to come back' });
  assert.equal(withException()[0].exception, 'two contractors not covered');
  assert.equal(withException()[0].live_exposure, true);

  // The dashboard shows exactly what `soc2-readiness score` computes from the same file.
  const [summary] = JSON.parse(soc2('list', '--json'));
  const id = summary.assessment.id;
  const score = JSON.parse(soc2('score', id, '--json'));
  await app.execute('window.scrollTo(0, 5000)');
  await app.$('[data-testid="tab-dashboard"]').click();
  await app.waitUntil(async () => (await app.execute('return window.scrollY')) === 0, { timeoutMsg: 'the dashboard to start at its top' });
  const overall = await app.$('[data-testid="overall-readiness"]').getText();
  assert.equal(overall, pct(score.overall.readiness));
  assert.equal(await app.$('[data-testid="design-readiness"]').getText(), pct(score.overall.design));
  const plan = JSON.parse(soc2('plan', id, '--json'));
  assert.equal(await app.$('[data-testid="plan-verdict"]').getText(), plan.verdict);
  // The one ranked list: the live exposure leads the engine's register and the dashboard's top.
  const register = JSON.parse(soc2('gaps', id, '--json'));
  assert.equal(register.gaps[0].priority, 'fix_now');
  assert.equal(register.top[0], register.gaps[0].question_id);
  assert.match(await app.$('[data-testid="top-gap"]').getText(), /fix now/i);
  assert.equal(await app.$('[data-testid="overall-completion"]').getText(), pct(score.overall.completion));
  for (const category of score.categories.filter((c) => c.in_scope)) {
    assert.equal(await app.$(`[data-category="${category.id}"] [data-testid="category-readiness"]`).getText(), pct(category.readiness));
  }
  assert.equal((await app.$$('[data-testid="criterion-cell"]')).length, 61);
  await shot(app, '05-dashboard');
  await app.$('[data-testid="tab-gaps"]').click();
  await app.$('[data-testid="gap-row"]').waitForExist();
  const gaps = JSON.parse(soc2('gaps', id, '--json')).gaps;
  assert.match(await app.$('[data-testid="gap-count"]').getText(), new RegExp(`^${gaps.length} gaps`));
  assert.equal(await app.$('[data-testid="gap-exception"]').getText(), 'Known exception (people not covered): two contractors not covered');
  await shot(app, '06-gaps');
  await app.$('[data-testid="nav-settings"]').click();
  assert.equal(await app.$('[data-testid="data-file"]').getText(), harness.db);
  await shot(app, '07-settings');
  await app.deleteSession();

  // Start again: every answer is still there and the numbers have not moved.
  app = await harness.launch(desktop);
  await app.setWindowSize(1280, 800);
  await app.$('[data-testid="open-assessment"]').click();
  // It reopens at the step it was left on, scrolled to the top.
  await app.waitUntil(async () => (await heading(app)).startsWith('Step 4'), { timeoutMsg: 'step 4 again' });
  assert.equal(await app.execute('return window.scrollY'), 0);
  await app.$('[data-testid="step-2"]').click();
  const cards = await app.$$('[data-testid="question-card"] [aria-checked="true"]');
  assert.equal(cards.length, 4, 'the four levels answered in step 2');
  assert.equal(answerCount(), saved);
  await app.$('[data-testid="tab-dashboard"]').click();
  assert.equal(await app.$('[data-testid="overall-readiness"]').getText(), overall);
  await app.$('[data-testid="nav-assessments"]').click();
  await app.$('[data-testid="assessment-table"]').waitForExist();
  await sleep(200);
  await shot(app, '08-assessments');
  await app.deleteSession();
});
