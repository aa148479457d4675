//! The change register through the CLI: a pull-request export imported with its timestamps (each the user's own day; midday, so any zone reads the same day here), each change judged (no approval, approved by its author, after release, an emergency without its review, untested) against change management's answers, the period's changes as a population with its sample and tests, the binder's sheets, and the export round trip.

use serde_json::Value;

use crate::support::{Cli, unzip};

const EXPORT: &str = "\
Number,Title,Repository,Author,Approved by,Approved at,Merged at,Checks,Label
101,Add audit log export,api,ben,cara,2026-02-02T12:00:00Z,2026-02-03T12:00:00Z,yes,normal
102,Bump dependencies,api,ben,,,2026-02-10T12:00:00Z,yes,normal
103,Fix login loop,web,dan,dan,2026-03-01T12:00:00Z,2026-03-01T12:00:00Z,yes,normal
104,Stop the queue flood,api,cara,ben,2026-03-20T12:00:00Z,2026-03-09T12:00:00Z,yes,emergency
105,Feature flag cleanup,web,ed,cara,2026-04-02T12:00:00Z,2026-04-01T12:00:00Z,no,normal
";

const MAP: [&str; 14] = [
    "--map",
    "Number=reference",
    "--map",
    "Repository=system",
    "--map",
    "Approved by=approved_by",
    "--map",
    "Approved at=approved_on",
    "--map",
    "Merged at=released_on",
    "--map",
    "Checks=tested",
    "--map",
    "Label=kind",
];

fn import(cli: &Cli, id: &str, file: &std::path::Path, extra: &[&str]) -> Value {
    let mut args = vec!["changes", id, "import", file.to_str().unwrap()];
    args.extend(MAP);
    args.extend(extra);
    args.push("--json");
    cli.json(&args)
}

