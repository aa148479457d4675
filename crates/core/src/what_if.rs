//! What-if: the readiness, gap register and plan an assessment would have if chosen gaps were closed, worked out on a copy of its answers.
//!
//! A proposed plan must come from the same method as the real one, so the copy is scored,
//! ranked and dated by `analyse`, never by arithmetic of its own; the stored assessment is
//! never touched.

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::analysis::{Analysis, analyse};
use crate::assessment::{Answer, AnswerValue, ReportType};
use crate::catalog::{Bank, Category};
use crate::compare::Change;
use crate::evaluation::Evaluation;
use crate::gaps::{Gap, Horizon, Priority};
use crate::plan::Plan;
use crate::scoring::CriterionStatus;

/// The gaps to close: named ones (a gap's id is its question's id), and every gap of the
/// priorities or roadmap horizons listed. The parts add up; an empty selection closes nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Selection {
    pub gaps: Vec<String>,
    pub priorities: Vec<Priority>,
    pub horizons: Vec<Horizon>,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.gaps.is_empty() && self.priorities.is_empty() && self.horizons.is_empty()
    }

    fn picks(&self, gap: &Gap) -> bool {
        self.gaps.contains(&gap.question_id)
            || self.priorities.contains(&gap.priority)
            || self.horizons.contains(&gap.horizon)
    }
}

