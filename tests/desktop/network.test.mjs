// Offline by construction: the app opens no network socket, only local ones (X11, D-Bus, WebKit's own IPC).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

const desktop = process.env.SOC2_DESKTOP_BIN;
assert.ok(desktop, 'set SOC2_DESKTOP_BIN (./dev test does)');

test('starting the app and showing its first screen opens no IPv4 or IPv6 socket', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-net-'));
  const log = join(dir, 'strace.log');
  const xvfb = spawn('Xvfb', [':95', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  await sleep(500);
  const app = spawn('strace', ['-f', '-qq', '-e', 'trace=socket,connect', '-o', log, desktop], {
    env: { ...process.env, DISPLAY: ':95', SOC2_READINESS_DB: join(dir, 'db.sqlite3'), XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
    stdio: 'ignore',
  });
  await sleep(8000);
  app.kill('SIGTERM');
  await sleep(500);
  xvfb.kill('SIGTERM');
  const calls = readFileSync(log, 'utf8').split('\n').filter((line) => /socket\(|connect\(/.test(line));
  assert.ok(calls.length > 0, 'strace saw the app start (it opens local sockets for X11 and WebKit)');
  const network = calls.filter((line) => /AF_INET6?\b/.test(line));
  assert.deepEqual(network, [], `network sockets opened:\n${network.join('\n')}`);
});
