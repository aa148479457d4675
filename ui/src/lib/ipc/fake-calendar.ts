// The fake host's control calendar: adopted controls and checks kept in memory, due dates as the engine would give for the simple cases tests use.
import type { AdoptedControl, Bank, Calendar, CheckEntry, Observation, Population, PopulationSample, RecurringTemplate, Register, RegisterRow, SamplesView, WrittenBinder } from '../bindings';
import type { Host } from './host';

export const FAKE_RECURRING: RecurringTemplate[] = [
  { id: 'access-review', title: 'User access review', questions: ['access.review'], frequency: 'quarterly', evidence: 'The signed-off account list.' },
];

type CalendarHost = Pick<Host, 'getCalendar' | 'getObservation' | 'listChecks' | 'adoptControl' | 'retireControl' | 'recordCheck' | 'voidCheck' | 'writeBinder' | 'getSamples'>;

/** Each population's register, the field that dates its items, and its control (crates/core/src/calendar/sample.rs). */
const POPULATIONS: { population: Population; title: string; register: Register; field: string; control: string }[] = [
  { population: 'hires', title: 'Hires', register: 'people', field: 'start', control: 'onboarding-check' },
  { population: 'leavers', title: 'Leavers', register: 'people', field: 'end', control: 'leaver-check' },
  { population: 'new-vendors', title: 'New vendors', register: 'vendors', field: 'engaged_on', control: 'vendor-review' },
  { population: 'changes', title: 'Changes', register: 'changes', field: 'released_on', control: 'change-sampling' },
];
/** The engine's sample size by population (crates/core/src/binder/samples.rs); the fake proposes the first ones rather than drawing. */
const sampleSize = (n: number) => Math.min(n, n <= 1 ? 1 : n <= 12 ? 2 : n <= 52 ? 5 : 25);

