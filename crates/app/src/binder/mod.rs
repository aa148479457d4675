//! The evidence binder written as one ZIP, streamed entry by entry: the index (HTML and CSV), the check log, the evidence files, the tables, and a manifest of SHA-256 sums.
//!
//! What goes in is chosen by the domain (`soc2_readiness_core::binder`) and the workspace; this
//! module only writes. Every entry is hashed as it is written, so the manifest describes the
//! bytes in the archive, and `sha256sum -c MANIFEST.sha256` checks an unpacked binder. At most
//! one evidence file (10 MiB) is held in memory at a time.

mod html;
mod log;
mod registers;

pub use registers::{approved_policies, register_sheets};

pub use soc2_readiness_core::binder::*;

use std::io::{self, Seek, Write};

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::calendar::{CheckEntry, EvidenceFile, lower_hex, sha256_hex};
use crate::spreadsheet::{Cell, CsvSink, Table};
use crate::{Error, Result};

/// Everything a binder holds besides the evidence bytes, which `write_binder` asks for one by one.
pub struct BinderContents<'a> {
    pub organisation: String,
    pub assessment: String,
    pub made_at: DateTime<Utc>,
    /// The user's day it is made on: a period not ended yet is judged up to it.
    pub today: NaiveDate,
    pub bank_version: String,
    pub index: &'a BinderIndex,
    /// Every check-log entry performed in the period, voids included, oldest first.
    pub log: Vec<&'a CheckEntry>,
    /// Further tables, each with its path in the archive (`registers/people.csv`).
    pub sheets: Vec<Sheet>,
    /// Documents written already (the system description), each with its path in the archive.
    pub documents: Vec<(String, Vec<u8>)>,
    /// Whether the people's own words on passing runs are kept (failures keep theirs always:
    /// they say what failed and what was done).
    pub notes: bool,
    /// Lines for the README: what the binder does not hold, and why.
    pub remarks: Vec<String>,
}

/// One CSV file of the binder.
pub struct Sheet {
    pub path: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// An export's table at `path` in the archive.
    pub fn of(path: impl Into<String>, table: Table) -> Sheet {
        Sheet {
            path: path.into(),
            header: table.header,
            rows: table.rows,
        }
    }
}

/// What was written, for the front ends to report: the file, and what `write_binder` counted
/// in it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct WrittenBinder {
    pub file: String,
    pub period: AuditPeriod,
    #[ts(type = "number")]
    pub bytes: u64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub counts: BinderCounts,
}

/// What a binder holds, counted as it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct BinderCounts {
    /// Files inside the archive, the manifest included.
    pub entries: usize,
    pub evidence_files: usize,
    /// Runs recorded in the period (withdrawn ones included) and due dates missed.
    pub runs: usize,
    pub missed: usize,
    /// Passed or failed runs with neither a file nor a reference.
    pub without_evidence: usize,
    /// Criteria in scope no recurring control serves.
    pub uncovered_criteria: usize,
}

/// A writer that hashes and counts what passes through it.
struct Hashing<'w, W: Write> {
    inner: &'w mut W,
    hasher: Sha256,
}

impl<W: Write> Write for Hashing<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

struct Archive<W: Write + Seek> {
    zip: ZipWriter<W>,
    stamp: zip::DateTime,
    manifest: Vec<(String, String)>,
}

