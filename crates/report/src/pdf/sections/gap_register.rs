//! The gap register: every gap, grouped by step, with its next step and why it has its priority.

use super::gap_cells::{gap_summary, level_change, owner_cell};
use super::pct;
use crate::model::{ImpliedBlock, ReportModel};
use crate::pdf::fonts::Face;
use crate::pdf::layout::{BODY, GAP_AFTER_BLOCK, GROUP_HEADING, SMALL, Writer};
use crate::pdf::palette::{INK, MUTED, priority_color};
use crate::pdf::table::{Column, DENSE_TABLE_TEXT, Row, piece};
use soc2_readiness_core::gaps::Gap;

const GAP_COLUMNS: [Column; 5] = [
    Column::fixed("Priority", 17.0),
    Column::rest("Gap and next step"),
    Column::fixed("Criteria", 20.0),
    Column::fixed("Level · effort", 21.0),
    Column::fixed("Owner and date", 30.0),
];

/// `implies`: on the quick path, the gaps a missing foundation stands for, listed under it
/// instead of one row each.
fn gap_row(g: &Gap, implies: Option<&ImpliedBlock>, module: Option<&String>) -> Row {
    vec![
        vec![piece(
            Face::Bold,
            priority_color(g.priority),
            g.priority.label(),
        )],
        {
            let mut cell = gap_summary(g);
            if let Some(module) = module {
                cell.push(piece(
                    Face::Bold,
                    MUTED,
                    format!("Custom question ({module})"),
                ));
            }
            cell.push(piece(
                Face::Regular,
                MUTED,
                format!("Next step: {}", g.remediation),
            ));
            cell.push(piece(
                Face::Regular,
                MUTED,
                format!("{} priority: {}", g.priority.label(), g.priority_reason),
            ));
            if let Some(block) = implies {
                cell.push(piece(
                    Face::Bold,
                    INK,
                    format!(
                        "Also implies {} gaps, not asked on the quick path:",
                        block.dependents.len()
                    ),
                ));
                cell.push(piece(
                    Face::Regular,
                    INK,
                    format!("{}.", block.dependents.join("; ")),
                ));
            }
            cell
        },
        vec![piece(Face::Regular, INK, g.criteria.join(", "))],
        vec![
            piece(Face::Regular, INK, level_change(g)),
            piece(Face::Regular, MUTED, format!("effort {:?}", g.effort)),
        ],
        owner_cell(g),
    ]
}

pub(in crate::pdf) fn write(w: &mut Writer, model: &ReportModel) {
    w.section("Gap register");
    w.paragraph(
        Face::Regular,
        BODY,
        INK,
        &format!(
            "{} applicable control questions are below the target level of {} ({}) or carry a known exception. They are grouped by step and ordered by priority (from impact, how far from target, known exceptions and time to the audit window), then by impact times shortfall; each names the next step from where the answer stands and why it has its priority.{}",
            model.gap_count,
            model.target_level,
            model.target_label,
            if model.implied_controls > 0 {
                format!(
                    " {} of them were not asked on the quick path: a missing foundation implies them, and they are listed under it (Appendix C).",
                    model.implied_controls
                )
            } else {
                String::new()
            }
        ),
    );
    w.y += GAP_AFTER_BLOCK;
    for step in &model.steps {
        w.heading(
            &format!("Step {}: {}", step.step, step.title),
            GROUP_HEADING,
        );
        w.paragraph(
            Face::Regular,
            SMALL,
            MUTED,
            &format!(
                "Design {} · operating {} · completion {} · {} gaps",
                pct(step.design),
                pct(step.operating),
                pct(step.completion),
                step.gaps.len()
            ),
        );
        w.y += 1.0;
        if step.gaps.is_empty() {
            w.paragraph(Face::Regular, BODY, INK, "No gaps in this step.");
            w.y += GAP_AFTER_BLOCK;
            continue;
        }
        // An implied gap is listed under its foundation's row, wherever that is; one whose
        // foundation is not a gap (an audit-project task) keeps a row of its own.
        let rows: Vec<_> = step
            .gaps
            .iter()
            .filter(|g| {
                g.implied_by
                    .as_ref()
                    .is_none_or(|f| !model.implied.iter().any(|b| &b.foundation == f && b.is_gap))
            })
            .map(|g| {
                let block = model.implied.iter().find(|b| b.foundation == g.question_id);
                gap_row(g, block, model.custom_questions.get(&g.question_id))
            })
            .collect();
        if rows.is_empty() {
            w.paragraph(
                Face::Regular,
                BODY,
                INK,
                "Every gap in this step is implied by a missing foundation and listed under it.",
            );
            w.y += GAP_AFTER_BLOCK;
            continue;
        }
        w.table(&GAP_COLUMNS, rows, DENSE_TABLE_TEXT);
    }
}
