// The fake host's `changed` event: a programme write (a check, a register entry) tells every listener once it has succeeded, as the shell does.
import type { Changed } from '../bindings';
import type { Host } from './host';

const PROGRAMME_WRITES = ['adoptControl', 'recordCheck', 'voidCheck', 'addRegisterEntry', 'editRegisterEntry', 'setRegisterEntryArchived', 'deleteRegisterEntry'] as const;

export function withChanges<H extends Host>(host: H): H {
  const listeners: ((change: Changed) => void)[] = [];
  host.onChanged = async (then) => {
    listeners.push(then);
  };
  const writes = host as unknown as Record<string, (id: string, ...rest: unknown[]) => Promise<unknown>>;
  for (const name of PROGRAMME_WRITES) {
    const write = writes[name];
    writes[name] = async (id, ...rest) => {
      const result = await write(id, ...rest);
      for (const listener of listeners) listener({ assessment_id: id, programme: true });
      return result;
    };
  }
  return host;
}
