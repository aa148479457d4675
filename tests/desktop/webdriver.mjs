// A small W3C WebDriver client (fetch only) and the harness that starts Xvfb and tauri-driver for a test.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
export const KEYS = { Enter: '\uE007', Escape: '\uE00C', ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015', Backspace: '\uE003' };

async function call(base, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json.value ?? json)}`);
  return json.value;
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

/**
 * Starts Xvfb and tauri-driver once for a test file; returns a factory for app sessions.
 * `folder` puts the data file in a sub-folder of the temporary data directory (a test may mount
 * a small disk there); `namedDb: false` leaves SOC2_READINESS_DB unset, so the app picks its file;
 * `bus: true` gives the app a D-Bus session bus of its own, as a desktop session has.
 */
export async function startHarness({ display = ':97', port = 4455, prepare, folder = '', namedDb = true, bus = false } = {}) {
  const children = [];
  const xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  children.push(xvfb);
  await sleep(500);
  const dataDir = mkdtempSync(join(tmpdir(), 'soc2-e2e-'));
  const db = join(dataDir, folder, 'assessments.sqlite3');
  if (folder) mkdirSync(join(dataDir, folder));
  if (prepare) await prepare(db);
  const env = { ...process.env, DISPLAY: display, XDG_DATA_HOME: dataDir, XDG_CONFIG_HOME: dataDir };
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
  const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(port + 1)], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(driver);
  await waitForPort(port, 'tauri-driver');
  const base = `http://127.0.0.1:${port}`;

  async function launch(application) {
    const session = await call(base, 'POST', '/session', {
      capabilities: { alwaysMatch: { browserName: 'wry', 'tauri:options': { application } } },
    });
    return new App(base, session.sessionId, display);
  }

  async function stop() {
    for (const child of children.reverse()) child.kill('SIGTERM');
    await sleep(300);
  }

  return { launch, stop, db, dataDir, env };
}

export class App {
  constructor(base, id, display) {
    this.base = base;
    this.id = id;
    this.display = display;
  }

  send(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  /** Waits until `css` matches an element (the UI loads asynchronously) and returns its id. */
  async find(css, timeoutMs = 10000) {
    const until = Date.now() + timeoutMs;
    let last;
    while (Date.now() < until) {
      try {
        const found = await this.send('POST', '/element', { using: 'css selector', value: css });
        return found[ELEMENT];
      } catch (error) {
        last = error;
        await sleep(100);
      }
    }
    throw new Error(`no element matches ${css}: ${last}`);
  }

  async findAll(css) {
    const found = await this.send('POST', '/elements', { using: 'css selector', value: css });
    return found.map((e) => e[ELEMENT]);
  }

  async click(css) {
    await this.send('POST', `/element/${await this.find(css)}/click`, {});
  }

  async type(css, text) {
    await this.send('POST', `/element/${await this.find(css)}/value`, { text });
  }

  async text(css) {
    return this.send('GET', `/element/${await this.find(css)}/text`);
  }

  /** Presses keys on whatever has focus, as a person at the keyboard would. */
  async press(...keys) {
    const actions = keys.flatMap((key) => [
      { type: 'keyDown', value: key },
      { type: 'keyUp', value: key },
    ]);
    await this.send('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.send('DELETE', '/actions');
  }

  async waitFor(predicate, what, timeoutMs = 10000) {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (await predicate().catch(() => false)) return;
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  async script(body, args = []) {
    return this.send('POST', '/execute/sync', { script: body, args });
  }

  /**
   * The X display as a PNG, taken with ImageMagick's `import` as a person would see it.
   * (WebKitWebDriver's own screenshot waits for a composited frame, which never comes with
   * GPU compositing off.)
   */
  async screenshot() {
    await sleep(300);
    return execFileSync('import', ['-window', 'root', 'png:-'], { env: { ...process.env, DISPLAY: this.display }, maxBuffer: 64 << 20 });
  }

  async title() {
    return this.send('GET', '/title');
  }

  async quit() {
    await this.send('DELETE', '');
  }
}
