//! The portable JSON form of an assessment: export, and an import that checks everything before writing.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::assessment::HistoryEntry;
use crate::assessment::{
    Answer, Assessment, AssessmentRecord, ScopeOverride, check_details, check_value,
};
use crate::catalog::Bank;
use crate::upgrade::{BankUpgrade, carry};

pub const FORMAT: &str = "soc2-readiness/assessment";
/// 2 added the programme's registers; a version-1 file (no registers) still imports.
pub const FORMAT_VERSION: u32 = 2;
/// Far above any real assessment (a fully noted one is well under 1 MB), far below trouble.
mod programme;
pub use programme::{
    PortableCalendar, PortableFile, PortableModule, PortableRegisters, evidence_bytes, modules_of,
    portable_file,
};
use programme::{check_calendar, check_entries};

pub const MAX_IMPORT_BYTES: usize = 16 * 1024 * 1024;

/// The file a user exports and imports. Its schema is `docs/assessment.schema.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PortableAssessment {
    pub format: String,
    pub format_version: u32,
    pub exported_at: DateTime<Utc>,
    pub assessment: Assessment,
    pub answers: Vec<Answer>,
    #[serde(default)]
    pub scope_overrides: Vec<ScopeOverride>,
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    /// Bank upgrades the assessment went through; absent in files from before upgrades.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub upgrades: Vec<BankUpgrade>,
    /// The registers of the assessment's programme (its organisation) with their history;
    /// absent in version-1 files.
    #[serde(default)]
    pub registers: PortableRegisters,
    /// The organisation's control calendar and check log, with its evidence files; absent
    /// when it keeps none (and in files from before the calendar).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<PortableCalendar>,
    /// The question modules the assessment uses, each in full, so an import brings them along;
    /// absent in files from before modules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modules: Vec<PortableModule>,
    /// What the organisation chose to publish on its trust page; absent when it chose nothing
    /// (and in files from before the trust page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust_page: Option<crate::trust::TrustChoices>,
    /// The account exports kept for the organisation's systems, each with its file's hash, the
    /// day it was taken and its accounts; absent when none are kept (and in older files).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub account_imports: Vec<crate::accounts::AccountImport>,
    /// The organisation's limits for the account checks; absent when it chose none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_choices: Option<crate::accounts::AccountChoices>,
    /// The organisation's own versions of its system description's sections; absent when it
    /// wrote none (and in older files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_description: Option<crate::description::KeptDescription>,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the file is {0} bytes; an assessment file is at most {MAX_IMPORT_BYTES} bytes")]
    TooLarge(usize),
    #[error("the file is protected with a passphrase; give its passphrase to open it")]
    Protected,
    #[error("the file is not UTF-8 text (invalid byte at offset {0})")]
    NotUtf8(usize),
    #[error("the file is not valid assessment JSON: {0}")]
    Malformed(String),
    #[error("the file is not a SOC 2 Readiness assessment (format is '{0}', expected '{FORMAT}')")]
    WrongFormat(String),
    #[error(
        "the file uses format version {0}; this version of SOC 2 Readiness reads versions 1 to {FORMAT_VERSION} (update the app)"
    )]
    UnsupportedVersion(u32),
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },
}

/// The JSON Schema of the portable format, as committed in `docs/assessment.schema.json`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(PortableAssessment);
    serde_json::to_string_pretty(&schema).expect("the schema serialises") + "\n"
}

pub fn to_portable(
    record: &AssessmentRecord,
    history: Vec<HistoryEntry>,
    registers: PortableRegisters,
    exported_at: DateTime<Utc>,
) -> PortableAssessment {
    PortableAssessment {
        format: FORMAT.to_string(),
        format_version: FORMAT_VERSION,
        exported_at,
        assessment: record.assessment.clone(),
        answers: record.answers.values().cloned().collect(),
        scope_overrides: record.scope_overrides.clone(),
        history,
        upgrades: record.upgrades.clone(),
        registers,
        calendar: None,
        modules: Vec::new(),
        trust_page: None,
        account_imports: Vec::new(),
        account_choices: None,
        system_description: None,
    }
}

pub fn to_json(portable: &PortableAssessment) -> String {
    serde_json::to_string_pretty(portable).expect("a portable assessment serialises to JSON")
}

