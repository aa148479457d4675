// A re-assessment in the real app: its change since the baseline on the dashboard, the trend, the compare view from the dashboard and from the list, light and dark.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { checkAccessibility } from './axe.mjs';
import { press, startHarness } from './harness.mjs';

const desktop = process.env.SOC2_DESKTOP_BIN;
const cli = process.env.SOC2_CLI_BIN;
assert.ok(desktop && cli, 'set SOC2_DESKTOP_BIN and SOC2_CLI_BIN (./dev test does)');

const pct = (value) => (value === null ? '–' : `${value.toFixed(1)}%`);
/** As the app and the CLI print a change: "+6.2 pts", "−3.0 pts". */
const points = ({ before, after }) => {
  const d = Math.round((after - before) * 10) / 10;
  return Math.abs(d) < 0.05 ? '±0.0 pts' : `${d > 0 ? '+' : '−'}${Math.abs(d).toFixed(1)} pts`;
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const day = (iso) => {
  const d = new Date(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};

/** A first assessment and a re-assessment a quarter's work later, written by the CLI. */
function prepare(db) {
  const soc2 = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' }).trim();
  const first = soc2('new', 'Harbor Analytics', '--depth', 'full', '--report-type', 'type2');
  for (const [question, level] of [['access.sso-mfa', '2'], ['access.admin-mfa', '4'], ['access.deprovisioning', '0'], ['risk.register', '2'], ['gov.code-of-conduct', '4']]) {
    soc2('answer', first, question, level);
  }
  const second = soc2('duplicate', first);
  for (const [question, level] of [['access.sso-mfa', '4'], ['access.deprovisioning', '3'], ['access.admin-mfa', '2'], ['risk.register', '1'], ['gov.security-owner', '4']]) {
    soc2('answer', second, question, level);
  }
  return { first, second, comparison: JSON.parse(soc2('compare', second, '--json')) };
}

async function tour(t, theme) {
  let made;
  const harness = await startHarness({
    prepare: (db) => (made = prepare(db)),
    env: theme === 'dark' ? { GTK_THEME: 'Adwaita:dark' } : {},
  });
  const check = (app, screen) => t.test(`${theme}: ${screen}`, () => checkAccessibility(app, `${theme}: ${screen}`));
  try {
    const { first, second, comparison } = made;
    const app = await harness.launch(desktop);
    await app.setWindowSize(1280, 800);
    await app.$('[data-testid="assessment-table"]').waitForExist();
    await app.waitUntil(async () => (await app.$$('[data-testid="open-assessment"]')).length === 2, { timeoutMsg: 'both assessments listed' });

    // The re-assessment's dashboard: its change since the baseline and the trend of both.
    await app.execute(
      `[...document.querySelectorAll('tr')].find((r) => r.textContent.includes('Re-assessment')).querySelector('[data-testid="open-assessment"]').click()`,
    );
    await app.$('[data-testid="tab-dashboard"]').waitForExist();
    await app.$('[data-testid="tab-dashboard"]').click();
    await app.$('[data-testid="trend"]').waitForExist();
    const since = await app.$('[data-testid="since-baseline"]').getText();
    assert.match(since, new RegExp(`${points(comparison.overall.readiness).replace('+', '\\+')} since ${day(comparison.before.created_at)}`));
    const table = await app.$('[data-testid="trend-table"]').getHTML();
    for (const value of [comparison.overall.readiness.before, comparison.overall.readiness.after]) assert.ok(table.includes(pct(value)), `${pct(value)} in the trend`);
    await app.execute(`document.querySelector('[data-testid="trend"]').scrollIntoView({ block: 'center' })`);
    await harness.shot(`compare-${theme}-dashboard-trend`);
    await check(app, 'dashboard with the trend');

    // From the dashboard to the comparison with the baseline: the CLI's figures.
    await app.$('[data-testid="compare-baseline"]').click();
    await app.$('[data-testid="compare-overall"]').waitForExist();
    const headline = await app.$('[data-testid="compare-overall"] [data-testid="change-row"]').getText();
    for (const words of [pct(comparison.overall.readiness.before), pct(comparison.overall.readiness.after), points(comparison.overall.readiness)]) {
      assert.ok(headline.includes(words), `${words} in '${headline}'`);
    }
    const closed = await app.$('[data-testid="gaps-closed"] [data-testid="count"]').getText();
    assert.equal(Number(closed), comparison.gaps_closed.length);
    assert.equal(Number(await app.$('[data-testid="answers-changed"]').getText()), comparison.answers_changed.length);
    await app.execute('window.scrollTo(0, 0)');
    await harness.shot(`compare-${theme}-view`);
    await check(app, 'the compare view');
    await app.execute(`document.querySelector('[data-testid="gaps-closed"]').scrollIntoView({ block: 'start' })`);
    await harness.shot(`compare-${theme}-view-gaps`);
    // Back at the top: the sticky bar would cover the button otherwise.
    await app.execute('window.scrollTo(0, 0)');
    await app.$('[data-testid="compare-back"]').click();
    await app.$('[data-testid="trend"]').waitForExist();
    // V opens the same comparison from the keyboard.
    await app.execute('document.activeElement.blur()');
    await press(app, 'v');
    await app.$('[data-testid="compare-overall"]').waitForExist();
    await app.execute('window.scrollTo(0, 0)');
    await app.$('[data-testid="compare-back"]').click();
    await app.$('[data-testid="trend"]').waitForExist();

    // From the list: the baseline's own row, the re-assessment chosen.
    await app.$('[data-testid="nav-assessments"]').click();
    await app.$('[data-testid="assessment-table"]').waitForExist();
    await app.execute(
      `[...document.querySelectorAll('tr')].find((r) => r.textContent.includes('Harbor') && !r.textContent.includes('Re-assessment')).querySelector('[data-testid="compare-assessment"]').click()`,
    );
    await app.$('[data-testid="compare-with"]').waitForExist();
    await check(app, 'the compare dialog');
    await harness.shot(`compare-${theme}-dialog`);
    await app.$('[data-testid="compare-go"]').click();
    await app.$('[data-testid="compare-overall"]').waitForExist();
    assert.match(await app.$('[data-testid="compare-before"]').getText(), new RegExp(first));
    assert.match(await app.$('[data-testid="compare-after"]').getText(), new RegExp(second));
    await app.deleteSession();
  } finally {
    await harness.stop();
  }
}

test('a re-assessment is compared with its baseline, light', async (t) => tour(t, 'light'));
test('a re-assessment is compared with its baseline, dark', async (t) => tour(t, 'dark'));
