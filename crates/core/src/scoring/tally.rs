//! The roll-ups: a tally per criterion, category, step and overall, and the rounding and means the figures are read from.

use super::{CriterionScore, CriterionStatus, QuestionState, Scorecard, StepScore};
use crate::catalog::Category;

/// Running sums for one criterion, category or step.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Tally {
    pub(super) earned: f64,
    pub(super) earned_design: f64,
    pub(super) earned_operating: f64,
    pub(super) possible: f64,
    pub(super) applicable: usize,
    pub(super) answered: usize,
    pub(super) unknown: usize,
    pub(super) implied: usize,
    pub(super) not_applicable: usize,
}

impl Tally {
    pub(super) fn add(&mut self, state: &QuestionState, weight: f64) {
        self.applicable += 1;
        self.answered += usize::from(state.answered);
        self.unknown += usize::from(state.unknown);
        self.implied += usize::from(state.implied);
        self.not_applicable += usize::from(state.not_applicable);
        // Not-applicable answers carry no credit and leave both sums.
        if let (Some(credit), Some(design), Some(operating)) =
            (state.credit, state.design_credit, state.operating_credit)
        {
            self.earned += weight * credit;
            self.earned_design += weight * design;
            self.earned_operating += weight * operating;
            self.possible += weight;
        }
    }

    pub(super) fn readiness(&self) -> Option<f64> {
        percent(self.earned, self.possible)
    }

    pub(super) fn design(&self) -> Option<f64> {
        percent(self.earned_design, self.possible)
    }

    pub(super) fn operating(&self) -> Option<f64> {
        percent(self.earned_operating, self.possible)
    }

    pub(super) fn completion(&self) -> Option<f64> {
        percent(self.answered as f64, self.applicable as f64)
    }
}

pub(super) fn category_slot(category: Category) -> usize {
    Category::ALL
        .iter()
        .position(|c| *c == category)
        .expect("every category is in Category::ALL")
}

pub(super) fn scoping_step(scoping: &[QuestionState], title: &str) -> StepScore {
    let applicable = scoping.iter().filter(|q| q.applicable).count();
    let answered = scoping.iter().filter(|q| q.answered).count();
    StepScore {
        step: 1,
        title: title.to_string(),
        readiness: None,
        design: None,
        operating: None,
        completion: percent(answered as f64, applicable as f64),
        applicable,
        answered,
    }
}

/// Each scored criterion counts once: the criterion is the unit of readiness.
pub(super) fn mean_of_criteria(
    criteria: &[&CriterionScore],
    figure: impl Fn(&CriterionScore) -> Option<f64>,
) -> Option<f64> {
    let scored: Vec<f64> = criteria.iter().filter_map(|c| figure(c)).collect();
    percent(scored.iter().sum::<f64>() / 100.0, scored.len() as f64)
}

pub(super) fn percent(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0).then(|| round1(100.0 * part / whole))
}

/// One decimal place, so every surface shows the same figure.
pub(super) fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// The weakest scored criterion of each category in scope (lowest headline readiness; on a
/// tie, the lowest `rank`, then catalogue order), Security first: a panel of its own beside the
/// ranked gaps, so a weak category is seen without padding the top ten. `rank` gives a
/// criterion's place in the gap register (its first gap), so ties follow the ranked list.
pub fn weakest_criteria(
    scorecard: &Scorecard,
    rank: impl Fn(&str) -> usize,
) -> Vec<&CriterionScore> {
    let mut out: Vec<&CriterionScore> = Vec::new();
    for category in Category::ALL {
        let weakest = scorecard
            .criteria
            .iter()
            .filter(|c| c.category == category && c.status == CriterionStatus::Scored)
            .filter_map(|c| c.readiness.map(|r| (r, rank(&c.id), c)))
            .fold(
                None::<(f64, usize, &CriterionScore)>,
                |best, (r, k, c)| match best {
                    Some((b, bk, _)) if b < r || (b == r && bk <= k) => best,
                    _ => Some((r, k, c)),
                },
            );
        out.extend(weakest.map(|(_, _, c)| c));
    }
    out
}
