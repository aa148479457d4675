//! The `soc2-readiness` command line as a user and other tools see it: output, JSON and exit codes.

use std::path::Path;

use crate::support::Cli;

use serde_json::Value;

#[test]
fn bank_json_follows_the_contract() {
    let bank = Cli::new().json(&["bank", "--json"]);
    assert!(bank["version"].is_string());
    let criteria = bank["criteria"].as_array().unwrap();
    assert_eq!(criteria.len(), 61);
    assert!(
        criteria
            .iter()
            .all(|c| c["id"].is_string() && c["category"].is_string() && c["title"].is_string())
    );
    let questions = bank["questions"].as_array().unwrap();
    let kind = |k: &str| questions.iter().filter(|q| q["kind"] == k).count();
    assert!(kind("scoping") >= 15 && kind("control") >= 150);
    let choice = questions
        .iter()
        .find(|q| q["id"] == "scope.report-type")
        .unwrap();
    assert_eq!(choice["choices"][0]["id"], "type1");
    let control = questions
        .iter()
        .find(|q| q["id"] == "access.sso-mfa")
        .unwrap();
    for field in [
        "text",
        "why",
        "good",
        "remediation",
        "effort",
        "weight",
        "key",
        "criteria",
        "step",
    ] {
        assert!(!control[field].is_null(), "control questions carry {field}");
    }
    for id in criteria.iter().map(|c| c["id"].as_str().unwrap()) {
        let covering = questions
            .iter()
            .filter(|q| q["kind"] == "control" && q["applies_when"].is_null())
            .filter(|q| q["criteria"].as_array().unwrap().iter().any(|c| c == id))
            .count();
        assert!(covering >= 2, "{id} covered {covering} times");
    }
}

