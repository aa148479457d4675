//! One assessment's conclusions in one call: the scorecard, the gap register and the dated plan, as every front end shows them.

use serde::{Deserialize, Serialize};

use crate::catalog::Bank;
use crate::evaluation::Evaluation;
use crate::gaps::{Gap, find_gaps, top_gaps};
use crate::plan::{Deadline, Plan, deadline, plan_with_recurring};
use crate::scoring::{Scorecard, score};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Analysis {
    pub scorecard: Scorecard,
    pub deadline: Deadline,
    pub gaps: Vec<Gap>,
    /// The ids of the ten most important gaps, the head of the one ranked list (live exposures
    /// first); never an implied gap (its foundation stands for it).
    pub top: Vec<String>,
    /// The weakest scored criterion of each category in scope, Security first: its own panel,
    /// so a weak category is seen without padding the top ten.
    pub weakest: Vec<String>,
    pub plan: Plan,
}

/// Pure: the same bank, answers, records and day give the same conclusions.
pub fn analyse(bank: &Bank, record: &Evaluation) -> Analysis {
    let today = record.today;
    let scorecard = score(bank, record);
    let deadline = deadline(record, today);
    let gaps = find_gaps(bank, record, &scorecard, &deadline);
    // Yearly controls in scope whose answer is still a gap (not operating with evidence) must
    // run inside a Type II's window: the auditor samples each.
    let recurring: Vec<(String, bool)> = bank
        .recurring_controls
        .iter()
        .filter(|c| c.frequency == crate::catalog::Frequency::Yearly)
        .map(|c| {
            let due = c
                .questions
                .first()
                .is_some_and(|q| gaps.iter().any(|g| &g.question_id == q));
            (c.title.clone(), due)
        })
        .collect();
    let plan = plan_with_recurring(record, &gaps, today, &recurring, &|id| scorecard.asks(id));
    // An implied gap is represented by its foundation's, which names the block.
    let asked: Vec<Gap> = gaps
        .iter()
        .filter(|g| g.implied_by.is_none())
        .cloned()
        .collect();
    let top = top_gaps(&asked, 10)
        .into_iter()
        .map(|g| g.question_id)
        .collect();
    let rank = |criterion: &str| {
        gaps.iter()
            .position(|g| g.criteria.iter().any(|c| c == criterion))
            .unwrap_or(usize::MAX)
    };
    let weakest = crate::scoring::weakest_criteria(&scorecard, rank)
        .into_iter()
        .map(|c| c.id.clone())
        .collect();
    Analysis {
        scorecard,
        deadline,
        gaps,
        top,
        weakest,
        plan,
    }
}
