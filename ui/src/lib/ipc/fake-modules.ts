// The fake host's question module: one kept module and the bank it adds its question to, as the engine does.
import type { AssessmentRecord, Bank, ModuleInfo, Question } from '../bindings';
import type { Host } from './host';

/** A module as the engine keeps it: one control question in step 3. */
export const FAKE_MODULE: ModuleInfo = {
  id: 'health',
  version: '1.0',
  title: 'Health add-on',
  description: 'Questions for health data.',
  questions: 1,
  sha256: 'ab12cd34ef56'.padEnd(64, '0'),
  added_at: '2026-11-02T09:00:00Z',
  used_by: 0,
};

export const reference = (m: ModuleInfo) => ({ id: m.id, version: m.version, title: m.title, sha256: m.sha256 });

/** The bank with the fake module's question added to its step, as the engine does. */
export function withModules(bank: Bank, modules: string[]): Bank {
  if (!modules.includes(FAKE_MODULE.id)) return bank;
  const question: Question = { ...bank.questions.find((q) => q.kind === 'control')!, id: 'health.baa', step: 3, topic: 'Health data', text: 'BAA inventory kept?', key: false, module: FAKE_MODULE.id };
  return { ...bank, questions: [...bank.questions, question], modules: [reference(FAKE_MODULE)] };
}

/** The modules kept in the fake data file. */
export type FakeModules = ModuleInfo[];

type ModuleCommands = Pick<Host, 'listModules' | 'addModule' | 'useModule' | 'dropModule' | 'getAssessmentBank'>;

/** The host's module commands over the fake's kept modules and records. */
export function moduleCommands(
  bank: Bank,
  kept: ModuleInfo[],
  calls: string[],
  records: () => AssessmentRecord[],
  record: (id: string) => AssessmentRecord,
): ModuleCommands {
  return {
    listModules: async () => kept.map((m) => ({ ...m, used_by: records().filter((r) => r.modules.some((u) => u.id === m.id)).length })),
    addModule: async (path) => {
      calls.push(`add module ${path}`);
      if (!kept.some((m) => m.id === FAKE_MODULE.id)) kept.push(FAKE_MODULE);
      return FAKE_MODULE;
    },
    useModule: async (id, module) => {
      const found = kept.find((m) => m.id === module);
      if (!found) throw { kind: 'invalid_input', message: `no module '${module}' is kept in this data file; add its file first` };
      record(id).modules = [...record(id).modules.filter((m) => m.id !== module), reference(found)];
      return reference(found);
    },
    dropModule: async (id, module) => {
      record(id).modules = record(id).modules.filter((m) => m.id !== module);
    },
    getAssessmentBank: async (id) => withModules(bank, record(id).modules.map((m) => m.id)),
  };
}
