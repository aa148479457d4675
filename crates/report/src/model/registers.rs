//! The report model's "Registers": per register its counts and the entries needing attention, worst first, as the domain judged them.

use chrono::NaiveDate;
use serde::Serialize;

use soc2_readiness_core::registers::incident::Stage;
use soc2_readiness_core::registers::vendor::{Criticality, Subservice};
use soc2_readiness_core::registers::{
    ChangeKind, Entry, Judging, Person, PersonKind, RegisterRecord, Registers, Training,
};

use super::ReportModel;

/// Each register lists at most this many entries needing attention; the rest are counted, so
/// 500 vendors stay a page.
pub const LISTED: usize = 8;

#[derive(Debug, Clone, Serialize)]
pub struct RegistersSection {
    /// The day the statuses were judged on.
    pub as_of: NaiveDate,
    pub registers: Vec<RegisterSummary>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RegisterSummary {
    /// "Vendors", "Policies", ..., "People" when the programme keeps any.
    pub title: String,
    /// Entries in the working list (archived ones are left out).
    pub total: usize,
    /// Counts a reader looks for first, as (what, how many).
    pub counts: Vec<(String, usize)>,
    pub needing_attention: usize,
    /// The entries needing attention, the longest overdue first, at most [`LISTED`].
    pub worst: Vec<AttentionRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AttentionRow {
    pub name: String,
    /// What needs attention, in the domain's sentences.
    pub details: Vec<String>,
    /// The earliest day one of them fell due, if any is dated.
    pub since: Option<NaiveDate>,
}

impl ReportModel {
    /// This report with a "Registers" section, statuses judged as of `today`.
    pub fn with_registers(mut self, registers: &Registers, today: NaiveDate) -> ReportModel {
        let vendors = &registers.vendors;
        let critical = |e: &&Entry<_>| {
            let v: &soc2_readiness_core::registers::Vendor = &e.record;
            matches!(v.criticality, Criticality::Critical | Criticality::High)
        };
        let live = |e: &&Entry<soc2_readiness_core::registers::Vendor>| e.archived_at.is_none();
        let vendor_counts = vec![
            (
                "critical or high".to_string(),
                vendors.iter().filter(live).filter(critical).count(),
            ),
            (
                "subservice organisations".to_string(),
                vendors
                    .iter()
                    .filter(live)
                    .filter(|e| e.record.subservice != Subservice::No)
                    .count(),
            ),
        ];
        let policies = &registers.policies;
        let policy_counts = vec![(
            "approved".to_string(),
            policies
                .iter()
                .filter(|e| e.archived_at.is_none() && e.record.approved_on.is_some())
                .count(),
        )];
        let incidents = &registers.incidents;
        let open = |stage: Stage| {
            incidents
                .iter()
                .filter(|e| e.archived_at.is_none() && e.record.stage() == stage)
                .count()
        };
        let incident_counts = vec![
            (
                "open".to_string(),
                open(Stage::Detected) + open(Stage::Contained),
            ),
            (
                "resolved, review to hold".to_string(),
                open(Stage::Resolved),
            ),
            ("reviewed".to_string(), open(Stage::Improved)),
        ];
        let risks = &registers.risks;
        let risk_counts = vec![(
            "high (15 or more of 25)".to_string(),
            risks
                .iter()
                .filter(|e| e.archived_at.is_none() && e.record.is_high())
                .count(),
        )];
        let at = &registers.judging(today);
        let mut summaries = vec![
            summary("Vendors", vendors, vendor_counts, at),
            summary("Policies", policies, policy_counts, at),
            summary("Incidents", incidents, incident_counts, at),
            summary("Risks", risks, risk_counts, at),
        ];
        // People came later: a programme that keeps none gets no empty line for them.
        let people = &registers.people;
        if !people.is_empty() {
            let current = |e: &&Entry<Person>| {
                e.archived_at.is_none() && e.record.end.is_none_or(|end| end >= today)
            };
            let people_counts = vec![
                (
                    "contractors engaged".to_string(),
                    people
                        .iter()
                        .filter(current)
                        .filter(|e| e.record.kind == PersonKind::Contractor)
                        .count(),
                ),
                (
                    "current staff trained".to_string(),
                    people
                        .iter()
                        .filter(current)
                        .filter(|e| e.record.training == Training::Completed)
                        .count(),
                ),
            ];
            summaries.push(summary("People", people, people_counts, at));
        }
        let changes = &registers.changes;
        if !changes.is_empty() {
            let change_counts = vec![(
                "emergency changes".to_string(),
                changes
                    .iter()
                    .filter(|e| e.archived_at.is_none() && e.record.kind == ChangeKind::Emergency)
                    .count(),
            )];
            summaries.push(summary("Changes", changes, change_counts, at));
        }
        self.registers = Some(RegistersSection {
            as_of: today,
            registers: summaries,
        });
        self
    }
}

fn summary<T: RegisterRecord>(
    title: &str,
    entries: &[Entry<T>],
    counts: Vec<(String, usize)>,
    at: &Judging,
) -> RegisterSummary {
    let mut rows: Vec<AttentionRow> = entries
        .iter()
        .filter(|e| e.archived_at.is_none())
        .filter_map(|e| {
            let attention = e.record.attention(at);
            (!attention.is_empty()).then(|| AttentionRow {
                name: e.record.label().to_string(),
                since: attention.iter().filter_map(|a| a.since).min(),
                details: attention.into_iter().map(|a| a.detail).collect(),
            })
        })
        .collect();
    // The longest overdue first; undated ones (never reviewed, no report) after the dated ones,
    // each group by name so the page is the same every time.
    rows.sort_by(|a, b| {
        let key = |r: &AttentionRow| (r.since.is_none(), r.since);
        key(a)
            .cmp(&key(b))
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    let needing_attention = rows.len();
    rows.truncate(LISTED);
    RegisterSummary {
        title: title.to_string(),
        total: entries.iter().filter(|e| e.archived_at.is_none()).count(),
        counts,
        needing_attention,
        worst: rows,
    }
}