fn attention(cli: &Cli, id: &str) -> Vec<(String, Vec<String>)> {
    let list = cli.json(&["changes", id, "list", "--json"]);
    let mut out: Vec<(String, Vec<String>)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            let codes = item["attention"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["code"].as_str().unwrap().to_string())
                .collect();
            let entry = &item["record"];
            let name = format!(
                "{} {}",
                entry["system"].as_str().unwrap_or(""),
                entry["reference"].as_str().unwrap()
            );
            (name, codes)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_pull_request_export_is_judged_change_by_change_and_counts_against_change_management() {
    let cli = Cli::new();
    let id = cli.id(&["new", "Change Co", "--report-type", "type2"]);
    cli.ok(&["answer", &id, "change.peer-review", "operating"]);
    cli.ok(&["answer", &id, "change.emergency", "operating"]);
    cli.ok(&["answer", &id, "change.automated-testing", "operating"]);
    let file = cli.dir.path().join("pulls.csv");
    std::fs::write(&file, EXPORT).unwrap();
    let before = cli.json(&["score", &id, "--json"])["overall"]["readiness"]
        .as_f64()
        .unwrap();

    let preview = import(&cli, &id, &file, &["--dry-run"]);
    assert_eq!(
        (preview["written"].clone(), preview["added"].clone()),
        (false.into(), 5.into()),
        "{preview}"
    );
    assert!(cli.json(&["changes", &id, "list", "--json"]) == Value::Array(vec![]));
    let done = import(&cli, &id, &file, &[]);
    assert_eq!(done["written"], true, "{done}");
    assert_eq!(
        attention(&cli, &id),
        [
            ("api 101".to_string(), vec![]),
            ("api 102".to_string(), vec!["not_approved".to_string()]),
            (
                "api 104".to_string(),
                vec!["emergency_reviewed_late".to_string()]
            ),
            ("web 103".to_string(), vec!["self_approved".to_string()]),
            (
                "web 105".to_string(),
                vec![
                    "approved_after_release".to_string(),
                    "not_tested".to_string()
                ]
            ),
        ]
    );
    // The same export again changes nothing; the same number in another repository is another change.
    let again = import(&cli, &id, &file, &[]);
    assert_eq!(
        (again["added"].clone(), again["unchanged"].clone()),
        (0.into(), 5.into()),
        "{again}"
    );

    // Each finding lands on the answer it contradicts, named by the change.
    let gaps = cli.json(&["gaps", &id, "--json"]).to_string();
    for said in [
        "Change '103': approved by its own author, dan",
        "Change '102': released on 10 Feb 2026 with no approval recorded",
        "Change '104': an emergency change released on 9 Mar 2026, reviewed on 20 Mar 2026, after 11 Mar 2026 (2 working days)",
        "Change '105': released on 1 Apr 2026 without its automated tests passing",
    ] {
        assert!(gaps.contains(said), "{said} in {gaps}");
    }
    let readiness = |cli: &Cli| {
        cli.json(&["score", &id, "--json"])["overall"]["readiness"]
            .as_f64()
            .unwrap()
    };
    assert!(readiness(&cli) < before, "{} < {before}", readiness(&cli));

    // A blank cell is not "no": an export that does not say whether the tests ran says nothing
    // against them.
    let blank = cli.dir.path().join("blank.csv");
    std::fs::write(
        &blank,
        "Number,Title,Repository,Author,Approved by,Approved at,Merged at,Checks,Label\n\
         106,Copy edits,web,ed,cara,2026-04-04T12:00:00Z,2026-04-05T12:00:00Z,,\n",
    )
    .unwrap();
    import(&cli, &id, &blank, &[]);
    assert!(
        attention(&cli, &id).contains(&("web 106".to_string(), vec![])),
        "{:?}",
        attention(&cli, &id)
    );

    // A bad row is named by line and field, and nothing of the file is written.
    let bad = cli.dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        format!("{EXPORT}106,Later,api,ben,cara,,2099-01-01T00:00:00Z,maybe,normal\n"),
    )
    .unwrap();
    let mut args = vec!["changes", id.as_str(), "import", bad.to_str().unwrap()];
    args.extend(MAP);
    let out = cli.run(&args);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains("line 7: tested: 'maybe' is not yes or no"),
        "{said}"
    );
    assert!(said.contains("nothing was imported"), "{said}");
    assert_eq!(
        cli.json(&["changes", &id, "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        6
    );
}

#[test]
fn the_period_s_changes_are_a_population_sampled_tested_and_handed_to_the_auditor() {
    let cli = Cli::new();
    let id = cli.id(&["new", "Sampled Change Co", "--report-type", "type2"]);
    let file = cli.dir.path().join("pulls.csv");
    std::fs::write(&file, EXPORT).unwrap();
    import(&cli, &id, &file, &[]);
    let view = cli.json(&[
        "samples",
        &id,
        "--from",
        "2026-02-01",
        "--to",
        "2026-03-31",
        "--json",
    ]);
    let changes = view["populations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["population"] == "changes")
        .unwrap()
        .clone();
    assert_eq!(changes["control_id"], "change-sampling");
    assert_eq!(changes["size"], 4, "April's change is outside: {changes}");
    let labels: Vec<&str> = changes["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["item"]["label"].as_str().unwrap())
        .collect();
    let in_period = [
        "api 101: Add audit log export",
        "api 102: Bump dependencies",
        "web 103: Fix login loop",
        "api 104: Stop the queue flood",
    ];
    assert!(
        !labels.is_empty() && labels.iter().all(|l| in_period.contains(l)),
        "{labels:?}"
    );
    let item = changes["rows"][0]["item"]["id"]
        .as_str()
        .unwrap()
        .to_string();

    cli.ok(&[
        "adopt",
        &id,
        "change-sampling",
        "--owner",
        "Dana",
        "--start",
        "2026-03-31",
    ]);
    let said = cli.fails(
        1,
        &[
            "check",
            &id,
            "change-sampling",
            "--sample",
            "changes:nosuch",
            "--date",
            "2026-04-02",
            "--result",
            "pass",
            "--by",
            "Auditor",
        ],
    );
    assert!(
        said.contains("no change with that id in the changes register"),
        "{said}"
    );
    cli.ok(&[
        "check",
        &id,
        "change-sampling",
        "--sample",
        &format!("changes:{item}"),
        "--date",
        "2026-04-02",
        "--result",
        "fail",
        "--reason",
        "no approval on the pull request",
        "--by",
        "Auditor",
    ]);

    let zip = cli.dir.path().join("binder.zip");
    cli.ok(&[
        "binder",
        &id,
        "-o",
        zip.to_str().unwrap(),
        "--from",
        "2026-02-01",
        "--to",
        "2026-03-31",
    ]);
    let files = unzip(&zip);
    let text = |name: &str| {
        String::from_utf8(
            files
                .get(name)
                .unwrap_or_else(|| panic!("{name} in {:?}", files.keys()))
                .clone(),
        )
        .unwrap()
    };
    let register = text("registers/changes.csv");
    assert!(register.contains("Add audit log export"), "{register}");
    assert!(
        !register.contains("Feature flag cleanup"),
        "a change released after the period is not the period's: {register}"
    );
    assert_eq!(text("populations/changes.csv").lines().count(), 5);
    let sample = text("populations/changes-sample.csv");
    assert!(
        sample.contains("no approval on the pull request"),
        "{sample}"
    );

    // The register and the tests travel with an export.
    let exported = cli.dir.path().join("out.json");
    cli.ok(&["export", &id, exported.to_str().unwrap()]);
    let other = Cli::new();
    let copy = other.id(&["import", exported.to_str().unwrap()]);
    assert_eq!(attention(&other, &copy), attention(&cli, &id));
}
