//! The scoring method on a small fixture bank: examples checked by hand from its weights, and properties over generated answers.
//!
//! Every figure here follows from `tests/fixtures/method-bank/`, never from the shipped bank:
//! the shipped bank's content has its own tests (`bank.rs`, `scenarios.rs`, `depth.rs`).

use proptest::prelude::*;
use soc2_readiness::assessment::{AnswerValue, AssessmentRecord, MaturityLevel, ScopeOverride};
use soc2_readiness::catalog::{Bank, Category};
use soc2_readiness::gaps::{Gap, Horizon, Priority, roadmap};
use soc2_readiness::scope::{CategoryDecision, Proposal};
use soc2_readiness::scoring::{CriterionScore, CriterionStatus, Scorecard, score};

use crate::support::{
    Figure, answer, answer_all_controls, answered, at, check_figures, check_gaps, empty_record,
    figures, gaps_of, judged, method_bank, set, with_exception,
};

/// Scoping answers that bring Availability and Confidentiality in beside Security.
const EVERY_CATEGORY: &[(&str, &str)] = &[
    ("scope.sla", "yes"),
    ("scope.data-kinds", "customer-confidential"),
    ("scope.confidentiality-clauses", "yes"),
];

fn criterion(s: &Scorecard, id: &str) -> CriterionScore {
    s.criteria.iter().find(|c| c.id == id).unwrap().clone()
}

fn decision(s: &Scorecard, category: Category) -> CategoryDecision {
    s.scope
        .iter()
        .find(|d| d.category == category)
        .unwrap()
        .clone()
}

fn applicable(s: &Scorecard, question: &str) -> bool {
    s.questions
        .iter()
        .find(|q| q.question_id == question)
        .unwrap()
        .applicable
}

/// Every control at one level with every category of the fixture in scope.
fn every_control_at(bank: &Bank, level: MaturityLevel) -> Scorecard {
    let mut record = answered(bank, EVERY_CATEGORY);
    answer_all_controls(bank, &mut record, level);
    let s = score(bank, &judged(bank, &record));
    let in_scope: Vec<Category> = s
        .categories
        .iter()
        .filter(|c| c.in_scope)
        .map(|c| c.id)
        .collect();
    assert_eq!(
        in_scope,
        [
            Category::Security,
            Category::Availability,
            Category::Confidentiality
        ]
    );
    s
}

/// Every figure at `value`, except those with nothing to measure: categories the fixture has
/// no criteria for, step 1 (scoping), step 4 (no questions) and step 5 (an audit task only).
fn every_figure(value: f64) -> Vec<(&'static str, Option<f64>)> {
    let mut table = vec![
        ("processing_integrity", None),
        ("privacy", None),
        ("step 1", None),
        ("step 4", None),
        ("step 5", None),
    ];
    for name in [
        "overall",
        "security",
        "availability",
        "confidentiality",
        "step 2",
        "step 3",
        "step 6",
        "CC1.3",
        "CC3.3",
        "CC6.1",
        "CC6.4",
        "A1.2",
        "C1.1",
    ] {
        table.push((name, Some(value)));
    }
    table
}

#[test]
fn all_operating_scores_100_everywhere() {
    let s = every_control_at(&method_bank(), MaturityLevel::Operating);
    check_figures(&s, Figure::Readiness, &every_figure(100.0));
    assert_eq!(s.overall.completion, Some(100.0));
}

#[test]
fn all_not_in_place_scores_0_everywhere() {
    let s = every_control_at(&method_bank(), MaturityLevel::NotInPlace);
    check_figures(&s, Figure::Readiness, &every_figure(0.0));
    assert_eq!(s.overall.completion, Some(100.0));
}

fn all_documented_for(bank: &Bank, report_type: &str) -> AssessmentRecord {
    let mut record = answered(bank, &[("scope.report-type", report_type)]);
    answer_all_controls(bank, &mut record, MaturityLevel::Documented);
    record
}

#[test]
fn type1_targets_documented_so_documented_is_full_marks() {
    let bank = method_bank();
    let s = score(&bank, &judged(&bank, &all_documented_for(&bank, "type1")));
    assert_eq!(s.target_level, 3);
    assert_eq!(s.overall.readiness, Some(100.0));
}

#[test]
fn type1_all_documented_leaves_no_gap() {
    let bank = method_bank();
    let gaps = gaps_of(&bank, &all_documented_for(&bank, "type1"));
    assert!(gaps.is_empty(), "{gaps:#?}");
}

