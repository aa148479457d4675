// The control calendar in the real app: adopt a proposed control, record a failing check (a future date refused by field), see the exception on the dashboard, withdraw the check, then write the evidence binder of the period and open it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkAccessibility } from './axe.mjs';
import { startHarness } from './harness.mjs';

const desktop = process.env.SOC2_DESKTOP_BIN;
const cli = process.env.SOC2_CLI_BIN;
assert.ok(desktop && cli, 'set SOC2_DESKTOP_BIN and SOC2_CLI_BIN (./dev test does)');

const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

let id;

/** A Type II whose six-month observation period began a month ago, restore tests answered operating. */
function prepare(db) {
  const soc2 = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' }).trim();
  id = soc2('new', 'Juniper Health', '--depth', 'full', '--report-type', 'type2');
  const started = new Date();
  started.setDate(started.getDate() - 30);
  soc2('answer', id, 'scope.observation-start', iso(started));
  soc2('answer', id, 'scope.observation-period', '6-months');
  soc2('answer', id, 'maint.restore-tests', '4');
  return id;
}

/** Sets an input's value as typing would, so Svelte's binding sees it. */
async function type(app, testid, value) {
  const field = await app.$(`[data-testid="${testid}"]`);
  await field.waitForExist();
  await app.execute(
    (selector, text) => {
      const input = document.querySelector(selector);
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    `[data-testid="${testid}"]`,
    value,
  );
}

test('a failing check shows as an observation exception on the dashboard', async (t) => {
  const harness = await startHarness({ prepare });
  try {
    const app = await harness.launch(desktop);
    await app.setWindowSize(1280, 800);
    await app.$('[data-testid="open-assessment"]').waitForExist();
    await app.$('[data-testid="open-assessment"]').click();
    await app.$('[data-testid="tab-calendar"]').waitForExist();
    await app.$('[data-testid="tab-calendar"]').click();
    await app.$('[data-testid="calendar-summary"]').waitForExist();

    // Adopt the proposed restore test, first due today.
    await app.$('[data-testid="adopt-restore-test"]').click();
    await type(app, 'adopt-owner', 'Priya');
    await app.$('[data-testid="adopt-save"]').click();
    await app.$('[data-testid="control-restore-test"]').waitForExist();
    await harness.shot('calendar-adopted');
    await t.test('the calendar is accessible', () => checkAccessibility(app, 'calendar'));

    // A check in the future is refused under its field; a failure needs its reason.
    await app.$('[data-testid="record-restore-test"]').click();
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    await type(app, 'check-date', iso(tomorrow));
    await app.$('[data-testid="save-check"]').click();
    await app.$('[data-testid="error-date"]').waitForExist();
    assert.match(await app.$('[data-testid="error-date"]').getText(), /in the future/);
    await harness.shot('calendar-refused-date');
    await type(app, 'check-date', iso(new Date()));
    await type(app, 'check-result', 'fail');
    await app.$('[data-testid="save-check"]').click();
    await app.$('[data-testid="error-reason"]').waitForExist();
    await type(app, 'check-reason', 'the restore stopped at 40% with a corrupt archive');
    await app.$('[data-testid="save-check"]').click();
    await app.waitUntil(async () => !(await app.$('[data-testid="check-form"]').isExisting()), { timeoutMsg: 'the check is saved' });
    await app.waitUntil(async () => /\b1 exception\b/.test(await app.$('[data-testid="calendar-summary"]').getText()), { timeoutMsg: 'the exception is counted' });
    await harness.shot('calendar-failed-check');

    // The dashboard says so.
    await app.execute('window.scrollTo(0, 0)');
    await app.$('[data-testid="tab-dashboard"]').click();
    await app.$('[data-testid="records-summary"]').waitForExist();
    assert.match(await app.$('[data-testid="records-exceptions"]').getText(), /^1 exception in the observation period$/);
    await harness.shot('calendar-dashboard');

    // Recorded by mistake: withdrawn by a later entry with its reason, and the exception goes.
    await app.$('[data-testid="tab-calendar"]').click();
    await app.$('[data-testid="control-restore-test"]').waitForExist();
    await app.execute(`[...document.querySelectorAll('[data-testid="control-restore-test"] button')].find((b) => b.textContent.startsWith('History')).click()`);
    await app.$('[data-testid^="withdraw-"]').click();
    await type(app, 'withdraw-reason', 'recorded against the wrong system');
    await app.$('[data-testid="withdraw-save"]').click();
    await app.waitUntil(async () => !/\b1 exception\b/.test(await app.$('[data-testid="calendar-summary"]').getText()), { timeoutMsg: 'the withdrawn failure is no longer an exception' });
    assert.match(await app.$('[data-testid="control-restore-test"]').getText(), /withdrew the entry of/);
    await harness.shot('calendar-withdrawn');

    // An adopted control changes in place: another owner and a monthly rhythm, typed dates.
    await app.$('[data-testid="edit-restore-test"]').click();
    await app.$('[data-testid="adopt-frequency"]').selectByAttribute('value', 'monthly');
    await type(app, 'adopt-owner', 'Priya');
    await app.$('[data-testid="adopt-save"]').click();
    await app.waitUntil(async () => /monthly, Priya/.test(await app.$('[data-testid="control-restore-test"]').getText()), { timeoutMsg: 'the changed control shown' });
    await harness.shot('calendar-changed');

    // The evidence binder: the observation period offered, a slip in a day refused in place,
    // then written (through the command the Save button calls, since a native save dialog
    // cannot be driven) and opened as an auditor would.
    await app.$('[data-testid="binder-start"]').click();
    const started = new Date();
    started.setDate(started.getDate() - 30);
    assert.equal(await app.$('[data-testid="binder-from"]').getValue(), iso(started));
    await type(app, 'binder-to', '31 Jnu 2026');
    await app.$('[data-testid="binder-save"]').click();
    await app.$('[data-testid="binder-error"]').waitForExist();
    assert.match(await app.$('[data-testid="binder-error"]').getText(), /^Last day: not a date/);
    await harness.shot('calendar-binder-form');
    const zip = join(harness.dataDir, 'binder.zip');
    const written = await app.execute(
      `return window.__TAURI_INTERNALS__.invoke('write_binder', { id: arguments[0], path: arguments[1], request: { from: arguments[2], to: arguments[3], without_notes: false } })`,
      id, zip, iso(started), iso(new Date()),
    );
    assert.equal(written.runs, 1, 'the withdrawn failure is listed, as withdrawn');
    const check = `import hashlib, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
sums = dict(reversed(l.split('  ', 1)) for l in z.read('MANIFEST.sha256').decode().splitlines())
names = [n for n in z.namelist() if n != 'MANIFEST.sha256']
assert sorted(sums) == sorted(names), (sums, names)
assert all(hashlib.sha256(z.read(n)).hexdigest() == sums[n] for n in names)
print(chr(10).join(names))`;
    const names = execFileSync('python3', ['-c', check, zip], { encoding: 'utf8' }).trim().split('\n');
    for (const name of ['index.html', 'index.csv', 'check-log.csv', 'control-matrix.csv', 'registers/people.csv', 'system-description.docx', 'system-description.md']) {
      assert.ok(names.includes(name), `${name} in ${names}`);
    }

    // The system description: the draft with its missing facts, a section rewritten in the
    // company's words and kept as a version, then back to the draft.
    await app.$('[data-testid="description-open"]').click();
    await app.$('[data-testid="description-summary"]').waitForExist();
    assert.match(await app.$('[data-testid="description-summary"]').getText(), /^13 sections, 0 written by you, \d+ facts missing/);
    assert.match(await app.$('[data-testid="section-procedures"]').getText(), /Restore test|restore test/i);
    await app.$('[data-testid="edit-services"]').click();
    await type(app, 'text-services', 'We run the Calendar Co scheduling service.');
    await app.$('[data-testid="save-services"]').click();
    await app.$('[data-testid="edited-services"]').waitForExist();
    assert.equal(await app.$('[data-testid="edited-services"]').getText(), 'Your text, version 1');
    await app.$('[data-testid="section-services"]').scrollIntoView();
    await harness.shot('calendar-description');
    await app.$('[data-testid="edit-services"]').click();
    await app.$('[data-testid="revert-services"]').click();
    await app.waitUntil(async () => !(await app.$('[data-testid="edited-services"]').isExisting()), { timeoutMsg: 'back to the draft' });
    await app.deleteSession();
  } finally {
    await harness.stop();
  }
});
