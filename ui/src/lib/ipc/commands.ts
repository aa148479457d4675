// Generated from the `#[tauri::command]` functions by src-tauri/src/surface.rs; do not edit. Regenerate with UPDATE_BINDINGS=1 cargo test -p soc2-readiness-desktop surface.
import type { AccountChoices, AccountFormat, AccountImportInfo, AccountImportResult, AccountsView, AdoptRequest, AdoptedControl, Analysis, AppInfo, Assessment, AssessmentSummary, AssessmentView, BackupInfo, Bank, BankUpgrade, BinderRequest, Calendar, ChangeRow, Changed, CheckEntry, CheckRequest, Comparison, CsvImport, Depth, DescriptionFormat, ExportedReport, ExportedTrustPage, FieldInfo, Gap, HistoryEntry, KeptLimits, Limits, MergeChoices, MergeOutcome, MergePlan, ModuleInfo, ModuleRef, Observation, Projection, RecordError, Register, RegisterRow, ReportType, SamplesView, SaveAnswerRequest, SavedAnswer, ScopeRequest, Scorecard, SectionId, SectionVersion, Selection, Settings, SpreadsheetFormat, SystemDescription, TableKind, TrendPoint, TrustChoices, TrustFormat, TrustPageView, VoidRequest, WrittenBinder, WrittenDescription, WrittenSpreadsheet } from '../bindings';

/** Tauri's `invoke`, or a stand-in: the one function the client needs. */
export type Invoke = <T>(command: string, args?: Record<string, unknown>) => Promise<T>;

