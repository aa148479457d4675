// Measures the desktop app (not a test): launch to an interactive list, a save's round trip, memory beside an empty window.
// Run with `./dev measure`; it prints medians and the figures it compares.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { descendants, startHarness, startXvfb } from './harness.mjs';

const desktop = process.env.SOC2_DESKTOP_BIN;
const cli = process.env.SOC2_CLI_BIN;
const empty = process.env.SOC2_EMPTY_WINDOW_BIN;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Proportional set size of a process and all its descendants, in MB. */
function pssTree(root) {
  const tree = [root, ...descendants(root)];
  let kb = 0;
  const names = [];
  for (const pid of tree) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const own = Number(/^Pss:\s+(\d+)/m.exec(rollup)[1]);
      kb += own;
      names.push(`${readFileSync(`/proc/${pid}/comm`, 'utf8').trim()} ${(own / 1024).toFixed(1)}`);
    } catch {}
  }
  return { mb: kb / 1024, processes: names };
}

/**
 * The app started as a user starts it, without a driver, `runs` times on `display`: each launch
 * is told to write its own figures (`SOC2_LAUNCH_MARK`: process start to the interactive
 * assessments list, then the page's own clock at that moment) and is ended once it has. One
 * launch first, not counted, warms the page cache as a second start of the day would find it.
 */
async function markedLaunches(harness, display, runs) {
  const env = { ...harness.env, DISPLAY: display };
  const marks = [];
  const inPage = [];
  const seen = [];
  for (let i = 0; i <= runs; i++) {
    const mark = join(harness.dataDir, `launch-mark-${i}`);
    const start = performance.now();
    const app = spawn(desktop, [], { env: { ...env, SOC2_LAUNCH_MARK: mark }, stdio: 'ignore' });
    const exited = new Promise((resolve) => app.once('exit', resolve));
    const until = Date.now() + 30000;
    while (!(existsSync(mark) && readFileSync(mark, 'utf8').endsWith('\n'))) {
      if (Date.now() > until) throw new Error(`launch ${i} wrote no mark to ${mark} within 30 s`);
      await sleep(5);
    }
    const seenAfter = performance.now() - start;
    app.kill('SIGTERM');
    await exited;
    await sleep(300);
    if (i === 0) continue;
    const [total, page] = readFileSync(mark, 'utf8').trim().split(' ').map(Number);
    marks.push(total);
    inPage.push(page);
    seen.push(seenAfter);
  }
  return { marks, inPage, seen };
}

/**
 * Milliseconds from the process start of `pid` to the start of its page's navigation: the part
 * of a launch before any of the app's page runs. Both ends are read on the wall clock at one
 * moment (the process start from its age in /proc), so clock drift since boot does not count.
 */
async function beforePage(app, pid) {
  const origin = await app.execute('return performance.timeOrigin');
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const startTicks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  const uptimeMs = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * 1000;
  return origin - (Date.now() - (uptimeMs - startTicks * 10));
}

