//! The registers' rules through their public functions: fields from text, dates, caps, attention, lists and findings.

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::catalog::bundled_bank;

/// The codes of what an entry judged alone needs.
fn judged<T: RegisterRecord>(record: &T, today: NaiveDate) -> Vec<String> {
    let attention = record.attention(&Judging::alone(today));
    attention.into_iter().map(|a| a.code).collect()
}

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2026-11-27";

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(f, v)| (f.to_string(), v.to_string()))
        .collect()
}

fn vendor(extra: &[(&str, &str)]) -> Result<Vendor, RecordError> {
    let mut given = pairs(&[
        ("name", "Cloudhost"),
        ("service", "hosting"),
        ("criticality", "critical"),
        ("owner", "Sam"),
    ]);
    given.extend(pairs(extra));
    let v: Vendor = from_fields(&given)?;
    check(&v, d(TODAY))?;
    Ok(v)
}

fn entry<T>(id: &str, record: T) -> Entry<T> {
    Entry {
        id: id.into(),
        created_at: DateTime::<Utc>::UNIX_EPOCH,
        updated_at: DateTime::<Utc>::UNIX_EPOCH,
        archived_at: None,
        record,
    }
}

#[test]
fn errors_name_the_field_a_person_must_fix() {
    let missing: Result<Vendor, _> = from_fields(&pairs(&[("name", "X"), ("service", "y")]));
    assert_eq!(missing.unwrap_err().field, "criticality");
    let bad_date = vendor(&[("next-review", "2027-13-01")]).unwrap_err();
    assert_eq!(bad_date.field, "next_review");
    assert!(bad_date.message.contains("28 Feb 2027"), "{bad_date}");
    let unknown = vendor(&[("colour", "red")]).unwrap_err();
    assert_eq!(unknown.field, "colour");
    assert!(
        unknown.message.contains("criticality"),
        "lists the fields: {unknown}"
    );
    let choice = vendor(&[("criticality", "huge")]).unwrap_err();
    assert!(
        choice.message.contains("critical, high, medium, low"),
        "{choice}"
    );
}

#[test]
fn dates_keep_their_order_and_the_past_stays_past() {
    let future = vendor(&[("last_review", "2027-01-01")]).unwrap_err();
    assert_eq!(future.field, "last_review");
    let before =
        vendor(&[("last_review", "2026-06-01"), ("next_review", "2026-05-01")]).unwrap_err();
    assert_eq!(before.field, "next_review");
    // A next review in the future is what it is for.
    vendor(&[("last_review", "2026-06-01"), ("next_review", "2027-06-01")]).unwrap();

    let mut policy: Policy = from_fields(&pairs(&[
        ("title", "Security"),
        ("version", "1.0"),
        ("owner", "CISO"),
        ("approved_by", "Board"),
        ("approved_on", "2026-03-01"),
        ("next_review", "2026-02-01"),
    ]))
    .unwrap();
    assert_eq!(check(&policy, d(TODAY)).unwrap_err().field, "next_review");
    policy.next_review = None;
    policy.approved_by = None;
    assert_eq!(check(&policy, d(TODAY)).unwrap_err().field, "approved_by");

    let incident: Incident = from_fields(&pairs(&[
        ("title", "Leaked key"),
        ("detected_on", "2026-10-01"),
        ("severity", "high"),
        ("what_happened", "a key in a public repository"),
        ("owner", "Ana"),
        ("resolved_on", "2026-10-03"),
    ]))
    .unwrap();
    assert_eq!(
        check(&incident, d(TODAY)).unwrap_err().field,
        "contained_on"
    );
    let early = set_fields(&incident, &pairs(&[("contained_on", "2026-09-30")])).unwrap();
    assert_eq!(check(&early, d(TODAY)).unwrap_err().field, "contained_on");
}

#[test]
fn large_text_is_capped_with_a_message() {
    let long = "x".repeat(fields::SHORT_TEXT + 1);
    let error = vendor(&[("owner", long.as_str())]).unwrap_err();
    assert_eq!(error.field, "owner");
    assert!(error.message.contains("keep it to 200"), "{error}");
}

