//! Horizontal readiness bars, one row per category or step: label, track, filled share, figure.

use super::fonts::Face;
use super::layout::{BODY, GAP_AFTER_BLOCK, MARGIN_X, Writer};
use super::palette::{INK, MUTED, TRACK, band};

/// The label column, and the room kept at the right for the figure.
const LABEL_W: f32 = 58.0;
const FIGURE_W: f32 = 24.0;
/// A label is cut to one line a little narrower than its column, so it never touches the bar.
const LABEL_WRAP: f32 = LABEL_W - 2.0;
const ROW_H: f32 = 7.0;
/// The text's and the bar's offsets from the top of the row; the bar sits level with the text.
const TEXT_DROP: f32 = 1.0;
const BAR_DROP: f32 = 1.2;
const BAR_H: f32 = 4.2;

/// One bar: its label, its readiness when scored, and whether it is in scope.
pub(super) type Bar = (String, Option<f64>, bool);

impl Writer<'_> {
    pub(super) fn bars(&mut self, rows: &[Bar]) {
        let track_w = self.content_width() - LABEL_W - FIGURE_W;
        for (label, value, in_scope) in rows {
            self.ensure(ROW_H);
            let top = self.y;
            let ink = if *in_scope { INK } else { MUTED };
            let label = self
                .fonts
                .first_line(Face::Regular, BODY, label, LABEL_WRAP);
            self.text(MARGIN_X, top + TEXT_DROP, Face::Regular, BODY, ink, &label);
            let bar_x = MARGIN_X + LABEL_W;
            self.rect(bar_x, top + BAR_DROP, track_w, BAR_H, TRACK);
            let figure = match (in_scope, value) {
                (false, _) => "out of scope".to_string(),
                (true, None) => "not scored".to_string(),
                (true, Some(v)) => {
                    let w = track_w * (*v as f32 / 100.0);
                    if w > 0.0 {
                        self.rect(bar_x, top + BAR_DROP, w, BAR_H, band(*v));
                    }
                    format!("{v:.1}%")
                }
            };
            let right = self.right();
            self.text_right(right, top + TEXT_DROP, Face::Bold, BODY, ink, &figure);
            self.y += ROW_H;
        }
        self.y += GAP_AFTER_BLOCK;
    }
}
