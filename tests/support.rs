//! Fixtures shared by the integration tests: a fixed clock and assessments built in memory.

use std::collections::BTreeMap;

use chrono::{DateTime, TimeZone, Utc};
use soc2_readiness::assessment::{
    Answer, AnswerValue, Assessment, AssessmentRecord, MaturityLevel,
};
use soc2_readiness::catalog::{Bank, bundled_bank};

pub fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, minute, 0).unwrap()
}

pub fn bank() -> Bank {
    bundled_bank()
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
        },
        answers: BTreeMap::new(),
        scope_overrides: Vec::new(),
        implied: BTreeMap::new(),
        upgrades: Vec::new(),
    }
}

pub fn set(record: &mut AssessmentRecord, question: &str, value: AnswerValue) {
    record.answers.insert(
        question.to_string(),
        Answer {
            question_id: question.to_string(),
            value,
            note: None,
            owner: None,
            due: None,
            evidence: Vec::new(),
            exception: None,
            updated_at: at(1),
        },
    );
}

/// Scoping answers that bring every category into scope.
pub fn everything_in_scope(record: &mut AssessmentRecord) {
    set(
        record,
        "scope.required-categories",
        AnswerValue::Choices(vec![
            "availability".into(),
            "confidentiality".into(),
            "processing-integrity".into(),
            "privacy".into(),
        ]),
    );
    set(record, "scope.sla", AnswerValue::YesNo(true));
    set(
        record,
        "scope.transaction-processing",
        AnswerValue::YesNo(true),
    );
    set(
        record,
        "scope.data-kinds",
        AnswerValue::Choices(vec!["customer-confidential".into(), "personal".into()]),
    );
}

/// The day the tests' assessments are analysed on.
pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
}

/// The gap register as the app shows it today.
pub fn gaps_of(bank: &Bank, record: &AssessmentRecord) -> Vec<soc2_readiness::gaps::Gap> {
    soc2_readiness::analysis::analyse(bank, record, today()).gaps
}

pub fn answer_all_controls(bank: &Bank, record: &mut AssessmentRecord, level: MaturityLevel) {
    for q in bank.control_questions() {
        set(record, &q.id, AnswerValue::Level(level));
    }
}

/// A realistic, fully answered assessment (every level, notes, owners, dates, a long name with
/// accents) in a fresh in-memory workspace, built through the public API like a user would.
pub fn demo_workspace(organisation: &str) -> (soc2_readiness::Workspace, String) {
    use soc2_readiness::assessment::{ReportType, parse_answer_for};
    use soc2_readiness::workspace::AnswerDetails;

    let mut ws = soc2_readiness::Workspace::in_memory(bank()).unwrap();
    let id = "demo00000001";
    ws.create_assessment(
        id,
        organisation,
        ReportType::Type2,
        soc2_readiness::assessment::Depth::Full,
        at(0),
    )
    .unwrap();
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
