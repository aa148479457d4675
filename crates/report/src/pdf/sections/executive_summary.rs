//! The executive summary: headline figures, readiness by category, the top gaps, audit readiness.

use super::gap_cells::{gap_summary, level_change, owner_cell};
use super::pct;
use super::since_last::{arrow, trend_words};
use crate::model::ReportModel;
use crate::pdf::bars::Bar;
use crate::pdf::fonts::Face;
use crate::pdf::layout::{BODY, HEADING, MARGIN_X, Writer};
use crate::pdf::palette::{HEADER_FILL, INK, MUTED, NAVY, Rgb3, band, priority_color, trend_color};
use crate::pdf::table::{Column, TABLE_TEXT, piece};
use soc2_readiness_core::gaps::Priority;

/// Four figures side by side across the text width, this far apart.
const STATS: usize = 4;
const STAT_GAP: f32 = 4.0;
const STAT_H: f32 = 27.0;
/// The coloured edge at a figure's left, and where its text starts.
const STAT_EDGE_W: f32 = 1.6;
const STAT_INSET: f32 = 5.0;
const STAT_LABEL_TOP: f32 = 3.0;
const STAT_LABEL_SIZE: f32 = 8.5;
const STAT_VALUE_TOP: f32 = 8.0;
const STAT_VALUE_SIZE: f32 = 22.0;
const STAT_DETAIL_TOP: f32 = 20.0;
const STAT_DETAIL_SIZE: f32 = 7.5;
/// The detail line is cut to one line this much narrower than the box.
const STAT_DETAIL_CLEARANCE: f32 = 8.0;
/// The row of figures and the space below it.
const STATS_BAND: f32 = STAT_H + 6.0;
/// With a comparison, the headline's change since then takes the line under its detail, and
/// a second one when it does not fit on one: every box grows to stay level.
const STAT_TREND_LINE: f32 = 3.4;
const STAT_TREND_TOP: f32 = STAT_DETAIL_TOP + STAT_TREND_LINE;
/// Room kept under the change, as under the detail of a box without one.
const STAT_TREND_PAD: f32 = 1.4;
/// The arrow beside the headline figure: its width, the space before it, and its middle
/// below the figure's top.
const ARROW_W: f32 = 3.6;
const ARROW_GAP: f32 = 2.0;
const ARROW_MIDDLE: f32 = 4.4;

const TOP_GAP_COLUMNS: [Column; 5] = [
    Column::fixed("#", 7.0),
    Column::rest("Gap"),
    Column::fixed("Criteria", 22.0),
    Column::fixed("Level", 22.0),
    Column::fixed("Owner and date", 34.0),
];

/// One headline figure of the executive summary.
struct Stat<'s> {
    label: &'s str,
    value: String,
    detail: String,
    rgb: Rgb3,
    /// The change since the last assessment: the headline's only.
    trend: Option<Trend>,
}

/// "+6.2 pts" and "since 2 Nov 2026": on one line when they fit the box, else on two.
#[derive(Clone)]
struct Trend {
    delta: Option<f64>,
    points: String,
    since: String,
    one_line: bool,
}

fn stat_box(w: &mut Writer, x: f32, top: f32, width: f32, height: f32, stat: Stat) {
    w.rect(x, top, width, height, HEADER_FILL);
    w.rect(x, top, STAT_EDGE_W, height, stat.rgb);
    let text_x = x + STAT_INSET;
    w.text(
        text_x,
        top + STAT_LABEL_TOP,
        Face::Regular,
        STAT_LABEL_SIZE,
        MUTED,
        stat.label,
    );
    w.text(
        text_x,
        top + STAT_VALUE_TOP,
        Face::Bold,
        STAT_VALUE_SIZE,
        stat.rgb,
        &stat.value,
    );
    let detail = w.fonts.first_line(
        Face::Regular,
        STAT_DETAIL_SIZE,
        &stat.detail,
        width - STAT_DETAIL_CLEARANCE,
    );
    w.text(
        text_x,
        top + STAT_DETAIL_TOP,
        Face::Regular,
        STAT_DETAIL_SIZE,
        MUTED,
        &detail,
    );
    if let Some(trend) = stat.trend {
        let value_w = w.fonts.width(Face::Bold, STAT_VALUE_SIZE, &stat.value);
        let arrow_x = text_x + value_w + ARROW_GAP;
        if arrow_x + ARROW_W < x + width {
            let middle = top + STAT_VALUE_TOP + ARROW_MIDDLE;
            arrow(w, arrow_x, middle, ARROW_W, trend.delta);
        }
        let ink = trend_color(trend.delta);
        let size = STAT_DETAIL_SIZE;
        let line = top + STAT_TREND_TOP;
        w.text(text_x, line, Face::Bold, size, ink, &trend.points);
        let (since_x, since_top) = if trend.one_line {
            let room = w
                .fonts
                .width(Face::Bold, size, &format!("{} ", trend.points));
            (text_x + room, line)
        } else {
            (text_x, line + STAT_TREND_LINE)
        };
        w.text(since_x, since_top, Face::Regular, size, MUTED, &trend.since);
    }
}

