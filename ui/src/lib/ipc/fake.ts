// An in-memory host for UI tests and for opening the UI in a plain browser; it imitates, never scores for real.
import type { Answer, Assessment, AssessmentRecord, AssessmentView, Bank, Depth, MergePlan, Comparison, Question, Rollup, Scorecard, Settings, TableKind, TrendPoint } from '../bindings';
import { withChanges } from './fake-changes';
import { fakeProtection } from './fake-protection';
import type { Host } from './host';
import { fakeRegisters } from './fake-registers';
import { FAKE_RECURRING, fakeCalendar } from './fake-calendar';
import { moduleCommands, reference, type FakeModules } from './fake-modules';
import { fakeTrust } from './fake-trust';
import { fakeDescription } from './fake-description';
import { fakeAccounts, type FakeAccounts } from './fake-accounts';
import { fakeFileDrops } from './fake-drops';

const control = (id: string, step: number, topic: string, text: string, criteria: string[], key = false): Question => ({
  id,
  step,
  topic,
  kind: 'control',
  text,
  why: `Why ${id} matters.`,
  input: null,
  criteria,
  good: `What good looks like for ${id}.`,
  remediation: `First actions for ${id}.`,
  remediation_document: `Write down how ${id} is done today.`,
  remediation_operate: `Run ${id} every time and keep the evidence.`,
  gap: `The ${id} gap`,
  subject: null,
  impact: key ? 'critical' : 'moderate',
  impact_raised_when: null,
  effort: 'S',
  weight: 3,
  key,
  applies_when: null,
  engagement: false,
  otherwise: null,
});

export const FAKE_BANK: Bank = {
  version: 'fake-1',
  steps: [1, 2, 3, 4, 5, 6].map((number) => ({ number, title: `Step ${number}`, summary: `About step ${number}.` })),
  criteria: [
    { id: 'CC1.1', category: 'security', series: 'CC1', title: 'Integrity and ethics', explanation: '' },
    { id: 'CC6.1', category: 'security', series: 'CC6', title: 'Logical access', explanation: '' },
  ],
  category_rules: [],
  foundations: [{ question: 'gov.owner', dependents: ['gov.code'], reason: 'A code needs an owner.' }],
  changelog: [],
  recurring_controls: FAKE_RECURRING,
  questions: [
    {
      id: 'scope.report-type',
      step: 1,
      topic: 'Report',
      kind: 'scoping',
      text: 'Which report?',
      why: 'It sets the target.',
      input: 'choice',
      choices: [
        { id: 'type1', label: 'Type I', exclusive: false },
        { id: 'type2', label: 'Type II', exclusive: false },
      ],
      criteria: [],
      good: null,
      remediation: null,
      remediation_document: null,
      remediation_operate: null,
      gap: null,
      subject: null,
      impact: null,
      impact_raised_when: null,
      effort: null,
      weight: null,
      key: false,
      engagement: false,
      applies_when: null,
      otherwise: null,
    },
    control('gov.code', 2, 'Governance', 'Code of conduct?', ['CC1.1'], true),
    control('gov.owner', 2, 'Governance', 'Security owner?', ['CC1.1']),
    control('access.mfa', 3, 'Access', 'MFA everywhere?', ['CC6.1'], true),
  ],
};

