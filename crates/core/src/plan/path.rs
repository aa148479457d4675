//! The dated path's shape as the front ends and the PDF read it: its milestones, its other routes and the plan itself.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::AuditTask;
use crate::assessment::ReportType;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    Today,
    RemediationEnd,
    Type1Date,
    ObservationStart,
    ObservationEnd,
    ReportDate,
    /// The report at the cautious pace: the same work taking half as long again.
    CautiousReportDate,
    TargetDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Milestone {
    pub kind: MilestoneKind,
    pub label: String,
    pub date: NaiveDate,
}

/// Another way to reach a report when the deadline cannot be met as planned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct PlanOption {
    pub title: String,
    pub detail: String,
    pub report_date: Option<NaiveDate>,
    pub meets_target: Option<bool>,
}

/// The dated path to the report, computed from the gaps and the scoping answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Plan {
    pub today: NaiveDate,
    pub report_type: ReportType,
    /// Sum of every gap's person-weeks at this company's size, and the longest single gap in
    /// calendar weeks at its pace.
    pub total_work_weeks: f64,
    pub longest_work_weeks: f64,
    /// The person-days a week people can give (`scope.readiness-time`), and whether answered.
    pub days_per_week: f64,
    pub capacity_answered: bool,
    pub remediation_weeks: u32,
    pub remediation_end: NaiveDate,
    pub type1_date: Option<NaiveDate>,
    pub observation_start: Option<NaiveDate>,
    pub observation_end: Option<NaiveDate>,
    pub observation_months: Option<u32>,
    /// The likely date: the work at the pace people gave.
    pub report_date: NaiveDate,
    /// The cautious date: the same work taking half as long again.
    pub cautious_report_date: NaiveDate,
    pub target_date: Option<NaiveDate>,
    /// `None` without a target date; whether the likely date meets it.
    pub meets_target: Option<bool>,
    /// Days between the likely report date and the target date (negative when late).
    pub slack_days: Option<i64>,
    /// The observation start answered in step 1 cannot hold: the design work ends after it.
    #[serde(default)]
    pub start_not_credible: bool,
    /// One plain paragraph: on track, tight, late by how much, not credible, or no deadline.
    pub verdict: String,
    /// The assumptions the verdict turns on, in the reader's words ("about 2 hours a week").
    #[serde(default)]
    pub decided_by: Vec<String>,
    pub milestones: Vec<Milestone>,
    pub options: Vec<PlanOption>,
    /// Recurring controls in scope that must run at least once inside the observation period
    /// (a Type II): the auditor samples each.
    #[serde(default)]
    pub due_in_window: Vec<String>,
    /// The audit project's milestones with their start-by days for the planned window (or the
    /// target's, when that is sooner).
    #[serde(default)]
    pub audit_tasks: Vec<AuditTask>,
    /// What the dates assume, so a reader can redo them.
    pub assumptions: Vec<String>,
}
