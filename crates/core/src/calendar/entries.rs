//! The rules for what enters the check log: adopting a control, recording a run and its evidence file's digest, withdrawing an entry; each refusal names the field to fix.

use chrono::{DateTime, NaiveDate, Utc};

use super::{AdoptedControl, CheckEntry, CheckLog, CheckResult, EvidenceFile, template};
use crate::catalog::{Bank, Frequency};

/// The largest evidence file kept inside the data file.
pub const EVIDENCE_FILE_LIMIT: usize = 10 * 1024 * 1024;
/// The longest reason, owner or reference accepted.
pub const TEXT_LIMIT: usize = 2000;

/// A value refused, with the field a form marks and what to say under it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {reason}")]
pub struct Refusal {
    pub field: String,
    pub reason: String,
}

/// A run as the person gave it, before it is checked.
#[derive(Debug, Clone, Copy)]
pub struct Run<'a> {
    pub control_id: &'a str,
    pub performed_on: NaiveDate,
    pub result: CheckResult,
    pub reason: &'a str,
    pub performed_by: &'a str,
    pub evidence: Option<&'a str>,
}

/// The control adopted (or changed): one the bank proposes, with an owner; a control adopted
/// before keeps the day it was first adopted.
pub fn adoption(
    bank: &Bank,
    adopted: &[AdoptedControl],
    control_id: &str,
    frequency: Frequency,
    owner: &str,
    first_due: NaiveDate,
    now: DateTime<Utc>,
) -> Result<AdoptedControl, Refusal> {
    if template(bank, control_id).is_none() {
        return Err(refuse(
            "control",
            format!("'{control_id}' is not a recurring control the bank proposes"),
        ));
    }
    let owner = required("owner", owner)?;
    let adopted_at = adopted
        .iter()
        .find(|c| c.control_id == control_id)
        .map_or(now, |c| c.adopted_at);
    Ok(AdoptedControl {
        control_id: control_id.to_string(),
        frequency,
        owner,
        first_due,
        archived: false,
        adopted_at,
    })
}

/// The adopted control named, or why it cannot be used.
pub fn adopted<'a>(
    controls: &'a [AdoptedControl],
    control_id: &str,
) -> Result<&'a AdoptedControl, Refusal> {
    controls
        .iter()
        .find(|c| c.control_id == control_id)
        .ok_or_else(|| {
            refuse(
                "control",
                format!("'{control_id}' is not adopted; adopt it on the calendar first"),
            )
        })
}

/// The log entry for a run. Refused: a control not adopted, a void (withdrawing has its own
/// entry), a date after `today`, a missing name, a failure or a run not done without its
/// reason, text too long. The evidence file, if any, is added with [`evidence_file`].
pub fn run_entry(
    controls: &[AdoptedControl],
    id: &str,
    run: &Run,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<CheckEntry, Refusal> {
    adopted(controls, run.control_id)?;
    if run.result == CheckResult::Void {
        return Err(refuse(
            "result",
            "to withdraw an entry, void it by its id".into(),
        ));
    }
    if run.performed_on > today {
        return Err(refuse(
            "date",
            format!(
                "{} is in the future; record a check once it has run",
                run.performed_on
            ),
        ));
    }
    let performed_by = required("by", run.performed_by)?;
    let reason = match run.result {
        CheckResult::Pass => optional("reason", run.reason)?,
        _ => required("reason", run.reason)?,
    };
    let evidence = run
        .evidence
        .map(|e| optional("evidence", e))
        .transpose()?
        .filter(|e| !e.is_empty());
    Ok(CheckEntry {
        id: id.to_string(),
        control_id: run.control_id.to_string(),
        performed_on: run.performed_on,
        result: run.result,
        reason,
        performed_by,
        evidence,
        file: None,
        voids: None,
        recorded_at: now,
        sample: None,
    })
}

/// The entry that withdraws `check_id`, recorded by mistake: the log never changes an entry,
/// a later one says why it no longer counts.
pub fn void_entry(
    log: &CheckLog,
    id: &str,
    check_id: &str,
    reason: &str,
    by: &str,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<CheckEntry, Refusal> {
    let Some(voided) = log.checks.iter().find(|c| c.id == check_id) else {
        return Err(refuse(
            "check",
            format!("no entry {check_id} in the check log"),
        ));
    };
    if voided.result == CheckResult::Void
        || log
            .checks
            .iter()
            .any(|c| c.voids.as_deref() == Some(check_id))
    {
        return Err(refuse(
            "check",
            format!("entry {check_id} is already void or is a void"),
        ));
    }
    Ok(CheckEntry {
        id: id.to_string(),
        control_id: voided.control_id.clone(),
        performed_on: today,
        result: CheckResult::Void,
        reason: required("reason", reason)?,
        performed_by: required("by", by)?,
        evidence: None,
        file: None,
        voids: Some(check_id.to_string()),
        recorded_at: now,
        sample: voided.sample.clone(),
    })
}

/// An evidence file as the log keeps it: its name, size and SHA-256, refused over 10 MiB.
pub fn evidence_file(id: &str, name: &str, bytes: &[u8]) -> Result<EvidenceFile, Refusal> {
    let name = required("file", name)?;
    if bytes.len() > EVIDENCE_FILE_LIMIT {
        return Err(refuse(
            "file",
            format!(
                "{name} is over 10 MiB; evidence files are kept up to 10 MiB: keep a reference to it instead"
            ),
        ));
    }
    let sha256 = sha256_hex(bytes);
    Ok(EvidenceFile {
        id: id.to_string(),
        name,
        size: bytes.len() as u64,
        sha256,
    })
}

fn required(field: &str, text: &str) -> Result<String, Refusal> {
    let text = optional(field, text)?;
    if text.is_empty() {
        return Err(refuse(field, "required".into()));
    }
    Ok(text)
}

fn optional(field: &str, text: &str) -> Result<String, Refusal> {
    let text = text.trim();
    if text.chars().count() > TEXT_LIMIT {
        return Err(refuse(
            field,
            format!("longer than {TEXT_LIMIT} characters; shorten it"),
        ));
    }
    Ok(text.to_string())
}

fn refuse(field: &str, reason: String) -> Refusal {
    Refusal {
        field: field.to_string(),
        reason,
    }
}

/// A file's SHA-256 in lower-case hex: how evidence files and account exports are fingerprinted.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    lower_hex(&Sha256::digest(bytes))
}

/// Bytes (a digest) in lower-case hex, as `sha256sum` prints them.
pub fn lower_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