#[test]
fn type2_targets_operating_so_documented_is_three_quarters() {
    let bank = method_bank();
    let s = score(&bank, &judged(&bank, &all_documented_for(&bank, "type2")));
    assert_eq!(s.target_level, 4);
    assert_eq!(s.overall.readiness, Some(75.0), "3 of 4 everywhere");
}

/// With no scope answers only Security is in: its ten control questions apply (the office
/// question too, its condition unknown); the audit task is not one of them.
const SECURITY_QUESTIONS: usize = 10;

#[test]
fn unanswered_questions_score_zero_and_are_counted() {
    let bank = method_bank();
    let s = score(&bank, &judged(&bank, &empty_record(&bank)));
    assert_eq!(s.overall.readiness, Some(0.0));
    assert_eq!(s.overall.completion, Some(0.0));
    assert_eq!(
        (s.overall.applicable, s.overall.unanswered),
        (SECURITY_QUESTIONS, SECURITY_QUESTIONS)
    );
}

#[test]
fn every_unanswered_question_is_a_gap_without_a_level() {
    let bank = method_bank();
    let gaps = gaps_of(&bank, &empty_record(&bank));
    assert_eq!(gaps.len(), SECURITY_QUESTIONS);
    assert!(gaps.iter().all(|g| g.current_level.is_none()), "{gaps:#?}");
}

/// "Don't know" is an answer: scored exactly as not in place, listed to verify, and counted
/// apart, neither answered nor unanswered.
#[test]
fn dont_know_scores_as_not_in_place_is_listed_to_verify_and_never_counts_as_answered() {
    let bank = method_bank();
    let mut record = empty_record(&bank);
    answer_all_controls(&bank, &mut record, MaturityLevel::Operating);
    let mut not_in_place = record.clone();
    answer(&bank, &mut not_in_place, &[("access.mfa", "not-in-place")]);
    let unknown =
        soc2_readiness::assessment::parse_answer_for(&bank, "access.mfa", "don't know").unwrap();
    assert_eq!(unknown, AnswerValue::Unknown(()));
    set(&mut record, "access.mfa", unknown);
    let (s, reference) = (
        score(&bank, &judged(&bank, &record)),
        score(&bank, &judged(&bank, &not_in_place)),
    );
    assert_eq!(s.overall.readiness, reference.overall.readiness);
    let (c, r) = (criterion(&s, "CC6.1"), criterion(&reference, "CC6.1"));
    assert_eq!((c.design, c.operating), (r.design, r.operating));
    assert_eq!(
        (c.answered, r.answered),
        (r.answered - 1, 3),
        "not counted as answered"
    );
    assert_eq!(
        (s.overall.answered, s.overall.unknown, s.overall.unanswered),
        (SECURITY_QUESTIONS - 1, 1, 0)
    );
    assert!(s.overall.completion.unwrap() < 100.0);
    let gap = gaps_of(&bank, &record)
        .into_iter()
        .find(|g| g.question_id == "access.mfa")
        .unwrap();
    assert!(gap.to_verify && gap.current_level.is_none());
    assert!(
        gap.priority_reason.contains("don't know"),
        "{}",
        gap.priority_reason
    );
}

/// CC6.1: access.mfa (weight 5), access.deprovisioning (4), maint.access-reviews (2).
const CC61_SPREAD: &[(&str, &str)] = &[
    ("access.mfa", "operating"),
    ("access.deprovisioning", "planned"),
    ("maint.access-reviews", "informal"),
];

#[test]
fn criterion_readiness_is_the_weighted_mean_of_its_questions() {
    let bank = method_bank();
    let c = criterion(
        &score(&bank, &judged(&bank, &answered(&bank, CC61_SPREAD))),
        "CC6.1",
    );
    // (5 x 4/4 + 4 x 1/4 + 2 x 2/4) / (5 + 4 + 2) = 7/11 = 63.6%; unweighted it would be 58.3%.
    assert_eq!(c.readiness, Some(63.6));
    assert_eq!(
        (c.applicable, c.answered, c.completion),
        (3, 3, Some(100.0))
    );
}

#[test]
fn category_and_overall_readiness_are_plain_means_of_criteria() {
    let bank = method_bank();
    let s = score(&bank, &judged(&bank, &answered(&bank, CC61_SPREAD)));
    check_figures(
        &s,
        Figure::Readiness,
        &[
            ("CC1.3", Some(0.0)),
            ("CC3.3", Some(0.0)),
            ("CC6.1", Some(63.6)),
            ("CC6.4", Some(0.0)),
            // (0 + 0 + 63.6 + 0) / 4: each criterion counts once, whatever its questions weigh.
            ("security", Some(15.9)),
            ("overall", Some(15.9)),
        ],
    );
}