/// Parses and checks an import completely; nothing is written until this returns Ok.
pub fn parse(bytes: &[u8], bank: &Bank) -> Result<PortableAssessment, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    // Said before anything else, so a front end that passed the file as read asks for the
    // passphrase instead of reporting bytes that are not text.
    if crate::protect::is_protected(bytes) {
        return Err(ImportError::Protected);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ImportError::NotUtf8(e.valid_up_to()))?;
    // Read the header first so an old or foreign file gets a message about its version or
    // format, not about whichever field changed shape.
    #[derive(Deserialize)]
    struct Header {
        format: Option<String>,
        format_version: Option<u32>,
    }
    if let Ok(header) = serde_json::from_str::<Header>(text) {
        match header.format.as_deref() {
            Some(FORMAT) => {}
            Some(other) => return Err(ImportError::WrongFormat(other.to_string())),
            None => return Err(ImportError::WrongFormat("(missing)".to_string())),
        }
        if let Some(version) = header
            .format_version
            .filter(|v| !(1..=FORMAT_VERSION).contains(v))
        {
            return Err(ImportError::UnsupportedVersion(version));
        }
    }
    let deserializer = &mut serde_json::Deserializer::from_str(text);
    let portable: PortableAssessment =
        serde_path_to_error::deserialize(deserializer).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            if path == "." {
                ImportError::Malformed(inner.to_string())
            } else {
                ImportError::Invalid {
                    field: path,
                    message: inner.to_string(),
                }
            }
        })?;
    let modules = modules_of(&portable, bank)?;
    let bank = &bank.with_modules(&modules);
    let portable = carried(portable, bank);
    check(&portable, bank)?;
    if let Some(calendar) = &portable.calendar {
        check_calendar(calendar, bank)?;
    }
    if let Some(choices) = &portable.trust_page {
        choices
            .clone()
            .without_retired_claims()
            .checked()
            .map_err(|e| ImportError::Invalid {
                field: format!("trust_page.{}", e.field),
                message: e.message,
            })?;
    }
    check_accounts(&portable)?;
    check_description(&portable)?;
    Ok(portable)
}

/// A file exported from an assessment on an older bank: its answers carried to this bank, the
/// moves in its history and the upgrade recorded, dated when it was exported so an import is
/// reproducible.
fn carried(mut portable: PortableAssessment, bank: &Bank) -> PortableAssessment {
    let answers: BTreeMap<String, Answer> = portable
        .answers
        .iter()
        .map(|a| (a.question_id.clone(), a.clone()))
        .collect();
    // Answered twice: leave it to the check, which names the field.
    if answers.len() != portable.answers.len() {
        return portable;
    }
    let at = portable.exported_at;
    if let Some(carried) = carry(bank, &portable.assessment.bank_version, &answers, at) {
        portable.answers = carried.answers.into_values().collect();
        portable.history.extend(carried.history);
        portable.assessment.bank_version = carried.upgrade.to_version.clone();
        portable.upgrades.push(carried.upgrade);
    }
    portable
}

fn check(portable: &PortableAssessment, bank: &Bank) -> Result<(), ImportError> {
    let invalid = |field: String, message: String| ImportError::Invalid { field, message };
    if portable.assessment.organisation.trim().is_empty() {
        return Err(invalid(
            "assessment.organisation".into(),
            "the organisation name must not be empty".into(),
        ));
    }
    let mut seen = BTreeSet::new();
    for (i, answer) in portable.answers.iter().enumerate() {
        let field = format!("answers[{i}]");
        let question = bank.question(&answer.question_id).ok_or_else(|| {
            invalid(
                format!("{field}.question_id"),
                format!(
                    "unknown question '{}' (not in question bank {})",
                    answer.question_id, bank.version
                ),
            )
        })?;
        if !seen.insert(answer.question_id.as_str()) {
            return Err(invalid(
                format!("{field}.question_id"),
                format!("question '{}' is answered twice", answer.question_id),
            ));
        }
        check_value(question, &answer.value)
            .map_err(|e| invalid(format!("{field}.value"), e.to_string()))?;
        check_details(question, answer).map_err(|e| invalid(field.clone(), e.to_string()))?;
    }
    let mut categories = BTreeSet::new();
    for (i, decision) in portable.scope_overrides.iter().enumerate() {
        if decision.reason.trim().is_empty() {
            return Err(invalid(
                format!("scope_overrides[{i}].reason"),
                "a scope override needs a reason".into(),
            ));
        }
        if !categories.insert(decision.category) {
            return Err(invalid(
                format!("scope_overrides[{i}].category"),
                "the category is overridden twice".into(),
            ));
        }
    }
    // Nothing in a file can have happened after it was exported.
    let today = portable.exported_at.date_naive();
    let registers = &portable.registers;
    check_entries(&registers.vendors, "vendors", bank, today)?;
    check_entries(&registers.policies, "policies", bank, today)?;
    check_entries(&registers.incidents, "incidents", bank, today)?;
    check_entries(&registers.risks, "risks", bank, today)?;
    check_entries(&registers.people, "people", bank, today)?;
    check_entries(&registers.changes, "changes", bank, today)?;
    if let Some(limits) = registers.limits {
        limits.checked().map_err(|e| ImportError::Invalid {
            field: format!("registers.limits.{}", e.field),
            message: e.message,
        })?;
    }
    Ok(())
}

