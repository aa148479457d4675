//! Question modules: checks that name each problem, scoring with a module, export and import across data files, versions, the list's figures and the CLI.

use std::path::{Path, PathBuf};
use std::process::Command;

use soc2_readiness::Workspace;
use soc2_readiness::assessment::{AnswerValue, Depth, MaturityLevel, ReportType};
use soc2_readiness::workspace::{AnswerDetails, check_module};

use crate::support::{at, bank, today};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/modules/example-healthcare.toml")
}

fn example_text() -> String {
    std::fs::read_to_string(example()).unwrap()
}

/// Writes `text` as a module file in `dir` and returns its path.
fn module_file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn level(l: MaturityLevel) -> AnswerValue {
    AnswerValue::Level(l)
}

/// Every control question of the bank operating with evidence: the only open questions left are a
/// module's, so its effect on the figures is plain.
fn answer_every_bank_control(ws: &mut Workspace, id: &str) {
    let ids: Vec<String> = bank().control_questions().map(|q| q.id.clone()).collect();
    for q in ids {
        ws.save_answer(
            id,
            &q,
            level(MaturityLevel::Operating),
            AnswerDetails::default(),
            at(1),
        )
        .unwrap();
    }
}

fn new_assessment(ws: &mut Workspace, id: &str, modules: &[&str]) {
    let modules: Vec<String> = modules.iter().map(|m| m.to_string()).collect();
    ws.create_assessment_with(
        id,
        "Acme Health",
        ReportType::Type2,
        Depth::Full,
        &modules,
        at(0),
    )
    .unwrap();
}

