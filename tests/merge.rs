//! Merging workshop copies: two laptops answer one assessment apart and the copies come back together.

use std::path::Path;
use std::process::{Command, Output};

use soc2_readiness::Workspace;
use soc2_readiness::assessment::{AnswerValue, ReportType, ScopeOverride, parse_answer_for};
use soc2_readiness::catalog::Category;
use soc2_readiness::merge::{MergeChoices, Outcome, Side};
use soc2_readiness::scoring::score;
use soc2_readiness::workspace::merge::WorkshopCopy;
use soc2_readiness::workspace::{AnswerDetails, ScopeDecision};

use crate::support::{answered, at, bank, create, judged, workspace};

const A: &str = "laptopa00001";
const B: &str = "laptopb00001";

fn answer(
    ws: &mut Workspace,
    id: &str,
    question: &str,
    raw: &str,
    details: AnswerDetails,
    minute: u32,
) {
    let value = parse_answer_for(ws.bank(), question, raw).unwrap();
    ws.save_answer(id, question, value, details, at(minute))
        .unwrap();
}

fn noted(note: &str) -> AnswerDetails {
    AnswerDetails {
        note: Some(note.into()),
        ..AnswerDetails::default()
    }
}

/// The day of a workshop: laptop A starts the assessment and hands a copy to laptop B; each
/// answers its own questions, both answer access.sso-mfa differently and gov.security-owner
/// alike, and B clears gov.org-chart, which A left alone. Returns A's workspace and B's export.
fn workshop() -> (Workspace, String) {
    let mut a = workspace(bank());
    create(&mut a, A, "Acme Analytics", ReportType::Type2, at(0));
    answer(
        &mut a,
        A,
        "access.sso-mfa",
        "informal",
        noted("admins only"),
        1,
    );
    answer(
        &mut a,
        A,
        "gov.org-chart",
        "documented",
        AnswerDetails::default(),
        1,
    );
    answer(
        &mut a,
        A,
        "gov.board-oversight",
        "planned",
        AnswerDetails::default(),
        1,
    );
    let handed_over = a.export_json(A, at(2)).unwrap();

    let mut b = workspace(bank());
    b.import_json(handed_over.as_bytes(), B, at(3)).unwrap();

    let owner = AnswerDetails {
        owner: Some("Ana".into()),
        ..AnswerDetails::default()
    };
    answer(&mut a, A, "gov.code-of-conduct", "documented", owner, 10);
    answer(
        &mut a,
        A,
        "access.sso-mfa",
        "documented",
        noted("SSO everywhere"),
        11,
    );
    answer(
        &mut a,
        A,
        "gov.security-owner",
        "operating",
        AnswerDetails::default(),
        12,
    );

    answer(
        &mut b,
        B,
        "gov.independent-review",
        "informal",
        AnswerDetails::default(),
        10,
    );
    let planned = AnswerDetails {
        note: Some("only the admin console so far".into()),
        due: Some(Some("2027-02-01".parse().unwrap())),
        ..AnswerDetails::default()
    };
    answer(&mut b, B, "access.sso-mfa", "planned", planned, 13);
    answer(
        &mut b,
        B,
        "gov.security-owner",
        "operating",
        AnswerDetails::default(),
        14,
    );
    b.clear_answer(B, "gov.org-chart", at(15)).unwrap();
    b.set_scope(
        B,
        Category::Availability,
        ScopeDecision::In,
        "uptime SLA in the big contract",
        at(16),
    )
    .unwrap();
    let brought_back = b.export_json(B, at(20)).unwrap();
    (a, brought_back)
}

/// B's export as a workshop copy to merge.
fn copy(file: &str) -> WorkshopCopy {
    WorkshopCopy::from_json(file.as_bytes().to_vec())
}

fn choose(question: &str, side: Side) -> MergeChoices {
    MergeChoices {
        chosen: [(question.to_string(), side)].into(),
        ..MergeChoices::default()
    }
}

