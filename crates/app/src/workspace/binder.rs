//! The evidence binder through an assessment: its audit period (the observation window unless one is named), what of the programme's records lies inside it, written as one ZIP.

use std::io::BufWriter;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::Workspace;
use crate::accounts::{AccountImport, latest_of_each_system, review};
use crate::analysis::analyse;
use crate::binder::{
    AuditPeriod, BinderContents, Sheet, WrittenBinder, approved_policies, as_of, binder_index,
    control_matrix, log_in_period, register_sheets, write_binder,
};
use crate::calendar::{CheckLog, CheckResult, observation_window};
use crate::catalog::Bank;
use crate::description::{DescriptionFormat, Layout, describe, render};
use crate::findings::{RecordFinding, Source};
use crate::registers::{Entry, Person};
use crate::spreadsheet::{Cell, control_matrix_table, titles};
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
        let registers = self.registers(assessment_id)?;
        let (account_sheets, account_findings) =
            self.account_sheets(&programme, &registers.people, &period, &bank)?;
        // The matrix speaks for the period: its runs, its account exports, and the registers as
        // judged on its last day, never the window of step 1 nor a later export.
        let mut findings: Vec<RecordFinding> = evaluation
            .findings
            .iter()
            .filter(|f| !matches!(f.source, Source::CheckLog | Source::Accounts))
            .cloned()
            .collect();
        findings.extend(index.exceptions(&bank));
        findings.extend(account_findings);
        let period_log = CheckLog {
            controls: log
                .controls
                .iter()
                .filter(|c| c.first_due <= period.end)
                .cloned()
                .collect(),
            checks: log
                .checks
                .iter()
                .filter(|c| period.contains(c.performed_on) || c.result == CheckResult::Void)
                .cloned()
                .collect(),
        };
        let matrix = control_matrix(
            &bank,
            &evaluation,
            &analysis.scorecard,
            &period_log,
            &findings,
        );
        let mut sheets = vec![Sheet::of(
            "control-matrix.csv",
            control_matrix_table(&matrix),
        )];
        sheets.extend(register_sheets(&registers, &log.checks, &period, day));
        sheets.push(approved_policies(&registers, &period));
        sheets.extend(account_sheets);
        // Drafted from what the binder already judged for the period's last day.
        let drafted = self.draft_from(
            &bank,
            &evaluation,
            &analysis.scorecard,
            &registers,
            Some(period),
        )?;
        let description = describe(drafted, &self.kept_description_of(&programme)?);
        let documents = [DescriptionFormat::Markdown, DescriptionFormat::Docx]
            .into_iter()
            .map(|format| {
                let layout = Layout {
                    sources: true,
                    made_at: now,
                };
                (
                    format!("system-description.{}", format.extension()),
                    render(&description, format, layout),
                )
            })
            .collect();
        let missing = description.missing;
        let contents = BinderContents {
            organisation: evaluation.assessment.organisation.clone(),
            assessment: match &evaluation.assessment.label {
                Some(label) => format!("{label} ({})", evaluation.assessment.id),
                None => evaluation.assessment.id.clone(),
            },
            made_at: now,
            bank_version: evaluation.assessment.bank_version.clone(),
            today,
            index: &index,
            log: log_in_period(&log, &period),
            sheets,
            documents,
            notes: !request.without_notes,
            remarks: vec![
                format!(
                    "Register entries as they stand on {}; each entry's history is kept in the data file.",
                    now.date_naive()
                ),
                match missing {
                    0 => "The system description (system-description.docx and .md) is drafted from the answers and records as they stand on the period's last day, with the company's own edits; the numbers after a statement point to its source.".to_string(),
                    n => format!("The system description (system-description.docx and .md) is drafted from the answers and records as they stand on the period's last day, with the company's own edits; {n} facts are still missing, each marked where it belongs."),
                },
                "Each population (hires, leavers, new vendors, changes released) comes with a proposed sample (populations/*-sample.csv), sized by the table in the app's docs and drawn from the period, so the same period gives the same sample; each sampled item's latest test in the check log is beside it (tested on, result, by, reason, evidence), recorded after the period too, since testing follows it. The change population is the change register: it is complete only when every change of the period was imported from your change tool.".into(),
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
            bytes,
            counts,
        })
    }

    /// The account exports taken in the period, and what the latest of each system in it found
    /// (only those are read whole: an export's rows can be thousands), as sheets and as the
    /// findings the period's matrix reads.
    fn account_sheets(
        &self,
        programme: &str,
        people: &[Entry<Person>],
        period: &AuditPeriod,
        bank: &Bank,
    ) -> Result<(Vec<Sheet>, Vec<RecordFinding>)> {
        let listed: Vec<(AccountImport, usize)> = self
            .store
            .account_import_list(programme)?
            .into_iter()
            .filter(|(head, _)| period.contains(head.taken_on))
            .collect();
        if listed.is_empty() {
            return Ok((Vec::new(), Vec::new()));
        }
        let heads: Vec<&AccountImport> = listed.iter().map(|(head, _)| head).collect();
        let mut checked: Vec<AccountImport> = Vec::new();
        for head in latest_of_each_system(&heads) {
            let accounts = self.store.account_rows(&head.id)?;
            checked.push(AccountImport {
                accounts,
                ..(*head).clone()
            });
        }
        let choices = self.programme_account_choices(programme)?;
        let found = review(
            &checked,
            people,
            choices.limits,
            self.removal_days(programme)?,
        );
        let imports = Sheet {
            path: "accounts/imports.csv".into(),
            header: titles(&[
                "System", "Export", "File", "Taken on", "SHA-256", "Accounts", "Checked",
            ]),
            rows: listed
                .iter()
                .map(|(i, accounts)| {
                    vec![
                        Cell::text(&i.system),
                        Cell::text(i.format.title()),
                        Cell::text(&i.file_name),
                        Cell::Date(i.taken_on),
                        Cell::text(&i.sha256),
                        Cell::Number(*accounts as f64),
                        Cell::text(if found.checked.contains(&i.id) {
                            "yes"
                        } else {
                            "no: a later export of its system in the period is checked"
                        }),
                    ]
                })
                .collect(),
        };
        let rows = found
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
            .collect();
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
            rows,
        };
        Ok((vec![imports, findings], found.record_findings(bank)))
    }
}