/// Named ids that are not gaps of the assessment, each list in the order given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", unknown_message(.unknown, .not_gaps))]
pub struct UnknownGaps {
    /// Not a question of the bank at all (a typing slip, or a bank that changed).
    pub unknown: Vec<String>,
    /// A question, but not in the gap register: at its target, not applicable, out of scope, or
    /// not a control.
    pub not_gaps: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CategoryShift {
    pub id: Category,
    pub name: String,
    /// Headline readiness (the report type's target).
    pub readiness: Change,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CriterionShift {
    pub id: String,
    pub category: Category,
    pub readiness: Change,
}

/// The assessment now and as it would be with the selected gaps closed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Projection {
    pub today: NaiveDate,
    pub report_type: ReportType,
    pub selection: Selection,
    /// The gaps the projection closes, as they stand now, in register order.
    pub closed: Vec<Gap>,
    /// Headline, design and operating readiness overall.
    pub overall: Change,
    pub design: Change,
    pub operating: Change,
    /// Categories in scope, in scorecard order.
    pub categories: Vec<CategoryShift>,
    /// Criteria with a score, in scorecard order.
    pub criteria: Vec<CriterionShift>,
    pub gaps_before: usize,
    /// The gap register as it would be: every gap not closed, ranked afresh.
    pub remaining: Vec<Gap>,
    /// The ten remaining gaps to show first, as `Analysis::top` chooses them.
    pub top_remaining: Vec<String>,
    pub plan_before: Plan,
    pub plan_after: Plan,
}

/// Projects closing the selected gaps of `record` (as scored: given and implied answers, and
/// the records' findings) on its day. Refuses, naming every one, ids that are not gaps, since a plan that silently skips
/// a gap someone asked for would overstate readiness.
pub fn project(
    bank: &Bank,
    record: &Evaluation,
    selection: &Selection,
) -> Result<Projection, UnknownGaps> {
    let before = analyse(bank, record);
    check_named(bank, &before, selection)?;
    let closed: Vec<Gap> = before
        .gaps
        .iter()
        .filter(|g| selection.picks(g))
        .cloned()
        .collect();
    let ids: BTreeSet<&str> = closed.iter().map(|g| g.question_id.as_str()).collect();
    let after = analyse(bank, &close(bank, record, &ids));
    Ok(compare(
        record.report_type(),
        selection,
        closed,
        before,
        after,
    ))
}

fn check_named(bank: &Bank, before: &Analysis, selection: &Selection) -> Result<(), UnknownGaps> {
    let mut unknown = Vec::new();
    let mut not_gaps = Vec::new();
    for id in &selection.gaps {
        if before.gaps.iter().any(|g| &g.question_id == id)
            || unknown.contains(id)
            || not_gaps.contains(id)
        {
            continue;
        }
        match bank.question(id) {
            Some(_) => not_gaps.push(id.clone()),
            None => unknown.push(id.clone()),
        }
    }
    if unknown.is_empty() && not_gaps.is_empty() {
        Ok(())
    } else {
        Err(UnknownGaps { unknown, not_gaps })
    }
}

/// A gap is exactly an answer whose effective level is below the headline target, so closing
/// it means: the level raised to the target (kept when already above it, as for an answer with
/// a known exception on a Type I), and any known exception resolved. For a Type II that
/// includes a documented control reaching "operating, with evidence retained": the missing
/// evidence is the gap. Notes, owners, dates and evidence stay as they are.
///
/// Closing starts from the answers the user gave: implied answers are worked out again after
/// closing, so closing a foundation opens its dependents (unanswered, still gaps), as answering
/// it would, instead of leaving them implied.
fn close(bank: &Bank, record: &Evaluation, ids: &BTreeSet<&str>) -> Evaluation {
    let mut given = record.given();
    let target = given.report_type().target_level();
    let at = record.today.and_time(NaiveTime::MIN).and_utc();
    for id in ids {
        let answer = given
            .answers
            .entry(id.to_string())
            .or_insert_with(|| Answer::bare(id, AnswerValue::Level(target), at));
        let level = answer.level().map_or(target, |level| level.max(target));
        answer.value = AnswerValue::Level(level);
        answer.drop_exception();
    }
    // Closing the gap includes running the control as the records expect.
    let findings = record
        .findings
        .iter()
        .filter(|f| !ids.contains(f.question_id.as_str()))
        .cloned()
        .collect();
    let overdue = record
        .overdue
        .iter()
        .filter(|q| !ids.contains(q.as_str()))
        .cloned()
        .collect();
    Evaluation::new(bank, given, record.today).with_records(findings, overdue)
}

fn compare(
    report_type: ReportType,
    selection: &Selection,
    closed: Vec<Gap>,
    before: Analysis,
    after: Analysis,
) -> Projection {
    let (b, a) = (&before.scorecard, &after.scorecard);
    let shift = Change::of;
    let categories = b
        .categories
        .iter()
        .filter(|c| c.in_scope)
        .map(|c| CategoryShift {
            id: c.id,
            name: c.name.clone(),
            readiness: shift(
                c.readiness,
                a.categories
                    .iter()
                    .find(|x| x.id == c.id)
                    .and_then(|x| x.readiness),
            ),
        })
        .collect();
    let criteria = b
        .criteria
        .iter()
        .filter(|c| c.status == CriterionStatus::Scored)
        .map(|c| CriterionShift {
            id: c.id.clone(),
            category: c.category,
            readiness: shift(
                c.readiness,
                a.criteria
                    .iter()
                    .find(|x| x.id == c.id)
                    .and_then(|x| x.readiness),
            ),
        })
        .collect();
    Projection {
        today: before.plan.today,
        report_type,
        selection: selection.clone(),
        closed,
        overall: shift(b.overall.readiness, a.overall.readiness),
        design: shift(b.overall.design, a.overall.design),
        operating: shift(b.overall.operating, a.overall.operating),
        categories,
        criteria,
        gaps_before: before.gaps.len(),
        remaining: after.gaps,
        top_remaining: after.top,
        plan_before: before.plan,
        plan_after: after.plan,
    }
}

fn unknown_message(unknown: &[String], not_gaps: &[String]) -> String {
    let mut parts = Vec::new();
    if !unknown.is_empty() {
        parts.push(format!("no question has the id {}", unknown.join(", ")));
    }
    if !not_gaps.is_empty() {
        parts.push(format!(
            "{} {} not in the gap register (at target, not applicable or out of scope)",
            not_gaps.join(", "),
            if not_gaps.len() == 1 { "is" } else { "are" }
        ));
    }
    format!(
        "cannot close what is not a gap: {}; a gap's id is its question's id, as the gap register lists it",
        parts.join("; ")
    )
}
