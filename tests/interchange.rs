//! Portable JSON: export and import round trips, refusals that name the field, and generated input.

use proptest::prelude::*;
use soc2_readiness::Workspace;
use soc2_readiness::assessment::{AnswerValue, MaturityLevel, ReportType};
use soc2_readiness::catalog::Category;
use soc2_readiness::workspace::AnswerDetails;

use crate::support::{at, bank};

fn workspace_with_one() -> Workspace {
    let mut ws = Workspace::in_memory(bank()).unwrap();
    crate::support::create(&mut ws, "abc123", "Ελλάδα Cloud", ReportType::Type2, at(0));
    let details = AnswerDetails {
        note: Some("nightly snapshots, restore never tested".into()),
        owner: Some("Dimitra".into()),
        due: Some(Some("2027-03-01".parse().unwrap())),
        evidence: Some(vec!["backup-config.json".into()]),
        exception: None,
        ..AnswerDetails::default()
    };
    ws.save_answer(
        "abc123",
        "continuity.backups",
        AnswerValue::Level(MaturityLevel::Informal),
        details,
        at(1),
    )
    .unwrap();
    ws.save_answer(
        "abc123",
        "scope.data-kinds",
        AnswerValue::Choices(vec!["personal".into()]),
        AnswerDetails::default(),
        at(2),
    )
    .unwrap();
    ws.set_scope(
        "abc123",
        Category::Availability,
        soc2_readiness::workspace::ScopeDecision::In,
        "enterprise SLA in negotiation",
        at(3),
    )
    .unwrap();
    ws
}

#[test]
fn export_then_import_gives_the_same_assessment_under_a_new_id() {
    let mut ws = workspace_with_one();
    let json = ws.export_json("abc123", at(10)).unwrap();
    let imported = ws.import_json(json.as_bytes(), "new999", at(11)).unwrap();
    assert_eq!(imported.id, "new999");
    let original = ws.record("abc123").unwrap();
    let copy = ws.record("new999").unwrap();
    assert_eq!(copy.answers, original.answers);
    assert_eq!(copy.scope_overrides, original.scope_overrides);
    assert_eq!(copy.assessment.organisation, "Ελλάδα Cloud");
    assert_eq!(ws.history("new999").unwrap(), ws.history("abc123").unwrap());
    let (_, a) = ws
        .scorecard(
            "abc123",
            chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
        )
        .unwrap();
    let (_, b) = ws
        .scorecard(
            "new999",
            chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
        )
        .unwrap();
    assert_eq!(a, b, "the same answers score the same");
}

fn exported() -> serde_json::Value {
    let ws = workspace_with_one();
    serde_json::from_str(&ws.export_json("abc123", at(10)).unwrap()).unwrap()
}

/// Found by the mutation test below: a year written with a sign ("-0026") passed the import,
/// and the list could not read the assessment back. Whatever is kept must read back.
#[test]
fn a_time_with_a_signed_year_is_kept_and_read_back() {
    let mut file = exported();
    let text = file["assessment"]["created_at"]
        .as_str()
        .unwrap()
        .to_string();
    file["assessment"]["created_at"] = format!("-0026{}", &text[4..]).into();
    let mut ws = Workspace::in_memory(bank()).unwrap();
    ws.import_json(file.to_string().as_bytes(), "signed", at(11))
        .unwrap();
    assert_eq!(count(&ws), 1);
    let created = ws.record("signed").unwrap().assessment.created_at;
    assert_eq!(chrono::Datelike::year(&created), -26);
}

