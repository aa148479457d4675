//! The system description through the CLI: each of the five companies' drafts checked against their own answers (every statement sourced, every source one they gave), records filling sections in, the company's versions kept and flagged when the facts move, DOCX and Markdown read back by other tools, and the versions carried by an export.

use serde_json::Value;
use std::collections::BTreeMap;

use crate::support::{Cli, bank, unzip};

const SCENARIOS: [&str; 5] = [
    "E-lumenform",
    "F-harbor-payroll",
    "G-verity-ai",
    "H-northpeak-it",
    "I-crumb-studio",
];

const SECTIONS: [&str; 13] = [
    "services",
    "commitments",
    "infrastructure",
    "software",
    "people",
    "procedures",
    "data",
    "boundaries",
    "subservice",
    "user-entity-controls",
    "incidents",
    "changes",
    "criteria",
];

fn fixture(name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/scenarios/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A section as `description --json` shows it: its draft, the company's text, its versions.
fn described<'a>(description: &'a Value, id: &str) -> &'a Value {
    description["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["draft"]["id"] == id)
        .unwrap_or_else(|| panic!("section {id}"))
}

/// A section's drafted blocks.
fn section<'a>(description: &'a Value, id: &str) -> &'a Vec<Value> {
    described(description, id)["draft"]["blocks"]
        .as_array()
        .unwrap()
}