let appMb = 0;
const harness = await startHarness();
try {
  const soc2 = (...args) => execFileSync(cli, ['--db', harness.db, ...args], { encoding: 'utf8' }).trim();
  const ids = ['Acme Ltd', 'Zürich Data AG', 'Łódź Analytics'].map((name) => soc2('new', name));
  for (const q of ['access.sso-mfa', 'risk.register', 'change.peer-review']) soc2('answer', ids[0], q, '3');

  const launches = [];
  const inPage = [];
  const appBeforePage = [];
  for (let i = 0; i < 10; i++) {
    const start = performance.now();
    const app = await harness.launch(desktop);
    await app.$('[data-testid="assessment-table"]').waitForExist();
    launches.push(performance.now() - start);
    inPage.push(await app.execute('return performance.now()'));
    appBeforePage.push(await beforePage(app, harness.appPid(desktop)));
    await app.deleteSession();
    await sleep(300);
  }
  console.log(`launch to interactive assessments list, via WebDriver (includes session setup): median ${median(launches).toFixed(0)} ms of ${launches.length} (${launches.map((t) => t.toFixed(0)).join(', ')})`);
  console.log(`page load to interactive list, in the page: median ${median(inPage).toFixed(0)} ms`);
  console.log(`process start to the page's navigation start, under WebDriver: median ${median(appBeforePage).toFixed(0)} ms`);

  // The same moment without a driver: the app's own figure from process start, the one a user
  // waits through. A second X server keeps these launches apart from the driver's.
  const { display, stop } = await startXvfb();
  try {
    const { marks, inPage, seen } = await markedLaunches(harness, display, 10);
    console.log(`process start to interactive assessments list, recorded by the app (no driver): median ${median(marks)} ms of ${marks.length} (${marks.join(', ')}; 10 ms resolution)`);
    console.log(`  of which in the page (from the start of its navigation): median ${median(inPage)} ms (${inPage.join(', ')})`);
    console.log(`  the same launches from spawn to the mark file seen here: median ${median(seen).toFixed(0)} ms`);
  } finally {
    stop();
  }

  // Memory varies by several MB from one launch to the next, so each figure is the median of
  // three fresh launches.
  const listMb = [];
  const openMb = [];
  for (let run = 0; run < 3; run++) {
    const app = await harness.launch(desktop);
    await app.$('[data-testid="assessment-table"]').waitForExist();
    await sleep(2000);
    const listPss = pssTree(harness.appPid(desktop));
    listMb.push(listPss.mb);
    console.log(`app on the assessments list: Pss ${listPss.mb.toFixed(1)} MB over ${listPss.processes.join(', ')}`);
    await app.$('[data-testid="open-assessment"]').click();
    // The assessment reopens at the step it was left on: step 1 the first time, step 3 after.
    await app.$('[data-testid="step-3"]').click();
    await app.$('[data-testid="question-card"]').waitForExist();
    // The driver waits for the promise a script returns.
    const round = await app.execute(
      `const id = arguments[0];
        return (async () => {
          const times = [];
          for (let i = 0; i < 60; i++) {
            const t = performance.now();
            await window.__TAURI_INTERNALS__.invoke('save_answer', { request: { assessment_id: id, question_id: 'access.sso-mfa', value: { level: i % 5 }, note: null, owner: null, due: null, evidence: [] } });
            times.push(performance.now() - t);
          }
          return times;
        })();`,
      ids[0],
    );
    if (run === 0) {
      console.log(`save one answer from the page (IPC, durable write, re-score, reply): median ${median(round.slice(10)).toFixed(2)} ms of ${round.length - 10} after 10 warm-up`);
    }
    await sleep(2000);
    const appPss = pssTree(harness.appPid(desktop));
    openMb.push(appPss.mb);
    console.log(`app with an assessment open on step 3: Pss ${appPss.mb.toFixed(1)} MB over ${appPss.processes.join(', ')}`);
    await app.deleteSession();
    await sleep(500);
  }
  appMb = median(openMb);
  console.log(`app: median Pss ${median(listMb).toFixed(1)} MB on the list, ${appMb.toFixed(1)} MB with an assessment open (3 launches)`);
  if (empty) {
    const floor = await emptyWindowMb(harness);
    console.log(`empty Tauri window, as built (WebKit's default GPU compositing): median Pss ${floor.toFixed(1)} MB; the app adds ${(appMb - floor).toFixed(1)} MB to it`);
  }
} finally {
  await harness.stop();
}

/** Median Pss of three launches of the empty window; also how long it takes to start its page. */
async function emptyWindowMb(harness) {
  const mbs = [];
  const starts = [];
  for (let run = 0; run < 3; run++) {
    const blank = await harness.launch(empty);
    await blank.waitUntil(() => blank.execute('return document.readyState === "complete"'));
    starts.push(await beforePage(blank, harness.appPid(empty)));
    await sleep(4000);
    const pss = pssTree(harness.appPid(empty));
    mbs.push(pss.mb);
    console.log(`empty Tauri window: Pss ${pss.mb.toFixed(1)} MB over ${pss.processes.join(', ')}`);
    await blank.deleteSession();
    await sleep(500);
  }
  console.log(`empty Tauri window: process start to its page's navigation start, under WebDriver: median ${median(starts).toFixed(0)} ms (the floor under the app's own figure)`);
  return median(mbs);
}

// The same empty window with compositing off, as the app runs, for a like-for-like figure.
if (empty) {
  process.env.WEBKIT_DISABLE_COMPOSITING_MODE = '1';
  const harness = await startHarness();
  try {
    const floor = await emptyWindowMb(harness);
    console.log(`empty Tauri window with compositing off too: median Pss ${floor.toFixed(1)} MB; the app adds ${(appMb - floor).toFixed(1)} MB to it`);
  } finally {
    await harness.stop();
  }
}
