//! The assessments list's kept figures: read when valid, recomputed after any change that moves them.

use rusqlite::Connection;
use soc2_readiness::Workspace;
use soc2_readiness::assessment::{AnswerValue, Depth, MaturityLevel, ReportType};
use soc2_readiness::catalog::Category;
use soc2_readiness::workspace::{AnswerDetails, ScopeDecision};

use crate::support::{at, bank, create};

/// A figure no scoring produces, planted in every kept summary; returns how many it replaced so
/// a test cannot pass because nothing was kept.
fn plant(path: &std::path::Path) -> usize {
    let conn = Connection::open(path).unwrap();
    conn.execute("UPDATE assessment_summaries SET readiness = 0.123", [])
        .unwrap()
}

fn listed_readiness(ws: &Workspace, id: &str) -> Option<f64> {
    let list = ws
        .summaries(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        .unwrap();
    list.iter()
        .find(|s| s.assessment.id == id)
        .unwrap()
        .readiness
}

fn scored_readiness(ws: &Workspace, id: &str) -> Option<f64> {
    ws.scorecard(id, chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        .unwrap()
        .1
        .overall
        .readiness
}

#[test]
fn the_list_reads_kept_figures_and_recomputes_after_every_kind_of_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.sqlite");
    let mut ws = Workspace::open_with_bank(bank(), &path, at(0)).unwrap();
    create(&mut ws, "a1", "Acme", ReportType::Type2, at(0));
    create(&mut ws, "b2", "Bolt", ReportType::Type1, at(0));
    let level = |l| AnswerValue::Level(l);
    ws.save_answer(
        "a1",
        "access.sso-mfa",
        level(MaturityLevel::Operating),
        AnswerDetails::default(),
        at(1),
    )
    .unwrap();

    // The first list computes and keeps; what it shows is what scoring says.
    assert_eq!(listed_readiness(&ws, "a1"), scored_readiness(&ws, "a1"));
    assert_eq!(plant(&path), 2, "both assessments' figures were kept");
    assert_eq!(
        listed_readiness(&ws, "a1"),
        Some(0.123),
        "an unchanged assessment's kept figure is read, not recomputed"
    );

    // Each change below must drop a1's kept figure (and only a1's).
    type Change<'a> = (&'a str, Box<dyn Fn(&mut Workspace, u32)>);
    let changes: Vec<Change> = vec![
        (
            "an answer saved",
            Box::new(move |ws, t| {
                ws.save_answer(
                    "a1",
                    "access.provisioning",
                    level(MaturityLevel::Documented),
                    AnswerDetails::default(),
                    at(t),
                )
                .unwrap();
            }),
        ),
        (
            "an answer cleared",
            Box::new(|ws, t| ws.clear_answer("a1", "access.provisioning", at(t)).unwrap()),
        ),
        (
            "a scope decision",
            Box::new(|ws, t| {
                ws.set_scope(
                    "a1",
                    Category::Availability,
                    ScopeDecision::In,
                    "customers ask for uptime commitments",
                    at(t),
                )
                .unwrap();
            }),
        ),
        (
            "the depth",
            Box::new(|ws, t| ws.set_depth("a1", Depth::Quick, at(t)).unwrap()),
        ),
    ];
    for (i, (what, change)) in changes.iter().enumerate() {
        plant(&path);
        change(&mut ws, 10 + i as u32);
        assert_eq!(
            listed_readiness(&ws, "a1"),
            scored_readiness(&ws, "a1"),
            "after {what} the list shows today's figure"
        );
        assert_ne!(scored_readiness(&ws, "a1"), Some(0.123));
        assert_eq!(
            listed_readiness(&ws, "b2"),
            Some(0.123),
            "after {what} an untouched assessment keeps its figure"
        );
    }
}

#[test]
fn another_bank_recomputes_every_kept_figure() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.sqlite");
    let mut ws = Workspace::open_with_bank(bank(), &path, at(0)).unwrap();
    create(&mut ws, "a1", "Acme", ReportType::Type2, at(0));
    ws.summaries(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        .unwrap();
    drop(ws);
    assert_eq!(plant(&path), 1);
    let mut edited = bank();
    edited.version = format!("{}-edited", edited.version);
    let ws = Workspace::open_with_bank(edited, &path, at(1)).unwrap();
    assert_ne!(listed_readiness(&ws, "a1"), Some(0.123));
}

#[test]
fn a_read_only_file_lists_without_keeping() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.sqlite");
    let mut ws = Workspace::open_with_bank(bank(), &path, at(0)).unwrap();
    create(&mut ws, "a1", "Acme", ReportType::Type2, at(0));
    drop(ws);
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).unwrap();
    let ws = Workspace::open_with_bank(bank(), &path, at(1)).unwrap();
    if !ws.is_read_only() {
        // Root writes through file permissions; the file-system tests cover real read-only media.
        return;
    }
    assert_eq!(
        ws.summaries(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
            .unwrap()
            .len(),
        1
    );
}

