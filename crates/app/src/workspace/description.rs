//! The system description through an assessment: drafted from its evaluation, its programme's registers and calendar; the company's versions of each section kept per programme; written as Markdown or DOCX.

use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Workspace;
use super::calendar::applicable_questions;
use crate::binder::AuditPeriod;
use crate::calendar::observation_window;
use crate::catalog::Bank;
use crate::clock::Moment;
use crate::description::{
    DescriptionDraft, DescriptionFacts, DescriptionFormat, KeptDescription, Layout, SectionId,
    SectionVersion, SystemDescription, describe, draft, render,
};
use crate::evaluation::Evaluation;
use crate::findings::programme_key;
use crate::registers::Registers;
use crate::scoring::Scorecard;
use crate::{Error, Result, files};

/// The company's versions are the programme's, like the registers: a re-assessment, or a
/// renamed company, keeps what it wrote.
pub(super) fn kept_key(programme: &str) -> String {
    format!("system-description:{programme}")
}

/// What was written, for the front ends to name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct WrittenDescription {
    pub file: String,
    pub format: DescriptionFormat,
    pub bytes: u64,
    pub sections: u32,
    pub edited: u32,
    /// Facts the sections standing as drafted still lack.
    pub missing: u32,
}

impl Workspace {
    /// The versions kept for the assessment's programme (none yet: an empty set). A damaged
    /// record is refused rather than read as empty, so a save never writes over it.
    pub fn kept_description(&self, assessment_id: &str) -> Result<KeptDescription> {
        self.kept_description_of(&self.programme(assessment_id)?)
    }

    pub(super) fn kept_description_of(&self, programme: &str) -> Result<KeptDescription> {
        match self.store.setting(&kept_key(programme))? {
            Some(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
                Error::Invalid(format!(
                    "the saved system description cannot be read ({e}); restore a backup from before it was damaged"
                ))
            }),
            None => Ok(KeptDescription::default()),
        }
    }

    /// The description as of `today`, for the observation period chosen in step 1 (none for a
    /// Type I or while it is not chosen).
    pub fn system_description(
        &self,
        assessment_id: &str,
        today: NaiveDate,
    ) -> Result<SystemDescription> {
        let drafted = self.description_draft(assessment_id, today)?;
        let programme = programme_key(&drafted.organisation);
        Ok(describe(drafted, &self.kept_description_of(&programme)?))
    }

    fn description_draft(&self, assessment_id: &str, today: NaiveDate) -> Result<DescriptionDraft> {
        let (evaluation, bank) = self.evaluation_and_bank(assessment_id, today)?;
        let scorecard = crate::scoring::score(&bank, &evaluation);
        let period = observation_window(&evaluation).map(|w| AuditPeriod {
            start: w.start,
            end: w.end,
        });
        let registers = self.registers(assessment_id)?;
        self.draft_from(&bank, &evaluation, &scorecard, &registers, period)
    }

    /// The draft from what a caller has already read and scored (the binder has all of it):
    /// only the calendar is read here.
    pub(super) fn draft_from(
        &self,
        bank: &Bank,
        evaluation: &Evaluation,
        scorecard: &Scorecard,
        registers: &Registers,
        period: Option<AuditPeriod>,
    ) -> Result<DescriptionDraft> {
        let programme = programme_key(&evaluation.assessment.organisation);
        let applicable = applicable_questions(scorecard);
        let controls = self
            .calendar_with(bank, &programme, &applicable, evaluation.today)?
            .controls;
        Ok(draft(&DescriptionFacts {
            bank,
            evaluation,
            scorecard,
            registers,
            controls: &controls,
            period,
        }))
    }

    /// Saves the company's text of a section as a new version (`None`: back to the draft), and
    /// returns the description as it now reads.
    pub fn save_description_section(
        &mut self,
        assessment_id: &str,
        section: SectionId,
        text: Option<&str>,
        at: Moment,
    ) -> Result<SystemDescription> {
        let drafted = self.description_draft(assessment_id, at.today)?;
        let programme = programme_key(&drafted.organisation);
        let mut kept = self.kept_description_of(&programme)?;
        let of_section = drafted
            .sections
            .iter()
            .find(|s| s.id == section)
            .expect("every section is drafted");
        let changed = kept
            .save(section, text, of_section, at.now)
            .map_err(|e| Error::Refused {
                field: e.field,
                reason: e.message,
            })?;
        if changed {
            self.put_kept_description(&programme, &kept)?;
        }
        Ok(describe(drafted, &kept))
    }

    pub(super) fn put_kept_description(
        &mut self,
        programme: &str,
        kept: &KeptDescription,
    ) -> Result<()> {
        let bytes = serde_json::to_vec(kept).expect("a kept description serialises to JSON");
        Ok(self.store.set_setting(&kept_key(programme), Some(&bytes))?)
    }

    /// Every version of a section, oldest first.
    pub fn description_history(
        &self,
        assessment_id: &str,
        section: SectionId,
    ) -> Result<Vec<SectionVersion>> {
        Ok(self
            .kept_description(assessment_id)?
            .sections
            .remove(&section)
            .unwrap_or_default())
    }

    /// Writes the description to `file` atomically, in the format asked for (or the one its
    /// extension names).
    pub fn write_description(
        &self,
        assessment_id: &str,
        file: &Path,
        format: Option<DescriptionFormat>,
        sources: bool,
        at: Moment,
    ) -> Result<WrittenDescription> {
        let format = format
            .or_else(|| DescriptionFormat::of_path(file))
            .ok_or_else(|| Error::Refused {
                field: "file".into(),
                reason: "name the file .docx or .md, or choose the format".into(),
            })?;
        let description = self.system_description(assessment_id, at.today)?;
        let bytes = render(
            &description,
            format,
            Layout {
                sources,
                made_at: at.now,
            },
        );
        files::write_atomically(file, &bytes)?;
        Ok(WrittenDescription {
            file: file.display().to_string(),
            format,
            bytes: bytes.len() as u64,
            sections: description.sections.len() as u32,
            edited: description.edited,
            missing: description.missing,
        })
    }
}