impl<W: Write + Seek> Archive<W> {
    /// Adds one entry, filled by `body`, and notes its SHA-256. Evidence is stored as it is
    /// (PDFs and images are compressed already); text is deflated.
    fn entry(
        &mut self,
        name: &str,
        compress: bool,
        body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<()> {
        let method = if compress {
            CompressionMethod::Deflated
        } else {
            CompressionMethod::Stored
        };
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(self.stamp)
            .unix_permissions(0o644)
            .large_file(false);
        self.zip.start_file(name, options).map_err(zip_error)?;
        let mut hashing = Hashing {
            inner: &mut self.zip,
            hasher: Sha256::new(),
        };
        body(&mut hashing).map_err(|e| Error::Invalid(format!("cannot write {name}: {e}")))?;
        let digest = lower_hex(&hashing.hasher.finalize());
        self.manifest.push((name.to_string(), digest));
        Ok(())
    }

    fn table(&mut self, name: &str, header: &[String], rows: &[Vec<Cell>]) -> Result<()> {
        self.entry(name, true, |out| {
            let mut sink = CsvSink::new(out, header)?;
            for row in rows {
                sink.row(row)?;
            }
            sink.finish().map(drop)
        })
    }
}

/// Writes the binder into `out`. `evidence` returns a kept file's bytes; each is checked
/// against the SHA-256 recorded when it was kept, so a binder never carries a file that
/// changed since.
pub fn write_binder<W: Write + Seek>(
    out: W,
    contents: &BinderContents,
    mut evidence: impl FnMut(&EvidenceFile) -> Result<Vec<u8>>,
) -> Result<(W, BinderCounts)> {
    let made = contents.made_at;
    let stamp = zip_stamp(made);
    let mut archive = Archive {
        zip: ZipWriter::new(out),
        stamp,
        manifest: Vec::new(),
    };
    let index = contents.index;
    let paths = evidence_paths(index);

    archive.entry("README.txt", true, |out| {
        out.write_all(readme(contents).as_bytes())
    })?;
    archive.entry("index.html", true, |out| {
        html::write_index(out, contents, &paths)
    })?;
    archive.entry("index.csv", true, |out| {
        log::write_index_csv(out, contents, &paths)
    })?;
    archive.entry("check-log.csv", true, |out| {
        log::write_log_csv(out, contents, &paths)
    })?;
    for sheet in &contents.sheets {
        archive.table(&sheet.path, &sheet.header, &sheet.rows)?;
    }
    for (path, bytes) in &contents.documents {
        archive.entry(path, true, |out| out.write_all(bytes))?;
    }
    let mut evidence_files = 0;
    let mut written = std::collections::BTreeSet::new();
    for (_, entry, file) in index.files() {
        // Two entries can share one kept file (a calendar imported twice): it is written once.
        if !written.insert(file.id.as_str()) {
            continue;
        }
        let bytes = evidence(file)?;
        if sha256_hex(&bytes) != file.sha256 {
            return Err(Error::Invalid(format!(
                "the evidence file {} kept with the run of {} no longer matches the SHA-256 recorded when it was kept; the binder was not written",
                file.name, entry.day
            )));
        }
        let path = &paths[&file.id];
        archive.entry(path, false, |out| out.write_all(&bytes))?;
        evidence_files += 1;
    }
    let manifest: String = archive
        .manifest
        .iter()
        .map(|(name, digest)| format!("{digest}  {name}\n"))
        .collect();
    archive.entry("MANIFEST.sha256", true, |out| {
        out.write_all(manifest.as_bytes())
    })?;
    let entries = archive.manifest.len();
    let out = archive.zip.finish().map_err(zip_error)?;
    let entries_in = |k: EntryKind| {
        index
            .controls
            .iter()
            .flat_map(|c| &c.entries)
            .filter(|e| e.kind == k)
            .count()
    };
    let counts = BinderCounts {
        entries,
        evidence_files,
        runs: index
            .controls
            .iter()
            .map(|c| c.entries.len())
            .sum::<usize>()
            - entries_in(EntryKind::Missed),
        missed: entries_in(EntryKind::Missed),
        without_evidence: index
            .controls
            .iter()
            .flat_map(|c| &c.entries)
            .filter(|e| e.lacks_evidence())
            .count(),
        uncovered_criteria: index.uncovered().count(),
    };
    Ok((out, counts))
}

/// Where each evidence file sits in the archive: `evidence/<control>/<day>-<n>-<name>`, its
/// name cut to what every unzip tool accepts (no folder, no `..`, no control character) and to
/// 80 characters, its extension kept. A file shared by two entries has one path.
fn evidence_paths(index: &BinderIndex) -> std::collections::BTreeMap<String, String> {
    let mut paths = std::collections::BTreeMap::new();
    for (control, entry, file) in index.files() {
        if paths.contains_key(&file.id) {
            continue;
        }
        let path = format!(
            "evidence/{}/{}-{:04}-{}",
            safe_name(&control.control_id),
            entry.day,
            paths.len() + 1,
            safe_name(&file.name)
        );
        paths.insert(file.id.clone(), path);
    }
    paths
}

fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let trimmed = cleaned.trim_start_matches('.');
    let (stem, extension) = match trimmed.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.chars().count() <= 8 => (stem, Some(ext)),
        _ => (trimmed, None),
    };
    let stem: String = stem.chars().take(72).collect();
    match (stem.is_empty(), extension) {
        (true, _) => "file".to_string(),
        (false, Some(ext)) => format!("{stem}.{ext}"),
        (false, None) => stem,
    }
}

