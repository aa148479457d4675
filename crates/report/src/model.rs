//! The report model: everything the gap-analysis PDF shows, arranged from what the engine computed.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

use soc2_readiness_core::analysis::analyse;
use soc2_readiness_core::assessment::{AssessmentRecord, Depth, describe_for};
use soc2_readiness_core::catalog::{Bank, ModuleRef, Question};
use soc2_readiness_core::evaluation::Evaluation;
use soc2_readiness_core::gaps::{Gap, Horizon, Priority, top_gaps};
use soc2_readiness_core::plan::Plan;
use soc2_readiness_core::scope::question_applies;
use soc2_readiness_core::scoring::Scorecard;

mod proposed;
mod registers;
mod since_last;

pub use proposed::{ProposedPlan, build_proposed};
pub use registers::{AttentionRow, RegisterSummary, RegistersSection};
pub use since_last::SinceLast;

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
    pub exception: Option<String>,
    /// The foundation whose absence implies this answer on the quick path.
    pub implied_by: Option<String>,
}

/// A missing foundation and the gaps it implies on the quick path, for the register and the
/// appendix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImpliedBlock {
    pub foundation: String,
    pub title: String,
    pub reason: String,
    /// Each implied question as "gap (step N)", in bank order.
    pub dependents: Vec<String>,
    /// The foundation has a row of its own in the register (it is a control, not a task).
    pub is_gap: bool,
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

fn implied_blocks(bank: &Bank, record: &Evaluation) -> Vec<ImpliedBlock> {
    bank.foundations
        .iter()
        .filter_map(|f| {
            let dependents: Vec<String> = bank
                .questions
                .iter()
                .filter(|q| record.implied.get(&q.id) == Some(&f.question))
                .map(|q| format!("{} (step {})", q.gap_title(), q.step))
                .collect();
            let base = bank.question(&f.question)?;
            (!dependents.is_empty()).then(|| ImpliedBlock {
                foundation: f.question.clone(),
                title: base.gap_title().to_string(),
                reason: f.reason.clone(),
                dependents,
                is_gap: !base.engagement,
            })
        })
        .collect()
}