#[test]
fn a_vendor_shows_what_a_consultant_would_raise() {
    let today = d(TODAY);
    let bare = vendor(&[("personal_data", "yes"), ("subservice", "carve-out")]).unwrap();
    assert_eq!(
        judged(&bare, today),
        [
            "never_reviewed",
            "no_report",
            "no_breach_notice",
            "no_dpa",
            "no_confidentiality"
        ]
    );
    let stale = vendor(&[
        ("report", "soc2_type2"),
        ("report_period_end", "2025-09-30"),
        ("last_review", "2025-11-01"),
    ])
    .unwrap();
    assert_eq!(
        judged(&stale, today),
        ["review_overdue", "report_stale", "no_confidentiality"]
    );
    let gap = vendor(&[
        ("report", "soc2_type2"),
        ("report_period_end", "2026-06-30"),
        ("report_exceptions", "yes"),
        ("subservice", "inclusive"),
        ("confidentiality_clause", "yes"),
        ("next_review", "2027-01-01"),
    ])
    .unwrap();
    assert_eq!(
        judged(&gap, today),
        ["no_bridge_letter", "subservice_exceptions"]
    );
    let bridged = set_fields(
        &gap,
        &pairs(&[
            ("bridge_letter_to", "2026-12-31"),
            ("report_exceptions", "no"),
        ]),
    )
    .unwrap();
    assert!(judged(&bridged, today).is_empty());
}

#[test]
fn policies_keep_each_approved_version() {
    let today = d(TODAY);
    let draft: Policy = from_fields(&pairs(&[
        ("title", "Access"),
        ("version", "0.9"),
        ("owner", "IT"),
    ]))
    .unwrap();
    assert_eq!(judged(&draft, today), ["never_approved"]);
    let first = approve(&draft, "1.0", "Board", d("2025-06-01"), today).unwrap();
    let second = approve(&first, "1.1", "CEO", d("2026-06-01"), today).unwrap();
    assert_eq!(second.versions.len(), 2);
    assert_eq!(second.version, "1.1");
    assert_eq!(judged(&first, today), ["review_overdue"]);
    assert!(judged(&second, today).is_empty());
    let backwards = approve(&second, "1.2", "CEO", d("2026-01-01"), today).unwrap_err();
    assert_eq!(backwards.field, "approved_on");
    let ahead = approve(&second, "1.2", "CEO", d("2027-01-01"), today).unwrap_err();
    assert_eq!(ahead.field, "approved_on");
    let low = set_fields(&second, &pairs(&[("staff", "100"), ("acknowledged", "94")])).unwrap();
    assert_eq!(judged(&low, today), ["low_acknowledgement"]);
    let over = set_fields(&second, &pairs(&[("staff", "10"), ("acknowledged", "11")])).unwrap();
    assert_eq!(check(&over, today).unwrap_err().field, "acknowledged");
}

fn incident(extra: &[(&str, &str)]) -> Incident {
    let mut given = pairs(&[
        ("title", "Phishing"),
        ("detected_on", "2026-11-01"),
        ("severity", "high"),
        ("what_happened", "a staff mailbox was taken over"),
        ("owner", "Ana"),
    ]);
    given.extend(pairs(extra));
    let i: Incident = from_fields(&given).unwrap();
    check(&i, d(TODAY)).unwrap();
    i
}

#[test]
fn incidents_walk_detect_contain_resolve_improve() {
    let today = d(TODAY);
    let open = incident(&[("notification_deadline", "2026-11-04")]);
    assert_eq!(open.stage(), incident::Stage::Detected);
    assert_eq!(
        judged(&open, today),
        ["notification_missed", "open_too_long"]
    );
    let near = incident(&[
        ("detected_on", "2026-11-26"),
        ("notification_deadline", "2026-11-29"),
    ]);
    assert_eq!(judged(&near, today), ["notification_due"]);
    let resolved = incident(&[
        ("contained_on", "2026-11-02"),
        ("resolved_on", "2026-11-05"),
    ]);
    assert_eq!(resolved.stage(), incident::Stage::Resolved);
    assert_eq!(judged(&resolved, today), ["no_review"]);
    let improved = set_fields(&resolved, &pairs(&[("reviewed_on", "2026-11-10")])).unwrap();
    assert_eq!(improved.stage(), incident::Stage::Improved);
    assert!(judged(&improved, today).is_empty());
}

fn risk(extra: &[(&str, &str)]) -> Risk {
    let mut given = pairs(&[
        ("threat", "Ransomware"),
        ("likelihood", "4"),
        ("impact", "5"),
        ("treatment", "mitigate"),
        ("owner", "CTO"),
        ("last_review", "2026-01-10"),
    ]);
    given.extend(pairs(extra));
    from_fields(&given).unwrap()
}

