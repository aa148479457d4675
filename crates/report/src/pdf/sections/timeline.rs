//! The plan's timeline: phases in colour on one bar, month labels below, key dates marked above.

use chrono::{Datelike, Months, NaiveDate};

use crate::pdf::fonts::Face;
use crate::pdf::layout::{HAIRLINE, MARGIN_X, Writer};
use crate::pdf::palette::{
    AMBER, MUTED, NAVY, ON_TRACK, RULE, Rgb3, TRACK, WHITE, band, priority_color,
};
use soc2_readiness_core::gaps::Priority;
use soc2_readiness_core::plan::{MilestoneKind, Plan};

/// The whole chart, kept on one page: two rows of marker labels, the bar, the month labels.
const CHART_H: f32 = 34.0;
/// The bar sits below the two rows of marker labels.
const BAR_DROP: f32 = 9.0;
const BAR_H: f32 = 7.0;
const SPACE_BELOW_BAR: f32 = 8.0;

const LABEL_SIZE: f32 = 7.0;
/// A phase's name is written inside its segment, inset from its left and top, when it fits.
const PHASE_LABEL_INSET: f32 = 1.0;
const PHASE_LABEL_DROP: f32 = 1.6;
/// Segments narrower than this are not drawn: a phase that takes no time.
const MIN_SEGMENT_W: f32 = 0.2;

const MONTH_SIZE: f32 = 6.5;
const MONTH_TICK_BELOW_BAR: f32 = 1.5;
const MONTH_LABEL_BELOW_BAR: f32 = 1.2;
/// About this many month labels at most, however long the timeline.
const MAX_MONTH_LABELS: i64 = 8;
const MIN_LABEL_SPACING: f32 = 1.0;

/// A key date's tick above the bar, and its label in one of two rows.
const MARKER_W: f32 = 0.7;
const MARKER_H: f32 = 2.2;
const LOWER_ROW_DROP: f32 = 4.2;
const MIN_MARKER_SPACING: f32 = 1.5;

/// A horizontal timeline from today (or the observation start answered in step 1, when it has
/// passed) to the report or target date, whichever is later.
pub(super) fn write(w: &mut Writer, plan: &Plan) {
    let end = plan
        .target_date
        .map_or(plan.report_date, |t| t.max(plan.report_date));
    let window_start = plan
        .observation_start
        .or(plan.type1_date)
        .unwrap_or(plan.remediation_end);
    let start = plan.today.min(window_start).min(end);
    let span = ((end - start).num_days().max(1)) as f32;
    let left = MARGIN_X;
    let width = w.content_width();
    let x_of = |date: NaiveDate| left + width * ((date - start).num_days() as f32 / span);
    w.ensure(CHART_H);
    let top = w.y;
    let bar_top = top + BAR_DROP;
    let bar_h = BAR_H;
    w.rect(left, bar_top, width, bar_h, TRACK);
    // When the period starts before remediation can end (a start answered in step 1), the bar
    // shows the period from its start; the verdict says what is still open then.
    let remediation_to = plan.remediation_end.min(window_start).max(plan.today);
    let segments = [
        (plan.today, remediation_to, AMBER, "Remediation"),
        (plan.remediation_end, window_start, RULE, ""),
        (
            window_start,
            plan.observation_end.unwrap_or(window_start),
            NAVY,
            "Observation",
        ),
        (
            plan.observation_end.unwrap_or(window_start),
            plan.report_date,
            band(ON_TRACK),
            "Report",
        ),
    ];
    for (from, to, rgb, label) in segments {
        let (x1, x2) = (x_of(from), x_of(to));
        if x2 - x1 > MIN_SEGMENT_W {
            w.rect(x1, bar_top, x2 - x1, bar_h, rgb);
            let label_w = w.fonts.width(Face::Bold, LABEL_SIZE, label);
            if !label.is_empty() && label_w + 2.0 * PHASE_LABEL_INSET < x2 - x1 {
                w.text(
                    x1 + PHASE_LABEL_INSET,
                    bar_top + PHASE_LABEL_DROP,
                    Face::Bold,
                    LABEL_SIZE,
                    WHITE,
                    label,
                );
            }
        }
    }
    // Month ticks under the bar.
    let mut month = NaiveDate::from_ymd_opt(start.year(), start.month(), 1).unwrap_or(start);
    let months = ((end - start).num_days() / 30).max(1);
    let step = (months / MAX_MONTH_LABELS + 1) as u32;
    let mut last_label_end = f32::MIN;
    while month <= end {
        if month >= start {
            let x = x_of(month);
            w.rule(x, x, bar_top + bar_h + MONTH_TICK_BELOW_BAR, RULE, HAIRLINE);
            let label = month.format("%b %Y").to_string();
            let label_w = w.fonts.width(Face::Regular, MONTH_SIZE, &label);
            if x > last_label_end + MIN_LABEL_SPACING && x + label_w <= left + width {
                let label_top = bar_top + bar_h + MONTH_LABEL_BELOW_BAR;
                w.text(x, label_top, Face::Regular, MONTH_SIZE, MUTED, &label);
                last_label_end = x + label_w;
            }
        }
        month = month
            .checked_add_months(Months::new(step))
            .unwrap_or(NaiveDate::MAX);
    }
    // Markers above the bar: the Type I date, the report date and the target date.
    let mut marks: Vec<(f32, String, Rgb3)> = Vec::new();
    for m in &plan.milestones {
        let rgb = match m.kind {
            MilestoneKind::TargetDate => priority_color(Priority::High),
            MilestoneKind::Type1Date | MilestoneKind::ReportDate => NAVY,
            _ => continue,
        };
        let short = match m.kind {
            MilestoneKind::TargetDate => "Target",
            MilestoneKind::Type1Date => "Type I date",
            _ => "Report",
        };
        marks.push((
            x_of(m.date),
            format!("{short} {}", m.date.format("%-d %b")),
            rgb,
        ));
    }
    marks.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Labels go in the lower row unless they would run into the previous one there.
    let mut row_end = [f32::MIN, f32::MIN];
    for (x, label, rgb) in marks {
        // A tick above the bar, so the segment labels inside it stay readable.
        w.rect(
            x - MARKER_W / 2.0,
            bar_top - MARKER_H,
            MARKER_W,
            MARKER_H,
            rgb,
        );
        let label_w = w.fonts.width(Face::Bold, LABEL_SIZE, &label);
        let lx = (x - label_w / 2.0).clamp(left, left + width - label_w);
        let row = if lx > row_end[0] + MIN_MARKER_SPACING {
            0
        } else {
            1
        };
        let ly = top + if row == 0 { LOWER_ROW_DROP } else { 0.0 };
        w.text(lx, ly, Face::Bold, LABEL_SIZE, rgb, &label);
        row_end[row] = lx + label_w;
    }
    w.y = bar_top + bar_h + SPACE_BELOW_BAR;
}