export function fakeCalendar(bank: Bank, now: () => string, listRegister: (id: string, register: Register) => Promise<RegisterRow[]>): CalendarHost {
  const controls = new Map<string, AdoptedControl[]>();
  const checks = new Map<string, CheckEntry[]>();
  const of = <T>(map: Map<string, T[]>, id: string): T[] => map.get(id) ?? map.set(id, []).get(id)!;
  return {
    getCalendar: async (id): Promise<Calendar> => {
      const adopted = of(controls, id);
      const rows = adopted.map((control) => {
        const last = of(checks, id).filter((c) => c.control_id === control.control_id).at(-1) ?? null;
        const template = bank.recurring_controls.find((t) => t.id === control.control_id);
        return {
          control,
          title: template?.title ?? control.control_id,
          questions: template?.questions ?? [],
          evidence: template?.evidence ?? '',
          last_check: last,
          next_due: control.first_due,
          // As the engine: a retired control stays listed, as archived, and is not proposed again.
          status: control.archived ? ('archived' as const) : last ? ('upcoming' as const) : ('due' as const),
        };
      });
      return {
        controls: rows,
        proposed: bank.recurring_controls.filter((t) => !adopted.some((c) => c.control_id === t.id)),
        due: rows.filter((r) => r.status === 'due').length,
        overdue: 0,
      };
    },
    getObservation: async (id): Promise<Observation> => {
      const failed = of(checks, id).filter((c) => c.result === 'fail').length;
      return { window: null, started: false, note: 'Set when the observation period starts (step 1).', controls: [], exceptions: failed };
    },
    listChecks: async (id) => [...of(checks, id)],
    adoptControl: async (id, request) => {
      if (!request.owner.trim()) throw { kind: 'invalid_input', field: 'owner', message: 'required' };
      const control = { control_id: request.control_id, frequency: request.frequency, owner: request.owner, first_due: request.first_due, archived: false, adopted_at: now() };
      // As the engine: adopting an adopted control changes it (and a retired one comes back).
      const list = of(controls, id);
      const at = list.findIndex((c) => c.control_id === request.control_id);
      if (at >= 0) list[at] = { ...control, adopted_at: list[at].adopted_at };
      else list.push(control);
      return control;
    },
    retireControl: async (id, controlId) => {
      const control = of(controls, id).find((c) => c.control_id === controlId);
      if (!control) throw { kind: 'not_found', message: `no adopted control ${controlId}` };
      control.archived = true;
    },
    recordCheck: async (id, request, file) => {
      if (!of(controls, id).some((c) => c.control_id === request.control_id)) throw { kind: 'invalid_input', field: 'control', message: `'${request.control_id}' is not adopted; adopt it on the calendar first` };
      if (request.sample && request.result !== 'pass' && request.result !== 'fail') throw { kind: 'invalid_input', field: 'result', message: "a sampled item's test passed or failed; withdraw a wrong one by voiding it" };
      if (request.performed_on > now().slice(0, 10)) throw { kind: 'invalid_input', field: 'date', message: `${request.performed_on} is in the future; record a check once it has run` };
      if (!request.performed_by.trim()) throw { kind: 'invalid_input', field: 'by', message: 'required' };
      if (request.result !== 'pass' && !request.reason.trim()) throw { kind: 'invalid_input', field: 'reason', message: 'required' };
      const entry: CheckEntry = {
        ...request,
        id: `check${of(checks, id).length + 1}`,
        file: file ? { id: 'file1', name: file.split('/').at(-1) ?? file, size: 1, sha256: '0'.repeat(64) } : null,
        voids: null,
        recorded_at: now(),
        sample: request.sample ?? undefined,
      };
      of(checks, id).push(entry);
      return entry;
    },
    getSamples: async (id, period): Promise<SamplesView> => {
      const { from, to } = period;
      if (!from || !to) throw { kind: 'invalid_input', field: 'from', message: "give the audit period's first and last day" };
      const voided = new Set(of(checks, id).map((c) => c.voids).filter(Boolean));
      const populations: PopulationSample[] = [];
      for (const p of POPULATIONS) {
        const items = (await listRegister(id, p.register))
          .map((row) => ({ id: row.id, label: row.label, on: row.values[p.field] ?? '' }))
          .filter((item) => item.on >= from && item.on <= to)
          .sort((a, b) => a.on.localeCompare(b.on));
        const size = sampleSize(items.length);
        const rows = items
          .map((item, at) => {
            const test = of(checks, id).filter((c) => c.sample?.population === p.population && c.sample.item_id === item.id && c.result !== 'void' && !voided.has(c.id)).at(-1) ?? null;
            return { item, proposed: at < size, test };
          })
          .filter((row) => row.proposed || row.test);
        populations.push({ population: p.population, title: p.title, control_id: p.control, attributes: 'what a test looks for', size: items.length, rows, tested: rows.filter((r) => r.test).length, failed: rows.filter((r) => r.test?.result === 'fail').length });
      }
      return { period: { start: from, end: to }, populations };
    },
    // As the engine: the period's runs counted, its files kept; a period ending before it starts refused on its last day.
    writeBinder: async (id, path, request): Promise<WrittenBinder> => {
      const { from, to } = request;
      if (!from || !to) throw { kind: 'invalid_input', field: 'from', message: "give the audit period's first and last day" };
      if (to < from) throw { kind: 'invalid_record', field: 'to', message: `the period ends (${to}) before it starts (${from})` };
      const inside = of(checks, id).filter((c) => c.result !== 'void' && c.performed_on >= from && c.performed_on <= to);
      const files = inside.filter((c) => c.file).length;
      const bare = inside.filter((c) => !c.file && !c.evidence && c.result !== 'not-run').length;
      return { file: path, period: { start: from, end: to }, entries: 14 + files, evidence_files: files, runs: inside.length, missed: 0, without_evidence: bare, uncovered_criteria: 0, bytes: 1000 };
    },
    voidCheck: async (id, request) => {
      if (!request.reason.trim()) throw { kind: 'invalid_input', field: 'reason', message: 'required' };
      if (!request.performed_by.trim()) throw { kind: 'invalid_input', field: 'by', message: 'required' };
      const voided = of(checks, id).find((c) => c.id === request.check_id);
      if (!voided) throw { kind: 'not_found', message: `no check ${request.check_id}` };
      const entry: CheckEntry = { ...voided, id: `check${of(checks, id).length + 1}`, performed_on: now().slice(0, 10), result: 'void', reason: request.reason, performed_by: request.performed_by, evidence: null, voids: voided.id, file: null, recorded_at: now() };
      of(checks, id).push(entry);
      return entry;
    },
  };
}
