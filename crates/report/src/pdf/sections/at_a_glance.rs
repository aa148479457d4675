//! "Readiness at a glance": bars by step, the heat map by criterion, and a table of the figures.

use super::{heat_map, pct};
use crate::model::ReportModel;
use crate::pdf::bars::Bar;
use crate::pdf::fonts::Face;
use crate::pdf::layout::{GAP_AFTER_BLOCK, HEADING, SMALL, Writer};
use crate::pdf::palette::{INK, MUTED, band};
use crate::pdf::table::{Column, Row, TABLE_TEXT, piece};
use soc2_readiness_core::scoring::BAND_FROM;

const FIGURE_COLUMNS: [Column; 4] = [
    Column::rest(""),
    Column::fixed("Design", 30.0),
    Column::fixed("Operating", 30.0),
    Column::fixed("Completion", 30.0),
];

pub(in crate::pdf) fn write(w: &mut Writer, model: &ReportModel) {
    w.section("Readiness at a glance");
    let s = &model.scorecard;
    w.heading("By step", HEADING);
    // Step 1 is scoping: its answers decide the scope and are not scored.
    let rows: Vec<Bar> = s
        .steps
        .iter()
        .filter(|step| step.step > 1)
        .map(|step| {
            (
                format!("{}. {}", step.step, step.title),
                step.readiness,
                true,
            )
        })
        .collect();
    w.bars(&rows);
    w.heading("By criterion", HEADING);
    w.paragraph(
        Face::Regular,
        SMALL,
        MUTED,
        "Each cell is one Trust Services criterion with its readiness. Grey cells are out of scope; a dash marks a criterion in scope with no applicable question.",
    );
    w.y += GAP_AFTER_BLOCK;
    heat_map::write(w, s);
    w.y += GAP_AFTER_BLOCK;
    w.paragraph(Face::Regular, SMALL, MUTED, &band_key());
    // After the grid, so the grid stays on one page; the table continues with its header.
    w.y += GAP_AFTER_BLOCK;
    w.heading("Design and operating readiness", HEADING);
    w.paragraph(
        Face::Regular,
        SMALL,
        MUTED,
        "Design: controls designed and in place, shown by level 3 (documented): what a Type I tests at one date. Operating: controls operating with evidence kept (level 4), what a Type II tests. A control with a known exception is never counted as fully designed or operating: it earns part credit (informal with an exception 1.5, documented or operating with one 2.5).",
    );
    w.y += 1.0;
    let figures = |design: Option<f64>, operating: Option<f64>, completion: Option<f64>| {
        [design, operating, completion]
            .into_iter()
            .map(|v| vec![piece(Face::Bold, v.map_or(MUTED, band), pct(v))])
            .collect::<Vec<_>>()
    };
    let mut rows: Vec<Row> = Vec::new();
    let mut overall = vec![vec![piece(Face::Bold, INK, "Overall")]];
    overall.extend(figures(
        s.overall.design,
        s.overall.operating,
        s.overall.completion,
    ));
    rows.push(overall);
    for c in s.categories.iter().filter(|c| c.in_scope) {
        let mut row = vec![vec![piece(Face::Regular, INK, c.name.clone())]];
        row.extend(figures(c.design, c.operating, c.completion));
        rows.push(row);
    }
    for step in s.steps.iter().filter(|step| step.step > 1) {
        let mut row = vec![vec![piece(
            Face::Regular,
            INK,
            format!("Step {}. {}", step.step, step.title),
        )]];
        row.extend(figures(step.design, step.operating, step.completion));
        rows.push(row);
    }
    w.table(&FIGURE_COLUMNS, rows, TABLE_TEXT);
}

/// The heat map's key, from the bands the engine defines.
fn band_key() -> String {
    let [amber, yellow_green, green] = BAND_FROM;
    format!(
        "Colours: red below {amber}%, amber {amber} to {yellow_green}%, yellow-green {yellow_green} to {green}%, green {green}% and above."
    )
}
