// A damaged data file as a user meets it: the app still starts, names the file, and restores a backup.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { after, test } from 'node:test';
import { checkAccessibility } from './axe.mjs';
import { startHarness } from './harness.mjs';

const desktop = process.env.SOC2_DESKTOP_BIN;
const cli = process.env.SOC2_CLI_BIN;
assert.ok(desktop && cli, 'set SOC2_DESKTOP_BIN and SOC2_CLI_BIN (./dev test does)');

let harness;
after(async () => {
  await harness?.stop();
});

test('a damaged file is named, left alone, and a backup brings the work back', async () => {
  harness = await startHarness({
    prepare: (db) => {
      execFileSync(cli, ['--db', db, 'new', 'Kept Ltd']);
      execFileSync(cli, ['--db', db, 'backup']);
      writeFileSync(db, Buffer.alloc(8192, 0x5a)); // the laptop died mid-write, say
    },
  });
  const app = await harness.launch(desktop);
  const screen = await app.$('[data-testid="startup-error"]').getText();
  assert.ok(screen.includes(harness.db), screen);
  assert.match(screen, /not a database|damaged/);
  await checkAccessibility(app, 'startup: the data file could not be opened');
  await app.$('[data-testid="backups"] button').click();
  await app.$('[role="dialog"]').waitForExist();
  await checkAccessibility(app, 'startup: the restore dialog');
  await app.$('[role="dialog"] .primary').click();
  await app.$('[data-testid="assessment-table"]').waitForExist();
  assert.match(await app.$('[data-testid="assessment-table"]').getText(), /Kept Ltd/);
  const kept = readdirSync(dirname(harness.db)).filter((name) => name.includes('.replaced-'));
  assert.equal(kept.length, 1, `the damaged file is kept aside: ${kept}`);
  await app.deleteSession();
});