/** A scorecard good enough for the UI: completion counts and a plain mean of credits. */
function fakeScore(bank: Bank, record: AssessmentRecord): Scorecard {
  const target = 4;
  const controls = bank.questions.filter((q) => q.kind === 'control');
  const questions = controls.map((q) => {
    const value = record.answers[q.id]?.value;
    const level = value && 'level' in value ? value.level : null;
    const notApplicable = !!value && 'not_applicable' in value;
    const credit = (t: number) => (notApplicable ? null : Math.min(level ?? 0, t) / t);
    return {
      question_id: q.id,
      applicable: true,
      answered: level !== null || notApplicable,
      level,
      not_applicable: notApplicable,
      exception: !!record.answers[q.id]?.exception, not_evidenced: false, unknown: !!value && 'unknown' in value, implied: false,
      credit: credit(target),
      design_credit: credit(3),
      operating_credit: credit(4),
    };
  });
  const scored = questions.filter((q) => q.credit !== null);
  const readiness = scored.length ? Math.round((1000 * scored.reduce((s, q) => s + (q.credit ?? 0), 0)) / scored.length) / 10 : null;
  const answered = questions.filter((q) => q.answered).length;
  const completion = Math.round((1000 * answered) / questions.length) / 10;
  return {
    report_type: 'type2',
    target_level: target,
    overall: { readiness, design: readiness, operating: readiness, completion, applicable: questions.length, answered, unanswered: questions.length - answered, unknown: 0, implied: 0 },
    categories: [],
    steps: bank.steps.map((s) => ({ step: s.number, title: s.title, readiness, design: readiness, operating: readiness, completion, applicable: 0, answered: 0 })),
    criteria: [],
    scope: [],
    questions,
    scoping: [],
    method_note: null,
    tasks: { applicable: 0, answered: 0, done: 0 },
  };
}

type Figured = Pick<Rollup, 'readiness' | 'design' | 'operating' | 'completion'>;

/** Overall and step figures side by side and the answers that differ; the fake has no gaps to compare. */
function fakeComparison(bank: Bank, before: AssessmentRecord, after: AssessmentRecord): Comparison {
  const [was, is] = [fakeScore(bank, before), fakeScore(bank, after)];
  const figures = (b: Figured, a: Figured) => ({
    readiness: { before: b.readiness, after: a.readiness },
    design: { before: b.design, after: a.design },
    operating: { before: b.operating, after: a.operating },
    completion: { before: b.completion, after: a.completion },
  });
  const side = ({ assessment: a }: AssessmentRecord) => ({ id: a.id, organisation: a.organisation, label: a.label ?? null, created_at: a.created_at, bank_version: a.bank_version });
  const words = (r: AssessmentRecord, id: string) => (r.answers[id] ? JSON.stringify(r.answers[id].value) : null);
  return {
    before: side(before),
    after: side(after),
    overall: figures(was.overall, is.overall),
    categories: [],
    steps: is.steps.map((s, i) => ({ step: s.step, title: s.title, figures: figures(was.steps[i], s) })),
    criteria: [],
    gaps_closed: [],
    gaps_new: [],
    gaps_worse: [],
    gaps_better: [],
    answers_changed: bank.questions
      .filter((q) => words(before, q.id) !== words(after, q.id))
      .map((q) => ({ question_id: q.id, question: q.text, step: q.step, before: words(before, q.id), after: words(after, q.id) })),
    notes: [],
  };
}

