//! Fixtures shared by the integration tests: a fixed clock, the two banks, assessments built in memory and checks over tables of expected figures.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use chrono::{DateTime, TimeZone, Utc};
use soc2_readiness::assessment::{
    Answer, AnswerValue, Assessment, AssessmentRecord, MaturityLevel, check_details,
    parse_answer_for,
};
use soc2_readiness::catalog::{Bank, bundled_bank};
use soc2_readiness::evaluation::Evaluation;
use soc2_readiness::files::load_bank_dir;
use soc2_readiness::gaps::{Gap, Priority};
use soc2_readiness::scoring::Scorecard;

pub fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, minute, 0).unwrap()
}

/// The instant `at(minute)` with the tests' day, for what records a change and checks a date.
pub fn moment(minute: u32) -> soc2_readiness::clock::Moment {
    soc2_readiness::clock::Moment::new(at(minute), today())
}

/// The shipped bank, for the tests of its content.
pub fn bank() -> Bank {
    bundled_bank()
}

/// The method tests' small bank (`tests/fixtures/method-bank/`): their figures follow from the
/// weights written there, so a change to the shipped bank's content cannot break them.
pub fn method_bank() -> Bank {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/method-bank");
    load_bank_dir(&dir).unwrap_or_else(|e| {
        let problems: Vec<String> = e.problems.iter().map(|p| p.to_string()).collect();
        panic!("the method bank is invalid:\n  {}", problems.join("\n  "))
    })
}

/// An in-memory workspace. Helpers here make theirs through this one, so a change to how the
/// engine opens a workspace is made in one place.
pub fn workspace(bank: Bank) -> soc2_readiness::Workspace {
    soc2_readiness::Workspace::in_memory(bank).unwrap()
}

pub fn empty_record(bank: &Bank) -> AssessmentRecord {
    AssessmentRecord {
        assessment: Assessment {
            id: "a1".into(),
            organisation: "Acme".into(),
            bank_version: bank.version.clone(),
            created_at: at(0),
            updated_at: at(0),
            archived_at: None,
            depth: Default::default(),
            label: None,
            baseline: None,
        },
        answers: BTreeMap::new(),
        scope_overrides: Vec::new(),
        upgrades: Vec::new(),
        modules: Vec::new(),
    }
}

pub fn set(record: &mut AssessmentRecord, question: &str, value: AnswerValue) {
    record
        .answers
        .insert(question.to_string(), Answer::bare(question, value, at(1)));
}

/// A record answered from a table of (question, answer), each answer written as on the command
/// line ("4", "operating", "na:why", "yes", "type1", "a,b"). Parsing against the bank makes a
/// mistyped id or value fail here, not silently score as unanswered.
pub fn answered(bank: &Bank, answers: &[(&str, &str)]) -> AssessmentRecord {
    let mut record = empty_record(bank);
    answer(bank, &mut record, answers);
    record
}

/// Adds or replaces answers from a table of (question, answer), as [`answered`] reads them.
pub fn answer(bank: &Bank, record: &mut AssessmentRecord, answers: &[(&str, &str)]) {
    for (question, raw) in answers {
        let value = parse_answer_for(bank, question, raw)
            .unwrap_or_else(|e| panic!("{question} = {raw}: {e}"));
        set(record, question, value);
    }
}

/// Records a known exception on an answer already given, refused as the engine refuses it
/// (below informal there is no control to have an exception).
pub fn with_exception(bank: &Bank, record: &mut AssessmentRecord, question: &str, what: &str) {
    let answer = record
        .answers
        .get_mut(question)
        .unwrap_or_else(|| panic!("{question} has no answer to carry an exception"));
    answer.exception = Some(what.to_string());
    check_details(bank.question(question).unwrap(), answer)
        .unwrap_or_else(|e| panic!("{question}: {e}"));
}

/// The day the tests' assessments are analysed on.
pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
}

/// The gap register as the app shows it today.
pub fn gaps_of(bank: &Bank, record: &AssessmentRecord) -> Vec<soc2_readiness::gaps::Gap> {
    soc2_readiness::analysis::analyse(bank, &judged(bank, record)).gaps
}

/// The record as the engine judges it on the tests' day, with no programme records: what
/// every score, gap and plan reads (implied answers included on the quick path).
pub fn judged(bank: &Bank, record: &AssessmentRecord) -> Evaluation {
    Evaluation::new(bank, record.clone(), today())
}

pub fn answer_all_controls(bank: &Bank, record: &mut AssessmentRecord, level: MaturityLevel) {
    for q in bank.control_questions() {
        set(record, &q.id, AnswerValue::Level(level));
    }
}

