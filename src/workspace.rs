//! A workspace: one question bank over one store, offering what the CLI and the desktop shell do.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::analysis::{Analysis, analyse};
use crate::assessment::{
    Answer, AnswerError, AnswerValue, Assessment, AssessmentRecord, Depth, ReportType,
    ScopeOverride, check_details, check_exclusive, check_value,
};
use crate::catalog::{Bank, Category, REPORT_TYPE_QUESTION};
use crate::depth::{implied_history, with_implied};
use crate::gaps::Gap;
use crate::interchange;
use crate::report::{self, PageSize, RenderedReport, ReportSettings};
use crate::scoring::{Scorecard, score};
use crate::store::Store;
use crate::{Error, Result};

pub struct Workspace {
    pub bank: Bank,
    pub store: Store,
}

/// What to change besides the value. `None` keeps what is stored; `Some(empty)` clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct AnswerDetails {
    pub note: Option<String>,
    pub owner: Option<String>,
    pub due: Option<Option<NaiveDate>>,
    pub evidence: Option<Vec<String>>,
    /// A known exception: `Some(empty)` clears it; a level below informal clears it too.
    #[ts(optional)]
    pub exception: Option<String>,
}

/// What the user set once for every report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Settings {
    /// The person who ran the assessment, printed on the cover.
    pub assessor_name: Option<String>,
    /// The assessor's firm, for consultants.
    pub assessor_organisation: Option<String>,
    pub page_size: PageSize,
    /// Whether a logo is stored (the image itself travels separately).
    pub has_logo: bool,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            assessor_name: None,
            assessor_organisation: None,
            page_size: PageSize::A4,
            has_logo: false,
        }
    }
}

const SETTINGS_KEY: &str = "preferences";
const LOGO_KEY: &str = "logo";
/// A logo is a small picture; this keeps a mistaken choice (a photo, a video) out of the database.
pub const MAX_LOGO_BYTES: usize = 2 * 1024 * 1024;

/// An assessment with its headline numbers, for lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct AssessmentSummary {
    pub assessment: Assessment,
    pub report_type: ReportType,
    pub readiness: Option<f64>,
    pub completion: Option<f64>,
}

impl Workspace {
    pub fn new(bank: Bank, store: Store) -> Workspace {
        Workspace { bank, store }
    }

    pub fn create_assessment(
        &mut self,
        id: &str,
        organisation: &str,
        report_type: ReportType,
        depth: Depth,
        now: DateTime<Utc>,
    ) -> Result<Assessment> {
        let organisation = clean_organisation(organisation)?;
        let assessment = Assessment {
            id: id.to_string(),
            organisation,
            bank_version: self.bank.version.clone(),
            created_at: now,
            updated_at: now,
            archived_at: None,
            depth,
            label: None,
        };
        let mut record = AssessmentRecord {
            assessment: assessment.clone(),
            answers: Default::default(),
            scope_overrides: Vec::new(),
            implied: Default::default(),
            upgrades: Vec::new(),
        };
        let answer = Answer {
            question_id: REPORT_TYPE_QUESTION.to_string(),
            value: AnswerValue::Choice(report_type.id().to_string()),
            note: None,
            owner: None,
            due: None,
            evidence: Vec::new(),
            exception: None,
            updated_at: now,
        };
        record
            .answers
            .insert(answer.question_id.clone(), answer.clone());
        let history = vec![crate::store::HistoryEntry::of(&answer)];
        self.store.insert_record(&record, &history)?;
        Ok(assessment)
    }

    /// Resolves an id or unique id prefix given by a user.
    pub fn resolve(&self, given: &str) -> Result<String> {
        Ok(self.store.resolve_id(given)?)
    }

    /// The assessment as scored and shown: given answers, and on the quick path the answers
    /// missing foundations imply (listed in `implied`).
    pub fn record(&self, assessment_id: &str) -> Result<AssessmentRecord> {
        Ok(with_implied(
            &self.bank,
            self.store.load_record(assessment_id)?,
        ))
    }