export function createFakeHost(bank: Bank = FAKE_BANK) {
  const records = new Map<string, AssessmentRecord>();
  let settings: Settings = { assessor_name: null, assessor_organisation: null, page_size: 'a4', has_logo: false };
  let counter = 0;
  const now = () => new Date().toISOString();
  const record = (id: string) => {
    const found = records.get(id);
    if (!found) throw { kind: 'not_found', message: `no assessment matches '${id}'` };
    return found;
  };
  /** The record as the engine judges it: on the quick path, a missing foundation's dependents are implied. */
  const judged = (id: string): { record: AssessmentRecord; implied: Record<string, string> } => {
    const stored = record(id);
    const out: AssessmentRecord = { ...stored, answers: { ...stored.answers } };
    const implied: Record<string, string> = {};
    if (stored.assessment.depth !== 'quick') return { record: out, implied };
    for (const f of bank.foundations) {
      const base = stored.answers[f.question];
      if (!base || !('level' in base.value) || base.value.level >= 2) continue;
      for (const d of f.dependents.filter((d) => !stored.answers[d])) {
        implied[d] = f.question;
        out.answers[d] = { ...base, question_id: d, value: { level: 0 }, note: null, owner: null, due: null, evidence: [], exception: undefined };
      }
    }
    return { record: out, implied };
  };
  const shown = (id: string): AssessmentRecord => judged(id).record;
  // Shared by the writes that make an assessment, so each tells its listeners once.
  const create = (organisation: string, depth: Depth, modules: string[]): Assessment => {
    if (!organisation.trim()) throw { kind: 'invalid_input', field: 'organisation', message: 'must not be empty' };
    const id = `fake${String(++counter).padStart(8, '0')}`;
    const assessment: Assessment = { id, organisation, bank_version: bank.version, created_at: now(), updated_at: now(), archived_at: null, depth };
    const used = kept.filter((k) => modules.some((m) => m.split('@')[0] === k.id));
    records.set(id, { assessment, answers: {}, scope_overrides: [], upgrades: [], modules: used.map(reference) });
    return assessment;
  };
  const duplicate = (id: string): Assessment => {
    const copy = create(record(id).assessment.organisation, record(id).assessment.depth, []);
    record(copy.id).answers = structuredClone(record(id).answers);
    Object.assign(record(copy.id).assessment, { baseline: id, label: `Re-assessment from ${id}` });
    return record(copy.id).assessment;
  };
  const view = (id: string): AssessmentView => ({ ...judged(id), scorecard: fakeScore(bank, shown(id)), fingerprint: 'fake', needs_upgrade: false, to_confirm: {} });
  const calls: string[] = [];
  const registers = fakeRegisters(now);
  const kept: FakeModules = []; // question modules kept in the fake data file
  /** The plan each file would give when merged, as a test stages it. */
  const mergePlans = new Map<string, MergePlan>();
  /** Files exported with a passphrase: what they hold and what opens them. */
  const protectedFiles = new Map<string, { id: string; passphrase: string }>();
  /** As the engine: a protected file needs its passphrase, a plain one needs none. */
  const opened = (path: string, passphrase?: string | null) => {
    const exported = protectedFiles.get(path);
    if (!exported) return null;
    if (!passphrase) throw { kind: 'needs_passphrase', message: 'the file is protected with a passphrase; give its passphrase to open it' };
    if (passphrase !== exported.passphrase) {
      throw { kind: 'wrong_passphrase', message: 'the passphrase does not open this file (a wrong passphrase, or a file changed after it was protected)' };
    }
    return exported;
  };

  const protection = fakeProtection(() => host.getAppInfo());

  const host: Host & { calls: string[]; failNext: (message: string) => void; stageMerge: (path: string, plan: MergePlan) => void; stageAccountFile: FakeAccounts['stageAccountFile']; stageCsvFile: (path: string, text: string) => void; dropFiles: (paths: string[]) => void } = {
    calls,
    stageMerge: (path: string, plan: MergePlan) => void mergePlans.set(path, plan),
    failNext(message: string) {
      const original = host.saveAnswer;
      host.saveAnswer = async () => {
        host.saveAnswer = original;
        throw { kind: 'store', message };
      };
    },
    ...fakeCalendar(bank, now, (id, register) => registers.listRegister(id, register)),
    getAppInfo: async () => ({ version: 'fake', bank_version: bank.version, data_file: '/tmp/fake.sqlite3', read_only: false, protected: protection.isProtected(), startup_error: null }),
    getBank: async () => bank,
    listAssessments: async () =>
      [...records.values()].map((r) => ({
        assessment: r.assessment,
        report_type: 'type2',
        readiness: fakeScore(bank, r).overall.readiness,
        completion: fakeScore(bank, r).overall.completion,
      })),
    createAssessment: async (organisation, _reportType, chosenDepth, chosenModules) => create(organisation, chosenDepth ?? 'full', chosenModules ?? []),
    ...moduleCommands(bank, kept, calls, () => [...records.values()], record),
    upgradeAssessment: async () => null,
    getHistory: async () => [],
    setDepth: async (id, depth) => {
      calls.push(`depth ${depth}`);
      record(id).assessment.depth = depth;
    },
    getAssessment: async (id) => view(id),
    getGaps: async () => [],
    getAnalysis: async (id) => {
      const day = now().slice(0, 10);
      return {
        scorecard: fakeScore(bank, record(id)),
        deadline: { today: day, target_date: null, window_start: null, weeks_to_window: null },
        gaps: [],
        top: [],
        weakest: [],
        plan: {
          today: day, report_type: 'type2', total_work_weeks: 0, longest_work_weeks: 0, days_per_week: 2.5, capacity_answered: false,
          remediation_weeks: 0, remediation_end: day, type1_date: null, observation_start: day, observation_end: day, observation_months: 3,
          report_date: day, cautious_report_date: day, target_date: null, meets_target: null, slack_days: null, start_not_credible: false,
          verdict: 'No target date given.', decided_by: [], milestones: [], options: [], due_in_window: [], audit_tasks: [], assumptions: [],
        },
      };
    },
    // The fake register has no gaps, so, as the engine does, it refuses any id as not a gap.
    projectWhatIf: async (id, selection) => {
      calls.push(`what-if ${selection.gaps.join(',')}`);
      if (selection.gaps.length > 0) {
        throw { kind: 'invalid_input', message: `cannot close what is not a gap: ${selection.gaps.join(', ')} is not in the gap register` };
      }
      const now = await host.getAnalysis(id);
      const same = (value: number | null) => ({ before: value, after: value });
      return {
        today: now.plan.today,
        report_type: now.scorecard.report_type,
        selection,
        closed: [],
        overall: same(now.scorecard.overall.readiness),
        design: same(now.scorecard.overall.design),
        operating: same(now.scorecard.overall.operating),
        categories: now.scorecard.categories.filter((c) => c.in_scope).map((c) => ({ id: c.id, name: c.name, readiness: same(c.readiness) })),
        criteria: [],
        gaps_before: now.gaps.length,
        remaining: now.gaps,
        top_remaining: now.top,
        plan_before: now.plan,
        plan_after: now.plan,
      };
    },
    compareAssessments: async (before, after) => fakeComparison(bank, shown(before), shown(after)),
    // As the engine does, by organisation name (the fake has no other link), oldest first.
    assessmentTrend: async (id) => {
      const name = record(id).assessment.organisation.trim().toLowerCase();
      return [...records.values()]
        .filter((r) => r.assessment.organisation.trim().toLowerCase() === name)
        .sort((a, b) => a.assessment.created_at.localeCompare(b.assessment.created_at) || a.assessment.id.localeCompare(b.assessment.id))
        .map((r): TrendPoint => {
          const score = fakeScore(bank, shown(r.assessment.id)).overall;
          const a = r.assessment;
          return { id: a.id, organisation: a.organisation, label: a.label ?? null, created_at: a.created_at, archived: a.archived_at !== null, readiness: score.readiness, completion: score.completion };
        });
    },
    renameAssessment: async (id, organisation) => {
      if (!organisation.trim()) throw { kind: 'invalid_input', field: 'organisation', message: 'must not be empty' };
      record(id).assessment.organisation = organisation;
    },
    duplicateAssessment: async (id) => duplicate(id),
    setArchived: async (id, archived) => {
      record(id).assessment.archived_at = archived ? now() : null;
    },
    deleteAssessment: async (id) => {
      records.delete(id);
    },
    exportAssessment: async (id, path, passphrase) => {
      if (passphrase === '') throw { kind: 'invalid_input', message: 'a passphrase must not be empty' };
      if (passphrase) protectedFiles.set(path, { id, passphrase });
      calls.push(`export ${path}${passphrase ? ' protected' : ''}`);
    },
    // Only a protected export made on this fake imports (as a copy); anything else is refused.
    importAssessment: async (path, passphrase) => {
      const exported = opened(path, passphrase);
      if (!exported) throw { kind: 'invalid_import', message: 'the fake host imports nothing' };
      calls.push(`import ${path}`);
      return duplicate(exported.id);
    },
    previewMerge: async (_id, path, _unrelated, passphrase) => {
      opened(path, passphrase);
      const plan = mergePlans.get(path);
      if (!plan) throw { kind: 'invalid_import', message: 'the fake host has no merge staged for this file' };
      return plan;
    },
    mergeAssessment: async (id, path, choices, passphrase) => {
      const plan = await host.previewMerge(id, path, choices.unrelated, passphrase);
      const side = (key: string) => choices.chosen[key] ?? choices.all;
      const open = plan.questions.filter((q) => q.outcome === 'conflict' && !side(q.question_id)).map((q) => q.question_id);
      if (open.length > 0) throw { kind: 'invalid_input', message: `conflicts need a choice of mine or theirs, nothing was merged: ${open.join(', ')}` };
      calls.push(`merge ${path} ${JSON.stringify(choices.chosen)}`);
      const taken = plan.questions.filter((q) => q.outcome === 'take_theirs' || (q.outcome === 'conflict' && side(q.question_id) === 'theirs'));
      for (const q of taken) {
        if (q.theirs.answer) record(id).answers[q.question_id] = q.theirs.answer;
        else delete record(id).answers[q.question_id];
      }
      return { plan, answers_taken: taken.length, scope_taken: 0, history_added: plan.history_to_add.length, backup: '/tmp/fake-before-merge.sqlite3' };
    },
    saveAnswer: async (request) => {
      calls.push(`save ${request.question_id}`);
      const answer: Answer = {
        question_id: request.question_id,
        value: request.value,
        note: request.note || null,
        owner: request.owner || null,
        due: request.due,
        evidence: request.evidence,
        exception: request.exception || undefined,
        live_exposure: !!request.exception && !!request.live_exposure,
        repeat_finding: !!request.exception && !!request.repeat_finding,
        not_covered: request.exception ? (request.not_covered ?? []) : [],
        updated_at: now(),
      };
      record(request.assessment_id).answers[request.question_id] = answer;
      return { answer, scorecard: fakeScore(bank, shown(request.assessment_id)) };
    },
    clearAnswer: async (assessmentId, questionId) => {
      calls.push(`clear ${questionId}`);
      delete record(assessmentId).answers[questionId];
      return fakeScore(bank, shown(assessmentId));
    },
    setScope: async (request) => fakeScore(bank, record(request.assessment_id)),
    exportReport: async (_id, path) => ({ path, pages: 1, bytes: 1, opened: false }),
    exportSpreadsheet: async (id, path, _format, tables) => {
      calls.push(`export spreadsheet ${path}`);
      // As the engine does: the default export adds each register that holds an entry.
      const kept = await Promise.all((['vendors', 'policies', 'incidents', 'risks', 'people', 'changes'] as const).map(async (r) => ((await host.listRegister(id, r)).length ? [r] : [])));
      const chosen: TableKind[] = tables ?? ['gaps', 'roadmap', 'plan', 'answers', ...kept.flat()];
      return { files: [path], tables: chosen.map((table) => ({ table, rows: 0 })) };
    },
    showInFolder: async () => {},
    getSettings: async () => settings,
    saveSettings: async (next) => (settings = { ...next }),
    setLogo: async (path) => (settings = { ...settings, has_logo: path !== null }),
    chooseSavePath: async () => null,
    chooseOpenPath: async () => null,
    setWindowTitle: async () => {},
    listBackups: async () => [],
    backUpNow: async () => ({ path: '/tmp/fake-backup.sqlite3', created_at: now(), reason: 'manual', bytes: 0 }),
    restoreBackup: async () => {},
    onSecondLaunch: async () => {},
    onClose: async () => {},
    onChanged: async () => () => {},
    ...fakeFileDrops(),
    markLaunch: async () => (calls.push('mark launched'), null),
    useDataFile: async (path) => ({ version: 'fake', bank_version: bank.version, data_file: path, read_only: false, protected: false, startup_error: null }),
    ...protection.calls,
    ...registers,
    ...fakeTrust(bank, judged, () => now().slice(0, 10), calls),
    ...fakeAccounts(calls),
    ...fakeDescription(judged, now, calls),
  };
  return withChanges(host);
}