/** Every command of the shell, one method each, named as in Rust (camelCase). */
export interface Commands {
  /** The kept imports, the findings of the latest of each system with their rows, the evidence, the answers they contradict, and the limits. */
  getAccounts(id: string): Promise<AccountsView>;
  /** Reads a user report at `path` and shows what it recognised and finds; with `write` and no problem, keeps it. `mapping` names another system's columns as (heading, field); `taken_on` is the day it was downloaded as typed (today when empty), refused by field when not a date. */
  importAccounts(id: string, path: string, system: string | null, format: AccountFormat | null, mapping: Array<[string, string]>, takenOn: string | null, write: boolean): Promise<AccountImportResult>;
  /** Removes a kept import; the findings are those of what is left. */
  removeAccountImport(id: string, importId: string): Promise<AccountImportInfo>;
  /** Keeps the company's limits (days) and whether reports name accounts; a limit out of range is refused by its field (`key_rotation_days`, `unused_days`). */
  setAccountChoices(id: string, keyRotationDays: number, unusedDays: number, namesInReports: boolean): Promise<AccountChoices>;
  /** Saves one answer durably (the engine commits before returning) and re-scores. */
  saveAnswer(request: SaveAnswerRequest): Promise<SavedAnswer>;
  /** Removes an answer (its history stays) and re-scores. */
  clearAnswer(assessmentId: string, questionId: string): Promise<Scorecard>;
  /** Includes or excludes a category with the reason, and re-scores. */
  setScope(request: ScopeRequest): Promise<Scorecard>;
  /** The app's version, its bank's version and the data file in use. */
  getAppInfo(): Promise<AppInfo>;
  /** The question bank of the open data file. */
  getBank(): Promise<Bank>;
  /** The backups of the data file, newest first; available even when the file cannot be opened. */
  listBackups(): Promise<Array<BackupInfo>>;
  /** Takes a backup of the data file now. */
  backUpNow(): Promise<BackupInfo>;
  /** Restores one of the listed backups; any other path is refused. */
  restoreBackup(path: string): Promise<void>;
  /** Opens another data file (an existing one, or a new one at a path the user chose) in place of the current one, and remembers the choice for the next start. A protected file needs its `passphrase` (`needs_passphrase` without one); the file in use with one opens it when it was waiting for it. */
  useDataFile(path: string, passphrase?: string | null): Promise<AppInfo>;
  listAssessments(): Promise<Array<AssessmentSummary>>;
  /** Creates an assessment; `modules` are kept question modules to use from the start, as `id` or `id@version`. */
  createAssessment(organisation: string, reportType: ReportType, depth?: Depth | null, modules?: Array<string> | null): Promise<Assessment>;
  /** Carries an assessment answered on an older question bank to this one; `None` when current. */
  upgradeAssessment(id: string): Promise<BankUpgrade | null>;
  /** The audit trail of one question's answers, oldest first. */
  getHistory(id: string, questionId: string): Promise<Array<HistoryEntry>>;
  /** Quick path or full depth; no given answer changes either way. */
  setDepth(id: string, depth: Depth): Promise<void>;
  /** The assessment, its scorecard as of today, and whether it was answered on an older bank. */
  getAssessment(id: string): Promise<AssessmentView>;
  /** The ranked gap register as of today. */
  getGaps(id: string): Promise<Array<Gap>>;
  /** The scorecard, gap register and dated plan, as of today. */
  getAnalysis(id: string): Promise<Analysis>;
  /** Renames the organisation of an assessment. */
  renameAssessment(id: string, organisation: string): Promise<void>;
  /** Copies an assessment with its answers, as a new one. */
  duplicateAssessment(id: string): Promise<Assessment>;
  /** Archives an assessment (or brings it back). */
  setArchived(id: string, archived: boolean): Promise<void>;
  /** Deletes an assessment with its answers. */
  deleteAssessment(id: string): Promise<void>;
  /** Writes the assessment as a JSON file; with a passphrase, sealed under it (`docs/protected-export.md`). */
  exportAssessment(id: string, path: string, passphrase?: string | null): Promise<void>;
  /** A protected file without its passphrase fails with `needs_passphrase`, so the UI asks. */
  importAssessment(path: string, passphrase?: string | null): Promise<Assessment>;
  /** The control calendar as of today: adopted controls with next due dates, and proposals. */
  getCalendar(id: string): Promise<Calendar>;
  /** The observation period as of today: each control's expected runs and the exceptions. */
  getObservation(id: string): Promise<Observation>;
  /** The check log, oldest first. */
  listChecks(id: string): Promise<Array<CheckEntry>>;
  adoptControl(id: string, request: AdoptRequest): Promise<AdoptedControl>;
  /** Retires an adopted control: no run is expected any more; its checks stay in the log, and adopting it again resumes it. */
  retireControl(id: string, control: string): Promise<void>;
  /** Records a run; `file` is the path of an evidence file to keep in the data file. */
  recordCheck(id: string, request: CheckRequest, file?: string | null): Promise<CheckEntry>;
  /** Withdraws a mistaken entry by a later one that voids it; both stay in the log. */
  voidCheck(id: string, request: VoidRequest): Promise<CheckEntry>;
  /** The populations of the period the binder would cover (the observation period when no day is given) with the sample proposed from each and each sampled item's latest test; a test is recorded with `record_check` naming its `sample`. */
  getSamples(id: string, period: BinderRequest): Promise<SamplesView>;
  /** Writes the evidence binder for an audit period (the observation period when no day is given) to `path` as one ZIP. Off the main thread: a year's evidence takes seconds. */
  writeBinder(id: string, path: string, request: BinderRequest): Promise<WrittenBinder>;
  /** `before` and `after` compared as of today. */
  compareAssessments(before: string, after: string): Promise<Comparison>;
  /** Every assessment of the organisation `id` belongs to, oldest first. */
  assessmentTrend(id: string): Promise<Array<TrendPoint>>;
  /** The description as of today, for the observation period chosen in step 1. */
  getSystemDescription(id: string): Promise<SystemDescription>;
  /** Saves the company's text of a section as a new version (`text: null` returns it to the draft); an empty or overlong text is refused on `text`. */
  saveDescriptionSection(id: string, section: SectionId, text?: string | null): Promise<SystemDescription>;
  /** Every version saved of a section, oldest first. */
  descriptionHistory(id: string, section: SectionId): Promise<Array<SectionVersion>>;
  /** Writes the description to `path` (DOCX or Markdown, by `format` or the file's extension), with each statement's sources numbered unless `sources` is false. */
  writeDescription(id: string, path: string, format: DescriptionFormat | null, sources: boolean): Promise<WrittenDescription>;
  /** Writes the milliseconds since this process started, and `in_page_ms` (the page's `performance.now()`), to `$SOC2_LAUNCH_MARK` as one line, and returns the former; `None` (and nothing written) when the variable is unset. */
  markLaunch(inPageMs?: number | null): Promise<number | null>;
  /** What merging a workshop copy (an exported file) into the assessment would do; nothing is written. A protected file without its passphrase fails with `needs_passphrase`, so the UI asks. The opened copy is kept for the merge. */
  previewMerge(id: string, path: string, unrelated: boolean, passphrase?: string | null): Promise<MergePlan>;
  /** Merges the file previewed (or the file at `path`, read now) after a backup; an unchosen conflict writes nothing. */
  mergeAssessment(id: string, path: string, choices: MergeChoices, passphrase?: string | null): Promise<MergeOutcome>;
  /** Every question module version kept in the data file. */
  listModules(): Promise<Array<ModuleInfo>>;
  /** Checks a module file and keeps it in the data file. */
  addModule(path: string): Promise<ModuleInfo>;
  /** Attaches a kept module (its newest version unless one is named) or moves to another version. */
  useModule(id: string, module: string, version?: string | null): Promise<ModuleRef>;
  /** Detaches a module; its answers stay in the history. */
  dropModule(id: string, module: string): Promise<void>;
  /** The bank with the assessment's modules: what its questionnaire shows. */
  getAssessmentBank(id: string): Promise<Bank>;
  /** Protects the plain data file with `passphrase`, after a backup. */
  protectDataFile(passphrase: string): Promise<AppInfo>;
  /** Writes the protected data file plain again; `passphrase` must be its passphrase. */
  unprotectDataFile(passphrase: string): Promise<AppInfo>;
  /** Protects the data file with `next` in place of `current`, after a backup. */
  changeDataFilePassphrase(current: string, next: string): Promise<AppInfo>;
  /** Every row of the register (archived ones too; the table filters), judged as of today. */
  listRegister(id: string, register: Register): Promise<Array<RegisterRow>>;
  /** The fields of a register's entries, in the order a form asks for them. */
  registerFields(register: Register): Promise<Array<FieldInfo>>;
  /** Every problem with an entry as the form holds it, each naming its field; empty when saving would keep it. */
  checkRegisterEntry(id: string, register: Register, fields: Array<[string, string]>): Promise<Array<RecordError>>;
  addRegisterEntry(id: string, register: Register, fields: Array<[string, string]>): Promise<RegisterRow>;
  editRegisterEntry(id: string, register: Register, entry: string, fields: Array<[string, string]>): Promise<RegisterRow>;
  setRegisterEntryArchived(id: string, register: Register, entry: string, archived: boolean): Promise<void>;
  deleteRegisterEntry(id: string, register: Register, entry: string): Promise<void>;
  /** One entry's changes, oldest first (a deleted entry's too). */
  registerEntryHistory(id: string, register: Register, entry: string): Promise<Array<ChangeRow>>;
  /** The company's limits the people register is judged against, and whether it set them. */
  getLimits(id: string): Promise<KeptLimits>;
  /** Keeps the company's limits (`None`: back to the usual ones); one out of range is refused by its field (`access_removal_days`, `training_days`, `acknowledgement_days`). */
  setLimits(id: string, limits?: Limits | null): Promise<KeptLimits>;
  /** Reads another tool's CSV at `path` as rows of the register and shows what each column fills, what would be added or updated and every problem by line; with `write` and no problem, keeps every row in one transaction. `mapping` names a column's field as (heading, field), an empty field leaving the column out. */
  importRegisterCsv(id: string, register: Register, path: string, mapping: Array<[string, string]>, write: boolean): Promise<CsvImport>;
  /** Renders the gap-analysis PDF with the stored settings (with the system description as its last appendix when `description` is true) and writes it to `path`; `open` shows it in the system viewer. */
  exportReport(id: string, path: string, open: boolean, description?: boolean | null): Promise<ExportedReport>;
  /** Shows a saved file in the system's file manager. */
  showInFolder(path: string): Promise<void>;
  /** The report settings (preparer, logo, page size). */
  getSettings(): Promise<Settings>;
  /** Saves the report settings. */
  saveSettings(settings: Settings): Promise<Settings>;
  /** Reads the chosen image (or clears it with `None`) and stores it for report covers. */
  setLogo(path?: string | null): Promise<Settings>;
  /** `format` defaults to the one the file's extension names, and to XLSX for any other name: a save dialog lets people type whatever name they like. No `tables` is the default export: the assessment's tables and each register that holds an entry. */
  exportSpreadsheet(id: string, path: string, format?: SpreadsheetFormat | null, tables?: Array<TableKind> | null): Promise<WrittenSpreadsheet>;
  /** The trust page as of today, the choices behind it and its preview. */
  getTrustPage(id: string): Promise<TrustPageView>;
  /** Keeps what the company chooses to publish (for its whole programme); a refused value names its field (`contact`, `uptime`, `held`). */
  setTrustChoices(id: string, choices: TrustChoices): Promise<TrustPageView>;
  /** Writes the static HTML page or the one-page PDF to `path`, and opens it when asked. */
  exportTrustPage(id: string, path: string, format: TrustFormat, open: boolean): Promise<ExportedTrustPage>;
  /** The assessment as it would be today with `selection` closed. */
  projectWhatIf(id: string, selection: Selection): Promise<Projection>;
}

