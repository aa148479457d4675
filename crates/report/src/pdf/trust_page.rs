//! The trust page as a one-page PDF for sales teams: the same content as the HTML page, in two columns, never more than one page.
//!
//! When a company's list is longer than a page holds, the last line says how many items are left
//! for the web page instead of starting a second page.

use printpdf::{OffsetDateTime, PdfDocument, PdfSaveOptions};

use super::fonts::{Face, Fonts};
use super::layout::{BODY, HAIRLINE, MARGIN_X, SMALL, Writer, line_height};
use super::palette::{AMBER, INK, MUTED, NAVY, RULE};
use crate::ReportError;
use crate::model::PageSize;
use soc2_readiness_core::engagement::human_date;
use soc2_readiness_core::trust::TrustPage;

const TOP: f32 = 16.0;
const TITLE: f32 = 16.0;
const STATUS: f32 = 10.0;
const ITEM: f32 = 8.0;
const BLOCK_HEADING: f32 = 9.0;
const COLUMN_GAP: f32 = 8.0;
const BULLET_INDENT: f32 = 3.0;
/// Kept free at the bottom of the page for the closing statement.
const FOOTER_ROOM: f32 = 22.0;

/// A heading and its items: a claim group, the sub-processors, the policies, the contact.
struct Block {
    heading: String,
    items: Vec<String>,
}

pub(crate) fn render(
    page: &TrustPage,
    size: PageSize,
) -> Result<(Vec<u8>, usize, PdfDocument), ReportError> {
    let mut doc = PdfDocument::new(&format!("{}: security overview", page.organisation));
    let fonts = Fonts::load(&mut doc)?;
    let (width, height) = size.size_mm();
    let mut w = Writer::new(&fonts, width, height);
    w.new_page();
    w.y = TOP;
    let content = w.content_width();
    if page.self_assessed {
        w.paragraph(Face::Bold, SMALL, AMBER, "SELF-ASSESSED");
    }
    w.paragraph(
        Face::Bold,
        TITLE,
        NAVY,
        &format!("{}: security overview", page.organisation),
    );
    w.y += 1.0;
    w.paragraph(Face::Bold, STATUS, INK, &page.status);
    w.paragraph(
        Face::Regular,
        SMALL,
        MUTED,
        &format!(
            "As of {}. The controls are the company's own assessment, not an auditor's opinion. Beside each control: documented (written down and in place) or in place, with evidence (records are kept of it operating).",
            human_date(page.as_of),
        ),
    );
    if !page.categories.is_empty() {
        w.paragraph(
            Face::Regular,
            BODY,
            INK,
            &format!(
                "This assessment covers the Trust Services Categories {}.",
                page.categories.join(", ")
            ),
        );
    }
    w.y += 1.5;
    let rule_y = w.y;
    w.rule(MARGIN_X, MARGIN_X + content, rule_y, RULE, HAIRLINE);
    w.y += 3.0;

    let omitted = columns(&mut w, &blocks(page), height);

    let foot = height - FOOTER_ROOM + 4.0;
    w.rule(MARGIN_X, MARGIN_X + content, foot - 2.0, RULE, HAIRLINE);
    // A long name is cut in the closing line so the footer keeps to its room at the page foot.
    let name: String = if page.organisation.chars().count() > 60 {
        page.organisation.chars().take(59).collect::<String>() + "…"
    } else {
        page.organisation.clone()
    };
    let mut closing = format!(
        "Prepared with SOC 2 Readiness from {name}'s own answers and records on {}; the controls are self-assessed, not audited.",
        human_date(page.as_of),
    );
    if omitted > 0 {
        closing.push_str(&format!(
            " {omitted} more {} on the web page.",
            if omitted == 1 { "item is" } else { "items are" }
        ));
    }
    w.y = foot;
    for line in fonts.wrap(Face::Regular, SMALL, &closing, content) {
        let y = w.y;
        w.text(MARGIN_X, y, Face::Regular, SMALL, MUTED, &line);
        w.y += line_height(SMALL);
    }

    let (pages, _) = w.finish("");
    let total = pages.len();
    doc.with_pages(pages);
    let info = &mut doc.metadata.info;
    info.author = page.organisation.clone();
    info.subject = "Security overview".into();
    info.creator = "SOC 2 Readiness".into();
    info.producer = "SOC 2 Readiness".into();
    let day = page
        .as_of
        .and_hms_opt(12, 0, 0)
        .map(|t| t.and_utc().timestamp())
        .unwrap_or(0);
    let created =
        OffsetDateTime::from_unix_timestamp(day).map_err(|e| ReportError::Font(e.to_string()))?;
    info.creation_date = created;
    info.modification_date = created;
    info.metadata_date = created;
    let options = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    let bytes = doc.save(&options, &mut Vec::new());
    Ok((bytes, total, doc))
}

