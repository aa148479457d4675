//! The people register through the CLI: a leaver's access, training and acknowledgement within their limits, a contractor's agreement, as findings against the answers; export and import.

use serde_json::Value;

use crate::support::Cli;

fn gap<'a>(gaps: &'a Value, question: &str) -> Option<&'a Value> {
    gaps["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["question_id"] == question)
}

#[test]
fn a_leaver_still_holding_access_is_a_live_exposure_until_removal_is_recorded() {
    let cli = Cli::new();
    let id = cli.id(&["new", "People Co", "--report-type", "type1"]);
    cli.ok(&["answer", &id, "access.deprovisioning", "operating"]);
    cli.ok(&["answer", &id, "people.security-training", "operating"]);
    assert!(gap(&cli.json(&["gaps", &id, "--json"]), "access.deprovisioning").is_none());

    let person = cli.id(&[
        "people",
        &id,
        "add",
        "--name",
        "Sam Leaver",
        "--role",
        "Engineer",
        "--kind",
        "employee",
        "--start",
        "2025-01-01",
        "--end",
        "2026-11-01",
        "--training",
        "completed",
        "--trained-on",
        "10 Jan 2025",
        "--policies-acknowledged",
        "2025-01-02",
    ]);
    let gaps = cli.json(&["gaps", &id, "--json"]);
    let leaver = gap(&gaps, "access.deprovisioning").expect("the answer no longer stands");
    assert_eq!(leaver["priority"], "fix_now", "{leaver}");
    assert!(
        gap(&gaps, "people.security-training").is_none(),
        "trained in time"
    );

    // Removal recorded within the limit: the finding goes.
    cli.ok(&[
        "people",
        &id,
        "edit",
        &person,
        "--access-removed",
        "2026-11-02",
    ]);
    assert!(gap(&cli.json(&["gaps", &id, "--json"]), "access.deprovisioning").is_none());

    // A hire never trained, and a contractor without an agreement, are named against their questions.
    cli.ok(&[
        "people",
        &id,
        "add",
        "--name",
        "New Hire",
        "--role",
        "Support",
        "--kind",
        "contractor",
        "--start",
        "2026-01-05",
    ]);
    let gaps = cli.json(&["gaps", &id, "--json"]);
    assert!(gap(&gaps, "people.security-training").is_some());
    let listed = cli
        .json(&["people", &id, "list", "--attention", "--json"])
        .to_string();
    assert!(
        listed.contains("security training not completed within 30 days"),
        "{listed}"
    );
    assert!(
        listed.contains("a contractor with no signed agreement"),
        "{listed}"
    );

    // A bad date is refused by its field, nothing written.
    let out = cli.run(&[
        "people",
        &id,
        "add",
        "--name",
        "X",
        "--role",
        "Y",
        "--kind",
        "employee",
        "--start",
        "31 Feb 2026",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr).unwrap().contains("start"));
    assert_eq!(
        cli.json(&["people", &id, "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // The gap PDF's register summary lists them, with who needs attention.
    let text = cli.pdf_text(&id);
    assert!(text.contains("People"), "the People summary");
    assert!(
        text.contains("security training not completed within 30 days"),
        "New Hire named"
    );

    // The register travels in the export and comes back in an import elsewhere.
    let file = cli.dir.path().join("people.json");
    cli.ok(&["export", &id, file.to_str().unwrap()]);
    let other = Cli::new();
    let copy = other.id(&["import", file.to_str().unwrap()]);
    assert_eq!(
        other
            .json(&["people", &copy, "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn an_hr_export_imports_whole_or_names_every_bad_row_and_writes_nothing() {
    let cli = Cli::new();
    let id = cli.id(&["new", "Csv Co"]);
    let file = cli.dir.path().join("staff.csv");
    let maps = [
        "--map",
        "Employee Name=name",
        "--map",
        "Job Title=role",
        "--map",
        "Type=kind",
        "--map",
        "Start Date=start",
        "--map",
        "Leaving Date=end",
        "--map",
        "Training Date=trained_on",
    ];
    let import = |extra: &[&str]| {
        let mut args = vec!["people", id.as_str(), "import", file.to_str().unwrap()];
        args.extend_from_slice(&maps);
        args.extend_from_slice(extra);
        cli.run(&args)
    };
    std::fs::write(
        &file,
        "\u{feff}Employee Name,Job Title,Type,Start Date,Leaving Date,Training,Training Date\n\
         Ana Kowalska,Engineer,employee,2025-01-06,,completed,2025-01-20\n\
         Sam Lee,Support,employee,31 Feb 2026,,pending,\n\
         \"Lee, Jo\",Design,,2025-03-01,2026-10-30,pending,\n",
    )
    .unwrap();
    let out = import(&["--json"]);
    assert_eq!(out.status.code(), Some(1));
    let done: Value = serde_json::from_slice(&out.stdout).unwrap();
    let problems: Vec<(u64, String)> = done["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["line"].as_u64().unwrap(),
                p["field"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // Sam's day does not exist; Jo's kind is missing. Ana's row is sound but waits with them.
    assert_eq!(
        problems,
        [(3, "start".to_string()), (4, "kind".to_string())],
        "{done}"
    );
    assert_eq!(done["written"], false);
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("nothing was imported")
    );
    assert_eq!(
        cli.json(&["people", &id, "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        0
    );

    std::fs::write(
        &file,
        "Employee Name,Job Title,Type,Start Date,Leaving Date,Training,Training Date\n\
         Ana Kowalska,Engineer,employee,2025-01-06,,completed,2025-01-20\n\
         Sam Lee,Support,employee,28 Feb 2026,,pending,\n\
         \"Lee, Jo\",Design,contractor,2025-03-01,2026-10-30,pending,\n",
    )
    .unwrap();
    assert!(import(&["--dry-run"]).status.success());
    assert_eq!(
        cli.json(&["people", &id, "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        0,
        "a dry run writes nothing"
    );
    let out = import(&[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed = cli.json(&["people", &id, "list", "--json"]);
    assert_eq!(listed.as_array().unwrap().len(), 3);
    assert!(listed.to_string().contains("Lee, Jo"));

    // A comma that shifts the columns, and two headings for one field, are named, not guessed at.
    std::fs::write(
        &file,
        "Employee Name,Job Title,Type,Start Date,Leaving Date,Training Date\nLee, Jo,Design,contractor,2025-03-01,2026-10-30,2025-03-05\n",
    )
    .unwrap();
    let out = import(&["--json"]);
    assert_eq!(out.status.code(), Some(1));
    let done: Value = serde_json::from_slice(&out.stdout).unwrap();
    let shifted = done["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["field"] == "columns");
    assert_eq!(
        shifted.map(|p| p["line"].clone()),
        Some(Value::from(2)),
        "{done}"
    );
    std::fs::write(
        &file,
        "Employee Name,Name,Job Title,Type,Start Date,Leaving Date,Training Date\nA,B,Design,employee,2025-03-01,,\n",
    )
    .unwrap();
    let out = import(&["--json"]);
    let done: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        done["problems"][0]["message"]
            .as_str()
            .unwrap()
            .contains("both"),
        "{done}"
    );
    assert_eq!(
        cli.json(&["people", &id, "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        3,
        "nothing more written"
    );

    // A file saved in another encoding is refused by line, before anything is read as a name.
    std::fs::write(
        &file,
        b"Employee Name,Job Title,Type,Start Date\nJ\xfcrgen,Ops,employee,2025-01-06\n",
    )
    .unwrap();
    let out = import(&[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("line 2 is not UTF-8")
    );
}

#[test]
fn the_same_hr_export_imported_again_updates_the_people_it_names_and_adds_only_new_ones() {
    let cli = Cli::new();
    let id = cli.id(&["new", "Again Co"]);
    let file = cli.dir.path().join("staff.csv");
    let import = |extra: &[&str]| {
        let mut args = vec![
            "people",
            id.as_str(),
            "import",
            file.to_str().unwrap(),
            "--json",
        ];
        args.extend_from_slice(extra);
        let out = cli.run(&args);
        let done: Value = serde_json::from_slice(&out.stdout).unwrap();
        (out.status.code(), done)
    };
    let counts = |done: &Value| {
        (
            done["added"].clone(),
            done["updated"].clone(),
            done["unchanged"].clone(),
        )
    };
    let header = "name,role,kind,start,end,training,trained_on\n";
    std::fs::write(
        &file,
        format!("{header}Ana Kowalska,Engineer,employee,2025-01-06,,completed,2025-01-20\nSam Lee,Support,employee,2026-02-02,,pending,\n"),
    )
    .unwrap();
    let (code, done) = import(&[]);
    assert_eq!(
        (code, counts(&done)),
        (Some(0), (2.into(), 0.into(), 0.into())),
        "{done}"
    );
    // A field the export has no column for is kept when it comes again.
    let listed = cli.json(&["people", &id, "list", "--json"]);
    let ana = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["record"]["name"] == "Ana Kowalska")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    cli.ok(&["people", &id, "edit", &ana, "--device", "MBP-17"]);

    // The same export again: nothing added, nothing changed.
    let (code, done) = import(&[]);
    assert_eq!(
        (code, counts(&done)),
        (Some(0), (0.into(), 0.into(), 2.into())),
        "{done}"
    );
    assert_eq!(
        cli.json(&["people", &id, "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // A month later: Sam has left, Jo has joined, Ana's name is written another way.
    std::fs::write(
        &file,
        format!("{header}ana  KOWALSKA,Engineer,employee,2025-01-06,,completed,2025-01-20\nSam Lee,Support,employee,2026-02-02,2026-11-20,pending,\nJo Park,Design,contractor,2026-11-02,,pending,\n"),
    )
    .unwrap();
    let (code, done) = import(&["--dry-run"]);
    assert_eq!(
        (code, counts(&done)),
        (Some(0), (1.into(), 1.into(), 1.into())),
        "a preview counts what a write would do: {done}"
    );
    let (code, done) = import(&[]);
    assert_eq!(
        (code, counts(&done)),
        (Some(0), (1.into(), 1.into(), 1.into())),
        "{done}"
    );
    let listed = cli.json(&["people", &id, "list", "--json"]);
    let people = listed.as_array().unwrap();
    assert_eq!(people.len(), 3, "{listed}");
    let sam = people
        .iter()
        .find(|p| p["record"]["name"] == "Sam Lee")
        .unwrap();
    assert_eq!(sam["record"]["end"], "2026-11-20");
    let ana_now = people.iter().find(|p| p["id"] == ana.as_str()).unwrap();
    assert_eq!(ana_now["record"]["device"], "MBP-17", "{ana_now}");
    assert_eq!(
        ana_now["record"]["name"], "Ana Kowalska",
        "an unchanged row leaves the name as kept"
    );
    // Sam's change is in his history as an edit.
    let history = cli.ok(&["people", &id, "history", sam["id"].as_str().unwrap()]);
    assert!(history.contains("edited"), "{history}");

    // One person twice in a file, or a change the register refuses, writes nothing.
    std::fs::write(
        &file,
        format!("{header}Jo Park,Design,contractor,2026-11-02,,pending,\nJo  park,Design,contractor,2026-11-02,,pending,\nSam Lee,Support,employee,2026-02-02,2025-01-01,pending,\nNew Person,Ops,employee,2026-11-03,,pending,\n"),
    )
    .unwrap();
    let (code, done) = import(&[]);
    assert_eq!(code, Some(1));
    let problems: Vec<(u64, String)> = done["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["line"].as_u64().unwrap(),
                p["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(problems.len(), 2, "{done}");
    assert_eq!(problems[0].0, 3);
    assert!(
        problems[0].1.contains("the same person as line 2"),
        "{problems:?}"
    );
    assert_eq!(problems[1].0, 4, "{problems:?}");
    assert_eq!(
        cli.json(&["people", &id, "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        3,
        "nothing half-imported"
    );
}

/// A day `n` days before the CLI's today (it reads the real clock).
fn days_ago(n: i64) -> String {
    (chrono::Local::now().date_naive() - chrono::Duration::days(n)).to_string()
}

fn attention_of(cli: &Cli, id: &str) -> String {
    cli.json(&["people", id, "list", "--attention", "--json"])
        .to_string()
}

#[test]
fn the_company_s_own_limits_judge_the_register_and_travel_with_it() {
    let cli = Cli::new();
    let id = cli.id(&["new", "Limits Co"]);
    cli.ok(&["answer", &id, "access.deprovisioning", "operating"]);
    let usual = cli.json(&["people", &id, "limits", "--json"]);
    assert_eq!(usual["set"], false, "{usual}");
    assert_eq!(usual["limits"]["access_removal_days"], 3, "{usual}");

    // Left 20 days ago, access removed 5 days later; started 45 days before that, trained on day 40.
    let (start, trained, end, removed) = (days_ago(65), days_ago(25), days_ago(20), days_ago(15));
    cli.ok(&[
        "people",
        &id,
        "add",
        "--name",
        "Rui Costa",
        "--role",
        "Engineer",
        "--kind",
        "employee",
        "--start",
        &start,
        "--end",
        &end,
        "--access-removed",
        &removed,
        "--training",
        "completed",
        "--trained-on",
        &trained,
        "--policies-acknowledged",
        &start,
    ]);
    let listed = attention_of(&cli, &id);
    assert!(listed.contains("5 days later (the limit is 3)"), "{listed}");
    assert!(
        listed.contains("40 days after starting (the limit is 30)"),
        "{listed}"
    );
    assert!(
        gap(&cli.json(&["gaps", &id, "--json"]), "access.deprovisioning").is_some(),
        "late against the usual limit"
    );

    // The company's own limits: a week to remove access, six weeks to train.
    let set = cli.json(&[
        "people",
        &id,
        "limits",
        "--removal-days",
        "7",
        "--training-days",
        "42",
        "--json",
    ]);
    assert_eq!(set["set"], true, "{set}");
    assert_eq!(set["limits"]["acknowledgement_days"], 30, "kept: {set}");
    assert_eq!(attention_of(&cli, &id), "[]");
    assert!(gap(&cli.json(&["gaps", &id, "--json"]), "access.deprovisioning").is_none());

    // A limit nobody could accept is refused by name, and nothing changes.
    let out = cli.run(&["people", &id, "limits", "--removal-days", "45"]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(said.contains("access_removal_days"), "{said}");
    assert_eq!(
        cli.json(&["people", &id, "limits", "--json"])["limits"]["access_removal_days"],
        7
    );

    // The limits are the organisation's: carried by a rename and by the portable JSON.
    cli.ok(&["rename", &id, "Limits Company"]);
    assert_eq!(
        cli.json(&["people", &id, "limits", "--json"])["limits"]["training_days"],
        42
    );
    let file = cli.dir.path().join("limits.json");
    cli.ok(&["export", &id, file.to_str().unwrap()]);
    let other = Cli::new();
    let copy = other.id(&["import", file.to_str().unwrap()]);
    let carried = other.json(&["people", &copy, "limits", "--json"]);
    assert_eq!(
        (
            carried["set"].clone(),
            carried["limits"]["access_removal_days"].clone()
        ),
        (true.into(), 7.into()),
        "{carried}"
    );
    assert_eq!(attention_of(&other, &copy), "[]");

    // Back to the usual ones: the findings return.
    cli.ok(&["people", &id, "limits", "--usual"]);
    assert!(attention_of(&cli, &id).contains("(the limit is 3)"));
}

#[test]
fn an_acknowledgement_covers_the_versions_in_force_and_a_newer_version_is_named() {
    let cli = Cli::new();
    let id = cli.id(&["new", "Versions Co"]);
    cli.ok(&["answer", &id, "people.policy-acceptance", "operating"]);
    let policy = cli.id(&[
        "policies",
        &id,
        "add",
        "--title",
        "Information Security Policy",
        "--version",
        "1.0",
        "--owner",
        "CTO",
    ]);
    cli.ok(&[
        "policies",
        &id,
        "approve",
        &policy,
        "--version",
        "1.0",
        "--by",
        "CEO",
        "--on",
        &days_ago(300),
    ]);
    let person = cli.id(&[
        "people",
        &id,
        "add",
        "--name",
        "Ana Kowalska",
        "--role",
        "Engineer",
        "--kind",
        "employee",
        "--start",
        &days_ago(290),
        "--training",
        "completed",
        "--trained-on",
        &days_ago(289),
        "--policies-acknowledged",
        &days_ago(289),
    ]);
    assert_eq!(attention_of(&cli, &id), "[]");

    // Version 2 approved 60 days ago: past the 30 days to acknowledge it, Ana has not.
    cli.ok(&[
        "policies",
        &id,
        "approve",
        &policy,
        "--version",
        "2.0",
        "--by",
        "CEO",
        "--on",
        &days_ago(60),
    ]);
    let listed = attention_of(&cli, &id);
    assert!(
        listed.contains("before Information Security Policy 2.0 (approved"),
        "{listed}"
    );
    assert!(
        gap(
            &cli.json(&["gaps", &id, "--json"]),
            "people.policy-acceptance"
        )
        .is_some()
    );
    // With no counts of its own, the policy counts from the people register.
    let policies = cli
        .json(&["policies", &id, "list", "--attention", "--json"])
        .to_string();
    assert!(
        policies.contains(
            "0 of the 1 current staff in the people register have acknowledged version 2.0"
        ),
        "{policies}"
    );
    // The people sheet names the versions the acknowledgement covers.
    let sheet = cli.dir.path().join("people.csv");
    cli.ok(&[
        "spreadsheet",
        &id,
        "-o",
        sheet.to_str().unwrap(),
        "--table",
        "people",
    ]);
    let text = std::fs::read_to_string(&sheet).unwrap();
    assert!(text.contains("Policy versions acknowledged"), "{text}");
    assert!(text.contains("Information Security Policy 1.0"), "{text}");

    // Acknowledged again after version 2: nothing is left to say.
    cli.ok(&[
        "people",
        &id,
        "edit",
        &person,
        "--policies-acknowledged",
        &days_ago(50),
    ]);
    assert_eq!(attention_of(&cli, &id), "[]");
    assert!(
        gap(
            &cli.json(&["gaps", &id, "--json"]),
            "people.policy-acceptance"
        )
        .is_none()
    );
    let text = {
        cli.ok(&[
            "spreadsheet",
            &id,
            "-o",
            sheet.to_str().unwrap(),
            "--table",
            "people",
        ]);
        std::fs::read_to_string(&sheet).unwrap()
    };
    assert!(text.contains("Information Security Policy 2.0"), "{text}");
}
