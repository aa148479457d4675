// Runs axe-core inside the app's page over WebDriver and fails on any accessibility violation, of any impact.
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every impact fails a test (issue 24: 0 violations of any impact on every screen); what axe
 * could not decide (a colour over an image, say) is printed and kept in the report. */
const BLOCKING = new Set(['minor', 'moderate', 'serious', 'critical']);

/**
 * Checks what is on screen now, named `screen` in messages. Every violation, blocking or not, is
 * appended as one JSON line to SOC2_AXE_REPORT when that is set, to compare runs screen by screen.
 */
export async function checkAccessibility(browser, screen, { include } = {}) {
  // The page may have been reloaded since the last check; axe lives on `window`, so it is
  // injected again whenever it is missing.
  if (!(await browser.execute('return typeof window.axe === "object"'))) await browser.execute(axeSource);
  const violations = await browser.execute(
    `return axe.run(arguments[0] ? { include: [arguments[0]] } : document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), impact: n.impact, summary: n.failureSummary })),
    })).concat(r.incomplete.filter((v) => v.id === 'color-contrast').map((v) => ({ id: 'color-contrast, incomplete', impact: 'needs review', help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.join(' ') })) }))))`,
    include ?? null,
  );
  if (process.env.SOC2_AXE_REPORT) {
    appendFileSync(process.env.SOC2_AXE_REPORT, `${JSON.stringify({ screen, violations: violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length })) })}\n`);
  }
  const blocking = violations.filter((v) => BLOCKING.has(v.impact));
  const lines = blocking.flatMap((v) => [
    `  ${v.id} (${v.impact}) on ${v.nodes.length} elements: ${v.help}`,
    // One line per distinct finding (a colour pair, say), not one per element.
    ...[...new Set(v.nodes.map((n) => n.summary.replace(/\s+/g, ' ')))].slice(0, 5).map((summary) => `    why: ${summary}`),
    ...v.nodes.slice(0, 5).map((n) => `    ${n.target}`),
    ...(v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : []),
  ]);
  for (const v of violations.filter((v) => !BLOCKING.has(v.impact))) console.log(`# ${screen}: ${v.id} (${v.impact}) on ${v.nodes.length} elements, not blocking: ${v.nodes.slice(0, 3).map((n) => n.target).join(', ')}`);
  assert.equal(blocking.length, 0, `${screen}: ${blocking.length} accessibility violations\n${lines.join('\n')}`);
}
