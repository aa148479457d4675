//! The criteria catalogue and the question bank: what can be asked, why, and which criteria it serves.
//!
//! The bank is data (TOML in `assets/`), loaded and validated here. Everything downstream
//! (scope, scoring, gaps) may assume a loaded [`Bank`] is internally consistent.

mod condition;
mod load;
mod module;
mod questions;
mod read_by_id;
mod recurring;
mod validate;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The step that scopes the report (categories, period, systems) rather than scoring controls:
/// its questions are scoping questions and it has no readiness figure of its own.
pub const SCOPE_STEP: u8 = 1;

pub use condition::Condition;
pub use load::{BankError, BankProblem, bundled_bank, bundled_files, parse_bank};
pub use module::{ModuleRef, QuestionModule, parse_module};
pub use read_by_id::*;
pub use recurring::{Frequency, Interval, RecurringTemplate};

/// The five Trust Services Criteria categories. Security is the one that always applies.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    ts_rs::TS,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Security,
    Availability,
    Confidentiality,
    ProcessingIntegrity,
    Privacy,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Security,
        Category::Availability,
        Category::Confidentiality,
        Category::ProcessingIntegrity,
        Category::Privacy,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Category::Security => "security",
            Category::Availability => "availability",
            Category::Confidentiality => "confidentiality",
            Category::ProcessingIntegrity => "processing_integrity",
            Category::Privacy => "privacy",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Category::Security => "Security",
            Category::Availability => "Availability",
            Category::Confidentiality => "Confidentiality",
            Category::ProcessingIntegrity => "Processing Integrity",
            Category::Privacy => "Privacy",
        }
    }

    /// Accepts the id (`processing_integrity`), a dashed form or the display name, any case.
    pub fn parse(text: &str) -> Option<Category> {
        let wanted = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Category::ALL
            .into_iter()
            .find(|c| c.id() == wanted || c.name().to_ascii_lowercase().replace(' ', "_") == wanted)
    }
}

/// One Trust Services criterion, cited by id with our own short title (never AICPA wording).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Criterion {
    pub id: String,
    pub category: Category,
    pub series: String,
    pub title: String,
    pub explanation: String,
}

/// Effort to close a gap: small (days), medium (weeks), large (a quarter or more).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ts_rs::TS,
)]
pub enum Effort {
    S,
    M,
    L,
}

/// The kind of answer a scoping question takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ScopingInput {
    YesNo,
    Choice,
    MultiChoice,
    Text,
    Date,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Choice {
    pub id: String,
    pub label: String,
    /// A choice such as "None of these" that cannot be picked together with another.
    #[serde(default)]
    pub exclusive: bool,
}

/// What it costs if a control fails: the first thing a gap's priority is judged on.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum Impact {
    /// Failure exposes customer data or the system, or hides it; auditors report it.
    Critical,
    /// A core tested control whose failure is likely to be a reported exception.
    High,
    /// Supports other controls; weakens the programme when it fails.
    Moderate,
    /// Hygiene and polish; rarely material on its own.
    Low,
}

impl Impact {
    pub fn label(self) -> &'static str {
        match self {
            Impact::Critical => "Critical",
            Impact::High => "High",
            Impact::Moderate => "Moderate",
            Impact::Low => "Low",
        }
    }

    /// The factor in the priority score: 4 for critical down to 1 for low.
    pub fn factor(self) -> u8 {
        match self {
            Impact::Critical => 4,
            Impact::High => 3,
            Impact::Moderate => 2,
            Impact::Low => 1,
        }
    }

    /// One step more serious, up to critical: for a control the system's scope leans on.
    pub fn stepped_up(self) -> Impact {
        match self {
            Impact::Low => Impact::Moderate,
            Impact::Moderate => Impact::High,
            Impact::High | Impact::Critical => Impact::Critical,
        }
    }

    /// One step more serious, for a category customers require, but never made critical: a
    /// required category's routine controls must not outrank the controls that keep data safe.
    pub fn raised(self) -> Impact {
        match self {
            Impact::Critical => Impact::Critical,
            // Critical orders first, so `max` keeps anything less serious than High as it is.
            other => other.stepped_up().max(Impact::High),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    Scoping,
    Control,
}

/// A question of the bank. Scoping questions leave the control-only fields empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Question {
    pub id: String,
    pub step: u8,
    pub topic: String,
    pub kind: QuestionKind,
    pub text: String,
    /// Why the question matters, in plain words.
    pub why: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<ScopingInput>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub choices: Vec<Choice>,
    #[serde(default)]
    pub criteria: Vec<String>,
    /// What good looks like: the evidence an auditor will ask to see.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub good: Option<String>,
    /// The first concrete actions that close the gap.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remediation: Option<String>,
    /// The next step from "in place, informal" to written and approved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remediation_document: Option<String>,
    /// The next step from documented (or operating with an exception) to operating with evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remediation_operate: Option<String>,
    /// The gap in a leader's words, for when this control is missing or weak.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap: Option<String>,
    /// The control named neutrally ("Encryption of customer data at rest"), so a gap can say
    /// what is missing at each level: in place but not documented, or not yet evidenced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub impact: Option<Impact>,
    /// When the system's scope makes this control matter more (people working from home, a
    /// staging environment in the boundary), its impact is raised one step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub impact_raised_when: Option<Condition>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effort: Option<Effort>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<u32>,
    #[serde(default)]
    pub key: bool,
    /// A task of the audit project (choosing a firm, agreeing scope), answered like a control
    /// but not a control the auditor tests: it has no criteria and is kept out of readiness.
    #[serde(default)]
    pub engagement: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applies_when: Option<Condition>,
    /// Shown instead of the question when `applies_when` is false (for example "relies on the cloud provider").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub otherwise: Option<String>,
    /// The id of the question module that added this question; `None` for the bank's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub module: Option<String>,
}