/** The client: each method calls its command with its arguments by name. */
export function commandsOver(invoke: Invoke): Commands {
  return {
    getAccounts: (id) => invoke('get_accounts', { id }),
    importAccounts: (id, path, system, format, mapping, takenOn, write) => invoke('import_accounts', { id, path, system, format, mapping, takenOn, write }),
    removeAccountImport: (id, importId) => invoke('remove_account_import', { id, importId }),
    setAccountChoices: (id, keyRotationDays, unusedDays, namesInReports) => invoke('set_account_choices', { id, keyRotationDays, unusedDays, namesInReports }),
    saveAnswer: (request) => invoke('save_answer', { request }),
    clearAnswer: (assessmentId, questionId) => invoke('clear_answer', { assessmentId, questionId }),
    setScope: (request) => invoke('set_scope', { request }),
    getAppInfo: () => invoke('get_app_info'),
    getBank: () => invoke('get_bank'),
    listBackups: () => invoke('list_backups'),
    backUpNow: () => invoke('back_up_now'),
    restoreBackup: (path) => invoke('restore_backup', { path }),
    useDataFile: (path, passphrase) => invoke('use_data_file', { path, passphrase: passphrase ?? null }),
    listAssessments: () => invoke('list_assessments'),
    createAssessment: (organisation, reportType, depth, modules) => invoke('create_assessment', { organisation, reportType, depth: depth ?? null, modules: modules ?? null }),
    upgradeAssessment: (id) => invoke('upgrade_assessment', { id }),
    getHistory: (id, questionId) => invoke('get_history', { id, questionId }),
    setDepth: (id, depth) => invoke('set_depth', { id, depth }),
    getAssessment: (id) => invoke('get_assessment', { id }),
    getGaps: (id) => invoke('get_gaps', { id }),
    getAnalysis: (id) => invoke('get_analysis', { id }),
    renameAssessment: (id, organisation) => invoke('rename_assessment', { id, organisation }),
    duplicateAssessment: (id) => invoke('duplicate_assessment', { id }),
    setArchived: (id, archived) => invoke('set_archived', { id, archived }),
    deleteAssessment: (id) => invoke('delete_assessment', { id }),
    exportAssessment: (id, path, passphrase) => invoke('export_assessment', { id, path, passphrase: passphrase ?? null }),
    importAssessment: (path, passphrase) => invoke('import_assessment', { path, passphrase: passphrase ?? null }),
    getCalendar: (id) => invoke('get_calendar', { id }),
    getObservation: (id) => invoke('get_observation', { id }),
    listChecks: (id) => invoke('list_checks', { id }),
    adoptControl: (id, request) => invoke('adopt_control', { id, request }),
    retireControl: (id, control) => invoke('retire_control', { id, control }),
    recordCheck: (id, request, file) => invoke('record_check', { id, request, file: file ?? null }),
    voidCheck: (id, request) => invoke('void_check', { id, request }),
    getSamples: (id, period) => invoke('get_samples', { id, period }),
    writeBinder: (id, path, request) => invoke('write_binder', { id, path, request }),
    compareAssessments: (before, after) => invoke('compare_assessments', { before, after }),
    assessmentTrend: (id) => invoke('assessment_trend', { id }),
    getSystemDescription: (id) => invoke('get_system_description', { id }),
    saveDescriptionSection: (id, section, text) => invoke('save_description_section', { id, section, text: text ?? null }),
    descriptionHistory: (id, section) => invoke('description_history', { id, section }),
    writeDescription: (id, path, format, sources) => invoke('write_description', { id, path, format, sources }),
    markLaunch: (inPageMs) => invoke('mark_launch', { inPageMs: inPageMs ?? null }),
    previewMerge: (id, path, unrelated, passphrase) => invoke('preview_merge', { id, path, unrelated, passphrase: passphrase ?? null }),
    mergeAssessment: (id, path, choices, passphrase) => invoke('merge_assessment', { id, path, choices, passphrase: passphrase ?? null }),
    listModules: () => invoke('list_modules'),
    addModule: (path) => invoke('add_module', { path }),
    useModule: (id, module, version) => invoke('use_module', { id, module, version: version ?? null }),
    dropModule: (id, module) => invoke('drop_module', { id, module }),
    getAssessmentBank: (id) => invoke('get_assessment_bank', { id }),
    protectDataFile: (passphrase) => invoke('protect_data_file', { passphrase }),
    unprotectDataFile: (passphrase) => invoke('unprotect_data_file', { passphrase }),
    changeDataFilePassphrase: (current, next) => invoke('change_data_file_passphrase', { current, next }),
    listRegister: (id, register) => invoke('list_register', { id, register }),
    registerFields: (register) => invoke('register_fields', { register }),
    checkRegisterEntry: (id, register, fields) => invoke('check_register_entry', { id, register, fields }),
    addRegisterEntry: (id, register, fields) => invoke('add_register_entry', { id, register, fields }),
    editRegisterEntry: (id, register, entry, fields) => invoke('edit_register_entry', { id, register, entry, fields }),
    setRegisterEntryArchived: (id, register, entry, archived) => invoke('set_register_entry_archived', { id, register, entry, archived }),
    deleteRegisterEntry: (id, register, entry) => invoke('delete_register_entry', { id, register, entry }),
    registerEntryHistory: (id, register, entry) => invoke('register_entry_history', { id, register, entry }),
    getLimits: (id) => invoke('get_limits', { id }),
    setLimits: (id, limits) => invoke('set_limits', { id, limits: limits ?? null }),
    importRegisterCsv: (id, register, path, mapping, write) => invoke('import_register_csv', { id, register, path, mapping, write }),
    exportReport: (id, path, open, description) => invoke('export_report', { id, path, open, description: description ?? null }),
    showInFolder: (path) => invoke('show_in_folder', { path }),
    getSettings: () => invoke('get_settings'),
    saveSettings: (settings) => invoke('save_settings', { settings }),
    setLogo: (path) => invoke('set_logo', { path: path ?? null }),
    exportSpreadsheet: (id, path, format, tables) => invoke('export_spreadsheet', { id, path, format: format ?? null, tables: tables ?? null }),
    getTrustPage: (id) => invoke('get_trust_page', { id }),
    setTrustChoices: (id, choices) => invoke('set_trust_choices', { id, choices }),
    exportTrustPage: (id, path, format, open) => invoke('export_trust_page', { id, path, format, open }),
    projectWhatIf: (id, selection) => invoke('project_what_if', { id, selection }),
  };
}

