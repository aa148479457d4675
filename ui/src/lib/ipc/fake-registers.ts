// The fake host's registers: rows kept in memory, the engine's field errors imitated (required, dates), never its statuses.
import { parseDate } from '../format';
import type { ChangeRow, FieldInfo, Limits, Register, RegisterRow } from '../bindings';
import type { Host } from './host';
import { fakeRegisterImport } from './fake-register-import';

const field = (name: string, kind: string, required = false, choices: string[] = []): FieldInfo => ({
  name,
  kind,
  required,
  help: `The ${name.replace(/_/g, ' ')}.`,
  choices,
  max_chars: kind === 'text' ? 200 : kind === 'long_text' ? 4000 : null,
});

const FIELDS: Record<Register, FieldInfo[]> = {
  vendors: [
    field('name', 'text', true),
    field('service', 'text', true),
    field('criticality', 'choice', true, ['critical', 'high', 'medium', 'low']),
    field('personal_data', 'flag'),
    field('owner', 'text', true),
    field('last_review', 'date'),
    field('next_review', 'date'),
  ],
  policies: [field('title', 'text', true), field('version', 'text', true), field('owner', 'text', true), field('next_review', 'date')],
  incidents: [
    field('title', 'text', true),
    field('detected_on', 'date', true),
    field('severity', 'choice', true, ['critical', 'high', 'medium', 'low']),
    field('what_happened', 'long_text', true),
    field('owner', 'text', true),
  ],
  risks: [
    field('threat', 'text', true),
    field('likelihood', 'number', true),
    field('impact', 'number', true),
    field('treatment', 'choice', true, ['mitigate', 'accept', 'transfer', 'avoid']),
    field('owner', 'text', true),
  ],
  // Every field, in the engine's order (crates/core/src/registers/change.rs, person.rs).
  changes: [
    field('reference', 'text', true),
    field('title', 'text', true),
    field('system', 'text'),
    field('kind', 'choice', false, ['normal', 'emergency']),
    field('author', 'text', true),
    field('approved_by', 'text'),
    field('approved_on', 'date'),
    field('tested', 'flag_or_unknown'),
    field('released_on', 'date', true),
    field('notes', 'long_text'),
  ],
  people: [
    field('name', 'text', true),
    field('role', 'text', true),
    field('kind', 'choice', true, ['employee', 'contractor']),
    field('start', 'date', true),
    field('end', 'date'),
    field('background_check', 'date'),
    field('training', 'choice', false, ['pending', 'in_progress', 'completed']),
    field('trained_on', 'date'),
    field('policies_acknowledged', 'date'),
    field('agreement', 'flag'),
    field('device', 'text'),
    field('access_removed', 'date'),
  ],
};

type Registers = Pick<
  Host,
  | 'listRegister'
  | 'registerFields'
  | 'addRegisterEntry'
  | 'editRegisterEntry'
  | 'setRegisterEntryArchived'
  | 'deleteRegisterEntry'
  | 'registerEntryHistory'
  | 'checkRegisterEntry'
  | 'getLimits'
  | 'setLimits'
  | 'importRegisterCsv'
> & { stageCsvFile: (path: string, text: string) => void };

const USUAL_LIMITS: Limits = { access_removal_days: 3, training_days: 30, acknowledgement_days: 30 };
/** The engine's longest limits (crates/core/src/registers/limits.rs). */
const LONGEST: Limits = { access_removal_days: 30, training_days: 365, acknowledgement_days: 365 };

