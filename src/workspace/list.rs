//! The assessments list: every assessment with its headline figures, kept in the data file between lists.

use serde::{Deserialize, Serialize};
use soc2_readiness_store::ListFigures;

use super::Workspace;
use crate::Result;
use crate::assessment::{Assessment, ReportType};
use crate::scoring::score;

/// An assessment with its headline numbers, for lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct AssessmentSummary {
    pub assessment: Assessment,
    pub report_type: ReportType,
    pub readiness: Option<f64>,
    pub completion: Option<f64>,
}

impl Workspace {
    /// Every assessment with its headline figures, newest change first. Figures are kept in the
    /// data file and computed again only for assessments changed since, or after the engine or
    /// the bank changed.
    pub fn summaries(&self) -> Result<Vec<AssessmentSummary>> {
        let computed_by = self.computed_by();
        let listed = self.store.list_with_figures(computed_by)?;
        let mut fresh = Vec::new();
        let mut summaries = Vec::with_capacity(listed.len());
        for (assessment, kept) in listed {
            let figures = match kept {
                Some(figures) => figures,
                None => {
                    let record = self.record(&assessment.id)?;
                    let scorecard = score(&self.bank, &record);
                    let figures = ListFigures {
                        report_type: record.report_type(),
                        readiness: scorecard.overall.readiness,
                        completion: scorecard.overall.completion,
                    };
                    fresh.push((assessment.id.clone(), figures.clone()));
                    figures
                }
            };
            summaries.push(AssessmentSummary {
                assessment,
                report_type: figures.report_type,
                readiness: figures.readiness,
                completion: figures.completion,
            });
        }
        if !fresh.is_empty() && !self.store.is_read_only() {
            let fresh: Vec<(&str, &ListFigures)> =
                fresh.iter().map(|(id, f)| (id.as_str(), f)).collect();
            // The figures were computed and are shown either way; failing to keep them (a full
            // disk) only means computing them again next time, so it does not fail the list.
            let _ = self.store.keep_figures(computed_by, &fresh);
        }
        Ok(summaries)
    }

    /// Names the engine build and the bank content the kept list figures were computed with.
    fn computed_by(&self) -> &str {
        self.computed_by.get_or_init(|| {
            use sha2::{Digest, Sha256};
            let bank = serde_json::to_vec(&self.bank).expect("a bank serialises to JSON");
            let digest = Sha256::digest(&bank);
            let short: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
            format!(
                "engine {} bank {} {short}",
                env!("CARGO_PKG_VERSION"),
                self.bank.version
            )
        })
    }
}