#[test]
fn risks_show_reviews_acceptance_and_links() {
    let today = d(TODAY);
    assert_eq!(judged(&risk(&[]), today), ["no_linked_control"]);
    assert_eq!(
        judged(&risk(&[("treatment", "accept")]), today),
        ["high_risk_accepted"]
    );
    let old = risk(&[("last_review", "2025-01-01"), ("controls", "risk.register")]);
    assert_eq!(judged(&old, today), ["review_overdue"]);
    let bank = bundled_bank();
    risk::check_controls(&old, &bank).unwrap();
    let wrong = risk(&[("controls", "risk.register, no.such")]);
    assert_eq!(
        risk::check_controls(&wrong, &bank).unwrap_err().field,
        "controls"
    );
    let scale: Result<Risk, _> = from_fields(&pairs(&[("likelihood", "6")]));
    assert_eq!(scale.unwrap_err().field, "likelihood");
}

#[test]
fn lists_search_filter_sort_and_leave_archived_out() {
    let today = d(TODAY);
    let mut archived = entry("v3", vendor(&[("name", "Old mail")]).unwrap());
    archived.archived_at = Some(DateTime::<Utc>::UNIX_EPOCH);
    let all = vec![
        entry(
            "v1",
            vendor(&[("name", "Zeta Mail"), ("criticality", "low")]).unwrap(),
        ),
        entry(
            "v2",
            vendor(&[("name", "Alpha Cloud"), ("service", "mail relay")]).unwrap(),
        ),
        archived,
    ];
    let ids = |query: &Query| -> Vec<String> {
        select(all.clone(), query, &Judging::alone(today))
            .unwrap()
            .into_iter()
            .map(|l| l.entry.id)
            .collect()
    };
    assert_eq!(
        ids(&Query::default()),
        ["v2", "v1"],
        "attention first, then by name"
    );
    let search = Query {
        search: Some("MAIL".into()),
        ..Query::default()
    };
    assert_eq!(ids(&search), ["v2", "v1"]);
    let with_archived = Query {
        search: Some("mail".into()),
        archived: true,
        ..Query::default()
    };
    assert_eq!(ids(&with_archived).len(), 3);
    let filter = Query {
        filters: vec![("criticality".into(), "LOW".into())],
        ..Query::default()
    };
    assert_eq!(ids(&filter), ["v1"]);
    let sort = Query {
        sort: Some("criticality".into()),
        descending: true,
        ..Query::default()
    };
    assert_eq!(ids(&sort), ["v1", "v2"], "low after critical, reversed");
    let unknown = Query {
        sort: Some("colour".into()),
        ..Query::default()
    };
    assert_eq!(
        select(all, &unknown, &Judging::alone(today))
            .unwrap_err()
            .field,
        "colour"
    );
}

#[test]
fn register_findings_name_the_record_and_the_question_it_serves() {
    let today = d(TODAY);
    let bank = bundled_bank();
    let mut archived = entry(
        "p2",
        from_fields::<Policy>(&pairs(&[
            ("title", "Old"),
            ("version", "1"),
            ("owner", "x"),
        ]))
        .unwrap(),
    );
    archived.archived_at = Some(DateTime::<Utc>::UNIX_EPOCH);
    let registers = Registers {
        vendors: vec![entry(
            "v1",
            vendor(&[
                ("last_review", "2025-01-01"),
                ("report", "iso27001"),
                ("report_period_end", "2026-09-30"),
                ("confidentiality_clause", "yes"),
            ])
            .unwrap(),
        )],
        policies: vec![archived],
        incidents: vec![entry(
            "i1",
            incident(&[
                ("contained_on", "2026-11-02"),
                ("resolved_on", "2026-11-05"),
            ]),
        )],
        risks: vec![entry("r1", risk(&[("treatment", "accept")]))],
        people: Vec::new(),
        changes: Vec::new(),
        limits: None,
    };
    let found = register_findings(&registers, &bank, today);
    let summary: Vec<(&str, &str)> = found
        .iter()
        .map(|f| (f.question_id.as_str(), f.record_id.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            ("maint.vendor-reviews", "v1"),
            ("incident.post-incident-review", "i1")
        ],
        "archived entries and an accepted risk (a decision, not a failure) say nothing"
    );
    assert!(
        found
            .iter()
            .all(|f| f.effect == crate::findings::Effect::KnownException)
    );
    assert_eq!(
        found[1].detail,
        "Incident 'Phishing': resolved 5 Nov 2026 with no post-incident review."
    );
    for question in [
        "maint.vendor-reviews",
        "vendor.due-diligence",
        "audit.subservice-controls",
        "vendor.breach-notice-clause",
        "vendor.privacy-commitments",
        "vendor.contract-clauses",
        "policy.approval-review",
        "people.policy-acceptance",
        "incident.post-incident-review",
        "incident.notification",
        "incident.log",
        "risk.assessment-process",
        "risk.control-mapping",
    ] {
        assert!(
            bank.question(question).is_some(),
            "{question} is in the bank"
        );
    }
}