#[test]
fn step_readiness_is_the_weighted_mean_of_its_questions() {
    let bank = method_bank();
    let s = score(&bank, &judged(&bank, &answered(&bank, CC61_SPREAD)));
    check_figures(
        &s,
        Figure::Readiness,
        &[
            ("step 2", Some(0.0)),
            // Step 3 weighs 20 (policy 4, MFA 5, leavers 4, office 2, cloud provider 3,
            // devices 2) and earns 5 x 4/4 + 4 x 1/4 = 6: 30%.
            ("step 3", Some(30.0)),
            // maint.access-reviews alone, at 2 of 4.
            ("step 6", Some(50.0)),
        ],
    );
}

#[test]
fn not_applicable_leaves_the_denominator() {
    let bank = method_bank();
    let record = answered(
        &bank,
        &[
            ("risk.fraud", "documented"),
            ("risk.fraud-controls", "na:one founder, no payments yet"),
        ],
    );
    let c = criterion(&score(&bank, &judged(&bank, &record)), "CC3.3");
    // 3 x 3/4 / 3 = 75%; counting the not-applicable weight would give 37.5%.
    assert_eq!(c.readiness, Some(75.0));
    assert_eq!(c.not_applicable, 1);
    assert_eq!(
        c.completion,
        Some(100.0),
        "not applicable counts as answered"
    );
}

#[test]
fn a_criterion_with_every_question_not_applicable_has_no_score_never_100() {
    let bank = method_bank();
    let record = answered(
        &bank,
        &[
            ("risk.fraud", "na:no money moves"),
            ("risk.fraud-controls", "na:no money moves"),
        ],
    );
    let c = criterion(&score(&bank, &judged(&bank, &record)), "CC3.3");
    assert_eq!(
        (c.readiness, c.status),
        (None, CriterionStatus::NoApplicableQuestion)
    );
}

/// The first worked example of docs/scoring.md, on the fixture's CC3.3 (two questions of weight
/// 3, as in the shipped bank the document uses).
#[test]
fn design_and_operating_readiness_by_hand() {
    let bank = method_bank();
    let record = answered(
        &bank,
        &[
            ("risk.fraud", "operating"),
            ("risk.fraud-controls", "planned"),
        ],
    );
    let c = criterion(&score(&bank, &judged(&bank, &record)), "CC3.3");
    // Operating (the Type II headline): (3 x 4/4 + 3 x 1/4) / 6 = 62.5%.
    // Design: (3 x 3/3 + 3 x 1/3) / 6 = 66.7%.
    assert_eq!(
        (c.readiness, c.design, c.operating),
        (Some(62.5), Some(66.7), Some(62.5))
    );
}

/// CC3.3 with both questions operating, one of them with a known exception.
fn fraud_with_an_exception(bank: &Bank) -> AssessmentRecord {
    let mut record = answered(
        bank,
        &[
            ("risk.fraud", "operating"),
            ("risk.fraud-controls", "operating"),
        ],
    );
    with_exception(
        bank,
        &mut record,
        "risk.fraud",
        "card refunds are not covered",
    );
    record
}

#[test]
fn a_known_exception_counts_a_control_at_two_and_a_half() {
    let bank = method_bank();
    let c = criterion(
        &score(&bank, &judged(&bank, &fraud_with_an_exception(&bank))),
        "CC3.3",
    );
    // Operating: (3 x 2.5/4 + 3 x 4/4) / 6 = 81.25, shown 81.3; design: (3 x 2.5/3 + 3) / 6 = 91.7.
    assert_eq!((c.design, c.operating), (Some(91.7), Some(81.3)));
}

#[test]
fn a_known_exception_makes_an_operating_control_a_gap_at_two_and_a_half() {
    let bank = method_bank();
    let gaps = gaps_of(&bank, &fraud_with_an_exception(&bank));
    let fraud = gaps.iter().find(|g| g.question_id == "risk.fraud").unwrap();
    assert_eq!(fraud.effective_level, 2.5);
}

#[test]
fn a_known_exception_is_never_low() {
    let bank = method_bank();
    let mut record = empty_record(&bank);
    answer_all_controls(&bank, &mut record, MaturityLevel::Operating);
    with_exception(&bank, &mut record, "gov.org-chart", "two teams are missing");
    // A low-impact control a level short is Low; with an exception it is Medium.
    // 10 x (1/4)² x (4 - 2.5)/4 + 1/2 = 0.73.
    check_gaps(
        &gaps_of(&bank, &record),
        &[("gov.org-chart", Priority::Medium, 0.73)],
    );
}

