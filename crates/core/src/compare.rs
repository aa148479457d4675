//! Two assessments side by side (a re-assessment against its baseline): figures, gaps closed, new, worse and better, answers changed.
//!
//! Both records are read against one bank (the caller carries an older one first), and both are
//! analysed on the same day, so a difference is a change in the answers, never in the method.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::analysis::{Analysis, analyse};
use crate::assessment::{AnswerValue, AssessmentRecord, describe_for};
use crate::catalog::{Bank, Category};
use crate::evaluation::Evaluation;
use crate::gaps::{Gap, Priority};
use crate::scoring::{CategoryScore, Rollup, StepScore};

/// One figure before and after; `None` where that side had nothing to score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Change {
    pub before: Option<f64>,
    pub after: Option<f64>,
}

impl Change {
    pub fn of(before: Option<f64>, after: Option<f64>) -> Change {
        Change { before, after }
    }

    /// After minus before, when both sides have the figure.
    pub fn delta(&self) -> Option<f64> {
        Some(self.after? - self.before?)
    }

    /// Moved by at least half a percentage point (figures are percentages), or gained or lost
    /// its figure.
    pub fn moved(&self) -> bool {
        match (self.before, self.after) {
            (Some(b), Some(a)) => (a - b).abs() >= 0.5,
            (None, None) => false,
            _ => true,
        }
    }
}

