//! The populations of an audit period (hires, leavers, new vendors, changes) drawn from the registers, each with its proposed sample and what the check log records of testing each item.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{AuditPeriod, propose_sample};
use crate::calendar::{CheckEntry, CheckResult, Population};
use crate::registers::{Change, Registers};

/// One event of a population: the register entry it is, and the day that puts it in a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct PopulationItem {
    pub id: String,
    pub label: String,
    pub on: NaiveDate,
}

/// An item proposed for testing, or tested: with its latest test that stands (none withdrawn).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct SampleRow {
    pub item: PopulationItem,
    /// Drawn by the app; an item the company or its auditor chose instead is tested too.
    pub proposed: bool,
    pub test: Option<CheckEntry>,
}

/// A population of the period, its proposed sample and the tests recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct PopulationSample {
    pub population: Population,
    pub title: String,
    /// The recurring control whose log keeps each test.
    pub control_id: String,
    /// What a test of one item looks for.
    pub attributes: String,
    pub size: u32,
    pub rows: Vec<SampleRow>,
    pub tested: u32,
    pub failed: u32,
}

/// Every item of a population, archived entries included (a leaver archived since is still a
/// leaver of the period), in the order they happened.
pub fn population_items(
    registers: &Registers,
    population: Population,
    period: &AuditPeriod,
) -> Vec<PopulationItem> {
    let item = |id: &str, label: &str, on: NaiveDate| PopulationItem {
        id: id.to_string(),
        label: label.to_string(),
        on,
    };
    let mut items: Vec<PopulationItem> = match population {
        Population::Hires => registers
            .people
            .iter()
            .filter(|p| period.contains(p.record.start))
            .map(|p| item(&p.id, &p.record.name, p.record.start))
            .collect(),
        Population::Leavers => registers
            .people
            .iter()
            .filter_map(|p| p.record.end.map(|end| (p, end)))
            .filter(|(_, end)| period.contains(*end))
            .map(|(p, end)| item(&p.id, &p.record.name, end))
            .collect(),
        Population::NewVendors => registers
            .vendors
            .iter()
            .filter_map(|v| v.record.engaged_on.map(|on| (v, on)))
            .filter(|(_, on)| period.contains(*on))
            .map(|(v, on)| item(&v.id, &v.record.name, on))
            .collect(),
        Population::Changes => registers
            .changes
            .iter()
            .filter(|c| period.contains(c.record.released_on))
            .map(|c| item(&c.id, &change_label(&c.record), c.record.released_on))
            .collect(),
    };
    items.sort_by(|a, b| a.on.cmp(&b.on).then_with(|| a.label.cmp(&b.label)));
    items
}

/// A change as a sample sheet names it: its system and reference, and what it changed.
fn change_label(change: &Change) -> String {
    let reference = match change.system.as_deref() {
        Some(system) => format!("{system} {}", change.reference),
        None => change.reference.clone(),
    };
    format!("{reference}: {}", change.title)
}

/// The seed a period's sample is drawn with: the same period gives the same sample, and nobody
/// picks which items are tested.
pub fn sample_seed(period: &AuditPeriod, population: Population) -> String {
    format!("{}..{} {}", period.start, period.end, population.id())
}

/// Each population of the period with its proposed sample and the tests the log records (an
/// item tested but not proposed is shown too). `log` is the programme's whole check log.
pub fn population_samples(
    registers: &Registers,
    log: &[CheckEntry],
    period: &AuditPeriod,
) -> Vec<PopulationSample> {
    let voided: BTreeSet<&str> = log.iter().filter_map(|c| c.voids.as_deref()).collect();
    // The latest test that stands, per item.
    let mut tests: BTreeMap<(Population, &str), &CheckEntry> = BTreeMap::new();
    for check in log {
        let Some(sample) = &check.sample else {
            continue;
        };
        if check.result == CheckResult::Void || voided.contains(check.id.as_str()) {
            continue;
        }
        let key = (sample.population, sample.item_id.as_str());
        if tests.get(&key).is_none_or(|t| {
            (t.performed_on, t.recorded_at) <= (check.performed_on, check.recorded_at)
        }) {
            tests.insert(key, check);
        }
    }
    Population::ALL
        .into_iter()
        .map(|population| {
            let items = population_items(registers, population, period);
            let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
            let chosen: BTreeSet<&str> = propose_sample(&ids, &sample_seed(period, population))
                .into_iter()
                .collect();
            let rows: Vec<SampleRow> = items
                .iter()
                .filter_map(|item| {
                    let test = tests.get(&(population, item.id.as_str())).copied();
                    let proposed = chosen.contains(item.id.as_str());
                    (proposed || test.is_some()).then(|| SampleRow {
                        item: item.clone(),
                        proposed,
                        test: test.cloned(),
                    })
                })
                .collect();
            let count = |result: Option<CheckResult>| {
                rows.iter()
                    .filter(|r| match (result, &r.test) {
                        (None, Some(_)) => true,
                        (Some(wanted), Some(t)) => t.result == wanted,
                        _ => false,
                    })
                    .count() as u32
            };
            PopulationSample {
                population,
                title: population.title().to_string(),
                control_id: population.control_id().to_string(),
                attributes: population.attributes().to_string(),
                size: items.len() as u32,
                tested: count(None),
                failed: count(Some(CheckResult::Fail)),
                rows,
            }
        })
        .collect()
}