#[test]
fn the_example_module_is_valid_and_every_problem_of_a_broken_one_is_named() {
    let module = check_module(&example(), &bank()).unwrap();
    assert_eq!(
        (module.id.as_str(), module.version.as_str()),
        ("healthcare", "1.0")
    );
    assert_eq!(module.questions.len(), 5);
    assert!(
        module
            .questions
            .iter()
            .all(|q| q.module.as_deref() == Some("healthcare"))
    );

    let dir = tempfile::tempdir().unwrap();
    let broken = example_text()
        .replace(
            r#"criteria = ["CC9.2", "CC2.3"]"#,
            r#"criteria = ["CC9.9"]"#,
        )
        .replace(r#"id = "healthcare.training""#, r#"id = "training""#)
        .replace("step = 3", "step = 8")
        .replace("weight = 3\n", "weight = 9\n")
        .replace(
            r#"{ question = "scope.data-kinds", includes = "health" }"#,
            r#"{ question = "scope.no-such", is = "yes" }"#,
        );
    let path = module_file(dir.path(), "broken.toml", &broken);
    let problems: Vec<String> = match check_module(&path, &bank()) {
        Err(soc2_readiness::Error::Bank(e)) => e.problems.iter().map(|p| p.to_string()).collect(),
        other => panic!("expected a bank error, got {other:?}"),
    };
    let expected = [
        "question 'healthcare.baa-inventory': unknown criterion 'CC9.9'",
        "question 'healthcare.baa-inventory': its condition names unknown question 'scope.no-such'",
        "question 'healthcare.minimum-necessary': step 8 is not one of 1 to 6",
        "question 'healthcare.breach-notification': weight 9 is outside 1 to 5",
        "question 'training': the id must start with 'healthcare.' (the module's id)",
    ];
    for e in expected {
        assert!(
            problems
                .iter()
                .any(|p| p.contains(e) && p.starts_with(&path.display().to_string())),
            "missing '{e}' in {problems:#?}"
        );
    }
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");

    // A module may not take a prefix the bank's own questions use.
    let bank_prefix = example_text()
        .replace(r#"id = "healthcare""#, r#"id = "access""#)
        .replace("id = \"healthcare.", "id = \"access.");
    let path = module_file(dir.path(), "prefix.toml", &bank_prefix);
    let err = check_module(&path, &bank()).unwrap_err().to_string();
    assert!(
        err.contains("a prefix the bank's own questions use"),
        "{err}"
    );
}

#[test]
fn an_assessment_with_a_module_scores_its_questions_and_criteria() {
    let mut ws = crate::support::workspace(bank());
    ws.add_module(&example(), at(0)).unwrap();
    new_assessment(&mut ws, "plain", &[]);
    new_assessment(&mut ws, "health", &["healthcare"]);
    for id in ["plain", "health"] {
        answer_every_bank_control(&mut ws, id);
    }
    // Only the assessment using the module can answer its questions.
    let refused = ws.save_answer(
        "plain",
        "healthcare.phi-access-review",
        level(MaturityLevel::Operating),
        AnswerDetails::default(),
        at(2),
    );
    assert!(refused.is_err());
    let (_, before) = ws
        .scorecard(
            "health",
            chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
        )
        .unwrap();
    let (_, plain) = ws
        .scorecard(
            "plain",
            chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
        )
        .unwrap();
    assert_eq!(
        before.questions.len(),
        plain.questions.len() + 5,
        "the five module questions are scored"
    );
    assert!(
        before.overall.readiness < plain.overall.readiness,
        "five unanswered module questions pull readiness down ({:?} vs {:?})",
        before.overall.readiness,
        plain.overall.readiness
    );
    let cc72 = |s: &soc2_readiness::scoring::Scorecard| {
        s.criteria.iter().find(|c| c.id == "CC7.2").unwrap().clone()
    };
    assert_eq!(cc72(&before).applicable, cc72(&plain).applicable + 1);

    ws.save_answer(
        "health",
        "healthcare.phi-access-review",
        level(MaturityLevel::Operating),
        AnswerDetails::default(),
        at(3),
    )
    .unwrap();
    let (_, after) = ws
        .scorecard(
            "health",
            chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
        )
        .unwrap();
    assert!(
        cc72(&after).readiness > cc72(&before).readiness,
        "CC7.2 rises with the module answer"
    );
    assert!(after.overall.readiness > before.overall.readiness);

    // The module's unanswered questions are gaps, and the gap knows its module.
    let gaps = ws.gaps("health", today()).unwrap();
    assert!(
        gaps.iter()
            .any(|g| g.question_id == "healthcare.baa-inventory")
    );
    let bank = ws.assessment_bank("health").unwrap();
    assert_eq!(
        bank.module_of("healthcare.training").unwrap().version,
        "1.0"
    );
    assert!(bank.module_of("access.sso-mfa").is_none());

    // A re-assessment uses the same modules and keeps their answers.
    ws.duplicate("health", "again", None, at(4)).unwrap();
    let copy = ws.record("again").unwrap();
    assert_eq!(copy.modules, ws.record("health").unwrap().modules);
    assert!(copy.answers.contains_key("healthcare.phi-access-review"));
}

#[test]
fn an_export_brings_its_modules_to_a_fresh_data_file_and_a_conflicting_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut mine =
        Workspace::open_with_bank(bank(), &dir.path().join("mine.sqlite3"), at(0)).unwrap();
    mine.add_module(&example(), at(0)).unwrap();
    new_assessment(&mut mine, "health", &["healthcare"]);
    mine.save_answer(
        "health",
        "healthcare.training",
        level(MaturityLevel::Documented),
        AnswerDetails::default(),
        at(1),
    )
    .unwrap();
    let json = mine.export_json("health", at(2)).unwrap();
    assert!(json.contains("\"modules\""));

    let mut theirs =
        Workspace::open_with_bank(bank(), &dir.path().join("theirs.sqlite3"), at(3)).unwrap();
    let imported = theirs.import_json(json.as_bytes(), "copy", at(3)).unwrap();
    let record = theirs.record(&imported.id).unwrap();
    assert_eq!(record.modules.len(), 1);
    assert_eq!(record.modules[0].id, "healthcare");
    assert_eq!(theirs.modules().unwrap().len(), 1, "the module came along");
    assert_eq!(
        theirs
            .scorecard(
                "copy",
                chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
            )
            .unwrap()
            .1
            .overall,
        mine.scorecard(
            "health",
            chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
        )
        .unwrap()
        .1
        .overall,
        "the same figures on both machines"
    );
    // Importing again reuses the kept module.
    theirs.import_json(json.as_bytes(), "copy2", at(4)).unwrap();
    assert_eq!(theirs.modules().unwrap().len(), 1);

    // A colleague's file with the same id and version but other content is a clear error.
    let mut other =
        Workspace::open_with_bank(bank(), &dir.path().join("other.sqlite3"), at(5)).unwrap();
    let changed = example_text().replace("Health-tech add-on", "Health-tech add-on (edited)");
    other
        .add_module(&module_file(dir.path(), "edited.toml", &changed), at(5))
        .unwrap();
    let err = other
        .import_json(json.as_bytes(), "copy", at(6))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("healthcare@1.0 is already kept with different content"),
        "{err}"
    );
    // And adding it where the original is kept, too.
    let err = theirs
        .add_module(&module_file(dir.path(), "edited.toml", &changed), at(7))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("give the changed module a new version"),
        "{err}"
    );
}

