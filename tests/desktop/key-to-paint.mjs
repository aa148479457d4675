// Measures the workshop screen (not a test): key press to painted screen on a fully answered step 3, answering and moving.
// Run with `./dev measure` (release builds), or `node tests/desktop/key-to-paint.mjs` with SOC2_DESKTOP_BIN and SOC2_CLI_BIN set.
import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { startHarness } from './harness.mjs';

const desktop = process.env.SOC2_DESKTOP_BIN;
const cli = process.env.SOC2_CLI_BIN;
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];

/** Every category in scope, every control question answered: step 3 shows all its cards. */
function fullyAnswered(db) {
  const soc2 = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' }).trim();
  const id = soc2('new', 'Key Lag Ltd', '--report-type', 'type2');
  soc2('answer', id, 'scope.required-categories', 'availability,confidentiality,processing-integrity,privacy');
  const bank = JSON.parse(soc2('bank', '--json'));
  bank.questions.filter((q) => q.kind === 'control').forEach((q, i) => soc2('answer', id, q.id, String(i % 5)));
}

const harness = await startHarness({ prepare: fullyAnswered });
try {
  const app = await harness.launch(desktop);
  await app.setWindowSize(1280, 800);
  await app.$('[data-testid="open-assessment"]').click();
  await app.$('[data-testid="scope-question"]').waitForExist();
  await app.$('[data-testid="step-3"]').click();
  await app.$('[data-testid="question-card"]').waitForExist();
  await sleep(500);
  const cards = await app.execute('return document.querySelectorAll("[data-testid=question-card]").length');
  // The key goes through the app's own handler; the time runs until the chosen level is drawn
  // and one more frame has been painted.
  const answer = `
    return new Promise((done) => {
      const key = arguments[0];
      const card = document.querySelector('[data-testid="question-card"].selected') || document.querySelector('[data-testid="question-card"]');
      const id = card.getAttribute('data-card');
      const t0 = performance.now();
      window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      const check = () => {
        const chosen = document.querySelector('[data-card="' + id + '"] [aria-checked="true"]');
        if (chosen && chosen.getAttribute('data-level') === key) requestAnimationFrame(() => done(performance.now() - t0));
        else requestAnimationFrame(check);
      };
      check();
    });`;
  // Timed like an answer: until the newly selected card is drawn as selected, then one more
  // frame painted.
  const move = `
    return new Promise((done) => {
      const from = document.querySelector('[data-testid="question-card"].selected');
      const t0 = performance.now();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: arguments[0], bubbles: true }));
      const check = () => {
        const now = document.querySelector('[data-testid="question-card"].selected');
        if (now && now !== from) requestAnimationFrame(() => done(performance.now() - t0));
        else requestAnimationFrame(check);
      };
      check();
    });`;
  const fmt = (xs) => `median ${quantile(xs, 0.5).toFixed(1)} ms, 95th percentile ${quantile(xs, 0.95).toFixed(1)} ms`;
  // The level is drawn at once; the saved answer and the new scorecard follow the save. This
  // times the second part too: until the card says "Saved" again, then one more frame.
  const saved = `
    return new Promise((done) => {
      const key = arguments[0];
      const card = document.querySelector('[data-testid="question-card"].selected');
      const t0 = performance.now();
      window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      let seenSaving = false;
      const check = () => {
        const saving = !card.querySelector('[data-testid="saved"]');
        if (saving) seenSaving = true;
        if (seenSaving && !saving) requestAnimationFrame(() => done(performance.now() - t0));
        else setTimeout(check, 0);
      };
      check();
    });`;
  for (const mode of ['normal', 'projector']) {
    if (mode === 'projector') {
      await app.execute(`document.querySelector('.projector-toggle input').click()`);
      await sleep(500);
    }
    const answers = [];
    const moves = [];
    const saves = [];
    for (let i = 0; i < 5; i++) await app.execute(answer, String(i % 2 ? 2 : 3));
    for (let i = 0; i < 40; i++) answers.push(await app.execute(answer, String(i % 2 ? 2 : 3)));
    for (let i = 0; i < 40; i++) moves.push(await app.execute(move, i % 2 ? 'k' : 'j'));
    for (let i = 0; i < 20; i++) saves.push(await app.execute(saved, String(i % 2 ? 2 : 3)));
    console.log(`step 3 with ${cards} cards, ${mode} mode`);
    console.log(`  answer key to the level drawn: ${fmt(answers)}`);
    console.log(`  j / k to the next card drawn: ${fmt(moves)}`);
    console.log(`  answer key to saved, re-scored and drawn: ${fmt(saves)}`);
  }
  await app.deleteSession();
} finally {
  await harness.stop();
}
