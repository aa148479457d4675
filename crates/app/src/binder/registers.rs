//! The registers as an audit period saw them: entries that touch it, with what happened after its last day taken back out, the populations of the period (hires, leavers, new vendors, changes) with the sample proposed from each and its tests, and the policy versions approved in it.

use chrono::NaiveDate;

use std::collections::BTreeSet;

use super::{AuditPeriod, Sheet};
use crate::binder::{PopulationSample, population_items, population_samples};
use crate::calendar::{CheckEntry, Population};
use crate::registers::{Entry, Person, Policy, PolicyVersion, Register, Registers, Training};
use crate::spreadsheet::{Cell, Table, register_table, titles};

/// The registers as they touch the period: entries not archived before it began, people
/// employed in it, incidents open in it; then the hires and leavers of the period as the
/// populations an auditor samples. When an entry was typed in does not matter: registers are
/// often written up after the fact, and a hire of March recorded in December is March's. What
/// happened after the period is taken back out (`not_after`): a later leaving day, review or
/// approval is not the period's.
pub fn register_sheets(
    registers: &Registers,
    log: &[CheckEntry],
    period: &AuditPeriod,
    day: NaiveDate,
) -> Vec<Sheet> {
    fn existed<T: Clone>(entries: &[Entry<T>], period: &AuditPeriod) -> Vec<Entry<T>> {
        entries
            .iter()
            .filter(|e| e.archived_at.is_none_or(|a| a.date_naive() >= period.start))
            .cloned()
            .collect()
    }
    let end = period.end;
    let people: Vec<Entry<Person>> = existed(&registers.people, period)
        .into_iter()
        .filter(|p| period.overlaps(p.record.start, p.record.end))
        .map(|mut p| {
            let r = &mut p.record;
            for date in [
                &mut r.end,
                &mut r.access_removed,
                &mut r.background_check,
                &mut r.policies_acknowledged,
            ] {
                not_after(date, end);
            }
            if r.trained_on.is_some_and(|d| d > end) {
                r.trained_on = None;
                r.training = Training::InProgress;
            }
            p
        })
        .collect();
    let inside = Registers {
        vendors: existed(&registers.vendors, period)
            .into_iter()
            .map(|mut v| {
                not_after(&mut v.record.last_review, end);
                v
            })
            .collect(),
        policies: existed(&registers.policies, period)
            .into_iter()
            .filter_map(|p| policy_as_of(p, end))
            .collect(),
        incidents: existed(&registers.incidents, period)
            .into_iter()
            .filter(|i| period.overlaps(i.record.detected_on, i.record.resolved_on))
            .map(|mut i| {
                let r = &mut i.record;
                for date in [
                    &mut r.contained_on,
                    &mut r.resolved_on,
                    &mut r.notified_on,
                    &mut r.reviewed_on,
                ] {
                    not_after(date, end);
                }
                i
            })
            .collect(),
        risks: existed(&registers.risks, period)
            .into_iter()
            .map(|mut r| {
                not_after(&mut r.record.last_review, end);
                r
            })
            .collect(),
        people: people.clone(),
        // A change's approval is kept even when it came after the period: a change released in it
        // and approved late is what the auditor's test finds.
        changes: existed(&registers.changes, period)
            .into_iter()
            .filter(|c| period.contains(c.record.released_on))
            .collect(),
        limits: registers.limits,
    };
    let mut sheets: Vec<Sheet> = Register::ALL
        .into_iter()
        .map(|r| {
            Sheet::of(
                format!("registers/{}.csv", r.id()),
                register_table(&inside, r, day),
            )
        })
        .collect();
    // The populations, from the registers as the period saw them, each with its sample and
    // the tests the log records.
    for sample in population_samples(&inside, log, period) {
        let name = sample.population.id();
        sheets.push(Sheet::of(
            format!("populations/{name}.csv"),
            population_table(&inside, sample.population, period, day),
        ));
        sheets.push(sample_sheet(
            format!("populations/{name}-sample.csv"),
            &sample,
        ));
    }
    sheets
}

