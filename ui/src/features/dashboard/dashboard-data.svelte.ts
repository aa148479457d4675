// The open assessment's conclusions as the dashboard and the gap register show them (analysis, progress, the calendar's counts): loaded when its tab is shown, read again when the host says a write changed what is on screen.
import type { Analysis, Changed, Comparison, Gap, TrendPoint } from '../../lib/bindings';
import { asCommandError, type Host } from '../../lib/ipc';

/** The control calendar's counts the dashboard shows: overdue, due soon, observation exceptions. */
export type RecordCounts = { overdue: number; due: number; exceptions: number };

export class DashboardData {
  analysis: Analysis | null = $state(null);
  gaps: Gap[] = $state([]);
  trend: TrendPoint[] = $state([]);
  sinceBaseline: Comparison | null = $state(null);
  records: RecordCounts | null = $state(null);
  /** What failed to load, for the app's banner; a view keeps what it had. */
  problem: string | null = $state(null);
  /** The tab on screen, so a change reloads only what is shown; another tab reads afresh when shown. */
  private onScreen: 'dashboard' | 'gaps' | null = null;

  constructor(
    private readonly host: Host,
    readonly assessmentId: string,
    private readonly baseline: string | null,
  ) {}

  /** A tab is shown (or another screen, `null`): what it shows is read now. */
  async show(tab: 'dashboard' | 'gaps' | null): Promise<void> {
    this.onScreen = tab;
    if (tab) await this.loadAnalysis();
    if (tab === 'dashboard') await this.loadDashboard();
  }

  /** The analysis (gaps, plan, top ten) the dashboard and the gap register share. */
  async loadAnalysis(): Promise<void> {
    try {
      this.analysis = await this.host.getAnalysis(this.assessmentId);
      this.gaps = this.analysis.gaps;
    } catch (error) {
      this.analysis = null;
      this.problem = asCommandError(error).message;
    }
  }

  /** Everything the dashboard shows besides the analysis: the trend, the baseline, the calendar's counts. */
  private async loadDashboard(): Promise<void> {
    await Promise.all([this.loadProgress(), this.loadRecords()]);
  }

  /** A write landed somewhere: when it changed this assessment or its programme, what is on screen is read again. */
  async changed(change: Changed): Promise<void> {
    if (change.assessment_id !== this.assessmentId || !this.onScreen) return;
    await Promise.all([this.loadAnalysis(), this.onScreen === 'dashboard' ? this.loadRecords() : null]);
  }

  private async loadProgress(): Promise<void> {
    try {
      this.trend = await this.host.assessmentTrend(this.assessmentId);
      this.sinceBaseline = this.baseline ? await this.host.compareAssessments(this.baseline, this.assessmentId) : null;
    } catch (error) {
      this.trend = [];
      this.sinceBaseline = null;
      this.problem = asCommandError(error).message;
    }
  }

  private async loadRecords(): Promise<void> {
    try {
      const [calendar, observation] = await Promise.all([this.host.getCalendar(this.assessmentId), this.host.getObservation(this.assessmentId)]);
      this.records = calendar.controls.length ? { overdue: calendar.overdue, due: calendar.due, exceptions: observation.exceptions } : null;
    } catch (error) {
      this.records = null;
      this.problem = asCommandError(error).message;
    }
  }
}
