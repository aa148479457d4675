// The real host: Tauri's invoke, native dialogs and the window title. The only importer of @tauri-apps.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWindow } from '@tauri-apps/api/window';
import { open, save } from '@tauri-apps/plugin-dialog';
import type { Changed } from '../bindings';
import type { Host } from './host';

export const tauriHost: Host = {
  appInfo: () => invoke('get_app_info'),
  bank: () => invoke('get_bank'),
  listAssessments: () => invoke('list_assessments'),
  createAssessment: (organisation, reportType, depth, modules) => invoke('create_assessment', { organisation, reportType, depth, modules: modules ?? [] }),
  listModules: () => invoke('list_modules'),
  addModule: (path) => invoke('add_module', { path }),
  useModule: (id, module, version) => invoke('use_module', { id, module, version: version ?? null }),
  dropModule: (id, module) => invoke('drop_module', { id, module }),
  assessmentBank: (id) => invoke('get_assessment_bank', { id }),
  getHistory: (id, questionId) => invoke('get_history', { id, questionId }),
  setDepth: (id, depth) => invoke('set_depth', { id, depth }),
  upgradeAssessment: (id) => invoke('upgrade_assessment', { id }),
  getAssessment: (id) => invoke('get_assessment', { id }),
  getGaps: (id) => invoke('get_gaps', { id }),
  getAnalysis: (id) => invoke('get_analysis', { id }),
  projectWhatIf: (id, selection) => invoke('project_what_if', { id, selection }),
  compareAssessments: (before, after) => invoke('compare_assessments', { before, after }),
  assessmentTrend: (id) => invoke('assessment_trend', { id }),
  renameAssessment: (id, organisation) => invoke('rename_assessment', { id, organisation }),
  duplicateAssessment: (id) => invoke('duplicate_assessment', { id }),
  setArchived: (id, archived) => invoke('set_archived', { id, archived }),
  deleteAssessment: (id) => invoke('delete_assessment', { id }),
  exportAssessment: (id, path, passphrase) => invoke('export_assessment', { id, path, passphrase: passphrase ?? null }),
  importAssessment: (path, passphrase) => invoke('import_assessment', { path, passphrase: passphrase ?? null }),
  previewMerge: (id, path, unrelated, passphrase) => invoke('preview_merge', { id, path, unrelated, passphrase: passphrase ?? null }),
  mergeAssessment: (id, path, choices, passphrase) => invoke('merge_assessment', { id, path, choices, passphrase: passphrase ?? null }),
  getCalendar: (id) => invoke('get_calendar', { id }),
  getObservation: (id) => invoke('get_observation', { id }),
  listChecks: (id) => invoke('list_checks', { id }),
  voidCheck: (id, request) => invoke('void_check', { id, request }),
  adoptControl: (id, request) => invoke('adopt_control', { id, request }),
  recordCheck: (id, request, file) => invoke('record_check', { id, request, file }),
  saveAnswer: (request) => invoke('save_answer', { request }),
  clearAnswer: (assessmentId, questionId) => invoke('clear_answer', { assessmentId, questionId }),
  setScope: (assessmentId, category, decision, reason) =>
    invoke('set_scope', { request: { assessment_id: assessmentId, category, decision, reason } }),
  showInFolder: (path) => invoke('show_in_folder', { path }),
  exportReport: (id, path, openAfter) => invoke('export_report', { id, path, open: openAfter }),
  exportSpreadsheet: (id, path, format, tables) => invoke('export_spreadsheet', { id, path, format, tables }),
  getSettings: () => invoke('get_settings'),
  saveSettings: (settings) => invoke('save_settings', { settings }),
  setLogo: (path) => invoke('set_logo', { path }),
  chooseSavePath: async (title, defaultName, extension) =>
    (await save({ title, defaultPath: defaultName, filters: [{ name: extension.toUpperCase(), extensions: [extension] }] })) ?? null,
  chooseOpenPath: async (title, extensions) => {
    const chosen = await open({ title, multiple: false, directory: false, filters: [{ name: extensions.join(', '), extensions }] });
    return typeof chosen === 'string' ? chosen : null;
  },
  setWindowTitle: (title) => getCurrentWindow().setTitle(title),
  listBackups: () => invoke('list_backups'),
  backUpNow: () => invoke('back_up_now'),
  restoreBackup: (path) => invoke('restore_backup', { path }),
  useDataFile: (path, passphrase) => invoke('use_data_file', { path, passphrase: passphrase ?? null }),
  protectDataFile: (passphrase) => invoke('protect_data_file', { passphrase }),
  unprotectDataFile: (passphrase) => invoke('unprotect_data_file', { passphrase }),
  changeDataFilePassphrase: (current, next) => invoke('change_data_file_passphrase', { current, new: next }),
  listRegister: (id, register) => invoke('list_register', { id, register }),
  registerFields: (register) => invoke('register_fields', { register }),
  addRegisterEntry: (id, register, fields) => invoke('add_register_entry', { id, register, fields }),
  editRegisterEntry: (id, register, entry, fields) => invoke('edit_register_entry', { id, register, entry, fields }),
  setRegisterEntryArchived: (id, register, entry, archived) => invoke('set_register_entry_archived', { id, register, entry, archived }),
  deleteRegisterEntry: (id, register, entry) => invoke('delete_register_entry', { id, register, entry }),
  registerEntryHistory: (id, register, entry) => invoke('register_entry_history', { id, register, entry }),
  markLaunched: async () => {
    // The page's own clock (from the start of its navigation) goes along, so a measurement can
    // tell the time before the page from the time in it.
    await invoke('mark_launch', { inPageMs: performance.now() });
  },
  onClose: async (beforeClosing) => {
    // A hung save must not keep the window open for ever; two seconds is far beyond a save's few ms.
    const atMost = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    await getCurrentWindow().onCloseRequested(async () => {
      await Promise.race([beforeClosing().catch(() => {}), atMost(2000)]);
    });
  },
  onSecondLaunch: async (then) => {
    await listen('second-launch', () => then());
  },
  onChanged: async (then) => {
    await listen<Changed>('changed', (event) => then(event.payload));
  },
};