#[test]
fn the_preview_takes_each_sides_changes_and_shows_the_one_real_conflict() {
    let (a, file) = workshop();
    let plan = a.preview_merge(A, &copy(&file), false).unwrap();
    let outcomes: Vec<(&str, Outcome)> = plan
        .questions
        .iter()
        .map(|q| (q.question_id.as_str(), q.outcome))
        .collect();
    assert_eq!(
        outcomes,
        [
            ("access.sso-mfa", Outcome::Conflict),
            ("gov.code-of-conduct", Outcome::KeepMine),
            ("gov.independent-review", Outcome::TakeTheirs),
            ("gov.org-chart", Outcome::TakeTheirs),
            ("gov.security-owner", Outcome::Same),
        ]
    );
    assert_eq!(plan.conflicts(), ["access.sso-mfa"]);
    let conflict = &plan.questions[0];
    assert_eq!(conflict.base, "2 (In place, informal)");
    assert_eq!(conflict.mine.words, "3 (In place and documented)");
    assert_eq!(conflict.theirs.words, "1 (Planned or in progress)");
    let theirs = conflict.theirs.answer.as_ref().unwrap();
    assert_eq!(theirs.due, Some("2027-02-01".parse().unwrap()));
    assert_eq!(theirs.updated_at, at(13));
    // B's clear is taken as a clear, not mistaken for a question B never saw.
    assert_eq!(plan.questions[3].theirs.answer, None);
    let scope: Vec<(Category, Outcome)> =
        plan.scope.iter().map(|s| (s.category, s.outcome)).collect();
    assert_eq!(scope, [(Category::Availability, Outcome::TakeTheirs)]);
    // B's four answer changes (a scope decision keeps no history); the shared start is not
    // added twice.
    assert_eq!(plan.history_to_add.len(), 4);
    assert!(plan.shared_history && plan.unknown_questions.is_empty());
}

#[test]
fn merging_with_a_choice_gives_the_expected_assessment_and_keeps_both_histories() {
    let (mut a, file) = workshop();
    let before = a.history(A).unwrap();
    let outcome = a
        .merge(
            A,
            &copy(&file),
            &choose("access.sso-mfa", Side::Theirs),
            at(30),
        )
        .unwrap();
    assert_eq!((outcome.answers_taken, outcome.scope_taken), (3, 1));

    let bank = bank();
    let mut expected = answered(
        &bank,
        &[
            ("scope.report-type", "type2"),
            ("gov.board-oversight", "planned"),
            ("gov.code-of-conduct", "documented"),
            ("gov.independent-review", "informal"),
            ("access.sso-mfa", "planned"),
            ("gov.security-owner", "operating"),
        ],
    );
    expected.scope_overrides.push(ScopeOverride {
        category: Category::Availability,
        in_scope: true,
        reason: "uptime SLA in the big contract".into(),
        updated_at: at(16),
    });
    let (merged, scorecard) = a
        .scorecard(A, chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        .unwrap();
    let values = |r: &soc2_readiness::assessment::AssessmentRecord| -> Vec<(String, AnswerValue)> {
        r.answers
            .values()
            .map(|a| (a.question_id.clone(), a.value.clone()))
            .collect()
    };
    assert_eq!(values(&merged), values(&expected));
    assert_eq!(merged.scope_overrides, expected.scope_overrides);
    assert_eq!(scorecard, score(&bank, &judged(&bank, &expected)));
    let sso = &merged.answers["access.sso-mfa"];
    assert_eq!(sso.note.as_deref(), Some("only the admin console so far"));
    assert_eq!(
        sso.updated_at,
        at(13),
        "a taken answer keeps the time it was given"
    );
    assert_eq!(
        merged.answers["gov.code-of-conduct"].owner.as_deref(),
        Some("Ana")
    );

    // Append-only: A's history is untouched at its start, and every entry of B's is in it.
    let after = a.history(A).unwrap();
    assert_eq!(after[..before.len()], before[..]);
    let theirs = soc2_readiness::interchange::parse(file.as_bytes(), &bank)
        .unwrap()
        .history;
    assert!(theirs.iter().all(|e| after.contains(e)));
    let sso_trail: Vec<Option<AnswerValue>> = after
        .iter()
        .filter(|e| e.question_id == "access.sso-mfa")
        .map(|e| e.value.clone())
        .collect();
    let level = |raw| Some(parse_answer_for(&bank, "access.sso-mfa", raw).unwrap());
    assert_eq!(
        sso_trail,
        [level("informal"), level("documented"), level("planned")]
    );
    // The trail of every question ends on its answer, even where the file's rows came last.
    let last = after
        .iter()
        .rev()
        .find(|e| e.question_id == "gov.security-owner")
        .unwrap();
    assert_eq!(last.changed_at, at(12));
}

#[test]
fn an_unresolved_conflict_writes_nothing_and_names_the_question() {
    let (mut a, file) = workshop();
    let (record, history) = (a.record(A).unwrap(), a.history(A).unwrap());
    let error = a
        .merge(A, &copy(&file), &MergeChoices::default(), at(30))
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "1 conflict needs a choice of mine or theirs, nothing was merged: access.sso-mfa"
    );
    let slip = a
        .merge(
            A,
            &copy(&file),
            &choose("access.sso-mfa2", Side::Mine),
            at(30),
        )
        .unwrap_err();
    assert!(
        slip.to_string()
            .contains("no conflict to choose for on access.sso-mfa2"),
        "{slip}"
    );
    assert_eq!(a.record(A).unwrap(), record);
    assert_eq!(a.history(A).unwrap(), history);
}

