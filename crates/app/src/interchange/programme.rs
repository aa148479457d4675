//! What an export carries beside the assessment: its programme's registers and calendar, and its question modules.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{ImportError, PortableAssessment};
use crate::calendar::{AdoptedControl, CheckEntry};
use crate::catalog::{Bank, QuestionModule, parse_module};
use crate::registers::{
    Change, Entry, Incident, Limits, Person, Policy, RegisterChange, RegisterRecord, Registers,
    Risk, Vendor, check_against,
};

/// A programme's registers as exported: every entry, archived ones too, and every change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PortableRegisters {
    #[serde(default)]
    pub vendors: Vec<Entry<Vendor>>,
    #[serde(default)]
    pub policies: Vec<Entry<Policy>>,
    #[serde(default)]
    pub incidents: Vec<Entry<Incident>>,
    #[serde(default)]
    pub risks: Vec<Entry<Risk>>,
    /// Absent in files from before the people register.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Entry<Person>>,
    /// Absent in files from before the change register.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Entry<Change>>,
    #[serde(default)]
    pub history: Vec<RegisterChange>,
    /// The company's own limits for the people register; absent while the usual ones stand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<Limits>,
}

impl PortableRegisters {
    pub fn new(registers: Registers, history: Vec<RegisterChange>) -> PortableRegisters {
        PortableRegisters {
            vendors: registers.vendors,
            policies: registers.policies,
            incidents: registers.incidents,
            risks: registers.risks,
            people: registers.people,
            changes: registers.changes,
            history,
            limits: registers.limits,
        }
    }

    /// The entries, and the history apart.
    pub fn split(self) -> (Registers, Vec<RegisterChange>) {
        (
            Registers {
                vendors: self.vendors,
                policies: self.policies,
                incidents: self.incidents,
                risks: self.risks,
                people: self.people,
                changes: self.changes,
                limits: self.limits,
            },
            self.history,
        )
    }
}

/// A programme's recurring controls, its whole append-only check log and the evidence files
/// kept with it. Imported by id: importing the same file twice adds nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PortableCalendar {
    pub controls: Vec<AdoptedControl>,
    pub checks: Vec<CheckEntry>,
    #[serde(default)]
    pub files: Vec<PortableFile>,
}

/// An evidence file's bytes in base64, with the SHA-256 checked on import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PortableFile {
    pub id: String,
    pub name: String,
    pub sha256: String,
    pub base64: String,
}

/// A question module carried whole in an export: its TOML text and that text's SHA-256.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PortableModule {
    pub id: String,
    pub version: String,
    pub sha256: String,
    pub text: String,
}

/// The modules a file carries, each checked against the bank and against the SHA-256 the file
/// states for it (a module edited by hand inside an export is refused, not trusted).
pub fn modules_of(
    portable: &PortableAssessment,
    bank: &Bank,
) -> Result<Vec<QuestionModule>, ImportError> {
    let mut out: Vec<QuestionModule> = Vec::new();
    for (i, carried) in portable.modules.iter().enumerate() {
        let field = format!("modules[{i}]");
        let module =
            parse_module(&field, &carried.text, bank).map_err(|e| ImportError::Invalid {
                field: format!("{field}.text"),
                message: e.to_string(),
            })?;
        if module.id != carried.id || module.version != carried.version {
            return Err(ImportError::Invalid {
                field,
                message: format!(
                    "the module's text is {}@{}, not {}@{}",
                    module.id, module.version, carried.id, carried.version
                ),
            });
        }
        if module.sha256 != carried.sha256 {
            return Err(ImportError::Invalid {
                field: format!("{field}.sha256"),
                message: "the module's text does not match its sha256 (was it edited?)".into(),
            });
        }
        if out.iter().any(|m| m.id == module.id) {
            return Err(ImportError::Invalid {
                field,
                message: format!("module '{}' is carried twice", module.id),
            });
        }
        out.push(module);
    }
    Ok(out)
}

