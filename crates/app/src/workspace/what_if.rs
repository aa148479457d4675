//! What-if over a stored assessment: the readiness and plan it would have with chosen gaps closed, and the report that proposes them.

use chrono::NaiveDate;

use super::Workspace;
use crate::evaluation::Evaluation;
use crate::report::{RenderedReport, ReportSettings};
use crate::what_if::{Projection, Selection, project};
use crate::{Error, Result};
use soc2_readiness_report::{self as report, ReportModel};

impl Workspace {
    /// The assessment as it would be on `today` with the selected gaps closed; nothing is
    /// saved. Ids that are not gaps are refused, every one named.
    pub fn what_if(
        &self,
        assessment_id: &str,
        selection: &Selection,
        today: NaiveDate,
    ) -> Result<Projection> {
        let (evaluation, bank) = self.evaluation_and_bank(assessment_id, today)?;
        project(&bank, &evaluation, selection).map_err(refused)
    }

    /// The gap-analysis PDF with a "Proposed plan" section: the projection for the report's
    /// own day, so its "now" figures are the ones on every other page.
    pub fn proposed_report(
        &self,
        assessment_id: &str,
        settings: &ReportSettings,
        selection: &Selection,
    ) -> Result<RenderedReport> {
        self.render_report(assessment_id, settings, Some(selection), None, false)
    }

    /// The report model with the projection of `selection` for the report's day (the evaluation's).
    pub(super) fn proposed_model(
        &self,
        record: &Evaluation,
        settings: &ReportSettings,
        selection: &Selection,
    ) -> Result<ReportModel> {
        let bank = self.bank_for(record)?;
        let projection = project(&bank, record, selection).map_err(refused)?;
        Ok(report::build_proposed(&bank, record, settings, projection))
    }
}

/// Gaps named that are not gaps (or not questions) are the selection's fault, named one by one.
fn refused(unknown: crate::what_if::UnknownGaps) -> Error {
    Error::Refused {
        field: "gaps".into(),
        reason: unknown.to_string(),
    }
}
