// The trust page in the real app: a scenario company's page previewed with what is held back and why, a claim held back, a refused contact under its field, axe on the screen; then the exported HTML opened on its own: no request made, no serious accessibility violation.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkAccessibility } from './axe.mjs';
import { Key, press, startHarness } from './harness.mjs';

const desktop = process.env.SOC2_DESKTOP_BIN;
const cli = process.env.SOC2_CLI_BIN;
assert.ok(desktop && cli, 'set SOC2_DESKTOP_BIN and SOC2_CLI_BIN (./dev test does)');
const scenario = new URL('../fixtures/scenarios/F-harbor-payroll.json', import.meta.url).pathname;

test('the trust page is previewed, chosen and exported as a page that fetches nothing', async () => {
  let made;
  const harness = await startHarness({
    prepare: (db) => {
      const soc2 = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' }).trim();
      const id = soc2('import', scenario);
      soc2('vendors', id, 'add', '--name', 'Amazon Web Services', '--service', 'Cloud hosting', '--criticality', 'critical', '--owner', 'CTO', '--personal_data', 'yes', '--location', 'EU (Frankfurt)');
      soc2('policies', id, 'add', '--title', 'Information security policy', '--version', '2.1', '--owner', 'CTO', '--approved-by', 'CEO', '--approved-on', '2026-03-01', '--next-review', '2027-03-01');
      made = { id, soc2, db };
    },
  });
  try {
    const app = await harness.launch(desktop);
    await app.setWindowSize(1280, 800);
    await app.$('[data-testid="open-assessment"]').waitForExist();
    await app.$('[data-testid="open-assessment"]').click();
    await app.$('[data-testid="tab-trust"]').waitForExist();
    // T opens it from the questionnaire, as the other tabs' letters do.
    await app.$('body').click();
    await press(app, 't');
    await app.$('[data-testid="trust-page"]').waitForExist();
    const preview = () => app.execute(`return document.querySelector('[data-testid="trust-preview"]').shadowRoot.textContent`);
    await app.waitUntil(async () => /security overview/.test(await preview()), { timeoutMsg: 'the preview drawn' });
    const shown = await preview();
    assert.match(shown, /Harbor Payroll: security overview/);
    assert.match(shown, /Amazon Web Services/);
    assert.match(shown, /Information security policy/);
    // The known exception on admin MFA keeps that claim off the page and says why beside it.
    assert.doesNotMatch(shown, /Administrative access to production/);
    assert.match(await app.$('[data-testid="trust-held"]').getText(), /Administrative access to production[\s\S]*Legacy AWS IAM console users/);
    await harness.shot('trust-page');
    await checkAccessibility(app, 'trust page');

    // The export choices open under their button with the mouse, and a press elsewhere closes them.
    await app.$('[data-testid="export-menu"]').click();
    await app.$('[data-testid="export-pdf"]').waitForDisplayed();
    await checkAccessibility(app, 'trust page, export choices open');
    await app.$('h1').click();
    await app.$('[data-testid="export-pdf"]').waitForExist({ reverse: true });

    // Held back by the company: off the preview, kept for the CLI.
    const claim = app.$('[data-testid="claim-crypto.at-rest"]');
    assert.equal(await claim.isSelected(), true);
    await claim.click();
    await app.waitUntil(async () => !/encrypted at rest/.test(await preview()), { timeoutMsg: 'the claim comes off the preview' });

    // A contact that is no address is refused under its field, and nothing is kept.
    await app.$('[data-testid="trust-contact"]').setValue('security at harbor');
    await app.keys(Key.Tab);
    await app.$('[data-testid="trust-contact-error"]').waitForExist();
    assert.match(await app.$('[data-testid="trust-contact-error"]').getText(), /email address/);
    await harness.shot('trust-contact-refused');
    await app.$('[data-testid="trust-contact"]').setValue('security@harbor.example');
    await app.keys(Key.Tab);
    await app.$('[data-testid="trust-contact-error"]').waitForExist({ reverse: true });
    await app.waitUntil(async () => /security@harbor\.example/.test(await preview()), { timeoutMsg: 'the contact shown' });

    const page = JSON.parse(made.soc2('trust', made.id, '--json'));
    assert.ok(page.claims.some((c) => c.question_id === 'crypto.at-rest' && !c.published && c.reason === 'you chose not to publish it'));
    assert.equal(page.contact, 'security@harbor.example');

    // The exported page on its own, in the same engine a browser has: nothing fetched.
    const out = mkdtempSync(join(tmpdir(), 'soc2-trust-'));
    made.soc2('trust', made.id, '--html', join(out, 'trust.html'));
    await app.url(`file://${join(out, 'trust.html')}`);
    await app.waitUntil(async () => /security overview/.test(await app.execute('return document.title')), { timeoutMsg: 'the exported page opened' });
    const requests = await app.execute(`return performance.getEntriesByType('resource').map((e) => e.name)`);
    assert.deepEqual(requests, [], 'the page makes no request');
    assert.equal(await app.execute('return document.scripts.length'), 0);
    await harness.shot('trust-exported-page');
    await checkAccessibility(app, 'exported trust page');
    await app.deleteSession();
  } finally {
    await harness.stop();
  }
});