/// Every control operating but three: a critical one not in place, a high-impact one informal
/// and a low-impact one documented.
fn three_gaps(bank: &Bank) -> Vec<Gap> {
    let mut record = empty_record(bank);
    answer_all_controls(bank, &mut record, MaturityLevel::Operating);
    answer(
        bank,
        &mut record,
        &[
            ("access.mfa", "not-in-place"),
            ("policy.security-policy", "informal"),
            ("gov.org-chart", "documented"),
        ],
    );
    gaps_of(bank, &record)
}

#[test]
fn gaps_are_ranked_by_impact_and_shortfall() {
    // Priority score 10 x (impact factor / 4)² x shortfall, Type II so t = 4.
    check_gaps(
        &three_gaps(&method_bank()),
        &[
            // Critical (4), not in place: 10 x 1 x 4/4.
            ("access.mfa", Priority::High, 10.0),
            // High (3), informal: 10 x 9/16 x 2/4 = 2.8125.
            ("policy.security-policy", Priority::Medium, 2.81),
            // Low (1), documented: 10 x 1/16 x 1/4 = 0.15625.
            ("gov.org-chart", Priority::Low, 0.16),
        ],
    );
}

#[test]
fn the_roadmap_puts_high_now_medium_next_and_low_later() {
    let map = roadmap(&three_gaps(&method_bank()));
    assert_eq!(map.now, ["access.mfa"]);
    assert_eq!(map.next_90_days, ["policy.security-policy"]);
    assert_eq!(map.later, ["gov.org-chart"]);
}

/// The gap worked by hand in docs/scoring.md: every control operating, the critical
/// access.deprovisioning (effort S) with a known exception.
fn leaver_exception(bank: &Bank) -> Gap {
    let mut record = empty_record(bank);
    answer_all_controls(bank, &mut record, MaturityLevel::Operating);
    with_exception(
        bank,
        &mut record,
        "access.deprovisioning",
        "three leavers' accounts found active",
    );
    let gaps = gaps_of(bank, &record);
    assert_eq!(gaps.len(), 1, "{gaps:#?}");
    gaps.into_iter().next().unwrap()
}

#[test]
fn a_critical_control_with_an_exception_is_high_and_now() {
    let g = leaver_exception(&method_bank());
    // Shortfall (4 - 2.5) / 4 = 0.375: 10 x 1 x 0.375 + 4/2 = 5.75.
    assert_eq!(g.priority_score, 5.75);
    assert_eq!((g.priority, g.horizon), (Priority::High, Horizon::Now));
}

#[test]
fn a_known_exception_is_costed_as_closing_its_coverage() {
    let g = leaver_exception(&method_bank());
    // Closing a small (S) control's exception: 0.2 person-days at 11 to 50 people.
    assert_eq!(g.work_weeks, 0.04, "0.2 person-days");
}

#[test]
fn an_exception_is_closed_first_then_the_control_operated() {
    let g = leaver_exception(&method_bank());
    // The fixture's remediation_operate, not its remediation from nothing.
    assert_eq!(
        g.remediation,
        "Close the known exception first, so the control covers everyone and everything in scope; \
         then check a sample of leavers every quarter and keep the record."
    );
}

#[test]
fn an_audit_task_counts_towards_no_readiness_figure() {
    let bank = method_bank();
    let mut record = empty_record(&bank);
    answer_all_controls(&bank, &mut record, MaturityLevel::Operating);
    answer(&bank, &mut record, &[("audit.firm", "not-in-place")]);
    let s = score(&bank, &judged(&bank, &record));
    assert_eq!(s.overall.readiness, Some(100.0));
    assert_eq!(s.overall.applicable, SECURITY_QUESTIONS);
    let gaps = gaps_of(&bank, &record);
    assert!(gaps.is_empty(), "{gaps:#?}");
    assert_eq!(
        (s.tasks.applicable, s.tasks.answered, s.tasks.done),
        (1, 1, 0)
    );
}

#[test]
fn security_is_always_in_scope_even_against_an_override() {
    let bank = method_bank();
    let mut record = empty_record(&bank);
    record.scope_overrides.push(ScopeOverride {
        category: Category::Security,
        in_scope: false,
        reason: "we would rather not".into(),
        updated_at: at(3),
    });
    let security = decision(&score(&bank, &judged(&bank, &record)), Category::Security);
    assert!(security.in_scope);
    assert_eq!(security.proposal, Proposal::Needed);
}

