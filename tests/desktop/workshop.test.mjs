// The workshop screen for real: a projector-sized window, the keyboard alone, dialogs, links from results to questions, contrast, owners, settings, history and an export no viewer opens.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { KEYS, startHarness } from './webdriver.mjs';

const desktop = process.env.SOC2_DESKTOP_BIN;
const cli = process.env.SOC2_CLI_BIN;
const shots = process.env.SOC2_SCREENSHOTS;
assert.ok(desktop && cli, 'set SOC2_DESKTOP_BIN and SOC2_CLI_BIN (./dev test does)');

const TAB = '\uE004';
const SHIFT = '\uE008';
const ALT = '\uE00A';

let harness;
let id;
before(async () => {
  harness = await startHarness({
    display: ':86',
    port: 4565,
    prepare: (db) => {
      const soc2 = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' }).trim();
      id = soc2('new', 'Northwind Analytics International Ltd', '--report-type', 'type1');
      soc2('answer', id, 'scope.required-categories', 'security-only');
      soc2('answer', id, 'access.sso-mfa', 'documented', '--owner', 'Priya Raman');
      soc2('answer', id, 'access.admin-mfa', 'informal');
      soc2('answer', id, 'access.admin-mfa', 'planned');
    },
  });
});
after(async () => {
  await harness?.stop();
});

const soc2 = (...args) => execFileSync(cli, ['--db', harness.db, ...args], { encoding: 'utf8' });

async function shot(app, name) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  writeFileSync(join(shots, `${name}.png`), await app.screenshot());
}

/** Holds Alt and presses a key, as Alt+3 is pressed. */
async function alt(app, key) {
  await app.send('POST', '/actions', {
    actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: ALT }, { type: 'keyDown', value: key }, { type: 'keyUp', value: key }, { type: 'keyUp', value: ALT }] }],
  });
  await app.send('DELETE', '/actions');
}

const heading = (app) => app.text('h1');
const selected = (app) => app.script(`return document.querySelector('[data-testid="question-card"].selected')?.getAttribute('data-card') ?? null`);

