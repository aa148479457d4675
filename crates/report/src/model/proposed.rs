//! The report model's proposed plan: a what-if projection from the engine, with what it assumes in words.

use serde::Serialize;

use soc2_readiness_core::catalog::Bank;
use soc2_readiness_core::evaluation::Evaluation;
use soc2_readiness_core::gaps::{Gap, Priority};
use soc2_readiness_core::what_if::{Projection, Selection};

use super::{ReportModel, ReportSettings, build};

/// The "Proposed plan" section: a projection computed by the engine, and what it assumes in words.
#[derive(Debug, Clone, Serialize)]
pub struct ProposedPlan {
    /// "every High gap and 2 named gaps": the selection as the section states it.
    pub assumes: String,
    /// The gaps still open with the plan done: High, Medium, Low.
    /// Fix now, High, Medium, Low.
    pub remaining_by_priority: [usize; 4],
    /// The first five of them, as the executive summary chooses its top gaps.
    pub top_remaining: Vec<Gap>,
    pub projection: Projection,
}

/// The report with a proposed plan: the model of [`build`] and the engine's projection for the
/// same day, which the layout prints and never recomputes.
pub fn build_proposed(
    bank: &Bank,
    record: &Evaluation,
    settings: &ReportSettings,
    projection: Projection,
) -> ReportModel {
    let mut model = build(bank, record, settings);
    let remaining = &projection.remaining;
    let count = |p: Priority| remaining.iter().filter(|g| g.priority == p).count();
    model.proposed = Some(ProposedPlan {
        assumes: selection_words(&projection.selection),
        remaining_by_priority: [
            count(Priority::FixNow),
            count(Priority::High),
            count(Priority::Medium),
            count(Priority::Low),
        ],
        top_remaining: projection
            .top_remaining
            .iter()
            .filter_map(|id| remaining.iter().find(|g| &g.question_id == id))
            .take(5)
            .cloned()
            .collect(),
        projection,
    });
    model
}

fn selection_words(selection: &Selection) -> String {
    let mut parts: Vec<String> = selection
        .priorities
        .iter()
        .map(|p| format!("every {} gap", p.label()))
        .collect();
    parts.extend(
        selection
            .horizons
            .iter()
            .map(|h| format!("every gap on the roadmap's {} column", h.label())),
    );
    match selection.gaps.len() {
        0 => {}
        1 => parts.push("1 named gap".into()),
        n => parts.push(format!("{n} named gaps")),
    }
    if parts.is_empty() {
        "no gap".into()
    } else {
        parts.join(" and ")
    }
}