#[test]
fn moving_to_a_new_module_version_keeps_the_answers_to_questions_that_remain() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = crate::support::workspace(bank());
    ws.add_module(&example(), at(0)).unwrap();
    new_assessment(&mut ws, "health", &["healthcare"]);
    for q in ["healthcare.training", "healthcare.minimum-necessary"] {
        ws.save_answer(
            "health",
            q,
            level(MaturityLevel::Documented),
            AnswerDetails::default(),
            at(1),
        )
        .unwrap();
    }
    // Version 1.1 drops the training question and adds none.
    let text = example_text().replace(r#"version = "1.0""#, r#"version = "1.1""#);
    let cut = text
        .find("[[question]]\nid = \"healthcare.training\"")
        .unwrap();
    let v11 = module_file(dir.path(), "v11.toml", &text[..cut]);
    ws.add_module(&v11, at(2)).unwrap();
    let versions: Vec<String> = ws
        .modules()
        .unwrap()
        .iter()
        .map(|m| m.version.clone())
        .collect();
    assert_eq!(versions, ["1.0", "1.1"], "the older version is kept");

    ws.use_module("health", "healthcare", None, at(3)).unwrap();
    let record = ws.record("health").unwrap();
    assert_eq!(record.modules[0].version, "1.1");
    assert!(
        record.answers.contains_key("healthcare.minimum-necessary"),
        "kept"
    );
    assert!(
        !record.answers.contains_key("healthcare.training"),
        "its question is gone"
    );
    let trail = ws
        .question_history("health", "healthcare.training")
        .unwrap();
    assert_eq!(
        trail.len(),
        2,
        "the answer and its clearing stay in the history"
    );

    ws.drop_module("health", "healthcare", at(4)).unwrap();
    let record = ws.record("health").unwrap();
    assert!(record.modules.is_empty());
    assert!(!record.answers.keys().any(|k| k.starts_with("healthcare.")));
    assert_eq!(
        ws.question_history("health", "healthcare.minimum-necessary")
            .unwrap()
            .len(),
        2
    );
    // Scoring and export still work without the module.
    ws.scorecard(
        "health",
        chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
    )
    .unwrap();
    ws.export_json("health", at(5)).unwrap();
}

#[test]
fn the_lists_figures_are_computed_again_when_a_module_is_attached() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.sqlite3");
    let mut ws = Workspace::open_with_bank(bank(), &path, at(0)).unwrap();
    ws.add_module(&example(), at(0)).unwrap();
    new_assessment(&mut ws, "a1", &[]);
    answer_every_bank_control(&mut ws, "a1");
    let listed = |ws: &Workspace| {
        ws.summaries(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
            .unwrap()[0]
            .readiness
    };
    let without = listed(&ws);
    ws.use_module("a1", "healthcare", Some("1.0"), at(2))
        .unwrap();
    let with = listed(&ws);
    assert_eq!(
        with,
        ws.scorecard("a1", chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
            .unwrap()
            .1
            .overall
            .readiness
    );
    assert!(with < without, "{with:?} < {without:?}");
    // Kept again, and read again on the next list of a reopened file.
    drop(ws);
    let ws = Workspace::open_with_bank(bank(), &path, at(3)).unwrap();
    assert_eq!(listed(&ws), with);
}

#[test]
fn the_landed_schema_5_file_migrates_to_modules() {
    let (_dir, path) = crate::support::fixture_copy("release-2026.11.3-schema5.sqlite3");
    let mut ws = Workspace::open_with_bank(bank(), &path, at(5)).unwrap();
    assert_eq!(
        ws.summaries(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
            .unwrap()
            .len(),
        4
    );
    assert!(ws.modules().unwrap().is_empty());
    ws.add_module(&example(), at(6)).unwrap();
    ws.use_module("e0ffb678529c", "healthcare", None, at(7))
        .unwrap();
    let record = ws.record("e0ffb678529c").unwrap();
    assert_eq!(record.modules.len(), 1);
    assert_eq!(record.assessment.baseline.as_deref(), Some("927dc4c6b879"));
}

#[test]
fn the_cli_checks_adds_uses_and_lists_modules() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite3");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_soc2-readiness"))
            .env("SOC2_READINESS_DB", &db)
            .args(args)
            .output()
            .unwrap()
    };
    let file = example();
    let file = file.to_str().unwrap();
    let out = run(&["bank", "check", "--module", file]);
    assert!(out.status.success());
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.starts_with("question module healthcare 1.0 is valid"),
        "{said}"
    );
    assert_eq!(said.lines().count(), 1);

    let broken = module_file(
        dir.path(),
        "broken.toml",
        &example_text().replace("weight = 2\n", "weight = 0\n"),
    );
    let out = run(&["module", "check", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("question 'healthcare.training': weight 0 is outside 1 to 5"),
        "{stderr}"
    );
    assert!(stderr.contains("1 problem(s)"), "{stderr}");

    assert!(run(&["module", "add", file]).status.success());
    let out = run(&["new", "Acme Health", "--module", "healthcare@1.0"]);
    assert!(out.status.success());
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert!(
        run(&["answer", &id, "healthcare.training", "3"])
            .status
            .success()
    );
    let listed: serde_json::Value =
        serde_json::from_slice(&run(&["module", "list", "--json"]).stdout).unwrap();
    assert_eq!(listed[0]["used_by"], 1);
    let shown = String::from_utf8(run(&["show", &id]).stdout).unwrap();
    assert!(shown.contains("[module Health-tech add-on 1.0]"), "{shown}");
    assert!(run(&["module", "drop", &id, "healthcare"]).status.success());
    let out = run(&["module", "use", &id, "nosuch"]);
    assert_eq!(out.status.code(), Some(1));
}

