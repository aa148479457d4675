// A data file protected with a passphrase as a user meets it: asked for at start, a wrong one said and retried, and the protection changed and removed in Settings.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { after, test } from 'node:test';
import { checkAccessibility } from './axe.mjs';
import { startHarness } from './harness.mjs';

const desktop = process.env.SOC2_DESKTOP_BIN;
const cli = process.env.SOC2_CLI_BIN;
assert.ok(desktop && cli, 'set SOC2_DESKTOP_BIN and SOC2_CLI_BIN (./dev test does)');

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

let harness;
after(async () => {
  await harness?.stop();
});

/** Types `passphrase` into the open passphrase dialog (and again, when it asks twice) and submits it. */
async function answer(app, passphrase) {
  const dialog = await app.$('[data-testid="passphrase-dialog"]');
  await dialog.waitForExist();
  const field = await app.$('[data-testid="passphrase"]');
  await field.clearValue();
  await field.setValue(passphrase);
  const again = await app.$('[data-testid="passphrase-again"]');
  if (await again.isExisting()) {
    await again.clearValue();
    await again.setValue(passphrase);
  }
  await app.$('[data-testid="passphrase-submit"]').click();
}

test('a protected file asks for its passphrase, says when it is wrong, and opens with the right one', async () => {
  let before;
  harness = await startHarness({
    prepare: (db) => {
      execFileSync(cli, ['--db', db, 'new', 'Locked Ltd']);
      execFileSync(cli, ['--db', db, 'protect'], { env: { ...process.env, SOC2_DB_PASSPHRASE: 'first secret' } });
      before = sha256(db);
    },
  });
  const app = await harness.launch(desktop);
  await app.$('[data-testid="passphrase-dialog"]').waitForExist();
  // Waiting for a passphrase is how a protected file starts, not a failure: it says what to do first.
  const start = await app.$('[data-testid="startup-error"]');
  assert.match(await start.getText(), /Enter its passphrase to open it/);
  assert.doesNotMatch(await start.getText(), /Nothing was changed/);
  assert.equal(await start.getAttribute('role'), 'status');
  await harness.shot('protected-asked');
  await checkAccessibility(app, 'startup: the passphrase of a protected data file');

  await answer(app, 'not the secret');
  const problem = await app.$('[data-testid="passphrase-problem"]');
  await problem.waitForExist();
  assert.match(await problem.getText(), /passphrase does not open/);
  await harness.shot('protected-wrong');
  assert.equal(sha256(harness.db), before, 'a wrong passphrase changes no byte');

  await answer(app, 'first secret');
  await app.$('[data-testid="assessment-table"]').waitForExist();
  assert.match(await app.$('[data-testid="assessment-table"]').getText(), /Locked Ltd/);

  // Settings: the passphrase changed, then the protection removed.
  await app.$('[data-testid="nav-settings"]').click();
  await app.$('[data-testid="protected-note"]').waitForExist();
  await app.$('[data-testid="change-passphrase"]').click();
  await answer(app, 'first secret');
  await answer(app, 'second secret');
  await app.$('[data-testid="protection-done"]').waitForExist();
  await harness.shot('protected-changed');
  const refused = execFileSync(cli, ['--db', harness.db, 'list'], { env: { ...process.env, SOC2_DB_PASSPHRASE: 'second secret' }, encoding: 'utf8' });
  assert.match(refused, /Locked Ltd/, 'the CLI opens it with the new passphrase');

  await app.$('[data-testid="unprotect-data-file"]').click();
  await answer(app, 'second secret');
  await app.$('[data-testid="protect-data-file"]').waitForExist();
  assert.equal(readFileSync(harness.db).subarray(0, 15).toString(), 'SQLite format 3', 'plain again');
  await app.deleteSession();
});
