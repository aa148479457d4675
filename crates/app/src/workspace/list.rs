//! The assessments list: every assessment with its headline figures, kept in the data file between lists.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use soc2_readiness_store::ListFigures;

use super::Workspace;
use crate::Result;
use crate::assessment::{Assessment, ReportType};
use crate::catalog::ModuleRef;
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
    /// A programme with records is scored as of `today`, so its figures are kept under a name
    /// that says the day and are computed again the next day.
    pub fn summaries(&self, today: NaiveDate) -> Result<Vec<AssessmentSummary>> {
        let computed_by = self.computed_by();
        let listed = self.store.list_with_figures()?;
        // One query for every assessment's modules: a kept figure holds only for the modules
        // (and versions, and texts) it was computed with, named in its stamp.
        let modules = self.store.all_assessment_modules()?;
        let mut fresh = Vec::new();
        let mut summaries = Vec::with_capacity(listed.len());
        for (assessment, kept) in listed {
            let stamp = match modules.get(&assessment.id) {
                None => Cow::Borrowed(computed_by),
                Some(used) => Cow::Owned(with_modules(computed_by, used)),
            };
            let figures = match kept {
                Some((by, figures)) if by == *stamp || by == dated(&stamp, today) => figures,
                _ => {
                    let (record, bank) = self.evaluation_and_bank(&assessment.id, today)?;
                    let scorecard = score(&bank, &record);
                    let name = if self.has_records(&assessment.organisation)? {
                        dated(&stamp, today)
                    } else {
                        stamp.into_owned()
                    };
                    let figures = ListFigures {
                        report_type: record.report_type(),
                        readiness: scorecard.overall.readiness,
                        completion: scorecard.overall.completion,
                    };
                    fresh.push((assessment.id.clone(), name, figures.clone()));
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
            let fresh: Vec<(&str, &str, &ListFigures)> = fresh
                .iter()
                .map(|(id, name, f)| (id.as_str(), name.as_str(), f))
                .collect();
            // The figures were computed and are shown either way; failing to keep them (a full
            // disk) only means computing them again next time, so it does not fail the list.
            let _ = self.store.keep_figures(&fresh);
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

/// The stamp of figures computed with modules: the engine and bank's, and each module's id,
/// version and the start of its SHA-256, so a changed module text never reuses a figure.
fn with_modules(computed_by: &str, modules: &[ModuleRef]) -> String {
    let mut stamp = format!("{computed_by} modules");
    for m in modules {
        stamp.push_str(&format!(
            " {}@{}:{}",
            m.id,
            m.version,
            &m.sha256[..12.min(m.sha256.len())]
        ));
    }
    stamp
}

/// The stamp of figures that depend on the day (a programme with records): computed again the
/// next day, when an overdue review or a missed check may have appeared.
fn dated(stamp: &str, today: NaiveDate) -> String {
    format!("{stamp} as of {today}")
}