#[test]
fn an_unanswered_deciding_question_leaves_a_category_pending_and_names_it() {
    let bank = method_bank();
    let d = decision(
        &score(&bank, &judged(&bank, &empty_record(&bank))),
        Category::Confidentiality,
    );
    assert_eq!((d.proposal, d.in_scope), (Proposal::Pending, false));
    for question in [
        "scope.required-categories",
        "scope.data-kinds",
        "scope.confidentiality-clauses",
    ] {
        // Named by the question people read, never by its id.
        let asked = &bank.question(question).unwrap().text;
        assert!(
            d.proposal_reason.contains(&format!("“{asked}”"))
                && !d.proposal_reason.contains(question),
            "{}",
            d.proposal_reason
        );
    }
}

#[test]
fn a_rule_with_two_parts_waits_for_the_second() {
    let bank = method_bank();
    let record = answered(
        &bank,
        &[
            ("scope.required-categories", "security-only"),
            ("scope.data-kinds", "customer-confidential"),
        ],
    );
    let d = decision(
        &score(&bank, &judged(&bank, &record)),
        Category::Confidentiality,
    );
    assert_eq!((d.proposal, d.in_scope), (Proposal::Pending, false));
    let asked = &bank.question("scope.confidentiality-clauses").unwrap().text;
    assert!(
        d.proposal_reason
            .starts_with(&format!("Answer “{asked}” to decide."))
            && d.proposal_reason.contains("worth asking them"),
        "names only the question left, and the weaker signal meanwhile: {}",
        d.proposal_reason
    );
}

#[test]
fn a_worth_discussing_signal_alone_leaves_a_category_out() {
    let bank = method_bank();
    let record = answered(
        &bank,
        &[
            ("scope.required-categories", "security-only"),
            ("scope.data-kinds", "customer-confidential"),
            ("scope.confidentiality-clauses", "no"),
        ],
    );
    let d = decision(
        &score(&bank, &judged(&bank, &record)),
        Category::Confidentiality,
    );
    assert_eq!((d.proposal, d.in_scope), (Proposal::WorthDiscussing, false));
    assert_eq!(
        d.proposal_reason,
        "You hold customers' confidential data: worth asking them."
    );
}

#[test]
fn a_category_nothing_calls_for_is_not_proposed_and_says_why() {
    let bank = method_bank();
    let record = answered(
        &bank,
        &[
            ("scope.required-categories", "security-only"),
            ("scope.data-kinds", "personal"),
            ("scope.confidentiality-clauses", "no"),
        ],
    );
    let d = decision(
        &score(&bank, &judged(&bank, &record)),
        Category::Confidentiality,
    );
    assert_eq!((d.proposal, d.in_scope), (Proposal::NotProposed, false));
    for reason in [
        "No customer requires Confidentiality.",
        "No contract binds you to keep customer data confidential.",
    ] {
        assert!(d.proposal_reason.contains(reason), "{}", d.proposal_reason);
    }
}

#[test]
fn a_needed_rule_brings_its_category_in_with_its_reason() {
    let bank = method_bank();
    let record = answered(
        &bank,
        &[
            ("scope.data-kinds", "customer-confidential"),
            ("scope.confidentiality-clauses", "yes"),
        ],
    );
    let s = score(&bank, &judged(&bank, &record));
    let d = decision(&s, Category::Confidentiality);
    assert_eq!((d.proposal, d.in_scope), (Proposal::Needed, true));
    assert_eq!(
        d.proposal_reason,
        "Contracts bind you to keep the customer data you hold confidential."
    );
    assert_eq!(criterion(&s, "C1.1").status, CriterionStatus::Scored);
}

#[test]
fn an_override_takes_a_proposed_category_out_and_keeps_the_reason() {
    let bank = method_bank();
    let mut record = answered(&bank, EVERY_CATEGORY);
    record.scope_overrides.push(ScopeOverride {
        category: Category::Confidentiality,
        in_scope: false,
        reason: "only our own staff data".into(),
        updated_at: at(3),
    });
    let s = score(&bank, &judged(&bank, &record));
    let d = decision(&s, Category::Confidentiality);
    assert!(d.proposed && !d.in_scope);
    assert_eq!(
        d.override_reason.as_deref(),
        Some("only our own staff data")
    );
    let c = criterion(&s, "C1.1");
    assert_eq!((c.status, c.readiness), (CriterionStatus::OutOfScope, None));
}

#[test]
fn an_override_brings_an_unproposed_category_in() {
    let bank = method_bank();
    let mut record = answered(&bank, &[("scope.sla", "no")]);
    record.scope_overrides.push(ScopeOverride {
        category: Category::Availability,
        in_scope: true,
        reason: "the largest customer asked in a meeting".into(),
        updated_at: at(3),
    });
    let s = score(&bank, &judged(&bank, &record));
    let d = decision(&s, Category::Availability);
    assert!(!d.proposed && d.in_scope);
    assert_eq!(criterion(&s, "A1.2").status, CriterionStatus::Scored);
}

