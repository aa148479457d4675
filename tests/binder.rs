//! The evidence binder through the CLI, opened as an auditor would: every run of the period present with its file, nothing from outside it, each file matching the manifest; populations, approved policies and account exports of the period; refusals that write nothing.

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

use crate::support::{Cli, unzip};

fn text(files: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(files[name].clone()).unwrap_or_else(|_| panic!("{name} is UTF-8"))
}

/// A CSV file of the binder as rows of cells by heading.
fn rows(files: &BTreeMap<String, Vec<u8>>, name: &str) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_reader(&files[name][3..]);
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

struct Programme {
    cli: Cli,
    id: String,
    /// Check ids by what they are.
    checks: BTreeMap<&'static str, String>,
}

/// Records a run and returns its id, as `check` prints it ("Recorded ID: ...").
fn check(cli: &Cli, id: &str, args: &[&str]) -> String {
    let mut all = vec!["check", id];
    all.extend_from_slice(args);
    let out = cli.ok(&all);
    out.strip_prefix("Recorded ")
        .and_then(|rest| rest.split_once(':'))
        .map(|(check, _)| check.to_string())
        .unwrap_or_else(|| panic!("recorded: {out}"))
}

/// A programme with a year of records around the period 2026-01-01 to 2026-09-30: runs before,
/// inside and after it (with files), one withdrawn after the period ended, a control that
/// missed its due dates, hires and leavers in and out, policy versions in and out, account
/// exports in and out.
fn programme() -> Programme {
    let cli = Cli::new();
    let id = cli.id(&["new", "Binder & Co", "--report-type", "type2"]);
    cli.ok(&["answer", &id, "maint.access-reviews", "operating"]);
    cli.ok(&[
        "adopt",
        &id,
        "access-review",
        "--owner",
        "Dana",
        "--start",
        "2026-03-31",
    ]);
    cli.ok(&[
        "adopt",
        &id,
        "restore-test",
        "--owner",
        "Lee",
        "--start",
        "2026-03-31",
    ]);
    let dir = cli.dir.path();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_str().unwrap().to_string()
    };
    let before = write("december.csv", b"before the period");
    let q1 = write("q1 review.csv", b"alice,kept\nbob,removed\n");
    let q2 = write("q2?shot.png", &[0x89, b'P', b'N', b'G', 0, 1, 2, 3]);
    let after = write("october.csv", b"after the period");
    let mut checks = BTreeMap::new();
    let by = ["--by", "Dana"];
    checks.insert(
        "before",
        check(
            &cli,
            &id,
            &[
                "access-review",
                "--date",
                "2025-12-20",
                "--result",
                "pass",
                "--file",
                &before,
                by[0],
                by[1],
            ],
        ),
    );
    checks.insert(
        "q1",
        check(
            &cli,
            &id,
            &[
                "access-review",
                "--date",
                "2026-03-28",
                "--result",
                "pass",
                "--reason",
                "14 accounts, 2 removed",
                "--file",
                &q1,
                by[0],
                by[1],
            ],
        ),
    );
    checks.insert(
        "q2",
        check(
            &cli,
            &id,
            &[
                "access-review",
                "--date",
                "2026-06-29",
                "--result",
                "fail",
                "--reason",
                "3 contractors kept admin",
                "--file",
                &q2,
                by[0],
                by[1],
            ],
        ),
    );
    checks.insert(
        "q3",
        check(
            &cli,
            &id,
            &[
                "access-review",
                "--date",
                "2026-09-30",
                "--result",
                "pass",
                "--reason",
                "all confirmed",
                by[0],
                by[1],
            ],
        ),
    );
    checks.insert(
        "after",
        check(
            &cli,
            &id,
            &[
                "access-review",
                "--date",
                "2026-10-15",
                "--result",
                "pass",
                "--file",
                &after,
                by[0],
                by[1],
            ],
        ),
    );
    checks.insert(
        "first day",
        check(
            &cli,
            &id,
            &[
                "access-review",
                "--date",
                "2026-01-01",
                "--result",
                "pass",
                "--evidence",
                "JAN-1",
                by[0],
                by[1],
            ],
        ),
    );
    checks.insert(
        "not run",
        check(
            &cli,
            &id,
            &[
                "restore-test",
                "--date",
                "2026-06-15",
                "--result",
                "not-run",
                "--reason",
                "backup system being replaced",
                "--by",
                "Lee",
            ],
        ),
    );
    // Adopted after the period: it was not running in it.
    cli.ok(&[
        "adopt",
        &id,
        "vendor-review",
        "--owner",
        "Sam",
        "--start",
        "2026-12-01",
    ]);
    checks.insert(
        "withdrawn",
        check(
            &cli,
            &id,
            &[
                "restore-test",
                "--date",
                "2026-03-15",
                "--result",
                "pass",
                "--evidence",
                "restore log",
                "--by",
                "Lee",
            ],
        ),
    );
    cli.ok(&[
        "void",
        &id,
        &checks["withdrawn"],
        "--reason",
        "restored the wrong system",
        "--by",
        "Lee",
    ]);
    for (name, start, end) in [
        ("Ana Early", "2024-02-01", None),
        ("Ben Hire", "2026-04-01", None),
        ("Cleo Leaver", "2023-05-01", Some("2026-05-31")),
        ("Dev Gone", "2023-05-01", Some("2025-11-30")),
        ("Eve Later", "2026-11-01", None),
        ("Fay After", "2024-03-01", Some("2026-10-31")),
    ] {
        let mut args = vec![
            "people", &id, "add", "--name", name, "--role", "Engineer", "--kind", "employee",
            "--start", start,
        ];
        if let Some(end) = end {
            args.extend(["--end", end, "--access-removed", end]);
        }
        cli.ok(&args);
    }
    let policy = cli.id(&[
        "policies",
        &id,
        "add",
        "--title",
        "Security policy",
        "--version",
        "1",
        "--owner",
        "Dana",
    ]);
    cli.ok(&[
        "policies",
        &id,
        "approve",
        &policy,
        "--version",
        "1",
        "--by",
        "CEO",
        "--on",
        "2025-06-01",
    ]);
    cli.ok(&[
        "policies",
        &id,
        "approve",
        &policy,
        "--version",
        "2",
        "--by",
        "CEO",
        "--on",
        "2026-06-01",
    ]);
    let report = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n\
        <root_account>,arn:aws:iam::1:root,2020-01-01T00:00:00+00:00,not_supported,2026-01-02T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n\
        cleo.leaver,arn:aws:iam::1:user/cleo.leaver,2023-05-01T00:00:00+00:00,true,2026-06-20T00:00:00+00:00,N/A,N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";
    let inside = write("aws-july.csv", report.as_bytes());
    cli.ok(&[
        "accounts",
        &id,
        "import",
        &inside,
        "--taken",
        "2026-07-01",
        "--system",
        "AWS production",
    ]);
    let outside = write(
        "aws-nov.csv",
        report.replace("2026-06-20", "2026-06-21").as_bytes(),
    );
    cli.ok(&[
        "accounts",
        &id,
        "import",
        &outside,
        "--taken",
        "2026-11-01",
        "--system",
        "AWS production",
    ]);
    Programme { cli, id, checks }
}

