//! Appendix B: every answer, step by step, with its notes, owner, date, evidence and exception.

use crate::model::{AnswerRow, ReportModel};
use crate::pdf::fonts::Face;
use crate::pdf::layout::{HEADING, Writer};
use crate::pdf::palette::{INK, MUTED, priority_color};
use crate::pdf::table::{ANSWER_TABLE_TEXT, Column, piece};
use soc2_readiness_core::gaps::Priority;

const ANSWER_COLUMNS: [Column; 2] = [
    Column::fixed("Question", 78.0),
    Column::rest("Answer and notes"),
];

pub(in crate::pdf) fn write(w: &mut Writer, model: &ReportModel) {
    w.section("Appendix B: Every answer");
    for step in &model.steps {
        w.heading(&format!("Step {}: {}", step.step, step.title), HEADING);
        answer_table(w, &step.answers);
    }
}

/// Questions that do not apply are greyed rather than left out, so the list stays complete.
pub(super) fn answer_table(w: &mut Writer, answers: &[AnswerRow]) {
    let rows = answers
        .iter()
        .map(|a| {
            let ink = if a.applies { INK } else { MUTED };
            let mut right = vec![piece(Face::Bold, ink, a.answer.clone())];
            if let Some(exception) = &a.exception {
                right.push(piece(
                    Face::Regular,
                    priority_color(Priority::High),
                    format!("Known exception: {exception}"),
                ));
            }
            if let Some(note) = &a.note {
                right.push(piece(Face::Italic, INK, note.clone()));
            }
            let mut who = Vec::new();
            if let Some(owner) = &a.owner {
                who.push(format!("owner {owner}"));
            }
            if let Some(due) = a.due {
                who.push(format!("due {due}"));
            }
            if !a.evidence.is_empty() {
                who.push(format!("evidence: {}", a.evidence.join("; ")));
            }
            if !who.is_empty() {
                right.push(piece(Face::Regular, MUTED, who.join(" · ")));
            }
            vec![
                vec![
                    piece(Face::Regular, ink, a.question.clone()),
                    piece(Face::Regular, MUTED, a.question_id.clone()),
                ],
                right,
            ]
        })
        .collect();
    w.table(&ANSWER_COLUMNS, rows, ANSWER_TABLE_TEXT);
}
