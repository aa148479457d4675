//! Populations and their samples through the CLI: hires, leavers and new vendors of a period, the sample proposed, each sampled item's test recorded in the check log (refusals by field), shown in the binder, and a failed one as an exception on the control's questions.

use serde_json::Value;

use crate::support::{Cli, unzip};

fn population<'a>(view: &'a Value, id: &str) -> &'a Value {
    view["populations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["population"] == id)
        .unwrap_or_else(|| panic!("{id} in {view}"))
}

/// A sampled item's test by the auditor, as `check` takes it.
fn test_of<'a>(
    id: &'a str,
    control: &'a str,
    sample: &'a str,
    date: &'a str,
    result: &'a str,
    extra: &[&'a str],
) -> Vec<&'a str> {
    let mut args = vec![
        "check", id, control, "--sample", sample, "--date", date, "--result", result, "--by",
        "Auditor",
    ];
    args.extend_from_slice(extra);
    args
}

fn refused(cli: &Cli, args: &[&str]) -> String {
    let out = cli.run(args);
    // 1 for a refusal by the workspace, 2 for a value the command line cannot read.
    assert!(
        matches!(out.status.code(), Some(1 | 2)),
        "refused: {args:?}"
    );
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn a_sampled_item_s_test_is_kept_in_the_log_shown_in_the_binder_and_a_failure_is_an_exception() {
    let cli = Cli::new();
    let id = cli.id(&["new", "Sample Co", "--report-type", "type2"]);
    cli.ok(&["answer", &id, "scope.observation-start", "2026-01-01"]);
    cli.ok(&["answer", &id, "scope.observation-period", "6-months"]);
    cli.ok(&["answer", &id, "access.deprovisioning", "operating"]);
    // Twenty leavers in the first half of 2026 (a weekly-sized population: a sample of five),
    // one hire, two vendors taken on (one before the period).
    let mut leavers = Vec::new();
    for i in 0..20 {
        let end = format!("2026-{:02}-{:02}", 1 + i % 6, 3 + i);
        leavers.push(cli.id(&[
            "people",
            &id,
            "add",
            "--name",
            &format!("Leaver {i:02}"),
            "--role",
            "Engineer",
            "--kind",
            "employee",
            "--start",
            "2024-01-08",
            "--end",
            &end,
            "--access-removed",
            &end,
            "--training",
            "completed",
            "--trained-on",
            "2024-01-10",
            "--policies-acknowledged",
            "2024-01-09",
        ]));
    }
    cli.ok(&[
        "people",
        &id,
        "add",
        "--name",
        "Hana Hire",
        "--role",
        "Support",
        "--kind",
        "employee",
        "--start",
        "2026-03-02",
    ]);
    let vendor = |name: &str, on: &str| {
        cli.id(&[
            "vendors",
            &id,
            "add",
            "--name",
            name,
            "--service",
            "Hosting",
            "--criticality",
            "high",
            "--owner",
            "Sam",
            "--engaged-on",
            on,
        ])
    };
    let cloud = vendor("Cloudhost", "2026-02-10");
    vendor("Oldmail", "2025-06-01");

    let view = cli.json(&["samples", &id, "--json"]);
    assert_eq!(view["period"]["start"], "2026-01-01", "{view}");
    let left = population(&view, "leavers");
    assert_eq!(
        (left["size"].clone(), left["control_id"].clone()),
        (20.into(), "leaver-check".into())
    );
    let proposed: Vec<&Value> = left["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["proposed"] == true)
        .collect();
    assert_eq!(proposed.len(), 5, "{left}");
    assert_eq!(population(&view, "hires")["size"], 1);
    let vendors = population(&view, "new-vendors");
    assert_eq!(
        vendors["size"], 1,
        "only the vendor taken on in the period: {vendors}"
    );
    assert_eq!(vendors["rows"][0]["item"]["id"], cloud.as_str());
    // The same period proposes the same sample.
    assert_eq!(cli.json(&["samples", &id, "--json"]), view);

    let first = proposed[0]["item"]["id"].as_str().unwrap().to_string();
    let second = proposed[1]["item"]["id"].as_str().unwrap().to_string();
    let sample = |item: &str| format!("leavers:{item}");
    let first_item = sample(&first);
    // The control must be adopted, and be the population's; the item must be in it.
    let said = refused(
        &cli,
        &test_of(&id, "leaver-check", &first_item, "2026-07-02", "pass", &[]),
    );
    assert!(said.contains("adopt it on the calendar first"), "{said}");
    cli.ok(&[
        "adopt",
        &id,
        "leaver-check",
        "--owner",
        "Dana",
        "--start",
        "2026-01-31",
    ]);
    cli.ok(&[
        "adopt",
        &id,
        "access-review",
        "--owner",
        "Dana",
        "--start",
        "2026-03-31",
    ]);
    let said = refused(
        &cli,
        &test_of(&id, "access-review", &first_item, "2026-07-02", "pass", &[]),
    );
    assert!(
        said.contains("is tested by the 'leaver-check' control"),
        "{said}"
    );
    let said = refused(
        &cli,
        &test_of(
            &id,
            "leaver-check",
            "leavers:nosuchid",
            "2026-07-02",
            "pass",
            &[],
        ),
    );
    assert!(
        said.contains("item") && said.contains("no leaver with that id"),
        "{said}"
    );
    let said = refused(
        &cli,
        &test_of(
            &id,
            "leaver-check",
            &first_item,
            "2026-07-02",
            "not-run",
            &["--reason", "x"],
        ),
    );
    assert!(said.contains("passed or failed"), "{said}");
    let said = refused(
        &cli,
        &test_of(&id, "leaver-check", &first_item, "2025-12-01", "pass", &[]),
    );
    assert!(said.contains("date"), "{said}");
    let said = refused(
        &cli,
        &test_of(&id, "leaver-check", "joiners:x", "2026-07-02", "pass", &[]),
    );
    assert!(said.contains("not a population"), "{said}");

    // One passes, one fails with its reason; a test is not a run of the control.
    let calendar_before = cli.json(&["calendar", &id, "--json"]).to_string();
    let short = &first[..6];
    let out = cli.ok(&[
        "check",
        &id,
        "leaver-check",
        "--sample",
        &format!("leavers:{short}"),
        "--date",
        "2026-07-02",
        "--result",
        "pass",
        "--by",
        "Auditor",
        "--evidence",
        "TICKET-1",
    ]);
    assert!(out.contains("sampled leaver Leaver"), "{out}");
    assert_eq!(
        cli.json(&["calendar", &id, "--json"]).to_string(),
        calendar_before,
        "a sampled item's test meets no due date"
    );
    assert!(
        !cli.json(&["gaps", &id, "--json"])
            .to_string()
            .contains("failed its test")
    );
    cli.ok(&[
        "check",
        &id,
        "leaver-check",
        "--sample",
        &sample(&second),
        "--date",
        "2026-07-03",
        "--result",
        "fail",
        "--reason",
        "GitHub access left for 12 days",
        "--by",
        "Auditor",
    ]);
    let gaps = cli.json(&["gaps", &id, "--json"]).to_string();
    assert!(
        gaps.contains("failed its test on 2026-07-03 (GitHub access left for 12 days)"),
        "{gaps}"
    );

    let view = cli.json(&["samples", &id, "--json"]);
    let left = population(&view, "leavers");
    assert_eq!(
        (left["tested"].clone(), left["failed"].clone()),
        (2.into(), 1.into()),
        "{left}"
    );

    // The binder of the period: the sample sheet carries each test, the index lists them.
    let file = cli.dir.path().join("binder.zip");
    cli.ok(&[
        "binder",
        &id,
        "-o",
        file.to_str().unwrap(),
        "--from",
        "2026-01-01",
        "--to",
        "2026-06-30",
    ]);
    let files = unzip(&file);
    let sheet = String::from_utf8(files["populations/leavers-sample.csv"].clone()).unwrap();
    assert!(
        sheet.contains("Tested on") && sheet.contains("TICKET-1"),
        "{sheet}"
    );
    assert!(sheet.contains("GitHub access left for 12 days"), "{sheet}");
    assert_eq!(
        sheet.lines().count(),
        6,
        "the heading and the five proposed: {sheet}"
    );
    let vendors = String::from_utf8(files["populations/new-vendors.csv"].clone()).unwrap();
    assert!(
        vendors.contains("Cloudhost") && !vendors.contains("Oldmail"),
        "{vendors}"
    );
    // Tested after the period: the index lists runs inside it only, so these are not there.
    let index = String::from_utf8(files["index.csv"].clone()).unwrap();
    assert!(!index.contains("test of the sampled"), "{index}");
    let inside = cli.dir.path().join("later.zip");
    cli.ok(&[
        "binder",
        &id,
        "-o",
        inside.to_str().unwrap(),
        "--from",
        "2026-01-01",
        "--to",
        "2026-07-31",
    ]);
    let index = String::from_utf8(unzip(&inside)["index.csv"].clone()).unwrap();
    assert!(index.contains("test of the sampled leaver"), "{index}");

    // Withdrawn, the failure is no longer an exception.
    let checks = cli.json(&["checks", &id, "--json"]);
    let failed = checks
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["result"] == "fail")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    cli.ok(&[
        "void",
        &id,
        &failed,
        "--reason",
        "wrong person",
        "--by",
        "Auditor",
    ]);
    assert!(
        !cli.json(&["gaps", &id, "--json"])
            .to_string()
            .contains("failed its test")
    );
    assert_eq!(
        population(&cli.json(&["samples", &id, "--json"]), "leavers")["failed"],
        0
    );

    // The log with its samples travels in the export.
    let exported = cli.dir.path().join("samples.json");
    cli.ok(&["export", &id, exported.to_str().unwrap()]);
    let other = Cli::new();
    let copy = other.id(&["import", exported.to_str().unwrap()]);
    assert_eq!(
        population(&other.json(&["samples", &copy, "--json"]), "leavers")["tested"],
        1
    );
}
