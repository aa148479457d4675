//! The observation period: per recurring control a pass/fail timeline across the Type II window, one cell per expected run, and the exceptions with their reasons.

use soc2_readiness_core::calendar::{Observation, OccurrenceStatus};
use soc2_readiness_core::plan::human_date;

use crate::model::ReportModel;
use crate::pdf::fonts::Face;
use crate::pdf::layout::{
    BODY, GAP_AFTER_BLOCK, GROUP_HEADING, MARGIN_X, SMALL, THIN_RULE, Writer, line_height,
};
use crate::pdf::palette::{AMBER, FAILED, INK, MUTED, PASSED, RULE, Rgb3, TRACK, WHITE};

/// The control's name and frequency at the left; the cells share the rest of the width.
const LABEL_W: f32 = 52.0;
const CELL_H: f32 = 6.0;
const CELL_GAP: f32 = 0.8;
const ROW_GAP: f32 = 2.2;
const LEGEND_CELL: f32 = 3.5;
const LEGEND_STEP: f32 = 30.0;

pub(in crate::pdf) fn write(w: &mut Writer, model: &ReportModel) {
    let Some(observed) = &model.observation else {
        return;
    };
    if observed.window.is_none() && observed.controls.is_empty() {
        return;
    }
    w.section("Observation period");
    if let Some(window) = observed.window {
        w.paragraph(
            Face::Regular,
            BODY,
            INK,
            &format!(
                "From {} to {} ({} months). Each cell is one run the control's frequency expects in the period, from the check log as of {}: {} exceptions (failed or missed runs).",
                human_date(window.start),
                human_date(window.end),
                window.months,
                human_date(model.generated_on),
                observed.exceptions
            ),
        );
    }
    if !observed.note.is_empty() {
        w.paragraph(Face::Regular, BODY, MUTED, &observed.note);
    }
    w.y += GAP_AFTER_BLOCK;
    if observed.controls.is_empty() {
        return;
    }
    legend(w);
    timelines(w, observed);
    exceptions(w, observed);
}

fn colour(status: OccurrenceStatus) -> Rgb3 {
    match status {
        OccurrenceStatus::Passed => PASSED,
        OccurrenceStatus::Failed => FAILED,
        OccurrenceStatus::Missed => AMBER,
        OccurrenceStatus::NotYetDue => TRACK,
    }
}

fn legend(w: &mut Writer) {
    w.ensure(LEGEND_CELL + ROW_GAP * 2.0);
    let top = w.y;
    for (i, status) in OccurrenceStatus::ALL.into_iter().enumerate() {
        let label = status.label();
        let x = MARGIN_X + i as f32 * LEGEND_STEP;
        w.rect(x, top, LEGEND_CELL, LEGEND_CELL, colour(status));
        w.text(x + LEGEND_CELL + 1.2, top, Face::Regular, SMALL, INK, label);
    }
    w.y = top + LEGEND_CELL + ROW_GAP * 2.0;
}

fn timelines(w: &mut Writer, observed: &Observation) {
    for control in &observed.controls {
        let count = control.occurrences.len().max(1);
        let width = w.content_width() - LABEL_W;
        let cell_w = (width - CELL_GAP * (count as f32 - 1.0)) / count as f32;
        let row_h = (2.0 * line_height(SMALL)).max(CELL_H + line_height(SMALL - 1.0) + 0.6);
        w.ensure(row_h + ROW_GAP);
        let top = w.y;
        w.text(MARGIN_X, top, Face::Bold, SMALL, INK, &control.title);
        w.text(
            MARGIN_X,
            top + line_height(SMALL),
            Face::Regular,
            SMALL,
            MUTED,
            &format!(
                "{}, {} passed of {}",
                control.frequency.id(),
                control.passed,
                control.occurrences.len()
            ),
        );
        for (i, o) in control.occurrences.iter().enumerate() {
            let x = MARGIN_X + LABEL_W + i as f32 * (cell_w + CELL_GAP);
            w.rect(x, top, cell_w, CELL_H, colour(o.status));
            if colour(o.status) == WHITE {
                w.rule(x, x + cell_w, top + CELL_H, RULE, THIN_RULE);
            }
        }
        // The first and last due dates under the cells say where the timeline runs.
        if let (Some(first), Some(last)) = (control.occurrences.first(), control.occurrences.last())
        {
            let under = top + CELL_H + 0.6;
            w.text(
                MARGIN_X + LABEL_W,
                under,
                Face::Regular,
                SMALL - 1.0,
                MUTED,
                &human_date(first.due),
            );
            w.text_right(
                w.right(),
                under,
                Face::Regular,
                SMALL - 1.0,
                MUTED,
                &human_date(last.due),
            );
        }
        w.y = top + row_h + ROW_GAP;
    }
    w.y += GAP_AFTER_BLOCK;
}

fn exceptions(w: &mut Writer, observed: &Observation) {
    if observed.exceptions == 0 {
        w.paragraph(
            Face::Regular,
            BODY,
            INK,
            "No exceptions so far: every run due has passed.",
        );
        return;
    }
    w.heading("Exceptions", GROUP_HEADING);
    for control in &observed.controls {
        for o in control.exceptions() {
            let what = match (o.status, &o.check) {
                (OccurrenceStatus::Failed, Some(c)) => format!(
                    "failed on {} ({}), by {}",
                    human_date(c.performed_on),
                    c.reason,
                    c.performed_by
                ),
                (_, Some(c)) => format!("not run ({}), recorded by {}", c.reason, c.performed_by),
                _ => "no run recorded".to_string(),
            };
            w.paragraph(
                Face::Regular,
                BODY,
                INK,
                &format!("{}, due {}: {what}.", control.title, human_date(o.due)),
            );
        }
    }
    w.y += GAP_AFTER_BLOCK;
}