/// A run's words as the binder shows them: passing runs' notes only when they are kept.
fn shown_reason(entry: &IndexEntry, notes: bool) -> Option<String> {
    match entry.kind {
        EntryKind::Passed if !notes => Some("(left out of this binder)".to_string()),
        _ => entry.reason.clone(),
    }
}

fn readme(contents: &BinderContents) -> String {
    let period = contents.index.period;
    let mut text = format!(
        "Evidence binder: {organisation}\n\
         Audit period: {start} to {end} (both days included)\n\
         Made on {made} from the assessment \"{assessment}\" (question bank {bank}) by SOC 2 Readiness.\n\n\
         index.html        criteria in scope, the controls serving each, and every run and missed due date in the period\n\
         index.csv         the same, one row per criterion, control and run\n\
         check-log.csv     every check-log entry performed in the period, and each withdrawal of one\n\
         control-matrix.csv  each control question per criterion: owner, frequency, evidence, last result, exceptions\n\
         evidence/         the files kept with the period's runs, by control and day\n\
         registers/        vendors, policies, incidents, risks, people and changes as they touch the period\n\
         populations/      the hires, leavers, new vendors and changes of the period, each with a proposed sample and its tests\n\
         policies/         the policy versions approved in the period\n\
         accounts/         the account exports taken in the period and what they found (when any)\n\
         MANIFEST.sha256   the SHA-256 of every other file; check with: sha256sum -c MANIFEST.sha256\n\n\
         Only what lies in the period is here: runs performed in it, people employed in it, incidents\n\
         open in it, policy versions approved in it, account exports taken in it, and the register\n\
         entries not archived before it began, with what happened after its last day taken out\n\
         (a later leaving day, review or approval). A change keeps an approval given after the period:\n\
         a change released in it and approved late is what a test of it finds.\n",
        organisation = contents.organisation,
        start = period.start,
        end = period.end,
        made = contents.made_at.date_naive(),
        assessment = contents.assessment,
        bank = contents.bank_version,
    );
    if period.end >= contents.today {
        text.push_str(&format!(
            "The period has not ended: this binder is as of {}; due dates after it are not judged yet.\n",
            contents.today
        ));
    }
    if !contents.notes {
        text.push_str(
            "The notes written on passing runs are left out; failures and runs not performed keep theirs.\n",
        );
    }
    if !contents.remarks.is_empty() {
        text.push_str("\nGood to know:\n");
        for remark in &contents.remarks {
            text.push_str(&format!("- {remark}\n"));
        }
    }
    text
}

/// A ZIP entry's time from a moment (ZIP holds 1980 to 2107 in local-time fields, so the
/// moment is written as it is, in UTC, clamped to that range).
pub(crate) fn zip_stamp(made: DateTime<Utc>) -> zip::DateTime {
    zip::DateTime::from_date_and_time(
        u16::try_from(made.year()).unwrap_or(1980).clamp(1980, 2107),
        u8::try_from(made.month()).unwrap_or(1),
        u8::try_from(made.day()).unwrap_or(1),
        u8::try_from(made.hour()).unwrap_or(0),
        u8::try_from(made.minute()).unwrap_or(0),
        u8::try_from(made.second()).unwrap_or(0),
    )
    .unwrap_or_default()
}

fn zip_error(e: zip::result::ZipError) -> Error {
    Error::Invalid(format!("cannot write the binder: {e}"))
}

/// The day a binder is as of: its period's end, or today when the period has not ended.
pub fn as_of(period: &AuditPeriod, today: NaiveDate) -> NaiveDate {
    period.end.min(today)
}
