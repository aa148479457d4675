//! The heat map: one coloured cell per Trust Services criterion, a row of cells per category.

use crate::pdf::fonts::Face;
use crate::pdf::layout::{MARGIN_X, SMALL, THIN_RULE, Writer};
use crate::pdf::palette::{INK, MUTED, RULE, TRACK, WHITE, band};
use soc2_readiness_core::catalog::Category;
use soc2_readiness_core::scoring::{CriterionStatus, Scorecard};

/// Cells per grid row; a category with more criteria wraps onto further rows.
const COLUMNS: usize = 9;
const CELL_GAP: f32 = 1.2;
const CELL_H: f32 = 10.5;
/// The category's name at the left of its cells, wrapped a little narrower than its column.
const LABEL_W: f32 = 28.0;
const LABEL_WRAP: f32 = LABEL_W - 1.0;
/// A cell's two lines, the criterion and its figure, inset from the cell's top-left corner.
const CELL_TEXT_SIZE: f32 = 7.0;
const CELL_INSET: f32 = 1.5;
const ID_TOP: f32 = 1.2;
const FIGURE_TOP: f32 = 5.3;
const SPACE_BELOW_CATEGORY: f32 = 2.5;

pub(super) fn write(w: &mut Writer, s: &Scorecard) {
    let gap = CELL_GAP;
    let cell_w = (w.content_width() - LABEL_W - gap * (COLUMNS as f32 - 1.0)) / COLUMNS as f32;
    for category in Category::ALL {
        let members: Vec<_> = s
            .criteria
            .iter()
            .filter(|c| c.category == category)
            .collect();
        let rows = members.len().div_ceil(COLUMNS);
        // A category's cells stay together on one page.
        w.ensure(rows as f32 * (CELL_H + gap) + 2.0);
        let top = w.y;
        w.paragraph_at(
            MARGIN_X,
            LABEL_WRAP,
            Face::Bold,
            SMALL,
            INK,
            category.name(),
        );
        w.y = top;
        for (i, c) in members.iter().enumerate() {
            let x = MARGIN_X + LABEL_W + (i % COLUMNS) as f32 * (cell_w + gap);
            let y = top + (i / COLUMNS) as f32 * (CELL_H + gap);
            let (fill, ink, figure) = match (c.status, c.readiness) {
                (CriterionStatus::OutOfScope, _) => (TRACK, MUTED, "out".to_string()),
                (_, None) => (WHITE, MUTED, "–".to_string()),
                (_, Some(v)) => (band(v), WHITE, format!("{v:.1}%")),
            };
            w.rect(x, y, cell_w, CELL_H, fill);
            // A white cell would vanish on white paper; a rule marks its foot.
            if fill == WHITE {
                w.rule(x, x + cell_w, y + CELL_H, RULE, THIN_RULE);
            }
            let text_x = x + CELL_INSET;
            w.text(text_x, y + ID_TOP, Face::Bold, CELL_TEXT_SIZE, ink, &c.id);
            w.text(
                text_x,
                y + FIGURE_TOP,
                Face::Regular,
                CELL_TEXT_SIZE,
                ink,
                &figure,
            );
        }
        w.y = top + rows as f32 * (CELL_H + gap) + SPACE_BELOW_CATEGORY;
    }
}
