//! Account exports through the CLI: a user report in each supported layout, planted with leavers, shared accounts, admins without MFA and old keys, imported for each kept-aside company; every planted exposure found and ranked "Fix now", nothing else invented; bad files refused whole.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::Cli;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/scenarios")
        .join(name)
}

/// The export was taken on this day; findings are as of it, whatever the clock says.
const TAKEN: &str = "2026-11-30";

const AWS: &str = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated
<root_account>,arn:aws:iam::111:root,2022-01-01T00:00:00+00:00,not_supported,2026-09-01T10:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
ana.ruiz,arn:aws:iam::111:user/ana.ruiz,2024-01-02T00:00:00+00:00,true,2026-11-28T09:00:00+00:00,N/A,N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
ben.okafor,arn:aws:iam::111:user/ben.okafor,2024-01-02T00:00:00+00:00,true,2026-11-20T09:00:00+00:00,N/A,N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
deploy,arn:aws:iam::111:user/deploy,2024-01-02T00:00:00+00:00,false,N/A,N/A,N/A,false,true,2026-01-10T00:00:00+00:00,2026-11-29T00:00:00+00:00,eu-west-1,ecr,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
chen.wu,arn:aws:iam::111:user/chen.wu,2024-01-02T00:00:00+00:00,true,2026-11-29T09:00:00+00:00,N/A,N/A,true,true,2026-11-01T00:00:00+00:00,2026-11-29T00:00:00+00:00,eu-west-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
";

const GOOGLE: &str = "First Name [Required],Last Name [Required],Email Address [Required],Status [READ ONLY],Last Sign In [READ ONLY],2sv Enrollment Status [READ ONLY],Admin Role [READ ONLY]
Ana,Ruiz,ana.ruiz@harbor.test,Active,2026/11/29 10:00:00,Enrolled,Super Admin
Ben,Okafor,ben.okafor@harbor.test,Active,2026/11/02 08:00:00,Enrolled,None
Chen,Wu,chen.wu@harbor.test,Active,2026/11/29 08:00:00,Not Enrolled,Delegated Admin
Ops,Team,ops@harbor.test,Active,2026/11/28 08:00:00,Enrolled,None
Old,Hand,old.hand@harbor.test,Suspended,Never logged in,Not Enrolled,None
";

const ENTRA: &str = "userPrincipalName,displayName,accountEnabled,Is admin,Multifactor authentication capable,lastSignInDateTime
ana@verity.test,Ana Ruiz,True,True,True,2026-11-29T08:00:00Z
ben@verity.test,Ben Okafor,True,False,True,2026-11-25T08:00:00Z
chen@verity.test,Chen Wu,True,False,False,2026-11-29T08:00:00Z
temp.contractor@verity.test,Temp Contractor,True,False,True,2026-06-01T08:00:00Z
gone@verity.test,Gone Person,False,False,False,2025-01-01T08:00:00Z
";

const GITHUB: &str = "login,name,role,2fa_enabled,last_active
aruiz,Ana Ruiz,owner,true,2026-11-29
bokafor,Ben Okafor,member,true,2026-11-10
chenwu,Chen Wu,admin,false,2026-11-29
build-bot,,member,false,2026-11-29
";

const MAPPED: &str = "User,Full name,MFA?,Role admin,Last login,Key age (days)
ana@crumb.test,Ana Ruiz,yes,yes,2026-11-29,30
ben@crumb.test,Ben Okafor,yes,no,2026-11-20,10
shared-admin@crumb.test,Studio Admin,no,yes,2026-11-29,400
chen@crumb.test,Chen Wu,yes,no,2026-11-29,
";