/// A realistic, fully answered assessment (every level, notes, owners, dates, a long name with
/// accents) in a fresh in-memory workspace, built through the public API like a user would.
pub fn demo_workspace(organisation: &str) -> (soc2_readiness::Workspace, String) {
    use soc2_readiness::assessment::ReportType;
    use soc2_readiness::workspace::AnswerDetails;

    let mut ws = workspace(bank());
    let id = "demo00000001";
    create(&mut ws, id, organisation, ReportType::Type2, at(0));
    let scoping = [
        (
            "scope.business-reason",
            "Two enterprise deals in Zürich and Łódź need a SOC 2 report by Q3.",
        ),
        ("scope.observation-period", "6-months"),
        ("scope.target-date", "2027-09-30"),
        ("scope.company-stage", "11-50"),
        (
            "scope.products",
            "The Ελλάδα analytics platform and its public API",
        ),
        ("scope.environments", "production,staging"),
        ("scope.hosting", "aws"),
        ("scope.data-kinds", "customer-confidential,personal"),
        ("scope.sla", "yes"),
        ("scope.transaction-processing", "no"),
        ("scope.offices", "no"),
        ("scope.subservice-orgs", "yes"),
        (
            "scope.subservice-list",
            "AWS (hosting), Stripe (billing), Postmark (email)",
        ),
    ];
    for (question, raw) in scoping {
        let value = parse_answer_for(ws.bank(), question, raw).unwrap();
        ws.save_answer(id, question, value, AnswerDetails::default(), at(1))
            .unwrap();
    }
    let owners = [
        "Ana Kowalska",
        "Dimitra Papadopoulou",
        "Jürgen Weiß",
        "Sam Lee",
    ];
    let ids: Vec<String> = ws
        .bank()
        .control_questions()
        .map(|q| q.id.clone())
        .collect();
    for (i, question) in ids.iter().enumerate() {
        // A spread of levels, with a few not applicable and a few left unanswered.
        let raw = match i % 11 {
            0 => continue,
            1 => "na:we run no offices and no hardware of our own".to_string(),
            n => ((n * 7 + i / 3) % 5).to_string(),
        };
        let details = AnswerDetails {
            note: (i % 3 == 0).then(|| {
                if i % 27 == 0 {
                    "Long workshop note: ".to_string() + &"the team described the current practice in detail, including exceptions, owners and the tooling involved. ".repeat(6)
                } else {
                    format!("Discussed in the workshop; evidence in the shared drive, folder {i}.")
                }
            }),
            owner: (i % 2 == 0).then(|| owners[i % owners.len()].to_string()),
            due: (i % 4 == 0).then(|| Some(chrono::NaiveDate::from_ymd_opt(2027, 1 + (i % 12) as u32, 15).unwrap())),
            evidence: (i % 5 == 0).then(|| vec![format!("drive://evidence/{question}.pdf")]),
            exception: None,
            ..AnswerDetails::default()
        };
        let value = parse_answer_for(ws.bank(), question, &raw).unwrap();
        ws.save_answer(id, question, value, details, at(2)).unwrap();
    }
    let exception = AnswerDetails {
        exception: Some("two contractors are not enrolled".into()),
        ..AnswerDetails::default()
    };
    let operating = parse_answer_for(ws.bank(), "access.sso-mfa", "operating").unwrap();
    ws.save_answer(id, "access.sso-mfa", operating, exception, at(2))
        .unwrap();
    (ws, id.to_string())
}

/// A copy of a data file kept in `tests/fixtures/`, in a temporary folder of its own.
pub fn fixture_copy(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("assessments.sqlite3");
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::copy(from, &path).unwrap();
    (dir, path)
}

/// Creates a full-depth assessment, as most tests need one: the quick path has its own tests.
pub fn create(
    ws: &mut soc2_readiness::Workspace,
    id: &str,
    organisation: &str,
    report_type: soc2_readiness::assessment::ReportType,
    when: DateTime<Utc>,
) -> soc2_readiness::assessment::Assessment {
    ws.create_assessment(
        id,
        organisation,
        report_type,
        soc2_readiness::assessment::Depth::Full,
        when,
    )
    .unwrap()
}

/// Which of a scorecard's figures [`figures`] reads.
#[derive(Debug, Clone, Copy)]
pub enum Figure {
    /// Against the report type's target.
    Readiness,
    Design,
    Operating,
    Completion,
}