#[test]
fn a_whole_journey_through_the_cli() {
    let cli = Cli::new();
    assert!(cli.ok(&["list"]).contains("No assessments yet"));
    let id = cli
        .ok(&["new", "Société Générale", "--report-type", "type1"])
        .trim()
        .to_string();
    assert_eq!(id.len(), 12);
    let prefix = &id[..6];

    cli.ok(&[
        "answer",
        prefix,
        "scope.data-kinds",
        "personal,customer-confidential",
    ]);
    cli.ok(&["answer", prefix, "scope.offices", "no"]);
    cli.ok(&[
        "answer",
        prefix,
        "access.sso-mfa",
        "documented",
        "--note",
        "Okta",
        "--owner",
        "Ana",
        "--due",
        "2027-01-15",
        "--evidence",
        "okta.png",
    ]);
    cli.ok(&["answer", prefix, "risk.fraud", "2"]);
    cli.ok(&[
        "answer",
        prefix,
        "risk.fraud-controls",
        "na:no payments handled",
    ]);
    cli.ok(&[
        "scope",
        prefix,
        "availability",
        "in",
        "--reason",
        "SLA in the new enterprise contract",
    ]);

    let shown = cli.ok(&["show", prefix]);
    assert!(shown.contains("Société Générale") && shown.contains("SOC 2 Type I"));
    assert!(shown.contains("does not apply: No office"), "{shown}");
    assert!(shown.contains("overridden: SLA in the new enterprise contract"));

    let score = cli.json(&["score", prefix, "--json"]);
    assert_eq!(score["target_level"], 3);
    let cc33 = score["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "CC3.3")
        .unwrap();
    // One answered question at 2 of 3 and one not applicable: 66.7%.
    assert_eq!(cc33["readiness"], 66.7);
    assert_eq!(cc33["answered"], 2);
    let categories = score["categories"].as_array().unwrap();
    let availability = categories
        .iter()
        .find(|c| c["id"] == "availability")
        .unwrap();
    assert_eq!(availability["in_scope"], true);
    assert_eq!(availability["name"], "Availability");
    let pi = categories
        .iter()
        .find(|c| c["id"] == "processing_integrity")
        .unwrap();
    assert_eq!(pi["in_scope"], false);
    assert!(pi["readiness"].is_null());
    assert!(score["overall"]["readiness"].as_f64().unwrap() > 0.0);
    assert_eq!(score["steps"].as_array().unwrap().len(), 6);

    let gaps = cli.json(&["gaps", prefix, "--json"]);
    let list = gaps["gaps"].as_array().unwrap();
    assert!(
        list.iter().all(|g| g["question_id"] != "access.sso-mfa"),
        "at target, no gap"
    );
    let fraud = list
        .iter()
        .find(|g| g["question_id"] == "risk.fraud")
        .unwrap();
    assert_eq!(
        (
            fraud["current_level"].as_u64(),
            fraud["target_level"].as_u64()
        ),
        (Some(2), Some(3))
    );
    assert!(!gaps["roadmap"]["now"].as_array().unwrap().is_empty());
    assert!(cli.ok(&["gaps", prefix]).contains("Now ("));

    let history = cli.json(&["history", prefix, "--json"]);
    assert_eq!(history.as_array().unwrap().len(), 6);

    let export = cli.db.with_file_name("export.json");
    cli.ok(&["export", prefix, export.to_str().unwrap()]);
    let copy = cli
        .ok(&["import", export.to_str().unwrap()])
        .trim()
        .to_string();
    assert_ne!(copy, id);
    assert_eq!(cli.json(&["score", &copy, "--json"]), score);

    let listed = cli.json(&["list", "--json"]);
    assert_eq!(listed.as_array().unwrap().len(), 2);
    assert!(cli.ok(&["list"]).contains("Société Générale"));

    assert!(cli.fails(1, &["delete", &copy]).contains("--yes"));
    cli.ok(&["delete", &copy, "--yes"]);
    assert_eq!(cli.json(&["list", "--json"]).as_array().unwrap().len(), 1);
}

#[test]
fn errors_exit_1_with_one_clear_line_and_usage_errors_exit_2() {
    let cli = Cli::new();
    let id = cli.ok(&["new", "Acme"]).trim().to_string();
    let cases: &[(&[&str], &str)] = &[
        (
            &["answer", "nope", "access.sso-mfa", "1"],
            "no assessment matches 'nope'",
        ),
        (
            &["answer", &id, "made.up", "1"],
            "unknown question 'made.up'",
        ),
        (
            &["answer", &id, "access.sso-mfa", "7"],
            "takes a maturity level",
        ),
        (
            &["answer", &id, "access.sso-mfa", "na"],
            "needs a justification",
        ),
        (
            &["answer", &id, "scope.target-date", "next week"],
            "a date as 2027-02-28 or 28 Feb 2027",
        ),
        (
            &["answer", &id, "scope.hosting", "aws,mars"],
            "comma-separated choices from",
        ),
        (&["import", "/does/not/exist.json"], "/does/not/exist.json"),
        (
            &["scope", &id, "security", "out", "--reason", "x"],
            "Security is always in scope",
        ),
        (&["scope", &id, "privacy", "in"], "needs a reason"),
        (
            &["answer", &id, "scope.data-kinds", "none-sensitive,personal"],
            "cannot be chosen together",
        ),
        (
            &[
                "answer",
                &id,
                "access.sso-mfa",
                "planned",
                "--exception",
                "half the team",
            ],
            "known exception belongs to a control that is in place",
        ),
    ];
    for (args, expected) in cases {
        let line = cli.fails(1, args);
        assert!(
            line.starts_with("error: ") && line.contains(expected),
            "{args:?}: {line}"
        );
    }
    cli.fails(2, &["frobnicate"]);
    cli.fails(2, &["new"]);
    cli.fails(2, &["new", "Acme", "--report-type", "type3"]);
    cli.fails(
        2,
        &["answer", &id, "access.sso-mfa", "1", "--due", "tomorrow"],
    );
}

#[test]
fn a_damaged_data_file_is_named_and_left_alone() {
    let cli = Cli::new();
    std::fs::write(
        &cli.db,
        b"this is not a database, just some bytes that are long enough",
    )
    .unwrap();
    let before = std::fs::read(&cli.db).unwrap();
    let line = cli.fails(1, &["list"]);
    assert!(line.contains(cli.db.to_str().unwrap()), "{line}");
    assert_eq!(std::fs::read(&cli.db).unwrap(), before);
}

#[test]
fn bank_check_validates_a_folder_and_lists_every_problem() {
    let cli = Cli::new();
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    assert!(
        cli.ok(&["bank", "check", assets.to_str().unwrap()])
            .contains("is valid: 61 criteria")
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("questions")).unwrap();
    std::fs::copy(assets.join("bank.toml"), dir.path().join("bank.toml")).unwrap();
    std::fs::copy(
        assets.join("criteria.toml"),
        dir.path().join("criteria.toml"),
    )
    .unwrap();
    let out = cli.run(&["bank", "check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("criterion CC1.1 is covered by 0 unconditional"),
        "{stderr}"
    );
    assert!(stderr.lines().count() > 61, "every problem is listed");
}

#[test]
fn report_writes_a_pdf_and_refuses_bad_input() {
    let cli = Cli::new();
    let id = cli.ok(&["new", "Zürich Data AG"]).trim().to_string();
    cli.ok(&["answer", &id, "access.sso-mfa", "3"]);
    let out = cli.db.with_file_name("gap analysis.pdf");
    let logo = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/logo.png");
    let printed = cli.ok(&[
        "report",
        &id,
        "--out",
        out.to_str().unwrap(),
        "--page-size",
        "letter",
        "--assessor",
        "Jürgen Weiß",
        "--logo",
        logo.to_str().unwrap(),
    ]);
    assert!(
        printed.starts_with("wrote ") && printed.contains(" pages, "),
        "{printed}"
    );
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    cli.fails(2, &["report", &id, "--out", "x.pdf", "--page-size", "a3"]);
    let line = cli.fails(
        1,
        &[
            "report",
            &id,
            "--out",
            "x.pdf",
            "--logo",
            "/no/such/logo.png",
        ],
    );
    assert!(line.contains("/no/such/logo.png"), "{line}");
    let line = cli.fails(1, &["report", &id, "--out", "/no/such/dir/report.pdf"]);
    assert!(line.contains("/no/such/dir/report.pdf"), "{line}");
}

#[test]
fn a_locked_data_file_is_reported_and_nothing_is_half_saved() {
    let cli = Cli::new();
    let id = cli.ok(&["new", "Acme"]).trim().to_string();
    // Another program holds the write lock, as a second copy of the app mid-write would.
    let holder = rusqlite::Connection::open(&cli.db).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE;").unwrap();
    let line = cli.fails(1, &["answer", &id, "access.sso-mfa", "3"]);
    assert!(line.contains("locked by another program"), "{line}");
    holder.execute_batch("ROLLBACK;").unwrap();
    drop(holder);
    let shown: Value = cli.json(&["show", &id, "--json"]);
    assert!(
        shown["answers"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["question_id"] != "access.sso-mfa")
    );
    cli.ok(&["answer", &id, "access.sso-mfa", "3"]);
}

#[test]
fn exceptions_two_figures_and_the_plan_through_the_cli() {
    let cli = Cli::new();
    let id = cli.ok(&["new", "Kestrel Pay"]).trim().to_string();
    for (question, value) in [
        ("scope.required-categories", "security-only"),
        ("scope.target-date", "2027-10-31"),
        ("scope.observation-period", "6-months"),
        ("scope.company-stage", "11-50"),
    ] {
        cli.ok(&["answer", &id, question, value]);
    }
    let saved = cli.ok(&[
        "answer",
        &id,
        "change.peer-review",
        "operating",
        "--exception",
        "the hotfix path skips review",
    ]);
    assert!(saved.contains("with a known exception"), "{saved}");

    let score = cli.json(&["score", &id, "--json"]);
    let overall = &score["overall"];
    assert!(overall["design"].is_number() && overall["operating"].is_number());
    assert_eq!(
        overall["readiness"], overall["operating"],
        "Type II headline"
    );
    let text = cli.ok(&["score", &id]);
    assert!(text.contains("Design readiness") && text.contains("operating readiness"));

    let gaps = cli.json(&["gaps", &id, "--json"]);
    let review = gaps["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["question_id"] == "change.peer-review")
        .unwrap();
    assert_eq!(review["exception"], "the hotfix path skips review");
    assert_eq!(review["priority"], "high");
    assert!(gaps["top"].as_array().unwrap().len() <= 10);
    // The top ten are the register's first asked gaps; the weakest criteria are their own list.
    let first: Vec<&serde_json::Value> = gaps["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g.get("implied_by").is_none())
        .take(10)
        .map(|g| &g["question_id"])
        .collect();
    let top: Vec<&serde_json::Value> = gaps["top"].as_array().unwrap().iter().collect();
    assert_eq!(top, first);
    assert!(!gaps["weakest"].as_array().unwrap().is_empty());
    let listed = cli.ok(&["gaps", &id]);
    assert!(
        listed.contains("Weakest criterion in each category in scope:"),
        "{listed}"
    );
    assert!(
        listed.contains("Exception: the hotfix path skips review"),
        "{listed}"
    );

    let plan = cli.json(&["plan", &id, "--json"]);
    assert_eq!(plan["target_date"], "2027-10-31");
    assert_eq!(plan["observation_months"], 6);
    assert!(plan["report_date"].is_string() && plan["verdict"].is_string());
    let shown = cli.ok(&["plan", &id]);
    assert!(shown.contains("Observation period starts"), "{shown}");
    assert!(shown.contains("How the dates are worked out"), "{shown}");

    // An empty exception clears it; the history keeps both.
    cli.ok(&[
        "answer",
        &id,
        "change.peer-review",
        "operating",
        "--exception",
        "",
    ]);
    let shown = cli.json(&["show", &id, "--json"]);
    let answer = shown["answers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["question_id"] == "change.peer-review")
        .unwrap();
    assert!(answer.get("exception").is_none_or(|e| e.is_null()));
    let history = cli.json(&["history", &id, "--json"]);
    assert!(
        history
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["exception"] == "the hotfix path skips review")
    );
}

#[test]
fn the_quick_path_through_the_cli() {
    let cli = Cli::new();
    let id = cli.ok(&["new", "Fernleaf Labs", "--depth", "quick"]);
    let id = id.trim();
    cli.ok(&["answer", id, "incident.plan", "planned"]);
    let shown = cli.json(&["show", id, "--json"]);
    assert_eq!(shown["assessment"]["depth"], "quick");
    assert_eq!(shown["implied"]["incident.exercises"], "incident.plan");
    let text = cli.ok(&["show", id]);
    assert!(text.contains("Quick path"), "{text}");
    assert!(text.contains("(implied: incident.plan is not in place; not asked on the quick path)"));
    let listed = cli.json(&["gaps", id, "--json"]);
    let implied: Vec<&str> = shown["implied"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert!(
        listed["top"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| !implied.contains(&t.as_str().unwrap())),
        "the top gaps are the engine's: never an implied one"
    );
    let gaps = cli.ok(&["gaps", id]);
    assert!(
        gaps.contains("Implies 5 more gaps (not asked on the quick path):"),
        "{gaps}"
    );
    let history = cli.ok(&["history", id]);
    assert!(history.contains("(implied by incident.plan)"), "{history}");

    let deepened = cli.ok(&["depth", &id[..6], "full"]);
    assert!(
        deepened.contains("Full depth (0 answers implied"),
        "{deepened}"
    );
    assert!(
        cli.ok(&["history", id])
            .contains("(open again: no longer implied by incident.plan)")
    );
    let refused = cli.run(&["depth", id, "deep"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&refused.stderr)
            .contains("'deep' is not a depth; use quick or full")
    );
}
