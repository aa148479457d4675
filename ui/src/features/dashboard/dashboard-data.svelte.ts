// The open assessment's conclusions as the dashboard and the gap register show them (analysis, progress, the calendar's counts): loaded when a tab opens, read again when the host says a write changed them.
import type { Analysis, Comparison, Gap, TrendPoint } from '../../lib/bindings';
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
  /** What the dashboard showed last, so a change reloads only what is on screen. */
  private shown = { analysis: false, dashboard: false };

  constructor(
    private readonly host: Host,
    readonly assessmentId: string,
    private readonly baseline: string | null,
  ) {}

  /** The analysis (gaps, plan, top ten) the dashboard and the gap register share. */
  async loadAnalysis(): Promise<void> {
    this.shown.analysis = true;
    try {
      this.analysis = await this.host.getAnalysis(this.assessmentId);
      this.gaps = this.analysis.gaps;
    } catch (error) {
      this.analysis = null;
      this.problem = asCommandError(error).message;
    }
  }

  /** Everything the dashboard shows besides the analysis: the trend, the baseline, the calendar's counts. */
  async loadDashboard(): Promise<void> {
    this.shown.dashboard = true;
    await Promise.all([this.loadProgress(), this.loadRecords()]);
  }

  /** A write to the programme landed: what is on screen is read again. */
  async changed(): Promise<void> {
    await Promise.all([this.shown.analysis ? this.loadAnalysis() : null, this.shown.dashboard ? this.loadRecords() : null]);
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
