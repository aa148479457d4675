//! "The path to the report": verdict, timeline, milestones, options when late, tasks, assumptions.

use super::timeline;
use crate::model::ReportModel;
use crate::pdf::fonts::Face;
use crate::pdf::layout::{BODY, HEADING, SMALL, Writer};
use crate::pdf::palette::{INK, MUTED, ON_TRACK, band, priority_color};
use crate::pdf::table::{Column, TABLE_TEXT, piece};
use soc2_readiness_core::gaps::Priority;
use soc2_readiness_core::plan::{TaskStatus, human_date};

const MILESTONE_COLUMNS: [Column; 2] = [Column::fixed("Date", 28.0), Column::rest("Milestone")];
const OPTION_COLUMNS: [Column; 2] = [
    Column::rest("Option"),
    Column::fixed("Report in hand", 36.0),
];
const TASK_COLUMNS: [Column; 2] = [Column::rest("Task"), Column::fixed("Where it stands", 55.0)];
const MILESTONE_TASK_COLUMNS: [Column; 3] = [
    Column::rest("Milestone"),
    Column::fixed("Where it stands", 30.0),
    Column::fixed("Start by", 36.0),
];

/// The dated plan: verdict, a timeline chart, the milestones, options when late, assumptions.
pub(in crate::pdf) fn write(w: &mut Writer, model: &ReportModel) {
    let plan = &model.plan;
    w.section("The path to the report");
    let late = plan.meets_target == Some(false) || plan.start_not_credible;
    w.paragraph(
        Face::Bold,
        BODY,
        if late {
            priority_color(Priority::High)
        } else {
            INK
        },
        &plan.verdict,
    );
    if !plan.decided_by.is_empty() {
        w.y += 1.0;
        w.paragraph(Face::Bold, BODY, INK, "What decides these dates:");
        for line in &plan.decided_by {
            w.paragraph(Face::Regular, BODY, INK, &format!("• {line}"));
        }
    }
    w.y += 3.0;
    timeline::write(w, plan);
    w.heading("Milestones", HEADING);
    let rows = plan
        .milestones
        .iter()
        .map(|m| {
            vec![
                vec![piece(Face::Bold, INK, human_date(m.date))],
                vec![piece(Face::Regular, INK, m.label.clone())],
            ]
        })
        .collect();
    w.table(&MILESTONE_COLUMNS, rows, TABLE_TEXT);
    if !plan.due_in_window.is_empty() {
        w.heading("Must run inside the observation period", HEADING);
        w.paragraph(
            Face::Regular,
            BODY,
            INK,
            &format!(
                "Yearly controls in scope that are not yet operating with evidence; the auditor samples each inside the period: {}.",
                plan.due_in_window.join("; ")
            ),
        );
    }
    if !plan.options.is_empty() {
        w.heading("Other routes", HEADING);
        let rows = plan
            .options
            .iter()
            .map(|o| {
                let (when, ink) = match (o.report_date, o.meets_target) {
                    (Some(d), Some(true)) => {
                        (format!("{}, on time", human_date(d)), band(ON_TRACK))
                    }
                    (Some(d), Some(false)) => (
                        format!("{}, late", human_date(d)),
                        priority_color(Priority::High),
                    ),
                    (Some(d), None) => (human_date(d), INK),
                    (None, _) => ("–".to_string(), MUTED),
                };
                vec![
                    vec![
                        piece(Face::Bold, INK, o.title.clone()),
                        piece(Face::Regular, MUTED, o.detail.clone()),
                    ],
                    vec![piece(Face::Bold, ink, when)],
                ]
            })
            .collect();
        w.table(&OPTION_COLUMNS, rows, TABLE_TEXT);
    }
    if !plan.audit_tasks.is_empty() {
        w.heading("Audit-project milestones", HEADING);
        let rows = plan
            .audit_tasks
            .iter()
            .map(|t| {
                let status = match t.status {
                    TaskStatus::Done => "Done",
                    TaskStatus::InProgress => "In progress",
                    TaskStatus::NotStarted => "Not started",
                };
                let (when, ink) = if t.late {
                    (
                        format!("{}, late", human_date(t.start_by)),
                        priority_color(Priority::High),
                    )
                } else if t.status == TaskStatus::Done {
                    (human_date(t.start_by), MUTED)
                } else {
                    (human_date(t.start_by), INK)
                };
                vec![
                    vec![piece(Face::Regular, INK, t.title.clone())],
                    vec![piece(Face::Regular, INK, status.to_string())],
                    vec![piece(Face::Bold, ink, when)],
                ]
            })
            .collect();
        w.table(&MILESTONE_TASK_COLUMNS, rows, TABLE_TEXT);
    }
    if !model.tasks.is_empty() {
        w.heading("The audit project", HEADING);
        w.paragraph(
            Face::Regular,
            BODY,
            INK,
            "These are steps of the audit project itself, not controls the auditor tests, so they count towards no readiness figure; the dates above assume they are done in time.",
        );
        w.y += 1.0;
        let rows = model
            .tasks
            .iter()
            .map(|(task, state)| {
                vec![
                    vec![piece(Face::Regular, INK, task.clone())],
                    vec![piece(Face::Regular, INK, state.clone())],
                ]
            })
            .collect();
        w.table(&TASK_COLUMNS, rows, TABLE_TEXT);
    }
    w.heading("How the dates are worked out", HEADING);
    for line in &plan.assumptions {
        w.paragraph(Face::Regular, SMALL, MUTED, line);
        w.y += 0.8;
    }
}
