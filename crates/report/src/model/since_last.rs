//! The report model's "Since the last assessment": the engine's comparison, arranged for the page.

use serde::Serialize;

use soc2_readiness_core::compare::{Comparison, CriterionChange};

use super::ReportModel;

/// The section lists this many criteria, the largest movers first.
const MOVERS: usize = 10;

/// The comparison with an earlier assessment, as the engine computed it, and the criteria the
/// section lists.
#[derive(Debug, Clone, Serialize)]
pub struct SinceLast {
    pub comparison: Comparison,
    /// The criteria that moved most, largest change first; gaining or losing a figure counts
    /// as moving most.
    pub movers: Vec<CriterionChange>,
    /// How many criteria moved at all.
    pub moved: usize,
}

impl ReportModel {
    /// This report with a "Since the last assessment" section and a trend beside the headline:
    /// `comparison` has this assessment as its later side.
    pub fn with_comparison(mut self, comparison: Comparison) -> ReportModel {
        let mut movers: Vec<CriterionChange> = comparison
            .criteria
            .iter()
            .filter(|c| c.readiness.moved())
            .cloned()
            .collect();
        let moved = movers.len();
        let size = |c: &CriterionChange| c.readiness.delta().map_or(f64::INFINITY, f64::abs);
        // Largest first; ties keep the catalogue's order (the sort is stable).
        movers.sort_by(|a, b| size(b).total_cmp(&size(a)));
        movers.truncate(MOVERS);
        self.since_last = Some(SinceLast {
            comparison,
            movers,
            moved,
        });
        self
    }
}
