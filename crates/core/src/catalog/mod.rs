//! The criteria catalogue and the question bank: what can be asked, why, and which criteria it serves.
//!
//! The bank is data (TOML in `assets/`), loaded and validated here. Everything downstream
//! (scope, scoring, gaps) may assume a loaded [`Bank`] is internally consistent.

mod condition;
mod load;
mod module;
mod module_versions;
mod question;
mod questions;
mod read_by_id;
mod recurring;
mod release;
mod validate;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The step that scopes the report (categories, period, systems) rather than scoring controls:
/// its questions are scoping questions and it has no readiness figure of its own.
pub const SCOPE_STEP: u8 = 1;

pub use condition::Condition;
pub use load::{BankError, BankProblem, bundled_bank, bundled_files, parse_bank};
pub use module::{ModuleRef, QuestionModule, parse_module};
pub use module_versions::{
    ModuleRefusal, answers_left_behind, choose_version, module_name, refuse_named_twice,
    refuse_other_text,
};
pub use question::{Choice, Effort, Impact, Question, QuestionKind, ScopingInput};
pub use read_by_id::*;
pub use recurring::{Frequency, Interval, RecurringTemplate};
pub use release::{BankChange, ChangeKind, Release};

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