impl Question {
    pub fn is_control(&self) -> bool {
        self.kind == QuestionKind::Control
    }

    /// Control questions always carry a weight after validation; scoping ones weigh nothing.
    pub fn weight(&self) -> u32 {
        self.weight.unwrap_or(0)
    }

    /// Control questions always carry an impact after validation.
    pub fn impact(&self) -> Impact {
        self.impact.unwrap_or(Impact::Moderate)
    }

    /// The advice that starts where the answer is: from nothing (levels 0 and 1), from
    /// informal (2), or from documented, or operating with a known exception, to operating
    /// with evidence (3 and 4). The UI's `nextStep` picks the same way.
    pub fn advice_for(&self, level: u8) -> &str {
        let start = self.remediation.as_deref().unwrap_or_default();
        let text = match level {
            0 | 1 => Some(start),
            2 => self.remediation_document.as_deref(),
            _ => self.remediation_operate.as_deref(),
        };
        text.filter(|t| !t.trim().is_empty()).unwrap_or(start)
    }

    /// The gap's own words, falling back to the question for a bank that has none.
    pub fn gap_title(&self) -> &str {
        self.gap.as_deref().unwrap_or(&self.text)
    }

    /// The gap as it stands at a level: the bank's statement while the control is absent or
    /// planned; once it is in place, what is still missing, so an informal control is never
    /// described as absent.
    pub fn gap_title_at(&self, level: Option<u8>, exception: bool) -> String {
        let Some(subject) = self.subject.as_deref() else {
            return self.gap_title().to_string();
        };
        match level {
            _ if exception => format!("{subject}: does not yet cover everything in scope"),
            Some(2) => format!("{subject}: in place, not yet documented"),
            Some(3) => format!("{subject}: documented, no evidence of operation kept yet"),
            _ => self.gap_title().to_string(),
        }
    }
}

/// One of the six steps of getting to SOC 2.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Step {
    pub number: u8,
    pub title: String,
    pub summary: String,
}

/// How strongly a holding rule argues for its category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum RuleStrength {
    /// The category belongs in the report: proposed in scope.
    #[default]
    Needed,
    /// A reason to talk it over with customers and the auditor; left out unless chosen.
    WorthDiscussing,
}

/// A rule proposing a category from the scoping answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CategoryRule {
    pub category: Category,
    #[serde(default)]
    pub strength: RuleStrength,
    pub when: Condition,
    /// Why the category is proposed when the rule holds.
    pub reason_in: String,
    /// Why it is not proposed when the rule is answered and does not hold.
    pub reason_out: String,
}

/// What the company holds or does that makes some controls matter more: while `when` holds,
/// each listed question's impact is at least `impact`, and its gap says why (`reason`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct ImpactContext {
    pub when: Condition,
    pub questions: Vec<String>,
    pub impact: Impact,
    /// Said on the gap after the impact: "critical here: your vendors receive health data".
    pub reason: String,
}

/// A control question whose absence settles others: on the quick path, while it is not in place
/// or only planned, its dependents are not asked and count as gaps at its level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Foundation {
    pub question: String,
    pub dependents: Vec<String>,
    /// Why the dependents cannot be in better shape than the foundation, for people.
    pub reason: String,
}

