//! The evidence binder through an assessment: its audit period (the observation window unless one is named), what of the programme's records lies inside it, written as one ZIP.

use std::io::BufWriter;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::Workspace;
use crate::accounts::{AccountImport, review};
use crate::analysis::analyse;
use crate::binder::{
    AuditPeriod, BinderContents, Sheet, WrittenBinder, as_of, binder_index, control_matrix,
    log_in_period, write_binder,
};
use crate::calendar::{CheckLog, CheckResult, observation_window};
use crate::registers::{Entry, Person, PolicyVersion, Register, Registers};
use crate::spreadsheet::{Cell, control_matrix_table, register_table};
use crate::{Error, Result, files};

/// What to put in a binder: the period's first and last day (both, or neither for the
/// observation window chosen in step 1), and whether passing runs keep their notes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct BinderRequest {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    #[serde(default)]
    pub without_notes: bool,
}

impl Workspace {
    /// The period a binder covers: the one named, or the assessment's observation window.
    pub fn audit_period(
        &self,
        assessment_id: &str,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<AuditPeriod> {
        match (from, to) {
            (Some(start), Some(end)) => Ok(AuditPeriod::new(start, end, today)?),
            (None, None) => {
                let record = self.record(assessment_id)?;
                let window = observation_window(&record).ok_or_else(|| Error::Refused {
                    field: "from".into(),
                    reason: "this assessment has no observation period (a Type II with its start chosen in step 1): give the audit period's first and last day".into(),
                })?;
                if window.start > today {
                    return Err(Error::Refused {
                        field: "from".into(),
                        reason: format!(
                            "the observation period chosen in step 1 starts on {}, after today: give the first and last day of the period to bind",
                            window.start
                        ),
                    });
                }
                Ok(AuditPeriod::new(window.start, window.end, today)?)
            }
            (Some(_), None) => Err(Error::Refused {
                field: "to".into(),
                reason: "give the audit period's last day as well as its first".into(),
            }),
            (None, Some(_)) => Err(Error::Refused {
                field: "from".into(),
                reason: "give the audit period's first day as well as its last".into(),
            }),
        }
    }

    /// Writes the binder for the period to `file` (atomically: a failure leaves no file).
    pub fn write_binder(
        &self,
        assessment_id: &str,
        file: &Path,
        request: &BinderRequest,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<WrittenBinder> {
        let period = self.audit_period(assessment_id, request.from, request.to, today)?;
        let day = as_of(&period, today);
        let (evaluation, bank) = self.evaluation_and_bank(assessment_id, day)?;
        let analysis = analyse(&bank, &evaluation);
        let programme = self.programme(assessment_id)?;
        let log = self.store.check_log(&programme)?;
        let in_scope: Vec<String> = analysis
            .scorecard
            .criteria
            .iter()
            .filter(|c| c.in_scope)
            .map(|c| c.id.clone())
            .collect();
        let index = binder_index(&bank, &log, &in_scope, period, today);
        // The matrix's last results are the period's own: its runs, and every withdrawal.
        let period_log = CheckLog {
            controls: log.controls.clone(),
            checks: log
                .checks
                .iter()
                .filter(|c| period.contains(c.performed_on) || c.result == CheckResult::Void)
                .cloned()
                .collect(),
        };
        let matrix = control_matrix(&bank, &evaluation, &analysis.scorecard, &period_log);
        let registers = self.registers(assessment_id)?;
        let mut sheets = vec![Sheet::of(
            "control-matrix.csv",
            control_matrix_table(&matrix),
        )];
        sheets.extend(register_sheets(&registers, &period, day));
        sheets.push(approved_policies(&registers, &period));
        sheets.extend(self.account_sheets(&programme, &registers.people, &period)?);
        let contents = BinderContents {
            organisation: evaluation.assessment.organisation.clone(),
            assessment: match &evaluation.assessment.label {
                Some(label) => format!("{label} ({})", evaluation.assessment.id),
                None => evaluation.assessment.id.clone(),
            },
            made_at: now,
            bank_version: evaluation.assessment.bank_version.clone(),
            index: &index,
            log: log_in_period(&log, &period),
            sheets,
            notes: !request.without_notes,
            remarks: vec![
                format!(
                    "Register entries as they stand on {}; each entry's history is kept in the data file.",
                    now.date_naive()
                ),
                "No system description: the app does not draft one yet.".into(),
                "The populations (hires and leavers) are listed; no samples are drawn yet.".into(),
            ],
        };
        let counts = files::write_atomically_with(file, |out| {
            let (writer, counts) = write_binder(BufWriter::new(out), &contents, |f| {
                self.store
                    .evidence_bytes(&programme, &f.id)?
                    .ok_or_else(|| {
                        Error::Invalid(format!(
                            "the evidence file {} is missing from the data file",
                            f.name
                        ))
                    })
            })?;
            writer
                .into_inner()
                .map_err(|e| Error::Invalid(format!("cannot write the binder: {e}")))?;
            Ok(counts)
        })?;
        let bytes = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
        Ok(WrittenBinder {
            file: file.display().to_string(),
            period,
            entries: counts.entries,
            evidence_files: counts.evidence_files,
            runs: counts.runs,
            missed: counts.missed,
            without_evidence: counts.without_evidence,
            uncovered_criteria: counts.uncovered_criteria,
            bytes,
        })
    }

    /// The account exports taken in the period, and what the latest of each system in it found.
    fn account_sheets(
        &self,
        programme: &str,
        people: &[Entry<Person>],
        period: &AuditPeriod,
    ) -> Result<Vec<Sheet>> {
        let mut imports: Vec<AccountImport> = Vec::new();
        for (head, _) in self.store.account_import_list(programme)? {
            if period.contains(head.taken_on) {
                let accounts = self.store.account_rows(&head.id)?;
                imports.push(AccountImport { accounts, ..head });
            }
        }
        if imports.is_empty() {
            return Ok(Vec::new());
        }
        let choices = self.programme_account_choices(programme)?;
        let found = review(&imports, people, choices.limits);
        let listed = Sheet {
            path: "accounts/imports.csv".into(),
            header: titles(&[
                "System", "Export", "File", "Taken on", "SHA-256", "Accounts", "Checked",
            ]),
            rows: imports
                .iter()
                .map(|i| {
                    vec![
                        Cell::text(&i.system),
                        Cell::text(i.format.title()),
                        Cell::text(&i.file_name),
                        Cell::Date(i.taken_on),
                        Cell::text(&i.sha256),
                        Cell::Number(i.accounts.len() as f64),
                        Cell::text(if found.checked.contains(&i.id) {
                            "yes"
                        } else {
                            "no: a later export of its system is checked"
                        }),
                    ]
                })
                .collect(),
        };
        let findings = Sheet {
            path: "accounts/findings.csv".into(),
            header: titles(&[
                "System",
                "Taken on",
                "Question",
                "Live exposure",
                "Finding",
                "Rows",
            ]),
            rows: found
                .findings
                .iter()
                .map(|f| {
                    let rows: Vec<String> = f
                        .accounts
                        .iter()
                        .map(|a| {
                            if choices.names_in_reports {
                                format!("{} ({})", a.account, a.note)
                            } else {
                                format!("line {}", a.line)
                            }
                        })
                        .collect();
                    vec![
                        Cell::text(&f.system),
                        Cell::Date(f.taken_on),
                        Cell::text(&f.question_id),
                        Cell::text(if f.live_exposure { "yes" } else { "no" }),
                        Cell::text(&f.summary),
                        Cell::text(rows.join("; ")),
                    ]
                })
                .collect(),
        };
        Ok(vec![listed, findings])
    }
}

/// The registers as they touch the period: entries not archived before it began, people
/// employed in it, incidents open in it; then the hires and leavers of the period as the
/// populations an auditor samples. When an entry was typed in does not matter: registers are
/// often written up after the fact, and a hire of March recorded in December is March's.
fn register_sheets(registers: &Registers, period: &AuditPeriod, day: NaiveDate) -> Vec<Sheet> {
    fn existed<T: Clone>(entries: &[Entry<T>], period: &AuditPeriod) -> Vec<Entry<T>> {
        entries
            .iter()
            .filter(|e| e.archived_at.is_none_or(|a| a.date_naive() >= period.start))
            .cloned()
            .collect()
    }
    let people = existed(&registers.people, period);
    let inside = Registers {
        vendors: existed(&registers.vendors, period),
        policies: existed(&registers.policies, period),
        incidents: existed(&registers.incidents, period)
            .into_iter()
            .filter(|i| period.overlaps(i.record.detected_on, i.record.resolved_on))
            .collect(),
        risks: existed(&registers.risks, period),
        people: people
            .iter()
            .filter(|p| period.overlaps(p.record.start, p.record.end))
            .cloned()
            .collect(),
    };
    let mut sheets: Vec<Sheet> = Register::ALL
        .into_iter()
        .map(|r| {
            Sheet::of(
                format!("registers/{}.csv", r.id()),
                register_table(&inside, r, day),
            )
        })
        .collect();
    let only = |kept: Vec<Entry<Person>>| Registers {
        people: kept,
        ..Registers::default()
    };
    let hires = people
        .iter()
        .filter(|p| period.contains(p.record.start))
        .cloned()
        .collect();
    let leavers = people
        .iter()
        .filter(|p| p.record.end.is_some_and(|end| period.contains(end)))
        .cloned()
        .collect();
    sheets.push(Sheet::of(
        "populations/hires.csv",
        register_table(&only(hires), Register::People, day),
    ));
    sheets.push(Sheet::of(
        "populations/leavers.csv",
        register_table(&only(leavers), Register::People, day),
    ));
    sheets
}

/// Each policy version approved in the period, by whom and when.
fn approved_policies(registers: &Registers, period: &AuditPeriod) -> Sheet {
    let mut approved: Vec<(&PolicyVersion, &str, &str)> = registers
        .policies
        .iter()
        .flat_map(|entry| {
            entry
                .record
                .versions
                .iter()
                .filter(|v| period.contains(v.approved_on))
                .map(|v| (v, entry.record.title.as_str(), entry.id.as_str()))
        })
        .collect();
    approved.sort_by_key(|(v, title, _)| (v.approved_on, *title));
    let rows = approved
        .into_iter()
        .map(|(version, title, id)| {
            vec![
                Cell::text(title),
                Cell::text(&version.version),
                Cell::text(&version.approved_by),
                Cell::Date(version.approved_on),
                Cell::text(id),
            ]
        })
        .collect();
    Sheet {
        path: "policies/approved-in-period.csv".into(),
        header: titles(&[
            "Policy",
            "Version",
            "Approved by",
            "Approved on",
            "Policy id",
        ]),
        rows,
    }
}

fn titles(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| (*n).to_string()).collect()
}
