//! The trust page: what a company may tell customers about its security, drawn from the answers and the records, holding back what they do not support.
//!
//! A claim is shown only when its control question is answered "in place and documented" or
//! better, carries no known exception (recorded by the user or shown by the records: a failed or
//! missed check, an overdue review) and is not a "don't know"; the page says which basis each
//! claim has. Everything not shown is listed for the company with the reason, and the company may
//! hold back more, never publish more. The page is dated and marked self-assessed until the
//! company holds a SOC 2 report.

pub mod choices;
pub mod claims;
mod records;
mod status;
mod support;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::catalog::Bank;
use crate::engagement::Engagement;
use crate::evaluation::Evaluation;
use crate::registers::Registers;
use crate::scoring::QuestionState;
pub use choices::TrustChoices;

/// Why a claim may be made: the answer's level, after what the records show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Operating, with evidence retained, and the records do not say otherwise.
    Evidenced,
    /// In place and documented (or operating, but the records do not yet show it running).
    Documented,
}

impl Basis {
    pub fn label(self) -> &'static str {
        match self {
            Basis::Evidenced => "in place, with evidence",
            Basis::Documented => "documented",
        }
    }
}

/// A claim as the page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct PublishedClaim {
    pub question_id: String,
    pub text: String,
    pub basis: Basis,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct TrustGroup {
    pub id: String,
    pub title: String,
    pub claims: Vec<PublishedClaim>,
}

/// One claim the catalogue could make for this company, and whether it is made: the app's list
/// of publish choices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct ClaimChoice {
    pub question_id: String,
    pub group: String,
    pub text: String,
    /// The answers and records support it (`basis` says how).
    pub basis: Option<Basis>,
    /// Shown on the page: supported and not held back by the company.
    pub published: bool,
    /// Why it is not shown, in the company's terms; `None` when shown.
    pub reason: Option<String>,
}

/// A vendor listed as a sub-processor: one that can reach the company's or its customers' data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Subprocessor {
    pub name: String,
    pub purpose: String,
    pub location: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct PublishedPolicy {
    pub title: String,
    pub version: String,
    pub approved_on: NaiveDate,
}

/// Something the page leaves out, and why (for the preview, never for the page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct HeldBack {
    /// What it is: a claim's text, a policy's title, "Sub-processors", "Uptime commitment".
    pub item: String,
    pub reason: String,
    /// The company chose to leave it out (it could be published).
    pub chosen: bool,
    /// The control question a held-back claim stands on; `None` for a list or a commitment.
    #[serde(default)]
    pub question_id: Option<String>,
}

/// The trust page's content, as the HTML page, the PDF and the app's preview all show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct TrustPage {
    pub organisation: String,
    /// The day the page speaks for.
    pub as_of: NaiveDate,
    /// No SOC 2 report is held yet: every claim is the company's own.
    pub self_assessed: bool,
    /// The report status with the plan's honest dates ("SOC 2 Type I report planned for Q2 2027").
    pub status: String,
    /// The Trust Services Categories in scope, by name.
    pub categories: Vec<String>,
    pub groups: Vec<TrustGroup>,
    /// `None` when the company holds the list back; empty when none is recorded.
    pub subprocessors: Option<Vec<Subprocessor>>,
    /// `None` when the company holds the list back.
    pub policies: Option<Vec<PublishedPolicy>>,
    pub uptime: Option<String>,
    pub contact: Option<String>,
    pub held_back: Vec<HeldBack>,
    /// Every claim the catalogue could make here, for the publish choices.
    pub claims: Vec<ClaimChoice>,
    /// The claims catalogue's version.
    pub wording: String,
}

impl TrustPage {
    /// How many claims the page makes.
    pub fn claim_count(&self) -> usize {
        self.groups.iter().map(|g| g.claims.len()).sum()
    }
}

/// What the records show running: the control questions served by an adopted control whose
/// latest check passed, and those an account export shows operating (MFA on every account).
/// With evidence kept on the answer, it is what "with evidence" rests on.
pub type PassingChecks = std::collections::BTreeSet<String>;

