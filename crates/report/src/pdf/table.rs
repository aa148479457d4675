//! Tables of styled cells whose rows break across pages, with the header repeated on each page.

use super::fonts::Face;
use super::layout::{HAIRLINE, MARGIN_TOP, MARGIN_X, Writer, line_height};
use super::palette::{HEADER_FILL, NAVY, RULE, Rgb3};

/// Type sizes: most tables; the gap register and roadmap, whose cells hold more text; the
/// answer appendix, which holds the most.
pub(super) const TABLE_TEXT: f32 = 8.2;
pub(super) const DENSE_TABLE_TEXT: f32 = 7.8;
pub(super) const ANSWER_TABLE_TEXT: f32 = 7.6;

/// Space between a cell's edges and its text.
const CELL_PAD: f32 = 1.6;
const SPACE_AFTER_TABLE: f32 = 3.0;

/// One styled piece of a table cell; pieces stack vertically inside the cell.
pub(super) struct Piece {
    face: Face,
    color: Rgb3,
    text: String,
}

pub(super) fn piece(face: Face, color: Rgb3, text: impl Into<String>) -> Piece {
    Piece {
        face,
        color,
        text: text.into(),
    }
}

pub(super) type Cell = Vec<Piece>;
pub(super) type Row = Vec<Cell>;

/// One wrapped line of a table cell with its face and colour.
type CellLine = (Face, Rgb3, String);

/// How wide a column is: fixed, or whatever the fixed columns leave of the text width, so a
/// table spans the page on A4 and Letter alike.
#[derive(Clone, Copy)]
enum Width {
    Mm(f32),
    Rest,
}

pub(super) struct Column {
    title: &'static str,
    width: Width,
}

impl Column {
    pub(super) const fn fixed(title: &'static str, mm: f32) -> Column {
        Column {
            title,
            width: Width::Mm(mm),
        }
    }

    /// The one column of a table that takes the width the others leave.
    pub(super) const fn rest(title: &'static str) -> Column {
        Column {
            title,
            width: Width::Rest,
        }
    }
}

/// The columns' widths in millimetres across `total`.
fn widths(columns: &[Column], total: f32) -> Vec<f32> {
    let rest = columns.iter().fold(total, |left, c| match c.width {
        Width::Mm(mm) => left - mm,
        Width::Rest => left,
    });
    columns
        .iter()
        .map(|c| match c.width {
            Width::Mm(mm) => mm,
            Width::Rest => rest,
        })
        .collect()
}

impl Writer<'_> {
    fn table_header(&mut self, columns: &[Column], widths: &[f32], size: f32) {
        let pad = CELL_PAD;
        let lh = line_height(size);
        let h = lh + 2.0 * pad;
        self.rect(MARGIN_X, self.y, self.content_width(), h, HEADER_FILL);
        let mut x = MARGIN_X;
        for (column, width) in columns.iter().zip(widths) {
            let top = self.y + pad;
            self.text(x + pad, top, Face::Bold, size, NAVY, column.title);
            x += width;
        }
        self.y += h;
    }

    /// A table whose header repeats on every page it reaches; a row taller than the space left
    /// continues on the next page, line by line.
    pub(super) fn table(&mut self, columns: &[Column], rows: Vec<Row>, size: f32) {
        let widths = widths(columns, self.content_width());
        let pad = CELL_PAD;
        let lh = line_height(size);
        // Room for the header and a two-line row, so a table never starts with its header alone.
        self.ensure(3.0 * lh + 4.0 * pad);
        self.table_header(columns, &widths, size);
        for row in rows {
            // Each cell becomes a list of (face, colour, line).
            let mut cells: Vec<Vec<CellLine>> = row
                .iter()
                .zip(&widths)
                .map(|(pieces, width)| {
                    pieces
                        .iter()
                        .flat_map(|p| {
                            self.fonts
                                .wrap(p.face, size, &p.text, width - 2.0 * pad)
                                .into_iter()
                                .filter(|l| !l.is_empty())
                                .map(move |l| (p.face, p.color, l))
                        })
                        .collect()
                })
                .collect();
            // Keep a row whole when it fits on a fresh page; only a row taller than a page splits.
            let row_h = cells.iter().map(Vec::len).max().unwrap_or(0) as f32 * lh + 2.0 * pad;
            let fresh_page_room = self.bottom() - MARGIN_TOP - line_height(size) - 4.0 * pad;
            if self.y + row_h > self.bottom() && row_h <= fresh_page_room
                || self.y + lh + 2.0 * pad > self.bottom()
            {
                self.new_page();
                self.table_header(columns, &widths, size);
            }
            loop {
                let fit = (((self.bottom() - self.y - 2.0 * pad) / lh).floor() as usize).max(1);
                let tallest = cells.iter().map(Vec::len).max().unwrap_or(0);
                let take = tallest.min(fit);
                let mut x = MARGIN_X;
                for (cell, width) in cells.iter_mut().zip(&widths) {
                    let now: Vec<_> = cell.drain(..take.min(cell.len())).collect();
                    for (i, (face, rgb, line)) in now.iter().enumerate() {
                        let top = self.y + pad + i as f32 * lh;
                        self.text(x + pad, top, *face, size, *rgb, line);
                    }
                    x += width;
                }
                self.y += take as f32 * lh + 2.0 * pad;
                let y = self.y;
                self.rule(MARGIN_X, self.right(), y, RULE, HAIRLINE);
                if cells.iter().all(Vec::is_empty) {
                    break;
                }
                self.new_page();
                self.table_header(columns, &widths, size);
            }
        }
        self.y += SPACE_AFTER_TABLE;
    }
}