test('a projector-sized window keeps the top bar apart, shows several cards and reads from the back', async () => {
  // No viewer can open a PDF for this launch: the export must say where it went, not fail.
  const wrapper = join(harness.dataDir, 'no-viewer.sh');
  writeFileSync(wrapper, `#!/bin/sh\nPATH=/nonexistent exec '${desktop}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  const app = await harness.launch(wrapper);
  await app.send('POST', '/window/rect', { width: 1280, height: 720 });
  await app.click('.projector-toggle input');
  await app.click('[data-testid="open-assessment"]');
  await app.find('[data-testid="scope-question"]');
  await app.click('[data-testid="step-3"]');
  await app.find('[data-testid="question-card"]');

  // No two controls of the top bar overlap, and the organisation name is still there.
  const overlaps = await app.script(`
    const items = [...document.querySelectorAll('.topbar button, .topbar label, .topbar .live, .topbar .org')].map((el) => [el.textContent.trim(), el.getBoundingClientRect()]);
    const out = [];
    for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) {
      const [a, r] = items[i], [b, s] = items[j];
      if (r.width && s.width && r.left < s.right - 1 && s.left < r.right - 1 && r.top < s.bottom - 1 && s.top < r.bottom - 1) out.push(a + ' / ' + b);
    }
    return out;`);
  assert.deepEqual(overlaps, []);
  assert.ok((await app.script(`return document.querySelector('.topbar .org').getBoundingClientRect().width`)) >= 60, 'the organisation name stays');

  // The step list starts hidden on a projector this narrow; S brings it back and hides it again.
  assert.equal(await app.script(`return document.querySelector('.wizard').classList.contains('narrow')`), true);
  const visibleCards = () => app.script(`return [...document.querySelectorAll('[data-testid="question-card"]')].filter((c) => { const r = c.getBoundingClientRect(); return r.top < window.innerHeight && r.bottom > 0; }).length`);
  assert.ok((await visibleCards()) >= 2, 'several cards on screen');
  await app.script('document.activeElement.blur()');
  await app.press('s');
  await app.waitFor(async () => !(await app.script(`return document.querySelector('.wizard').classList.contains('narrow')`)), 'the steps to show');
  await app.press('s');

  // Secondary text is as large as the body and not faint.
  const sizes = await app.script(`
    const body = parseFloat(getComputedStyle(document.querySelector('.text')).fontSize) * 0.8;
    const status = document.querySelector('[data-testid="question-card"] .status span');
    return [parseFloat(getComputedStyle(status).fontSize), body];`);
  assert.ok(sizes[0] >= 20, `status text ${sizes[0]} px in projector mode`);

  // Guidance opened with Enter is scrolled into view.
  await app.press('j', 'j', KEYS.Enter);
  await app.waitFor(
    () => app.script(`const g = document.querySelector('[data-testid="question-card"].selected .guidance'); if (!g) return false; const r = g.getBoundingClientRect(); return r.bottom <= window.innerHeight + 1 && r.top >= 0;`),
    'the guidance in view',
  );
  await shot(app, 'workshop-01-projector');

  const report = await app.script(`return window.__TAURI_INTERNALS__.invoke('export_report', { id: arguments[0], path: arguments[1], open: true })`, [id, join(harness.dataDir, 'gap analysis.pdf')]);
  assert.equal(report.opened, false, 'no viewer here, and no error either');
  assert.ok(report.pages > 5);
  await app.click('.projector-toggle input');
  await app.quit();
});

test('the keyboard reaches every screen, presses buttons and never escapes a dialog', async () => {
  const app = await harness.launch(desktop);
  await app.send('POST', '/window/rect', { width: 1280, height: 800 });
  await app.click('[data-testid="open-assessment"]');
  // It reopens at the step it was left on.
  await app.find('[data-testid="path"]');
  await app.script('document.activeElement.blur()');

  await alt(app, '3');
  await app.waitFor(async () => (await heading(app)).startsWith('Step 3'), 'Alt+3 to open step 3');
  await app.press('d');
  await app.find('[data-testid="legend"]');
  await app.press('g');
  await app.find('[data-testid="gap-row"]');
  await app.press('q');
  await app.waitFor(async () => (await heading(app)).startsWith('Step 3'), 'Q back to the questionnaire');

  // U goes to the next unanswered question, past answered ones.
  await app.script('document.activeElement.blur()');
  await alt(app, '3');
  await app.find('[data-card="access.sso-mfa"]');
  await app.script(`document.querySelector('[data-card="access.sso-mfa"]').focus()`);
  await app.script('document.activeElement.blur()');
  await app.press('u');
  await app.waitFor(async () => {
    const now = await selected(app);
    return now && now !== 'access.sso-mfa' && !JSON.parse(soc2('show', id, '--json')).answers.some((a) => a.question_id === now);
  }, 'an unanswered question to be selected');

  // Enter on a focused button presses it, rather than opening the selected card's guidance.
  await app.script(`document.querySelector('[data-testid="filter-gaps"]').focus()`);
  await app.press(KEYS.Enter);
  await app.waitFor(() => app.script(`return document.querySelector('[data-testid="filter-gaps"]').classList.contains('active')`), 'Enter to press the Gaps only button');
  assert.equal(await app.script(`return document.querySelectorAll('.guidance').length`), 0);
  await app.click('[data-testid="filter-gaps"]');
  await app.script(`[...document.querySelectorAll('.filters button')].find((b) => b.textContent.trim() === 'All').click()`);

  // The shortcuts dialog takes focus, keeps Tab inside and closes with Esc.
  await app.script('document.activeElement.blur()');
  await app.press('?');
  await app.find('[data-testid="shortcuts"]');
  await app.waitFor(() => app.script(`return document.querySelector('[data-testid="shortcuts"]').contains(document.activeElement)`), 'focus in the dialog');
  await app.press(TAB, TAB, TAB);
  assert.equal(await app.script(`return document.querySelector('[data-testid="shortcuts"]').contains(document.activeElement)`), true);
  assert.match(await app.text('[data-testid="shortcuts"]'), /Alt\+1 – Alt\+6/);
  await app.press(KEYS.Escape);
  await app.waitFor(async () => (await app.findAll('[data-testid="shortcuts"]')).length === 0, 'Esc to close the shortcuts');

  // The delete dialog on the assessments list too.
  await app.click('[data-testid="nav-assessments"]');
  await app.find('[data-testid="assessment-table"]');
  await app.script(`[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Delete').click()`);
  await app.find('[data-testid="delete-dialog"]');
  await app.waitFor(() => app.script(`return document.activeElement?.textContent?.trim() === 'Keep it'`), 'focus on the safe choice');
  await app.send('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: SHIFT }, { type: 'keyDown', value: TAB }, { type: 'keyUp', value: TAB }, { type: 'keyUp', value: SHIFT }] }] });
  await app.send('DELETE', '/actions');
  assert.equal(await app.script(`return document.querySelector('[data-testid="delete-dialog"]').contains(document.activeElement)`), true, await app.script(`return document.activeElement?.outerHTML?.slice(0, 120)`));
  await app.press(KEYS.Escape);
  await app.waitFor(async () => (await app.findAll('[data-testid="delete-dialog"]')).length === 0, 'Esc to close without deleting');
  assert.match(soc2('list'), /Northwind/);
  await app.quit();
});

test('results open their question; colours are explained and readable; owners, settings and history are there', async () => {
  const app = await harness.launch(desktop);
  await app.send('POST', '/window/rect', { width: 1280, height: 800 });
  await app.click('[data-testid="open-assessment"]');
  await app.click('[data-testid="tab-dashboard"]');
  await app.find('[data-testid="legend"]');

  // Every heat-map cell's words read at 4.5:1 or better on its colour.
  const worst = await app.script(`
    const lum = (c) => { const [r, g, b] = c.match(/\\d+/g).slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    let worst = 99;
    for (const cell of document.querySelectorAll('[data-testid="criterion-cell"]:not(.out):not(.band-none)')) {
      const s = getComputedStyle(cell);
      const [a, b] = [lum(s.color), lum(s.backgroundColor)].sort((x, y) => y - x);
      worst = Math.min(worst, (a + 0.05) / (b + 0.05));
    }
    return worst;`);
  assert.ok(worst >= 4.5, `the weakest heat-map cell reads at ${worst.toFixed(2)}:1`);
  await shot(app, 'workshop-02-dashboard');

  // A top gap opens its question, selected and in view.
  const topId = await app.script(`return document.querySelector('[data-testid="open-top-gap"]').closest('li').textContent`);
  await app.click('[data-testid="open-top-gap"]');
  await app.waitFor(async () => (await selected(app)) !== null, 'the top gap to open its question');
  assert.ok(topId.length > 0);
  const fromTop = await selected(app);
  // A heat-map cell opens the weakest question of its criterion: CC6.1 is access.admin-mfa's.
  await app.click('[data-testid="tab-dashboard"]');
  await app.find('[data-testid="criterion-cell"]');
  await app.script(`[...document.querySelectorAll('[data-testid="criterion-cell"]')].find((c) => c.textContent.trim().startsWith('CC6.1')).click()`);
  await app.waitFor(async () => {
    const now = await selected(app);
    return now && ['access.admin-mfa', 'access.unique-accounts', 'access.password-manager', 'access.customer-authentication', 'crypto.at-rest', 'crypto.key-management', 'network.admin-access-path', 'sdlc.secrets-in-code', 'log.audit-trail', 'access.privileged-access', 'maint.acquired-accounts', 'info.asset-inventory'].includes(now);
  }, 'the cell to open one of its questions');
  // A row of the register opens its question.
  await app.click('[data-testid="tab-gaps"]');
  const rowTitle = await app.text('[data-testid="open-gap"]');
  await app.click('[data-testid="open-gap"]');
  await app.waitFor(async () => (await app.text('[data-testid="question-card"].selected')).length > 0, 'the gap to open its question');
  assert.ok(rowTitle && fromTop);

  // Owners already named are offered in every owner field.
  assert.deepEqual(await app.script(`return [...document.querySelectorAll('#owners option')].map((o) => o.value)`), ['Priya Raman']);

  // The history of a question: its answers over time.
  await app.script(`document.activeElement.blur()`);
  await app.press('q');
  await alt(app, '3');
  await app.find('[data-card="access.admin-mfa"]');
  await app.script(`document.querySelector('[data-card="access.admin-mfa"] [data-testid="history-toggle"]').click()`);
  await app.find('[data-card="access.admin-mfa"] [data-testid="history"] li');
  const history = await app.text('[data-card="access.admin-mfa"] [data-testid="history"]');
  assert.match(history, /2 · In place, informal[\s\S]*1 · Planned or in progress/);

  // A target date is typed in one go, in the register's format; a day that does not exist is
  // refused by name and nothing is saved.
  if (!(await app.script(`return document.querySelector('[data-card="access.admin-mfa"] details').open`))) {
    await app.click('[data-card="access.admin-mfa"] details summary');
  }
  const dueField = '[data-due="access.admin-mfa"]';
  await app.script(`document.querySelector('${dueField}').scrollIntoView({ block: 'center' })`);
  // Set as typing would, then leave the field (WebKitWebDriver refuses to type into it here).
  const typeDue = (text) =>
    app.script(`const f = document.querySelector('${dueField}'); f.value = arguments[0]; f.dispatchEvent(new Event('input', { bubbles: true })); f.dispatchEvent(new Event('blur'))`, [text]);
  await typeDue('2027-02-30');
  await app.find('[data-card="access.admin-mfa"] [role="alert"]');
  const dueOf = () => JSON.parse(soc2('show', id, '--json')).answers.find((a) => a.question_id === 'access.admin-mfa').due;
  assert.equal(dueOf(), null);
  await typeDue('28 Feb 2027');
  await app.waitFor(async () => dueOf() === '2027-02-28', 'the date to be saved');

  // Settings save as they change: no Save button, and leaving the screen keeps the value.
  await app.click('[data-testid="nav-settings"]');
  await app.type('[data-testid="assessor-name"]', 'Ana Kowalska');
  await app.waitFor(async () => JSON.parse(soc2('settings', '--json')).assessor_name === 'Ana Kowalska', 'the assessor name to be saved');
  assert.equal(await app.script(`return [...document.querySelectorAll('button')].some((b) => b.textContent.includes('Save settings'))`), false);
  await app.quit();
});
