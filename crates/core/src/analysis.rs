//! One assessment's conclusions in one call: the scorecard, the gap register and the dated plan, as every front end shows them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::assessment::AssessmentRecord;
use crate::catalog::Bank;
use crate::gaps::{Gap, find_gaps, top_gaps};
use crate::plan::{Deadline, Plan, deadline, plan};
use crate::scoring::{Scorecard, score};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Analysis {
    pub scorecard: Scorecard,
    pub deadline: Deadline,
    pub gaps: Vec<Gap>,
    /// The ids of the ten gaps to show first, every in-scope category with gaps represented;
    /// never an implied gap (its foundation stands for it).
    pub top: Vec<String>,
    pub plan: Plan,
}

/// Pure: the same bank, answers and `today` give the same conclusions.
pub fn analyse(bank: &Bank, record: &AssessmentRecord, today: NaiveDate) -> Analysis {
    let scorecard = score(bank, record);
    let deadline = deadline(record, today);
    let gaps = find_gaps(bank, record, &scorecard, &deadline);
    let plan = plan(record, &gaps, today);
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
    Analysis {
        scorecard,
        deadline,
        gaps,
        top,
        plan,
    }
}
