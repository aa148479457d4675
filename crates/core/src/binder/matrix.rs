//! The control matrix an auditor asks for first: per criterion in scope, each control question with its owner, how often it runs, what evidence it keeps, its last result and its exceptions.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::assessment::{AnswerValue, MaturityLevel};
use crate::calendar::{CheckEntry, CheckLog, CheckResult, template};
use crate::catalog::Bank;
use crate::evaluation::Evaluation;
use crate::findings::{Effect, RecordFinding};
use crate::scoring::{CriterionStatus, Scorecard};

/// One line of the matrix: a control question under one criterion it serves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatrixRow {
    pub criterion: String,
    pub criterion_title: String,
    pub question_id: String,
    /// The control, named neutrally when the bank names it, else by its question.
    pub control: String,
    /// Where the answer stands, in the questionnaire's words.
    pub standing: String,
    pub owner: Option<String>,
    /// The recurring controls that evidence it, each with the frequency the company chose.
    pub runs_as: Vec<String>,
    /// The evidence the answer names, else what the recurring control says to keep.
    pub evidence: Vec<String>,
    /// The latest run of its recurring controls: day, result and control.
    pub last_result: Option<String>,
    /// The known exception recorded on the answer, then what the records show.
    pub exceptions: Vec<String>,
}

/// The matrix as of the evaluation's day. `latest` holds the adopted controls and at least
/// each one's latest run (more runs are fine: the latest is taken). `findings` are what the
/// records say against the answers: the evaluation's own for a matrix as of today, the period's
/// for a binder. Rows follow the bank's criteria, then its questions; a question serving three
/// criteria in scope is on three rows, as auditors read the matrix by criterion.
pub fn control_matrix(
    bank: &Bank,
    evaluation: &Evaluation,
    scorecard: &Scorecard,
    latest: &CheckLog,
    findings: &[RecordFinding],
) -> Vec<MatrixRow> {
    let last: BTreeMap<&str, &CheckEntry> = latest_runs(latest);
    let mut rows = Vec::new();
    for criterion in scorecard
        .criteria
        .iter()
        .filter(|c| c.in_scope && c.status != CriterionStatus::OutOfScope)
    {
        for state in scorecard.questions.iter().filter(|s| s.applicable) {
            let Some(question) = bank.question(&state.question_id) else {
                continue;
            };
            if question.engagement || !question.criteria.contains(&criterion.id) {
                continue;
            }
            let answer = evaluation.answers.get(&question.id);
            let adopted: Vec<_> = latest
                .controls
                .iter()
                .filter(|c| !c.archived)
                .filter_map(|c| template(bank, &c.control_id).map(|t| (c, t)))
                .filter(|(_, t)| t.questions.contains(&question.id))
                .collect();
            let standing = if state.implied {
                "Not in place (implied by its foundation)".to_string()
            } else {
                match answer.map(|a| &a.value) {
                    None => "Not answered".to_string(),
                    Some(AnswerValue::Unknown(())) => "Don't know (to verify)".to_string(),
                    Some(AnswerValue::NotApplicable(why)) => format!("Not applicable: {why}"),
                    _ => state
                        .level
                        .and_then(|l| MaturityLevel::try_from(l).ok())
                        .map_or("Not answered", MaturityLevel::label)
                        .to_string(),
                }
            };
            let mut evidence: Vec<String> = answer.map(|a| a.evidence.clone()).unwrap_or_default();
            if evidence.is_empty() {
                evidence.extend(adopted.iter().map(|(_, t)| format!("keep: {}", t.evidence)));
            }
            let last_result = adopted
                .iter()
                .filter_map(|(c, t)| last.get(c.control_id.as_str()).map(|run| (run, t)))
                .max_by_key(|(run, _)| (run.performed_on, run.recorded_at))
                .map(|(run, t)| {
                    format!(
                        "{} on {} ({})",
                        run.result.label(),
                        run.performed_on,
                        t.title
                    )
                });
            let mut exceptions: Vec<String> = answer
                .and_then(|a| a.exception.clone())
                .into_iter()
                .collect();
            exceptions.extend(
                findings
                    .iter()
                    .filter(|f| f.question_id == question.id)
                    .filter(|f| f.live_exposure || f.effect == Effect::KnownException)
                    .map(|f| f.detail.clone()),
            );
            rows.push(MatrixRow {
                criterion: criterion.id.clone(),
                criterion_title: criterion.title.clone(),
                question_id: question.id.clone(),
                control: question
                    .subject
                    .clone()
                    .unwrap_or_else(|| question.text.clone()),
                standing,
                owner: answer
                    .and_then(|a| a.owner.clone())
                    .or_else(|| adopted.first().map(|(c, _)| c.owner.clone())),
                runs_as: adopted
                    .iter()
                    .map(|(c, t)| format!("{} ({})", t.title, c.frequency.id()))
                    .collect(),
                evidence,
                last_result,
                exceptions,
            });
        }
    }
    rows
}

/// Each control's latest run that counts (voids and what they withdrew left out).
fn latest_runs(log: &CheckLog) -> BTreeMap<&str, &CheckEntry> {
    let voided: BTreeSet<&str> = log
        .checks
        .iter()
        .filter_map(|c| c.voids.as_deref())
        .collect();
    let mut last: BTreeMap<&str, &CheckEntry> = BTreeMap::new();
    for check in log.checks.iter().filter(|c| c.is_run()) {
        if check.result == CheckResult::Void || voided.contains(&check.id.as_str()) {
            continue;
        }
        let newer = last.get(check.control_id.as_str()).is_none_or(|seen| {
            (check.performed_on, check.recorded_at) > (seen.performed_on, seen.recorded_at)
        });
        if newer {
            last.insert(&check.control_id, check);
        }
    }
    last
}
