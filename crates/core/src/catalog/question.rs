//! One question of the bank as it is loaded: its kind, choices, impact, effort and the words a gap and its fix are shown in.

use serde::{Deserialize, Serialize};

use super::Condition;

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