fn block_text(block: &Value) -> String {
    block["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect::<Vec<_>>()
        .join(" ")
}

fn section_text(description: &Value, id: &str) -> String {
    section(description, id)
        .iter()
        .map(block_text)
        .collect::<Vec<_>>()
        .join("\n")
}

fn missing(description: &Value, id: &str) -> Vec<String> {
    section(description, id)
        .iter()
        .filter(|b| b["kind"] == "missing")
        .map(block_text)
        .collect()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn label(question: &str, choice: &str) -> String {
    let bank = bank();
    bank.question(question)
        .unwrap()
        .choices
        .iter()
        .find(|c| c.id == choice)
        .unwrap()
        .label
        .clone()
}

#[test]
fn each_company_gets_a_description_of_its_own_facts_with_every_statement_sourced() {
    for name in SCENARIOS {
        let company = fixture(name);
        let cli = Cli::new();
        let path = format!(
            "{}/tests/fixtures/scenarios/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let id = cli.id(&["import", &path]);
        let description = cli.json(&["description", &id, "--json"]);
        let answers: BTreeMap<String, &Value> = company["answers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| (a["question_id"].as_str().unwrap().to_string(), a))
            .collect();
        let ids: Vec<&str> = description["sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["draft"]["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, SECTIONS, "{name}");

        // Every statement names its source, and every source is an answer (or note) the
        // company gave; only a lead-in to a list, whose items carry their own, has none.
        for s in description["sections"].as_array().unwrap() {
            for block in s["draft"]["blocks"].as_array().unwrap() {
                if block["kind"] == "missing" {
                    continue;
                }
                for sentence in block["sentences"].as_array().unwrap() {
                    let text = sentence["text"].as_str().unwrap();
                    let sources = sentence["sources"].as_array().unwrap();
                    assert!(
                        !sources.is_empty() || text.ends_with(':'),
                        "{name}: no source for {text:?}"
                    );
                    for source in sources {
                        let reference = source["reference"].as_str().unwrap();
                        match source["kind"].as_str().unwrap() {
                            "answer" => assert!(
                                answers.contains_key(reference),
                                "{name}: {text:?} cites {reference}, which was not answered"
                            ),
                            "note" => assert!(
                                answers[reference]["note"]
                                    .as_str()
                                    .is_some_and(|n| text.contains(&one_line(n))),
                                "{name}: {text:?} does not quote the note on {reference}"
                            ),
                            "scope" => {}
                            // A statement about a whole register (none recorded in it).
                            "register" => assert!(!reference.contains('/'), "{name}: {reference}"),
                            other => panic!("{name}: no {other} records in the fixture"),
                        }
                    }
                }
            }
        }

        let value = |q: &str| &answers[q]["value"];
        let services = section_text(&description, "services");
        assert!(
            services.contains(&one_line(value("scope.products")["text"].as_str().unwrap())),
            "{name}: {services}"
        );
        let organisation = company["assessment"]["organisation"].as_str().unwrap();
        assert!(services.contains(organisation), "{name}");
        match value("scope.report-type")["choice"].as_str().unwrap() {
            "type1" => assert!(services.contains("SOC 2 Type I report"), "{name}"),
            _ => {
                let start = value("scope.observation-start")["date"].as_str().unwrap();
                let start = chrono::NaiveDate::parse_from_str(start, "%Y-%m-%d").unwrap();
                assert!(
                    services.contains(&format!(
                        "SOC 2 Type II report on the period {}",
                        start.format("%-d %b %Y")
                    )),
                    "{name}: {services}"
                );
            }
        }
        let infrastructure = section_text(&description, "infrastructure");
        for hosting in value("scope.hosting")["choices"].as_array().unwrap() {
            let hosting = label("scope.hosting", hosting.as_str().unwrap());
            assert!(infrastructure.contains(&hosting), "{name}: {hosting}");
        }
        let data = section_text(&description, "data");
        for kind in value("scope.data-kinds")["choices"].as_array().unwrap() {
            let kind = label("scope.data-kinds", kind.as_str().unwrap());
            assert!(data.contains(&kind), "{name}: {kind}");
        }
        // Only what is inside the boundary is named: an environment not chosen may not exist.
        assert!(!section_text(&description, "boundaries").contains("Outside it"));
        // The company's notes stand beside the draft to be reworded, never as its statements.
        for s in description["sections"].as_array().unwrap() {
            for block in s["draft"]["blocks"].as_array().unwrap() {
                let cites_note = block["sentences"][0]["sources"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|source| source["kind"] == "note");
                assert_eq!(cites_note, block["kind"] == "note", "{name}: {block}");
            }
        }

        // The fixtures hold no register entries: what the registers would give is asked for
        // where it belongs, never made up.
        for (id, words) in [
            ("software", "vendor register"),
            ("people", "Registers, People"),
            ("procedures", "Registers, Policies"),
            ("procedures", "Calendar"),
            ("changes", "significant change"),
            ("incidents", "incident register is empty"),
        ] {
            assert!(
                missing(&description, id).iter().any(|m| m.contains(words)),
                "{name}: {id} should ask for {words}"
            );
        }
        if value("scope.subservice-orgs")["yes_no"] == true {
            assert!(
                missing(&description, "subservice")
                    .iter()
                    .any(|m| m.contains("not yet in the vendor register")),
                "{name}"
            );
            assert!(section_text(&description, "subservice").contains(&one_line(
                value("scope.subservice-list")["text"].as_str().unwrap()
            )));
        }
        // The criteria named are exactly those in scope.
        let score = cli.json(&["score", &id, "--json"]);
        let in_scope: Vec<String> = score["criteria"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["in_scope"] == true)
            .map(|c| c["id"].as_str().unwrap().to_string())
            .collect();
        let criteria = section_text(&description, "criteria");
        assert!(criteria.starts_with(&format!("{} criteria are in scope", in_scope.len())));
        for criterion in &in_scope {
            assert!(
                criteria.contains(&format!("{criterion} "))
                    || criteria.contains(&format!("{criterion},"))
                    || criteria.contains(&format!("{criterion}:")),
                "{name}: {criterion} missing from {criteria}"
            );
        }
    }
}

/// A company with its records kept: vendors, a person, an approved policy, an incident and an
/// adopted control.
fn recorded() -> (Cli, String) {
    let cli = Cli::new();
    let id = cli.id(&[
        "new",
        "Acme <Cloud> & \"Co\" שלום",
        "--report-type",
        "type1",
    ]);
    for (q, v) in [
        ("scope.products", "The Acme invoicing API"),
        ("scope.hosting", "aws"),
        ("scope.subservice-orgs", "yes"),
        ("scope.data-kinds", "customer-confidential,personal"),
    ] {
        cli.ok(&["answer", &id, q, v]);
    }
    cli.ok(&[
        "vendors",
        &id,
        "add",
        "--name",
        "Amazon Web Services",
        "--service",
        "hosting",
        "--criticality",
        "critical",
        "--owner",
        "CTO",
        "--subservice",
        "carve_out",
        "--report",
        "soc2_type2",
        "--report_period_end",
        "2026-09-30",
    ]);
    cli.ok(&[
        "vendors",
        &id,
        "add",
        "--name",
        "Linear",
        "--service",
        "issue tracking",
        "--criticality",
        "low",
        "--owner",
        "CTO",
    ]);
    cli.ok(&[
        "people",
        &id,
        "add",
        "--name",
        "Dana",
        "--role",
        "CTO",
        "--kind",
        "employee",
        "--start",
        "2024-01-01",
    ]);
    let policy = cli.id(&[
        "policies",
        &id,
        "add",
        "--title",
        "Security policy",
        "--version",
        "2",
        "--owner",
        "Dana",
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
    cli.ok(&[
        "incidents",
        &id,
        "add",
        "--title",
        "Leaked key",
        "--detected-on",
        "2026-08-03",
        "--severity",
        "high",
        "--what-happened",
        "a deploy key was pushed to a public repo",
        "--owner",
        "Dana",
    ]);
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
    (cli, id)
}

#[test]
fn the_records_fill_the_sections_they_belong_to_each_entry_cited() {
    let (cli, id) = recorded();
    let description = cli.json(&["description", &id, "--json"]);
    let sources = |section_id: &str| -> Vec<String> {
        section(&description, section_id)
            .iter()
            .flat_map(|b| b["sentences"].as_array().unwrap().iter())
            .flat_map(|s| s["sources"].as_array().unwrap().iter())
            .map(|s| s["reference"].as_str().unwrap().to_string())
            .collect()
    };
    let subservice = section_text(&description, "subservice");
    assert!(
        subservice.contains("Amazon Web Services: hosting; carved out")
            && subservice.contains("a SOC 2 Type II report, its period ending 30 Sep 2026"),
        "{subservice}"
    );
    assert!(
        sources("subservice")
            .iter()
            .any(|s| s.starts_with("vendors/"))
    );
    assert!(
        !missing(&description, "subservice")
            .iter()
            .any(|m| m.contains("add your cloud provider"))
    );
    assert!(section_text(&description, "software").contains("Linear: issue tracking"));
    assert!(!section_text(&description, "software").contains("Amazon Web Services"));
    assert!(
        section_text(&description, "boundaries")
            .contains("The controls of Amazon Web Services are outside the boundary")
    );
    let people = section_text(&description, "people");
    assert!(
        people.contains("lists 1 employee and 0 contractors"),
        "{people}"
    );
    let procedures = section_text(&description, "procedures");
    assert!(
        procedures.contains("Security policy, version 2, approved 1 Jun 2026"),
        "{procedures}"
    );
    assert!(procedures.contains("by Dana"), "{procedures}");
    assert!(sources("procedures").contains(&"access-review".to_string()));
    let incidents = section_text(&description, "incidents");
    assert!(
        incidents.contains("Leaked key (high, detected 3 Aug 2026)"),
        "{incidents}"
    );
    assert!(incidents.contains("not yet resolved"));
    assert!(
        sources("incidents")
            .iter()
            .any(|s| s.starts_with("incidents/"))
    );
    assert!(section_text(&description, "changes").contains("Security policy, version 2"));
}

#[test]
fn the_company_text_is_kept_in_versions_and_flagged_when_its_facts_change() {
    let (cli, id) = recorded();
    let dir = cli.dir.path();
    let ours = dir.join("services.txt");
    std::fs::write(
        &ours,
        "Acme runs an invoicing API for small firms.\r\n\r\n- It is sold by subscription.\n",
    )
    .unwrap();
    let ours = ours.to_str().unwrap();
    assert!(
        cli.ok(&[
            "description",
            &id,
            "--section",
            "services",
            "--text-file",
            ours
        ])
        .contains("saved services as version 1")
    );
    // The same text again adds no version.
    assert!(
        cli.ok(&[
            "description",
            &id,
            "--section",
            "services",
            "--text-file",
            ours
        ])
        .contains("version 1")
    );
    let description = cli.json(&["description", &id, "--json"]);
    let services = described(&description, "services");
    assert_eq!(
        services["edited"]["text"],
        "Acme runs an invoicing API for small firms.\n\n- It is sold by subscription."
    );
    assert_eq!(services["facts_changed"], false);

    // A fact behind the draft changes: the company's text stays, flagged.
    cli.ok(&[
        "answer",
        &id,
        "scope.products",
        "The Acme invoicing API and its mobile app",
    ]);
    let description = cli.json(&["description", &id, "--json"]);
    let services = described(&description, "services");
    assert_eq!(services["facts_changed"], true);
    assert!(
        cli.ok(&["description", &id])
            .contains("the answers or records behind it changed since it was saved")
    );

    // Refusals name the field and keep what was there.
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, " \n\n").unwrap();
    let refused_file = |file: &std::path::Path| {
        cli.fails(
            1,
            &[
                "description",
                &id,
                "--section",
                "services",
                "--text-file",
                file.to_str().unwrap(),
            ],
        )
    };
    let refused = refused_file(&empty);
    assert!(refused.contains("text"), "{refused}");
    let binary = dir.join("binary.txt");
    std::fs::write(&binary, [0x66, 0xff, 0xfe]).unwrap();
    let refused = refused_file(&binary);
    assert!(refused.contains("not UTF-8"), "{refused}");
    let refused = cli.fails(2, &["description", &id, "--section", "nope", "--draft"]);
    assert!(refused.contains("user-entity-controls"), "{refused}");

    cli.ok(&["description", &id, "--section", "services", "--draft"]);
    let history = cli.json(&[
        "description",
        &id,
        "--section",
        "services",
        "--history",
        "--json",
    ]);
    let versions: Vec<(u64, bool)> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["version"].as_u64().unwrap(), v["text"].is_string()))
        .collect();
    assert_eq!(versions, vec![(1, true), (2, false)]);
    let description = cli.json(&["description", &id, "--json"]);
    let services = described(&description, "services");
    assert!(services["edited"].is_null());

    // The gap-analysis PDF carries it as its last appendix only when asked.
    assert!(!cli.pdf_text(&id).contains("Appendix D: System description"));
    let pdf = dir.join("with.pdf");
    cli.ok(&[
        "report",
        &id,
        "--out",
        pdf.to_str().unwrap(),
        "--with-description",
    ]);
    let text = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("Appendix D: System description"), "{text}");
    assert!(text.contains("Missing: Name any significant change"));
    assert!(text.contains("Subservice organisations and the controls expected of them"));

    // The versions are the organisation's: an export carries them into another data file.
    cli.ok(&[
        "description",
        &id,
        "--section",
        "changes",
        "--text-file",
        ours,
    ]);
    let file = dir.join("acme.json");
    cli.ok(&["export", &id, file.to_str().unwrap()]);
    let other = Cli::new();
    let copy = other.id(&["import", file.to_str().unwrap()]);
    let history = other.json(&[
        "description",
        &copy,
        "--section",
        "services",
        "--history",
        "--json",
    ]);
    assert_eq!(history.as_array().unwrap().len(), 2);
    let changes = other.json(&[
        "description",
        &copy,
        "--section",
        "changes",
        "--history",
        "--json",
    ]);
    assert_eq!(
        changes[0]["text"],
        "Acme runs an invoicing API for small firms.\n\n- It is sold by subscription."
    );
}

#[test]
fn docx_and_markdown_hold_the_facts_escaped_and_other_tools_read_them() {
    let (cli, id) = recorded();
    let dir = cli.dir.path();
    let docx = dir.join("description.docx");
    let written = cli.json(&["description", &id, "-o", docx.to_str().unwrap(), "--json"]);
    assert_eq!(written["format"], "docx");
    assert_eq!(written["sections"], 13);
    let parts = unzip(&docx);
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
        "word/_rels/document.xml.rels",
        "docProps/core.xml",
    ] {
        assert!(parts.contains_key(part), "{part}");
    }
    let document = String::from_utf8(parts["word/document.xml"].clone()).unwrap();
    assert!(document.contains("Acme &lt;Cloud&gt; &amp; &quot;Co&quot; שלום"));
    assert!(!document.contains("<Cloud>"));
    // Every part is well-formed XML, read by Python's own parser.
    let out = std::process::Command::new("python3")
        .args(["-c", "import sys, zipfile, xml.dom.minidom as m\nz = zipfile.ZipFile(sys.argv[1])\nfor n in z.namelist(): m.parseString(z.read(n))\nprint('ok')", docx.to_str().unwrap()])
        .output()
        .expect("python3 reads the DOCX parts");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let md = dir.join("description.md");
    cli.ok(&["description", &id, "-o", md.to_str().unwrap()]);
    let markdown = std::fs::read_to_string(&md).unwrap();
    assert!(
        markdown.starts_with("# System description: Acme &lt;Cloud&gt; &amp; \"Co\" שלום\n"),
        "{markdown}"
    );
    assert!(markdown.contains("## 9. Subservice organisations"));
    assert!(markdown.contains("[^1]: "), "sources as footnotes");
    assert!(markdown.contains("> **Missing:** "));
    let clean = dir.join("clean.md");
    cli.ok(&[
        "description",
        &id,
        "-o",
        clean.to_str().unwrap(),
        "--without-sources",
    ]);
    let clean = std::fs::read_to_string(&clean).unwrap();
    assert!(!clean.contains("[^"), "no source markers in the clean copy");
    assert!(!clean.contains("Where each statement comes from"));

    // The company's notes stand in the working copy, marked, and stay out of the clean one;
    // a control in place with a known exception is named by its exception, not as absent.
    cli.ok(&[
        "answer",
        &id,
        "scope.hosting",
        "aws",
        "--note",
        "Guess: the old EU account is still live",
    ]);
    cli.ok(&[
        "answer",
        &id,
        "audit.user-entity-controls",
        "documented",
        "--exception",
        "not yet in the enterprise onboarding guide",
    ]);
    cli.ok(&["description", &id, "-o", md.to_str().unwrap()]);
    let working = std::fs::read_to_string(&md).unwrap();
    assert!(
        working.contains(
            "> _Your note, to reword for the report:_ Guess: the old EU account is still live"
        ),
        "{working}"
    );
    assert!(working.contains("Controls customers must run themselves: in place, with a known exception (not yet in the enterprise onboarding guide)"), "{working}");
    let clean = dir.join("clean.md");
    cli.ok(&[
        "description",
        &id,
        "-o",
        clean.to_str().unwrap(),
        "--without-sources",
    ]);
    assert!(
        !std::fs::read_to_string(&clean)
            .unwrap()
            .contains("old EU account")
    );

    // A name that says no format is refused before anything is written.
    let txt = dir.join("description.txt");
    let refused = cli.fails(1, &["description", &id, "-o", txt.to_str().unwrap()]);
    assert!(refused.contains(".docx or .md"), "{refused}");
    assert!(!txt.exists());
    cli.ok(&[
        "description",
        &id,
        "-o",
        txt.to_str().unwrap(),
        "--format",
        "md",
    ]);
    assert!(
        std::fs::read_to_string(&txt)
            .unwrap()
            .starts_with("# System description")
    );

    // An independent DOCX library and LibreOffice read it (CI installs both).
    if std::env::var_os("SOC2_SLOW_TESTS").is_some() {
        // Debian's own interpreter: python3-docx is its package.
        let out = std::process::Command::new("/usr/bin/python3")
            .args(["-c", "import sys, docx\nd = docx.Document(sys.argv[1])\nprint('\\n'.join(p.style.name + '|' + p.text for p in d.paragraphs))", docx.to_str().unwrap()])
            .output()
            .expect("python3-docx");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let read = String::from_utf8(out.stdout).unwrap();
        assert!(
            read.contains("Title|System description: Acme <Cloud> & \"Co\" שלום"),
            "{read}"
        );
        assert!(
            read.contains(
                "Heading 1|9. Subservice organisations and the controls expected of them"
            ),
            "{read}"
        );
        assert!(
            read.contains("List Bullet|Amazon Web Services: hosting; carved out"),
            "{read}"
        );
        let pdf_dir = dir.join("pdf");
        let out = std::process::Command::new("soffice")
            .args([
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                pdf_dir.to_str().unwrap(),
                docx.to_str().unwrap(),
            ])
            .env("HOME", dir)
            .output()
            .expect("LibreOffice (soffice) converts the DOCX");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let pdf = pdf_dir.join("description.pdf");
        let text = std::process::Command::new("pdftotext")
            .args([pdf.to_str().unwrap(), "-"])
            .output()
            .unwrap();
        let text = String::from_utf8(text.stdout).unwrap();
        assert!(text.contains("Subservice organisations"), "{text}");
    }
}
