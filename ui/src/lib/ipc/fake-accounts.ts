// The fake host's account exports: a test stages what a file would read as (its result), and the fake keeps, lists, removes and reviews imports as the engine does for the simple cases tests use.
import type { AccountChoices, AccountImportInfo, AccountImportResult, AccountsView } from '../bindings';
import type { Host } from './host';

type AccountsHost = Pick<Host, 'getAccounts' | 'importAccounts' | 'removeAccountImport' | 'setAccountChoices'>;

export interface FakeAccounts extends AccountsHost {
  /** What importing `path` reads: its recognised layout, columns, problems and findings. */
  stageAccountFile(path: string, result: AccountImportResult): void;
}

export function fakeAccounts(calls: string[]): FakeAccounts {
  const staged = new Map<string, AccountImportResult>();
  const kept: { info: AccountImportInfo; result: AccountImportResult }[] = [];
  let choices: AccountChoices = { limits: { key_rotation_days: 90, unused_days: 90, chosen: false }, names_in_reports: false };
  let next = 1;
  const view = (): AccountsView => {
    // The latest of each system is the one checked.
    const latest = new Map<string, (typeof kept)[number]>();
    for (const k of kept) {
      const key = k.info.system.toLowerCase();
      const held = latest.get(key);
      if (!held || k.info.taken_on >= held.info.taken_on) latest.set(key, k);
    }
    const checked = [...latest.values()];
    return {
      imports: kept.map((k) => ({ ...k.info, checked: checked.includes(k) })).reverse(),
      review: { findings: checked.flatMap((k) => k.result.findings), evidence: [], limits: choices.limits, checked: checked.map((k) => k.info.id) },
      choices,
      claims: [],
    };
  };
  return {
    stageAccountFile: (path, result) => staged.set(path, result),
    getAccounts: async () => view(),
    importAccounts: async (_id, path, system, format, mapping, takenOn, write) => {
      calls.push(`import accounts ${path}${write ? '' : ' (preview)'}${mapping.length ? ` ${JSON.stringify(mapping)}` : ''}`);
      const found = staged.get(path);
      if (!found) throw { kind: 'not_found', message: `${path}: no such file` };
      const result: AccountImportResult = { ...found, system: system?.trim() || found.system, format: format ?? found.format, taken_on: takenOn?.trim() || found.taken_on };
      if (write && result.problems.length === 0) {
        const id = `imp${next++}`;
        kept.push({ info: { id, system: result.system, format: result.format ?? 'mapped', file_name: result.file_name, sha256: result.sha256, taken_on: result.taken_on, accounts: result.accounts, checked: true }, result });
        return { ...result, import_id: id };
      }
      return { ...result, import_id: null };
    },
    removeAccountImport: async (_id, importId) => {
      const at = kept.findIndex((k) => k.info.id === importId);
      if (at < 0) throw { kind: 'not_found', message: `no account import matches '${importId}'` };
      const [gone] = kept.splice(at, 1);
      calls.push(`remove account import ${importId}`);
      return gone.info;
    },
    setAccountChoices: async (_id, keyRotationDays, unusedDays, namesInReports) => {
      for (const [field, days] of [['key_rotation_days', keyRotationDays], ['unused_days', unusedDays]] as const) {
        if (!(days >= 7 && days <= 1095)) throw { kind: 'invalid_input', field, message: `the limit is ${days} days; give a limit from 7 to 1095 days` };
      }
      choices = { limits: { key_rotation_days: keyRotationDays, unused_days: unusedDays, chosen: true }, names_in_reports: namesInReports };
      return choices;
    },
  };
}