pub(super) fn check_entries<T: RegisterRecord>(
    entries: &[Entry<T>],
    name: &str,
    bank: &Bank,
    today: chrono::NaiveDate,
) -> Result<(), ImportError> {
    let mut ids = BTreeSet::new();
    for (i, entry) in entries.iter().enumerate() {
        if entry.id.trim().is_empty() || !ids.insert(entry.id.as_str()) {
            return Err(ImportError::Invalid {
                field: format!("registers.{name}[{i}].id"),
                message: format!("the id '{}' is empty or used twice", entry.id),
            });
        }
        check_against(&entry.record, bank, today).map_err(|e| ImportError::Invalid {
            field: format!("registers.{name}[{i}].record.{}", e.field),
            message: e.message,
        })?;
    }
    Ok(())
}

/// Every control is one the bank proposes, every check names a control, file and voided entry
/// in the file, and every file decodes to bytes of its SHA-256 within the size limit.
pub(super) fn check_calendar(calendar: &PortableCalendar, bank: &Bank) -> Result<(), ImportError> {
    let invalid = |field: String, message: String| ImportError::Invalid { field, message };
    for (i, c) in calendar.controls.iter().enumerate() {
        if crate::calendar::template(bank, &c.control_id).is_none() {
            return Err(invalid(
                format!("calendar.controls[{i}].control_id"),
                format!("'{}' is not a recurring control of this bank", c.control_id),
            ));
        }
    }
    let controls: BTreeSet<&str> = calendar
        .controls
        .iter()
        .map(|c| c.control_id.as_str())
        .collect();
    let checks: BTreeSet<&str> = calendar.checks.iter().map(|c| c.id.as_str()).collect();
    let mut files = BTreeSet::new();
    for (i, f) in calendar.files.iter().enumerate() {
        let bytes = evidence_bytes(f).map_err(|m| invalid(format!("calendar.files[{i}]"), m))?;
        if bytes.len() > crate::workspace::EVIDENCE_FILE_LIMIT {
            return Err(invalid(
                format!("calendar.files[{i}]"),
                format!("{} is over 10 MiB", f.name),
            ));
        }
        files.insert(f.id.as_str());
    }
    for (i, c) in calendar.checks.iter().enumerate() {
        let field = |name: &str| format!("calendar.checks[{i}].{name}");
        if !controls.contains(c.control_id.as_str()) {
            return Err(invalid(
                field("control_id"),
                format!("'{}' is not among the file's controls", c.control_id),
            ));
        }
        if let Some(file) = c.file.as_ref().filter(|f| !files.contains(f.id.as_str())) {
            return Err(invalid(
                field("file"),
                format!("evidence file {} is not in the file", file.id),
            ));
        }
        let void = c.result == crate::calendar::CheckResult::Void;
        match &c.voids {
            Some(id) if !void || !checks.contains(id.as_str()) => {
                return Err(invalid(
                    field("voids"),
                    format!("'{id}' is not an entry this one can void"),
                ));
            }
            None if void => {
                return Err(invalid(
                    field("voids"),
                    "a void names the entry it withdraws".into(),
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

/// An evidence file's bytes, decoded and checked against its SHA-256.
pub fn evidence_bytes(file: &PortableFile) -> Result<Vec<u8>, String> {
    use base64::Engine;
    use sha2::{Digest, Sha256};
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(&file.base64)
        .map_err(|e| format!("{} is not valid base64: {e}", file.name))?;
    let sha256: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    if sha256 != file.sha256 {
        return Err(format!("{}'s bytes do not match its SHA-256", file.name));
    }
    Ok(bytes)
}

/// Encodes an evidence file for the portable form.
pub fn portable_file(id: &str, name: &str, sha256: &str, bytes: &[u8]) -> PortableFile {
    use base64::Engine;
    PortableFile {
        id: id.to_string(),
        name: name.to_string(),
        sha256: sha256.to_string(),
        base64: base64::engine::general_purpose::STANDARD.encode(bytes),
    }
}
