//! The binder's two CSV files of runs: the index (one row per criterion, control and run or missed due date) and the check log of the period as recorded.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::{BinderContents, shown_reason};
use crate::calendar::CheckResult;
use crate::spreadsheet::{Cell, CsvSink};

pub(super) fn write_index_csv(
    out: &mut dyn Write,
    contents: &BinderContents,
    paths: &BTreeMap<String, String>,
) -> io::Result<()> {
    let header: Vec<String> = [
        "Criterion",
        "Control id",
        "Control",
        "Frequency",
        "Owner",
        "Day",
        "Result",
        "Performed by",
        "Reason",
        "Evidence reference",
        "File in binder",
        "File SHA-256",
        "Check id",
    ]
    .map(String::from)
    .to_vec();
    let mut sink = CsvSink::new(out, &header)?;
    for control in &contents.index.controls {
        // A control serving no criterion in scope is still listed, under no criterion.
        let criteria: Vec<&str> = if control.criteria.is_empty() {
            vec![""]
        } else {
            control.criteria.iter().map(String::as_str).collect()
        };
        for criterion in criteria {
            for entry in &control.entries {
                sink.row(&[
                    Cell::text(criterion),
                    Cell::text(&control.control_id),
                    Cell::text(&control.title),
                    Cell::text(control.frequency.id()),
                    Cell::text(&control.owner),
                    Cell::Date(entry.day),
                    Cell::text(entry.kind.label()),
                    Cell::optional(entry.performed_by.as_deref()),
                    Cell::optional(shown_reason(entry, contents.notes)),
                    Cell::optional(entry.evidence.as_deref()),
                    Cell::optional(entry.file.as_ref().and_then(|f| paths.get(&f.id))),
                    Cell::optional(entry.file.as_ref().map(|f| f.sha256.as_str())),
                    Cell::optional(entry.check_id.as_deref()),
                ])?;
            }
        }
    }
    sink.finish().map(drop)
}

pub(super) fn write_log_csv(
    out: &mut dyn Write,
    contents: &BinderContents,
    paths: &BTreeMap<String, String>,
) -> io::Result<()> {
    let header: Vec<String> = [
        "Check id",
        "Control id",
        "Performed on",
        "Result",
        "Reason",
        "Performed by",
        "Evidence reference",
        "File in binder",
        "Withdraws",
        "Recorded at",
    ]
    .map(String::from)
    .to_vec();
    let mut sink = CsvSink::new(out, &header)?;
    for check in &contents.log {
        let reason = if !contents.notes && check.result == CheckResult::Pass {
            "(left out of this binder)".to_string()
        } else {
            check.reason.clone()
        };
        sink.row(&[
            Cell::text(&check.id),
            Cell::text(&check.control_id),
            Cell::Date(check.performed_on),
            Cell::text(check.result.label()),
            Cell::text(reason),
            Cell::text(&check.performed_by),
            Cell::optional(check.evidence.as_deref()),
            Cell::optional(check.file.as_ref().and_then(|f| paths.get(&f.id))),
            Cell::optional(check.voids.as_deref()),
            Cell::text(check.recorded_at.to_rfc3339()),
        ])?;
    }
    sink.finish().map(drop)
}
