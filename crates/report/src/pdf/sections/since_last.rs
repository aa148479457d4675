//! "Since the last assessment": readiness before and after, the criteria that moved most, gaps closed, new and worse, answers changed.

use soc2_readiness_core::compare::{Change, ComparedAssessment, GapChange, GapState};
use soc2_readiness_core::plan::human_date;

use super::{pct, points};
use crate::model::{ReportModel, SinceLast};
use crate::pdf::fonts::Face;
use crate::pdf::layout::{BODY, GAP_AFTER_BLOCK, HEADING, Writer};
use crate::pdf::palette::{INK, MUTED, priority_color, trend_color};
use crate::pdf::table::{Cell, Column, Row, TABLE_TEXT, piece};

/// Each gap table lists this many rows; the count above it states the rest.
const GAP_ROWS: usize = 8;

const FIGURE_COLUMNS: [Column; 4] = [
    Column::rest("Readiness"),
    Column::fixed("Before", 24.0),
    Column::fixed("After", 24.0),
    Column::fixed("Change", 26.0),
];
const CRITERION_COLUMNS: [Column; 4] = [
    Column::rest("Criterion"),
    Column::fixed("Before", 24.0),
    Column::fixed("After", 24.0),
    Column::fixed("Change", 26.0),
];
const GAP_COLUMNS: [Column; 4] = [
    Column::rest("Gap"),
    Column::fixed("Criteria", 24.0),
    Column::fixed("Before", 32.0),
    Column::fixed("After", 32.0),
];

/// Written only when the report carries a comparison; every figure is the engine's.
pub(in crate::pdf) fn write(w: &mut Writer, model: &ReportModel) {
    let Some(since) = &model.since_last else {
        return;
    };
    let c = &since.comparison;
    w.section("Since the last assessment");
    for (role, side) in [("Before", &c.before), ("After", &c.after)] {
        w.paragraph(Face::Bold, BODY, INK, &format!("{role}: {}", named(side)));
    }
    w.y += 1.0;
    w.paragraph(
        Face::Regular,
        BODY,
        INK,
        "Both are scored by the same method and question bank on the day of this report, so a change is a change in the answers. Changes are in percentage points (pts).",
    );
    for note in &c.notes {
        w.y += 1.0;
        w.paragraph(Face::Italic, BODY, MUTED, note);
    }
    w.y += GAP_AFTER_BLOCK;
    readiness(w, model, since);
    movers(w, since);
    w.heading(
        &format!("Answers changed ({})", c.answers_changed.len()),
        HEADING,
    );
    w.paragraph(
        Face::Regular,
        BODY,
        INK,
        &format!(
            "{} answers differ from the earlier assessment; Appendix B lists every answer as it stands now.",
            c.answers_changed.len()
        ),
    );
    w.y += GAP_AFTER_BLOCK;
    // The gap tables come last: a table that runs over splits across pages with its header
    // repeated, where a closing sentence would stand alone on a page of its own.
    gaps(w, since);
}

/// "3 Mar 2026 · q2 · after remediation".
fn named(a: &ComparedAssessment) -> String {
    let mut words = format!("{} · {}", human_date(a.created_at.date_naive()), a.id);
    if let Some(label) = &a.label {
        words.push_str(&format!(" · {label}"));
    }
    words
}

/// Label, before, after and the change, coloured by its direction.
fn change_row(label: String, change: &Change, face: Face) -> Row {
    let delta = change.delta();
    vec![
        vec![piece(face, INK, label)],
        vec![piece(Face::Regular, INK, pct(change.before))],
        vec![piece(face, INK, pct(change.after))],
        vec![piece(Face::Bold, trend_color(delta), points(delta))],
    ]
}

fn readiness(w: &mut Writer, model: &ReportModel, since: &SinceLast) {
    let c = &since.comparison;
    w.heading("Readiness before and after", HEADING);
    let mut rows = vec![
        change_row(
            format!("Overall ({} headline)", model.report_type),
            &c.overall.readiness,
            Face::Bold,
        ),
        change_row("Design (Type I)".into(), &c.overall.design, Face::Regular),
        change_row(
            "Operating (Type II)".into(),
            &c.overall.operating,
            Face::Regular,
        ),
        change_row(
            "Questionnaire answered".into(),
            &c.overall.completion,
            Face::Regular,
        ),
    ];
    let in_scope = c
        .categories
        .iter()
        .filter(|c| c.in_scope_before || c.in_scope_after);
    rows.extend(in_scope.map(|category| {
        let scope = match (category.in_scope_before, category.in_scope_after) {
            (false, true) => " (now in scope)",
            (true, false) => " (now out of scope)",
            _ => "",
        };
        change_row(
            format!("{}{scope}", category.name),
            &category.figures.readiness,
            Face::Regular,
        )
    }));
    w.table(&FIGURE_COLUMNS, rows, TABLE_TEXT);
}

