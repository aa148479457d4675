// A small W3C WebDriver client (fetch only) and the harness that starts Xvfb and tauri-driver for a test.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
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

/** Starts Xvfb and tauri-driver once for a test file; returns a factory for app sessions. */
export async function startHarness({ display = ':97', port = 4455, prepare } = {}) {
  const children = [];
  const xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  children.push(xvfb);
  await sleep(500);
  const dataDir = mkdtempSync(join(tmpdir(), 'soc2-e2e-'));
  const db = join(dataDir, 'assessments.sqlite3');
  if (prepare) await prepare(db);
  const env = { ...process.env, DISPLAY: display, SOC2_READINESS_DB: db, XDG_DATA_HOME: dataDir, XDG_CONFIG_HOME: dataDir };
  const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(port + 1)], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(driver);
  await waitForPort(port, 'tauri-driver');
  const base = `http://127.0.0.1:${port}`;

  async function launch(application) {
    const session = await call(base, 'POST', '/session', {
      capabilities: { alwaysMatch: { browserName: 'wry', 'tauri:options': { application } } },
    });
    return new App(base, session.sessionId);
  }

  async function stop() {
    for (const child of children.reverse()) child.kill('SIGTERM');
    await sleep(300);
  }

  return { launch, stop, db, dataDir, env };
}

export class App {
  constructor(base, id) {
    this.base = base;
    this.id = id;
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

  async screenshot() {
    return Buffer.from(await this.send('GET', '/screenshot'), 'base64');
  }

  async title() {
    return this.send('GET', '/title');
  }

  async quit() {
    await this.send('DELETE', '');
  }
}
