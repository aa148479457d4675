//! The audit project's milestones that are late or at risk, as gaps ranked with the others.

use crate::assessment::AssessmentRecord;
use crate::catalog::{Bank, Effort, Impact};
use crate::engagement::{Deadline, human_date};
use crate::scoring::{DESIGN_TARGET as DESIGN_LEVEL, Scorecard};

use super::{Gap, Horizon, Priority, round2};

/// The audit project's milestones that are late or at risk for the target date, as High gaps
/// ranked with the others: an auditor not engaged in time moves the report whatever else is
/// ready. Only with a target date, and only the project's own tasks (the penetration test is a
/// control and already a gap when below target).
pub(super) fn late_audit_tasks(
    bank: &Bank,
    record: &AssessmentRecord,
    scorecard: &Scorecard,
    deadline: &Deadline,
) -> Vec<(usize, Gap)> {
    let Some(window) = deadline.window_start else {
        return Vec::new();
    };
    let position = |id: &str| bank.control_questions().position(|q| q.id == id);
    crate::engagement::audit_tasks(record, |id| scorecard.asks(id), window, deadline.today)
        .into_iter()
        .filter(|t| t.late || t.at_risk)
        .filter_map(|task| {
            let i = position(&task.question_id)?;
            let question = bank.control_questions().nth(i)?;
            if !question.engagement {
                return None;
            }
            let answer = record.answers.get(&question.id);
            let state = &scorecard.questions[i];
            let when = human_date(task.start_by);
            let (title, reason) = if task.late {
                (
                    format!("{}: late, it had to start by {when}", task.title),
                    format!(
                        "an audit-project milestone: it had to start by {when} for the window the target date needs, so the report moves unless it starts now"
                    ),
                )
            } else {
                (
                    format!("{}: start by {when}", task.title),
                    format!(
                        "an audit-project milestone not started, due to start by {when} for the window the target date needs"
                    ),
                )
            };
            let level = state.level.unwrap_or(0);
            let gap = Gap {
                question_id: question.id.clone(),
                step: question.step,
                topic: question.topic.clone(),
                title,
                question: question.text.clone(),
                criteria: Vec::new(),
                categories: Vec::new(),
                current_level: state.level,
                effective_level: f64::from(level),
                target_level: DESIGN_LEVEL,
                exception: None,
                live_exposure: false,
                repeat_finding: false,
                not_covered: Vec::new(),
                to_verify: state.unknown,
                impact_reason: None,
                note: answer.and_then(|a| a.note.clone()),
                why: question.why.clone(),
                remediation: question.advice_for(level).to_string(),
                effort: question.effort.unwrap_or(Effort::S),
                weight: question.weight(),
                key_control: question.key,
                impact: Impact::High,
                work_weeks: 0.0,
                urgent: true,
                priority_score: round2(10.0 * (3.0_f64 / 4.0).powi(2)),
                priority: Priority::High,
                horizon: Horizon::Now,
                priority_reason: format!("high impact, {reason}"),
                owner: answer.and_then(|a| a.owner.clone()),
                due: answer.and_then(|a| a.due),
                implied_by: None,
                findings: Vec::new(),
                overdue: false,
            };
            Some((i, gap))
        })
        .collect()
}