/// The data file release 2026.11.3 (schema 4, before kept figures and baselines) wrote: a Type II
/// assessment of a health company with notes, owners, evidence, an exception and a scope
/// override; its re-assessment; and a quick-path pilot under another name.
#[test]
fn a_file_from_the_current_release_migrates_and_lists_every_assessment_with_its_figures() {
    let (_dir, path) = crate::support::fixture_copy("release-2026.11.3.sqlite3");
    let (schema, history_rows): (i64, i64) = {
        let conn = Connection::open(&path).unwrap();
        let schema = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        let rows = conn
            .query_row("SELECT count(*) FROM answer_history", [], |r| r.get(0))
            .unwrap();
        (schema, rows)
    };
    assert_eq!(schema, 4);
    let ws = Workspace::open_with_bank(bank(), &path, at(5)).unwrap();
    let list = ws
        .summaries(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        .unwrap();
    let ids: Vec<&str> = list.iter().map(|s| s.assessment.id.as_str()).collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    for summary in &list {
        let (record, scorecard) = ws
            .scorecard(
                &summary.assessment.id,
                chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
            )
            .unwrap();
        assert_eq!(summary.readiness, scorecard.overall.readiness);
        assert_eq!(summary.completion, scorecard.overall.completion);
        assert_eq!(summary.report_type, record.report_type());
        assert_eq!(
            record.assessment.baseline, None,
            "not recorded before schema 5"
        );
    }
    let original = ws.record("69781a34db82").unwrap();
    assert_eq!(original.answers.len(), 79);
    assert_eq!(original.scope_overrides.len(), 1);
    assert!(original.answers["access.sso-mfa"].exception.is_some());
    let copy = list
        .iter()
        .find(|s| s.assessment.id == "927dc4c6b879")
        .unwrap();
    assert!(copy.assessment.label.is_some());
    let total_history: usize = ids.iter().map(|id| ws.history(id).unwrap().len()).sum();
    assert_eq!(total_history as i64, history_rows, "no history row lost");
    drop(ws);
    assert_eq!(plant(&path), 3, "the first list kept all three");
}

/// The data file the landed build (schema 5) wrote: the 2026.11.3 file above, migrated, with a
/// re-assessment `e0ffb678529c` whose baseline is `927dc4c6b879` and two answers of its own.
/// Later migrations must carry the baseline, the kept figures and every history row.
#[test]
fn a_file_from_the_landed_schema_5_build_migrates_with_its_baseline_and_figures() {
    let (_dir, path) = crate::support::fixture_copy("release-2026.11.3-schema5.sqlite3");
    let history_rows: i64 = {
        let conn = Connection::open(&path).unwrap();
        let schema: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(schema, 5);
        conn.query_row("SELECT count(*) FROM answer_history", [], |r| r.get(0))
            .unwrap()
    };
    let ws = Workspace::open_with_bank(bank(), &path, at(5)).unwrap();
    let list = ws
        .summaries(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        .unwrap();
    assert_eq!(list.len(), 4);
    for summary in &list {
        let (_, scorecard) = ws
            .scorecard(
                &summary.assessment.id,
                chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
            )
            .unwrap();
        assert_eq!(summary.readiness, scorecard.overall.readiness);
    }
    let latest = ws.record("e0ffb678529c").unwrap();
    assert_eq!(latest.assessment.baseline.as_deref(), Some("927dc4c6b879"));
    assert_eq!(
        latest.answers["maint.access-reviews"].value,
        AnswerValue::Level(MaturityLevel::Operating)
    );
    let total: usize = list
        .iter()
        .map(|s| ws.history(&s.assessment.id).unwrap().len())
        .sum();
    assert_eq!(total as i64, history_rows, "no history row lost");
}

/// The whole-file check is skipped only for a file exactly as this program left it: a change
/// made outside SQLite is checked again and the damage named.
#[test]
fn a_file_changed_behind_the_programs_back_is_checked_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.sqlite");
    let mut ws = Workspace::open_with_bank(bank(), &path, at(0)).unwrap();
    for i in 0..30 {
        create(
            &mut ws,
            &format!("a{i:02}"),
            &"Acme ".repeat(40),
            ReportType::Type2,
            at(0),
        );
    }
    drop(ws);
    let record = dir.path().join("data.sqlite.checked");
    assert!(record.exists(), "closing records the checked file");
    // Reopening an unchanged file works and keeps the record valid.
    drop(Workspace::open_with_bank(bank(), &path, at(1)).unwrap());
    assert!(record.exists());

    // Damage the middle of the file, as a faulty sync tool or disk might.
    let mut bytes = std::fs::read(&path).unwrap();
    let middle = bytes.len() / 2;
    for b in &mut bytes[middle..middle + 3000] {
        *b = 0x5a;
    }
    std::fs::write(&path, &bytes).unwrap();
    let err = match Workspace::open_with_bank(bank(), &path, at(2)) {
        Ok(_) => panic!("a damaged file opened"),
        Err(e) => e.to_string(),
    };
    assert!(err.contains("damaged"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "left alone");
    assert!(
        !record.exists(),
        "the record is dropped with the failed check"
    );
}