/// Builds the trust page for an evaluated assessment, its analysis (scores and plan), the
/// programme's registers, what the check log shows passing, and the company's choices.
pub fn build(
    bank: &Bank,
    evaluation: &Evaluation,
    analysis: &Analysis,
    registers: &Registers,
    passing: &PassingChecks,
    choices: &TrustChoices,
) -> TrustPage {
    let today = evaluation.today;
    let engagement = Engagement::read(evaluation);
    let mut held_back = Vec::new();
    let claims = claim_choices(
        bank,
        evaluation,
        &analysis.scorecard.questions,
        passing,
        choices,
    );
    for claim in &claims {
        if let Some(reason) = &claim.reason {
            held_back.push(HeldBack {
                item: claim.text.clone(),
                reason: reason.clone(),
                chosen: claim.basis.is_some(),
                question_id: Some(claim.question_id.clone()),
            });
        }
    }
    let groups = claims::groups()
        .iter()
        .map(|group| TrustGroup {
            id: group.id.clone(),
            title: group.title.clone(),
            claims: claims
                .iter()
                .filter(|c| c.published && c.group == group.id)
                .map(|c| PublishedClaim {
                    question_id: c.question_id.clone(),
                    text: c.text.clone(),
                    basis: c.basis.unwrap_or(Basis::Documented),
                })
                .collect(),
        })
        .filter(|group| !group.claims.is_empty())
        .collect();

    let subprocessors = if choices.hide_subprocessors {
        held_back.push(HeldBack {
            item: "Sub-processors".into(),
            reason: "you chose not to publish the list".into(),
            chosen: true,
            question_id: None,
        });
        None
    } else {
        let list = records::subprocessors(registers);
        if list.is_empty() {
            held_back.push(HeldBack {
                item: "Sub-processors".into(),
                reason: "no vendor in the register is recorded as reaching data (add the data it can reach, or mark personal data, in Registers, Vendors)".into(),
                chosen: false,
                question_id: None,
            });
        }
        Some(list)
    };
    let policies = if choices.hide_policies {
        held_back.push(HeldBack {
            item: "Policies".into(),
            reason: "you chose not to publish the list".into(),
            chosen: true,
            question_id: None,
        });
        None
    } else {
        Some(records::policies(registers, today, &mut held_back))
    };
    let uptime = records::uptime(evaluation, choices, &mut held_back);
    let contact = choices.contact.clone();
    if contact.is_none() {
        held_back.push(HeldBack {
            item: "Security contact".into(),
            reason: "none given: add the address customers should write to about security".into(),
            chosen: false,
            question_id: None,
        });
    }
    let (status, undated) = status::line(&engagement, &analysis.plan, today);
    if let Some(reason) = undated {
        held_back.push(HeldBack {
            item: "The expected report date".into(),
            reason,
            chosen: false,
            question_id: None,
        });
    }
    TrustPage {
        organisation: evaluation.assessment.organisation.clone(),
        as_of: today,
        self_assessed: engagement.existing_report.is_none(),
        status,
        categories: analysis
            .scorecard
            .scope
            .iter()
            .filter(|d| d.in_scope)
            .map(|d| d.name.clone())
            .collect(),
        groups,
        subprocessors,
        policies,
        uptime,
        contact,
        held_back,
        claims,
        wording: claims::version().to_string(),
    }
}

/// Every claim whose question this assessment asks, with whether it is made and why not.
fn claim_choices(
    bank: &Bank,
    evaluation: &Evaluation,
    states: &[QuestionState],
    passing: &PassingChecks,
    choices: &TrustChoices,
) -> Vec<ClaimChoice> {
    let state_of = |question: &str| {
        states
            .iter()
            .find(|s| s.question_id == question && s.applicable)
    };
    let mut out = Vec::new();
    for group in claims::groups() {
        for claim in &group.claims {
            // A claim stands only on a question of the assessment's own bank, asked here.
            let Some(state) = state_of(&claim.question) else {
                continue;
            };
            if bank.question(&claim.question).is_none() {
                continue;
            }
            let (mut basis, mut unsupported) = support::support(evaluation, state, passing);
            if unsupported.is_none()
                && let Some(why) = claim
                    .with
                    .iter()
                    .filter_map(|other| state_of(other))
                    .find_map(|other| support::related_gap(bank, evaluation, other))
            {
                basis = None;
                unsupported = Some(why);
            }
            let held = choices.held.contains(&claim.question);
            let reason = match (&unsupported, held) {
                (Some(why), _) => Some(why.clone()),
                (None, true) => Some("you chose not to publish it".to_string()),
                (None, false) => None,
            };
            out.push(ClaimChoice {
                question_id: claim.question.clone(),
                group: group.id.clone(),
                text: claim.text.clone(),
                basis,
                published: reason.is_none(),
                reason,
            });
        }
    }
    out
}
