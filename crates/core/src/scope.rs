//! Scope: which categories are in, which questions apply, decided from the scoping answers.

use serde::{Deserialize, Serialize};

use crate::assessment::{AnswerValue, AssessmentRecord};
use crate::catalog::{
    Bank, CONFIDENTIALITY_CLAUSES_QUESTION, Category, CategoryRule, Condition, DATA_KINDS_QUESTION,
    PRIVACY_NOTICE_QUESTION, Question, REQUIRED_CATEGORIES_QUESTION, RuleStrength, SLA_QUESTION,
    TRANSACTION_PROCESSING_QUESTION, UPTIME_CRITICAL_QUESTION, choice,
};

/// What the engine makes of a category from the scoping answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Proposal {
    /// Part of every report (Security), or required by customers or the company's commitments.
    Needed,
    /// Optional: a reason to discuss it with customers and the auditor; out unless chosen.
    WorthDiscussing,
    /// Nothing in the answers calls for it.
    NotProposed,
    /// A scoping question that decides it is still unanswered.
    Pending,
    /// Still undecided under the current method, but proposed by the earlier one from this
    /// assessment's answers: kept in scope until the new questions are answered.
    Carried,
}

impl Proposal {
    pub const ALL: [Proposal; 5] = [
        Proposal::Needed,
        Proposal::WorthDiscussing,
        Proposal::NotProposed,
        Proposal::Pending,
        Proposal::Carried,
    ];

    /// As serialised.
    pub fn id(self) -> &'static str {
        match self {
            Proposal::Needed => "needed",
            Proposal::WorthDiscussing => "worth_discussing",
            Proposal::NotProposed => "not_proposed",
            Proposal::Pending => "pending",
            Proposal::Carried => "carried",
        }
    }

    /// As every front end words it.
    pub fn label(self) -> &'static str {
        match self {
            Proposal::Needed => "needed",
            Proposal::WorthDiscussing => "worth discussing",
            Proposal::NotProposed => "not proposed",
            Proposal::Pending => "not decided yet",
            Proposal::Carried => "kept until answered",
        }
    }
}

/// The question bank version from which scope asks what customers require and the role for
/// personal data; assessments answered against an older bank keep their earlier proposals
/// (as `Carried`) until those questions are answered.
pub const SCOPE_METHOD_SINCE: &str = "2026.11.2";

/// The question bank version from which a commitment alone makes a category worth discussing
/// rather than needed, exceptions can be live exposures, impact follows context and the plan
/// follows the time people give: the method note says so to assessments started earlier.
pub const CONCLUSIONS_METHOD_SINCE: &str = "2026.12.1";

/// Whether an assessment was first answered against a bank older than `version` (an upgrade
/// carries its answers, not the method choices made for them). Bank versions are
/// dated (`YYYY.MM.N`), so they compare part by part as numbers.
pub fn answered_before(record: &AssessmentRecord, version: &str) -> bool {
    let parts = |v: &str| -> Vec<u64> { v.split('.').map(|p| p.parse().unwrap_or(0)).collect() };
    parts(crate::upgrade::started_on(record)) < parts(version)
}

/// The decision for one category, with the proposal behind it and any override.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CategoryDecision {
    pub category: Category,
    pub name: String,
    pub in_scope: bool,
    pub proposed: bool,
    pub proposal: Proposal,
    /// Why the engine proposed what it did.
    pub proposal_reason: String,
    /// The user's reason, present only when they overrode the proposal.
    pub override_reason: Option<String>,
}

/// Evaluates a condition against the answers. `None` means not yet known (an unanswered
/// question), which keeps a question applicable: we never drop questions on a guess.
pub fn evaluate(condition: &Condition, record: &AssessmentRecord) -> Option<bool> {
    match condition {
        Condition::Is { question, is } => record.value(question).map(|value| match value {
            AnswerValue::YesNo(yes) => (if *yes { "yes" } else { "no" }) == is,
            AnswerValue::Choice(choice) => choice == is,
            _ => false,
        }),
        Condition::Includes { question, includes } => {
            record.value(question).map(|value| match value {
                AnswerValue::Choices(chosen) => chosen.iter().any(|c| c == includes),
                _ => false,
            })
        }
        Condition::Any { any } => {
            let results: Vec<Option<bool>> = any.iter().map(|c| evaluate(c, record)).collect();
            if results.contains(&Some(true)) {
                Some(true)
            } else if results.contains(&None) {
                None
            } else {
                Some(false)
            }
        }
        Condition::All { all } => {
            let results: Vec<Option<bool>> = all.iter().map(|c| evaluate(c, record)).collect();
            if results.contains(&Some(false)) {
                Some(false)
            } else if results.contains(&None) {
                None
            } else {
                Some(true)
            }
        }
        Condition::Not { not } => evaluate(not, record).map(|b| !b),
    }
}

/// The category decisions, in the fixed order of [`Category::ALL`].
pub fn decide_scope(bank: &Bank, record: &AssessmentRecord) -> Vec<CategoryDecision> {
    Category::ALL
        .into_iter()
        .map(|category| {
            let (proposal, proposal_reason) = propose(bank, record, category);
            let proposed = matches!(proposal, Proposal::Needed | Proposal::Carried);
            let overridden = record
                .scope_overrides
                .iter()
                .find(|o| o.category == category && category != Category::Security);
            CategoryDecision {
                category,
                name: category.name().to_string(),
                in_scope: overridden.map_or(proposed, |o| o.in_scope),
                proposed,
                proposal,
                proposal_reason,
                override_reason: overridden.map(|o| o.reason.clone()),
            }
        })
        .collect()
}