#[test]
fn the_binder_holds_every_run_of_the_period_with_its_file_and_nothing_from_outside_it() {
    let Programme { cli, id, checks } = programme();
    let zip = cli.dir.path().join("binder.zip");
    let written = cli.json(&[
        "binder",
        &id,
        "--from",
        "2026-01-01",
        "--to",
        "2026-09-30",
        "-o",
        zip.to_str().unwrap(),
        "--json",
    ]);
    let files = unzip(&zip);

    // The manifest names every other file once, with the SHA-256 of its bytes.
    let manifest = text(&files, "MANIFEST.sha256");
    let listed: BTreeMap<&str, &str> = manifest
        .lines()
        .map(|l| {
            let (sum, name) = l.split_once("  ").unwrap();
            (name, sum)
        })
        .collect();
    let others: Vec<&String> = files.keys().filter(|n| *n != "MANIFEST.sha256").collect();
    assert_eq!(listed.len(), others.len(), "{manifest}");
    for name in others {
        let sum: String = Sha256::digest(&files[name])
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(listed[name.as_str()], sum, "{name}");
    }

    // The system description is drafted for the binder's period, not the window of step 1:
    // the policy version approved inside it, the later people not yet there.
    let description = text(&files, "system-description.md");
    assert!(
        description.contains("It describes the system for the period 1 Jan 2026 to 30 Sep 2026."),
        "{description}"
    );
    assert!(description.contains("Security policy, version 2, approved 1 Jun 2026"));
    assert!(files["system-description.docx"].starts_with(b"PK"));
    assert_eq!(written["entries"], files.len());

    // The period's two files, byte for byte, under safe names; the runs before and after it
    // bring none.
    let evidence: Vec<&String> = files
        .keys()
        .filter(|n| n.starts_with("evidence/"))
        .collect();
    assert_eq!(evidence.len(), 2, "{evidence:?}");
    assert!(
        evidence
            .iter()
            .all(|n| !n.contains("..") && n.matches('/').count() == 2),
        "{evidence:?}"
    );
    let q1 = evidence.iter().find(|n| n.contains("2026-03-28")).unwrap();
    assert_eq!(files[q1.as_str()], b"alice,kept\nbob,removed\n");
    assert!(
        evidence
            .iter()
            .any(|n| n.contains("2026-06-29") && n.ends_with("q2_shot.png"))
    );
    assert_eq!(written["evidence_files"], 2);

    // The index: every run in the period by its check id, none outside; the withdrawn run
    // with its withdrawal's reason; the restore test's missed due dates said in place.
    let index = rows(&files, "index.csv");
    let ids: Vec<&str> = index.iter().map(|r| r["Check id"].as_str()).collect();
    for inside in ["first day", "q1", "q2", "q3", "not run", "withdrawn"] {
        assert!(
            ids.contains(&checks[inside].as_str()),
            "{inside} in the index"
        );
    }
    for outside in ["before", "after"] {
        assert!(
            !ids.contains(&checks[outside].as_str()),
            "{outside} left out"
        );
    }
    let withdrawn = index
        .iter()
        .find(|r| r["Check id"] == checks["withdrawn"])
        .unwrap();
    assert_eq!(withdrawn["Result"], "withdrawn");
    assert!(
        withdrawn["Reason"].contains("restored the wrong system"),
        "{withdrawn:?}"
    );
    let missed: std::collections::BTreeSet<&str> = index
        .iter()
        .filter(|r| r["Control id"] == "restore-test" && r["Result"].starts_with("missed"))
        .map(|r| r["Day"].as_str())
        .collect();
    // The due date of June is explained by its "not run" entry, which stands in its place.
    assert_eq!(missed, ["2026-03-31", "2026-09-30"].into());
    assert_eq!(written["missed"], 2);
    let not_run = index
        .iter()
        .find(|r| r["Check id"] == checks["not run"])
        .unwrap();
    assert_eq!(not_run["Result"], "not run");
    // Adopted after the period: not in it, and it covers no criterion.
    assert!(index.iter().all(|r| r["Control id"] != "vendor-review"));
    // Runs appear under each criterion in scope their control serves.
    let q2: Vec<&str> = index
        .iter()
        .filter(|r| r["Check id"] == checks["q2"])
        .map(|r| r["Criterion"].as_str())
        .collect();
    assert!(q2.contains(&"CC6.2") && q2.len() >= 2, "{q2:?}");
    assert!(
        index
            .iter()
            .all(|r| ("2026-01-01".."2026-10-01").contains(&r["Day"].as_str()))
    );

    // The log carries the withdrawal made after the period ended, naming the run it withdraws.
    let log = rows(&files, "check-log.csv");
    assert!(log.iter().any(|r| r["Withdraws"] == checks["withdrawn"]));
    assert!(log.iter().all(|r| r["Check id"] != checks["after"]));

    // The page an auditor opens: what is missing first, every control, links to the files.
    let html = text(&files, "index.html");
    assert!(html.contains("Binder &amp; Co") && !html.contains("Binder & Co"));
    let missing =
        &html[html.find("What is missing").unwrap()..html.find("Criteria in scope").unwrap()];
    assert!(
        missing.contains(
            "Backup restore test: no run recorded for the due dates 2026-03-31, 2026-09-30"
        ) && missing.contains("Backup restore test: recorded as not run on 2026-06-15"),
        "{missing}"
    );
    assert!(html.contains(&format!("href=\"{q1}\"")));

    // Populations and registers as of the period: the hire and the leaver of the period, not
    // those before or after it; the policy version approved in it.
    let names = |name: &str| -> Vec<String> {
        rows(&files, name)
            .iter()
            .map(|r| r["Name"].clone())
            .collect()
    };
    assert_eq!(names("populations/hires.csv"), ["Ben Hire"]);
    assert_eq!(names("populations/leavers.csv"), ["Cleo Leaver"]);
    // A population of one is tested whole.
    assert_eq!(names("populations/hires-sample.csv"), ["Ben Hire"]);
    assert_eq!(names("populations/leavers-sample.csv"), ["Cleo Leaver"]);
    let mut people = names("registers/people.csv");
    people.sort();
    assert_eq!(
        people,
        ["Ana Early", "Ben Hire", "Cleo Leaver", "Fay After"]
    );
    // Fay left after the period: as of its last day she had not.
    let fay = rows(&files, "registers/people.csv")
        .into_iter()
        .find(|r| r["Name"] == "Fay After")
        .unwrap();
    assert_eq!(
        (fay["End"].as_str(), fay["Access removed"].as_str()),
        ("", ""),
        "{fay:?}"
    );
    // The policy in force on the period's last day was version 2; version 3 came later.
    let policy = &rows(&files, "registers/policies.csv")[0];
    assert_eq!(
        (policy["Version"].as_str(), policy["Approved on"].as_str()),
        ("2", "2026-06-01"),
        "{policy:?}"
    );
    let approved = rows(&files, "policies/approved-in-period.csv");
    assert_eq!(approved.len(), 1);
    assert_eq!(
        (
            approved[0]["Version"].as_str(),
            approved[0]["Approved on"].as_str()
        ),
        ("2", "2026-06-01")
    );

    // The account export taken in the period with its hash and what it found; November's is not.
    let imports = rows(&files, "accounts/imports.csv");
    assert_eq!(imports.len(), 1);
    assert_eq!(imports[0]["Taken on"], "2026-07-01");
    assert_eq!(imports[0]["SHA-256"].len(), 64);
    let findings = rows(&files, "accounts/findings.csv");
    assert!(
        findings
            .iter()
            .any(|f| f["Finding"].contains("leaver") && f["Live exposure"] == "yes"),
        "{findings:?}"
    );
    assert!(
        findings.iter().all(|f| !f["Rows"].contains("cleo")),
        "no names unless chosen"
    );

    // The matrix: the adopted control's frequency and its last run inside the period.
    let matrix = rows(&files, "control-matrix.csv");
    let reviews = matrix
        .iter()
        .find(|r| r["Question id"] == "maint.access-reviews")
        .unwrap();
    assert_eq!(
        reviews["Runs as (frequency)"],
        "User access review (quarterly)"
    );
    assert_eq!(
        reviews["Last result"],
        "passed on 2026-09-30 (User access review)"
    );
    assert_eq!(reviews["Owner"], "Dana");
    assert!(
        reviews["Exceptions"].contains("failed on 2026-06-29"),
        "{reviews:?}"
    );
    // Its exceptions are the period's: July's account export, never November's.
    let leavers = matrix
        .iter()
        .find(|r| r["Question id"] == "access.deprovisioning")
        .unwrap();
    assert!(leavers["Exceptions"].contains("1 Jul 2026"), "{leavers:?}");
    assert!(!leavers["Exceptions"].contains("1 Nov 2026"), "{leavers:?}");
    assert!(
        matrix
            .iter()
            .all(|r| !r["Runs as (frequency)"].contains("Vendor review"))
    );
}

