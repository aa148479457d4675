// The fake host's `changed` event: every write (to an assessment, or to its programme: a check, a register entry) tells every listener once it has succeeded, as the shell does.
import type { Assessment, Changed } from '../bindings';
import type { Host } from './host';

/** Writes to the organisation's programme: their findings move every assessment of it. */
const PROGRAMME_WRITES = ['adoptControl', 'retireControl', 'recordCheck', 'voidCheck', 'addRegisterEntry', 'editRegisterEntry', 'setRegisterEntryArchived', 'deleteRegisterEntry', 'removeAccountImport', 'setAccountChoices'] as const;
/** Writes to one assessment, named by their first argument. */
const ASSESSMENT_WRITES = ['clearAnswer', 'setDepth', 'renameAssessment', 'setArchived', 'deleteAssessment', 'upgradeAssessment', 'useModule', 'dropModule', 'mergeAssessment'] as const;
/** Writes that take a request naming the assessment. */
const REQUEST_WRITES = ['saveAnswer', 'setScope'] as const;
/** Writes that make an assessment: the event names the new one. */
const MAKING_WRITES = ['createAssessment', 'duplicateAssessment', 'importAssessment'] as const;

type Write = (...args: unknown[]) => Promise<unknown>;

export function withChanges<H extends Host>(host: H): H {
  const listeners = new Set<(change: Changed) => void>();
  host.onChanged = async (then) => {
    listeners.add(then);
    return () => listeners.delete(then);
  };
  const tell = (assessment_id: string, programme: boolean) => {
    for (const listener of [...listeners]) listener({ assessment_id, programme });
  };
  const writes = host as unknown as Record<string, Write>;
  const wrap = (name: string, named: (args: unknown[], result: unknown) => string, programme: boolean) => {
    const write = writes[name];
    writes[name] = async (...args) => {
      const result = await write(...args);
      tell(named(args, result), programme);
      return result;
    };
  };
  for (const name of PROGRAMME_WRITES) wrap(name, (args) => args[0] as string, true);
  for (const name of ASSESSMENT_WRITES) wrap(name, (args) => args[0] as string, false);
  for (const name of REQUEST_WRITES) wrap(name, (args) => (args[0] as { assessment_id: string }).assessment_id, false);
  // An account import is a write only when it was kept (a preview keeps nothing).
  const importAccounts = host.importAccounts;
  host.importAccounts = async (...args) => {
    const result = await importAccounts(...args);
    if (result.import_id) tell(args[0], true);
    return result;
  };
  for (const name of MAKING_WRITES) wrap(name, (_args, result) => (result as Assessment).id, false);
  return host;
}
