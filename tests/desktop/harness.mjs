// The harness for the desktop tests: Xvfb, tauri-driver, a temporary data directory, and WebdriverIO sessions on the app.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Key, remote } from 'webdriverio';

export { Key };

/**
 * Displays and ports come from ranges, so that several checkouts (or CI beside a developer) on
 * one machine never share an X server or a driver: SOC2_TEST_DISPLAYS=80-83 SOC2_TEST_PORTS=4600-4700.
 */
function range(variable, fallback) {
  const [from, to] = (process.env[variable] || fallback).replace(/:/g, '').split('-').map(Number);
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < from) throw new Error(`${variable} must look like 80-83`);
  return { from, to };
}

const taken = new Set();

/**
 * Starts Xvfb on the first display of the range that no X server holds. Returns the display
 * (":80"), the Xvfb process and `stop`, which ends it and frees the display for the next start.
 */
export async function startXvfb() {
  const { from, to } = range('SOC2_TEST_DISPLAYS', '86-99');
  for (let n = from; n <= to; n++) {
    if (taken.has(`x${n}`) || existsSync(`/tmp/.X${n}-lock`) || existsSync(`/tmp/.X11-unix/X${n}`)) continue;
    const xvfb = spawn('Xvfb', [`:${n}`, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    let exited = false;
    xvfb.once('exit', () => (exited = true));
    // Ready when its socket appears; an Xvfb that lost a race for the display exits instead.
    const until = Date.now() + 10000;
    while (!exited && !existsSync(`/tmp/.X11-unix/X${n}`) && Date.now() < until) await sleep(50);
    if (exited) continue;
    taken.add(`x${n}`);
    const stop = () => {
      xvfb.kill('SIGTERM');
      taken.delete(`x${n}`);
    };
    return { display: `:${n}`, xvfb, stop };
  }
  throw new Error(`no free X display in ${process.env.SOC2_TEST_DISPLAYS || '86-99'} (SOC2_TEST_DISPLAYS)`);
}

function portFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Two free ports in a row: tauri-driver's own and the native driver's behind it. */
async function freePortPair() {
  const { from, to } = range('SOC2_TEST_PORTS', '4455-4565');
  for (let port = from; port + 1 <= to; port += 2) {
    if (taken.has(`p${port}`)) continue;
    if ((await portFree(port)) && (await portFree(port + 1))) {
      taken.add(`p${port}`);
      return port;
    }
  }
  throw new Error(`no two free ports in ${process.env.SOC2_TEST_PORTS || '4455-4565'} (SOC2_TEST_PORTS)`);
}

async function waitForPort(port, what, timeoutMs = 20000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      await fetch(`http://127.0.0.1:${port}/status`);
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`${what} did not start on port ${port}`);
}

/** Every process below `root`, found through /proc. */
export function descendants(root) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {}
  }
  const tree = [];
  const queue = [root];
  while (queue.length) for (const pid of children.get(queue.shift()) ?? []) tree.push(pid), queue.push(pid);
  return tree;
}

/**
 * Starts Xvfb and tauri-driver once for a test file; returns a factory for app sessions.
 * `folder` puts the data file in a sub-folder of the temporary data directory (a test may mount
 * a small disk there); `namedDb: false` leaves SOC2_READINESS_DB unset, so the app picks its file;
 * `bus: true` gives the app a D-Bus session bus of its own, as a desktop session has; `env` adds
 * variables to the app's environment.
 */
export async function startHarness({ prepare, folder = '', namedDb = true, bus = false, env: extra = {} } = {}) {
  const children = [];
  const { display, stop: stopXvfb } = await startXvfb();
  // Whatever was started before a failure (a prepare that throws, a driver that never answers)
  // is stopped, so a failed file leaves no X server holding one of the few displays.
  async function setUp() {
    const dataDir = mkdtempSync(join(tmpdir(), 'soc2-e2e-'));
    const db = join(dataDir, folder, 'assessments.sqlite3');
    if (folder) mkdirSync(join(dataDir, folder));
    if (prepare) await prepare(db);
    const env = { ...process.env, DISPLAY: display, XDG_DATA_HOME: dataDir, XDG_CONFIG_HOME: dataDir, ...extra };
    if (namedDb) env.SOC2_READINESS_DB = db;
    else delete env.SOC2_READINESS_DB;
    delete env.DBUS_SESSION_BUS_ADDRESS;
    if (bus) {
      // A bare bus: no service activation, so no portals or accessibility bus are started beside the app.
      const config = join(dataDir, 'session-bus.conf');
      writeFileSync(
        config,
        `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=${dataDir}</listen>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>`,
      );
      const daemon = spawn('dbus-daemon', [`--config-file=${config}`, '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
      children.push(daemon);
      env.DBUS_SESSION_BUS_ADDRESS = await new Promise((resolve, reject) => {
        daemon.stdout.once('data', (chunk) => resolve(String(chunk).trim().split('\n')[0]));
        daemon.once('error', reject);
      });
    }
    const port = await freePortPair();
    const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(port + 1)], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(driver);
    await waitForPort(port, 'tauri-driver');
    return { dataDir, db, env, port, driver };
  }
  const { dataDir, db, env, port, driver } = await setUp().catch((error) => {
    for (const child of children.reverse()) child.kill('SIGTERM');
    stopXvfb();
    throw error;
  });

  /** A WebdriverIO session on a fresh launch of `application` (the app, or a script that execs it). */
  function launch(application) {
    return remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      // The UI loads asynchronously: element commands wait this long for their element.
      waitforTimeout: 10000,
      waitforInterval: 100,
      // A retried session request would start a second copy of the app.
      connectionRetryCount: 0,
      capabilities: {
        browserName: 'wry',
        // WebKitWebDriver speaks classic WebDriver only; WebdriverIO would otherwise ask for BiDi
        // and the driver refuses the session.
        'wdio:enforceWebDriverClassic': true,
        'tauri:options': { application },
      },
    });
  }

  /**
   * The pid of the running app started through this harness's driver: the process below the
   * driver whose executable is `binary`.
   */
  function appPid(binary) {
    const wanted = realpathSync(binary);
    const found = descendants(driver.pid).filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/exe`) === wanted;
      } catch {
        return false;
      }
    });
    if (found.length === 0) throw new Error(`no ${binary} is running under this harness`);
    return found.at(-1);
  }

  /**
   * The X display as a PNG, taken with ImageMagick's `import` as a person would see it.
   * (WebKitWebDriver's own screenshot waits for a composited frame, which never comes with
   * GPU compositing off.)
   */
  async function screenshot() {
    await sleep(300);
    return execFileSync('import', ['-window', 'root', 'png:-'], { env: { ...process.env, DISPLAY: display }, maxBuffer: 64 << 20 });
  }

  /** Saves the screen as `name`.png in SOC2_SCREENSHOTS, when that is set. */
  async function shot(name) {
    const folder = process.env.SOC2_SCREENSHOTS;
    if (!folder) return;
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${name}.png`), await screenshot());
  }

  async function stop() {
    for (const child of children.reverse()) child.kill('SIGTERM');
    stopXvfb();
    await sleep(300);
    taken.delete(`p${port}`);
  }

  return { launch, stop, db, dataDir, env, display, appPid, screenshot, shot };
}

/**
 * Presses keys one after another on whatever has focus, as a person at the keyboard would (each
 * key down and up before the next; WebdriverIO's `keys` holds them all down together, a chord).
 */
export async function press(browser, ...keys) {
  const action = browser.action('key');
  for (const key of keys) action.down(key).up(key);
  await action.perform();
}