/// Readiness against the target and its two halves (is the control designed, does it run), and
/// how much of the questionnaire was answered.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Figures {
    pub readiness: Change,
    pub design: Change,
    pub operating: Change,
    pub completion: Change,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CategoryChange {
    pub id: Category,
    pub name: String,
    pub in_scope_before: bool,
    pub in_scope_after: bool,
    pub figures: Figures,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct StepChange {
    pub step: u8,
    pub title: String,
    pub figures: Figures,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CriterionChange {
    pub id: String,
    pub title: String,
    pub in_scope_before: bool,
    pub in_scope_after: bool,
    pub readiness: Change,
}

/// A gap as it stood on one side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct GapState {
    pub level: Option<u8>,
    /// The level scoring credits (an exception or missing evidence lowers it).
    pub effective_level: f64,
    pub priority: Priority,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct GapChange {
    pub question_id: String,
    pub title: String,
    pub criteria: Vec<String>,
    pub before: Option<GapState>,
    pub after: Option<GapState>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct AnswerChange {
    pub question_id: String,
    pub question: String,
    pub step: u8,
    /// The answers in words; `None` where the question was unanswered.
    pub before: Option<String>,
    pub after: Option<String>,
}

/// Which assessment a side is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct ComparedAssessment {
    pub id: String,
    pub organisation: String,
    pub label: Option<String>,
    pub created_at: DateTime<Utc>,
    pub bank_version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Comparison {
    pub before: ComparedAssessment,
    pub after: ComparedAssessment,
    pub overall: Figures,
    pub categories: Vec<CategoryChange>,
    pub steps: Vec<StepChange>,
    pub criteria: Vec<CriterionChange>,
    /// Open before, not after.
    pub gaps_closed: Vec<GapChange>,
    /// Open after, not before.
    pub gaps_new: Vec<GapChange>,
    /// Open on both sides, with less credited after.
    pub gaps_worse: Vec<GapChange>,
    /// Open on both sides, with more credited after (progress that has not closed it yet).
    pub gaps_better: Vec<GapChange>,
    pub answers_changed: Vec<AnswerChange>,
    /// What could not be compared and why, in sentences (a question only one bank had, two
    /// organisations); empty when everything was.
    pub notes: Vec<String>,
}

/// Compares `before` with `after`, each analysed against `bank` on its evaluation's day (the
/// same day, when both are read for one comparison).
pub fn compare(bank: &Bank, before: &Evaluation, after: &Evaluation) -> Comparison {
    let was = analyse(bank, before);
    let is = analyse(bank, after);
    let mut notes = Vec::new();
    if normalised(&before.assessment.organisation) != normalised(&after.assessment.organisation) {
        notes.push(format!(
            "These are assessments of two organisations ({} and {}); the figures compare, the \
             conclusions may not.",
            before.assessment.organisation, after.assessment.organisation
        ));
    }
    for (side, record) in [("earlier", before), ("later", after)] {
        let unknown: Vec<&str> = record
            .answers
            .keys()
            .filter(|id| bank.question(id).is_none())
            .map(String::as_str)
            .collect();
        if !unknown.is_empty() {
            notes.push(format!(
                "The {side} assessment answers {} question(s) this bank no longer asks ({}); \
                 they are not compared.",
                unknown.len(),
                unknown.join(", ")
            ));
        }
    }
    Comparison {
        before: side(before),
        after: side(after),
        overall: figures(&was.scorecard.overall, &is.scorecard.overall),
        categories: categories(&was, &is),
        steps: steps(&was, &is),
        criteria: criteria(&was, &is),
        gaps_closed: gap_changes(&was, &is, |b, a| b.is_some() && a.is_none()),
        gaps_new: gap_changes(&was, &is, |b, a| b.is_none() && a.is_some()),
        gaps_worse: gap_changes(&was, &is, |b, a| match (b, a) {
            (Some(b), Some(a)) => a.effective_level < b.effective_level,
            _ => false,
        }),
        gaps_better: gap_changes(&was, &is, |b, a| match (b, a) {
            (Some(b), Some(a)) => a.effective_level > b.effective_level,
            _ => false,
        }),
        answers_changed: answers_changed(bank, before, after),
        notes,
    }
}

/// Organisation names as a person means them (see [`crate::findings::normalised_organisation`]).
pub use crate::findings::normalised_organisation as normalised;

fn side(record: &AssessmentRecord) -> ComparedAssessment {
    let a = &record.assessment;
    ComparedAssessment {
        id: a.id.clone(),
        organisation: a.organisation.clone(),
        label: a.label.clone(),
        created_at: a.created_at,
        bank_version: a.bank_version.clone(),
    }
}

/// The four figures every roll-up has, in [`Figures`] order: readiness, design, operating,
/// completion.
type Four = [Option<f64>; 4];

fn four_changes(before: Four, after: Four) -> Figures {
    let [readiness, design, operating, completion] =
        std::array::from_fn(|i| Change::of(before[i], after[i]));
    Figures {
        readiness,
        design,
        operating,
        completion,
    }
}

fn figures(before: &Rollup, after: &Rollup) -> Figures {
    four_changes(before.four(), after.four())
}

/// A roll-up's four figures, for [`four_changes`].
trait FourFigures {
    fn four(&self) -> Four;
}

macro_rules! four_figures {
    ($($t:ty),*) => {$(
        impl FourFigures for $t {
            fn four(&self) -> Four {
                [self.readiness, self.design, self.operating, self.completion]
            }
        }
    )*};
}

four_figures!(Rollup, CategoryScore, StepScore);

fn categories(was: &Analysis, is: &Analysis) -> Vec<CategoryChange> {
    is.scorecard
        .categories
        .iter()
        .filter_map(|after| {
            let before = was.scorecard.categories.iter().find(|c| c.id == after.id)?;
            Some(CategoryChange {
                id: after.id,
                name: after.name.clone(),
                in_scope_before: before.in_scope,
                in_scope_after: after.in_scope,
                figures: four_changes(before.four(), after.four()),
            })
        })
        .collect()
}

fn steps(was: &Analysis, is: &Analysis) -> Vec<StepChange> {
    is.scorecard
        .steps
        .iter()
        .filter_map(|after| {
            let before = was.scorecard.steps.iter().find(|s| s.step == after.step)?;
            Some(StepChange {
                step: after.step,
                title: after.title.clone(),
                figures: four_changes(before.four(), after.four()),
            })
        })
        .collect()
}

fn criteria(was: &Analysis, is: &Analysis) -> Vec<CriterionChange> {
    is.scorecard
        .criteria
        .iter()
        .filter_map(|after| {
            let before = was.scorecard.criteria.iter().find(|c| c.id == after.id)?;
            Some(CriterionChange {
                id: after.id.clone(),
                title: after.title.clone(),
                in_scope_before: before.in_scope,
                in_scope_after: after.in_scope,
                readiness: Change::of(before.readiness, after.readiness),
            })
        })
        .collect()
}

/// The gaps whose before and after states pass `keep`, in the later register's order (most
/// important first), then those only the earlier one had.
fn gap_changes(
    was: &Analysis,
    is: &Analysis,
    keep: impl Fn(Option<&GapState>, Option<&GapState>) -> bool,
) -> Vec<GapChange> {
    let state = |g: &Gap| GapState {
        level: g.current_level,
        effective_level: g.effective_level,
        priority: g.priority,
    };
    // An implied gap stands behind its foundation's, which the register shows instead.
    let asked = |a: &Analysis| -> BTreeMap<String, Gap> {
        a.gaps
            .iter()
            .filter(|g| g.implied_by.is_none())
            .map(|g| (g.question_id.clone(), g.clone()))
            .collect()
    };
    let (before, after) = (asked(was), asked(is));
    let mut order: Vec<&Gap> = is.gaps.iter().filter(|g| g.implied_by.is_none()).collect();
    let seen: BTreeSet<&str> = order.iter().map(|g| g.question_id.as_str()).collect();
    order.extend(
        was.gaps
            .iter()
            .filter(|g| g.implied_by.is_none() && !seen.contains(g.question_id.as_str())),
    );
    order
        .into_iter()
        .filter_map(|g| {
            let b = before.get(&g.question_id).map(state);
            let a = after.get(&g.question_id).map(state);
            keep(b.as_ref(), a.as_ref()).then(|| GapChange {
                question_id: g.question_id.clone(),
                title: g.title.clone(),
                criteria: g.criteria.clone(),
                before: b,
                after: a,
            })
        })
        .collect()
}

fn answers_changed(
    bank: &Bank,
    before: &AssessmentRecord,
    after: &AssessmentRecord,
) -> Vec<AnswerChange> {
    bank.questions
        .iter()
        .filter_map(|question| {
            let b = before.answers.get(&question.id).map(|a| &a.value);
            let a = after.answers.get(&question.id).map(|a| &a.value);
            if b == a {
                return None;
            }
            let words = |v: Option<&AnswerValue>| v.map(|v| describe_for(question, v));
            Some(AnswerChange {
                question_id: question.id.clone(),
                question: question.text.clone(),
                step: question.step,
                before: words(b),
                after: words(a),
            })
        })
        .collect()
}