#[test]
fn a_period_not_ended_yet_says_so_and_judges_no_later_due_date() {
    let Programme { cli, id, .. } = programme();
    let zip = cli.dir.path().join("open.zip");
    // The CLI's day is the user's own, as the clock reads it.
    let today = chrono::Local::now().date_naive();
    let from = (today - chrono::Duration::days(300)).to_string();
    let to = (today + chrono::Duration::days(40)).to_string();
    cli.ok(&[
        "binder",
        &id,
        "--from",
        &from,
        "--to",
        &to,
        "-o",
        zip.to_str().unwrap(),
    ]);
    let files = unzip(&zip);
    let today = today.to_string();
    assert!(text(&files, "README.txt").contains(&format!(
        "The period has not ended: this binder is as of {today}"
    )));
    assert!(text(&files, "index.html").contains("The period has not ended:"));
    let index = rows(&files, "index.csv");
    assert!(
        index.iter().all(|r| r["Day"] <= today),
        "nothing judged after today"
    );
}

#[test]
fn notes_on_passing_runs_can_be_left_out_and_failures_keep_theirs() {
    let Programme { cli, id, checks } = programme();
    let zip = cli.dir.path().join("quiet.zip");
    cli.ok(&[
        "binder",
        &id,
        "--from",
        "2026-01-01",
        "--to",
        "2026-09-30",
        "-o",
        zip.to_str().unwrap(),
        "--without-notes",
    ]);
    let files = unzip(&zip);
    let index = rows(&files, "index.csv");
    let reason = |which: &str| {
        index
            .iter()
            .find(|r| r["Check id"] == checks[which])
            .unwrap()["Reason"]
            .clone()
    };
    assert_eq!(reason("q1"), "(left out of this binder)");
    assert_eq!(reason("q2"), "3 contractors kept admin");
    assert!(!text(&files, "index.html").contains("14 accounts, 2 removed"));
    assert!(!text(&files, "check-log.csv").contains("14 accounts, 2 removed"));
    assert!(text(&files, "README.txt").contains("notes written on passing runs are left out"));
}