fn answer_rows(
    bank: &Bank,
    record: &Evaluation,
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
    record: &Evaluation,
    scorecard: &Scorecard,
) -> AnswerRow {
    let applies = question_applies(bank, question, record, &scorecard.scope);
    let answer = record.answers.get(&question.id);
    let condition_holds = question
        .applies_when
        .as_ref()
        .is_none_or(|c| soc2_readiness_core::scope::evaluate(c, record) != Some(false));
    let shown = match (answer, applies) {
        (_, false) if !condition_holds => question
            .otherwise
            .clone()
            .unwrap_or_else(|| "Does not apply, given the scope answers.".into()),
        (_, false) => format!(
            "Out of scope: {} belong to categories outside this report.",
            question.criteria.join(", ")
        ),
        (Some(a), true) => match record.implied.get(&question.id) {
            Some(base) => format!(
                "{} (implied: not asked on the quick path while {base} is not in place)",
                describe_for(question, &a.value)
            ),
            None => describe_for(question, &a.value),
        },
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
        exception: answer.and_then(|a| a.exception.clone()),
        implied_by: record.implied.get(&question.id).cloned(),
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
    plan: &Plan,
) -> Vec<String> {
    let report_type = record.report_type();
    let report = report_type.label();
    let overall = &scorecard.overall;
    let mut out = Vec::new();
    if gaps.is_empty() {
        out.push(format!(
            "Every applicable control is at the level a SOC 2 {report} audit expects, with no known exception. Keep the recurring controls running on schedule, collect evidence as you go, and book the auditor."
        ));
        out.push(plan.verdict.clone());
        return out;
    }
    let count = |p: Priority| gaps.iter().filter(|g| g.priority == p).count();
    let exceptions = gaps.iter().filter(|g| g.is_exception()).count();
    let design_gaps = gaps.iter().filter(|g| g.effective_level < 3.0).count();
    out.push(format!(
        "Design readiness (controls designed and in place on one date: what a Type I tests) stands at {}; operating readiness (operating with evidence kept: what a Type II tests) at {}. {} of the questionnaire is answered.",
        percent(overall.design),
        percent(overall.operating),
        percent(overall.completion),
    ));
    let stance = match (report_type, overall.design, overall.operating) {
        (soc2_readiness_core::assessment::ReportType::Type2, Some(design), Some(operating))
            if design >= 85.0 && operating < 70.0 =>
        {
            Some("Design is largely ready: the work now is to operate the controls and keep the evidence an auditor will sample across the observation period.".to_string())
        }
        (soc2_readiness_core::assessment::ReportType::Type1, Some(design), Some(operating))
            if design >= 85.0 && operating < 70.0 =>
        {
            Some("Design is largely ready for a Type I; a Type II will also need the controls operating, with evidence, through an observation period.".to_string())
        }
        _ => None,
    };
    out.extend(stance);
    let fix_now = count(Priority::FixNow);
    if fix_now > 0 {
        out.push(format!(
            "Fix now, before any other work: {fix_now} {} that leave something exposed today or repeat an exception the last report noted. They lead the gap register.",
            if fix_now == 1 { "known exception" } else { "known exceptions" }
        ));
    }
    out.push(format!(
        "{} control questions fall short of a {report} audit: {} High, {} Medium, {} Low{}.",
        gaps.len(),
        count(Priority::High),
        count(Priority::Medium),
        count(Priority::Low),
        if exceptions > 0 {
            format!(
                "; {exceptions} of them carry a known exception, which an auditor would report if found in the window"
            )
        } else {
            String::new()
        }
    ));
    if overall.unanswered > 0 {
        out.push(format!(
            "{} applicable questions are still unanswered and are scored as not in place. Answering them is the first step: some of these controls may already exist.",
            overall.unanswered
        ));
    }
    out.push(format!(
        "To be audit-ready: close the High gaps now, then the Medium ones within 90 days; the {design_gaps} gaps not yet designed and in place must be closed before the audit window opens. {}",
        plan.verdict
    ));
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
            "Two readiness figures are computed: design readiness against level 3 (what a Type I tests) and operating readiness against level 4 (what a Type II tests); the headline is the one for the report targeted, here level {target}. A question answered at level l earns min(l, target) / target of its weight. A known exception takes half a level off and caps the level at 2.5, so the control never counts as designed in full or operating. An unanswered question, or one answered \"don't know\", counts as level 0; the first is reported as unanswered, the second as to verify."
        ),
        "Readiness of a criterion is 100 x the sum of weight x credit over its applicable questions, divided by the sum of their weights. Not-applicable answers leave both sums. A criterion with no applicable question is reported as such and is never counted as 100%.".into(),
        "Category and overall readiness are the plain mean of the scored criteria in scope; step readiness is the weighted mean of the step's questions. Completion is answered over applicable questions; answers implied by a missing foundation and \"don't know\" are shown beside it, never in it. Every figure is rounded once, to one decimal place.".into(),
        "A gap is an applicable question below target or with a known exception. Its priority comes from the control's impact (critical, high, moderate or low; raised where what the company holds or does makes it matter more, with the reason on the gap, and one step when a customer requires its category), how far the answer is from target, any known exception, and time: a gap whose work cannot finish before the audit window must open for the target date is High. A known exception marked as a live exposure, or as a repeat of the last report's, on a high or critical control is Fix now, above High. The register is one ranked list: the top gaps are its first ones. Fix now and High go on the roadmap Now, Medium in the next 90 days, Low later.".into(),
        "The plan shares the gaps' work (in person-days by its kind: writing down what already happens, closing an exception, finishing what is planned, building from nothing; scaled by the company's size; none once documented) by the time people said they can give each week, with a cautious date half as long again. It adds 2 weeks before the audit window (and no sooner than 8 weeks when no auditor is engaged yet), the observation period for a Type II, and 6 weeks to the report. An observation start chosen before the design work can end is called not credible, and the dates use the earliest credible one.".into(),
        "Categories in scope are proposed from the scope answers (Security always applies) and can be overridden with a recorded reason, shown in Appendix A.".into(),
    ]
}