/// The PDF names the modules near the front and in Appendix C, and marks their gaps.
#[test]
fn the_report_names_the_modules_and_marks_their_gaps() {
    use soc2_readiness::report::{PageSize, ReportSettings};
    let mut ws = crate::support::workspace(bank());
    ws.add_module(&example(), at(0)).unwrap();
    new_assessment(&mut ws, "health", &["healthcare"]);
    let settings = ReportSettings {
        assessor: None,
        page_size: PageSize::A4,
        logo: None,
        generated_at: at(30),
        today: at(30).date_naive(),
    };
    let report = ws.report("health", &settings).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, &report.bytes).unwrap();
    let out = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext is needed for this test (./dev setup installs poppler-utils)");
    let text = String::from_utf8(out.stdout).unwrap().replace('\n', " ");
    let sha = &check_module(&example(), &bank()).unwrap().sha256[..12];
    assert!(
        text.contains(&format!(
            "with question modules Health-tech add-on 1.0 ({sha})"
        )),
        "the cover's note"
    );
    assert!(text.contains("Question modules"), "Appendix C's section");
    assert!(text.contains(&format!("5 questions · SHA-256 {sha}")));
    assert_eq!(
        text.matches("Custom question (Health-tech add-on 1.0)")
            .count(),
        5,
        "each of the five unanswered module questions is a marked gap"
    );
}

/// Comparing across different modules says what could not be compared; merging refuses.
#[test]
fn comparisons_and_merges_across_different_modules_say_so() {
    let mut ws = crate::support::workspace(bank());
    ws.add_module(&example(), at(0)).unwrap();
    new_assessment(&mut ws, "plain", &[]);
    new_assessment(&mut ws, "health", &["healthcare"]);
    ws.save_answer(
        "health",
        "healthcare.training",
        level(MaturityLevel::Operating),
        AnswerDetails::default(),
        at(1),
    )
    .unwrap();
    let comparison = ws.compare("plain", "health", today()).unwrap();
    let notes = comparison.notes.join(" ");
    assert!(
        notes.contains("uses question module Health-tech add-on (healthcare@1.0) and plain does not use it: its questions could not be compared"),
        "{notes}"
    );
    assert!(
        !notes.contains("no longer asks"),
        "module answers are not reported as removed bank questions: {notes}"
    );
    assert_eq!(
        comparison.overall.readiness.delta(),
        Some(0.0),
        "the module's answer is left out of both sides"
    );
    // Same modules on both sides: compared question by question.
    ws.duplicate("health", "again", None, at(2)).unwrap();
    let same = ws.compare("health", "again", today()).unwrap();
    assert!(!same.notes.join(" ").contains("could not be compared"));

    let theirs = ws.export_json("health", at(3)).unwrap();
    let err = ws
        .preview_merge(
            "plain",
            &soc2_readiness::workspace::merge::WorkshopCopy::from_json(theirs.clone().into_bytes()),
            true,
        )
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("the copies use different question modules"),
        "{err}"
    );
}