struct Case {
    company: &'static str,
    file: &'static str,
    text: &'static str,
    extra: &'static [&'static str],
    /// (check, account) for every exposure planted, and nothing else.
    planted: &'static [(&'static str, &'static str)],
    /// Questions whose gap the planted exposures make "Fix now".
    fix_now: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        company: "E-lumenform.json",
        file: "credential-report.csv",
        text: AWS,
        extra: &["--system", "AWS production"],
        planted: &[
            ("leaver_active", "ben.okafor"),
            ("shared", "deploy"),
            ("key_old", "deploy"),
        ],
        fix_now: &["access.deprovisioning", "access.unique-accounts"],
    },
    Case {
        company: "F-harbor-payroll.json",
        file: "users.csv",
        text: GOOGLE,
        extra: &[],
        planted: &[
            ("leaver_active", "ben.okafor@harbor.test"),
            ("admin_without_mfa", "chen.wu@harbor.test"),
            ("shared", "ops@harbor.test"),
        ],
        fix_now: &["access.deprovisioning", "access.admin-mfa"],
    },
    Case {
        company: "G-verity-ai.json",
        file: "entra-users.csv",
        text: ENTRA,
        extra: &[],
        planted: &[
            ("leaver_active", "ben@verity.test"),
            ("without_mfa", "chen@verity.test"),
            ("dormant", "temp.contractor@verity.test"),
            ("no_person", "temp.contractor@verity.test"),
        ],
        fix_now: &["access.deprovisioning"],
    },
    Case {
        company: "H-northpeak-it.json",
        file: "github-members.csv",
        text: GITHUB,
        extra: &[],
        planted: &[
            ("leaver_active", "bokafor"),
            ("admin_without_mfa", "chenwu"),
            ("shared", "build-bot"),
            ("without_mfa", "build-bot"),
        ],
        fix_now: &["access.deprovisioning", "access.admin-mfa"],
    },
    Case {
        company: "I-crumb-studio.json",
        file: "vpn-users.csv",
        text: MAPPED,
        extra: &[
            "--system",
            "VPN",
            "--map",
            "User=account",
            "--map",
            "Full name=person",
            "--map",
            "Role admin=admin",
            "--map",
            "Last login=last_sign_in",
            "--map",
            "Key age (days)=key_age",
        ],
        planted: &[
            ("leaver_active", "ben@crumb.test"),
            ("admin_without_mfa", "shared-admin@crumb.test"),
            ("shared", "shared-admin@crumb.test"),
            ("key_old", "shared-admin@crumb.test"),
        ],
        fix_now: &[
            "access.deprovisioning",
            "access.admin-mfa",
            "access.unique-accounts",
        ],
    },
];

/// Three people: Ana and Chen current (both listing the shared `deploy` user), Ben a leaver
/// whose access the register says was removed the next day.
fn add_people(cli: &Cli, id: &str) {
    for (name, end, removed, accounts) in [
        ("Ana Ruiz", None, None, "deploy"),
        ("Ben Okafor", Some("2026-10-01"), Some("2026-10-02"), ""),
        ("Chen Wu", None, None, "deploy"),
    ] {
        let mut args = vec![
            "people",
            id,
            "add",
            "--name",
            name,
            "--role",
            "Engineer",
            "--kind",
            "employee",
            "--start",
            "2024-01-02",
        ];
        if let Some(end) = end {
            args.extend(["--end", end]);
        }
        if let Some(removed) = removed {
            args.extend(["--access-removed", removed]);
        }
        if !accounts.is_empty() {
            args.extend(["--accounts", accounts]);
        }
        cli.ok(&args);
    }
}

/// Writes `text` to `file` and keeps it as the report taken on `taken`.
fn keep_report(cli: &Cli, id: &str, file: &Path, text: &str, taken: &str) {
    std::fs::write(file, text).unwrap();
    cli.ok(&[
        "accounts",
        id,
        "import",
        file.to_str().unwrap(),
        "--taken",
        taken,
    ]);
}

fn gap<'a>(gaps: &'a Value, question: &str) -> Option<&'a Value> {
    gaps["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["question_id"] == question)
}

fn found(view: &Value) -> BTreeSet<(String, String)> {
    view["review"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            f["accounts"].as_array().unwrap().iter().map(|a| {
                (
                    f["check"].as_str().unwrap().to_string(),
                    a["account"].as_str().unwrap().to_string(),
                )
            })
        })
        .collect()
}

