//! The SOC 2 readiness domain: the question bank, assessments and their answers, scope, scoring, gaps and the plan.
//!
//! Pure functions over values: no file, no database, no clock (time comes in as arguments), so
//! every conclusion is reproducible and the store, the report and both front ends share it.

pub mod accounts;
pub mod analysis;
pub mod assessment;
pub mod binder;
pub mod calendar;
pub mod catalog;
pub mod compare;
pub mod day;
pub mod depth;
pub mod description;
pub mod engagement;
pub mod evaluation;
pub mod findings;
pub mod gaps;
pub mod merge;
pub mod plan;
pub mod registers;
pub mod scope;
pub mod scoring;
pub mod trust;
pub mod upgrade;
pub mod what_if;
