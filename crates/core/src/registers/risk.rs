//! The risk register: each threat's likelihood and impact, its treatment and owner, and the control questions that answer it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::fields::{FieldKind, FieldSpec};
use super::{
    Attention, Judging, RecordError, Register, RegisterRecord, day, months_after, not_future,
};
use crate::catalog::Bank;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Treatment {
    Mitigate,
    Accept,
    Transfer,
    Avoid,
}

/// Likelihood times impact (each 1 to 5) at or above this is a high risk: the top band of the
/// usual five-by-five matrix (4x4, 3x5 and above).
pub const HIGH_RISK_SCORE: u32 = 15;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub threat: String,
    /// 1 (rare) to 5 (almost certain).
    pub likelihood: u32,
    /// 1 (negligible) to 5 (severe).
    pub impact: u32,
    pub treatment: Treatment,
    pub owner: String,
    /// Control questions of the bank that answer the risk.
    #[serde(default)]
    pub controls: Vec<String>,
    #[serde(default)]
    pub last_review: Option<NaiveDate>,
}

const TREATMENTS: &[&str] = &["mitigate", "accept", "transfer", "avoid"];

impl Risk {
    pub fn score(&self) -> u32 {
        self.likelihood * self.impact
    }

    pub fn is_high(&self) -> bool {
        self.score() >= HIGH_RISK_SCORE
    }
}

impl RegisterRecord for Risk {
    const REGISTER: Register = Register::Risks;
    const FIELDS: &'static [FieldSpec] = &[
        FieldSpec::text("threat", true, "what could go wrong"),
        FieldSpec::of(
            "likelihood",
            FieldKind::Number { min: 1, max: 5 },
            true,
            "1 (rare) to 5 (almost certain)",
        ),
        FieldSpec::of(
            "impact",
            FieldKind::Number { min: 1, max: 5 },
            true,
            "1 (negligible) to 5 (severe)",
        ),
        FieldSpec::of(
            "treatment",
            FieldKind::Choice(TREATMENTS),
            true,
            "mitigate, accept, transfer or avoid",
        ),
        FieldSpec::text("owner", true, "who owns the risk"),
        FieldSpec::of(
            "controls",
            FieldKind::List,
            false,
            "control question ids that answer it, separated by commas",
        ),
        FieldSpec::of(
            "last_review",
            FieldKind::Date,
            false,
            "when it was last reviewed",
        ),
    ];

    fn label(&self) -> &str {
        &self.threat
    }

    fn check_dates(&self, today: NaiveDate) -> Result<(), RecordError> {
        for (field, value) in [("likelihood", self.likelihood), ("impact", self.impact)] {
            if !(1..=5).contains(&value) {
                return Err(RecordError::new(
                    field,
                    format!("{value} is not from 1 to 5"),
                ));
            }
        }
        not_future("last_review", self.last_review, today)
    }

    fn check_links(&self, bank: &Bank) -> Result<(), RecordError> {
        check_controls(self, bank)
    }

    fn attention(&self, at: &Judging) -> Vec<Attention> {
        let today = at.today;
        let mut out = Vec::new();
        match self.last_review {
            Some(last) if months_after(last, 12) < today => out.push(Attention::new(
                "review_overdue",
                format!("last reviewed {}, more than a year ago", day(last)),
                Some(months_after(last, 12)),
            )),
            None => out.push(Attention::new(
                "never_reviewed",
                "never reviewed".into(),
                None,
            )),
            _ => {}
        }
        if self.is_high() && self.treatment == Treatment::Accept {
            out.push(Attention::new(
                "high_risk_accepted",
                format!(
                    "scored {} of 25 and accepted: leadership should sign the acceptance",
                    self.score()
                ),
                None,
            ));
        }
        if self.is_high() && self.treatment == Treatment::Mitigate && self.controls.is_empty() {
            out.push(Attention::new(
                "no_linked_control",
                format!("scored {} of 25 with no control linked to it", self.score()),
                None,
            ));
        }
        out
    }
}

/// Every linked control is a question of the bank, named once.
pub fn check_controls(risk: &Risk, bank: &Bank) -> Result<(), RecordError> {
    let mut seen = std::collections::BTreeSet::new();
    for id in &risk.controls {
        if bank.question(id).is_none() {
            return Err(RecordError::new(
                "controls",
                format!("'{id}' is not a question of question bank {}", bank.version),
            ));
        }
        if !seen.insert(id) {
            return Err(RecordError::new(
                "controls",
                format!("'{id}' is linked twice"),
            ));
        }
    }
    Ok(())
}
