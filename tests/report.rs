//! The gap-analysis PDF read back: sections, numbers, margins, overlaps, metadata, size.

use std::process::Command;

use soc2_readiness::Workspace;
use soc2_readiness::report::{PageSize, RenderedReport, ReportSettings};
use soc2_readiness_report::{PageText, SAFE_EDGE_MM};

use crate::support::{at, bank, demo_workspace};

fn settings(page_size: PageSize, logo: bool) -> ReportSettings {
    ReportSettings {
        assessor: Some("Łódź Advisory — Ana Kowalska".into()),
        page_size,
        logo: logo.then(|| include_bytes!("fixtures/logo.png").to_vec()),
        generated_at: at(30),
        today: at(30).date_naive(),
    }
}

/// The day the report is generated on, for the analysis it shows.
fn report_day() -> chrono::NaiveDate {
    at(30).date_naive()
}

pub(crate) fn all_text(pages: &[PageText]) -> String {
    pages
        .iter()
        .flat_map(|p| p.lines.iter().map(|l| l.text.as_str()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every line inside the safe area, no two lines on a page drawn over each other, and no page
/// but the cover and the last whose content ends in its top third (a short section no longer
/// leaves a nearly blank page behind it).
pub(crate) fn assert_clean_layout(report: &RenderedReport) {
    let pages = report.text_boxes();
    for (index, page) in pages
        .iter()
        .enumerate()
        .skip(1)
        .take(pages.len().saturating_sub(2))
    {
        // The footer sits at the bottom of every page; the content is everything above it.
        let content_end = page
            .lines
            .iter()
            .filter(|l| l.top < page.height - 20.0)
            .map(|l| l.bottom)
            .fold(0.0_f32, f32::max);
        assert!(
            content_end > page.height / 3.0,
            "page {}: its content ends {content_end:.0} mm down a {:.0} mm page",
            index + 1,
            page.height
        );
    }
    for (index, page) in pages.iter().enumerate() {
        let number = index + 1;
        for line in &page.lines {
            assert!(
                line.left >= SAFE_EDGE_MM - 0.01
                    && line.top >= SAFE_EDGE_MM - 0.01
                    && line.right <= page.width - SAFE_EDGE_MM + 0.01
                    && line.bottom <= page.height - SAFE_EDGE_MM + 0.01,
                "page {number}: '{}' at {:?} leaves the margins",
                line.text,
                (line.left, line.top, line.right, line.bottom)
            );
        }
        for (i, a) in page.lines.iter().enumerate() {
            for b in &page.lines[i + 1..] {
                let overlap_x = a.right.min(b.right) - a.left.max(b.left);
                let overlap_y = a.bottom.min(b.bottom) - a.top.max(b.top);
                // Glyph boxes include ascent and descent; a sliver of shared leading is not an overlap.
                assert!(
                    overlap_x <= 0.2 || overlap_y <= 0.8,
                    "page {number}: '{}' overlaps '{}' ({overlap_x:.2} x {overlap_y:.2} mm)",
                    a.text,
                    b.text
                );
            }
        }
    }
}

#[test]
fn a_fully_answered_report_has_every_section_and_the_engine_numbers() {
    let (ws, id) = demo_workspace("Société Générale Zürich — Ελλάδα & Łódź Operations");
    let report = ws.report(&id, &settings(PageSize::A4, true)).unwrap();
    // Developers look at this file as pictures (pdftoppm) before changing the layout.
    if let Some(path) = std::env::var_os("SOC2_SAMPLE_REPORT") {
        std::fs::write(path, &report.bytes).unwrap();
    }
    let pages = report.text_boxes();
    assert_eq!(pages.len(), report.page_count);
    let text = all_text(&pages);
    for section in [
        "Gap analysis",
        "Executive summary",
        "Readiness at a glance",
        "Gap register",
        "Roadmap",
        "Appendix A: Scope",
        "Appendix B: Every answer",
        "Appendix C: Scoring method",
        "What it takes to be audit-ready",
        "The five most important gaps",
        "The path to the report",
        "Milestones",
        "How the dates are worked out",
        "Design and operating readiness",
    ] {
        assert!(text.contains(section), "missing section {section}");
    }
    assert!(text.contains("Société Générale Zürich"));
    // Each category's weakest criterion is its own line, as the engine names it.
    let analysis = ws.analysis(&id, report_day()).unwrap();
    let flat = text.replace('\n', " ");
    assert!(
        flat.contains("The weakest criterion in each category: Security: "),
        "{flat}"
    );
    for weakest in &analysis.weakest {
        assert!(flat.contains(&format!(" {weakest} ")), "{weakest}");
    }
    assert!(
        text.contains("Ελλάδα") && text.contains("Łódź"),
        "non-Latin names survive"
    );

    // The executive summary (page 2) shows the engine's own figures.
    let (_, scorecard) = ws
        .scorecard(&id, chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        .unwrap();
    let summary = all_text(&pages[1..2]);
    let overall = format!("{:.1}%", scorecard.overall.readiness.unwrap());
    assert!(
        summary.contains(&overall),
        "overall {overall} not in:\n{summary}"
    );
    assert!(summary.contains(&format!("{:.1}%", scorecard.overall.completion.unwrap())));
    // Both readiness figures, and the top gaps in their own words.
    for figure in [scorecard.overall.design, scorecard.overall.operating] {
        let figure = format!("{:.1}%", figure.unwrap());
        assert!(summary.contains(&figure), "{figure} not in:\n{summary}");
    }
    let analysis = ws.analysis(&id, report_day()).unwrap();
    let first = analysis
        .gaps
        .iter()
        .find(|g| g.question_id == analysis.top[0])
        .unwrap();
    let first_words: String = first
        .title
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        summary.contains(&first_words),
        "the top gap '{}' is titled in its own words:\n{summary}",
        first.title
    );
    // The plan's milestones carry the engine's dates.
    let report_date = soc2_readiness::plan::human_date(analysis.plan.report_date);
    assert!(text.contains(&report_date), "the report date {report_date}");
    assert!(
        text.contains("Known exception: two contractors are not enrolled"),
        "a known exception is printed with its gap"
    );
    for category in scorecard.categories.iter().filter(|c| c.in_scope) {
        let figure = format!("{:.1}%", category.readiness.unwrap());
        assert!(summary.contains(&figure), "{} {figure}", category.name);
    }
    assert!(
        summary.contains("out of scope"),
        "Processing Integrity is out of scope"
    );
    // The criteria grid shows every scored criterion's readiness.
    let at = pages
        .iter()
        .position(|p| p.lines.iter().any(|l| l.text == "Readiness at a glance"))
        .expect("the at-a-glance page");
    let glance = all_text(&pages[at..at + 1]);
    for criterion in scorecard
        .criteria
        .iter()
        .filter_map(|c| c.readiness.map(|r| (c, r)))
    {
        let (c, r) = criterion;
        assert!(glance.contains(&c.id), "{} missing from the grid", c.id);
        assert!(glance.contains(&format!("{r:.1}%")), "{} {r}", c.id);
    }
    // Tables that continue repeat their header on the next page.
    let register_pages = pages
        .iter()
        .filter(|p| p.lines.iter().any(|l| l.text == "Gap and next step"))
        .count();
    assert!(
        register_pages >= 3,
        "the gap register spans pages with headers: {register_pages}"
    );
    assert!(text.contains(&format!("Page {} of {}", pages.len(), pages.len())));
    assert_clean_layout(&report);
    assert!(
        report.bytes.len() < 1_000_000,
        "{} bytes",
        report.bytes.len()
    );
}

#[test]
fn an_empty_assessment_and_letter_paper_also_give_a_clean_report() {
    let mut ws = Workspace::in_memory(bank()).unwrap();
    let long_name = "The Extraordinarily Long-Named International Holding Company for Cloud Analytics, Payments and Customer Data Services of Northern and Central Europe GmbH & Co. KG";
    crate::support::create(
        &mut ws,
        "empty",
        long_name,
        soc2_readiness::assessment::ReportType::Type1,
        at(0),
    );
    for page_size in [PageSize::A4, PageSize::Letter] {
        let report = ws.report("empty", &settings(page_size, false)).unwrap();
        let pages = report.text_boxes();
        let (w, h) = page_size.size_mm();
        assert!((pages[0].width - w).abs() < 0.5 && (pages[0].height - h).abs() < 0.5);
        let text = all_text(&pages);
        assert!(text.contains("0.0%"), "an empty assessment scores 0");
        assert!(text.contains("applicable questions are still unanswered"));
        assert_clean_layout(&report);
    }
}

#[test]
fn a_quick_path_report_lists_implied_answers_under_their_foundation() {
    let mut ws = Workspace::in_memory(bank()).unwrap();
    ws.create_assessment(
        "quick",
        "Fernleaf Labs",
        soc2_readiness::assessment::ReportType::Type1,
        soc2_readiness::assessment::Depth::Quick,
        at(0),
    )
    .unwrap();
    for (question, raw) in [
        ("scope.required-categories", "security-only"),
        ("policy.security-policy", "planned"),
        ("incident.plan", "not-in-place"),
        ("audit.firm", "planned"),
    ] {
        let value = soc2_readiness::assessment::parse_answer_for(ws.bank(), question, raw).unwrap();
        ws.save_answer("quick", question, value, Default::default(), at(1))
            .unwrap();
    }
    let record = ws.evaluation("quick", at(30).date_naive()).unwrap();
    let implied = record.implied.len();
    // The completion box counts control questions only; audit-project tasks implied by the
    // missing audit firm are not in it.
    let controls = record
        .implied
        .keys()
        .filter(|id| !ws.bank().question(id).unwrap().engagement)
        .count();
    assert!(controls < implied, "tasks are implied too");
    let (_, scorecard) = ws
        .scorecard(
            "quick",
            chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
        )
        .unwrap();
    let report = ws.report("quick", &settings(PageSize::A4, false)).unwrap();
    let text = all_text(&report.text_boxes()).replace('\n', " ");
    assert!(
        text.contains(&format!(
            "{} answered · {controls} implied",
            scorecard.overall.answered
        )),
        "the completion box"
    );
    assert_eq!(
        scorecard.overall.implied, controls,
        "beside completion, not in it"
    );
    assert!(text.contains("Also implies 5 gaps, not asked on the quick path"));
    assert!(text.contains("Answers implied on the quick path"));
    assert!(text.contains(&format!(
        "{implied} answers were implied this way, by 3 foundations"
    )));
    assert!(
        text.contains("(implied: not asked on the quick path while incident.plan is not in place)")
    );
    assert!(text.contains("Quick path"), "the depth in the facts");
    // Folded: the policy set's gap has no row of its own in the register.
    let register = text.split("Gap register").nth(1).unwrap();
    let register = register.split("Roadmap").next().unwrap();
    assert_eq!(
        register
            .matches("Core security policies are missing or incomplete")
            .count(),
        1,
        "named once, in the list under the security policy"
    );
    assert_clean_layout(&report);
}

#[test]
fn a_bad_logo_is_refused_with_a_clear_message() {
    let (ws, id) = demo_workspace("Acme");
    let mut bad = settings(PageSize::A4, false);
    bad.logo = Some(b"not an image at all".to_vec());
    let err = ws
        .report(&id, &bad)
        .err()
        .expect("a broken logo is refused");
    assert!(err.to_string().contains("logo could not be read"), "{err}");
}

/// poppler's own tools read the file the way a viewer will: metadata, pages, extractable text.
#[test]
fn poppler_reads_metadata_pages_and_text() {
    let (ws, id) = demo_workspace("Société Générale");
    let report = ws.report(&id, &settings(PageSize::Letter, true)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, &report.bytes).unwrap();
    let run = |tool: &str, args: &[&str]| {
        let out = Command::new(tool)
            .args(args)
            .arg(&path)
            .args(if tool == "pdftotext" {
                vec!["-"]
            } else {
                vec![]
            })
            .output()
            .unwrap_or_else(|e| {
                panic!("{tool} is needed for this test (./dev setup installs poppler-utils): {e}")
            });
        assert!(out.status.success(), "{tool} failed");
        String::from_utf8(out.stdout).unwrap()
    };
    let info = run("pdfinfo", &[]);
    assert!(
        info.contains("Title:           SOC 2 readiness gap analysis: Société Générale"),
        "{info}"
    );
    assert!(info.contains("Author:          Łódź Advisory — Ana Kowalska"));
    assert!(info.contains("Subject:         SOC 2 Type II readiness"));
    assert!(info.contains(&format!("Pages:           {}", report.page_count)));
    assert!(info.contains("(letter)"), "{info}");
    let fonts = run("pdffonts", &[]);
    assert!(
        fonts.lines().skip(2).all(|l| l.contains(" yes ")),
        "every font embedded:\n{fonts}"
    );
    let text = run("pdftotext", &["-layout"]);
    assert!(text.contains("Executive summary") && text.contains("Société Générale"));
}

/// The texts drawn level with `label` on its page: a table row, cell by cell.
fn row_of(page: &PageText, label: &str) -> Vec<String> {
    let at = page
        .lines
        .iter()
        .find(|l| l.text == label)
        .unwrap_or_else(|| panic!("no line '{label}'"));
    page.lines
        .iter()
        .filter(|l| (l.top - at.top).abs() < 0.5)
        .map(|l| l.text.clone())
        .collect()
}

#[test]
fn a_proposed_plan_states_the_gaps_it_assumes_closed_and_prints_the_engine_projection() {
    use soc2_readiness::gaps::Priority;
    use soc2_readiness::plan::human_date;
    use soc2_readiness::what_if::Selection;

    let (ws, id) = demo_workspace("Acme Analytics");
    let selection = Selection {
        gaps: vec!["access.sso-mfa".into()],
        priorities: vec![Priority::High],
        ..Selection::default()
    };
    let report = ws
        .proposed_report(&id, &settings(PageSize::A4, false), &selection)
        .unwrap();
    if let Some(path) = std::env::var_os("SOC2_SAMPLE_PROPOSED_REPORT") {
        std::fs::write(path, &report.bytes).unwrap();
    }
    assert_clean_layout(&report);
    let pages = report.text_boxes();
    let titled = |title: &str| {
        pages
            .iter()
            .position(|p| p.lines.iter().any(|l| l.text == title))
            .unwrap_or_else(|| panic!("no section '{title}'"))
    };
    let (path, start, register) = (
        titled("The path to the report"),
        titled("Proposed plan"),
        titled("Gap register"),
    );
    assert!(
        path < start && start < register,
        "after the path, before the register"
    );
    let p = ws.what_if(&id, &selection, report_day()).unwrap();
    let section = all_text(&pages[start..register]);
    assert!(
        section.replace('\n', " ").contains(&format!(
            "This plan assumes {} of the {} gaps closed (every High gap and 1 named gap)",
            p.closed.len(),
            p.gaps_before
        )),
        "{section}"
    );
    // Every gap assumed closed is named by its id, so a reader can find it in the register.
    let ids: Vec<&str> = pages[start..register]
        .iter()
        .flat_map(|page| page.lines.iter().map(|l| l.text.as_str()))
        .collect();
    let missing: Vec<&str> = p
        .closed
        .iter()
        .map(|g| g.question_id.as_str())
        .filter(|id| !ids.contains(id))
        .collect();
    assert!(missing.is_empty(), "not stated as closed: {missing:?}");
    // Now and projected side by side, as the engine computed them.
    let percent = |v: Option<f64>| format!("{:.1}%", v.unwrap());
    assert_eq!(
        row_of(&pages[start], "Overall (Type II headline)"),
        [
            "Overall (Type II headline)".to_string(),
            percent(p.overall.before),
            percent(p.overall.after)
        ]
    );
    assert_eq!(
        row_of(&pages[start], "Type II report in hand"),
        [
            "Type II report in hand".to_string(),
            human_date(p.plan_before.report_date),
            human_date(p.plan_after.report_date)
        ]
    );
    // "Now" is the plan every other page shows.
    assert!(all_text(&pages[path..start]).contains(&human_date(p.plan_before.report_date)));
    let plain = ws.report(&id, &settings(PageSize::A4, false)).unwrap();
    assert!(!all_text(&plain.text_boxes()).contains("Proposed plan"));
}

/// The demo company re-assessed: its first five gaps closed, one partly in place now at 0,
/// and a security control that was no gap now missing.
fn re_assessed() -> (Workspace, String, String) {
    let (mut ws, baseline) = demo_workspace("Acme Analytics");
    let later = "demo00000002".to_string();
    ws.duplicate(&baseline, &later, None, at(20)).unwrap();
    let gaps = ws.analysis(&baseline, report_day()).unwrap().gaps;
    let mut changes: Vec<(String, &str)> = gaps
        .iter()
        .filter(|g| g.implied_by.is_none())
        .take(5)
        .map(|g| (g.question_id.clone(), "4"))
        .collect();
    let worse = gaps
        .iter()
        .skip(5)
        .find(|g| g.current_level.is_some_and(|l| l >= 1))
        .unwrap();
    changes.push((worse.question_id.clone(), "0"));
    let record = ws.record(&baseline).unwrap();
    let fine = ws
        .bank()
        .control_questions()
        .find(|q| {
            record.answers.contains_key(&q.id)
                && q.criteria.iter().all(|c| c.starts_with("CC"))
                && !gaps.iter().any(|g| g.question_id == q.id)
        })
        .unwrap();
    changes.push((fine.id.clone(), "0"));
    for (question, raw) in changes {
        let value =
            soc2_readiness::assessment::parse_answer_for(ws.bank(), &question, raw).unwrap();
        ws.save_answer(&later, &question, value, Default::default(), at(21))
            .unwrap();
    }
    (ws, baseline, later)
}

#[test]
fn a_re_assessment_report_shows_the_engine_comparison_since_its_baseline() {
    let (mut ws, baseline, later) = re_assessed();
    let report = ws.report(&later, &settings(PageSize::A4, false)).unwrap();
    if let Some(path) = std::env::var_os("SOC2_SAMPLE_SINCE_REPORT") {
        std::fs::write(path, &report.bytes).unwrap();
    }
    assert_clean_layout(&report);
    let pages = report.text_boxes();
    let titled = |title: &str| {
        pages
            .iter()
            .position(|p| p.lines.iter().any(|l| l.text == title))
            .unwrap_or_else(|| panic!("no section '{title}'"))
    };
    let (summary, start, glance) = (
        titled("Executive summary"),
        titled("Since the last assessment"),
        titled("Readiness at a glance"),
    );
    assert!(summary < start && start < glance, "after the summary");
    let c = ws.compare(&baseline, &later, report_day()).unwrap();
    let points = |d: f64| {
        if d.abs() < 0.05 {
            "±0.0 pts".to_string()
        } else {
            format!("{d:+.1} pts")
        }
    };
    let percent = |v: Option<f64>| format!("{:.1}%", v.unwrap());
    let row = |label: &str, change: &soc2_readiness::compare::Change| {
        vec![
            label.to_string(),
            percent(change.before),
            percent(change.after),
            points(change.delta().unwrap()),
        ]
    };
    let page = &pages[start];
    for (label, change) in [
        ("Overall (Type II headline)", &c.overall.readiness),
        ("Design (Type I)", &c.overall.design),
        ("Operating (Type II)", &c.overall.operating),
        ("Questionnaire answered", &c.overall.completion),
    ] {
        assert_eq!(row_of(page, label), row(label, change));
    }
    for category in c.categories.iter().filter(|c| c.in_scope_after) {
        assert_eq!(
            row_of(page, &category.name),
            row(&category.name, &category.figures.readiness)
        );
    }
    // The criterion that moved most heads its table, with the engine's figures.
    let biggest = c
        .criteria
        .iter()
        .filter_map(|x| x.readiness.delta().map(|d| (x, d.abs())))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap()
        .0;
    // A section may begin on the page the one before it ends on: the text up to its title.
    let text = all_text(&pages[start..=glance]);
    let section = text.split("\nReadiness at a glance\n").next().unwrap();
    let label = format!("{} {}", biggest.id, biggest.title);
    assert!(section.contains(&label), "{label} in:\n{section}");
    assert!(
        section.contains(&points(biggest.readiness.delta().unwrap())),
        "its change"
    );
    assert!(
        section.replace('\n', " ").contains(&format!(
            "Gaps closed: {}; new: {}; worse: {};",
            c.gaps_closed.len(),
            c.gaps_new.len(),
            c.gaps_worse.len()
        )),
        "{section}"
    );
    assert!(!c.gaps_closed.is_empty() && !c.gaps_new.is_empty() && !c.gaps_worse.is_empty());
    for gap in c.gaps_closed.iter().chain(&c.gaps_new).chain(&c.gaps_worse) {
        assert!(
            section.contains(&gap.question_id),
            "{} named",
            gap.question_id
        );
    }
    assert!(section.contains(&format!("Answers changed ({})", c.answers_changed.len())));
    // The headline carries its change since the baseline's date.
    let summary_text = all_text(&pages[summary..summary + 1]);
    for words in [
        points(c.overall.readiness.delta().unwrap()),
        format!(
            "since {}",
            soc2_readiness::plan::human_date(c.before.created_at.date_naive())
        ),
    ] {
        assert!(summary_text.contains(&words), "{words} in:\n{summary_text}");
    }
    assert!(section.contains(&format!("Before: 2 Nov 2026 · {baseline}")));
    assert!(section.contains(&format!(
        "After: 2 Nov 2026 · {later} · Re-assessment started"
    )));

    // The baseline's own report has no baseline to compare with, nor any trend.
    let plain = ws
        .report(&baseline, &settings(PageSize::A4, false))
        .unwrap();
    let text = all_text(&plain.text_boxes());
    assert!(!text.contains("Since the last assessment") && !text.contains(" pts since "));
    // Deleting the baseline unlinks it: the report stands alone again.
    ws.delete(&baseline).unwrap();
    let alone = ws
        .report(&later, &settings(PageSize::Letter, false))
        .unwrap();
    assert!(!all_text(&alone.text_boxes()).contains("Since the last assessment"));
}

#[test]
fn report_options_can_name_the_assessment_to_compare_with() {
    use soc2_readiness::workspace::ReportOptions;
    let (ws, baseline, later) = re_assessed();
    let dir = tempfile::tempdir().unwrap();
    let options = ReportOptions {
        page_size: Some(PageSize::Letter),
        since: Some(later.clone()),
        ..ReportOptions::default()
    };
    let report = ws
        .write_report(
            &baseline,
            &dir.path().join("r.pdf"),
            options,
            crate::support::moment(30),
        )
        .unwrap();
    assert_clean_layout(&report);
    let text = all_text(&report.text_boxes());
    assert!(
        text.contains(&format!("Before: 2 Nov 2026 · {later}")),
        "{text}"
    );
    assert!(text.contains(&format!("After: 2 Nov 2026 · {baseline}")));
}

#[test]
fn the_observation_period_prints_each_controls_timeline_and_its_exceptions() {
    use chrono::TimeZone;
    let ws = crate::calendar::acme_year();
    let settings = ReportSettings {
        assessor: None,
        page_size: PageSize::A4,
        logo: None,
        generated_at: chrono::Utc.with_ymd_and_hms(2026, 12, 15, 9, 0, 0).unwrap(),
        today: (chrono::Utc.with_ymd_and_hms(2026, 12, 15, 9, 0, 0).unwrap()).date_naive(),
    };
    let report = ws.report(crate::calendar::ID, &settings).unwrap();
    assert_clean_layout(&report);
    let text = all_text(&report.text_boxes());
    for expected in [
        "Observation period",
        "From 1 Jan 2026 to 31 Dec 2026 (12 months)",
        "2 exceptions (failed or missed runs)",
        "User access review",
        "quarterly, 2 passed of 4",
        "monthly, 10 passed of 12",
        "User access review, due 30 Sep 2026: no run recorded.",
        "Leaver access check, due 31 May 2026: failed on 25 May 2026",
    ] {
        assert!(text.contains(expected), "missing '{expected}'");
    }
}