#[test]
fn a_conditional_question_applies_while_its_condition_is_unknown() {
    let bank = method_bank();
    let s = score(&bank, &judged(&bank, &empty_record(&bank)));
    assert!(applicable(&s, "physical.office-access"));
}

#[test]
fn a_false_condition_drops_the_question_and_its_criterion_scores_on_the_rest() {
    let bank = method_bank();
    let record = answered(
        &bank,
        &[
            ("scope.offices", "no"),
            ("physical.office-access", "not-in-place"),
            ("physical.cloud-provider", "operating"),
            ("physical.devices", "informal"),
        ],
    );
    let s = score(&bank, &judged(&bank, &record));
    assert!(!applicable(&s, "physical.office-access"));
    assert!(applicable(&s, "physical.cloud-provider"));
    let c = criterion(&s, "CC6.4");
    // (3 x 4/4 + 2 x 2/4) / (3 + 2) = 80%; the office answer would make it 4/7 = 57.1%.
    assert_eq!((c.applicable, c.readiness), (2, Some(80.0)));
}

/// The plan worked by hand in docs/scoring.md: two people full time (10 person-days a week),
/// 30 person-weeks of work, the longest gap 10 person-weeks (one person cannot give it more
/// than 5 days a week), no auditor engaged yet.
#[test]
fn the_plan_by_hand() {
    use chrono::NaiveDate;
    let bank = method_bank();
    let mut record = answered(
        &bank,
        &[
            ("scope.company-stage", "11-50"),
            ("scope.observation-period", "6-months"),
        ],
    );
    set(
        &mut record,
        soc2_readiness::catalog::READINESS_TIME_QUESTION,
        AnswerValue::Choice("2-full-time".into()),
    );
    answer_all_controls(&bank, &mut record, MaturityLevel::Operating);
    answer(&bank, &mut record, &[("access.mfa", "not-in-place")]);
    // Any gap will do: the plan reads only each gap's work and effort.
    let template = gaps_of(&bank, &record).remove(0);
    let gap = |weeks: f64| Gap {
        work_weeks: weeks,
        effort: soc2_readiness::catalog::Effort::S,
        ..template.clone()
    };
    let gaps = vec![gap(10.0), gap(10.0), gap(4.0), gap(4.0), gap(2.0)];
    let d = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
    let plan = soc2_readiness::plan::plan(&record, &gaps, d("2026-11-26"));
    // The longest gap: 10 person-weeks at 5 days a week at most = 10 weeks.
    assert_eq!(
        (plan.total_work_weeks, plan.longest_work_weeks),
        (30.0, 10.0)
    );
    assert_eq!((plan.days_per_week, plan.capacity_answered), (10.0, true));
    // ceil(max(10, 30 x 5 / 10)) = 15 weeks; the window 2 weeks later (after the 8 weeks an
    // auditor needs); 6 months; the report 6 weeks after.
    assert_eq!(plan.remediation_weeks, 15);
    assert_eq!(plan.remediation_end, d("2027-03-11"));
    assert_eq!(plan.observation_start, Some(d("2027-03-25")));
    assert_eq!(plan.observation_end, Some(d("2027-09-25")));
    assert_eq!(plan.report_date, d("2027-11-06"));
    // Cautious: ceil(15 x 1.5) = 23 weeks, the same steps after.
    assert_eq!(plan.cautious_report_date, d("2028-01-01"));
    assert_eq!(plan.meets_target, None, "no target date given");
}