fn movers(w: &mut Writer, since: &SinceLast) {
    w.heading(
        &format!(
            "The criteria that moved most ({} of {} moved)",
            since.moved,
            since.comparison.criteria.len()
        ),
        HEADING,
    );
    if since.movers.is_empty() {
        w.paragraph(
            Face::Regular,
            BODY,
            INK,
            "No criterion moved by half a point or more.",
        );
        w.y += GAP_AFTER_BLOCK;
        return;
    }
    let rows = since
        .movers
        .iter()
        .map(|c| change_row(format!("{} {}", c.id, c.title), &c.readiness, Face::Regular))
        .collect();
    w.table(&CRITERION_COLUMNS, rows, TABLE_TEXT);
}

fn gaps(w: &mut Writer, since: &SinceLast) {
    let c = &since.comparison;
    w.heading("Gaps closed, new and worse", HEADING);
    w.paragraph(
        Face::Regular,
        BODY,
        INK,
        &format!(
            "Gaps closed: {}; new: {}; worse: {}; better but still open: {}.",
            c.gaps_closed.len(),
            c.gaps_new.len(),
            c.gaps_worse.len(),
            c.gaps_better.len()
        ),
    );
    w.y += GAP_AFTER_BLOCK;
    gap_table(w, "Gaps closed", &c.gaps_closed);
    gap_table(w, "New gaps", &c.gaps_new);
    gap_table(w, "Gaps that got worse", &c.gaps_worse);
}

fn gap_table(w: &mut Writer, heading: &str, gaps: &[GapChange]) {
    if gaps.is_empty() {
        return;
    }
    let shown = gaps.len().min(GAP_ROWS);
    let title = if shown < gaps.len() {
        format!("{heading} ({}; the first {shown})", gaps.len())
    } else {
        format!("{heading} ({})", gaps.len())
    };
    w.heading(&title, BODY);
    let rows = gaps
        .iter()
        .take(GAP_ROWS)
        .map(|g| {
            vec![
                vec![
                    piece(Face::Bold, INK, g.title.clone()),
                    piece(Face::Regular, MUTED, g.question_id.clone()),
                ],
                vec![piece(Face::Regular, INK, g.criteria.join(", "))],
                state_cell(g.before.as_ref()),
                state_cell(g.after.as_ref()),
            ]
        })
        .collect();
    w.table(&GAP_COLUMNS, rows, TABLE_TEXT);
}

/// "level 2 · High", "unanswered · High", or "no gap".
fn state_cell(state: Option<&GapState>) -> Cell {
    match state {
        None => vec![piece(Face::Regular, MUTED, "no gap")],
        Some(s) => {
            let level = s
                .level
                .map_or_else(|| "unanswered".to_string(), |l| format!("level {l}"));
            vec![
                piece(Face::Regular, INK, level),
                piece(Face::Bold, priority_color(s.priority), s.priority.label()),
            ]
        }
    }
}

/// The trend arrow, drawn (the bundled font has no arrow glyphs) `size` mm wide with its
/// left edge at `x` and its middle at `middle`: up, down, or an equals sign when flat.
pub(super) fn arrow(w: &mut Writer, x: f32, middle: f32, size: f32, delta: Option<f64>) {
    let rgb = trend_color(delta);
    let half = size / 2.0;
    match delta {
        Some(d) if d >= 0.05 => w.shape(
            &[
                (x, middle + half),
                (x + size, middle + half),
                (x + half, middle - half),
            ],
            rgb,
        ),
        Some(d) if d <= -0.05 => w.shape(
            &[
                (x, middle - half),
                (x + size, middle - half),
                (x + half, middle + half),
            ],
            rgb,
        ),
        _ => {
            let bar = size / 6.0;
            w.rect(x, middle - 2.0 * bar, size, bar, rgb);
            w.rect(x, middle + bar, size, bar, rgb);
        }
    }
}

/// "+12.5 pts" and "since 3 Mar 2026", for the executive summary's headline.
pub(super) fn trend_words(since: &SinceLast) -> (String, String) {
    let c = &since.comparison;
    (
        points(c.overall.readiness.delta()),
        format!("since {}", human_date(c.before.created_at.date_naive())),
    )
}