#[test]
fn merging_the_same_file_twice_changes_nothing_the_second_time() {
    let (mut a, file) = workshop();
    let all_mine = MergeChoices {
        all: Some(Side::Mine),
        ..MergeChoices::default()
    };
    a.merge(A, &copy(&file), &all_mine, at(30)).unwrap();
    let (record, history) = (a.record(A).unwrap(), a.history(A).unwrap());
    assert_eq!(
        record.answers["access.sso-mfa"].note.as_deref(),
        Some("SSO everywhere")
    );
    let again = a
        .merge(A, &copy(&file), &MergeChoices::default(), at(40))
        .unwrap();
    assert_eq!(
        (again.answers_taken, again.scope_taken, again.history_added),
        (0, 0, 0)
    );
    assert!(again.plan.conflicts().is_empty());
    assert_eq!(a.record(A).unwrap(), record);
    assert_eq!(a.history(A).unwrap(), history);
}

#[test]
fn scope_decisions_merge_by_the_same_rule() {
    let mut a = workspace(bank());
    create(&mut a, A, "Acme Analytics", ReportType::Type2, at(0));
    let (into, out) = (ScopeDecision::In, ScopeDecision::Out);
    a.set_scope(A, Category::Privacy, out, "no personal data", at(1))
        .unwrap();
    a.set_scope(
        A,
        Category::Confidentiality,
        into,
        "NDA with the bank",
        at(1),
    )
    .unwrap();
    answer(
        &mut a,
        A,
        "gov.org-chart",
        "documented",
        AnswerDetails::default(),
        1,
    );
    let handed_over = a.export_json(A, at(2)).unwrap();
    let mut b = workspace(bank());
    b.import_json(handed_over.as_bytes(), B, at(3)).unwrap();
    a.set_scope(A, Category::Availability, into, "uptime SLA", at(10))
        .unwrap();
    b.set_scope(B, Category::Availability, out, "no SLA signed yet", at(11))
        .unwrap();
    // B returns privacy to the proposal (a clear leaves no date) and A leaves it alone.
    b.set_scope(B, Category::Privacy, ScopeDecision::Proposed, "", at(12))
        .unwrap();
    a.set_scope(
        A,
        Category::Confidentiality,
        into,
        "NDA, and the deletion clause",
        at(13),
    )
    .unwrap();
    let file = b.export_json(B, at(20)).unwrap();

    let plan = a.preview_merge(A, &copy(&file), false).unwrap();
    let scope: Vec<(Category, Outcome)> =
        plan.scope.iter().map(|s| (s.category, s.outcome)).collect();
    assert_eq!(
        scope,
        [
            (Category::Availability, Outcome::Conflict),
            (Category::Confidentiality, Outcome::KeepMine),
            (Category::Privacy, Outcome::TakeTheirs),
        ]
    );
    assert_eq!(plan.conflicts(), ["scope:availability"]);
    a.merge(
        A,
        &copy(&file),
        &choose("scope:availability", Side::Theirs),
        at(30),
    )
    .unwrap();
    let decisions: Vec<(Category, bool, String)> = a
        .record(A)
        .unwrap()
        .scope_overrides
        .into_iter()
        .map(|o| (o.category, o.in_scope, o.reason))
        .collect();
    assert_eq!(
        decisions,
        [
            (
                Category::Availability,
                false,
                "no SLA signed yet".to_string()
            ),
            (
                Category::Confidentiality,
                true,
                "NDA, and the deletion clause".to_string()
            ),
        ]
    );
}

#[test]
fn a_file_from_another_assessment_is_refused_unless_forced() {
    let (mut a, _) = workshop();
    let mut other = workspace(bank());
    create(
        &mut other,
        "other0000001",
        "Acme Analytics",
        ReportType::Type2,
        at(5),
    );
    answer(
        &mut other,
        "other0000001",
        "access.sso-mfa",
        "operating",
        AnswerDetails::default(),
        6,
    );
    let file = other.export_json("other0000001", at(7)).unwrap();
    let (record, history) = (a.record(A).unwrap(), a.history(A).unwrap());
    let refused = a.preview_merge(A, &copy(&file), false).unwrap_err();
    assert!(
        refused.to_string().starts_with(
            "these do not look like copies of one assessment: they share no answer history"
        ),
        "{refused}"
    );
    assert!(
        a.merge(A, &copy(&file), &MergeChoices::default(), at(30))
            .is_err()
    );
    assert_eq!(
        (a.record(A).unwrap(), a.history(A).unwrap()),
        (record, history)
    );
    // Forced, every answer counts as changed on its side: both answered access.sso-mfa.
    let forced = a.preview_merge(A, &copy(&file), true).unwrap();
    assert!(!forced.shared_history);
    assert_eq!(forced.conflicts(), ["access.sso-mfa"]);
}

