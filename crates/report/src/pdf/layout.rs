//! The page writer (a cursor that flows content onto new pages), its primitives and page geometry.
//!
//! Coordinates are millimetres from the top-left corner of the page; only the drawing
//! primitives here convert to PDF's bottom-left points.

use printpdf::{
    Line, LinePoint, Mm, Op, PaintMode, PdfFontHandle, PdfPage, Point, Polygon, PolygonRing, Pt,
    Rect, TextItem, WindingOrder,
};

use super::fonts::{Face, Fonts, PT_PER_MM};
use super::palette::{MUTED, NAVY, RULE, Rgb3, color};

pub(super) const MARGIN_X: f32 = 18.0;
/// A section starts on the page it follows when at least this share of the page is left.
pub(super) const SECTION_ROOM: f32 = 0.45;
/// The space above a section title that follows another section on the same page.
const SPACE_ABOVE_SECTION: f32 = 8.0;
pub(super) const MARGIN_TOP: f32 = 22.0;
const MARGIN_BOTTOM: f32 = 22.0;
/// Header and footer sit inside this band, so no text comes closer to the paper's edge.
pub const SAFE_EDGE_MM: f32 = 10.0;

/// Body text, and the smaller size of captions, notes and the footer.
pub(super) const BODY: f32 = 9.0;
pub(super) const SMALL: f32 = 7.8;
/// Headings inside a section, and the larger ones the gap register and roadmap group their
/// tables under.
pub(super) const HEADING: f32 = 11.0;
pub(super) const GROUP_HEADING: f32 = 12.0;
const SECTION_TITLE: f32 = 18.0;

/// Line height as a multiple of the type size.
const LEADING: f32 = 1.38;
/// How far a line's baseline sits below the top of the line, as a multiple of the type size.
const BASELINE_DROP: f32 = 1.02;

/// Rule thicknesses, in points.
pub(super) const HAIRLINE: f32 = 0.4;
pub(super) const THIN_RULE: f32 = 0.5;
const SECTION_RULE: f32 = 1.2;

/// Vertical space after a block of text, a table group or a chart, before what follows.
pub(super) const GAP_AFTER_BLOCK: f32 = 2.0;
/// A heading never ends a page: it moves on unless this much of what follows fits under it.
const KEEP_WITH_HEADING: f32 = 20.0;
const SPACE_ABOVE_HEADING: f32 = 1.0;
const SPACE_BELOW_HEADING: f32 = 1.5;
const SECTION_RULE_BELOW_TITLE: f32 = 1.0;
const SPACE_BELOW_SECTION_TITLE: f32 = 5.0;

/// The footer's text starts this far above the paper's bottom edge, inside the bottom margin.
const FOOTER_FROM_BOTTOM: f32 = 15.0;
const FOOTER_RULE_ABOVE_TEXT: f32 = 1.5;
/// Kept free at the footer's right for "Page n of N"; a long organisation name is cut short.
const PAGE_NUMBER_ROOM: f32 = 30.0;

pub(super) fn line_height(size: f32) -> f32 {
    size * LEADING / PT_PER_MM
}

/// The page being written and the pages behind it.
pub(super) struct Writer<'a> {
    pub(super) fonts: &'a Fonts,
    pub(super) width: f32,
    pub(super) height: f32,
    pages: Vec<Vec<Op>>,
    /// The cursor: where the next line of flowing content starts.
    pub(super) y: f32,
    /// Outline entries: title and 1-based page number.
    bookmarks: Vec<(String, usize)>,
}