pub(in crate::pdf) fn write(w: &mut Writer, model: &ReportModel) {
    w.section("Executive summary");
    let s = &model.scorecard;
    let top = w.y;
    let gap = STAT_GAP;
    let box_w = (w.content_width() - (STATS - 1) as f32 * gap) / STATS as f32;
    let box_x = |i: usize| MARGIN_X + i as f32 * (box_w + gap);
    let headline_is_design = s.target_level == soc2_readiness_core::scoring::DESIGN_TARGET;
    let trend = model.since_last.as_ref().map(|since| {
        let (points, since_words) = trend_words(since);
        let both = format!("{points} {since_words}");
        let room = box_w - STAT_INSET - STAT_EDGE_W;
        Trend {
            delta: since.comparison.overall.readiness.delta(),
            one_line: w.fonts.width(Face::Bold, STAT_DETAIL_SIZE, &both) <= room,
            points,
            since: since_words,
        }
    });
    let height = STAT_H
        + match &trend {
            None => 0.0,
            Some(t) if t.one_line => STAT_TREND_PAD,
            Some(_) => STAT_TREND_PAD + STAT_TREND_LINE,
        };
    let figures = [
        (
            "Design readiness",
            s.overall.design,
            if headline_is_design {
                "Type I · the headline"
            } else {
                "what a Type I tests"
            },
        ),
        (
            "Operating readiness",
            s.overall.operating,
            if headline_is_design {
                "what a Type II tests"
            } else {
                "Type II · the headline"
            },
        ),
    ];
    for (i, (label, value, detail)) in figures.into_iter().enumerate() {
        let is_headline = (i == 0) == headline_is_design;
        stat_box(
            w,
            box_x(i),
            top,
            box_w,
            height,
            Stat {
                label,
                value: pct(value),
                detail: detail.to_string(),
                rgb: value.map_or(MUTED, band),
                trend: trend.clone().filter(|_| is_headline),
            },
        );
    }
    stat_box(
        w,
        box_x(2),
        top,
        box_w,
        height,
        Stat {
            label: "Completion",
            value: pct(s.overall.completion),
            // Implied and "don't know" answers are shown beside completion, never in it.
            detail: {
                let mut beside = Vec::new();
                if s.overall.implied > 0 {
                    beside.push(format!("{} implied", s.overall.implied));
                }
                if s.overall.unknown > 0 {
                    beside.push(format!("{} to verify", s.overall.unknown));
                }
                if beside.is_empty() {
                    format!(
                        "{} of {} questions answered",
                        s.overall.answered, s.overall.applicable
                    )
                } else {
                    format!("{} answered · {}", s.overall.answered, beside.join(" · "))
                }
            },
            rgb: NAVY,
            trend: None,
        },
    );
    let [fix_now, high, medium, low] = model.gaps_by_priority;
    stat_box(
        w,
        box_x(3),
        top,
        box_w,
        height,
        Stat {
            label: "Gaps to close",
            value: model.gap_count.to_string(),
            detail: if fix_now > 0 {
                format!("{fix_now} fix now · {high} high · {medium} med. · {low} low")
            } else {
                format!("{high} high · {medium} med. · {low} low")
            },
            rgb: priority_color(if fix_now > 0 {
                Priority::FixNow
            } else {
                Priority::High
            }),
            trend: None,
        },
    );
    w.y = top + STATS_BAND + height - STAT_H;
    w.heading(
        &format!(
            "Readiness by category ({} readiness, the headline for a {})",
            if headline_is_design {
                "design"
            } else {
                "operating"
            },
            model.report_type
        ),
        HEADING,
    );
    let rows: Vec<Bar> = s
        .categories
        .iter()
        .map(|c| (c.name.clone(), c.readiness, c.in_scope))
        .collect();
    w.bars(&rows);
    w.heading("The five most important gaps", HEADING);
    if model.top_gaps.is_empty() {
        w.paragraph(
            Face::Regular,
            BODY,
            INK,
            "None: every applicable control is at its target level.",
        );
    } else {
        let rows = model
            .top_gaps
            .iter()
            .enumerate()
            .map(|(i, g)| {
                vec![
                    vec![piece(Face::Bold, INK, (i + 1).to_string())],
                    gap_summary(g),
                    vec![piece(Face::Regular, INK, g.criteria.join(", "))],
                    vec![piece(Face::Regular, INK, level_change(g))],
                    owner_cell(g),
                ]
            })
            .collect();
        w.table(&TOP_GAP_COLUMNS, rows, TABLE_TEXT);
    }
    if !model.weakest.is_empty() {
        w.paragraph(
            Face::Regular,
            BODY,
            INK,
            &format!(
                "The weakest criterion in each category: {}.",
                model.weakest.join("; ")
            ),
        );
    }
    w.heading("What it takes to be audit-ready", HEADING);
    for paragraph in &model.audit_ready {
        w.paragraph(Face::Regular, BODY, INK, paragraph);
        w.y += 1.2;
    }
}
