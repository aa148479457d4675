// Samples and the people register's limits in the real app: the period's leavers with the ones to test, a sampled leaver's test recorded from Calendar → Samples and kept in the check log, and the company's own removal limit set in Registers → People, clearing a finding that the usual one raised.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { checkAccessibility } from './axe.mjs';
import { startHarness } from './harness.mjs';

const desktop = process.env.SOC2_DESKTOP_BIN;
const cli = process.env.SOC2_CLI_BIN;
assert.ok(desktop && cli, 'set SOC2_DESKTOP_BIN and SOC2_CLI_BIN (./dev test does)');

const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const daysAgo = (n) => {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return iso(d);
};

let id;
let soc2;

/** A Type II whose observation period began 60 days ago; three leavers inside it, one whose access went 5 days after leaving. */
function prepare(db) {
  soc2 = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' }).trim();
  id = soc2('new', 'Juniper Health', '--depth', 'full', '--report-type', 'type2');
  soc2('answer', id, 'scope.observation-start', daysAgo(60));
  soc2('answer', id, 'scope.observation-period', '6-months');
  for (const [name, left, removed] of [['Sam Leaver', 40, 40], ['Ana Leaver', 30, 25], ['Rui Leaver', 20, 20]]) {
    soc2('people', id, 'add', '--name', name, '--role', 'Engineer', '--kind', 'employee', '--start', '2024-01-08', '--end', daysAgo(left),
      '--access-removed', daysAgo(removed), '--training', 'completed', '--trained-on', '2024-01-10', '--policies-acknowledged', '2024-01-09');
  }
  soc2('adopt', id, 'leaver-check', '--owner', 'Dana', '--start', daysAgo(50));
  return id;
}

async function type(app, testid, value) {
  await app.$(`[data-testid="${testid}"]`).waitForExist();
  await app.execute(
    (selector, text) => {
      const input = document.querySelector(selector);
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    `[data-testid="${testid}"]`,
    value,
  );
}

test('a sampled leaver is tested from the calendar and the removal limit is the company own', async () => {
  const harness = await startHarness({ prepare });
  try {
    const app = await harness.launch(desktop);
    await app.setWindowSize(1280, 800);
    await app.$('[data-testid="open-assessment"]').waitForExist();
    await app.$('[data-testid="open-assessment"]').click();
    await app.$('[data-testid="tab-calendar"]').waitForExist();
    await app.$('[data-testid="tab-calendar"]').click();
    await app.$('[data-testid="samples-start"]').waitForExist();
    await app.$('[data-testid="samples-start"]').click();

    const leavers = await app.$('[data-testid="population-leavers"]');
    await leavers.waitForExist();
    assert.match(await leavers.getText(), /Leavers: 3 in the period, 2 to test/);
    const rows = await leavers.$$('[data-testid="sample-row"]');
    assert.equal(rows.length, 2);
    await rows[0].$('[data-testid="sample-pass"]').click();
    await type(app, 'sample-by', 'Priya');
    await type(app, 'sample-evidence', 'OFF-112');
    await harness.shot('samples-form');
    await app.$('[data-testid="sample-save"]').click();
    await app.waitUntil(async () => /1 tested/.test(await app.$('[data-testid="population-leavers"]').getText()), { timeout: 5000 });
    assert.match(await app.$('[data-testid="population-leavers"]').getText(), /Passed \d{1,2} \w{3} \d{4} by Priya/);
    await harness.shot('samples-recorded');
    await checkAccessibility(app, 'samples');
    const log = JSON.parse(soc2('checks', id, '--json'));
    assert.equal(log.length, 1);
    assert.equal(log[0].sample.population, 'leavers');
    assert.equal(log[0].evidence, 'OFF-112');

    // Ana's access went 5 days after she left: late against the usual 3, within the company's 7.
    await app.$('[data-testid="tab-registers"]').click();
    await app.$('[data-testid="register-people"]').waitForExist();
    await app.$('[data-testid="register-people"]').click();
    await app.$('[data-testid="people-limits"]').waitForExist();
    const table = await app.$('[data-testid="register-table"]');
    await table.waitForExist();
    await app.waitUntil(async () => /the limit is 3/.test(await table.getText()), { timeout: 5000 });
    await type(app, 'limit-access_removal_days', '45');
    await app.$('[data-testid="limits-save"]').click();
    await app.$('[data-testid="limit-access_removal_days-error"]').waitForExist();
    assert.equal(await app.$('[data-testid="limit-access_removal_days-error"]').getText(), '45 days is more than the 30 allowed');
    await type(app, 'limit-access_removal_days', '7');
    await app.$('[data-testid="limits-save"]').click();
    await app.waitUntil(async () => (await app.$('[data-testid="limits-whose"]').getText()) === 'Your limits.', { timeout: 5000 });
    await app.waitUntil(async () => !/the limit is/.test(await app.$('[data-testid="register-table"]').getText()), { timeout: 5000 });
    await harness.shot('people-limits');
    await checkAccessibility(app, 'people limits');
    assert.equal(JSON.parse(soc2('people', id, 'limits', '--json')).limits.access_removal_days, 7);
  } finally {
    await harness.stop();
  }
});
