//! The export's tables, built from the engine's conclusions: one row per gap, roadmap item, milestone or question.
//!
//! Labels come from the domain (`MaturityLevel::label`, `Priority::label`, ...), so a sheet says
//! what the screen and the PDF say. Nothing here computes a figure the engine did not.

use std::collections::BTreeMap;

use crate::analysis::Analysis;
use crate::assessment::{AnswerValue, MaturityLevel, describe_for};
use crate::binder::MatrixRow;
use crate::catalog::{Bank, Category, Question};
use crate::evaluation::Evaluation;
use crate::gaps::{Gap, roadmap as phases};
use crate::registers::Registers;
use crate::scoring::QuestionState;

use super::{Cell, Table, TableKind, register_table};

/// The tables asked for, in the order asked; the registers' as they stand on `today`.
pub fn build(
    bank: &Bank,
    record: &Evaluation,
    analysis: &Analysis,
    registers: &Registers,
    matrix: &[MatrixRow],
    kinds: &[TableKind],
) -> Vec<Table> {
    let today = record.today;
    kinds
        .iter()
        .map(|kind| match (kind, kind.register()) {
            (_, Some(register)) => register_table(registers, register, today),
            (TableKind::Gaps, _) => gaps(analysis),
            (TableKind::Roadmap, _) => roadmap(analysis),
            (TableKind::Plan, _) => plan(analysis),
            (TableKind::ControlMatrix, _) => control_matrix_table(matrix),
            (_, None) => answers(bank, record, analysis),
        })
        .collect()
}

/// The gap register in the engine's order, with everything it knows about each gap.
pub fn gaps(analysis: &Analysis) -> Table {
    let header = titles(&[
        "Rank",
        "Question id",
        "Gap",
        "Priority",
        "Priority score",
        "Roadmap phase",
        "Impact",
        "Effort",
        "Work weeks",
        "Urgent",
        "Key control",
        "Categories",
        "Criteria",
        "Step",
        "Topic",
        "Question",
        "Current level",
        "Effective level",
        "Target level",
        "Exception",
        "Note",
        "Owner",
        "Due",
        "Why it matters",
        "Why this priority",
        "Remediation",
        "Implied by",
    ]);
    let rows = analysis
        .gaps
        .iter()
        .enumerate()
        .map(|(rank, gap)| {
            vec![
                Cell::Number((rank + 1) as f64),
                Cell::text(&gap.question_id),
                Cell::text(&gap.title),
                Cell::text(gap.priority.label()),
                Cell::Number(gap.priority_score),
                Cell::text(gap.horizon.label()),
                Cell::text(gap.impact.label()),
                effort(gap),
                Cell::Number(gap.work_weeks),
                yes_no(gap.urgent),
                yes_no(gap.key_control),
                Cell::text(category_names(&gap.categories)),
                list(&gap.criteria),
                Cell::Number(f64::from(gap.step)),
                Cell::text(&gap.topic),
                Cell::text(&gap.question),
                Cell::text(level_label(gap.current_level).unwrap_or("Unanswered")),
                Cell::Number(gap.effective_level),
                Cell::optional(level_label(Some(gap.target_level))),
                Cell::optional(gap.exception.as_deref()),
                Cell::optional(gap.note.as_deref()),
                Cell::optional(gap.owner.as_deref()),
                Cell::date(gap.due),
                Cell::text(&gap.why),
                Cell::text(&gap.priority_reason),
                Cell::text(&gap.remediation),
                Cell::optional(gap.implied_by.as_deref()),
            ]
        })
        .collect();
    Table {
        kind: TableKind::Gaps,
        header,
        rows,
    }
}

/// The roadmap's phases in turn (now, the next 90 days, later), each in register order: the
/// work list a team takes its next tasks from.
pub fn roadmap(analysis: &Analysis) -> Table {
    let header = titles(&[
        "Phase",
        "Order",
        "Question id",
        "Gap",
        "Priority",
        "Effort",
        "Work weeks",
        "Criteria",
        "Owner",
        "Due",
        "Next step",
    ]);
    let map = phases(&analysis.gaps);
    let mut rows = Vec::with_capacity(analysis.gaps.len());
    for ids in [&map.now, &map.next_90_days, &map.later] {
        let in_phase = ids
            .iter()
            .filter_map(|id| analysis.gaps.iter().find(|g| &g.question_id == id));
        for (order, gap) in in_phase.enumerate() {
            rows.push(vec![
                Cell::text(gap.horizon.label()),
                Cell::Number((order + 1) as f64),
                Cell::text(&gap.question_id),
                Cell::text(&gap.title),
                Cell::text(gap.priority.label()),
                effort(gap),
                Cell::Number(gap.work_weeks),
                list(&gap.criteria),
                Cell::optional(gap.owner.as_deref()),
                Cell::date(gap.due),
                Cell::text(&gap.remediation),
            ]);
        }
    }
    Table {
        kind: TableKind::Roadmap,
        header,
        rows,
    }
}

/// The plan's dated milestones, in date order.
pub fn plan(analysis: &Analysis) -> Table {
    let rows = analysis
        .plan
        .milestones
        .iter()
        .map(|m| vec![Cell::Date(m.date), Cell::text(&m.label)])
        .collect();
    Table {
        kind: TableKind::Plan,
        header: titles(&["Date", "Milestone"]),
        rows,
    }
}

