//! The trust page through the CLI: every claim checked against the answers and records it stands on, escaping, no way to publish what the evidence does not support, one PDF page.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::Cli;

use serde_json::Value;

/// The trust page's content through `trust ID --json` with `extra` flags.
fn trust_json(cli: &Cli, id: &str, extra: &[&str]) -> Value {
    let mut args = vec!["trust", id, "--json"];
    args.extend_from_slice(extra);
    cli.json(&args)
}

fn file_in(cli: &Cli, name: &str) -> PathBuf {
    cli.dir.path().join(name)
}

fn answer(cli: &Cli, id: &str, question: &str, value: &str) {
    cli.ok(&["answer", id, question, value]);
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/scenarios")
        .join(name)
}

const SCENARIOS: [&str; 5] = [
    "E-lumenform.json",
    "F-harbor-payroll.json",
    "G-verity-ai.json",
    "H-northpeak-it.json",
    "I-crumb-studio.json",
];

fn published(page: &Value) -> Vec<(String, String)> {
    page["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["claims"].as_array().unwrap().clone())
        .map(|c| {
            (
                c["question_id"].as_str().unwrap().to_string(),
                c["basis"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Every claim on each kept-aside company's page, checked against the company's own export,
/// read here independently of the engine: the answer is documented (3) or operating (4), with
/// no exception written against it; a claim said to be "with evidence" is operating.
#[test]
fn every_claim_on_the_scenario_pages_is_supported_by_the_answers() {
    let mut claims_seen = 0;
    let mut held_seen = 0;
    for name in SCENARIOS {
        let cli = Cli::new();
        let id = cli.id(&["import", fixture(name).to_str().unwrap()]);
        let export: Value = serde_json::from_slice(&std::fs::read(fixture(name)).unwrap()).unwrap();
        let answer = |question: &str| {
            export["answers"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["question_id"] == question)
                .cloned()
        };
        let out = file_in(&cli, "out");
        std::fs::create_dir(&out).unwrap();
        let page = trust_json(&cli, &id, &["--out", out.to_str().unwrap()]);
        for (question, basis) in published(&page) {
            let a = answer(&question)
                .unwrap_or_else(|| panic!("{name}: {question} published but not answered"));
            let level = a["value"]["level"]
                .as_u64()
                .unwrap_or_else(|| panic!("{name}: {question} is not a level"));
            assert!(level >= 3, "{name}: {question} published at level {level}");
            assert!(
                a["exception"].is_null() || a.get("exception").is_none(),
                "{name}: {question} published with an exception: {}",
                a["exception"]
            );
            if basis == "evidenced" {
                assert_eq!(level, 4, "{name}: {question} said evidenced at {level}");
                let kept = a["evidence"].as_array().is_some_and(|e| !e.is_empty());
                let checked = export["calendar"].to_string().contains(&question);
                assert!(
                    kept || checked,
                    "{name}: {question} said evidenced with none kept"
                );
            }
            claims_seen += 1;
        }
        // The other way round: every answered claim with an exception or below documented is
        // held back, and says why.
        for choice in page["claims"].as_array().unwrap() {
            let question = choice["question_id"].as_str().unwrap();
            let Some(a) = answer(question) else { continue };
            let weak = a["value"]["level"].as_u64().is_some_and(|l| l < 3)
                || a["exception"].as_str().is_some();
            if weak {
                assert_eq!(choice["published"], false, "{name}: {question}");
                assert!(choice["reason"].as_str().is_some_and(|r| !r.is_empty()));
                held_seen += 1;
            }
        }
        // A company without a SOC 2 report is marked self-assessed on both outputs.
        let held_report = answer("scope.existing-report")
            .is_some_and(|a| a["value"]["choice"].as_str().is_some_and(|c| c != "none"));
        assert_eq!(page["self_assessed"], !held_report, "{name}");
        let html = std::fs::read_to_string(out.join("trust-page.html")).unwrap();
        assert_eq!(html.contains("Self-assessed"), !held_report, "{name}");
        assert_static(&html, name);
        let pdf = std::fs::read(out.join("trust-page.pdf")).unwrap();
        assert_eq!(pdf_pages(&out.join("trust-page.pdf")), 1, "{name}");
        assert!(pdf.starts_with(b"%PDF"));
    }
    // The companies between them make and hold back claims, so both directions were exercised.
    assert!(claims_seen >= 20, "{claims_seen} claims");
    assert!(held_seen >= 40, "{held_seen} held back");
}

/// Nothing in the page can load anything: no script, no stylesheet or image by address, no
/// remote font, and a policy that forbids every fetch.
fn assert_static(html: &str, name: &str) {
    let lower = html.to_lowercase();
    for forbidden in [
        "<script", "<link", "<img", "<iframe", "@import", "url(", " src=", "http://",
    ] {
        assert!(
            !lower.contains(forbidden),
            "{name}: the page contains {forbidden}"
        );
    }
    assert!(lower.contains("content-security-policy\" content=\"default-src 'none'"));
    for (at, _) in lower.match_indices("https://") {
        let before = &lower[..at];
        assert!(
            before.ends_with("<a href=\"") || before.ends_with('>'),
            "{name}: an address outside a link"
        );
    }
}

fn pdf_pages(path: &Path) -> usize {
    let info = Command::new("pdfinfo").arg(path).output().unwrap();
    let text = String::from_utf8(info.stdout).unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

fn operating_company(cli: &Cli, organisation: &str) -> String {
    let id = cli.id(&["new", organisation, "--report-type", "type1"]);
    let bank: Value = serde_json::from_str(&cli.ok(&["bank", "--json"])).unwrap();
    let claims: Vec<String> = bank["questions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["kind"] == "control")
        .map(|q| q["id"].as_str().unwrap().to_string())
        .collect();
    assert!(claims.len() > 100);
    for question in claims {
        answer(cli, &id, &question, "operating");
    }
    id
}

#[test]
fn a_claim_held_by_the_company_comes_off_and_one_the_answers_do_not_support_cannot_be_published() {
    let cli = Cli::new();
    let id = cli.id(&["new", "Small Co", "--report-type", "type1"]);
    answer(&cli, &id, "crypto.at-rest", "operating");
    answer(&cli, &id, "crypto.in-transit", "informal");
    let page = trust_json(&cli, &id, &[]);
    let claims = published(&page);
    // "Operating" alone is the company's word: documented, until evidence is kept.
    assert!(claims.contains(&("crypto.at-rest".into(), "documented".into())));
    assert!(!claims.iter().any(|(q, _)| q == "crypto.in-transit"));
    cli.ok(&[
        "answer",
        &id,
        "crypto.at-rest",
        "operating",
        "--evidence",
        "drive://kms-config.pdf",
    ]);
    let claims = published(&trust_json(&cli, &id, &[]));
    assert!(claims.contains(&("crypto.at-rest".into(), "evidenced".into())));

    // Backups said to be encrypted rest on encryption at rest too: while that is informal, the
    // backups claim stays off, saying why.
    answer(&cli, &id, "continuity.backups", "operating");
    assert!(
        published(&trust_json(&cli, &id, &[]))
            .iter()
            .any(|(q, _)| q == "continuity.backups")
    );
    answer(&cli, &id, "crypto.at-rest", "informal");
    let page = trust_json(&cli, &id, &[]);
    assert!(
        !published(&page)
            .iter()
            .any(|(q, _)| q == "continuity.backups")
    );
    let backups = page["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["question_id"] == "continuity.backups")
        .unwrap();
    assert!(
        backups["reason"]
            .as_str()
            .unwrap()
            .contains("encryption of customer data at rest"),
        "{backups}"
    );
    answer(&cli, &id, "crypto.at-rest", "operating");
    cli.ok(&["unanswer", &id, "continuity.backups"]);

    let page = trust_json(
        &cli,
        &id,
        &["--hold", "crypto.at-rest", "--publish", "crypto.in-transit"],
    );
    assert!(published(&page).is_empty(), "{:?}", published(&page));
    let held: Vec<&Value> = page["held_back"].as_array().unwrap().iter().collect();
    let at_rest = held
        .iter()
        .find(|h| h["item"].as_str().unwrap().contains("at rest"))
        .unwrap();
    assert_eq!(at_rest["chosen"], true);
    let in_transit = held
        .iter()
        .find(|h| h["item"].as_str().unwrap().contains("in transit"))
        .unwrap();
    assert_eq!(in_transit["chosen"], false);
    assert!(
        in_transit["reason"]
            .as_str()
            .unwrap()
            .contains("In place, informal")
    );

    // The choice is kept, and undone by --publish.
    assert!(published(&trust_json(&cli, &id, &[])).is_empty());
    let page = trust_json(&cli, &id, &["--publish", "crypto.at-rest"]);
    assert_eq!(published(&page).len(), 1);

    // A recorded exception takes a claim off, naming the exception.
    cli.ok(&[
        "answer",
        &id,
        "crypto.at-rest",
        "operating",
        "--exception",
        "the old reporting database is not encrypted",
    ]);
    let page = trust_json(&cli, &id, &[]);
    assert!(published(&page).is_empty());
    assert!(
        page["held_back"]
            .to_string()
            .contains("the old reporting database is not encrypted")
    );
}

#[test]
fn a_failed_check_in_the_observation_window_takes_the_claim_off() {
    let cli = Cli::new();
    let id = cli.id(&["new", "Checked Co", "--report-type", "type2"]);
    answer(&cli, &id, "scope.observation-start", "2026-06-01");
    answer(&cli, &id, "maint.restore-tests", "operating");
    answer(&cli, &id, "continuity.backups", "operating");
    let before = published(&trust_json(&cli, &id, &[]));
    assert!(
        before.iter().any(|(q, _)| q == "maint.restore-tests"),
        "{before:?}"
    );
    cli.ok(&[
        "adopt",
        &id,
        "restore-test",
        "--owner",
        "Ops",
        "--start",
        "2026-07-01",
    ]);
    cli.ok(&[
        "check",
        &id,
        "restore-test",
        "--date",
        "2026-07-02",
        "--result",
        "fail",
        "--reason",
        "the restore stopped half way",
        "--by",
        "Ops",
    ]);
    let page = trust_json(&cli, &id, &[]);
    // The period the company started is said to be under way.
    let status = page["status"].as_str().unwrap();
    assert!(
        status == "SOC 2 Type II observation period under way since 1 Jun 2026",
        "{status}"
    );
    // No date while the plan rests on its assumptions: who does the work, and no auditor yet.
    let undated = page["held_back"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["item"] == "The expected report date")
        .unwrap();
    assert!(
        undated["reason"]
            .as_str()
            .unwrap()
            .contains("no auditor is engaged"),
        "{undated}"
    );
    let after = published(&page);
    assert!(
        !after.iter().any(|(q, _)| q == "maint.restore-tests"),
        "{after:?}"
    );
    let reason = page["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["question_id"] == "maint.restore-tests")
        .unwrap()["reason"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(reason.starts_with("the records show"), "{reason}");
}

#[test]
fn company_text_is_escaped_and_the_contact_is_checked() {
    let cli = Cli::new();
    let org = r#"<script>alert(1)</script> & "Quote" Co"#;
    let id = cli.id(&["new", org, "--report-type", "type1"]);
    answer(&cli, &id, "crypto.at-rest", "documented");
    cli.ok(&[
        "vendors",
        &id,
        "add",
        "--name",
        "<b>Bold</b> & Sons",
        "--service",
        "Hosting 'eu'",
        "--criticality",
        "high",
        "--owner",
        "CTO",
        "--personal_data",
        "yes",
        "--location",
        "مملكة البحرين",
    ]);
    cli.ok(&[
        "policies",
        &id,
        "add",
        "--title",
        "Security <policy>",
        "--version",
        "1",
        "--owner",
        "CTO",
        "--approved-by",
        "CEO",
        "--approved-on",
        "2026-01-05",
    ]);

    let refused = cli.run(&["trust", &id, "--contact", "javascript:alert(1)"]);
    assert_eq!(refused.status.code(), Some(1));
    let message = String::from_utf8(refused.stderr).unwrap();
    assert!(message.starts_with("error: contact: "), "{message}");
    let page = trust_json(&cli, &id, &[]);
    assert!(
        page["contact"].is_null(),
        "nothing kept from a refused change"
    );

    let html_path = file_in(&cli, "page.html");
    let page = trust_json(
        &cli,
        &id,
        &[
            "--contact",
            "security@example.com",
            "--uptime",
            "99.9% <monthly>",
            "--html",
            html_path.to_str().unwrap(),
        ],
    );
    // No uptime commitment in the answers: the figure is held back, not published.
    assert!(page["uptime"].is_null());
    assert!(page["held_back"].to_string().contains("Uptime commitment"));
    let html = std::fs::read_to_string(&html_path).unwrap();
    assert!(!html.contains("<script>alert"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Quote&quot; Co"));
    assert!(html.contains("&lt;b&gt;Bold&lt;/b&gt; &amp; Sons"));
    assert!(html.contains("Hosting &#39;eu&#39;"));
    assert!(html.contains("<td dir=\"auto\">مملكة البحرين</td>"));
    assert!(html.contains("Security &lt;policy&gt;"));
    assert!(html.contains("<a href=\"mailto:security@example.com\">security@example.com</a>"));
    assert_static(&html, "escaping");

    answer(&cli, &id, "scope.sla", "yes");
    answer(&cli, &id, "scope.sla-kind", "uptime");
    let page = trust_json(&cli, &id, &[]);
    assert_eq!(page["uptime"], "99.9% <monthly>");
}

#[test]
fn a_long_page_stays_on_one_pdf_page_and_says_what_it_left_for_the_web_page() {
    let cli = Cli::new();
    let id = operating_company(&cli, "Everything Ltd");
    for i in 0..60 {
        cli.ok(&[
            "vendors",
            &id,
            "add",
            "--name",
            &format!("Vendor number {i:02} with a long trading name"),
            "--service",
            "Processing of customer records for the analytics product",
            "--criticality",
            "low",
            "--owner",
            "CTO",
            "--personal_data",
            "yes",
            "--location",
            "United States",
        ]);
    }
    let pdf = file_in(&cli, "long.pdf");
    let page = trust_json(&cli, &id, &["--pdf", pdf.to_str().unwrap()]);
    assert!(published(&page).len() >= 30, "{}", page["held_back"]);
    assert_eq!(pdf_pages(&pdf), 1);
    let text = Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("more items are on the web page"), "{text}");
    assert!(text.contains("Everything Ltd: security overview"));
    assert!(text.contains("SELF-ASSESSED"));

    // A name at the length limit still leaves every word on the page, above its bottom margin.
    let long = format!("Everything {} Ltd", "Holdings ".repeat(30).trim_end());
    cli.ok(&["rename", &id, &long]);
    trust_json(&cli, &id, &["--pdf", pdf.to_str().unwrap()]);
    assert_eq!(pdf_pages(&pdf), 1);
    let boxes = Command::new("pdftotext")
        .args(["-bbox", pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let boxes = String::from_utf8(boxes.stdout).unwrap();
    let page_height: f32 = boxes
        .split("<page width=")
        .nth(1)
        .unwrap()
        .split("height=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let lowest = boxes
        .lines()
        .filter_map(|l| l.split("yMax=\"").nth(1))
        .map(|v| v.split('"').next().unwrap().parse::<f32>().unwrap())
        .fold(0.0_f32, f32::max);
    // 10 mm is about 28 points.
    assert!(
        lowest < page_height - 28.0,
        "a word at {lowest} of {page_height} points"
    );
}

#[test]
fn the_choices_travel_in_an_export_and_a_bad_one_refuses_the_import_by_name() {
    let cli = Cli::new();
    let id = cli.id(&["new", "Travel Co", "--report-type", "type1"]);
    answer(&cli, &id, "crypto.at-rest", "operating");
    trust_json(
        &cli,
        &id,
        &[
            "--contact",
            "https://travel.example/security",
            "--hold",
            "crypto.at-rest",
        ],
    );
    // A renamed organisation keeps what it chose to hold back.
    cli.ok(&["rename", &id, "Travel Company Ltd"]);
    let renamed = trust_json(&cli, &id, &[]);
    assert_eq!(renamed["contact"], "https://travel.example/security");
    assert!(
        published(&renamed).is_empty(),
        "still held after the rename"
    );
    let file = file_in(&cli, "travel.json");
    cli.ok(&["export", &id, file.to_str().unwrap()]);

    let other = Cli::new();
    let copy = other.id(&["import", file.to_str().unwrap()]);
    let page = trust_json(&other, &copy, &[]);
    assert_eq!(page["contact"], "https://travel.example/security");
    assert!(published(&page).is_empty(), "the held claim stays held");

    // A file whose choices would not pass the app's own checks is refused whole, naming them.
    let mut json: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    json["trust_page"]["contact"] = "javascript:alert(1)".into();
    let bad = file_in(&cli, "bad.json");
    std::fs::write(&bad, serde_json::to_vec(&json).unwrap()).unwrap();
    let fresh = Cli::new();
    let out = fresh.run(&["import", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let message = String::from_utf8(out.stderr).unwrap();
    assert!(message.contains("trust_page.contact"), "{message}");
    assert!(
        fresh.ok(&["list", "--json"]).contains("[]"),
        "nothing imported"
    );
}
