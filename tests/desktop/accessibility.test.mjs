// Accessibility as a test: axe-core runs on every screen and dialog of the app, and a serious or critical violation fails.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { checkAccessibility } from './axe.mjs';
import { Key, press, startHarness } from './harness.mjs';

const desktop = process.env.SOC2_DESKTOP_BIN;
const cli = process.env.SOC2_CLI_BIN;
assert.ok(desktop && cli, 'set SOC2_DESKTOP_BIN and SOC2_CLI_BIN (./dev test does)');

/** Answers enough of an assessment that every kind of gap, priority, exception and note shows. */
function answerSome(soc2, id) {
  soc2('answer', id, 'scope.required-categories', 'availability,privacy');
  soc2('answer', id, 'access.sso-mfa', 'documented', '--owner', 'Priya Raman', '--due', '2027-03-31', '--note', 'Okta for staff', '--exception', 'two contractors not covered');
  soc2('answer', id, 'access.admin-mfa', 'informal');
  soc2('answer', id, 'access.admin-mfa', 'planned');
  soc2('answer', id, 'risk.register', '3');
  soc2('answer', id, 'change.peer-review', '1', '--owner', 'Sam Lee');
  soc2('answer', id, 'gov.code-of-conduct', '4');
}

/** Walks every screen and dialog in a fresh data file, checking each; `theme` names the run. */
async function tour(t, harness, theme) {
  const soc2 = (...args) => execFileSync(cli, ['--db', harness.db, ...args], { encoding: 'utf8' }).trim();
  // One subtest per screen: a failing screen is reported and the walk goes on to the next.
  const check = (screen) => t.test(`${theme}: ${screen}`, () => checkAccessibility(app, `${theme}: ${screen}`));
  const app = await harness.launch(desktop);
  await app.setWindowSize(1280, 800);

  // The first start: an empty list under the form that starts an assessment.
  await app.$('[data-testid="empty-state"]').waitForExist();
  await check('assessments: empty, with the start form');
  await app.$('[data-testid="new-organisation"]').addValue('Northwind Analytics');
  await app.$('[data-testid="new-depth"]').selectByAttribute('value', 'full');
  await app.$('[data-testid="create"]').click();
  await app.$('[data-testid="scope-question"]').waitForExist();
  await check('questionnaire: step 1, scope');

  // Answers from the CLI, then the assessment opened again so the app reads them.
  const [full] = JSON.parse(soc2('list', '--json'));
  answerSome(soc2, full.assessment.id);
  const quick = soc2('new', 'Fernleaf Labs', '--depth', 'quick', '--report-type', 'type1');
  soc2('answer', quick, 'policy.security-policy', '0');
  await app.$('[data-testid="nav-assessments"]').click();
  await app.$('[data-testid="assessment-table"]').waitForExist();
  await app.waitUntil(async () => (await app.$$('[data-testid="open-assessment"]')).length === 2, { timeoutMsg: 'both assessments listed' });
  await check('assessments: the list');

  await app.execute(`[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Rename').click()`);
  await app.$('input[aria-label="New organisation name"]').waitForExist();
  await check('assessments: renaming one');
  await app.execute(`[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Cancel').click()`);

  await app.execute(`[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Delete').click()`);
  await app.$('[data-testid="delete-dialog"]').waitForExist();
  await check('assessments: the delete dialog');
  await press(app, Key.Escape);
  await app.$('[data-testid="delete-dialog"]').waitForExist({ reverse: true });

  await app.$('[data-testid="open-assessment"]=Northwind Analytics').click();
  await app.$('[data-testid="path"]').waitForExist();
  for (const step of [1, 2, 3, 4, 5, 6]) {
    await app.$(`[data-testid="step-${step}"]`).click();
    await app.waitUntil(async () => (await app.$('h1').getText()).startsWith(`Step ${step}`), { timeoutMsg: `step ${step}` });
    if (step > 1) await app.$('[data-testid="question-card"]').waitForExist();
    await check(`questionnaire: step ${step}`);
  }

  // A card opened up: its details (note, owner, date, evidence), its history and a known exception.
  await app.$('[data-testid="step-3"]').click();
  const card = '[data-card="access.sso-mfa"]';
  await app.$(card).waitForExist();
  await app.execute(`document.querySelector('${card} details').open = true`);
  await app.execute(`document.querySelector('${card} [data-testid="history-toggle"]').click()`);
  await app.$(`${card} [data-testid="history"] li`).waitForExist();
  await app.$(`${card} [data-exception]`).waitForExist();
  await check('questionnaire: a card with its details, history and exception');

  // An invalid target date says so beside the field.
  await app.execute(
    `const f = document.querySelector('[data-due="access.sso-mfa"]'); f.value = '2027-02-30'; f.dispatchEvent(new Event('input', { bubbles: true })); f.dispatchEvent(new Event('blur'))`,
  );
  await app.$(`${card} [role="alert"]`).waitForExist();
  await check('questionnaire: a date refused');

  await app.execute('document.activeElement.blur()');
  await press(app, '?');
  await app.$('[data-testid="shortcuts"]').waitForExist();
  await check('questionnaire: the shortcuts dialog');
  await press(app, Key.Escape);
  await app.$('[data-testid="shortcuts"]').waitForExist({ reverse: true });

  await app.$('[data-testid="filter-gaps"]').click();
  await check('questionnaire: gaps only');
  await app.$('[data-testid="filter-gaps"]').click();

  await app.$('[data-testid="tab-dashboard"]').click();
  await app.$('[data-testid="plan"]').waitForExist();
  await app.execute(`document.querySelector('[data-testid="plan"] details').open = true`);
  await check('dashboard, with the plan to the report');
  await harness.shot(`a11y-${theme}-dashboard`);

  await app.$('[data-testid="tab-gaps"]').click();
  await app.$('[data-testid="gap-row"]').waitForExist();
  await check('gap register');
  await app.$('[data-testid="filter-priority"]').selectByAttribute('value', 'medium');
  await check('gap register: medium priority only');

  // The trust page, with its preview in a shadow root (axe reads into it) in this theme's colours.
  await app.$('[data-testid="tab-trust"]').click();
  await app.$('[data-testid="trust-held"]').waitForExist();
  await check('trust page, with its preview');
  await harness.shot(`a11y-${theme}-trust`);

  await app.$('[data-testid="nav-settings"]').click();
  await app.$('[data-testid="data-file"]').waitForExist();
  await check('settings and backups');
  await app.execute(`[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Back up now').click()`);
  await app.$('button=Restore…').waitForExist();
  await app.$('button=Restore…').click();
  await app.$('[data-testid="restore-dialog"]').waitForExist();
  await check('settings: the restore dialog');
  await press(app, Key.Escape);
  await app.$('[data-testid="restore-dialog"]').waitForExist({ reverse: true });

  // The quick path: a missing foundation, what it implies, and the register folding it.
  await app.$('[data-testid="nav-assessments"]').click();
  await app.$('[data-testid="open-assessment"]=Fernleaf Labs').click();
  // A Type I: the observation-period questions do not apply, and are set apart, still legible.
  await app.$('[data-testid="step-1"]').click();
  await app.$('[data-testid="scope-question"].off').waitForExist();
  await check('questionnaire: step 1 of a Type I, the questions that do not apply');
  await app.$('[data-testid="step-3"]').click();
  await app.$('[data-card="policy.security-policy"] [data-testid="implies"]').waitForExist();
  await check('questionnaire: quick path, a missing foundation');
  await app.$('[data-testid="tab-dashboard"]').click();
  await app.$('[data-testid="legend"]').waitForExist();
  await check('dashboard: a Type I on the quick path');
  await app.$('[data-testid="tab-gaps"]').click();
  await app.$('[data-testid="unfold"]').click();
  await app.waitUntil(async () => (await app.$$('tr.implied')).length > 0, { timeoutMsg: 'implied gaps unfolded' });
  await check('gap register: implied gaps unfolded');
  await harness.shot(`a11y-${theme}-gaps-unfolded`);

  // Projector mode enlarges everything and darkens secondary text.
  await app.$('.projector-toggle input').click();
  await check('gap register: projector mode');
  await app.$('[data-testid="tab-questionnaire"]').click();
  await app.$('[data-testid="question-card"]').waitForExist();
  await check('questionnaire: projector mode');
  await app.$('.projector-toggle input').click();
  await app.deleteSession();
}

test('every screen of the app, light, has no serious or critical accessibility violation', async (t) => {
  const harness = await startHarness();
  try {
    await tour(t, harness, 'light');
  } finally {
    await harness.stop();
  }
});

test('every screen of the app, dark, has no serious or critical accessibility violation', async (t) => {
  // WebKitGTK follows the GTK theme for prefers-color-scheme, so a dark GTK theme shows the dark palette.
  const harness = await startHarness({ env: { GTK_THEME: 'Adwaita:dark' } });
  try {
    await tour(t, harness, 'dark');
  } finally {
    await harness.stop();
  }
});