/// Every figure of one kind, by name: "overall", each category's id ("security"), "step N" and
/// each criterion's id.
pub fn figures(s: &Scorecard, figure: Figure) -> Vec<(String, Option<f64>)> {
    let pick = |readiness, design, operating, completion| match figure {
        Figure::Readiness => readiness,
        Figure::Design => design,
        Figure::Operating => operating,
        Figure::Completion => completion,
    };
    let o = &s.overall;
    let mut out = vec![(
        "overall".to_string(),
        pick(o.readiness, o.design, o.operating, o.completion),
    )];
    out.extend(s.categories.iter().map(|c| {
        (
            c.id.id().to_string(),
            pick(c.readiness, c.design, c.operating, c.completion),
        )
    }));
    out.extend(s.steps.iter().map(|c| {
        (
            format!("step {}", c.step),
            pick(c.readiness, c.design, c.operating, c.completion),
        )
    }));
    out.extend(s.criteria.iter().map(|c| {
        (
            c.id.clone(),
            pick(c.readiness, c.design, c.operating, c.completion),
        )
    }));
    out
}

/// Checks a table of (name, expected figure) against the scorecard and fails listing every
/// difference at once, so one run shows the whole picture rather than the first wrong number.
#[track_caller]
pub fn check_figures(s: &Scorecard, figure: Figure, expected: &[(&str, Option<f64>)]) {
    let actual: BTreeMap<String, Option<f64>> = figures(s, figure).into_iter().collect();
    let wrong: Vec<String> = expected
        .iter()
        .filter_map(|(name, want)| match actual.get(*name) {
            None => Some(format!("{name}: the scorecard has no such figure")),
            Some(got) if got != want => Some(format!("{name}: expected {want:?}, got {got:?}")),
            Some(_) => None,
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{figure:?} figures differ:\n  {}",
        wrong.join("\n  ")
    );
}

/// Checks the gap register, in order, against rows of (question, priority, priority score) and
/// fails listing every row that differs, is missing or is extra.
#[track_caller]
pub fn check_gaps(gaps: &[Gap], expected: &[(&str, Priority, f64)]) {
    let actual: Vec<(&str, Priority, f64)> = gaps
        .iter()
        .map(|g| (g.question_id.as_str(), g.priority, g.priority_score))
        .collect();
    let wrong: Vec<String> = (0..actual.len().max(expected.len()))
        .filter_map(|i| match (actual.get(i), expected.get(i)) {
            (Some(got), Some(want)) if got != want => {
                Some(format!("#{}: expected {want:?}, got {got:?}", i + 1))
            }
            (Some(got), None) => Some(format!("#{}: not expected, got {got:?}", i + 1)),
            (None, Some(want)) => Some(format!("#{}: expected {want:?}, missing", i + 1)),
            _ => None,
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "the gap register differs:\n  {}",
        wrong.join("\n  ")
    );
}

/// The `soc2-readiness` binary on a data file of its own in a temporary folder.
pub struct Cli {
    pub dir: tempfile::TempDir,
    pub db: std::path::PathBuf,
}

impl Cli {
    pub fn new() -> Cli {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("cli.sqlite3");
        Cli { dir, db }
    }

    pub fn run(&self, args: &[&str]) -> std::process::Output {
        std::process::Command::new(env!("CARGO_BIN_EXE_soc2-readiness"))
            .env("SOC2_READINESS_DB", &self.db)
            .args(args)
            .output()
            .unwrap()
    }

    /// Runs a command that must succeed and returns its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs a command that prints an id (`new`, `import`, `add`) and returns it.
    pub fn id(&self, args: &[&str]) -> String {
        self.ok(args).trim().to_string()
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    /// The gap PDF of `id` as text read back by poppler, runs of white space made one space.
    pub fn pdf_text(&self, id: &str) -> String {
        let pdf = self.dir.path().join("report.pdf");
        self.ok(&["report", id, "--out", pdf.to_str().unwrap()]);
        let out = std::process::Command::new("pdftotext")
            .args([pdf.to_str().unwrap(), "-"])
            .output()
            .expect("pdftotext is needed for this test (./dev setup installs poppler-utils)");
        String::from_utf8(out.stdout)
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Runs a command that must fail with `code`; for code 1 the error is one line, returned.
    pub fn fails(&self, code: i32, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(out.status.code(), Some(code), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        if code == 1 {
            assert_eq!(stderr.lines().count(), 1, "one clear line: {stderr}");
        }
        stderr
    }
}

/// Every file of the ZIP, by name.
pub fn unzip(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).unwrap();
            (file.name().unwrap().to_string(), bytes)
        })
        .collect()
}