/** What each event the shell emits carries. */
export interface Events {
  'changed': Changed;
  'second-launch': null;
}

/** The name of every command, as the shell registers it. */
export const COMMAND_NAMES = [
  'get_accounts',
  'import_accounts',
  'remove_account_import',
  'set_account_choices',
  'save_answer',
  'clear_answer',
  'set_scope',
  'get_app_info',
  'get_bank',
  'list_backups',
  'back_up_now',
  'restore_backup',
  'use_data_file',
  'list_assessments',
  'create_assessment',
  'upgrade_assessment',
  'get_history',
  'set_depth',
  'get_assessment',
  'get_gaps',
  'get_analysis',
  'rename_assessment',
  'duplicate_assessment',
  'set_archived',
  'delete_assessment',
  'export_assessment',
  'import_assessment',
  'get_calendar',
  'get_observation',
  'list_checks',
  'adopt_control',
  'retire_control',
  'record_check',
  'void_check',
  'get_samples',
  'write_binder',
  'compare_assessments',
  'assessment_trend',
  'get_system_description',
  'save_description_section',
  'description_history',
  'write_description',
  'mark_launch',
  'preview_merge',
  'merge_assessment',
  'list_modules',
  'add_module',
  'use_module',
  'drop_module',
  'get_assessment_bank',
  'protect_data_file',
  'unprotect_data_file',
  'change_data_file_passphrase',
  'list_register',
  'register_fields',
  'check_register_entry',
  'add_register_entry',
  'edit_register_entry',
  'set_register_entry_archived',
  'delete_register_entry',
  'register_entry_history',
  'get_limits',
  'set_limits',
  'import_register_csv',
  'export_report',
  'show_in_folder',
  'get_settings',
  'save_settings',
  'set_logo',
  'export_spreadsheet',
  'get_trust_page',
  'set_trust_choices',
  'export_trust_page',
  'project_what_if',
] as const;