/// A population's items with every field of their register.
fn population_table(
    inside: &Registers,
    population: Population,
    period: &AuditPeriod,
    day: NaiveDate,
) -> Table {
    let ids: BTreeSet<String> = population_items(inside, population, period)
        .into_iter()
        .map(|i| i.id)
        .collect();
    let only = Registers {
        people: inside
            .people
            .iter()
            .filter(|p| ids.contains(&p.id))
            .cloned()
            .collect(),
        vendors: inside
            .vendors
            .iter()
            .filter(|v| ids.contains(&v.id))
            .cloned()
            .collect(),
        changes: inside
            .changes
            .iter()
            .filter(|c| ids.contains(&c.id))
            .cloned()
            .collect(),
        policies: inside.policies.clone(),
        limits: inside.limits,
        ..Registers::default()
    };
    let register = match population {
        Population::NewVendors => Register::Vendors,
        Population::Changes => Register::Changes,
        Population::Hires | Population::Leavers => Register::People,
    };
    register_table(&only, register, day)
}

/// The proposed sample (and any other item tested), with each item's latest test that stands.
fn sample_sheet(path: String, sample: &PopulationSample) -> Sheet {
    let rows = sample
        .rows
        .iter()
        .map(|row| {
            let test = row.test.as_ref();
            let text = |value: Option<&str>| value.map_or(Cell::Empty, Cell::text);
            vec![
                Cell::text(&row.item.label),
                Cell::Date(row.item.on),
                Cell::text(if row.proposed { "yes" } else { "no" }),
                test.map_or(Cell::Empty, |t| Cell::Date(t.performed_on)),
                text(test.map(|t| t.result.label())),
                text(test.map(|t| t.performed_by.as_str())),
                text(test.map(|t| t.reason.as_str())),
                text(test.and_then(|t| t.evidence.as_deref())),
                text(test.and_then(|t| t.file.as_ref()).map(|f| f.name.as_str())),
                text(test.map(|t| t.id.as_str())),
                Cell::text(&row.item.id),
            ]
        })
        .collect();
    Sheet {
        path,
        header: titles(&[
            "Name",
            sample_day_title(sample.population),
            "Proposed",
            "Tested on",
            "Result",
            "Tested by",
            "Reason",
            "Evidence",
            "Evidence file",
            "Check id",
            "Id",
        ]),
        rows,
    }
}

fn sample_day_title(population: Population) -> &'static str {
    match population {
        Population::Hires => "Started",
        Population::Leavers => "Left",
        Population::NewVendors => "Taken on",
        Population::Changes => "Released on",
    }
}

/// A day after the period is not the period's: as of its end it had not happened yet.
fn not_after(date: &mut Option<NaiveDate>, end: NaiveDate) {
    if date.is_some_and(|d| d > end) {
        *date = None;
    }
}

/// A policy as it stood on the period's last day: the last version approved by then in force;
/// none when every approval came later (it was not in force in the period). A policy never
/// approved stays, as the draft it was.
fn policy_as_of(mut entry: Entry<Policy>, end: NaiveDate) -> Option<Entry<Policy>> {
    let policy = &mut entry.record;
    if policy.versions.is_empty() {
        if policy.approved_on.is_some_and(|d| d > end) {
            return None;
        }
        return Some(entry);
    }
    policy.versions.retain(|v| v.approved_on <= end);
    let last = policy.versions.last()?.clone();
    policy.version = last.version;
    policy.approved_by = Some(last.approved_by);
    policy.approved_on = Some(last.approved_on);
    Some(entry)
}

/// Each policy version approved in the period, by whom and when.
pub fn approved_policies(registers: &Registers, period: &AuditPeriod) -> Sheet {
    let mut approved: Vec<(&PolicyVersion, &str, &str)> = registers
        .policies
        .iter()
        .flat_map(|entry| {
            entry
                .record
                .versions
                .iter()
                .filter(|v| period.contains(v.approved_on))
                .map(|v| (v, entry.record.title.as_str(), entry.id.as_str()))
        })
        .collect();
    approved.sort_by_key(|(v, title, _)| (v.approved_on, *title));
    let rows = approved
        .into_iter()
        .map(|(version, title, id)| {
            vec![
                Cell::text(title),
                Cell::text(&version.version),
                Cell::text(&version.approved_by),
                Cell::Date(version.approved_on),
                Cell::text(id),
            ]
        })
        .collect();
    Sheet {
        path: "policies/approved-in-period.csv".into(),
        header: titles(&[
            "Policy",
            "Version",
            "Approved by",
            "Approved on",
            "Policy id",
        ]),
        rows,
    }
}
