//! The vendor register: who holds or touches the system's data, their assurance reports and contract terms.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::fields::{FieldKind, FieldSpec};
use super::{
    Attention, Judging, RecordError, Register, RegisterRecord, day, months_after, not_before,
    not_future,
};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Criticality {
    Critical,
    High,
    Medium,
    Low,
}

/// Whether the vendor runs part of the system (a subservice organisation) and how the report
/// treats it: carved out (its controls are the vendor's to show) or inclusive.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Subservice {
    #[default]
    No,
    CarveOut,
    Inclusive,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AssuranceReport {
    #[default]
    None,
    Soc2Type1,
    Soc2Type2,
    Iso27001,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Opinion {
    Unqualified,
    Qualified,
    Adverse,
    Disclaimer,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vendor {
    pub name: String,
    pub service: String,
    #[serde(default)]
    pub data_shared: Option<String>,
    #[serde(default)]
    pub personal_data: bool,
    #[serde(default)]
    pub health_data: bool,
    pub criticality: Criticality,
    #[serde(default)]
    pub subservice: Subservice,
    #[serde(default)]
    pub report: AssuranceReport,
    #[serde(default)]
    pub report_period_end: Option<NaiveDate>,
    #[serde(default)]
    pub report_opinion: Option<Opinion>,
    #[serde(default)]
    pub report_exceptions: bool,
    /// The day the vendor's bridge (gap) letter covers up to.
    #[serde(default)]
    pub bridge_letter_to: Option<NaiveDate>,
    #[serde(default)]
    pub confidentiality_clause: bool,
    #[serde(default)]
    pub breach_notice_clause: bool,
    #[serde(default)]
    pub dpa: bool,
    #[serde(default)]
    pub baa: bool,
    pub owner: String,
    /// Where it keeps or processes the data (a country or region), for the trust page's
    /// sub-processor list; absent in entries made before it was asked.
    #[serde(default)]
    pub location: Option<String>,
    /// The day it was taken on (contract signed or first use): new vendors of a period are a
    /// population an auditor samples. Absent in entries made before it was asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engaged_on: Option<NaiveDate>,
    #[serde(default)]
    pub last_review: Option<NaiveDate>,
    #[serde(default)]
    pub next_review: Option<NaiveDate>,
}

const CRITICALITY: &[&str] = &["critical", "high", "medium", "low"];
const SUBSERVICE: &[&str] = &["no", "carve_out", "inclusive"];
const REPORTS: &[&str] = &["none", "soc2_type1", "soc2_type2", "iso27001"];
const OPINIONS: &[&str] = &["unqualified", "qualified", "adverse", "disclaimer"];

/// A report's period ending more than this long ago no longer speaks for the vendor.
pub const REPORT_CURRENT_MONTHS: u32 = 12;
/// Past this, the gap to today needs a bridge letter (customers and auditors ask at about a quarter).
pub const BRIDGE_AFTER_MONTHS: u32 = 3;

impl RegisterRecord for Vendor {
    const REGISTER: Register = Register::Vendors;
    const FIELDS: &'static [FieldSpec] = &[
        FieldSpec::text("name", true, "the vendor's name"),
        FieldSpec::text("service", true, "what it does for you"),
        FieldSpec::long("data_shared", false, "the data it can reach"),
        FieldSpec::of(
            "personal_data",
            FieldKind::Flag,
            false,
            "it holds personal data (yes/no)",
        ),
        FieldSpec::of(
            "health_data",
            FieldKind::Flag,
            false,
            "it holds health data (yes/no)",
        ),
        FieldSpec::of(
            "criticality",
            FieldKind::Choice(CRITICALITY),
            true,
            "its risk tier",
        ),
        FieldSpec::of(
            "subservice",
            FieldKind::Choice(SUBSERVICE),
            false,
            "a subservice organisation: no, carve_out or inclusive",
        ),
        FieldSpec::of(
            "report",
            FieldKind::Choice(REPORTS),
            false,
            "its assurance report on file",
        ),
        FieldSpec::of(
            "report_period_end",
            FieldKind::Date,
            false,
            "the last day the report covers",
        ),
        FieldSpec::of(
            "report_opinion",
            FieldKind::Choice(OPINIONS),
            false,
            "the auditor's opinion",
        ),
        FieldSpec::of(
            "report_exceptions",
            FieldKind::Flag,
            false,
            "the report notes exceptions (yes/no)",
        ),
        FieldSpec::of(
            "bridge_letter_to",
            FieldKind::Date,
            false,
            "the day its bridge letter covers up to",
        ),
        FieldSpec::of(
            "confidentiality_clause",
            FieldKind::Flag,
            false,
            "the contract binds it to confidentiality",
        ),
        FieldSpec::of(
            "breach_notice_clause",
            FieldKind::Flag,
            false,
            "the contract makes it tell you of a breach",
        ),
        FieldSpec::of(
            "dpa",
            FieldKind::Flag,
            false,
            "a data processing agreement is signed",
        ),
        FieldSpec::of(
            "baa",
            FieldKind::Flag,
            false,
            "a business associate agreement (HIPAA) is signed",
        ),
        FieldSpec::text("owner", true, "who looks after the relationship"),
        FieldSpec::text(
            "location",
            false,
            "where it keeps or processes your data (country or region)",
        ),
        FieldSpec::of(
            "engaged_on",
            FieldKind::Date,
            false,
            "when you took it on (contract signed or first use)",
        ),
        FieldSpec::of(
            "last_review",
            FieldKind::Date,
            false,
            "when it was last reviewed",
        ),
        FieldSpec::of(
            "next_review",
            FieldKind::Date,
            false,
            "when it is next due for review",
        ),
    ];

    fn label(&self) -> &str {
        &self.name
    }

    fn check_dates(&self, today: NaiveDate) -> Result<(), RecordError> {
        not_future("last_review", self.last_review, today)?;
        not_future("engaged_on", self.engaged_on, today)?;
        not_future("report_period_end", self.report_period_end, today)?;
        not_before(
            "next_review",
            self.next_review,
            "last_review",
            self.last_review,
        )?;
        not_before(
            "bridge_letter_to",
            self.bridge_letter_to,
            "report_period_end",
            self.report_period_end,
        )?;
        if self.report != AssuranceReport::None && self.report_period_end.is_none() {
            return Err(RecordError::new(
                "report_period_end",
                "required when a report is on file; give the last day it covers",
            ));
        }
        Ok(())
    }

    fn attention(&self, at: &Judging) -> Vec<Attention> {
        let today = at.today;
        let mut out = Vec::new();
        let important = matches!(self.criticality, Criticality::Critical | Criticality::High);
        let subservice = self.subservice != Subservice::No;
        match (self.next_review, self.last_review) {
            (Some(next), _) if next < today => out.push(Attention::new(
                "review_overdue",
                format!("review was due {}", day(next)),
                Some(next),
            )),
            (None, Some(last)) if months_after(last, 12) < today => out.push(Attention::new(
                "review_overdue",
                format!("last reviewed {}, more than a year ago", day(last)),
                Some(months_after(last, 12)),
            )),
            (None, None) if important || subservice => out.push(Attention::new(
                "never_reviewed",
                "never reviewed".into(),
                None,
            )),
            _ => {}
        }
        match (self.report, self.report_period_end) {
            (AssuranceReport::None, _) | (_, None) if important || subservice => {
                out.push(Attention::new(
                    "no_report",
                    "no SOC 2 or ISO 27001 report on file".into(),
                    None,
                ));
            }
            (AssuranceReport::None, _) | (_, None) => {}
            (_, Some(end)) => {
                let stale = months_after(end, REPORT_CURRENT_MONTHS);
                let bridge_due = months_after(end, BRIDGE_AFTER_MONTHS);
                if stale < today {
                    out.push(Attention::new(
                        "report_stale",
                        format!("report period ended {}, more than 12 months ago", day(end)),
                        Some(stale),
                    ));
                } else if bridge_due < today && self.bridge_letter_to.is_none_or(|b| b < today) {
                    out.push(Attention::new(
                        "no_bridge_letter",
                        format!(
                            "report period ended {} and no bridge letter covers the time since",
                            day(end)
                        ),
                        Some(bridge_due),
                    ));
                }
                if matches!(
                    self.report_opinion,
                    Some(Opinion::Qualified | Opinion::Adverse | Opinion::Disclaimer)
                ) {
                    out.push(Attention::new(
                        "report_opinion",
                        "the report's opinion is not unqualified".into(),
                        Some(end),
                    ));
                }
                if self.report_exceptions {
                    // For a subservice organisation the exceptions bear on the controls you
                    // rely on it for; for others, on the vendor review.
                    let code = if subservice {
                        "subservice_exceptions"
                    } else {
                        "report_exceptions"
                    };
                    out.push(Attention::new(
                        code,
                        "the report notes exceptions: check their effect and the complementary user-entity controls it expects of you".into(),
                        Some(end),
                    ));
                }
            }
        }
        if self.personal_data && !self.breach_notice_clause {
            out.push(Attention::new(
                "no_breach_notice",
                "holds personal data with no breach-notice clause".into(),
                None,
            ));
        }
        if self.personal_data && !self.dpa {
            out.push(Attention::new(
                "no_dpa",
                "holds personal data with no data processing agreement".into(),
                None,
            ));
        }
        if self.health_data && !self.baa {
            out.push(Attention::new(
                "no_baa",
                "holds health data with no business associate agreement".into(),
                None,
            ));
        }
        if (important || subservice) && !self.confidentiality_clause {
            out.push(Attention::new(
                "no_confidentiality",
                "no confidentiality clause in the contract".into(),
                None,
            ));
        }
        out
    }
}
