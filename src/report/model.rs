//! The report model: everything the gap-analysis PDF shows, arranged from what the engine computed.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::assessment::{AnswerValue, AssessmentRecord, describe_for};
use crate::catalog::{Bank, Question};
use crate::gaps::{Gap, Horizon, Priority, find_gaps};
use crate::scope::question_applies;
use crate::scoring::{Scorecard, score};

/// The paper the report is laid out on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum PageSize {
    A4,
    Letter,
}

impl PageSize {
    pub fn parse(text: &str) -> Option<PageSize> {
        match text.trim().to_ascii_lowercase().as_str() {
            "a4" => Some(PageSize::A4),
            "letter" | "us-letter" => Some(PageSize::Letter),
            _ => None,
        }
    }

    /// Width and height in millimetres.
    pub fn size_mm(self) -> (f32, f32) {
        match self {
            PageSize::A4 => (210.0, 297.0),
            PageSize::Letter => (215.9, 279.4),
        }
    }
}

/// What the user chose for the report (from settings in the app, flags in the CLI).
#[derive(Debug, Clone)]
pub struct ReportSettings {
    pub assessor: Option<String>,
    pub page_size: PageSize,
    /// A PNG or JPEG logo for the cover.
    pub logo: Option<Vec<u8>>,
    pub generated_at: DateTime<Utc>,
}

/// One answered (or unanswered) question, as the appendix lists it.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerRow {
    pub question_id: String,
    pub question: String,
    pub answer: String,
    pub applies: bool,
    pub note: Option<String>,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StepSection {
    pub step: u8,
    pub title: String,
    pub readiness: Option<f64>,
    pub completion: Option<f64>,
    pub gaps: Vec<Gap>,
    pub answers: Vec<AnswerRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportModel {
    pub organisation: String,
    pub assessor: Option<String>,
    pub generated_at: DateTime<Utc>,
    pub assessment_id: String,
    pub bank_version: String,
    pub report_type: String,
    pub target_level: u8,
    pub target_label: String,
    /// First 16 hex digits of the SHA-256 of the answers: matches the PDF to the saved assessment.
    pub fingerprint: String,
    pub scorecard: Scorecard,
    pub categories_in_scope: Vec<String>,
    pub top_gaps: Vec<Gap>,
    pub gap_count: usize,
    pub gaps_by_priority: [usize; 3],
    pub audit_ready: Vec<String>,
    pub steps: Vec<StepSection>,
    pub roadmap: Vec<(String, Vec<Gap>)>,
    pub scope_answers: Vec<AnswerRow>,
    pub method: Vec<String>,
    #[serde(skip)]
    pub logo: Option<Vec<u8>>,
    pub page_size: PageSize,
}

/// Builds the model from the engine's own results; it adds arrangement, never new numbers.
pub fn build(bank: &Bank, record: &AssessmentRecord, settings: &ReportSettings) -> ReportModel {
    let scorecard = score(bank, record);
    let gaps = find_gaps(bank, record, &scorecard);
    let target = record.report_type().target_level();
    let count = |p: Priority| gaps.iter().filter(|g| g.priority == p).count();
    let gaps_by_priority = [
        count(Priority::High),
        count(Priority::Medium),
        count(Priority::Low),
    ];
    let steps = bank
        .steps
        .iter()
        .filter(|s| s.number > 1)
        .map(|step| {
            let score = scorecard.steps.iter().find(|s| s.step == step.number);
            StepSection {
                step: step.number,
                title: step.title.clone(),
                readiness: score.and_then(|s| s.readiness),
                completion: score.and_then(|s| s.completion),
                gaps: gaps
                    .iter()
                    .filter(|g| g.step == step.number)
                    .cloned()
                    .collect(),
                answers: answer_rows(bank, record, &scorecard, step.number),
            }
        })
        .collect();
    let roadmap = [Horizon::Now, Horizon::Next90Days, Horizon::Later]
        .into_iter()
        .map(|h| {
            let column = gaps.iter().filter(|g| g.horizon == h).cloned().collect();
            (h.label().to_string(), column)
        })
        .collect();
    ReportModel {
        organisation: record.assessment.organisation.clone(),
        assessor: settings.assessor.clone().filter(|a| !a.trim().is_empty()),
        generated_at: settings.generated_at,
        assessment_id: record.assessment.id.clone(),
        bank_version: record.assessment.bank_version.clone(),
        report_type: record.report_type().label().to_string(),
        target_level: target.value(),
        target_label: target.label().to_string(),
        fingerprint: fingerprint(record),
        categories_in_scope: scorecard
            .scope
            .iter()
            .filter(|d| d.in_scope)
            .map(|d| d.name.clone())
            .collect(),
        top_gaps: gaps.iter().take(5).cloned().collect(),
        gap_count: gaps.len(),
        gaps_by_priority,
        audit_ready: audit_ready_statement(&scorecard, &gaps, record),
        steps,
        roadmap,
        scope_answers: answer_rows(bank, record, &scorecard, 1),
        method: method_paragraphs(target.value()),
        logo: settings.logo.clone(),
        page_size: settings.page_size,
        scorecard,
    }
}

/// A stable hash of everything answered, so a printed report can be matched to its data.
pub fn fingerprint(record: &AssessmentRecord) -> String {
    let answers: BTreeMap<&String, (&AnswerValue, &Option<String>, &Option<String>)> = record
        .answers
        .iter()
        .map(|(id, a)| (id, (&a.value, &a.note, &a.owner)))
        .collect();
    let canonical =
        serde_json::to_string(&(&record.assessment.id, answers, &record.scope_overrides))
            .expect("answers serialise to JSON");
    let digest = Sha256::digest(canonical.as_bytes());
    hex::encode(digest)[..16].to_string()
}

fn answer_rows(
    bank: &Bank,
    record: &AssessmentRecord,
    scorecard: &Scorecard,
    step: u8,
) -> Vec<AnswerRow> {
    bank.questions
        .iter()
        .filter(|q| q.step == step)
        .map(|q| answer_row(bank, q, record, scorecard))
        .collect()
}

fn answer_row(
    bank: &Bank,
    question: &Question,
    record: &AssessmentRecord,
    scorecard: &Scorecard,
) -> AnswerRow {
    let applies = question_applies(bank, question, record, &scorecard.scope);
    let answer = record.answers.get(&question.id);
    let condition_holds = question
        .applies_when
        .as_ref()
        .is_none_or(|c| crate::scope::evaluate(c, record) != Some(false));
    let shown = match (answer, applies) {
        (_, false) if !condition_holds => question
            .otherwise
            .clone()
            .unwrap_or_else(|| "Does not apply, given the scope answers.".into()),
        (_, false) => format!(
            "Out of scope: {} belong to categories outside this report.",
            question.criteria.join(", ")
        ),
        (Some(a), true) => describe_for(question, &a.value),
        (None, true) => "Unanswered".into(),
    };
    AnswerRow {
        question_id: question.id.clone(),
        question: question.text.clone(),
        answer: shown,
        applies,
        note: answer.and_then(|a| a.note.clone()),
        owner: answer.and_then(|a| a.owner.clone()),
        due: answer.and_then(|a| a.due),
        evidence: answer.map(|a| a.evidence.clone()).unwrap_or_default(),
    }
}

fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "not scored".into(), |v| format!("{v:.1}%"))
}

