// The data file as a user meets it: a full disk, a read-only disk, another file chosen, and a second launch.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, readdirSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { checkAccessibility } from './axe.mjs';
import { Key, press, startHarness } from './harness.mjs';

const desktop = process.env.SOC2_DESKTOP_BIN;
const cli = process.env.SOC2_CLI_BIN;
assert.ok(desktop && cli, 'set SOC2_DESKTOP_BIN and SOC2_CLI_BIN (./dev test does)');

const soc2 = (db, ...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' });
const answers = (db, id) => JSON.parse(soc2(db, 'show', id, '--json')).answers.map((a) => a.question_id);

/** Mounts a small tmpfs on `folder`; false where mounting is refused (not root). */
function mountSmallDisk(folder, size) {
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', folder]).status === 0;
}

/** Writes zeros until the disk refuses. */
function fill(path) {
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(4096);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    assert.equal(error.code, 'ENOSPC');
  } finally {
    closeSync(fd);
  }
}

/** Whether a process still runs: gone, or a zombie its parent has not reaped yet, is not running. */
function running(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function waitUntil(done, what, timeoutMs = 10000) {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs `body` with a harness, then stops it and unmounts `folder` if a disk was mounted there. */
async function withHarness(options, body) {
  const harness = await startHarness(options);
  try {
    await body(harness);
  } finally {
    await harness.stop();
    if (options.folder) spawnSync('umount', ['-l', join(harness.dataDir, options.folder)]);
  }
}

/** What the file chooser hands over when the user picks `path`; native dialogs cannot be driven over WebDriver. */
async function chooseDataFile(app, path) {
  const info = await app.execute("return window.__TAURI_INTERNALS__.invoke('use_data_file', { path: arguments[0] })", path);
  // Reloaded after the script returns: a reload inside it unloads the page before WebDriver's
  // callback, which WebKitWebDriver reports as an error now and then. The new page has no mark.
  await app.execute('window.__beforeReload = true; setTimeout(() => location.reload(), 0)');
  await app.waitUntil(async () => {
    try {
      return await app.execute('return window.__beforeReload !== true && document.readyState === "complete"');
    } catch {
      return false;
    }
  }, { timeoutMsg: 'the app to reload on the chosen file' });
  return info;
}

test('a full disk at start is named, the file is left alone, and work goes on in another file', async (t) => {
  let mounted = true;
  let id;
  let before;
  await withHarness(
    {
      folder: 'disk',
      prepare: (db) => {
        mounted = mountSmallDisk(dirname(db), '1m');
        if (!mounted) return;
        id = soc2(db, 'new', 'Full Disk Ltd').trim();
        soc2(db, 'answer', id, 'access.sso-mfa', '3');
        fill(join(dirname(db), 'filler'));
        before = readFileSync(db);
      },
    },
    async (harness) => {
      if (!mounted) return t.skip('cannot mount a tmpfs here (needs root)');
      const app = await harness.launch(desktop);
      const screen = await app.$('[data-testid="startup-error"]').getText();
      assert.ok(screen.includes(harness.db), screen);
      assert.match(screen, /disk holding the data file .* is full/);
      await app.$('[data-testid="open-data-file"]').waitForExist();
      await app.$('[data-testid="new-data-file"]').waitForExist();
      await harness.shot('startup-full-disk');
      await checkAccessibility(app, 'startup: the disk is full');
      assert.deepEqual(readFileSync(harness.db), before, 'the file on the full disk is untouched');

      const elsewhere = join(harness.dataDir, 'elsewhere.sqlite3');
      const info = await chooseDataFile(app, elsewhere);
      assert.equal(info.data_file, elsewhere);
      await app.$('[data-testid="empty-state"]').waitForExist();
      await app.$('[data-testid="new-organisation"]').addValue('Carry On GmbH');
      await app.$('[data-testid="create"]').click();
      await app.$('[data-testid="scope-question"]').waitForExist();
      assert.match(soc2(elsewhere, 'list'), /Carry On GmbH/);
      await app.deleteSession();
      assert.deepEqual(readFileSync(harness.db), before, 'the file on the full disk is untouched');
      unlinkSync(join(dirname(harness.db), 'filler'));
      assert.ok(answers(harness.db, id).includes('access.sso-mfa'));
    },
  );
});

test('a read-only disk opens for reading, says so, and refuses a change without losing anything', async (t) => {
  let mounted = true;
  let id;
  await withHarness(
    {
      folder: 'disk',
      prepare: (db) => {
        mounted = mountSmallDisk(dirname(db), '4m');
        if (!mounted) return;
        id = soc2(db, 'new', 'Read Only GmbH').trim();
        soc2(db, 'answer', id, 'gov.code-of-conduct', '3');
        execFileSync('mount', ['-o', 'remount,ro', dirname(db)]);
      },
    },
    async (harness) => {
      if (!mounted) return t.skip('cannot mount a tmpfs here (needs root)');
      const kept = answers(harness.db, id);
      const app = await harness.launch(desktop);
      assert.match(await app.$('[data-testid="read-only-banner"]').getText(), /read-only/);
      await app.$('[data-testid="assessment-table"] [data-testid="open-assessment"]').click();
      await app.$('[data-testid="scope-question"]').waitForExist();
      await app.execute('document.activeElement.blur()');
      await press(app, Key.ArrowRight);
      await app.$('[data-testid="question-card"]').waitForExist();
      await press(app, '4');
      const refused = await app.$('[data-testid="question-card"] [role="alert"]').getText();
      assert.match(refused, /Not saved: the data file .* is read-only/);
      await harness.shot('read-only');
      await checkAccessibility(app, 'questionnaire: a read-only data file refuses a change');
      await app.deleteSession();
      assert.deepEqual(answers(harness.db, id), kept);
    },
  );
});

test('a chosen data file is opened again at the next start', async () => {
  await withHarness({ namedDb: false }, async (harness) => {
    const clientB = join(harness.dataDir, 'client-b.sqlite3');
    soc2(clientB, 'new', 'Client B plc');
    let app = await harness.launch(desktop);
    await app.$('[data-testid="empty-state"]').waitForExist();
    await chooseDataFile(app, clientB);
    assert.match(await app.$('[data-testid="assessment-table"]').getText(), /Client B plc/);
    await app.deleteSession();

    app = await harness.launch(desktop);
    // The list is drawn once the file is open; reading it before then raced the first paint.
    await app.$('[data-testid="assessment-table"]').waitForExist();
    assert.match(await app.$('[data-testid="assessment-table"]').getText(), /Client B plc/);
    await app.$('[data-testid="nav-settings"]').click();
    assert.equal(await app.$('[data-testid="data-file"]').getText(), clientB);
    await app.deleteSession();
  });
});

test('a second launch brings the first window forward and leaves the data file to it', async () => {
  await withHarness({ bus: true }, async (harness) => {
    soc2(harness.db, 'new', 'Only Once Inc');
    const app = await harness.launch(desktop);
    await app.$('[data-testid="assessment-table"]').waitForExist();
    const backups = () => readdirSync(join(dirname(harness.db), 'backups')).length;
    const backupsBefore = backups();

    const second = spawn(desktop, [], { env: harness.env, stdio: 'ignore' });
    const code = await new Promise((resolve) => {
      const timer = setTimeout(() => {
        second.kill('SIGKILL');
        resolve('still running after 15 s');
      }, 15000);
      second.once('exit', (status) => {
        clearTimeout(timer);
        resolve(status);
      });
    });
    assert.equal(code, 0, 'the second launch hands over and ends');
    assert.match(await app.$('[role="status"]').getText(), /already open/);
    await harness.shot('second-launch');
    await checkAccessibility(app, 'assessments: the second-launch notice');
    assert.equal(backups(), backupsBefore, 'the second launch did not open the data file');
    await app.deleteSession();
  });
});

test('a note being typed is saved when the window closes, and after a pause even if the app is killed', async () => {
  await withHarness({}, async (harness) => {
    const id = soc2(harness.db, 'new', 'Typing Ltd').trim();
    soc2(harness.db, 'answer', id, 'gov.code-of-conduct', '2');
    const noteOf = () => JSON.parse(soc2(harness.db, 'show', id, '--json')).answers.find((a) => a.question_id === 'gov.code-of-conduct')?.note;
    const openNote = async (app) => {
      // The second launch reopens at the step left (step 2); the first starts at step 1.
      await app.$('[data-testid="open-assessment"]').click();
      await app.$('[data-testid="step-2"]').click();
      await app.$('[data-card="gov.code-of-conduct"] details').waitForExist();
      await app.execute('document.querySelector(\'[data-card="gov.code-of-conduct"] details\').open = true');
      return '[data-note="gov.code-of-conduct"]';
    };

    let app = await harness.launch(desktop);
    let field = await openNote(app);
    const first = harness.appPid(desktop);
    await app.$(field).addValue('Handbook signed by all');
    // Closed straight away with the window's close button, well inside the typing pause that
    // would have saved it.
    execFileSync(join(import.meta.dirname, 'close-window.py'), ['SOC 2 Readiness'], { env: harness.env });
    await waitUntil(() => !running(first), 'the app to close');
    await app.deleteSession().catch(() => {});
    assert.equal(noteOf(), 'Handbook signed by all');

    app = await harness.launch(desktop);
    field = await openNote(app);
    await app.$(field).addValue(', contractors too');
    // A pause well past the 400 ms the app waits for typing to stop: under a loaded CI machine
    // one second was once not enough for the save to reach the disk.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    // This harness's own copy of the app, by pid: other copies on the machine are left alone.
    process.kill(harness.appPid(desktop), 'SIGKILL');
    await app.deleteSession().catch(() => {});
    assert.equal(noteOf(), 'Handbook signed by all, contractors too');
  });
});
