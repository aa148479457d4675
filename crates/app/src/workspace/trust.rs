//! The trust page through an assessment: its programme's publish choices, the page built from the evaluation, and the HTML and PDF written to the user's files.

use std::path::Path;

use chrono::NaiveDate;

use super::Workspace;
use super::calendar::applicable_questions;
use crate::analysis::analyse;
use crate::calendar::{CheckResult, DueStatus};
use crate::clock::Moment;
use crate::trust::{self, TrustChoices, TrustPage};
use crate::{Error, Result, files};
use soc2_readiness_report as report;

/// The choices are the company's, not one assessment's: a re-assessment keeps what was chosen.
pub(super) fn choices_key(programme: &str) -> String {
    format!("trust-page:{programme}")
}

/// What was written, for the front ends to name.
#[derive(Debug, Clone)]
pub struct TrustFiles {
    pub page: TrustPage,
    pub pdf_pages: Option<usize>,
}

impl Workspace {
    /// The publish choices kept for the assessment's programme (none kept: publish what the
    /// evidence supports).
    pub fn trust_choices(&self, assessment_id: &str) -> Result<TrustChoices> {
        Ok(self.kept_trust_choices(assessment_id)?.unwrap_or_default())
    }

    /// The choices as kept, `None` when the organisation never chose.
    pub(super) fn kept_trust_choices(&self, assessment_id: &str) -> Result<Option<TrustChoices>> {
        let key = choices_key(&self.programme(assessment_id)?);
        match self.store.setting(&key)? {
            Some(bytes) => serde_json::from_slice::<TrustChoices>(&bytes)
                .map(|c| Some(c.without_retired_claims()))
                .map_err(|_| {
                    Error::Invalid(
                        "the saved trust page choices are damaged; choose what to publish again"
                            .into(),
                    )
                }),
            None => Ok(None),
        }
    }

    /// Checks and keeps the publish choices; a refused one names its field.
    pub fn set_trust_choices(
        &mut self,
        assessment_id: &str,
        choices: TrustChoices,
    ) -> Result<TrustChoices> {
        let checked = choices.checked().map_err(|e| Error::Refused {
            field: e.field,
            reason: e.message,
        })?;
        let key = choices_key(&self.programme(assessment_id)?);
        let bytes = serde_json::to_vec(&checked).expect("trust choices serialise to JSON");
        self.store.set_setting(&key, Some(&bytes))?;
        Ok(checked)
    }

    /// The trust page as of `today`, from the evaluation, its analysis, the programme's
    /// registers and the kept choices.
    pub fn trust_page(&self, assessment_id: &str, today: NaiveDate) -> Result<TrustPage> {
        // Damaged choices must not stop the page: publishing only what the evidence supports
        // is the safe reading, and the app offers to choose again.
        let choices = self.trust_choices(assessment_id).unwrap_or_default();
        let (evaluation, bank) = self.evaluation_and_bank(assessment_id, today)?;
        let analysis = analyse(&bank, &evaluation);
        let registers = self.registers(assessment_id)?;
        // What the check log shows running: each control still in use, not overdue, whose
        // latest check passed. A retired control, or one whose pass is older than its rhythm,
        // shows nothing running today. The analysis already scored the questions, so the
        // calendar is read from it rather than judged again.
        let applicable = applicable_questions(&analysis.scorecard);
        let programme = self.programme(assessment_id)?;
        let mut passing: trust::PassingChecks = self
            .calendar_with(&bank, &programme, &applicable, today)?
            .controls
            .into_iter()
            .filter(|row| !matches!(row.status, DueStatus::Archived | DueStatus::Overdue))
            .filter(|row| {
                row.last_check
                    .as_ref()
                    .is_some_and(|c| c.result == CheckResult::Pass)
            })
            .flat_map(|row| row.questions)
            .collect();
        // An account export showing MFA on everyone (or every admin) is evidence too, as of
        // the day it was taken: the latest of its system, so a newer one without it takes it away.
        passing.extend(
            self.programme_account_review(&programme, &registers.people)?
                .evidence
                .into_iter()
                .map(|e| e.question_id),
        );
        Ok(trust::build(
            &bank,
            &evaluation,
            &analysis,
            &registers,
            &passing,
            &choices,
        ))
    }

    /// Writes the static HTML page, the one-page PDF (in the report's page size), or both,
    /// each atomically.
    pub fn write_trust_page(
        &self,
        assessment_id: &str,
        html: Option<&Path>,
        pdf: Option<&Path>,
        at: Moment,
    ) -> Result<TrustFiles> {
        let page = self.trust_page(assessment_id, at.today)?;
        if let Some(path) = html {
            files::write_atomically(path, report::trust_html(&page).as_bytes())?;
        }
        let mut pdf_pages = None;
        if let Some(path) = pdf {
            let size = self
                .settings()
                .map(|s| s.page_size)
                .unwrap_or(crate::report::PageSize::A4);
            let rendered = report::render_trust_page(&page, size)?;
            files::write_atomically(path, &rendered.bytes)?;
            pdf_pages = Some(rendered.page_count);
        }
        Ok(TrustFiles { page, pdf_pages })
    }
}