#[test]
fn a_period_that_cannot_be_bound_is_refused_and_nothing_is_written() {
    let Programme { cli, id, .. } = programme();
    let zip = cli.dir.path().join("refused.zip");
    let out = zip.to_str().unwrap();
    let err = cli.fails(
        1,
        &[
            "binder",
            &id,
            "--from",
            "2026-09-30",
            "--to",
            "2026-01-01",
            "-o",
            out,
        ],
    );
    assert!(
        err.contains("the period ends (2026-01-01) before it starts (2026-09-30)"),
        "{err}"
    );
    let err = cli.fails(
        1,
        &[
            "binder",
            &id,
            "--from",
            "2024-01-01",
            "--to",
            "2026-09-30",
            "-o",
            out,
        ],
    );
    assert!(err.contains("longer than two years"), "{err}");
    // No observation start chosen in step 1: the period must be named.
    let err = cli.fails(1, &["binder", &id, "-o", out]);
    assert!(
        err.contains("give the audit period's first and last day"),
        "{err}"
    );
    cli.fails(2, &["binder", &id, "--from", "2026-01-01", "-o", out]);
    assert!(!zip.exists());
    assert!(std::fs::read_dir(cli.dir.path()).unwrap().all(|e| {
        !e.unwrap()
            .file_name()
            .to_string_lossy()
            .ends_with(".partial")
    }));
}

