//! The report model: everything the gap-analysis PDF shows, arranged from what the engine computed.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

use soc2_readiness_core::analysis::analyse;
use soc2_readiness_core::assessment::{AssessmentRecord, Depth, describe_for};
use soc2_readiness_core::catalog::{Bank, ModuleRef};
use soc2_readiness_core::evaluation::Evaluation;
use soc2_readiness_core::gaps::{Gap, Horizon, Priority, top_gaps};
use soc2_readiness_core::plan::Plan;
use soc2_readiness_core::scope::question_applies;
use soc2_readiness_core::scoring::Scorecard;

mod accounts;
mod answers;
mod description;
mod proposed;
mod registers;
mod since_last;
mod statement;

pub use accounts::{AccountsSection, FindingLine, ImportLine};
pub use answers::{AnswerRow, ImpliedBlock};
use answers::{answer_rows, implied_blocks};
pub use description::{DescriptionAppendix, DescriptionPart};
pub use proposed::{ProposedPlan, build_proposed};
pub use registers::{AttentionRow, RegisterSummary, RegistersSection};
pub use since_last::SinceLast;
use statement::{audit_ready_statement, method_paragraphs};

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
    /// The day the report speaks for, in the user's time zone: what is overdue, the plan's
    /// dates and the cover's date. Near midnight it is not the UTC date of `generated_at`.
    pub today: NaiveDate,
}

