//! The populations of an audit period and their samples through an assessment: what to test, and each sampled item's test recorded in the check log.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Workspace;
use crate::binder::{AuditPeriod, PopulationSample, population_items, population_samples};
use crate::calendar::{CheckResult, Population, SampledItem};
use crate::registers::Registers;
use crate::{Error, Result};

/// The period's populations and samples, as the app and the CLI show them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct SamplesView {
    pub period: AuditPeriod,
    pub populations: Vec<PopulationSample>,
}

fn refused(field: &str, reason: String) -> Error {
    Error::Refused {
        field: field.into(),
        reason,
    }
}

impl Workspace {
    /// Each population of the period (the observation period unless one is named) with its
    /// proposed sample and the tests recorded.
    pub fn samples(
        &self,
        assessment_id: &str,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<SamplesView> {
        let period = self.audit_period(assessment_id, from, to, today)?;
        let programme = self.programme(assessment_id)?;
        let registers = self.population_registers(&programme)?;
        let log = self.store.check_log(&programme)?;
        Ok(SamplesView {
            period,
            populations: population_samples(&registers, &log.checks, &period),
        })
    }

    /// The registers the populations are drawn from (people, vendors, changes): the others are
    /// not read.
    fn population_registers(&self, programme: &str) -> Result<Registers> {
        Ok(Registers {
            people: self.store.entries(programme)?,
            vendors: self.store.entries(programme)?,
            changes: self.store.entries(programme)?,
            ..Registers::default()
        })
    }

    /// The sampled item a test names, as the register holds it: refused when the control is not
    /// the population's, the entry is not in the population, or the test predates its event.
    pub(super) fn sampled_item(
        &self,
        programme: &str,
        control_id: &str,
        given: &SampledItem,
        performed_on: NaiveDate,
        result: CheckResult,
    ) -> Result<SampledItem> {
        let population = given.population;
        if control_id != population.control_id() {
            return Err(refused(
                "control",
                format!(
                    "a sampled {} is tested by the '{}' control, not '{control_id}'",
                    population.singular(),
                    population.control_id()
                ),
            ));
        }
        if !matches!(result, CheckResult::Pass | CheckResult::Fail) {
            return Err(refused(
                "result",
                "a sampled item's test passed or failed; withdraw a wrong one by voiding it".into(),
            ));
        }
        let registers = self.population_registers(programme)?;
        // Any day the register holds: an item of an earlier or later period is still tested.
        let all = AuditPeriod {
            start: NaiveDate::MIN,
            end: NaiveDate::MAX,
        };
        let wanted = given.item_id.trim();
        let mut matching: Vec<_> = population_items(&registers, population, &all)
            .into_iter()
            .filter(|i| !wanted.is_empty() && i.id.starts_with(wanted))
            .collect();
        if matching.len() > 1 {
            matching.retain(|i| i.id == wanted);
            if matching.len() != 1 {
                return Err(refused(
                    "item",
                    format!("'{wanted}' matches more than one; give more of the id"),
                ));
            }
        }
        let item = matching.pop().ok_or_else(|| {
            let what = match population {
                Population::Hires => "no person with that id in the people register",
                Population::Leavers => "no leaver with that id (a person with an end date)",
                Population::NewVendors => {
                    "no vendor with that id and a day it was taken on (engaged_on)"
                }
                Population::Changes => "no change with that id in the changes register",
            };
            refused("item", format!("'{wanted}': {what}"))
        })?;
        if performed_on < item.on {
            return Err(refused(
                "date",
                format!(
                    "{performed_on} is before {} ({}), which the test looks back on",
                    item.label, item.on
                ),
            ));
        }
        Ok(SampledItem {
            population,
            item_id: item.id,
            label: item.label,
        })
    }
}
