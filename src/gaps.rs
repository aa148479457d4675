//! Gaps (applicable control questions below target) with their priority, and the roadmap they form.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::assessment::AssessmentRecord;
use crate::catalog::{Bank, Effort};
use crate::scoring::Scorecard;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    High,
    Medium,
    Low,
}

impl Priority {
    pub fn label(self) -> &'static str {
        match self {
            Priority::High => "High",
            Priority::Medium => "Medium",
            Priority::Low => "Low",
        }
    }
}

/// When a gap should be worked on: the roadmap's three columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    Now,
    Next90Days,
    Later,
}

impl Horizon {
    pub fn label(self) -> &'static str {
        match self {
            Horizon::Now => "Now",
            Horizon::Next90Days => "Next 90 days",
            Horizon::Later => "Later",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Gap {
    pub question_id: String,
    pub step: u8,
    pub topic: String,
    pub question: String,
    pub criteria: Vec<String>,
    /// `None` when the question is unanswered (scored as 0, reported as unanswered).
    pub current_level: Option<u8>,
    pub target_level: u8,
    pub why: String,
    pub remediation: String,
    pub effort: Effort,
    pub weight: u32,
    pub key_control: bool,
    /// weight x shortfall x (2 for a key control), from 0 to 10; documented in docs/scoring.md.
    pub priority_score: f64,
    pub priority: Priority,
    pub horizon: Horizon,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
}

/// The gap register, most important first (priority score, then quick wins, then id).
pub fn find_gaps(bank: &Bank, record: &AssessmentRecord, scorecard: &Scorecard) -> Vec<Gap> {
    let target = scorecard.target_level;
    let mut gaps: Vec<Gap> = bank
        .control_questions()
        .zip(&scorecard.questions)
        .filter(|(_, state)| state.applicable && !state.not_applicable)
        .filter(|(_, state)| state.level.unwrap_or(0) < target)
        .map(|(question, state)| {
            let current = state.level.unwrap_or(0);
            let shortfall = f64::from(target - current) / f64::from(target);
            let multiplier = if question.key { 2.0 } else { 1.0 };
            let priority_score =
                (f64::from(question.weight()) * shortfall * multiplier * 100.0).round() / 100.0;
            let priority = if (question.key && current <= 1) || priority_score >= 6.0 {
                Priority::High
            } else if priority_score >= 3.0 {
                Priority::Medium
            } else {
                Priority::Low
            };
            let answer = record.answers.get(&question.id);
            Gap {
                question_id: question.id.clone(),
                step: question.step,
                topic: question.topic.clone(),
                question: question.text.clone(),
                criteria: question.criteria.clone(),
                current_level: state.level,
                target_level: target,
                why: question.why.clone(),
                remediation: question.remediation.clone().unwrap_or_default(),
                effort: question.effort.unwrap_or(Effort::M),
                weight: question.weight(),
                key_control: question.key,
                priority_score,
                priority,
                horizon: match priority {
                    Priority::High => Horizon::Now,
                    Priority::Medium => Horizon::Next90Days,
                    Priority::Low => Horizon::Later,
                },
                owner: answer.and_then(|a| a.owner.clone()),
                due: answer.and_then(|a| a.due),
            }
        })
        .collect();
    gaps.sort_by(|a, b| {
        b.priority_score
            .total_cmp(&a.priority_score)
            .then(a.effort.cmp(&b.effort))
            .then(a.question_id.cmp(&b.question_id))
    });
    gaps
}

/// The roadmap: gaps in their horizon, each column in register order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Roadmap {
    pub now: Vec<String>,
    pub next_90_days: Vec<String>,
    pub later: Vec<String>,
}

pub fn roadmap(gaps: &[Gap]) -> Roadmap {
    let column = |horizon: Horizon| {
        gaps.iter()
            .filter(|g| g.horizon == horizon)
            .map(|g| g.question_id.clone())
            .collect()
    };
    Roadmap {
        now: column(Horizon::Now),
        next_90_days: column(Horizon::Next90Days),
        later: column(Horizon::Later),
    }
}