fn blocks(page: &TrustPage) -> Vec<Block> {
    let mut out: Vec<Block> = page
        .groups
        .iter()
        .map(|g| Block {
            heading: g.title.clone(),
            items: g
                .claims
                .iter()
                .map(|c| format!("{} ({})", c.text, c.basis.label()))
                .collect(),
        })
        .collect();
    if out.is_empty() {
        out.push(Block {
            heading: "Controls in place".into(),
            items: vec![
                "No control is listed yet: each is shown once it is in place and documented."
                    .into(),
            ],
        });
    }
    if let Some(list) = page.subprocessors.as_ref().filter(|l| !l.is_empty()) {
        out.push(Block {
            heading: "Sub-processors".into(),
            items: list
                .iter()
                .map(|s| match &s.location {
                    Some(location) => format!("{}: {} ({location})", s.name, s.purpose),
                    None => format!("{}: {}", s.name, s.purpose),
                })
                .collect(),
        });
    }
    if let Some(list) = page.policies.as_ref().filter(|l| !l.is_empty()) {
        out.push(Block {
            heading: "Policies".into(),
            items: list
                .iter()
                .map(|p| {
                    format!(
                        "{}, version {}, approved {}",
                        p.title,
                        p.version,
                        human_date(p.approved_on)
                    )
                })
                .collect(),
        });
    }
    let mut contact = Vec::new();
    if let Some(uptime) = &page.uptime {
        contact.push(format!("Uptime commitment: {uptime}"));
    }
    if let Some(address) = &page.contact {
        contact.push(format!("Security contact: {address}"));
    }
    if !contact.is_empty() {
        out.push(Block {
            heading: "Commitments and contact".into(),
            items: contact,
        });
    }
    out
}

/// Flows the blocks down two columns from the cursor; returns how many items did not fit.
fn columns(w: &mut Writer<'_>, blocks: &[Block], height: f32) -> usize {
    let column = (w.content_width() - COLUMN_GAP) / 2.0;
    let top = w.y;
    let limit = height - FOOTER_ROOM;
    let (item_lh, heading_lh) = (line_height(ITEM), line_height(BLOCK_HEADING));
    let mut col = 0;
    let mut y = top;
    let x = |col: usize| MARGIN_X + col as f32 * (column + COLUMN_GAP);
    for (b, block) in blocks.iter().enumerate() {
        let mut heading_due = true;
        for (i, item) in block.items.iter().enumerate() {
            let lines = w
                .fonts
                .wrap(Face::Regular, ITEM, item, column - BULLET_INDENT);
            let need = |heading_due: bool| {
                lines.len() as f32 * item_lh + if heading_due { heading_lh + 1.0 } else { 0.0 }
            };
            // Moves to the second column once; an item that fits neither is left for the web page.
            if y + need(heading_due) > limit && col == 0 {
                col = 1;
                y = top;
                heading_due = true;
            }
            if y + need(heading_due) > limit {
                return block.items.len() - i
                    + blocks[b + 1..].iter().map(|b| b.items.len()).sum::<usize>();
            }
            if heading_due {
                let heading = if i == 0 {
                    block.heading.clone()
                } else {
                    format!("{} (continued)", block.heading)
                };
                y += 1.0;
                w.text(x(col), y, Face::Bold, BLOCK_HEADING, NAVY, &heading);
                y += heading_lh;
                heading_due = false;
            }
            for (n, line) in lines.iter().enumerate() {
                if n == 0 {
                    w.text(x(col), y, Face::Regular, ITEM, INK, "•");
                }
                w.text(x(col) + BULLET_INDENT, y, Face::Regular, ITEM, INK, line);
                y += item_lh;
            }
            y += 0.6;
        }
        y += 1.5;
    }
    0
}
