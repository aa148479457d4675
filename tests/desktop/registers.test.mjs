// The registers in the real app: a vendor added with a date that cannot be, the field's error seen, fixed, found by search and archived; a leaver in the people register named; the CLI sees the same register.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { checkAccessibility } from './axe.mjs';
import { startHarness } from './harness.mjs';

const desktop = process.env.SOC2_DESKTOP_BIN;
const cli = process.env.SOC2_CLI_BIN;
assert.ok(desktop && cli, 'set SOC2_DESKTOP_BIN and SOC2_CLI_BIN (./dev test does)');

test('a vendor is added, its bad date refused by name, fixed, found and archived', async () => {
  let made;
  const harness = await startHarness({
    prepare: (db) => {
      const soc2 = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' }).trim();
      const id = soc2('new', 'Harbor Analytics', '--depth', 'full');
      soc2('vendors', id, 'add', '--name', 'Mailer', '--service', 'email delivery', '--criticality', 'low', '--owner', 'Ana');
      made = { id, soc2 };
    },
  });
  try {
    const app = await harness.launch(desktop);
    await app.setWindowSize(1280, 800);
    await app.$('[data-testid="open-assessment"]').waitForExist();
    await app.$('[data-testid="open-assessment"]').click();
    await app.$('[data-testid="tab-registers"]').waitForExist();
    await app.$('[data-testid="tab-registers"]').click();
    await app.$('[data-testid="register-table"]').waitForExist();
    assert.match(await app.$('[data-testid="register-table"]').getText(), /Mailer/, 'the vendor the CLI added');
    assert.equal(await app.$('[data-testid="registers"] h1').getText(), 'Registers');
    await checkAccessibility(app, 'registers');

    // A last review in the future cannot be: the form names the field and keeps what was typed.
    await app.$('[data-testid="register-add"]').click();
    await app.$('[data-testid="entry-form"]').waitForExist();
    await app.$('[data-testid="field-name"]').setValue('Cloudhost');
    await app.$('[data-testid="field-service"]').setValue('hosting');
    await app.$('[data-testid="field-criticality"]').selectByAttribute('value', 'critical');
    await app.$('[data-testid="field-owner"]').setValue('Sam');
    await app.$('[data-testid="field-last_review"]').setValue('2099-01-01');
    await app.$('[data-testid="entry-save"]').click();
    await app.$('[data-testid="field-error"]').waitForExist();
    assert.match(await app.$('[data-testid="field-error"]').getText(), /in the future/);
    assert.equal(await app.$('[data-testid="field-last_review"]').getAttribute('aria-invalid'), 'true');
    await harness.shot('registers-field-error');

    await app.$('[data-testid="field-last_review"]').setValue('15 Jan 2026');
    await app.$('[data-testid="entry-save"]').click();
    await app.$('[data-testid="entry-form"]').waitForExist({ reverse: true });
    await app.waitUntil(async () => (await app.$$('[data-testid="register-row"]')).length === 2, { timeoutMsg: 'two vendors listed' });

    // Found by search, with what a consultant would raise about it.
    await app.$('[data-testid="register-search"]').setValue('cloud');
    await app.waitUntil(async () => (await app.$$('[data-testid="register-row"]')).length === 1, { timeoutMsg: 'the search keeps one' });
    const row = await app.$('[data-testid="register-row"]').getText();
    assert.match(row, /Cloudhost/);
    assert.match(row, /no SOC 2 or ISO 27001 report on file/);
    await harness.shot('registers-search');

    // Archived: out of the list, back with "Show archived", and its history kept.
    await app.$('[data-testid="register-row"] button').click();
    await app.$('[data-testid="entry-archive"]').waitForExist();
    await app.$('[data-testid="entry-archive"]').click();
    await app.$('[data-testid="register-empty"]').waitForExist();
    await app.$('[data-testid="register-show-archived"]').click();
    await app.waitUntil(async () => (await app.$$('[data-testid="register-row"]')).length === 1, { timeoutMsg: 'the archived vendor shown' });
    await app.$('[data-testid="register-row"] button').click();
    await app.$('[data-testid="entry-history"]').click();
    await app.$('[data-testid="history-list"]').waitForExist();
    assert.match(await app.$('[data-testid="history-list"]').getText(), /added[\s\S]*archived/);
    await app.execute(`document.querySelector('[data-testid="history-list"]').scrollIntoView({ block: 'center' })`);
    await harness.shot('registers-history');

    // People: a leaver whose access removal nobody recorded is named in the list, with the
    // training status beside them.
    await app.execute('window.scrollTo(0, 0)');
    await app.$('[data-testid="register-people"]').click();
    await app.$('[data-testid="register-empty"]').waitForExist();
    await app.$('[data-testid="register-add"]').click();
    await app.$('[data-testid="entry-form"]').waitForExist();
    await app.$('[data-testid="field-name"]').setValue('Sam Leaver');
    await app.$('[data-testid="field-role"]').setValue('Engineer');
    await app.$('[data-testid="field-kind"]').selectByAttribute('value', 'employee');
    await app.$('[data-testid="field-start"]').setValue('6 Jan 2025');
    await app.$('[data-testid="field-end"]').setValue('2026-10-30');
    await app.$('[data-testid="field-training"]').selectByAttribute('value', 'completed');
    await app.$('[data-testid="field-trained_on"]').setValue('2025-01-20');
    await app.$('[data-testid="field-policies_acknowledged"]').setValue('2025-01-07');
    await app.$('[data-testid="entry-save"]').click();
    await app.$('[data-testid="entry-form"]').waitForExist({ reverse: true });
    await app.waitUntil(async () => /no removal of their access is recorded/.test(await app.$('[data-testid="register-table"]').getText()), { timeoutMsg: 'the leaver named' });
    await harness.shot('registers-people');
    await checkAccessibility(app, 'registers: people');
    await app.deleteSession();

    const listed = JSON.parse(made.soc2('vendors', made.id, 'list', '--json', '--archived'));
    const cloudhost = listed.find((v) => v.record.name === 'Cloudhost');
    assert.ok(cloudhost?.archived_at, 'the CLI sees it archived');
    assert.equal(cloudhost.record.last_review, '2026-01-15');
  } finally {
    await harness.stop();
  }
});