    /// Carries an assessment answered on an older bank to this one by the bank's changelog:
    /// moved answers keep their details, merged ones are marked to confirm, removed ones stay
    /// in the history. `None` when it is already on this bank.
    pub fn upgrade(
        &mut self,
        assessment_id: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<crate::upgrade::BankUpgrade>> {
        let record = self.store.load_record(assessment_id)?;
        let Some(carried) = crate::upgrade::carry(
            &self.bank,
            &record.assessment.bank_version,
            &record.answers,
            now,
        ) else {
            return Ok(None);
        };
        self.store.apply_upgrade(
            assessment_id,
            &carried.answers,
            &carried.history,
            &carried.upgrade,
        )?;
        Ok(Some(carried.upgrade))
    }

    /// The audit trail of an assessment's answers, oldest first.
    pub fn history(&self, assessment_id: &str) -> Result<Vec<crate::store::HistoryEntry>> {
        Ok(self.store.history(assessment_id)?)
    }

    /// Quick path or full depth. Deepening asks every question a foundation stood for; no
    /// given answer changes either way, and the history records what became implied or open.
    pub fn set_depth(
        &mut self,
        assessment_id: &str,
        depth: Depth,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let before = self.store.load_record(assessment_id)?;
        let mut after = before.clone();
        after.assessment.depth = depth;
        let history = implied_history(&self.bank, &before, &after, now);
        Ok(self.store.set_depth(assessment_id, depth, now, &history)?)
    }

    /// History rows for the implied answers a change to one question turns on or off. Only a
    /// foundation or a scoping answer can do that, and only on the quick path.
    fn implied_changes(
        &self,
        assessment_id: &str,
        question_id: &str,
        change: impl FnOnce(&mut AssessmentRecord),
        now: DateTime<Utc>,
    ) -> Result<Vec<crate::store::HistoryEntry>> {
        let matters = self.bank.foundation(question_id).is_some()
            || self.bank.foundation_of(question_id).is_some()
            || self
                .bank
                .question(question_id)
                .is_some_and(|q| !q.is_control());
        if !matters {
            return Ok(Vec::new());
        }
        let before = self.store.load_record(assessment_id)?;
        if before.assessment.depth != Depth::Quick {
            return Ok(Vec::new());
        }
        let mut after = before.clone();
        change(&mut after);
        Ok(implied_history(&self.bank, &before, &after, now))
    }

    pub fn summaries(&self) -> Result<Vec<AssessmentSummary>> {
        self.store
            .list_assessments()?
            .into_iter()
            .map(|assessment| {
                let record = self.record(&assessment.id)?;
                let scorecard = score(&self.bank, &record);
                Ok(AssessmentSummary {
                    report_type: record.report_type(),
                    readiness: scorecard.overall.readiness,
                    completion: scorecard.overall.completion,
                    assessment,
                })
            })
            .collect()
    }

    /// Checks and saves one answer; when this returns the answer is durable on disk.
    pub fn save_answer(
        &mut self,
        assessment_id: &str,
        question_id: &str,
        value: AnswerValue,
        details: AnswerDetails,
        now: DateTime<Utc>,
    ) -> Result<Answer> {
        let question = self
            .bank
            .question(question_id)
            .ok_or_else(|| AnswerError::UnknownQuestion(question_id.to_string()))?;
        check_value(question, &value)?;
        check_exclusive(question, &value)?;
        // Only this question's answer is needed; an unknown assessment is refused by the save.
        let previous = self.store.load_answer(assessment_id, question_id)?;
        let keep = |new: Option<String>, old: Option<String>| match new {
            Some(text) if text.trim().is_empty() => None,
            Some(text) => Some(text.trim().to_string()),
            None => old,
        };
        let exception = exception_after(
            &value,
            details.exception,
            previous.as_ref().and_then(|p| p.exception.clone()),
        );
        let answer = Answer {
            question_id: question_id.to_string(),
            value,
            note: keep(details.note, previous.as_ref().and_then(|p| p.note.clone())),
            owner: keep(
                details.owner,
                previous.as_ref().and_then(|p| p.owner.clone()),
            ),
            due: details
                .due
                .unwrap_or_else(|| previous.as_ref().and_then(|p| p.due)),
            evidence: details
                .evidence
                .map(|items| {
                    items
                        .into_iter()
                        .map(|e| e.trim().to_string())
                        .filter(|e| !e.is_empty())
                        .collect()
                })
                .unwrap_or_else(|| {
                    previous
                        .as_ref()
                        .map(|p| p.evidence.clone())
                        .unwrap_or_default()
                }),
            exception,
            updated_at: now,
        };
        check_details(question, &answer)?;
        let also = self.implied_changes(
            assessment_id,
            question_id,
            |record| {
                record
                    .answers
                    .insert(question_id.to_string(), answer.clone());
            },
            now,
        )?;
        self.store.save_answer(assessment_id, &answer, &also)?;
        Ok(answer)
    }

    pub fn clear_answer(
        &mut self,
        assessment_id: &str,
        question_id: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        if self.bank.question(question_id).is_none() {
            return Err(AnswerError::UnknownQuestion(question_id.to_string()).into());
        }
        let also = self.implied_changes(
            assessment_id,
            question_id,
            |record| {
                record.answers.remove(question_id);
            },
            now,
        )?;
        Ok(self
            .store
            .clear_answer(assessment_id, question_id, now, &also)?)
    }

    /// Overrides the proposed scope of a category (`Some`) or returns to the proposal (`None`).
    pub fn set_scope(
        &mut self,
        assessment_id: &str,
        category: Category,
        in_scope: Option<bool>,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        if category == Category::Security {
            return Err(Error::Invalid(
                "Security is always in scope in a SOC 2 report; it cannot be overridden".into(),
            ));
        }
        match in_scope {
            None => Ok(self
                .store
                .clear_scope_override(assessment_id, category, now)?),
            Some(in_scope) => {
                if reason.trim().is_empty() {
                    return Err(Error::Invalid(
                        "overriding the proposed scope needs a reason (--reason \"...\")".into(),
                    ));
                }
                let decision = ScopeOverride {
                    category,
                    in_scope,
                    reason: reason.trim().to_string(),
                    updated_at: now,
                };
                Ok(self.store.set_scope_override(assessment_id, &decision)?)
            }
        }
    }

    pub fn scorecard(&self, assessment_id: &str) -> Result<(AssessmentRecord, Scorecard)> {
        let record = self.record(assessment_id)?;
        let scorecard = score(&self.bank, &record);
        Ok((record, scorecard))
    }

    /// The scorecard, gap register and dated plan as of `today`.
    pub fn analysis(&self, assessment_id: &str, today: NaiveDate) -> Result<Analysis> {
        let record = self.record(assessment_id)?;
        Ok(analyse(&self.bank, &record, today))
    }

    pub fn gaps(&self, assessment_id: &str, today: NaiveDate) -> Result<Vec<Gap>> {
        Ok(self.analysis(assessment_id, today)?.gaps)
    }

    pub fn export_json(&self, assessment_id: &str, now: DateTime<Utc>) -> Result<String> {
        let record = self.store.load_record(assessment_id)?;
        let history = self.store.history(assessment_id)?;
        Ok(interchange::to_json(&interchange::to_portable(
            &record, history, now,
        )))
    }

    /// Checks the whole file, then writes it as a new assessment in one transaction.
    pub fn import_json(
        &mut self,
        bytes: &[u8],
        new_id: &str,
        now: DateTime<Utc>,
    ) -> Result<Assessment> {
        let portable = interchange::parse(bytes, &self.bank)?;
        let (record, history) = interchange::into_record(portable, new_id, now);
        self.store.insert_record(&record, &history)?;
        Ok(record.assessment)
    }

    /// Starts a re-assessment: a copy of the answers under a new id, with a fresh history.
    pub fn duplicate(
        &mut self,
        assessment_id: &str,
        new_id: &str,
        organisation: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Assessment> {
        let mut record = self.store.load_record(assessment_id)?;
        record.assessment.id = new_id.to_string();
        if let Some(name) = organisation {
            record.assessment.organisation = clean_organisation(name)?;
        }
        // Told apart from the original by its label, not by a changed organisation name (which
        // would print on the report's cover).
        record.assessment.label = Some(format!(
            "Re-assessment started {}, from the assessment of {}",
            crate::plan::human_date(now.date_naive()),
            crate::plan::human_date(record.assessment.created_at.date_naive())
        ));
        record.assessment.created_at = now;
        record.assessment.updated_at = now;
        record.assessment.archived_at = None;
        self.store.insert_record(&record, &[])?;
        Ok(record.assessment)
    }

    pub fn settings(&self) -> Result<Settings> {
        let mut settings: Settings = match self.store.setting(SETTINGS_KEY)? {
            Some(bytes) => serde_json::from_slice(&bytes).unwrap_or_default(),
            None => Settings::default(),
        };
        settings.has_logo = self.store.setting(LOGO_KEY)?.is_some();
        Ok(settings)
    }

    pub fn save_settings(&mut self, settings: &Settings) -> Result<Settings> {
        let clean = |text: &Option<String>| {
            text.as_ref()
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
        };
        let stored = Settings {
            assessor_name: clean(&settings.assessor_name),
            assessor_organisation: clean(&settings.assessor_organisation),
            page_size: settings.page_size,
            has_logo: false,
        };
        for (field, value) in [
            ("the assessor name", &stored.assessor_name),
            ("the assessor organisation", &stored.assessor_organisation),
        ] {
            if value.as_ref().is_some_and(|v| v.chars().count() > 300) {
                return Err(Error::Invalid(format!(
                    "{field} is longer than 300 characters"
                )));
            }
        }
        let bytes = serde_json::to_vec(&stored).expect("settings serialise to JSON");
        self.store.set_setting(SETTINGS_KEY, Some(&bytes))?;
        self.settings()
    }

    /// Stores the report logo after checking it is a PNG or JPEG that the report can draw.
    pub fn set_logo(&mut self, bytes: Option<&[u8]>) -> Result<Settings> {
        if let Some(bytes) = bytes {
            if bytes.len() > MAX_LOGO_BYTES {
                return Err(Error::Invalid(format!(
                    "the logo is {} KB; choose an image under {} KB",
                    bytes.len() / 1024,
                    MAX_LOGO_BYTES / 1024
                )));
            }
            report::check_logo(bytes)?;
        }
        self.store.set_setting(LOGO_KEY, bytes)?;
        self.settings()
    }

    /// The report settings from the stored settings, at time `now`.
    pub fn report_settings(&self, now: DateTime<Utc>) -> Result<ReportSettings> {
        let settings = self.settings()?;
        let assessor = match (settings.assessor_name, settings.assessor_organisation) {
            (Some(name), Some(firm)) => Some(format!("{name}, {firm}")),
            (name, firm) => name.or(firm),
        };
        Ok(ReportSettings {
            assessor,
            page_size: settings.page_size,
            logo: self.store.setting(LOGO_KEY)?,
            generated_at: now,
        })
    }

    /// Builds and renders the gap-analysis PDF for an assessment.
    pub fn report(&self, assessment_id: &str, settings: &ReportSettings) -> Result<RenderedReport> {
        let record = self.record(assessment_id)?;
        let model = report::build(&self.bank, &record, settings);
        Ok(report::render(&model)?)
    }

    pub fn rename(
        &mut self,
        assessment_id: &str,
        organisation: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let organisation = clean_organisation(organisation)?;
        Ok(self
            .store
            .rename_assessment(assessment_id, &organisation, now)?)
    }
}

/// The exception an answer keeps: a new one when given (empty clears it), else the previous
/// one while the control is still in place. Moving to a level below informal or to
/// not-applicable drops it (the history keeps it), since "not in place" already says more.
fn exception_after(
    value: &AnswerValue,
    given: Option<String>,
    previous: Option<String>,
) -> Option<String> {
    let in_place = matches!(value, AnswerValue::Level(level) if level.value() >= 2);
    match given {
        Some(text) if text.trim().is_empty() => None,
        // Kept as given, so an exception on a control not in place is refused by name.
        Some(text) => Some(text.trim().to_string()),
        None if in_place => previous,
        None => None,
    }
}

fn clean_organisation(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::Invalid(
            "the organisation name must not be empty".into(),
        ));
    }
    if name.chars().count() > 300 {
        return Err(Error::Invalid(
            "the organisation name is longer than 300 characters".into(),
        ));
    }
    Ok(name.to_string())
}