/// The plan keeps to the observation start answered in step 1 when the design work ends
/// before it; an earlier start is not credible, and the verdict says so and what follows.
#[test]
fn the_plan_keeps_a_credible_observation_start_and_refuses_one_that_is_not() {
    use chrono::NaiveDate;
    let bank = method_bank();
    let d = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
    let mut record = answered(
        &bank,
        &[
            ("scope.company-stage", "11-50"),
            ("scope.observation-period", "6-months"),
        ],
    );
    set(
        &mut record,
        soc2_readiness::catalog::READINESS_TIME_QUESTION,
        AnswerValue::Choice("2-full-time".into()),
    );
    answer_all_controls(&bank, &mut record, MaturityLevel::Operating);
    answer(&bank, &mut record, &[("access.mfa", "not-in-place")]);
    let template = gaps_of(&bank, &record).remove(0);
    let gaps = vec![
        Gap {
            work_weeks: 10.0,
            effort: soc2_readiness::catalog::Effort::S,
            ..template.clone()
        };
        3
    ];
    let today = d("2026-11-26");
    let start = soc2_readiness::catalog::OBSERVATION_START_QUESTION;

    // Remediation ends 11 Mar 2027; the period was agreed from 1 June.
    set(&mut record, start, AnswerValue::Date(d("2027-06-01")));
    let plan = soc2_readiness::plan::plan(&record, &gaps, today);
    assert_eq!(plan.remediation_end, d("2027-03-11"));
    assert!(!plan.start_not_credible);
    assert_eq!(plan.observation_start, Some(d("2027-06-01")));
    assert_eq!(plan.observation_end, Some(d("2027-12-01")));
    assert_eq!(plan.report_date, d("2028-01-12"));
    assert!(!plan.verdict.contains("not credible"), "{}", plan.verdict);
    assert!(
        plan.assumptions
            .iter()
            .any(|a| a.contains("starts on 1 Jun 2027, as answered in step 1")),
        "{:?}",
        plan.assumptions
    );
    let starts = |plan: &soc2_readiness::plan::Plan| {
        plan.milestones
            .iter()
            .find(|m| m.kind == soc2_readiness::plan::MilestoneKind::ObservationStart)
            .map(|m| m.date)
    };
    assert_eq!(starts(&plan), Some(d("2027-06-01")));

    // Chosen before the design work can end: never "on track"; the dates use the earliest
    // credible start and the verdict says why.
    set(&mut record, start, AnswerValue::Date(d("2026-12-14")));
    let plan = soc2_readiness::plan::plan(&record, &gaps, today);
    assert!(plan.start_not_credible);
    assert_eq!(plan.observation_start, Some(d("2027-03-25")));
    assert_eq!(starts(&plan), Some(d("2027-03-25")));
    assert!(
        plan.verdict.starts_with(
            "The observation start on 14 Dec 2026 is not credible: the design work runs to 11 Mar 2027"
        ),
        "{}",
        plan.verdict
    );
    assert!(
        plan.verdict
            .contains("The earliest credible start is 25 Mar 2027")
    );
    assert!(!plan.verdict.contains("On track"), "{}", plan.verdict);
    assert!(
        plan.decided_by[0].contains("14 Dec 2026"),
        "{:?}",
        plan.decided_by
    );

    // A period already running is not "not credible": it says what the open gaps become.
    set(&mut record, start, AnswerValue::Date(d("2026-10-28")));
    let plan = soc2_readiness::plan::plan(&record, &gaps, today);
    assert!(plan.start_not_credible);
    assert!(
        plan.verdict.starts_with(
            "The observation period that started on 28 Oct 2026 runs while the design work goes on to 11 Mar 2027"
        ),
        "{}",
        plan.verdict
    );
    assert!(
        plan.verdict
            .contains("every gap still open will be an exception")
    );

    // A Type I has no observation period: the answer is not read.
    let mut type1 = record.clone();
    let report_type = soc2_readiness::catalog::REPORT_TYPE_QUESTION;
    set(&mut type1, report_type, AnswerValue::Choice("type1".into()));
    let plan = soc2_readiness::plan::plan(&type1, &gaps, today);
    assert_eq!(plan.type1_date, Some(d("2027-03-25")));
    assert_eq!(plan.report_date, d("2027-05-06"));
}

/// One generated control answer: unanswered, a level, or not applicable.
fn control_answer() -> impl Strategy<Value = Option<AnswerValue>> {
    prop_oneof![
        2 => Just(None),
        6 => (0u8..=4).prop_map(|l| Some(AnswerValue::Level(MaturityLevel::try_from(l).unwrap()))),
        1 => Just(Some(AnswerValue::NotApplicable("generated".into()))),
    ]
}

fn control_count() -> usize {
    method_bank().control_questions().count()
}

/// The scope answers a generated record varies: an uptime promise, confidentiality clauses,
/// confidential data held, and an office (or no answer).
type ScopeFlags = (bool, bool, bool, Option<bool>);

fn scope_flags() -> impl Strategy<Value = ScopeFlags> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        proptest::option::of(any::<bool>()),
    )
}