#[test]
fn every_planted_exposure_is_found_and_ranked_fix_now_and_nothing_else() {
    for case in CASES {
        let cli = Cli::new();
        let id = cli.id(&["import", fixture(case.company).to_str().unwrap()]);
        add_people(&cli, &id);
        let before = cli.json(&["gaps", &id, "--json"]);
        assert_ne!(
            gap(&before, "access.deprovisioning").map(|g| g["priority"].clone()),
            Some(Value::from("fix_now")),
            "{}: the register alone says Ben's access went the next day",
            case.company
        );
        let file = cli.dir.path().join(case.file);
        std::fs::write(&file, case.text).unwrap();
        let mut args = vec![
            "accounts",
            &id,
            "import",
            file.to_str().unwrap(),
            "--taken",
            TAKEN,
        ];
        args.extend(case.extra.iter().copied());
        cli.ok(&args);

        let view = cli.json(&["accounts", &id, "findings", "--json"]);
        let planted: BTreeSet<(String, String)> = case
            .planted
            .iter()
            .map(|(c, a)| (c.to_string(), a.to_string()))
            .collect();
        assert_eq!(found(&view), planted, "{}", case.company);
        let gaps = cli.json(&["gaps", &id, "--json"]);
        for question in case.fix_now {
            let g = gap(&gaps, question)
                .unwrap_or_else(|| panic!("{}: no gap on {question}", case.company));
            assert_eq!(g["priority"], "fix_now", "{}: {g}", case.company);
            let details: Vec<&str> = g["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["source"] == "accounts")
                .map(|f| f["detail"].as_str().unwrap())
                .collect();
            assert!(
                !details.is_empty(),
                "{}: {question} names the export",
                case.company
            );
            // Reports carry lines, never a sign-in name.
            assert!(
                details
                    .iter()
                    .all(|d| !d.contains("okafor") && d.contains("line")),
                "{details:?}"
            );
        }
    }
}

#[test]
fn a_newer_export_showing_the_fix_clears_the_finding_and_the_old_one_stays_kept() {
    let cli = Cli::new();
    let id = cli.id(&["import", fixture("H-northpeak-it.json").to_str().unwrap()]);
    add_people(&cli, &id);
    let file = cli.dir.path().join("members.csv");
    keep_report(&cli, &id, &file, GITHUB, "2026-11-20");
    let fixed = GITHUB
        .lines()
        .filter(|l| !l.starts_with("bokafor"))
        .collect::<Vec<_>>()
        .join("\n");
    keep_report(&cli, &id, &file, &fixed, TAKEN);
    let view = cli.json(&["accounts", &id, "findings", "--json"]);
    assert!(!found(&view).iter().any(|(c, _)| c == "leaver_active"));
    let imports = view["imports"].as_array().unwrap();
    assert_eq!(imports.len(), 2);
    assert_eq!(imports[0]["checked"], true);
    assert_eq!(imports[1]["checked"], false);
    assert_eq!(imports[0]["sha256"].as_str().unwrap().len(), 64);
    let gaps = cli.json(&["gaps", &id, "--json"]);
    assert_ne!(
        gap(&gaps, "access.deprovisioning").map(|g| g["priority"].clone()),
        Some(Value::from("fix_now"))
    );
}

#[test]
fn an_unknown_layout_or_a_bad_cell_is_refused_whole_and_nothing_is_kept() {
    let cli = Cli::new();
    let id = cli.id(&["new", "Acme", "--report-type", "type1"]);
    let file = cli.dir.path().join("odd.csv");
    std::fs::write(&file, "Username,Two factor\nops,no\n").unwrap();
    let out = cli.run(&["accounts", &id, "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Username, Two factor"), "{stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--map HEADING=FIELD"));

    std::fs::write(
        &file,
        "login,role,2fa_enabled,last_active\na,member,maybe,2026-11-01\nb,member,true,11/03/2026\n",
    )
    .unwrap();
    let out = cli.run(&["accounts", &id, "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("line 2: 2fa_enabled: 'maybe' is not a yes or no"),
        "{stdout}"
    );
    assert!(stdout.contains("line 3: last_active:"), "{stdout}");

    std::fs::write(&file, b"login,name\nj\xfcrgen,J\n").unwrap();
    let err = cli.fails(1, &["accounts", &id, "import", file.to_str().unwrap()]);
    assert!(err.contains("line 2 is not UTF-8"), "{err}");

    // A sound file previewed keeps nothing; a day to come is refused by name.
    std::fs::write(&file, GITHUB).unwrap();
    cli.ok(&[
        "accounts",
        &id,
        "import",
        file.to_str().unwrap(),
        "--dry-run",
    ]);
    let err = cli.fails(
        1,
        &[
            "accounts",
            &id,
            "import",
            file.to_str().unwrap(),
            "--taken",
            "2100-01-01",
        ],
    );
    assert!(err.contains("taken_on"), "{err}");
    assert_eq!(
        cli.json(&["accounts", &id, "list", "--json"]),
        Value::Array(vec![])
    );
}

#[test]
fn the_company_limits_change_what_counts_and_travel_with_the_imports_in_an_export() {
    let cli = Cli::new();
    let id = cli.id(&["import", fixture("E-lumenform.json").to_str().unwrap()]);
    let file = cli.dir.path().join("report.csv");
    keep_report(&cli, &id, &file, AWS, TAKEN);
    let keys = |cli: &Cli, id: &str| {
        found(&cli.json(&["accounts", id, "findings", "--json"]))
            .into_iter()
            .filter(|(c, _)| c == "key_old")
            .count()
    };
    assert_eq!(keys(&cli, &id), 1);
    let err = cli.fails(1, &["accounts", &id, "limits", "--key-rotation-days", "2"]);
    assert!(err.contains("key_rotation_days"), "{err}");
    cli.ok(&["accounts", &id, "limits", "--key-rotation-days", "365"]);
    assert_eq!(keys(&cli, &id), 0, "deploy's key is 324 days old");

    let export = cli.dir.path().join("export.json");
    cli.ok(&["export", &id, export.to_str().unwrap()]);
    let other = Cli::new();
    let copy = other.id(&["import", export.to_str().unwrap()]);
    assert_eq!(
        other
            .json(&["accounts", &copy, "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(keys(&other, &copy), 0, "the limits came with the file");
    // A file from before account imports still imports.
    let old = other.dir.path().join("old.json");
    std::fs::copy(fixture("E-lumenform.json"), &old).unwrap();
    other.id(&["import", old.to_str().unwrap()]);
}

#[test]
fn the_report_names_each_export_by_day_and_hash_and_accounts_only_when_chosen() {
    let cli = Cli::new();
    let id = cli.id(&["import", fixture("E-lumenform.json").to_str().unwrap()]);
    add_people(&cli, &id);
    assert!(
        !cli.pdf_text(&id).contains("Account exports"),
        "none kept, no section"
    );
    let file = cli.dir.path().join("credential-report.csv");
    std::fs::write(&file, AWS).unwrap();
    cli.ok(&[
        "accounts",
        &id,
        "import",
        file.to_str().unwrap(),
        "--taken",
        TAKEN,
        "--system",
        "AWS production",
    ]);
    let sha = cli.json(&["accounts", &id, "list", "--json"])[0]["sha256"]
        .as_str()
        .unwrap()
        .to_string();
    let text = cli.pdf_text(&id);
    assert!(text.contains("Account exports"), "the section");
    assert!(text.contains("30 Nov 2026"));
    assert!(text.contains(&sha[..24]), "the file's hash");
    assert!(text.contains("1 leaver account still active"));
    assert!(
        !text.contains("ben.okafor"),
        "personal data stays in the app"
    );
    cli.ok(&["accounts", &id, "limits", "--names-in-reports", "yes"]);
    assert!(cli.pdf_text(&id).contains("Accounts: ben.okafor"));
}

#[test]
fn the_same_file_twice_is_refused_and_an_old_export_never_takes_a_renamed_companys_imports() {
    let cli = Cli::new();
    let id = cli.id(&["import", fixture("H-northpeak-it.json").to_str().unwrap()]);
    let file = cli.dir.path().join("members.csv");
    keep_report(&cli, &id, &file, GITHUB, TAKEN);
    let out = cli.run(&[
        "accounts",
        &id,
        "import",
        file.to_str().unwrap(),
        "--taken",
        TAKEN,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("already kept for GitHub"));
    assert_eq!(
        cli.json(&["accounts", &id, "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let export = cli.dir.path().join("before-rename.json");
    cli.ok(&["export", &id, export.to_str().unwrap()]);
    cli.ok(&["rename", &id, "Northpeak Group"]);
    let copy = cli.id(&["import", export.to_str().unwrap()]);
    let kept = |who: &str| {
        cli.json(&["accounts", who, "list", "--json"])
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(kept(&id), 1, "the renamed company keeps its import");
    assert_eq!(kept(&copy), 1, "the old name gets a copy of its own");
}

#[test]
fn an_export_showing_mfa_on_everyone_is_the_trust_pages_evidence_and_a_newer_one_without_it_is_not()
{
    let cli = Cli::new();
    let id = cli.id(&["new", "Acme", "--report-type", "type1"]);
    cli.ok(&["answer", &id, "access.sso-mfa", "operating"]);
    cli.ok(&["answer", &id, "access.admin-mfa", "operating"]);
    let basis = |cli: &Cli| {
        let page = cli.json(&["trust", &id, "--json"]);
        page["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["question_id"] == "access.sso-mfa")
            .map(|c| c["basis"].clone())
            .unwrap()
    };
    assert_eq!(basis(&cli), "documented", "the company's word alone");
    let file = cli.dir.path().join("users.csv");
    let enrolled = GOOGLE
        .lines()
        .filter(|l| !l.contains("Not Enrolled") || l.contains("Suspended"))
        .collect::<Vec<_>>()
        .join("\n");
    keep_report(&cli, &id, &file, &enrolled, "2026-11-20");
    let view = cli.json(&["accounts", &id, "findings", "--json"]);
    let evidenced: Vec<&str> = view["review"]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["question_id"].as_str().unwrap())
        .collect();
    assert_eq!(evidenced, ["access.sso-mfa", "access.admin-mfa"]);
    assert_eq!(basis(&cli), "evidenced");
    // A newer export where one admin lacks MFA: the evidence goes, and the finding stands.
    keep_report(&cli, &id, &file, GOOGLE, TAKEN);
    let page = cli.json(&["trust", &id, "--json"]);
    let claim = page["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["question_id"] == "access.admin-mfa")
        .unwrap()
        .clone();
    assert_eq!(claim["published"], false, "{claim}");
}