#[test]
fn an_evidence_file_changed_behind_the_apps_back_stops_the_binder_whole() {
    let Programme { cli, id, .. } = programme();
    {
        let db = rusqlite::Connection::open(&cli.db).unwrap();
        db.execute_batch(
            "DROP TRIGGER evidence_files_are_kept_update;
             UPDATE evidence_files SET bytes = CAST('alice,kept\nbob,REMOVED\n' AS BLOB) WHERE name = 'q1 review.csv';",
        )
        .unwrap();
    }
    let zip = cli.dir.path().join("tampered.zip");
    let err = cli.fails(
        1,
        &[
            "binder",
            &id,
            "--from",
            "2026-01-01",
            "--to",
            "2026-09-30",
            "-o",
            zip.to_str().unwrap(),
        ],
    );
    assert!(
        err.contains("q1 review.csv") && err.contains("no longer matches the SHA-256"),
        "{err}"
    );
    assert!(!zip.exists());
    assert!(!cli.dir.path().join("tampered.zip.partial").exists());
}

#[test]
fn the_control_matrix_is_a_table_of_the_spreadsheet_export() {
    let Programme { cli, id, .. } = programme();
    let csv = cli.dir.path().join("matrix.csv");
    let out = cli.ok(&[
        "spreadsheet",
        &id,
        "--table",
        "control-matrix",
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert!(out.contains("control-matrix"), "{out}");
    let bytes = std::fs::read(&csv).unwrap();
    let files = BTreeMap::from([("m".to_string(), bytes)]);
    let matrix = rows(&files, "m");
    // As of today, the latest run counts, whichever period it fell in.
    let reviews = matrix
        .iter()
        .find(|r| r["Question id"] == "maint.access-reviews")
        .unwrap();
    assert_eq!(
        reviews["Last result"],
        "passed on 2026-10-15 (User access review)"
    );
    assert!(
        matrix.iter().all(|r| r["Criterion"].starts_with("CC")),
        "a Security-only scope"
    );
    // Every applicable control question appears under each criterion it serves in scope.
    let criteria: std::collections::BTreeSet<&str> =
        matrix.iter().map(|r| r["Criterion"].as_str()).collect();
    assert!(criteria.len() > 25, "{criteria:?}");
}