fn generated_record(
    answers: &[Option<AnswerValue>],
    type1: bool,
    flags: ScopeFlags,
) -> (Bank, AssessmentRecord) {
    let bank = method_bank();
    let (sla, clauses, confidential, offices) = flags;
    let yes_no = |yes: bool| if yes { "yes" } else { "no" };
    let mut record = answered(
        &bank,
        &[
            ("scope.report-type", if type1 { "type1" } else { "type2" }),
            ("scope.sla", yes_no(sla)),
            ("scope.confidentiality-clauses", yes_no(clauses)),
            (
                "scope.data-kinds",
                if confidential {
                    "customer-confidential"
                } else {
                    "personal"
                },
            ),
        ],
    );
    if let Some(offices) = offices {
        answer(&bank, &mut record, &[("scope.offices", yes_no(offices))]);
    }
    let ids: Vec<String> = bank.control_questions().map(|q| q.id.clone()).collect();
    for (id, answer) in ids.iter().zip(answers) {
        if let Some(value) = answer {
            set(&mut record, id, value.clone());
        }
    }
    (bank, record)
}

const EVERY_FIGURE: [Figure; 4] = [
    Figure::Readiness,
    Figure::Design,
    Figure::Operating,
    Figure::Completion,
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn scores_stay_between_0_and_100(
        answers in proptest::collection::vec(control_answer(), control_count()),
        type1 in any::<bool>(),
        flags in scope_flags(),
    ) {
        let (bank, record) = generated_record(&answers, type1, flags);
        let s = score(&bank, &judged(&bank, &record));
        for figure in EVERY_FIGURE {
            for (name, value) in figures(&s, figure) {
                if let Some(v) = value {
                    prop_assert!((0.0..=100.0).contains(&v), "{figure:?} {name} = {v}");
                }
            }
        }
    }

    #[test]
    fn raising_one_answer_never_lowers_any_score(
        answers in proptest::collection::vec(control_answer(), control_count()),
        type1 in any::<bool>(),
        flags in scope_flags(),
        pick in 0usize..control_count(),
        raise_by in 1u8..=4,
    ) {
        let (bank, mut record) = generated_record(&answers, type1, flags);
        let question = bank.control_questions().nth(pick).unwrap().id.clone();
        let current = match record.value(&question) {
            Some(AnswerValue::Level(l)) => l.value(),
            Some(_) => return Ok(()), // not applicable is not a level to raise
            None => 0,
        };
        let before = score(&bank, &judged(&bank, &record));
        let raised = (current + raise_by).min(4);
        set(&mut record, &question, AnswerValue::Level(MaturityLevel::try_from(raised).unwrap()));
        let after = score(&bank, &judged(&bank, &record));
        for figure in EVERY_FIGURE {
            for ((name, b), (_, a)) in figures(&before, figure).into_iter().zip(figures(&after, figure)) {
                match (b, a) {
                    (Some(b), Some(a)) => prop_assert!(a >= b, "{figure:?} {name} fell from {b} to {a} raising {question}"),
                    (None, None) => {}
                    (b, a) => prop_assert!(false, "{figure:?} {name} changed presence {b:?} -> {a:?}"),
                }
            }
        }
    }
}

/// Each criterion names its weakest applicable question, the one its heat-map cell opens: the
/// lowest level, unanswered below every answer, a known exception half a level down, and the
/// bank's order between equals. The figures and the colour bands come from the engine alone.
#[test]
fn each_criterion_names_its_weakest_question() {
    use soc2_readiness::scoring::{BAND_FROM, Band};
    let bank = method_bank();
    let mut record = answered(&bank, &[("risk.fraud", "2"), ("risk.fraud-controls", "3")]);
    let weakest = |r: &AssessmentRecord| {
        criterion(&score(&bank, &judged(&bank, r)), "CC3.3").weakest_question
    };
    assert_eq!(weakest(&record).as_deref(), Some("risk.fraud"));
    set(
        &mut record,
        "risk.fraud",
        AnswerValue::Level(MaturityLevel::Operating),
    );
    assert_eq!(weakest(&record).as_deref(), Some("risk.fraud-controls"));
    set(
        &mut record,
        "risk.fraud",
        AnswerValue::Level(MaturityLevel::Documented),
    );
    assert_eq!(
        weakest(&record).as_deref(),
        Some("risk.fraud"),
        "equals: the bank's order"
    );
    with_exception(
        &bank,
        &mut record,
        "risk.fraud-controls",
        "one team not covered",
    );
    assert_eq!(weakest(&record).as_deref(), Some("risk.fraud-controls"));
    record.answers.remove("risk.fraud");
    assert_eq!(
        weakest(&record).as_deref(),
        Some("risk.fraud"),
        "unanswered is lowest"
    );

    assert_eq!(BAND_FROM, [40.0, 70.0, 90.0]);
    let bands = [0.0, 39.9, 40.0, 69.9, 70.0, 89.9, 90.0, 100.0].map(Band::of);
    use Band::*;
    assert_eq!(bands, [Low, Low, Mid, Mid, Good, Good, High, High]);
}