/// Needed rules decide first (the first that holds gives the reason); an unanswered question
/// that could make a needed rule hold keeps the category pending; then worth-discussing rules.
fn propose(bank: &Bank, record: &AssessmentRecord, category: Category) -> (Proposal, String) {
    if category == Category::Security {
        return (
            Proposal::Needed,
            "Security (the common criteria) is part of every SOC 2 report.".into(),
        );
    }
    let rules = |strength: RuleStrength| -> Vec<&CategoryRule> {
        bank.category_rules
            .iter()
            .filter(|r| r.category == category && r.strength == strength)
            .collect()
    };
    let needed = rules(RuleStrength::Needed);
    let discussing = rules(RuleStrength::WorthDiscussing);
    if let Some(rule) = needed
        .iter()
        .find(|r| evaluate(&r.when, record) == Some(true))
    {
        return (Proposal::Needed, rule.reason_in.clone());
    }
    let worth = discussing
        .iter()
        .find(|r| evaluate(&r.when, record) == Some(true));
    let pending: Vec<&str> = needed
        .iter()
        .filter(|r| evaluate(&r.when, record).is_none())
        .flat_map(|r| r.when.references())
        .map(|(question, _)| question)
        .filter(|q| record.value(q).is_none())
        .collect();
    if !pending.is_empty() {
        // People read the questions, not their ids.
        let asked: Vec<String> = dedup(pending)
            .into_iter()
            .map(|id| {
                bank.question(id)
                    .map_or(id.to_string(), |q| format!("“{}”", q.text))
            })
            .collect();
        let questions = and_list(&asked);
        if answered_before(record, SCOPE_METHOD_SINCE)
            && let Some(reason) = earlier_proposal(record, category)
        {
            return (
                Proposal::Carried,
                format!(
                    "Kept in scope from your earlier answers ({reason}) until you answer {questions}, which now decide it."
                ),
            );
        }
        let also = worth
            .map(|r| format!(" Meanwhile it is worth discussing: {}", r.reason_in))
            .unwrap_or_default();
        return (
            Proposal::Pending,
            format!("Answer {questions} to decide.{also}"),
        );
    }
    if let Some(rule) = worth {
        let check = if customers_unknown(record) {
            " You do not know yet which categories customers want: ask before deciding."
        } else {
            ""
        };
        return (
            Proposal::WorthDiscussing,
            format!("{}{check}", rule.reason_in),
        );
    }
    let reasons: Vec<&str> = needed.iter().map(|r| r.reason_out.as_str()).collect();
    let check = if customers_unknown(record) {
        " You do not know yet which categories customers want: their security questionnaires, RFPs and contracts will say."
    } else {
        ""
    };
    (
        Proposal::NotProposed,
        format!("{}{check}", dedup(reasons).join(" ")),
    )
}

/// The company said it does not know yet which categories customers want.
fn customers_unknown(record: &AssessmentRecord) -> bool {
    matches!(
        record.value(REQUIRED_CATEGORIES_QUESTION),
        Some(AnswerValue::Choices(c)) if c.iter().any(|x| x == choice::NOT_KNOWN_YET)
    )
}

/// What the method before bank 2026.11.2 proposed, from the answers it had: any personal data
/// or a privacy notice proposed Privacy, any SLA Availability, confidential data or clauses
/// Confidentiality, transactions or payment data Processing Integrity.
fn earlier_proposal(record: &AssessmentRecord, category: Category) -> Option<&'static str> {
    let yes = |q: &str| record.value(q) == Some(&AnswerValue::YesNo(true));
    let kind = |k: &str| matches!(record.value(DATA_KINDS_QUESTION), Some(AnswerValue::Choices(c)) if c.iter().any(|x| x == k));
    match category {
        Category::Availability if yes(SLA_QUESTION) || yes(UPTIME_CRITICAL_QUESTION) => {
            Some("an SLA or customers who depend on uptime")
        }
        Category::Confidentiality
            if kind(choice::CUSTOMER_CONFIDENTIAL) || yes(CONFIDENTIALITY_CLAUSES_QUESTION) =>
        {
            Some("confidential customer data or confidentiality clauses")
        }
        Category::ProcessingIntegrity
            if yes(TRANSACTION_PROCESSING_QUESTION) || kind(choice::PAYMENT) =>
        {
            Some("transaction processing or payment data")
        }
        Category::Privacy
            if kind(choice::PERSONAL) || kind(choice::HEALTH) || yes(PRIVACY_NOTICE_QUESTION) =>
        {
            Some("personal data or a privacy notice")
        }
        _ => None,
    }
}

/// "a", "a and b", "a, b and c".
pub(crate) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn dedup(mut items: Vec<&str>) -> Vec<&str> {
    let mut seen = std::collections::BTreeSet::new();
    items.retain(|item| seen.insert(*item));
    items
}

/// Whether a question applies to this assessment: its condition is not known to be false and,
/// for control questions, at least one of its criteria is in a category in scope.
pub fn question_applies(
    bank: &Bank,
    question: &Question,
    record: &AssessmentRecord,
    decisions: &[CategoryDecision],
) -> bool {
    if let Some(condition) = &question.applies_when
        && evaluate(condition, record) == Some(false)
    {
        return false;
    }
    !question.is_control()
        || question.engagement
        || question
            .criteria
            .iter()
            .any(|id| criterion_in_scope(bank, id, decisions))
}

pub fn criterion_in_scope(bank: &Bank, criterion_id: &str, decisions: &[CategoryDecision]) -> bool {
    bank.criterion(criterion_id).is_some_and(|criterion| {
        decisions
            .iter()
            .any(|d| d.category == criterion.category && d.in_scope)
    })
}