export function fakeRegisters(now: () => string): Registers {
  const rows = new Map<string, RegisterRow & { register: Register; assessment: string }>();
  const history = new Map<string, ChangeRow[]>();
  let counter = 0;
  const limits = new Map<string, Limits>();
  /** Every problem, in field order, as the engine's check gives them. */
  const problems = (register: Register, values: Record<string, string>) => {
    const found: { field: string; message: string }[] = [];
    for (const f of FIELDS[register]) {
      const value = (values[f.name] ?? '').trim();
      if (f.required && !value) found.push({ field: f.name, message: 'required; give a value' });
      else if (f.kind === 'date' && value) {
        const parsed = parseDate(value);
        if (!parsed) found.push({ field: f.name, message: `'${value}' is not a date; write it as 2027-02-28 or 28 Feb 2027` });
        else if (f.name === 'last_review' && parsed > now().slice(0, 10)) found.push({ field: f.name, message: `${parsed} is in the future; give the day it happened` });
      }
    }
    return found;
  };
  const check = (register: Register, values: Record<string, string>) => {
    const [first] = problems(register, values);
    if (first) throw { kind: 'invalid_record', message: first.message, field: first.field };
  };
  const entry = (id: string) => {
    const row = rows.get(id);
    if (!row) throw { kind: 'not_found', message: `no entry matches '${id}'` };
    return row;
  };
  const record = (row: RegisterRow, action: ChangeRow['action']) => {
    const list = history.get(row.id) ?? [];
    list.push({ action, changed_at: now(), values: { ...row.values } });
    history.set(row.id, list);
  };
  const plain = ({ register: _r, assessment: _a, ...row }: RegisterRow & { register: Register; assessment: string }): RegisterRow => row;
  const self: Registers = {
    getLimits: async (id) => ({ limits: limits.get(id) ?? USUAL_LIMITS, set: limits.has(id) }),
    setLimits: async (id, given) => {
      if (!given) limits.delete(id);
      else {
        for (const name of Object.keys(LONGEST) as (keyof Limits)[]) {
          if (given[name] > LONGEST[name]) throw { kind: 'invalid_record', field: name, message: `${given[name]} days is more than the ${LONGEST[name]} allowed` };
        }
        limits.set(id, { ...given });
      }
      return { limits: limits.get(id) ?? USUAL_LIMITS, set: limits.has(id) };
    },
    listRegister: async (id, register) =>
      [...rows.values()].filter((r) => r.assessment === id && r.register === register).map(plain),
    registerFields: async (register) => FIELDS[register],
    addRegisterEntry: async (id, register, fields) => {
      const values = Object.fromEntries(FIELDS[register].map((f) => [f.name, '']));
      for (const [name, value] of fields) values[name] = value;
      check(register, values);
      const row = {
        id: `entry${String(++counter).padStart(7, '0')}`,
        label: values[FIELDS[register][0].name],
        updated_at: now(),
        archived: false,
        values,
        attention: [],
        register,
        assessment: id,
      };
      rows.set(row.id, row);
      record(row, 'added');
      return plain(row);
    },
    editRegisterEntry: async (_id, register, id, fields) => {
      const row = entry(id);
      const values = { ...row.values };
      for (const [name, value] of fields) values[name] = value;
      check(register, values);
      row.values = values;
      row.label = values[FIELDS[register][0].name];
      record(row, 'edited');
      return plain(row);
    },
    setRegisterEntryArchived: async (_id, _register, id, archived) => {
      const row = entry(id);
      row.archived = archived;
      record(row, archived ? 'archived' : 'restored');
    },
    deleteRegisterEntry: async (_id, _register, id) => {
      record(entry(id), 'deleted');
      rows.delete(id);
    },
    registerEntryHistory: async (_id, _register, id) => history.get(id) ?? [],
    checkRegisterEntry: async (_id, register, fields) => {
      const values = Object.fromEntries(FIELDS[register].map((f) => [f.name, '']));
      for (const [name, value] of fields) values[name] = value;
      return problems(register, values);
    },
    ...fakeRegisterImport(
      async (register) => FIELDS[register],
      async (id, register, fields) => self.checkRegisterEntry(id, register, fields),
      async (id, register, fields) => self.addRegisterEntry(id, register, fields),
    ),
  };
  return self;
}
