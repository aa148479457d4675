//! "Proposed plan": a what-if the report proposes, stating the gaps it assumes closed, with readiness and dates now and projected.

use chrono::NaiveDate;

use super::gap_cells::gap_summary;
use super::pct;
use crate::model::{ProposedPlan, ReportModel};
use crate::pdf::fonts::Face;
use crate::pdf::layout::{BODY, GAP_AFTER_BLOCK, HEADING, Writer};
use crate::pdf::palette::{INK, MUTED, priority_color};
use crate::pdf::table::{Column, DENSE_TABLE_TEXT, TABLE_TEXT, piece};
use soc2_readiness_core::compare::Change;
use soc2_readiness_core::gaps::Priority;
use soc2_readiness_core::plan::{Plan, human_date};

const FIGURE_COLUMNS: [Column; 3] = [
    Column::rest("Readiness"),
    Column::fixed("Now", 30.0),
    Column::fixed("Projected", 30.0),
];
const DATE_COLUMNS: [Column; 3] = [
    Column::rest("Milestone"),
    Column::fixed("Now", 30.0),
    Column::fixed("Projected", 30.0),
];
const CLOSED_COLUMNS: [Column; 4] = [
    Column::rest("Gap assumed closed"),
    Column::fixed("Priority", 18.0),
    Column::fixed("Criteria", 24.0),
    Column::fixed("Effort", 13.0),
];
const REMAINING_COLUMNS: [Column; 2] = [Column::fixed("Priority", 18.0), Column::rest("Gap")];

/// Written only when the report proposes a plan; the figures are the engine's projection.
pub(in crate::pdf) fn write(w: &mut Writer, model: &ReportModel) {
    let Some(proposed) = &model.proposed else {
        return;
    };
    let p = &proposed.projection;
    w.section("Proposed plan");
    w.paragraph(
        Face::Bold,
        BODY,
        INK,
        &format!(
            "This plan assumes {} of the {} gaps closed ({}): each answered at its target, {} (level {}), with any known exception resolved.",
            p.closed.len(),
            p.gaps_before,
            proposed.assumes,
            model.target_label.to_lowercase(),
            model.target_level
        ),
    );
    w.y += 1.0;
    w.paragraph(
        Face::Regular,
        BODY,
        INK,
        "It is a scenario, worked out by the same method as the rest of this report: the assessment's answers are unchanged, and every other page shows them as they stand.",
    );
    w.y += GAP_AFTER_BLOCK;
    readiness(w, model, proposed);
    dates(w, &p.plan_before, &p.plan_after);
    closed(w, proposed);
    still_open(w, proposed);
}

fn readiness(w: &mut Writer, model: &ReportModel, proposed: &ProposedPlan) {
    let p = &proposed.projection;
    w.heading("Readiness now and projected", HEADING);
    let row = |label: String, shift: Change, face: Face| {
        vec![
            vec![piece(face, INK, label)],
            vec![piece(face, INK, pct(shift.before))],
            vec![piece(Face::Bold, INK, pct(shift.after))],
        ]
    };
    let mut rows = vec![
        row(
            format!("Overall ({} headline)", model.report_type),
            p.overall,
            Face::Bold,
        ),
        row("Design (Type I)".into(), p.design, Face::Regular),
        row("Operating (Type II)".into(), p.operating, Face::Regular),
    ];
    rows.extend(
        p.categories
            .iter()
            .map(|c| row(c.name.clone(), c.readiness, Face::Regular)),
    );
    w.table(&FIGURE_COLUMNS, rows, TABLE_TEXT);
}

fn dates(w: &mut Writer, before: &Plan, after: &Plan) {
    w.heading("Dates now and projected", HEADING);
    let day = |date: Option<NaiveDate>| date.map_or_else(|| "–".to_string(), human_date);
    let mut pairs = vec![(
        format!(
            "Remediation done ({} weeks now, {} projected)",
            before.remediation_weeks, after.remediation_weeks
        ),
        Some(before.remediation_end),
        Some(after.remediation_end),
    )];
    if before.type1_date.is_some() {
        pairs.push((
            "Type I point-in-time date".into(),
            before.type1_date,
            after.type1_date,
        ));
    }
    if before.observation_start.is_some() {
        pairs.push((
            "Observation period starts".into(),
            before.observation_start,
            after.observation_start,
        ));
        pairs.push((
            "Observation period ends".into(),
            before.observation_end,
            after.observation_end,
        ));
    }
    pairs.push((
        format!("{} report in hand", before.report_type.label()),
        Some(before.report_date),
        Some(after.report_date),
    ));
    if let Some(target) = before.target_date {
        pairs.push(("Target date".into(), Some(target), Some(target)));
    }
    let rows = pairs
        .into_iter()
        .map(|(label, now, projected)| {
            vec![
                vec![piece(Face::Regular, INK, label)],
                vec![piece(Face::Regular, INK, day(now))],
                vec![piece(Face::Bold, INK, day(projected))],
            ]
        })
        .collect();
    w.table(&DATE_COLUMNS, rows, TABLE_TEXT);
    let ink = if after.meets_target == Some(false) {
        priority_color(Priority::High)
    } else {
        INK
    };
    w.paragraph(
        Face::Bold,
        BODY,
        ink,
        &format!("With these gaps closed, {}", lower_first(&after.verdict)),
    );
    w.y += GAP_AFTER_BLOCK;
}

fn closed(w: &mut Writer, proposed: &ProposedPlan) {
    let gaps = &proposed.projection.closed;
    w.heading(
        &format!("The gaps the plan assumes closed ({})", gaps.len()),
        HEADING,
    );
    if gaps.is_empty() {
        w.paragraph(Face::Regular, BODY, INK, "None: the plan is the one above.");
        w.y += GAP_AFTER_BLOCK;
        return;
    }
    let rows = gaps
        .iter()
        .map(|g| {
            let mut cell = gap_summary(g);
            cell.push(piece(Face::Regular, MUTED, g.question_id.clone()));
            vec![
                cell,
                vec![piece(
                    Face::Bold,
                    priority_color(g.priority),
                    g.priority.label(),
                )],
                vec![piece(Face::Regular, INK, g.criteria.join(", "))],
                vec![piece(Face::Regular, INK, format!("{:?}", g.effort))],
            ]
        })
        .collect();
    w.table(&CLOSED_COLUMNS, rows, DENSE_TABLE_TEXT);
}

fn still_open(w: &mut Writer, proposed: &ProposedPlan) {
    let [fix_now, high, medium, low] = proposed.remaining_by_priority;
    let fix_now_words = if fix_now > 0 {
        format!("{fix_now} Fix now, ")
    } else {
        String::new()
    };
    w.heading("Still open with the plan done", HEADING);
    if proposed.top_remaining.is_empty() {
        w.paragraph(Face::Regular, BODY, INK, "No gap would remain.");
        return;
    }
    w.paragraph(
        Face::Regular,
        BODY,
        INK,
        &format!(
            "{} gaps would remain ({fix_now_words}{high} High, {medium} Medium, {low} Low); the first of them:",
            fix_now + high + medium + low
        ),
    );
    w.y += 1.0;
    let rows = proposed
        .top_remaining
        .iter()
        .map(|g| {
            vec![
                vec![piece(
                    Face::Bold,
                    priority_color(g.priority),
                    g.priority.label(),
                )],
                vec![piece(Face::Regular, INK, g.title.clone())],
            ]
        })
        .collect();
    w.table(&REMAINING_COLUMNS, rows, TABLE_TEXT);
}

/// "On track: …" → "on track: …", to follow "With these gaps closed,".
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}
