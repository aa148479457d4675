//! Scope overrides in a merge: they keep no history, so their common base is inferred from time.

use chrono::{DateTime, Utc};

use super::{Outcome, ScopeMerge};
use crate::assessment::{AssessmentRecord, ScopeOverride};
use crate::catalog::Category;

/// Scope overrides keep no history, so the base is inferred from time: an override dated no
/// later than the last shared history entry was there when the copies parted, and both held
/// it then. A side that dropped an override after parting leaves no date; when the other side
/// also set a new one, the new one wins.
pub(super) fn scope_merges(
    mine: &AssessmentRecord,
    theirs: &AssessmentRecord,
    parted: Option<DateTime<Utc>>,
) -> Vec<ScopeMerge> {
    let find = |record: &AssessmentRecord, category| {
        record
            .scope_overrides
            .iter()
            .find(|o| o.category == category)
            .cloned()
    };
    let before_parting = |o: &Option<ScopeOverride>| {
        o.as_ref()
            .is_some_and(|o| parted.is_some_and(|p| o.updated_at <= p))
    };
    let content = |o: &Option<ScopeOverride>| o.as_ref().map(|o| (o.in_scope, o.reason.clone()));
    Category::ALL
        .into_iter()
        .filter_map(|category| {
            let (m, t) = (find(mine, category), find(theirs, category));
            let base = if before_parting(&m) {
                content(&m)
            } else if before_parting(&t) {
                content(&t)
            } else {
                None
            };
            let outcome = match (content(&m) != base, content(&t) != base) {
                (false, false) => return None,
                (true, false) => Outcome::KeepMine,
                (false, true) => Outcome::TakeTheirs,
                (true, true) if content(&m) == content(&t) => Outcome::Same,
                (true, true) => Outcome::Conflict,
            };
            Some(ScopeMerge {
                category,
                key: ScopeMerge::key_of(category),
                outcome,
                mine: m,
                theirs: t,
            })
        })
        .collect()
}
