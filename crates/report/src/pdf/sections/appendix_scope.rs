//! Appendix A: each category's scope decision and why, then the scoping answers.

use super::appendix_answers::answer_table;
use crate::model::ReportModel;
use crate::pdf::fonts::Face;
use crate::pdf::layout::{HEADING, Writer};
use crate::pdf::palette::INK;
use crate::pdf::table::{Column, TABLE_TEXT, piece};

const CATEGORY_COLUMNS: [Column; 3] = [
    Column::fixed("Category", 36.0),
    Column::fixed("Decision", 22.0),
    Column::rest("Reason"),
];

pub(in crate::pdf) fn write(w: &mut Writer, model: &ReportModel) {
    w.section("Appendix A: Scope");
    w.heading("Categories", HEADING);
    let rows = model
        .scorecard
        .scope
        .iter()
        .map(|d| {
            let decision = if d.in_scope {
                "In scope"
            } else {
                "Out of scope"
            };
            let mut reason = vec![piece(Face::Regular, INK, d.proposal_reason.clone())];
            if let Some(why) = &d.override_reason {
                let proposed = if d.proposed { "in" } else { "out" };
                reason.push(piece(
                    Face::Italic,
                    INK,
                    format!("Overridden (proposed {proposed}): {why}"),
                ));
            }
            vec![
                vec![piece(Face::Bold, INK, d.name.clone())],
                vec![piece(Face::Regular, INK, decision)],
                reason,
            ]
        })
        .collect();
    w.table(&CATEGORY_COLUMNS, rows, TABLE_TEXT);
    w.heading("Scope answers", HEADING);
    answer_table(w, &model.scope_answers);
}
