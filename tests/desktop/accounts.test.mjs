// Account exports in the real app: a scenario company's AWS credential report read by its path, previewed with what it finds, kept with its day, and its leaver and shared key shown as "Fix now" with their rows; the engine's gap register agrees; axe on the screen.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkAccessibility } from './axe.mjs';
import { press, startHarness } from './harness.mjs';

const desktop = process.env.SOC2_DESKTOP_BIN;
const cli = process.env.SOC2_CLI_BIN;
assert.ok(desktop && cli, 'set SOC2_DESKTOP_BIN and SOC2_CLI_BIN (./dev test does)');
const scenario = new URL('../fixtures/scenarios/E-lumenform.json', import.meta.url).pathname;

const REPORT = `user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated
<root_account>,arn:aws:iam::111:root,2022-01-01T00:00:00+00:00,not_supported,2026-09-01T10:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
ana.ruiz,arn:aws:iam::111:user/ana.ruiz,2024-01-02T00:00:00+00:00,true,2026-11-28T09:00:00+00:00,N/A,N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
ben.okafor,arn:aws:iam::111:user/ben.okafor,2024-01-02T00:00:00+00:00,true,2026-11-20T09:00:00+00:00,N/A,N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
deploy,arn:aws:iam::111:user/deploy,2024-01-02T00:00:00+00:00,false,N/A,N/A,N/A,false,true,2026-01-10T00:00:00+00:00,2026-11-29T00:00:00+00:00,eu-west-1,ecr,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
`;

test('a credential report is read, previewed, kept, and its exposures shown with their rows', async () => {
  let made;
  const dir = mkdtempSync(join(tmpdir(), 'soc2-accounts-'));
  const report = join(dir, 'credential-report.csv');
  writeFileSync(report, REPORT);
  const harness = await startHarness({
    prepare: (db) => {
      const soc2 = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' }).trim();
      const id = soc2('import', scenario);
      soc2('people', id, 'add', '--name', 'Ana Ruiz', '--role', 'CTO', '--kind', 'employee', '--start', '2024-01-02', '--accounts', 'deploy');
      soc2('people', id, 'add', '--name', 'Ben Okafor', '--role', 'Engineer', '--kind', 'employee', '--start', '2024-01-02', '--end', '2026-10-01', '--access-removed', '2026-10-02');
      soc2('people', id, 'add', '--name', 'Chen Wu', '--role', 'Contractor', '--kind', 'contractor', '--start', '2025-01-02', '--agreement', 'yes', '--accounts', 'deploy');
      made = { id, soc2 };
    },
  });
  try {
    const app = await harness.launch(desktop);
    await app.setWindowSize(1280, 800);
    await app.$('[data-testid="open-assessment"]').waitForExist();
    await app.$('[data-testid="open-assessment"]').click();
    await app.$('[data-testid="tab-registers"]').waitForExist();
    // A opens the registers at their Accounts tab, from anywhere but a text box.
    await app.$('body').click();
    await press(app, 'a');
    await app.$('[data-testid="accounts-none"]').waitForExist();

    await app.$('[data-testid="accounts-path"]').setValue(report);
    await app.$('[data-testid="accounts-read"]').click();
    await app.$('[data-testid="accounts-recognised"]').waitForExist();
    assert.match(await app.$('[data-testid="accounts-recognised"]').getText(), /AWS IAM credential report, 4 accounts/);
    assert.match(await app.$('[data-testid="accounts-drop"]').getText(), /1 leaver account still active/);
    await app.$('[data-testid="accounts-system"]').setValue('AWS production');
    await app.$('[data-testid="accounts-taken"]').setValue('30 Nov 2026');
    await app.keys('Tab');
    // The preview is read again as of the day given.
    await app.waitUntil(async () => /export of 30 Nov 2026/.test(await app.$('[data-testid="accounts-drop"]').getText()), { timeoutMsg: 'the preview as of 30 Nov' });
    await harness.shot('accounts-preview');
    await checkAccessibility(app, 'accounts: a report previewed');
    await app.$('[data-testid="accounts-keep"]').click();
    await app.$('[data-testid="accounts-kept"]').waitForExist();
    assert.equal(await app.$('[data-testid="tab-accounts"]').getAttribute('aria-selected'), 'true');
    assert.match(await app.$('[data-testid="accounts-kept"]').getText(), /Kept 4 accounts from credential-report\.csv \(AWS production, taken 30 Nov 2026\): 3 findings/);

    const findings = await app.$('[data-testid="accounts-findings"]').getText();
    assert.match(findings, /Fix now[\s\S]*1 leaver account still active[\s\S]*ben\.okafor[\s\S]*60 days before the export; used on 20 Nov 2026, after leaving/);
    assert.match(findings, /Fix now[\s\S]*1 shared or generic account[\s\S]*deploy[\s\S]*listed by Ana Ruiz and Chen Wu/);
    assert.match(findings, /1 access key not rotated for longer than the default 90-day limit/);
    assert.match(await app.$('[data-testid="accounts-imports"]').getText(), /AWS production[\s\S]*credential-report\.csv[\s\S]*30 Nov 2026[\s\S]*Latest/);
    await harness.shot('accounts-findings');
    await checkAccessibility(app, 'accounts: findings');

    // The engine judges the gaps with the export: the register said Ben's access went; it did not.
    const gaps = JSON.parse(made.soc2('gaps', made.id, '--json')).gaps;
    const leaver = gaps.find((g) => g.question_id === 'access.deprovisioning');
    assert.equal(leaver.priority, 'fix_now');
    assert.ok(leaver.findings.some((f) => f.source === 'accounts' && /line 4/.test(f.detail)));
  } finally {
    await harness.stop();
  }
});