#[derive(Debug, Clone, Serialize)]
pub struct StepSection {
    pub step: u8,
    pub title: String,
    pub readiness: Option<f64>,
    pub design: Option<f64>,
    pub operating: Option<f64>,
    pub completion: Option<f64>,
    pub gaps: Vec<Gap>,
    pub answers: Vec<AnswerRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportModel {
    pub organisation: String,
    /// A re-assessment's label, printed under the organisation.
    pub label: Option<String>,
    pub assessor: Option<String>,
    pub generated_at: DateTime<Utc>,
    /// The user's day the report speaks for (see [`ReportSettings::today`]).
    pub generated_on: NaiveDate,
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
    /// The weakest scored criterion of each category in scope, in words ("Security: CC3.1
    /// Clear objectives, 0.0%"): its own line, never padding the top gaps.
    pub weakest: Vec<String>,
    pub gap_count: usize,
    /// Fix now, High, Medium, Low.
    pub gaps_by_priority: [usize; 4],
    /// Gaps whose answer records a known exception.
    pub exception_count: usize,
    pub audit_ready: Vec<String>,
    pub plan: Plan,
    /// Set when the assessment was answered against an older bank than the one scoring it.
    pub method_note: Option<String>,
    pub depth: Depth,
    /// Answers not asked but implied by a missing foundation (quick path).
    pub implied_count: usize,
    /// Of those, the control questions (scored and counted in completion); the rest are
    /// audit-project tasks.
    pub implied_controls: usize,
    pub implied: Vec<ImpliedBlock>,
    /// Bank upgrades the answers went through, and the answers still to confirm.
    pub upgrades: Vec<soc2_readiness_core::upgrade::BankUpgrade>,
    pub to_confirm: Vec<String>,
    /// The audit project's tasks: (task, where it stands), in bank order.
    pub tasks: Vec<(String, String)>,
    pub steps: Vec<StepSection>,
    pub roadmap: Vec<(String, Vec<Gap>)>,
    pub scope_answers: Vec<AnswerRow>,
    pub method: Vec<String>,
    /// A what-if the report proposes as the plan: gaps assumed closed, readiness and dates.
    pub proposed: Option<ProposedPlan>,
    /// The comparison with an earlier assessment (a re-assessment's baseline).
    pub since_last: Option<SinceLast>,
    /// The programme's registers, when it keeps any.
    pub registers: Option<RegistersSection>,
    /// The account exports checked, when the programme keeps any.
    pub accounts: Option<AccountsSection>,
    /// The system description, when the report is asked to carry it.
    pub description: Option<DescriptionAppendix>,
    /// The observation period as the check log shows it, when the programme keeps one.
    pub observation: Option<soc2_readiness_core::calendar::Observation>,
    #[serde(skip)]
    pub logo: Option<Vec<u8>>,
    pub page_size: PageSize,
    /// The question modules the assessment used beside the bank, with their versions and hashes.
    pub modules: Vec<ModuleRef>,
    /// For each question a module added: how the gap register marks it ("Health-tech add-on 1.0").
    pub custom_questions: BTreeMap<String, String>,
}

/// Builds the model from the engine's own results; it adds arrangement, never new numbers.
/// The day it speaks for is the evaluation's (`ReportSettings::today` is what the workspace
/// judged it on).
pub fn build(bank: &Bank, record: &Evaluation, settings: &ReportSettings) -> ReportModel {
    let analysis = analyse(bank, record);
    let scorecard = analysis.scorecard;
    let gaps = analysis.gaps;
    let target = record.report_type().target_level();
    let count = |p: Priority| gaps.iter().filter(|g| g.priority == p).count();
    let gaps_by_priority = [
        count(Priority::FixNow),
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
                design: score.and_then(|s| s.design),
                operating: score.and_then(|s| s.operating),
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
        label: record.assessment.label.clone(),
        assessor: settings.assessor.clone().filter(|a| !a.trim().is_empty()),
        generated_at: settings.generated_at,
        generated_on: record.today,
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
        // An implied gap is represented by its foundation's, as on screen.
        weakest: analysis
            .weakest
            .iter()
            .filter_map(|id| scorecard.criteria.iter().find(|c| &c.id == id))
            .map(|c| {
                format!(
                    "{}: {} {}, {}",
                    c.category.name(),
                    c.id,
                    c.title,
                    c.readiness.map_or("-".to_string(), |r| format!("{r:.1}%"))
                )
            })
            .collect(),
        top_gaps: top_gaps(
            &gaps
                .iter()
                .filter(|g| g.implied_by.is_none())
                .cloned()
                .collect::<Vec<_>>(),
            5,
        ),
        gap_count: gaps.len(),
        gaps_by_priority,
        exception_count: gaps.iter().filter(|g| g.is_exception()).count(),
        audit_ready: audit_ready_statement(&scorecard, &gaps, record, &analysis.plan),
        plan: analysis.plan,
        method_note: scorecard.method_note.clone(),
        depth: record.assessment.depth,
        implied_count: record.implied.len(),
        implied_controls: record
            .implied
            .keys()
            .filter(|id| bank.question(id).is_some_and(|q| !q.engagement))
            .count(),
        implied: implied_blocks(bank, record),
        upgrades: record.upgrades.clone(),
        to_confirm: soc2_readiness_core::upgrade::to_confirm(record)
            .iter()
            .filter_map(|n| n.question_id.clone())
            .collect(),
        tasks: bank
            .questions
            .iter()
            .filter(|q| q.engagement && question_applies(bank, q, record, &scorecard.scope))
            .map(|q| {
                let state = record
                    .answers
                    .get(&q.id)
                    .map_or_else(|| "Unanswered".to_string(), |a| describe_for(q, &a.value));
                (q.text.clone(), state)
            })
            .collect(),
        steps,
        roadmap,
        scope_answers: answer_rows(bank, record, &scorecard, 1),
        method: method_paragraphs(target.value()),
        proposed: None,
        since_last: None,
        registers: None,
        accounts: None,
        description: None,
        observation: None,
        logo: settings.logo.clone(),
        page_size: settings.page_size,
        modules: bank.modules.clone(),
        custom_questions: bank
            .questions
            .iter()
            .filter_map(|q| {
                let m = bank.module_of(&q.id)?;
                Some((q.id.clone(), format!("{} {}", m.title, m.version)))
            })
            .collect(),
        scorecard,
    }
}

impl ReportModel {
    /// Adds the observation period, computed by the engine from the check log.
    pub fn with_observation(
        mut self,
        observation: soc2_readiness_core::calendar::Observation,
    ) -> ReportModel {
        self.observation = Some(observation);
        self
    }
}

/// A stable hash of everything answered, so a printed report can be matched to its data.
pub fn fingerprint(record: &AssessmentRecord) -> String {
    // An answer without an exception hashes as it did before exceptions existed, so reports
    // printed by earlier versions still match their data.
    let answers: BTreeMap<&String, serde_json::Value> = record
        .answers
        .iter()
        .map(|(id, a)| {
            let value = match &a.exception {
                None => serde_json::json!([&a.value, &a.note, &a.owner]),
                Some(exception) => serde_json::json!([&a.value, &a.note, &a.owner, exception]),
            };
            (id, value)
        })
        .collect();
    let canonical =
        serde_json::to_string(&(&record.assessment.id, answers, &record.scope_overrides))
            .expect("answers serialise to JSON");
    let digest = Sha256::digest(canonical.as_bytes());
    hex::encode(digest)[..16].to_string()
}
