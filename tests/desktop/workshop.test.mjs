// The workshop screen for real: a projector-sized window, the keyboard alone, dialogs, links from results to questions, contrast, owners, settings, history and an export no viewer opens.
import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { checkAccessibility } from './axe.mjs';
import { Key, press, startHarness } from './harness.mjs';

const desktop = process.env.SOC2_DESKTOP_BIN;
const cli = process.env.SOC2_CLI_BIN;
assert.ok(desktop && cli, 'set SOC2_DESKTOP_BIN and SOC2_CLI_BIN (./dev test does)');

let harness;
let id;
before(async () => {
  harness = await startHarness({
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

/** Holds Alt and presses a key, as Alt+3 is pressed. */
async function alt(app, key) {
  await app.keys([Key.Alt, key]);
  await app.releaseActions();
}

const heading = (app) => app.$('h1').getText();
const selected = (app) => app.execute(`return document.querySelector('[data-testid="question-card"].selected')?.getAttribute('data-card') ?? null`);

test('a projector-sized window keeps the top bar apart, shows several cards and reads from the back', async () => {
  // No viewer can open a PDF for this launch: the export must say where it went, not fail.
  const wrapper = join(harness.dataDir, 'no-viewer.sh');
  writeFileSync(wrapper, `#!/bin/sh\nPATH=/nonexistent exec '${desktop}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  const app = await harness.launch(wrapper);
  await app.setWindowSize(1280, 720);
  await app.$('.projector-toggle input').click();
  // The assessments list fits: its actions wrap inside their cell instead of running off the side.
  await app.$('[data-testid="assessment-table"]').waitForExist();
  const listSideways = await app.execute('return document.documentElement.scrollWidth - window.innerWidth');
  assert.ok(listSideways <= 0, `the assessments list runs ${listSideways} px off the side`);
  await app.$('[data-testid="open-assessment"]').click();
  await app.$('[data-testid="scope-question"]').waitForExist();
  await app.$('[data-testid="step-3"]').click();
  await app.$('[data-testid="question-card"]').waitForExist();

  // No two controls of the top bar overlap, and the organisation name is still there.
  const overlaps = await app.execute(`
    const items = [...document.querySelectorAll('.topbar button, .topbar label, .topbar .live, .topbar .org')].map((el) => [el.textContent.trim(), el.getBoundingClientRect()]);
    const out = [];
    for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) {
      const [a, r] = items[i], [b, s] = items[j];
      if (r.width && s.width && r.left < s.right - 1 && s.left < r.right - 1 && r.top < s.bottom - 1 && s.top < r.bottom - 1) out.push(a + ' / ' + b);
    }
    return out;`);
  assert.deepEqual(overlaps, []);
  assert.ok((await app.execute(`return document.querySelector('.topbar .org').getBoundingClientRect().width`)) >= 60, 'the organisation name stays');
  // One row: the bar was three rows (178 px) before the exports folded into one button.
  const bar = await app.execute(`return document.querySelector('.topbar').getBoundingClientRect().height`);
  assert.ok(bar <= 70, `the top bar is one row at 1280x720 in projector mode (${bar} px)`);
  const sideways = await app.execute('return document.documentElement.scrollWidth - window.innerWidth');
  assert.ok(sideways <= 0, `nothing runs off the side (${sideways} px)`);

  // The step list starts hidden on a projector this narrow; S brings it back and hides it again.
  assert.equal(await app.execute(`return document.querySelector('.wizard').classList.contains('narrow')`), true);
  const visibleCards = () => app.execute(`return [...document.querySelectorAll('[data-testid="question-card"]')].filter((c) => { const r = c.getBoundingClientRect(); return r.top < window.innerHeight && r.bottom > 0; }).length`);
  assert.ok((await visibleCards()) >= 2, 'several cards on screen');
  await app.execute('document.activeElement.blur()');
  await press(app, 's');
  await app.waitUntil(async () => !(await app.execute(`return document.querySelector('.wizard').classList.contains('narrow')`)), { timeoutMsg: 'the steps to show' });
  await press(app, 's');

  // Secondary text is as large as the body and not faint.
  const sizes = await app.execute(`
    const body = parseFloat(getComputedStyle(document.querySelector('.text')).fontSize) * 0.8;
    const status = document.querySelector('[data-testid="question-card"] .status span');
    return [parseFloat(getComputedStyle(status).fontSize), body];`);
  assert.ok(sizes[0] >= 20, `status text ${sizes[0]} px in projector mode`);

  // Guidance opened with Enter is scrolled into view.
  await press(app, 'j', 'j', Key.Enter);
  await app.waitUntil(() => app.execute(`const g = document.querySelector('[data-testid="question-card"].selected .guidance'); if (!g) return false; const r = g.getBoundingClientRect(); return r.bottom <= window.innerHeight + 1 && r.top >= 0;`), { timeoutMsg: 'the guidance in view' });
  await harness.shot('workshop-01-projector');
  await checkAccessibility(app, 'step 3 in projector mode at 1280x720, guidance open');

  // A new step keeps its heading in view; a jump to the next unanswered card centres it.
  await press(app, Key.Escape);
  await app.execute('document.activeElement.blur()');
  await press(app, Key.ArrowRight);
  await app.waitUntil(async () => (await heading(app)).startsWith('Step 4'), { timeoutMsg: 'step 4' });
  const headingTop = await app.execute(`return document.querySelector('h1').getBoundingClientRect().top`);
  assert.ok(headingTop >= 0 && headingTop < 360, `the step heading in view (top at ${headingTop} px)`);
  await press(app, 'u');
  await app.waitUntil(() => app.execute(`const c = document.querySelector('[data-testid="question-card"].selected'); if (!c) return false; const r = c.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight - 40;`), { timeoutMsg: 'the next unanswered card clear of the bottom edge' });

  const report = await app.execute(`return window.__TAURI_INTERNALS__.invoke('export_report', { id: arguments[0], path: arguments[1], open: true })`, id, join(harness.dataDir, 'gap analysis.pdf'));
  assert.equal(report.opened, false, 'no viewer here, and no error either');
  assert.ok(report.pages > 5);
  await app.$('.projector-toggle input').click();
  await app.deleteSession();
});

test('the keyboard reaches every screen, presses buttons and never escapes a dialog', async () => {
  const app = await harness.launch(desktop);
  await app.setWindowSize(1280, 800);
  await app.$('[data-testid="open-assessment"]').click();
  // It reopens at the step it was left on.
  await app.$('[data-testid="path"]').waitForExist();
  await app.execute('document.activeElement.blur()');

  await alt(app, '3');
  await app.waitUntil(async () => (await heading(app)).startsWith('Step 3'), { timeoutMsg: 'Alt+3 to open step 3' });
  await press(app, 'd');
  await app.$('[data-testid="legend"]').waitForExist();
  await press(app, 'g');
  await app.$('[data-testid="gap-row"]').waitForExist();
  await press(app, 'r');
  await app.$('[data-testid="registers"]').waitForExist();
  await app.execute('document.activeElement.blur()');
  await press(app, 'c');
  await app.$('h1=Control calendar').waitForExist();
  await app.execute('document.activeElement.blur()');
  await press(app, 't');
  await app.$('[data-testid="trust-page"]').waitForExist();
  await app.execute('document.activeElement.blur()');
  // X opens the exports with the focus on the first; Esc closes them and returns to their button.
  await press(app, 'x');
  await app.waitUntil(() => app.execute(`return document.activeElement?.dataset?.testid === 'export-pdf'`), { timeoutMsg: 'X to open the exports' });
  await press(app, Key.Escape);
  await app.waitUntil(async () => (await app.$$('[data-testid="export-pdf"]')).length === 0, { timeoutMsg: 'Esc to close the exports' });
  assert.equal(await app.execute(`return document.activeElement?.dataset?.testid`), 'export-menu');
  await app.execute('document.activeElement.blur()');
  await press(app, ',');
  await app.$('[data-testid="data-file"]').waitForExist();
  await app.$('[data-testid="tab-questionnaire"]').waitForExist({ reverse: true });
  await app.$('[data-testid="nav-assessments"]').click();
  await app.$('[data-testid="open-assessment"]').click();
  await app.$('[data-testid="path"]').waitForExist();
  await app.execute('document.activeElement.blur()');
  await press(app, 'q');
  await app.waitUntil(async () => (await heading(app)).startsWith('Step 3'), { timeoutMsg: 'Q back to the questionnaire' });

  // U goes to the next unanswered question, past answered ones.
  await app.execute('document.activeElement.blur()');
  await alt(app, '3');
  await app.$('[data-card="access.sso-mfa"]').waitForExist();
  await app.execute(`document.querySelector('[data-card="access.sso-mfa"]').focus()`);
  await app.execute('document.activeElement.blur()');
  await press(app, 'u');
  await app.waitUntil(async () => {
    const now = await selected(app);
    return now && now !== 'access.sso-mfa' && !JSON.parse(soc2('show', id, '--json')).answers.some((a) => a.question_id === now);
  }, { timeoutMsg: 'an unanswered question to be selected' });

  // Enter on a focused button presses it, rather than opening the selected card's guidance.
  await app.execute(`document.querySelector('[data-testid="filter-gaps"]').focus()`);
  await press(app, Key.Enter);
  await app.waitUntil(() => app.execute(`return document.querySelector('[data-testid="filter-gaps"]').classList.contains('active')`), { timeoutMsg: 'Enter to press the Gaps only button' });
  assert.equal(await app.execute(`return document.querySelectorAll('.guidance').length`), 0);
  await app.$('[data-testid="filter-gaps"]').click();
  await app.execute(`[...document.querySelectorAll('.filters button')].find((b) => b.textContent.trim() === 'All').click()`);

  // The shortcuts dialog takes focus, keeps Tab inside and closes with Esc.
  await app.execute('document.activeElement.blur()');
  await press(app, '?');
  await app.$('[data-testid="shortcuts"]').waitForExist();
  await app.waitUntil(() => app.execute(`return document.querySelector('[data-testid="shortcuts"]').contains(document.activeElement)`), { timeoutMsg: 'focus in the dialog' });
  await press(app, Key.Tab, Key.Tab, Key.Tab);
  assert.equal(await app.execute(`return document.querySelector('[data-testid="shortcuts"]').contains(document.activeElement)`), true);
  assert.match(await app.$('[data-testid="shortcuts"]').getText(), /Alt\+1 – Alt\+6/);
  // Its Close button is in view, in a window a projector's height.
  const close = await app.execute(`const b = [...document.querySelectorAll('[data-testid="shortcuts"] button')].find((x) => x.textContent.startsWith('Close')); const r = b.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;`);
  assert.equal(close, true, 'the Close button in view');
  await press(app, Key.Escape);
  await app.waitUntil(async () => (await app.$$('[data-testid="shortcuts"]')).length === 0, { timeoutMsg: 'Esc to close the shortcuts' });

  // The delete dialog on the assessments list too.
  await app.$('[data-testid="nav-assessments"]').click();
  await app.$('[data-testid="assessment-table"]').waitForExist();
  await app.execute(`[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Delete').click()`);
  await app.$('[data-testid="delete-dialog"]').waitForExist();
  await app.waitUntil(() => app.execute(`return document.activeElement?.textContent?.trim() === 'Keep it'`), { timeoutMsg: 'focus on the safe choice' });
  await app.keys([Key.Shift, Key.Tab]);
  await app.releaseActions();
  assert.equal(await app.execute(`return document.querySelector('[data-testid="delete-dialog"]').contains(document.activeElement)`), true, await app.execute(`return document.activeElement?.outerHTML?.slice(0, 120)`));
  await press(app, Key.Escape);
  await app.waitUntil(async () => (await app.$$('[data-testid="delete-dialog"]')).length === 0, { timeoutMsg: 'Esc to close without deleting' });
  assert.match(soc2('list'), /Northwind/);
  await app.deleteSession();
});

test('results open their question; colours are explained and readable; owners, settings and history are there', async () => {
  const app = await harness.launch(desktop);
  await app.setWindowSize(1280, 800);
  await app.$('[data-testid="open-assessment"]').click();
  await app.$('[data-testid="tab-dashboard"]').click();
  await app.$('[data-testid="legend"]').waitForExist();

  // Every heat-map cell's words read at 4.5:1 or better on its colour.
  const worst = await app.execute(`
    const lum = (c) => { const [r, g, b] = c.match(/\\d+/g).slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    let worst = 99;
    for (const cell of document.querySelectorAll('[data-testid="criterion-cell"]:not(.out):not(.band-none)')) {
      const s = getComputedStyle(cell);
      const [a, b] = [lum(s.color), lum(s.backgroundColor)].sort((x, y) => y - x);
      worst = Math.min(worst, (a + 0.05) / (b + 0.05));
    }
    return worst;`);
  assert.ok(worst >= 4.5, `the weakest heat-map cell reads at ${worst.toFixed(2)}:1`);
  await harness.shot('workshop-02-dashboard');

  // A top gap opens its question, selected and in view.
  const topId = await app.execute(`return document.querySelector('[data-testid="open-top-gap"]').closest('li').textContent`);
  await app.$('[data-testid="open-top-gap"]').click();
  await app.waitUntil(async () => (await selected(app)) !== null, { timeoutMsg: 'the top gap to open its question' });
  assert.ok(topId.length > 0);
  const fromTop = await selected(app);
  // A heat-map cell opens the weakest question of its criterion: CC6.1 is access.admin-mfa's.
  await app.$('[data-testid="tab-dashboard"]').click();
  await app.$('[data-testid="criterion-cell"]').waitForExist();
  await app.execute(`[...document.querySelectorAll('[data-testid="criterion-cell"]')].find((c) => c.textContent.trim().startsWith('CC6.1')).click()`);
  await app.waitUntil(async () => {
    const now = await selected(app);
    return now && ['access.admin-mfa', 'access.unique-accounts', 'access.password-manager', 'access.customer-authentication', 'crypto.at-rest', 'crypto.key-management', 'network.admin-access-path', 'sdlc.secrets-in-code', 'log.audit-trail', 'access.privileged-access', 'maint.acquired-accounts', 'info.asset-inventory'].includes(now);
  }, { timeoutMsg: 'the cell to open one of its questions' });
  // A row of the register opens its question.
  await app.$('[data-testid="tab-gaps"]').click();
  const rowTitle = await app.$('[data-testid="open-gap"]').getText();
  await app.$('[data-testid="open-gap"]').click();
  await app.waitUntil(async () => (await app.$('[data-testid="question-card"].selected').getText()).length > 0, { timeoutMsg: 'the gap to open its question' });
  assert.ok(rowTitle && fromTop);

  // Owners already named are offered in every owner field.
  assert.deepEqual(await app.execute(`return [...document.querySelectorAll('#owners option')].map((o) => o.value)`), ['Priya Raman']);

  // The history of a question: its answers over time.
  await app.execute(`document.activeElement.blur()`);
  await press(app, 'q');
  await alt(app, '3');
  await app.$('[data-card="access.admin-mfa"]').waitForExist();
  await app.execute(`document.querySelector('[data-card="access.admin-mfa"] [data-testid="history-toggle"]').click()`);
  await app.$('[data-card="access.admin-mfa"] [data-testid="history"] li').waitForExist();
  const history = await app.$('[data-card="access.admin-mfa"] [data-testid="history"]').getText();
  assert.match(history, /2 · In place, informal[\s\S]*1 · Planned or in progress/);

  // A target date is typed in one go, in the register's format; a day that does not exist is
  // refused by name and nothing is saved.
  if (!(await app.execute(`return document.querySelector('[data-card="access.admin-mfa"] details').open`))) {
    await app.$('[data-card="access.admin-mfa"] details summary').click();
  }
  const dueField = '[data-due="access.admin-mfa"]';
  await app.execute(`document.querySelector('${dueField}').scrollIntoView({ block: 'center' })`);
  // Set as typing would, then leave the field (WebKitWebDriver refuses to type into it here).
  const typeDue = (text) =>
    app.execute(`const f = document.querySelector('${dueField}'); f.value = arguments[0]; f.dispatchEvent(new Event('input', { bubbles: true })); f.dispatchEvent(new Event('blur'))`, text);
  await typeDue('2027-02-30');
  await app.$('[data-card="access.admin-mfa"] [role="alert"]').waitForExist();
  const dueOf = () => JSON.parse(soc2('show', id, '--json')).answers.find((a) => a.question_id === 'access.admin-mfa').due;
  assert.equal(dueOf(), null);
  await typeDue('28 Feb 2027');
  await app.waitUntil(async () => dueOf() === '2027-02-28', { timeoutMsg: 'the date to be saved' });

  // Settings save as they change: no Save button, and leaving the screen keeps the value.
  await app.$('[data-testid="nav-settings"]').click();
  await app.$('[data-testid="assessor-name"]').addValue('Ana Kowalska');
  await app.waitUntil(async () => JSON.parse(soc2('settings', '--json')).assessor_name === 'Ana Kowalska', { timeoutMsg: 'the assessor name to be saved' });
  assert.equal(await app.execute(`return [...document.querySelectorAll('button')].some((b) => b.textContent.includes('Save settings'))`), false);
  await app.deleteSession();
});