/// Turns a checked import into a new assessment with a fresh id, keeping its history.
pub fn into_record(
    portable: PortableAssessment,
    new_id: &str,
    now: DateTime<Utc>,
) -> (AssessmentRecord, Vec<HistoryEntry>) {
    let mut assessment = portable.assessment;
    assessment.id = new_id.to_string();
    assessment.updated_at = assessment.updated_at.max(now);
    let answers: BTreeMap<String, Answer> = portable
        .answers
        .into_iter()
        .map(|a| (a.question_id.clone(), a))
        .collect();
    (
        AssessmentRecord {
            assessment,
            answers,
            scope_overrides: portable.scope_overrides,
            upgrades: portable.upgrades,
            // Set by the caller from the checked modules (`modules_of`), which know their titles.
            modules: Vec::new(),
        },
        portable.history,
    )
}

/// The description's versions as a file carries them: numbered in order, each within the length
/// the app accepts, so an import never brings a section the app could not have saved.
fn check_description(portable: &PortableAssessment) -> Result<(), ImportError> {
    let Some(kept) = &portable.system_description else {
        return Ok(());
    };
    for (section, versions) in &kept.sections {
        for (i, version) in versions.iter().enumerate() {
            let field =
                |name: &str| format!("system_description.sections.{}[{i}].{name}", section.id());
            if version.version as usize != i + 1 {
                return Err(ImportError::Invalid {
                    field: field("version"),
                    message: format!("expected version {}", i + 1),
                });
            }
            let length = version.text.as_deref().map_or(0, |t| t.chars().count());
            if length > crate::description::MAX_SECTION_CHARS
                || version.text.as_deref().is_some_and(|t| t.trim().is_empty())
            {
                return Err(ImportError::Invalid {
                    field: field("text"),
                    message: format!(
                        "must hold between 1 and {} characters",
                        crate::description::MAX_SECTION_CHARS
                    ),
                });
            }
        }
    }
    Ok(())
}

/// Account imports and limits as a file carries them: each import named, hashed and unique;
/// limits a person could have chosen.
fn check_accounts(portable: &PortableAssessment) -> Result<(), ImportError> {
    let invalid = |field: String, message: &str| ImportError::Invalid {
        field,
        message: message.to_string(),
    };
    // Checked whether or not marked chosen: a file must not bring a 5-day "default".
    if let Some(choices) = &portable.account_choices {
        crate::accounts::AccountLimits::chosen(
            choices.limits.key_rotation_days,
            choices.limits.unused_days,
        )
        .map_err(|m| invalid("account_choices.limits".into(), &m))?;
    }
    let mut ids = std::collections::BTreeSet::new();
    for (i, import) in portable.account_imports.iter().enumerate() {
        let field = |name: &str| format!("account_imports[{i}].{name}");
        if import.id.trim().is_empty() || !ids.insert(import.id.as_str()) {
            return Err(invalid(field("id"), "every import needs its own id"));
        }
        if import.system.trim().is_empty() {
            return Err(invalid(field("system"), "name the system"));
        }
        if import.sha256.len() != 64 || !import.sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(invalid(
                field("sha256"),
                "a SHA-256 is 64 hexadecimal digits",
            ));
        }
    }
    Ok(())
}
