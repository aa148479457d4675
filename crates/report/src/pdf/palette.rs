//! The report's colours, and the red-to-green bands a readiness figure is drawn in.

use printpdf::{Color, Rgb};

use soc2_readiness_core::gaps::Priority;
use soc2_readiness_core::scoring::Band;

/// An sRGB colour with channels from 0 to 1.
pub(super) type Rgb3 = (f32, f32, f32);

pub(super) const INK: Rgb3 = (0.13, 0.16, 0.21);
pub(super) const MUTED: Rgb3 = (0.42, 0.45, 0.50);
pub(super) const NAVY: Rgb3 = (0.10, 0.21, 0.36);
pub(super) const RULE: Rgb3 = (0.82, 0.84, 0.87);
/// The empty part of a bar, and criteria out of scope.
pub(super) const TRACK: Rgb3 = (0.91, 0.92, 0.94);
pub(super) const HEADER_FILL: Rgb3 = (0.93, 0.95, 0.97);
pub(super) const WHITE: Rgb3 = (1.0, 1.0, 1.0);
pub(super) const AMBER: Rgb3 = (0.85, 0.55, 0.12);
/// A check log's passed and failed runs.
pub(super) const PASSED: Rgb3 = GREEN;
pub(super) const FAILED: Rgb3 = RED;

const RED: Rgb3 = (0.75, 0.22, 0.17);
/// Darker than High's red: an exposure open today.
const CRIMSON: Rgb3 = (0.55, 0.08, 0.16);
const ORANGE: Rgb3 = (0.90, 0.49, 0.13);
const YELLOW_GREEN: Rgb3 = (0.56, 0.68, 0.20);
const GREEN: Rgb3 = (0.15, 0.55, 0.33);
const SLATE: Rgb3 = (0.40, 0.50, 0.60);

/// A figure surely in the green band, for things that are simply on track.
pub(super) const ON_TRACK: f64 = 95.0;

pub(super) fn color((r, g, b): Rgb3) -> Color {
    Color::Rgb(Rgb {
        r,
        g,
        b,
        icc_profile: None,
    })
}

/// The colour of a readiness figure's band (`scoring::Band`): red, amber, yellow-green, green.
/// The heat map's key states the band thresholds in words from `scoring::BAND_FROM`.
pub(super) fn band(value: f64) -> Rgb3 {
    match Band::of(value) {
        Band::Low => RED,
        Band::Mid => ORANGE,
        Band::Good => YELLOW_GREEN,
        Band::High => GREEN,
    }
}

/// High shares red with the lowest band, so a high-priority gap reads as urgent as a failing
/// score; a live exposure ("Fix now") is darker still.
pub(super) fn priority_color(priority: Priority) -> Rgb3 {
    match priority {
        Priority::FixNow => CRIMSON,
        Priority::High => RED,
        Priority::Medium => ORANGE,
        Priority::Low => SLATE,
    }
}

/// A change's colour: green up, red down, muted when flat or unknown (as `points` prints it).
pub(super) fn trend_color(delta: Option<f64>) -> Rgb3 {
    match delta {
        Some(d) if d >= 0.05 => GREEN,
        Some(d) if d <= -0.05 => RED,
        _ => MUTED,
    }
}
