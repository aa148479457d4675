// The generated client: each method reaches its own command, arguments go by their Rust names in camelCase, and a left-out option goes as null.
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, commandsOver, type Commands, type Invoke } from './commands';

function recording() {
  const calls: { command: string; args?: Record<string, unknown> }[] = [];
  const invoke = (async (command: string, args?: Record<string, unknown>) => {
    calls.push({ command, args });
    return null;
  }) as Invoke;
  return { calls, client: commandsOver(invoke) };
}

describe('the generated client', () => {
  it('sends arguments by name and a left-out option as null', async () => {
    const { calls, client } = recording();
    await client.createAssessment('Acme', 'type2');
    await client.changeDataFilePassphrase('old', 'new one');
    await client.previewMerge('a1', '/tmp/copy.json', true);
    expect(calls).toEqual([
      { command: 'create_assessment', args: { organisation: 'Acme', reportType: 'type2', depth: null, modules: null } },
      { command: 'change_data_file_passphrase', args: { current: 'old', next: 'new one' } },
      { command: 'preview_merge', args: { id: 'a1', path: '/tmp/copy.json', unrelated: true, passphrase: null } },
    ]);
  });

  it('has one method for each registered command, and each calls a different one', async () => {
    const { calls, client } = recording();
    const methods = Object.keys(client) as (keyof Commands)[];
    for (const method of methods) {
      // Arguments do not matter here: only which command each method names.
      await (client[method] as (...args: unknown[]) => Promise<unknown>)();
    }
    const reached = calls.map((c) => c.command);
    expect(new Set(reached).size).toBe(methods.length);
    expect([...reached].sort()).toEqual([...COMMAND_NAMES].sort());
  });
});