#[test]
fn a_file_that_is_not_an_assessment_is_refused_with_its_reason() {
    let (mut a, _) = workshop();
    let error = a
        .merge(
            A,
            &WorkshopCopy::from_json(b"{\"format\": \"something-else\"}".to_vec()),
            &MergeChoices::default(),
            at(30),
        )
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("not a SOC 2 Readiness assessment"),
        "{error}"
    );
}

/// The command line, on two data files standing for the two laptops.
fn cli(data_file: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_soc2-readiness"))
        .env("SOC2_READINESS_DB", data_file)
        .args(args)
        .output()
        .unwrap()
}

fn ok(data_file: &Path, args: &[&str]) -> String {
    let out = cli(data_file, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_merge_command_shows_the_conflict_side_by_side_and_merges_once_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let (laptop_a, laptop_b) = (dir.path().join("a.sqlite3"), dir.path().join("b.sqlite3"));
    let (to_b, from_b) = (dir.path().join("to-b.json"), dir.path().join("from-b.json"));
    let a = ok(&laptop_a, &["new", "Acme Analytics"]).trim().to_string();
    ok(&laptop_a, &["answer", &a, "access.sso-mfa", "informal"]);
    ok(&laptop_a, &["export", &a, to_b.to_str().unwrap()]);
    let b = ok(&laptop_b, &["import", to_b.to_str().unwrap()])
        .trim()
        .to_string();
    ok(
        &laptop_a,
        &[
            "answer",
            &a,
            "access.sso-mfa",
            "documented",
            "--note",
            "SSO everywhere",
        ],
    );
    ok(
        &laptop_b,
        &["answer", &b, "access.sso-mfa", "planned", "--owner", "Sam"],
    );
    ok(&laptop_b, &["answer", &b, "gov.org-chart", "operating"]);
    ok(&laptop_b, &["export", &b, from_b.to_str().unwrap()]);
    let file = from_b.to_str().unwrap();

    let refused = cli(&laptop_a, &["merge", &a, file]);
    assert_eq!(refused.status.code(), Some(1));
    let stdout = String::from_utf8(refused.stdout).unwrap();
    for expected in [
        "Taken from the file (changed only there): 1",
        "gov.org-chart",
        "access.sso-mfa  (was 2 (In place, informal))",
        "3 (In place and documented)",
        "1 (Planned or in progress)",
        "SSO everywhere",
        "Sam",
        &format!("soc2-readiness merge {a} {file} --choose access.sso-mfa=mine"),
    ] {
        assert!(
            stdout.contains(expected),
            "'{expected}' missing from:\n{stdout}"
        );
    }
    let stderr = String::from_utf8(refused.stderr).unwrap();
    assert_eq!(
        stderr,
        "error: 1 conflict needs a choice of mine or theirs, nothing was merged: access.sso-mfa\n"
    );
    let show = |db: &Path| -> serde_json::Value {
        serde_json::from_str(&ok(db, &["show", &a, "--json"])).unwrap()
    };
    let untouched = show(&laptop_a);
    ok(
        &laptop_a,
        &["merge", &a, file, "--all", "theirs", "--dry-run"],
    );
    assert_eq!(show(&laptop_a)["answers"], untouched["answers"]);

    let merged = ok(
        &laptop_a,
        &["merge", &a, file, "--choose", "access.sso-mfa=theirs"],
    );
    assert!(
        merged.contains("2 answers and 0 scope decisions taken from the file"),
        "{merged}"
    );
    let answers = show(&laptop_a)["answers"].clone();
    let value = |q: &str| {
        answers
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["question_id"] == q)
            .unwrap()["value"]
            .clone()
    };
    assert_eq!(value("access.sso-mfa"), serde_json::json!({"level": 1}));
    assert_eq!(value("gov.org-chart"), serde_json::json!({"level": 4}));
    let again = ok(&laptop_a, &["merge", &a, file]);
    assert!(again.contains("nothing to merge"), "{again}");
}
