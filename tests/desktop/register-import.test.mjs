// A register imported from another tool's CSV in the real app: an HR export with a bad row previewed (named by line, nothing kept), its columns mapped, fixed and imported whole; then a pull-request export into the change register, whose unapproved change the CLI also sees.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkAccessibility } from './axe.mjs';
import { startHarness } from './harness.mjs';

const desktop = process.env.SOC2_DESKTOP_BIN;
const cli = process.env.SOC2_CLI_BIN;
assert.ok(desktop && cli, 'set SOC2_DESKTOP_BIN and SOC2_CLI_BIN (./dev test does)');

const STAFF = [
  'Employee Name,Job Title,Type,Start Date,Leaving Date',
  'Ana Kowalska,Engineer,employee,2025-01-06,',
  'Sam Lee,Support,employee,31 Feb 2026,',
  '"Lee, Jo",Design,contractor,2025-03-01,2026-10-30',
].join('\n');

const PULLS = ['Number,Title,Author,Approved by,Merged at', '101,Add audit log export,ben,cara,2026-02-03T12:12:44Z', '102,Bump dependencies,ben,,2026-02-10T12:40:00Z'].join('\n');

test('an HR export is previewed with its bad row, mapped, fixed and imported; a pull-request export fills the change register', async () => {
  let made;
  const harness = await startHarness({
    prepare: (db) => {
      const soc2 = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' }).trim();
      made = { id: soc2('new', 'Harbor Analytics', '--depth', 'full'), soc2 };
    },
  });
  const staff = join(harness.dataDir, 'staff.csv');
  const pulls = join(harness.dataDir, 'pulls.csv');
  writeFileSync(staff, STAFF);
  writeFileSync(pulls, PULLS);
  try {
    const app = await harness.launch(desktop);
    await app.setWindowSize(1280, 800);
    await app.$('[data-testid="open-assessment"]').waitForExist();
    await app.$('[data-testid="open-assessment"]').click();
    await app.$('[data-testid="tab-registers"]').waitForExist();
    await app.$('[data-testid="tab-registers"]').click();
    await app.$('[data-testid="register-people"]').waitForExist();
    await app.$('[data-testid="register-people"]').click();
    await app.$('[data-testid="register-import-open"]').click();
    await app.$('[data-testid="register-import-path"]').setValue(staff);
    await app.$('[data-testid="register-import-read"]').click();

    // No heading is a field's own name: every required field is named, and nothing can be kept.
    await app.$('[data-testid="register-import-problems"]').waitForExist();
    assert.match(await app.$('[data-testid="register-import-problems"]').getText(), /Line 1, Name: required/);
    assert.equal(await app.$('[data-testid="register-import-keep"]').isEnabled(), false);
    for (const [column, field] of [['Employee Name', 'name'], ['Job Title', 'role'], ['Type', 'kind'], ['Start Date', 'start'], ['Leaving Date', 'end']]) {
      await app.$(`[data-testid="register-map-${column}"]`).selectByAttribute('value', field);
    }
    await app.waitUntil(async () => /Line 3, Start: '31 Feb 2026' is not a date/.test(await app.$('[data-testid="register-import-problems"]').getText()), { timeoutMsg: 'the bad row named by line' });
    assert.doesNotMatch(await app.$('[data-testid="register-import-problems"]').getText(), /Line 1/);
    await harness.shot('register-import-problems');
    await checkAccessibility(app, 'registers: import with problems');
    assert.equal(JSON.parse(made.soc2('people', made.id, 'list', '--json')).length, 0, 'nothing kept yet');

    // The file fixed where it lies and read again with the same columns.
    writeFileSync(staff, STAFF.replace('31 Feb 2026', '2026-02-28'));
    await app.$('[data-testid="register-import-reread"]').click();
    await app.$('[data-testid="register-import-summary"]').waitForExist();
    assert.match(await app.$('[data-testid="register-import-summary"]').getText(), /3 rows read, all sound: 3 new/);
    await app.$('[data-testid="register-import-keep"]').click();
    await app.$('[data-testid="register-imported"]').waitForExist();
    assert.match(await app.$('[data-testid="register-imported"]').getText(), /Imported 3 rows into People: 3 new/);
    await app.waitUntil(async () => (await app.$$('[data-testid="register-row"]')).length === 3, { timeoutMsg: 'three people listed' });
    assert.match(await app.$('[data-testid="register-table"]').getText(), /Lee, Jo/);
    await harness.shot('register-import-done');

    // Changes: the headings the export has, mapped, and the unapproved one named at once.
    await app.$('[data-testid="register-changes"]').click();
    await app.$('[data-testid="register-import-open"]').click();
    await app.$('[data-testid="register-import-path"]').setValue(pulls);
    await app.$('[data-testid="register-import-read"]').click();
    await app.$('[data-testid="register-import-mapping"]').waitForExist();
    for (const [column, field] of [['Number', 'reference'], ['Approved by', 'approved_by'], ['Merged at', 'released_on']]) {
      await app.$(`[data-testid="register-map-${column}"]`).selectByAttribute('value', field);
    }
    await app.$('[data-testid="register-import-summary"]').waitForExist();
    await app.$('[data-testid="register-import-keep"]').click();
    await app.$('[data-testid="register-imported"]').waitForExist();
    await app.waitUntil(async () => /with no approval recorded/.test(await app.$('[data-testid="register-table"]').getText()), { timeoutMsg: 'the unapproved change named' });
    await harness.shot('register-changes');
    await checkAccessibility(app, 'registers: changes');
    await app.deleteSession();

    const changes = JSON.parse(made.soc2('changes', made.id, 'list', '--json'));
    assert.deepEqual(changes.map((c) => [c.record.reference, c.record.released_on]).sort(), [['101', '2026-02-03'], ['102', '2026-02-10']]);
    const people = JSON.parse(made.soc2('people', made.id, 'list', '--json'));
    assert.equal(people.find((p) => p.record.name === 'Sam Lee').record.start, '2026-02-28');
  } finally {
    await harness.stop();
  }
});
