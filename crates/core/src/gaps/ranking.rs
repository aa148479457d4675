//! The one ranked list: gaps spread over the criteria within each tier, implied answers grouped, the top of the list and the roadmap.

use serde::{Deserialize, Serialize};

use super::{Gap, Horizon};

/// Within each priority (and overdue first), takes next the gap whose score counts most once
/// the criteria already served by gaps above it count three quarters: an auditor reports per criterion,
/// so a second gap on CC6.2 adds less than the first gap on a criterion nobody has reached
/// yet. Ties keep the sorted order. `gaps` must be sorted as `find_gaps` sorts them.
pub(super) fn spread_over_criteria(gaps: Vec<Gap>) -> Vec<Gap> {
    // Each gap's criteria as bits (the catalogue has 61): the loop below runs on every save.
    let mut bit_of: std::collections::BTreeMap<&str, u32> = std::collections::BTreeMap::new();
    let masks: Vec<u128> = gaps
        .iter()
        .map(|g| {
            g.criteria.iter().fold(0u128, |mask, c| {
                let next = bit_of.len() as u32;
                let bit = *bit_of.entry(c.as_str()).or_insert(next);
                if bit < 128 { mask | 1 << bit } else { mask }
            })
        })
        .collect();
    let mut rest: Vec<(usize, u128)> = masks.into_iter().enumerate().collect();
    let mut order = Vec::with_capacity(gaps.len());
    let mut served = 0u128;
    while !rest.is_empty() {
        let tier = |i: usize| {
            let g = &gaps[i];
            (g.priority, g.overdue, g.exposed())
        };
        let first = tier(rest[0].0);
        let tier_end = rest
            .iter()
            .position(|&(i, _)| tier(i) != first)
            .unwrap_or(rest.len());
        let weighed = |&(i, mask): &(usize, u128)| {
            let all = mask.count_ones();
            let share = if all == 0 {
                1.0
            } else {
                f64::from((mask & !served).count_ones()) / f64::from(all)
            };
            gaps[i].priority_score * (0.75 + 0.25 * share)
        };
        let mut best = 0;
        let mut best_score = weighed(&rest[0]);
        for (k, entry) in rest.iter().enumerate().take(tier_end).skip(1) {
            let score = weighed(entry);
            if score > best_score + 1e-9 {
                (best, best_score) = (k, score);
            }
        }
        let (index, mask) = rest.remove(best);
        served |= mask;
        order.push(index);
    }
    let mut slots: Vec<Option<Gap>> = gaps.into_iter().map(Some).collect();
    order
        .into_iter()
        .map(|i| slots[i].take().expect("each gap is placed once"))
        .collect()
}

/// Implied gaps follow their foundation's gap, in their own ranked order, so a register reads
/// one missing foundation as one block rather than as lines scattered down the list. One whose
/// foundation is not a gap (an audit-project task stands for it) keeps its own place.
pub(super) fn group_implied(ranked: Vec<Gap>) -> Vec<Gap> {
    let ids: std::collections::BTreeSet<String> =
        ranked.iter().map(|g| g.question_id.clone()).collect();
    let follows = |g: &Gap| g.implied_by.as_ref().is_some_and(|f| ids.contains(f));
    let mut out = Vec::with_capacity(ranked.len());
    for gap in ranked.iter().filter(|g| !follows(g)) {
        out.push(gap.clone());
        out.extend(
            ranked
                .iter()
                .filter(|g| g.implied_by.as_deref() == Some(gap.question_id.as_str()))
                .cloned(),
        );
    }
    out
}

/// The first `n` gaps of the register, the most important first: the one ranked list every
/// front end and the PDF show (its top five are the first five). Nothing is moved in to
/// represent a category; the weakest criterion of each category is its own panel
/// (`scoring::weakest_criteria`).
pub fn top_gaps(gaps: &[Gap], n: usize) -> Vec<Gap> {
    gaps.iter().take(n).cloned().collect()
}

/// The roadmap: gaps in their horizon, each column in register order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Roadmap {
    pub now: Vec<String>,
    pub next_90_days: Vec<String>,
    pub later: Vec<String>,
}

pub fn roadmap(gaps: &[Gap]) -> Roadmap {
    let column = |horizon: Horizon| {
        gaps.iter()
            .filter(|g| g.horizon == horizon)
            .map(|g| g.question_id.clone())
            .collect()
    };
    Roadmap {
        now: column(Horizon::Now),
        next_90_days: column(Horizon::Next90Days),
        later: column(Horizon::Later),
    }
}