/// What one bank version changed, so assessments made on an older bank carry their answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Release {
    pub version: String,
    pub summary: String,
    #[serde(rename = "change", default)]
    pub changes: Vec<BankChange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct BankChange {
    pub kind: ChangeKind,
    /// Ids in the previous version (empty for an added question).
    #[serde(default)]
    pub from: Vec<String>,
    /// Ids in this version (empty for a removed question).
    #[serde(default)]
    pub to: Vec<String>,
    /// Why, in a sentence a user reads.
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// One question under a new id; its answer moves as it is.
    Renamed,
    /// Several questions became one; answers are carried and must be confirmed.
    Merged,
    /// One question became several; its answer is carried to each, to confirm.
    Split,
    /// A question left the bank; its answer stays in the history.
    Removed,
    /// A new question to answer.
    Added,
    /// The same question counts towards other criteria (or none: an audit-project task).
    Remapped,
}

/// The loaded, validated question bank with its criteria catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Bank {
    pub version: String,
    pub steps: Vec<Step>,
    pub criteria: Vec<Criterion>,
    pub category_rules: Vec<CategoryRule>,
    pub questions: Vec<Question>,
    pub foundations: Vec<Foundation>,
    /// Oldest first; the last release is this bank's version.
    pub changelog: Vec<Release>,
    /// The recurring controls the calendar proposes (`assets/recurring-controls.toml`).
    pub recurring_controls: Vec<RecurringTemplate>,
    /// Context that raises the impact of the questions guarding it (`[[impact_context]]`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<ImpactContext>>", optional)]
    pub impact_context: Vec<ImpactContext>,
    /// The question modules added to the bank (an assessment's effective bank), in id order.
    /// Left out when empty, so the bundled bank's JSON (and the stamp hashed from it) is as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<ModuleRef>>", optional)]
    pub modules: Vec<ModuleRef>,
    #[serde(skip)]
    question_index: BTreeMap<String, usize>,
    #[serde(skip)]
    criterion_index: BTreeMap<String, usize>,
    /// For each question (by position), the positions of its criteria: scoring's hot path
    /// works on indices instead of comparing id strings.
    #[serde(skip)]
    question_criteria: Vec<Vec<usize>>,
    /// For each dependent question id, the position of its foundation.
    #[serde(skip)]
    foundation_of: BTreeMap<String, usize>,
}

impl Bank {
    pub(super) fn new(
        version: String,
        steps: Vec<Step>,
        criteria: Vec<Criterion>,
        category_rules: Vec<CategoryRule>,
        questions: Vec<Question>,
        foundations: Vec<Foundation>,
        changelog: Vec<Release>,
    ) -> Bank {
        let question_index = questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i))
            .collect();
        let criterion_index: BTreeMap<String, usize> = criteria
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        let question_criteria = questions
            .iter()
            .map(|q| {
                q.criteria
                    .iter()
                    .filter_map(|id| criterion_index.get(id).copied())
                    .collect()
            })
            .collect();
        let foundation_of = foundations
            .iter()
            .enumerate()
            .flat_map(|(i, f)| f.dependents.iter().map(move |d| (d.clone(), i)))
            .collect();
        Bank {
            version,
            steps,
            criteria,
            category_rules,
            questions,
            foundations,
            changelog,
            // Set by the loader once checked against the questions.
            recurring_controls: Vec::new(),
            impact_context: Vec::new(),
            modules: Vec::new(),
            question_index,
            criterion_index,
            question_criteria,
            foundation_of,
        }
    }

    /// The foundation a question depends on, if any.
    pub fn foundation_of(&self, question_id: &str) -> Option<&Foundation> {
        self.foundation_of
            .get(question_id)
            .map(|&i| &self.foundations[i])
    }

    /// The foundation a question is, if it is one.
    pub fn foundation(&self, question_id: &str) -> Option<&Foundation> {
        self.foundations.iter().find(|f| f.question == question_id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index.get(id).map(|&i| &self.questions[i])
    }

    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criterion_index.get(id).map(|&i| &self.criteria[i])
    }

    /// Positions in `criteria` of the criteria of the question at `position` in `questions`.
    pub fn criteria_of(&self, position: usize) -> &[usize] {
        &self.question_criteria[position]
    }

    pub fn control_questions(&self) -> impl Iterator<Item = &Question> {
        self.questions.iter().filter(|q| q.is_control())
    }

    pub fn scoping_questions(&self) -> impl Iterator<Item = &Question> {
        self.questions.iter().filter(|q| !q.is_control())
    }

    pub fn step(&self, number: u8) -> Option<&Step> {
        self.steps.iter().find(|s| s.number == number)
    }
}