impl<'a> Writer<'a> {
    /// A writer with no page yet: the first section opens one.
    pub(super) fn new(fonts: &'a Fonts, width: f32, height: f32) -> Writer<'a> {
        Writer {
            fonts,
            width,
            height,
            pages: Vec::new(),
            y: MARGIN_TOP,
            bookmarks: Vec::new(),
        }
    }

    pub(super) fn content_width(&self) -> f32 {
        self.width - 2.0 * MARGIN_X
    }

    pub(super) fn right(&self) -> f32 {
        self.width - MARGIN_X
    }

    pub(super) fn bottom(&self) -> f32 {
        self.height - MARGIN_BOTTOM
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN_TOP;
    }

    pub(super) fn ops(&mut self) -> &mut Vec<Op> {
        self.pages.last_mut().expect("a page is open")
    }

    /// Starts a new page unless `needed` mm still fit on this one.
    pub(super) fn ensure(&mut self, needed: f32) {
        if self.y + needed > self.bottom() {
            self.new_page();
        }
    }

    pub(super) fn bookmark(&mut self, title: &str) {
        let page = self.pages.len();
        self.bookmarks.push((title.to_string(), page));
    }

    /// One line of text whose top is at `top`; it does not move the cursor.
    pub(super) fn text(&mut self, x: f32, top: f32, face: Face, size: f32, rgb: Rgb3, s: &str) {
        if s.is_empty() {
            return;
        }
        let baseline = top + size * BASELINE_DROP / PT_PER_MM;
        let font = self.fonts.id(face);
        let y = self.height - baseline;
        self.ops().extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(font),
                size: Pt(size),
            },
            Op::SetFillColor { col: color(rgb) },
            Op::SetTextCursor {
                pos: Point {
                    x: Mm(x).into(),
                    y: Mm(y).into(),
                },
            },
            Op::ShowText {
                items: vec![TextItem::Text(s.to_string())],
            },
            Op::EndTextSection,
        ]);
    }

    pub(super) fn text_right(
        &mut self,
        right: f32,
        top: f32,
        face: Face,
        size: f32,
        rgb: Rgb3,
        s: &str,
    ) {
        let w = self.fonts.width(face, size, s);
        self.text(right - w, top, face, size, rgb, s);
    }

    pub(super) fn rect(&mut self, x: f32, top: f32, w: f32, h: f32, rgb: Rgb3) {
        let y = self.height - top - h;
        self.ops().extend([
            Op::SetFillColor { col: color(rgb) },
            Op::DrawRectangle {
                rectangle: Rect {
                    x: Mm(x).into(),
                    y: Mm(y).into(),
                    width: Mm(w).into(),
                    height: Mm(h).into(),
                    mode: Some(PaintMode::Fill),
                    winding_order: None,
                },
            },
        ]);
    }

    /// A filled shape through `corners` (page millimetres): the trend arrows, which the
    /// bundled font has no glyph for.
    pub(super) fn shape(&mut self, corners: &[(f32, f32)], rgb: Rgb3) {
        let points = corners
            .iter()
            .map(|&(x, y)| LinePoint {
                p: Point {
                    x: Mm(x).into(),
                    y: Mm(self.height - y).into(),
                },
                bezier: false,
            })
            .collect();
        self.ops().extend([
            Op::SetFillColor { col: color(rgb) },
            Op::DrawPolygon {
                polygon: Polygon {
                    rings: vec![PolygonRing { points }],
                    mode: PaintMode::Fill,
                    winding_order: WindingOrder::NonZero,
                },
            },
        ]);
    }

    /// A horizontal line at `y`, `thickness` in points.
    pub(super) fn rule(&mut self, x1: f32, x2: f32, y: f32, rgb: Rgb3, thickness: f32) {
        let at = |x: f32| LinePoint {
            p: Point {
                x: Mm(x).into(),
                y: Mm(self.height - y).into(),
            },
            bezier: false,
        };
        let line = Line {
            points: vec![at(x1), at(x2)],
            is_closed: false,
        };
        self.ops().extend([
            Op::SetOutlineColor { col: color(rgb) },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawLine { line },
        ]);
    }

    /// Wrapped text at the cursor, flowing onto new pages as needed.
    pub(super) fn paragraph(&mut self, face: Face, size: f32, rgb: Rgb3, text: &str) {
        self.paragraph_at(MARGIN_X, self.content_width(), face, size, rgb, text);
    }

    pub(super) fn paragraph_at(
        &mut self,
        x: f32,
        width: f32,
        face: Face,
        size: f32,
        rgb: Rgb3,
        text: &str,
    ) {
        let lh = line_height(size);
        for line in self.fonts.wrap(face, size, text, width) {
            self.ensure(lh);
            let top = self.y;
            self.text(x, top, face, size, rgb, &line);
            self.y += lh;
        }
    }

    pub(super) fn heading(&mut self, title: &str, size: f32) {
        self.ensure(line_height(size) + KEEP_WITH_HEADING);
        self.y += SPACE_ABOVE_HEADING;
        self.paragraph(Face::Bold, size, NAVY, title);
        self.y += SPACE_BELOW_HEADING;
    }

    /// A section starts a page, is bookmarked, and has its title underlined across the page.
    /// Starts a section: on a new page when less than [`SECTION_ROOM`] of this page is left (or
    /// this is the cover), otherwise below what is there, so no page is left nearly blank
    /// because a short section ended on it.
    pub(super) fn section(&mut self, title: &str) {
        let page_h = self.bottom() - MARGIN_TOP;
        let empty = self.y <= MARGIN_TOP + 0.5;
        let room = self.bottom() - self.y;
        if !empty && (self.pages.len() < 2 || room < page_h * SECTION_ROOM) {
            self.new_page();
        } else if !empty {
            self.y += SPACE_ABOVE_SECTION;
        }
        self.bookmark(title);
        self.paragraph(Face::Bold, SECTION_TITLE, NAVY, title);
        let y = self.y + SECTION_RULE_BELOW_TITLE;
        self.rule(MARGIN_X, self.right(), y, NAVY, SECTION_RULE);
        self.y += SPACE_BELOW_SECTION_TITLE;
    }

    /// The finished pages, every one but the cover with a footer (`footer` at the left, the
    /// page number at the right), and the bookmarks.
    pub(super) fn finish(mut self, footer: &str) -> (Vec<PdfPage>, Vec<(String, usize)>) {
        let total = self.pages.len();
        let footer = self.fonts.first_line(
            Face::Regular,
            SMALL,
            footer,
            self.content_width() - PAGE_NUMBER_ROOM,
        );
        let mut pages = Vec::with_capacity(total);
        // Each page goes back on top of the stack in turn, so the primitives draw on it.
        let drained: Vec<Vec<Op>> = std::mem::take(&mut self.pages);
        for (index, ops) in drained.into_iter().enumerate() {
            self.pages.push(ops);
            if index > 0 {
                let top = self.height - FOOTER_FROM_BOTTOM;
                let right = self.right();
                self.rule(
                    MARGIN_X,
                    right,
                    top - FOOTER_RULE_ABOVE_TEXT,
                    RULE,
                    HAIRLINE,
                );
                self.text(MARGIN_X, top, Face::Regular, SMALL, MUTED, &footer);
                let label = format!("Page {} of {total}", index + 1);
                self.text_right(right, top, Face::Regular, SMALL, MUTED, &label);
            }
            let ops = self.pages.pop().expect("the page just pushed");
            pages.push(PdfPage::new(Mm(self.width), Mm(self.height), ops));
        }
        (pages, self.bookmarks)
    }
}
