// The one door to the host: the interface every screen calls, and the switch between real and fake.
import type {
  AdoptRequest,
  AdoptedControl,
  Calendar,
  CheckEntry,
  CheckRequest,
  VoidRequest,
  Observation,
  Analysis,
  AnswerValue,
  AppInfo,
  Changed,
  Assessment,
  AssessmentSummary,
  AssessmentView,
  BackupInfo,
  BankUpgrade,
  HistoryEntry,
  Bank,
  Category,
  CommandError,
  Comparison,
  Depth,
  ExportedReport,
  Gap,
  MergeChoices,
  MergeOutcome,
  MergePlan,
  ModuleInfo,
  ModuleRef,
  Projection,
  ReportType,
  SaveAnswerRequest,
  SavedAnswer,
  ScopeDecision,
  Scorecard,
  Selection,
  Settings,
  TrendPoint,
  SpreadsheetFormat,
  TableKind,
  WrittenSpreadsheet,
  Register,
  RegisterRow,
  FieldInfo,
  ChangeRow,
} from '../bindings';

export interface Host {
  appInfo(): Promise<AppInfo>;
  bank(): Promise<Bank>;
  listAssessments(): Promise<AssessmentSummary[]>;
  /** `modules`: kept question modules to use from the start, as `id` or `id@version`. */
  createAssessment(organisation: string, reportType: ReportType, depth: Depth, modules?: string[]): Promise<Assessment>;
  /** Every question module version kept in the data file. */
  listModules(): Promise<ModuleInfo[]>;
  /** Checks a module file and keeps it; a broken one fails with `bank`, naming every problem. */
  addModule(path: string): Promise<ModuleInfo>;
  /** Attaches a kept module to an assessment (newest version unless named), or moves it to another version. */
  useModule(id: string, module: string, version?: string | null): Promise<ModuleRef>;
  /** Detaches a module; its answers stay in the history. */
  dropModule(id: string, module: string): Promise<void>;
  /** The bank with the assessment's modules: what its questionnaire, dashboard and register show. */
  assessmentBank(id: string): Promise<Bank>;
  /** The audit trail of one question's answers, oldest first. */
  getHistory(id: string, questionId: string): Promise<HistoryEntry[]>;
  /** Carries an assessment answered on an older question bank to this one; `null` when current. */
  upgradeAssessment(id: string): Promise<BankUpgrade | null>;
  /** Quick path or full depth; no given answer changes either way. */
  setDepth(id: string, depth: Depth): Promise<void>;
  getAssessment(id: string): Promise<AssessmentView>;
  getGaps(id: string): Promise<Gap[]>;
  /** Scores, the ranked gap register, the top gaps and the dated plan, as of today. */
  getAnalysis(id: string): Promise<Analysis>;
  /** Readiness, register and plan as they would be with `selection` closed; nothing is saved. */
  projectWhatIf(id: string, selection: Selection): Promise<Projection>;
  /** Two assessments side by side, as of today: figures, gaps closed, new and worse, answers changed. */
  compareAssessments(before: string, after: string): Promise<Comparison>;
  /** Every assessment of the organisation `id` belongs to, oldest first. */
  assessmentTrend(id: string): Promise<TrendPoint[]>;
  renameAssessment(id: string, organisation: string): Promise<void>;
  duplicateAssessment(id: string): Promise<Assessment>;
  setArchived(id: string, archived: boolean): Promise<void>;
  deleteAssessment(id: string): Promise<void>;
  /** With a passphrase, the file is sealed under it (`docs/protected-export.md`). */
  exportAssessment(id: string, path: string, passphrase?: string | null): Promise<void>;
  /** A protected file without its passphrase fails with `needs_passphrase`, a wrong one with `wrong_passphrase`. */
  importAssessment(path: string, passphrase?: string | null): Promise<Assessment>;
  /** What merging a workshop copy (an exported file) into the assessment would do; nothing is written. */
  previewMerge(id: string, path: string, unrelated: boolean, passphrase?: string | null): Promise<MergePlan>;
  /** Merges the file with the choices made, after a backup; an unchosen conflict writes nothing. */
  mergeAssessment(id: string, path: string, choices: MergeChoices, passphrase?: string | null): Promise<MergeOutcome>;
  /** The control calendar as of today: adopted controls with next due dates, and proposals. */
  getCalendar(id: string): Promise<Calendar>;
  /** The observation period as of today: each control's expected runs and the exceptions. */
  getObservation(id: string): Promise<Observation>;
  /** The organisation's check log, oldest first. */
  listChecks(id: string): Promise<CheckEntry[]>;
  voidCheck(id: string, request: VoidRequest): Promise<CheckEntry>;
  adoptControl(id: string, request: AdoptRequest): Promise<AdoptedControl>;
  /** Appends a run to the check log; `file` is the path of an evidence file to keep with it. */
  recordCheck(id: string, request: CheckRequest, file: string | null): Promise<CheckEntry>;
  saveAnswer(request: SaveAnswerRequest): Promise<SavedAnswer>;
  clearAnswer(assessmentId: string, questionId: string): Promise<Scorecard>;
  setScope(assessmentId: string, category: Category, decision: ScopeDecision, reason: string): Promise<Scorecard>;
  exportReport(id: string, path: string, open: boolean): Promise<ExportedReport>;
  /**
   * The tables as one workbook, or CSV files; `format` null takes it from the name (XLSX otherwise).
   * `tables` null is the default export: gaps, roadmap, plan, answers and each register that holds an entry.
   */
  exportSpreadsheet(id: string, path: string, format: SpreadsheetFormat | null, tables: TableKind[] | null): Promise<WrittenSpreadsheet>;
  /** Shows a saved file in the system's file manager. */
  showInFolder(path: string): Promise<void>;
  getSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<Settings>;
  setLogo(path: string | null): Promise<Settings>;
  /** Native dialogs; `null` when the user cancels. */
  chooseSavePath(title: string, defaultName: string, extension: string): Promise<string | null>;
  chooseOpenPath(title: string, extensions: string[]): Promise<string | null>;
  setWindowTitle(title: string): Promise<void>;
  listBackups(): Promise<BackupInfo[]>;
  backUpNow(): Promise<BackupInfo>;
  /** Replaces the data file with a listed backup; the current file is kept aside. */
  restoreBackup(path: string): Promise<void>;
  /**
   * Opens another data file (created when missing) instead of the current one; remembered for the next start.
   * A protected file needs its `passphrase`: `needs_passphrase` without one, `wrong_passphrase` with a wrong one.
   */
  useDataFile(path: string, passphrase?: string): Promise<AppInfo>;
  /** Protects the open data file with a passphrase, after a backup. */
  protectDataFile(passphrase: string): Promise<AppInfo>;
  /** Writes the protected data file plain again; `passphrase` must be its passphrase. */
  unprotectDataFile(passphrase: string): Promise<AppInfo>;
  /** Changes the data file's passphrase from `current` to `next`, after a backup. */
  changeDataFilePassphrase(current: string, next: string): Promise<AppInfo>;
  /** Calls `then` whenever the app is launched again and this window is brought forward instead. */
  onSecondLaunch(then: () => void): Promise<void>;
  /** Runs `beforeClosing` (bounded in time) when the user closes the window, then closes it. */
  onClose(beforeClosing: () => Promise<void>): Promise<void>;
  /** Calls `then` after every write that changes what an assessment shows (its programme's
   * registers and check log), whichever screen made it, so every open view reads it again. */
  onChanged(then: (change: Changed) => void): Promise<void>;
  /** Every row of a register of the assessment's organisation, archived ones too, judged as of today. */
  listRegister(id: string, register: Register): Promise<RegisterRow[]>;
  /** The fields of a register's entries, in the order a form asks for them. */
  registerFields(register: Register): Promise<FieldInfo[]>;
  /** A refused entry fails with `invalid_record` and the `field` to fix. */
  addRegisterEntry(id: string, register: Register, fields: [string, string][]): Promise<RegisterRow>;
  editRegisterEntry(id: string, register: Register, entry: string, fields: [string, string][]): Promise<RegisterRow>;
  setRegisterEntryArchived(id: string, register: Register, entry: string, archived: boolean): Promise<void>;
  /** The entry's history stays. */
  deleteRegisterEntry(id: string, register: Register, entry: string): Promise<void>;
  registerEntryHistory(id: string, register: Register, entry: string): Promise<ChangeRow[]>;
  /**
   * Tells the host that the first screen is painted and interactive; a launch measurement
   * (`./dev measure`) records the time since the process started. A no-op otherwise.
   */
  markLaunched(): Promise<void>;
}

/** Turns whatever a host call threw into the `{ kind, message }` shape the UI shows. */
export function asCommandError(error: unknown): CommandError {
  if (error && typeof error === 'object' && 'kind' in error && 'message' in error) {
    return error as CommandError;
  }
  return { kind: 'unexpected', message: String(error) };
}

export type { AnswerValue };