#[test]
fn bad_files_are_refused_naming_the_field_and_nothing_is_written() {
    type Edit = fn(&mut serde_json::Value);
    let cases: Vec<(Edit, &str)> = vec![
        (|v| v["format_version"] = 7.into(), "format version 7"),
        (
            |v| v["format"] = "something-else".into(),
            "not a SOC 2 Readiness assessment",
        ),
        (
            |v| v["answers"][0]["question_id"] = "made.up".into(),
            "answers[0].question_id: unknown question 'made.up'",
        ),
        (
            |v| v["answers"][0]["value"] = serde_json::json!({"level": 7}),
            "answers[0].value",
        ),
        (
            |v| v["answers"][0]["value"] = serde_json::json!({"not_applicable": ""}),
            "answers[0].value: question 'continuity.backups': not applicable needs a justification",
        ),
        (
            |v| v["answers"][1]["value"] = serde_json::json!({"choices": ["martian"]}),
            "answers[1].value: question 'scope.data-kinds' takes comma-separated choices",
        ),
        (
            |v| v["answers"][0]["due"] = "31/02/2027".into(),
            "answers[0].due",
        ),
        (
            |v| v["assessment"]["organisation"] = " ".into(),
            "assessment.organisation",
        ),
        (
            |v| v["scope_overrides"][0]["reason"] = "".into(),
            "scope_overrides[0].reason",
        ),
        (
            |v| {
                v["answers"][1] = v["answers"][0].clone();
            },
            "answered twice",
        ),
        (|v| v["surprise"] = 1.into(), "unknown field `surprise`"),
    ];
    for (edit, expected) in cases {
        let mut ws = workspace_with_one();
        let mut value = exported();
        edit(&mut value);
        let err = ws
            .import_json(value.to_string().as_bytes(), "new999", at(11))
            .unwrap_err();
        assert!(
            err.to_string().contains(expected),
            "expected '{expected}' in: {err}"
        );
        assert_eq!(err.kind(), soc2_readiness::ErrorKind::InvalidImport);
        assert_eq!(
            ws.summaries(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
                .unwrap()
                .len(),
            1,
            "nothing written for '{expected}'"
        );
    }
}

#[test]
fn non_utf8_and_oversized_files_are_refused() {
    let mut ws = workspace_with_one();
    let err = ws
        .import_json(b"{\"format\": \"\xff\"}", "x", at(1))
        .unwrap_err();
    assert!(err.to_string().contains("not UTF-8"), "{err}");
    let huge = vec![b' '; soc2_readiness::interchange::MAX_IMPORT_BYTES + 1];
    let err = ws.import_json(&huge, "x", at(1)).unwrap_err();
    assert!(err.to_string().contains("at most"), "{err}");
}

/// 100,000 generated inputs per parser when SOC2_SLOW_TESTS is set (CI sets it), 1,000 otherwise.
fn parser_cases() -> u32 {
    if std::env::var_os("SOC2_SLOW_TESTS").is_some() {
        100_000
    } else {
        1_000
    }
}

fn exported_text() -> &'static [u8] {
    static TEXT: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| serde_json::to_vec(&exported()).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_or_write(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        with_scratch(|ws, before| {
            let _ = ws.import_json(&bytes, "x", at(1));
            assert_eq!(count(ws), before, "nothing written");
        });
    }



    #[test]
    fn mutated_exports_never_panic_and_write_all_or_nothing(
        cut in 0usize..4000,
        flip in 0usize..4000,
        byte in any::<u8>(),
    ) {
        let mut text = exported_text().to_vec();
        let flip = flip % text.len();
        text[flip] = byte;
        text.truncate(cut.max(1).min(text.len()));
        with_scratch(|ws, before| match ws.import_json(&text, &format!("x{before}"), at(1)) {
            Ok(_) => assert_eq!(count(ws), before + 1, "written whole"),
            Err(_) => assert_eq!(count(ws), before, "nothing written"),
        });
    }
}

// The parsers alone, without a database, so 100,000 inputs each fit in CI's time.
proptest! {
    #![proptest_config(ProptestConfig { cases: parser_cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_import_parser_survives_arbitrary_and_mutated_input(
        arbitrary in proptest::collection::vec(any::<u8>(), 0..256),
        cut in 0usize..4000,
        flip in 0usize..4000,
        byte in any::<u8>(),
    ) {
        let bank = shared_bank_ref();
        let _ = soc2_readiness::interchange::parse(&arbitrary, bank);
        let mut text = exported_text().to_vec();
        let flip = flip % text.len();
        text[flip] = byte;
        text.truncate(cut.max(1).min(text.len()));
        let _ = soc2_readiness::interchange::parse(&text, bank);
    }

    #[test]
    fn mutated_bank_files_never_panic_the_loader(
        cut in 0usize..20_000,
        flips in proptest::collection::vec((0usize..20_000, any::<u8>()), 1..4),
    ) {
        let mut files = small_bank_files().clone();
        let text = &mut files[2].1;
        let mut bytes = text.clone().into_bytes();
        for (at, byte) in flips {
            let at = at % bytes.len();
            bytes[at] = byte;
        }
        bytes.truncate(cut.max(1).min(bytes.len()));
        *text = String::from_utf8_lossy(&bytes).into_owned();
        let _ = soc2_readiness::catalog::parse_bank(&files);
    }
}

fn shared_bank_ref() -> &'static soc2_readiness::catalog::Bank {
    static BANK: std::sync::OnceLock<soc2_readiness::catalog::Bank> = std::sync::OnceLock::new();
    BANK.get_or_init(bank)
}

fn shared_bank() -> soc2_readiness::catalog::Bank {
    shared_bank_ref().clone()
}

/// The manifest, the criteria and the smallest question file: enough for every code path of
/// the loader, small enough to parse 100,000 times.
fn small_bank_files() -> &'static Vec<(String, String)> {
    static FILES: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    FILES.get_or_init(|| {
        soc2_readiness::catalog::bundled_files()
            .into_iter()
            .filter(|(name, _)| !name.starts_with("questions/") || name.contains("step-5"))
            .collect()
    })
}

fn count(ws: &Workspace) -> usize {
    ws.summaries(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        .unwrap()
        .len()
}

/// One in-memory workspace per test thread, reused across generated cases so 100,000 of them
/// stay fast; each case checks the count of assessments before and after.
fn with_scratch(check: impl FnOnce(&mut Workspace, usize)) {
    thread_local! {
        static SCRATCH: std::cell::RefCell<Workspace> =
            std::cell::RefCell::new(Workspace::in_memory(shared_bank()).unwrap());
    }
    SCRATCH.with(|ws| {
        let mut ws = ws.borrow_mut();
        let before = count(&ws);
        check(&mut ws, before);
    });
}

/// `docs/assessment.schema.json` is generated from the Rust types; this fails when it drifts.
#[test]
fn the_published_json_schema_matches_the_format() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/assessment.schema.json");
    let fresh = soc2_readiness::interchange::json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "docs/assessment.schema.json is out of date; run UPDATE_SCHEMA=1 cargo test the_published_json_schema and commit it"
    );
    let schema: serde_json::Value = serde_json::from_str(&committed).unwrap();
    for field in ["format", "format_version", "assessment", "answers"] {
        assert!(
            schema["required"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f == field),
            "{field}"
        );
    }
}
