// Offline by construction: the app opens no network socket, only local ones (X11, D-Bus, WebKit's own IPC), at start and through a whole journey.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Key, press, startHarness, startXvfb } from './harness.mjs';

const desktop = process.env.SOC2_DESKTOP_BIN;
assert.ok(desktop, 'set SOC2_DESKTOP_BIN (./dev test does)');

test('starting the app and showing its first screen opens no IPv4 or IPv6 socket', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-net-'));
  const log = join(dir, 'strace.log');
  const { display, stop: stopXvfb } = await startXvfb();
  const app = spawn('strace', ['-f', '-qq', '-e', 'trace=socket,connect', '-o', log, desktop], {
    env: { ...process.env, DISPLAY: display, SOC2_READINESS_DB: join(dir, 'db.sqlite3'), XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
    stdio: 'ignore',
  });
  await sleep(8000);
  app.kill('SIGTERM');
  await sleep(500);
  stopXvfb();
  const calls = readFileSync(log, 'utf8').split('\n').filter((line) => /socket\(|connect\(/.test(line));
  assert.ok(calls.length > 0, 'strace saw the app start (it opens local sockets for X11 and WebKit)');
  const network = calls.filter((line) => /AF_INET6?\b/.test(line));
  assert.deepEqual(network, [], `network sockets opened:\n${network.join('\n')}`);
});

test('a whole journey (answers, PDF export, JSON export and import) opens no network socket', async () => {
  const harness = await startHarness();
  try {
    // tauri-driver starts whatever it is given as the application, so it is given strace
    // wrapped around the app; the log covers every process the app starts.
    const log = join(harness.dataDir, 'strace.log');
    const wrapper = join(harness.dataDir, 'traced-app');
    writeFileSync(wrapper, `#!/bin/sh\nenv > '${log}.env'\nexec strace -f -qq -e trace=socket,connect,bind,listen -o '${log}' '${desktop}' "$@"\n`);
    chmodSync(wrapper, 0o755);
    const app = await harness.launch(wrapper);
    await app.$('[data-testid="empty-state"]').waitForExist();
    await app.$('[data-testid="new-organisation"]').addValue('Offline Ltd');
    await app.$('[data-testid="create"]').click();
    await app.$('[data-testid="scope-question"]').waitForExist();
    await app.execute('document.activeElement.blur()');
    await press(app, Key.ArrowRight);
    await app.$('[data-testid="question-card"]').waitForExist();
    await press(app, '3', 'j', '2');
    await app.$('[data-testid="saved"]').waitForExist();
    const invoke = (command, args) =>
      app.execute('return window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])', command, args);
    const [summary] = await invoke('list_assessments', {});
    const id = summary.assessment.id;
    // The paths a save or open dialog would hand over.
    const pdf = join(harness.dataDir, 'report.pdf');
    const json = join(harness.dataDir, 'export.json');
    const report = await invoke('export_report', { id, path: pdf, open: false });
    assert.ok(report.pages > 1);
    await invoke('export_assessment', { id, path: json });
    await invoke('import_assessment', { path: json });
    await app.$('[data-testid="nav-settings"]').click();
    await app.$('[data-testid="data-file"]').waitForExist();
    await app.deleteSession();
    await sleep(500);

    // Under WebDriver, WebKit serves its automation inspector on the loopback address that
    // WebKitWebDriver hands it in WEBKIT_INSPECTOR_SERVER (outside a test this variable is unset
    // and the first test shows no socket at all). That endpoint is the only one allowed.
    const inspector = /^WEBKIT_INSPECTOR_SERVER=(.*)$/m.exec(readFileSync(`${log}.env`, 'utf8'))?.[1];
    assert.ok(inspector, 'WebKitWebDriver named its inspector endpoint');
    const calls = readFileSync(log, 'utf8').split('\n').filter((line) => /AF_INET6?\b/.test(line));
    const endpoint = (line) => {
      const found = /sin6?_port=htons\((\d+)\).*inet_(?:addr|pton)\((?:AF_INET6?, )?"([^"]+)"/.exec(line);
      return found && `${found[2]}:${found[1]}`;
    };
    const used = calls.filter((line) => /^\d+ (bind|connect)\(/.test(line));
    const elsewhere = used.filter((line) => endpoint(line) !== inspector);
    assert.deepEqual(elsewhere, [], `network endpoints other than the test's inspector:\n${elsewhere.join('\n')}`);
    const onInspector = new Set(used.map((line) => line.replace(/^(\d+) \w+\((\d+),.*/, '$1:$2')));
    const unexplained = calls
      .filter((line) => /^\d+ socket\(/.test(line))
      .filter((line) => !onInspector.has(line.replace(/^(\d+) socket\(.*= (\d+)$/, '$1:$2')));
    assert.deepEqual(unexplained, [], `network sockets opened:\n${unexplained.join('\n')}`);
    assert.ok(readFileSync(pdf).subarray(0, 5).toString() === '%PDF-');
  } finally {
    await harness.stop();
  }
});