/// Every question that applies to this assessment, scoping and control, in bank order, with
/// its answer and what was recorded around it. Unanswered ones are listed too: the sheet is the
/// workshop's checklist as much as its record.
pub fn answers(bank: &Bank, record: &Evaluation, analysis: &Analysis) -> Table {
    let header = titles(&[
        "Question id",
        "Step",
        "Topic",
        "Kind",
        "Criteria",
        "Question",
        "Answer",
        "Level",
        "Readiness",
        "Exception",
        "Note",
        "Owner",
        "Due",
        "Evidence",
        "Implied by",
        "Updated",
    ]);
    let scorecard = &analysis.scorecard;
    let states: BTreeMap<&str, &QuestionState> = scorecard
        .questions
        .iter()
        .chain(&scorecard.scoping)
        .map(|s| (s.question_id.as_str(), s))
        .collect();
    let rows = bank
        .questions
        .iter()
        .filter_map(|question| {
            let state = states.get(question.id.as_str()).filter(|s| s.applicable)?;
            let answer = record.answers.get(&question.id);
            let level = answer.and_then(|a| a.level());
            Some(vec![
                Cell::text(&question.id),
                Cell::Number(f64::from(question.step)),
                Cell::text(&question.topic),
                Cell::text(kind(question)),
                list(&question.criteria),
                Cell::text(&question.text),
                answer.map_or(Cell::Empty, |a| answer_cell(question, &a.value)),
                level.map_or(Cell::Empty, |l| Cell::Number(f64::from(l.value()))),
                state.credit.map_or(Cell::Empty, Cell::Percent),
                Cell::optional(answer.and_then(|a| a.exception.as_deref())),
                Cell::optional(answer.and_then(|a| a.note.as_deref())),
                Cell::optional(answer.and_then(|a| a.owner.as_deref())),
                Cell::date(answer.and_then(|a| a.due)),
                answer.map_or(Cell::Empty, |a| list(&a.evidence)),
                Cell::optional(record.implied.get(&question.id).map(String::as_str)),
                Cell::date(answer.map(|a| a.updated_at.date_naive())),
            ])
        })
        .collect();
    Table {
        kind: TableKind::Answers,
        header,
        rows,
    }
}

/// The control matrix, one row per control question under each criterion in scope it serves.
pub fn control_matrix_table(matrix: &[MatrixRow]) -> Table {
    let header = titles(&[
        "Criterion",
        "Criterion title",
        "Question id",
        "Control",
        "Where it stands",
        "Owner",
        "Runs as (frequency)",
        "Evidence",
        "Last result",
        "Exceptions",
    ]);
    let joined = |items: &[String]| {
        if items.is_empty() {
            Cell::Empty
        } else {
            Cell::text(items.join("; "))
        }
    };
    let rows = matrix
        .iter()
        .map(|row| {
            vec![
                Cell::text(&row.criterion),
                Cell::text(&row.criterion_title),
                Cell::text(&row.question_id),
                Cell::text(&row.control),
                Cell::text(&row.standing),
                Cell::optional(row.owner.as_deref()),
                joined(&row.runs_as),
                joined(&row.evidence),
                Cell::optional(row.last_result.as_deref()),
                joined(&row.exceptions),
            ]
        })
        .collect();
    Table {
        kind: TableKind::ControlMatrix,
        header,
        rows,
    }
}

/// A level's words ("In place, informal"), as the questionnaire offers it.
fn level_label(level: Option<u8>) -> Option<&'static str> {
    level
        .and_then(|l| MaturityLevel::try_from(l).ok())
        .map(MaturityLevel::label)
}

fn answer_cell(question: &Question, value: &AnswerValue) -> Cell {
    match value {
        AnswerValue::Level(level) => Cell::text(level.label()),
        AnswerValue::NotApplicable(why) => Cell::text(format!("Not applicable: {why}")),
        AnswerValue::Date(date) => Cell::Date(*date),
        other => Cell::text(describe_for(question, other)),
    }
}

fn kind(question: &Question) -> &'static str {
    if !question.is_control() {
        "Scoping"
    } else if question.engagement {
        "Audit task"
    } else {
        "Control"
    }
}

/// S, M or L, as the register and the PDF print it.
fn effort(gap: &Gap) -> Cell {
    Cell::text(format!("{:?}", gap.effort))
}

/// Several values in one cell ("CC6.1; CC6.2"): semicolons, since evidence references may hold
/// commas; an empty list is an empty cell, which a filter lists as blank.
pub(super) fn list(items: &[String]) -> Cell {
    if items.is_empty() {
        Cell::Empty
    } else {
        Cell::text(items.join("; "))
    }
}

pub(super) fn yes_no(flag: bool) -> Cell {
    Cell::text(if flag { "Yes" } else { "No" })
}

fn category_names(categories: &[Category]) -> String {
    let names: Vec<&str> = categories.iter().map(|c| c.name()).collect();
    names.join("; ")
}

/// Column titles from their words.
pub(crate) fn titles(names: &[&str]) -> Vec<String> {
    names.iter().map(|name| name.to_string()).collect()
}