/// The plain statement for leadership: where the company stands and what is left to do.
fn audit_ready_statement(
    scorecard: &Scorecard,
    gaps: &[Gap],
    record: &AssessmentRecord,
) -> Vec<String> {
    let report = record.report_type().label();
    let overall = &scorecard.overall;
    let mut out = Vec::new();
    if gaps.is_empty() {
        out.push(format!(
            "Every applicable control is at the level a SOC 2 {report} audit expects. Keep the recurring controls running on schedule, collect evidence as you go, and book the auditor."
        ));
        return out;
    }
    let by = |h: Horizon| gaps.iter().filter(|g| g.horizon == h).count();
    let effort = |e: crate::catalog::Effort| {
        gaps.iter()
            .filter(|g| g.horizon == Horizon::Now && g.effort == e)
            .count()
    };
    out.push(format!(
        "Readiness for a SOC 2 {report} audit stands at {} with {} of the questionnaire answered. {} controls are below the level an auditor expects.",
        percent(overall.readiness),
        percent(overall.completion),
        gaps.len()
    ));
    if overall.unanswered > 0 {
        out.push(format!(
            "{} applicable questions are still unanswered and are scored as not in place. Answering them is the first step: some of these controls may already exist.",
            overall.unanswered
        ));
    }
    out.push(format!(
        "To be audit-ready: close the {} gaps marked Now (key controls missing or far from target; {} of them small, {} medium, {} large pieces of work), then the {} planned for the next 90 days. The remaining {} are refinements that can follow.",
        by(Horizon::Now),
        effort(crate::catalog::Effort::S),
        effort(crate::catalog::Effort::M),
        effort(crate::catalog::Effort::L),
        by(Horizon::Next90Days),
        by(Horizon::Later),
    ));
    if record.report_type() == crate::assessment::ReportType::Type2 {
        out.push(
            "A Type II report also needs every control operating, with evidence kept, for the whole observation period (usually three to twelve months) before the auditor's fieldwork."
                .into(),
        );
    }
    let owners = gaps.iter().filter(|g| g.owner.is_some()).count();
    if owners < gaps.len() {
        out.push(format!(
            "{} of the {} gaps have no owner yet: give each one an owner and a date.",
            gaps.len() - owners,
            gaps.len()
        ));
    }
    out
}

fn method_paragraphs(target: u8) -> Vec<String> {
    vec![
        "Each control question is answered with a maturity level: 0 not in place, 1 planned or in progress, 2 in place but informal, 3 in place and documented, 4 operating with evidence retained; or not applicable, with a justification.".into(),
        format!(
            "The target level is 3 for a Type I report and 4 for a Type II report; this report targets level {target}. A question answered at level l earns min(l, target) / target of its weight. An unanswered question counts as level 0 and is reported as unanswered."
        ),
        "Readiness of a criterion is 100 x the sum of weight x credit over its applicable questions, divided by the sum of their weights. Not-applicable answers leave both sums. A criterion with no applicable question is reported as such and is never counted as 100%.".into(),
        "Category and overall readiness are the plain mean of the scored criteria in scope; step readiness is the weighted mean of the step's questions. Completion is answered over applicable questions. Every figure is rounded once, to one decimal place.".into(),
        "A gap is an applicable question below target. Its priority score is weight x shortfall (target minus level, over target), doubled for a key control, from 0 to 10. High (a key control at level 0 or 1, or a score of 6 or more) goes on the roadmap Now, Medium (3 or more) in the next 90 days, Low later.".into(),
        "Categories in scope are proposed from the scope answers (Security always applies) and can be overridden with a recorded reason, shown in Appendix A.".into(),
    ]
}
