//! Scoring and gaps: worked examples a reader can check by hand, and properties over generated answers.

use proptest::prelude::*;
use soc2_readiness::assessment::{AnswerValue, MaturityLevel, ScopeOverride};
use soc2_readiness::catalog::Category;
use soc2_readiness::gaps::{Horizon, Priority, roadmap};
use soc2_readiness::scoring::{CriterionStatus, Scorecard, score};

use crate::support::{
    answer_all_controls, at, bank, empty_record, everything_in_scope, gaps_of, set,
};

#[test]
fn all_operating_scores_100_and_all_not_in_place_scores_0() {
    let bank = bank();
    for (level, expected) in [
        (MaturityLevel::Operating, 100.0),
        (MaturityLevel::NotInPlace, 0.0),
    ] {
        let mut record = empty_record(&bank);
        everything_in_scope(&mut record);
        answer_all_controls(&bank, &mut record, level);
        let s = score(&bank, &record);
        assert_eq!(s.overall.readiness, Some(expected));
        assert_eq!(s.overall.completion, Some(100.0));
        for c in &s.categories {
            assert!(c.in_scope, "{:?} should be in scope", c.id);
            assert_eq!(c.readiness, Some(expected), "{:?}", c.id);
        }
        for step in s.steps.iter().filter(|s| s.step > 1) {
            assert_eq!(step.readiness, Some(expected), "step {}", step.step);
        }
        for c in &s.criteria {
            assert_eq!(c.readiness, Some(expected), "{}", c.id);
        }
    }
}

#[test]
fn type1_targets_documented_so_documented_is_full_marks() {
    let bank = bank();
    let mut record = empty_record(&bank);
    set(
        &mut record,
        "scope.report-type",
        AnswerValue::Choice("type1".into()),
    );
    answer_all_controls(&bank, &mut record, MaturityLevel::Documented);
    let s = score(&bank, &record);
    assert_eq!(s.target_level, 3);
    assert_eq!(s.overall.readiness, Some(100.0));
    assert!(gaps_of(&bank, &record).is_empty());

    set(
        &mut record,
        "scope.report-type",
        AnswerValue::Choice("type2".into()),
    );
    let s = score(&bank, &record);
    assert_eq!(s.target_level, 4);
    assert_eq!(s.overall.readiness, Some(75.0), "3 of 4 everywhere");
}

#[test]
fn unanswered_counts_as_zero_and_is_reported() {
    let bank = bank();
    let record = empty_record(&bank);
    let s = score(&bank, &record);
    assert_eq!(s.overall.readiness, Some(0.0));
    assert_eq!(s.overall.completion, Some(0.0));
    assert_eq!(s.overall.unanswered, s.overall.applicable);
    let gaps = gaps_of(&bank, &record);
    assert_eq!(
        gaps.len(),
        s.overall.applicable,
        "every unanswered question is a gap"
    );
    assert!(gaps.iter().all(|g| g.current_level.is_none()));
}

/// CC3.3 has two questions: risk.fraud (weight 3) and risk.fraud-controls (weight 3).
#[test]
fn criterion_readiness_is_the_weighted_mean_of_its_questions() {
    let bank = bank();
    let mut record = empty_record(&bank);
    set(
        &mut record,
        "risk.fraud",
        AnswerValue::Level(MaturityLevel::Operating),
    );
    set(
        &mut record,
        "risk.fraud-controls",
        AnswerValue::Level(MaturityLevel::Planned),
    );
    let s = score(&bank, &record);
    let cc33 = s.criteria.iter().find(|c| c.id == "CC3.3").unwrap();
    // (3 x 4/4 + 3 x 1/4) / (3 + 3) = 62.5%
    assert_eq!(cc33.readiness, Some(62.5));
    assert_eq!((cc33.applicable, cc33.answered), (2, 2));
    assert_eq!(cc33.completion, Some(100.0));
}

#[test]
fn not_applicable_leaves_the_denominator() {
    let bank = bank();
    let mut record = empty_record(&bank);
    set(
        &mut record,
        "risk.fraud",
        AnswerValue::Level(MaturityLevel::Operating),
    );
    set(
        &mut record,
        "risk.fraud-controls",
        AnswerValue::NotApplicable("one founder, no payments yet".into()),
    );
    let s = score(&bank, &record);
    let cc33 = s.criteria.iter().find(|c| c.id == "CC3.3").unwrap();
    assert_eq!(cc33.readiness, Some(100.0));
    assert_eq!(cc33.not_applicable, 1);
    assert_eq!(
        cc33.completion,
        Some(100.0),
        "not applicable counts as answered"
    );

    // With both not applicable the criterion has nothing to score and says so: never 100%.
    set(
        &mut record,
        "risk.fraud",
        AnswerValue::NotApplicable("n/a".into()),
    );
    let s = score(&bank, &record);
    let cc33 = s.criteria.iter().find(|c| c.id == "CC3.3").unwrap();
    assert_eq!(cc33.readiness, None);
    assert_eq!(cc33.status, CriterionStatus::NoApplicableQuestion);
}

#[test]
fn categories_follow_scoping_answers_and_overrides() {
    let bank = bank();
    let mut record = empty_record(&bank);
    let in_scope =
        |s: &Scorecard, c: Category| s.categories.iter().find(|x| x.id == c).unwrap().in_scope;

    let s = score(&bank, &record);
    assert!(in_scope(&s, Category::Security));
    assert!(
        !in_scope(&s, Category::Privacy),
        "not proposed before the scope answers"
    );
    let privacy = s
        .scope
        .iter()
        .find(|d| d.category == Category::Privacy)
        .unwrap();
    assert!(
        privacy.proposal_reason.contains("scope.data-kinds"),
        "{}",
        privacy.proposal_reason
    );

    set(
        &mut record,
        "scope.data-kinds",
        AnswerValue::Choices(vec!["personal".into()]),
    );
    let s = score(&bank, &record);
    assert!(
        !in_scope(&s, Category::Privacy),
        "personal data alone decides nothing: the role does"
    );
    set(
        &mut record,
        "scope.personal-data-role",
        AnswerValue::Choice("processor".into()),
    );
    set(
        &mut record,
        "scope.required-categories",
        AnswerValue::Choices(vec!["security-only".into()]),
    );
    let s = score(&bank, &record);
    assert!(
        !in_scope(&s, Category::Privacy),
        "a processor: not proposed"
    );
    set(
        &mut record,
        "scope.personal-data-role",
        AnswerValue::Choice("controller".into()),
    );
    let s = score(&bank, &record);
    assert!(in_scope(&s, Category::Privacy));
    let privacy = s
        .scope
        .iter()
        .find(|d| d.category == Category::Privacy)
        .unwrap();
    assert!(
        privacy.proposal_reason.contains("controller"),
        "{}",
        privacy.proposal_reason
    );
    let p11 = s.criteria.iter().find(|c| c.id == "P1.1").unwrap();
    assert_eq!(p11.status, CriterionStatus::Scored);

    record.scope_overrides.push(ScopeOverride {
        category: Category::Privacy,
        in_scope: false,
        reason: "only employee data, covered by HR".into(),
        updated_at: at(3),
    });
    let s = score(&bank, &record);
    assert!(!in_scope(&s, Category::Privacy));
    let decision = s
        .scope
        .iter()
        .find(|d| d.category == Category::Privacy)
        .unwrap();
    assert!(decision.proposed && !decision.in_scope);
    assert_eq!(
        decision.override_reason.as_deref(),
        Some("only employee data, covered by HR")
    );
    let p11 = s.criteria.iter().find(|c| c.id == "P1.1").unwrap();
    assert_eq!(
        (p11.status, p11.readiness),
        (CriterionStatus::OutOfScope, None)
    );
}

#[test]
fn no_office_turns_office_questions_into_cloud_reliance() {
    let bank = bank();
    let mut record = empty_record(&bank);
    let applicable = |s: &Scorecard, id: &str| {
        s.questions
            .iter()
            .find(|q| q.question_id == id)
            .unwrap()
            .applicable
    };
    let s = score(&bank, &record);
    assert!(
        applicable(&s, "physical.office-access"),
        "unknown scope keeps the question"
    );
    set(&mut record, "scope.offices", AnswerValue::YesNo(false));
    let s = score(&bank, &record);
    assert!(!applicable(&s, "physical.office-access"));
    assert!(applicable(&s, "physical.cloud-provider"));
    let cc64 = s.criteria.iter().find(|c| c.id == "CC6.4").unwrap();
    assert!(
        cc64.applicable >= 2,
        "CC6.4 still has questions: {}",
        cc64.applicable
    );
}

#[test]
fn gaps_are_prioritised_and_sequenced() {
    let bank = bank();
    let mut record = empty_record(&bank);
    answer_all_controls(&bank, &mut record, MaturityLevel::Operating);
    // A critical control not in place is High; a high-impact one half-way is Medium; a
    // low-impact one a level short is Low.
    set(
        &mut record,
        "access.sso-mfa",
        AnswerValue::Level(MaturityLevel::NotInPlace),
    );
    set(
        &mut record,
        "gov.org-chart",
        AnswerValue::Level(MaturityLevel::Documented),
    );
    set(
        &mut record,
        "policy.policy-set",
        AnswerValue::Level(MaturityLevel::Informal),
    );
    let _s = score(&bank, &record);
    let gaps = gaps_of(&bank, &record);
    let ids: Vec<&str> = gaps.iter().map(|g| g.question_id.as_str()).collect();
    assert_eq!(
        ids,
        ["access.sso-mfa", "policy.policy-set", "gov.org-chart"]
    );
    assert_eq!(gaps[0].priority, Priority::High);
    assert_eq!(gaps[0].priority_score, 10.0, "10 x (4/4)² x shortfall 1");
    assert_eq!(gaps[1].priority_score, 2.81, "10 x (3/4)² x shortfall 1/2");
    assert_eq!(gaps[1].priority, Priority::Medium);
    assert_eq!(
        gaps[2].priority_score, 0.16,
        "10 x (1/4)² x shortfall 1/4, rounded"
    );
    assert_eq!(gaps[2].priority, Priority::Low);
    assert_eq!(gaps[2].horizon, Horizon::Later);
    let map = roadmap(&gaps);
    assert_eq!(map.now, ["access.sso-mfa"]);
    assert_eq!(map.next_90_days, ["policy.policy-set"]);
    assert_eq!(map.later, ["gov.org-chart"]);
}

/// One generated control answer: unanswered, a level, or not applicable.
fn control_answer() -> impl Strategy<Value = Option<AnswerValue>> {
    prop_oneof![
        2 => Just(None),
        6 => (0u8..=4).prop_map(|l| Some(AnswerValue::Level(MaturityLevel::try_from(l).unwrap()))),
        1 => Just(Some(AnswerValue::NotApplicable("generated".into()))),
    ]
}

fn generated_record(
    answers: &[Option<AnswerValue>],
    type1: bool,
    scope_flags: (bool, bool, bool, bool, Option<bool>),
) -> (
    soc2_readiness::catalog::Bank,
    soc2_readiness::assessment::AssessmentRecord,
) {
    let bank = bank();
    let mut record = empty_record(&bank);
    let (sla, transactions, personal, confidential, offices) = scope_flags;
    let kind = if type1 { "type1" } else { "type2" };
    set(
        &mut record,
        "scope.report-type",
        AnswerValue::Choice(kind.into()),
    );
    set(&mut record, "scope.sla", AnswerValue::YesNo(sla));
    set(
        &mut record,
        "scope.uptime-critical",
        AnswerValue::YesNo(false),
    );
    set(
        &mut record,
        "scope.transaction-processing",
        AnswerValue::YesNo(transactions),
    );
    let mut kinds = Vec::new();
    if personal {
        kinds.push("personal".to_string());
    }
    if confidential {
        kinds.push("customer-confidential".to_string());
    }
    set(&mut record, "scope.data-kinds", AnswerValue::Choices(kinds));
    if let Some(offices) = offices {
        set(&mut record, "scope.offices", AnswerValue::YesNo(offices));
    }
    let ids: Vec<String> = bank.control_questions().map(|q| q.id.clone()).collect();
    for (id, answer) in ids.iter().zip(answers) {
        if let Some(value) = answer {
            set(&mut record, id, value.clone());
        }
    }
    (bank, record)
}

fn all_scores(s: &Scorecard) -> Vec<(String, Option<f64>)> {
    let mut out = vec![("overall".to_string(), s.overall.readiness)];
    out.extend(
        s.categories
            .iter()
            .map(|c| (format!("{:?}", c.id), c.readiness)),
    );
    out.extend(
        s.steps
            .iter()
            .map(|c| (format!("step {}", c.step), c.readiness)),
    );
    out.extend(s.criteria.iter().map(|c| (c.id.clone(), c.readiness)));
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn scores_stay_between_0_and_100(
        answers in proptest::collection::vec(control_answer(), 182),
        type1 in any::<bool>(),
        flags in (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>(), proptest::option::of(any::<bool>())),
    ) {
        let (bank, record) = generated_record(&answers, type1, flags);
        let s = score(&bank, &record);
        for (name, value) in all_scores(&s) {
            if let Some(v) = value {
                prop_assert!((0.0..=100.0).contains(&v), "{name} = {v}");
            }
        }
        let completions = std::iter::once(s.overall.completion)
            .chain(s.criteria.iter().map(|c| c.completion));
        for c in completions.flatten() {
            prop_assert!((0.0..=100.0).contains(&c));
        }
    }

    #[test]
    fn raising_one_answer_never_lowers_any_score(
        answers in proptest::collection::vec(control_answer(), 182),
        type1 in any::<bool>(),
        flags in (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>(), proptest::option::of(any::<bool>())),
        pick in 0usize..182,
        raise_by in 1u8..=4,
    ) {
        let (bank, mut record) = generated_record(&answers, type1, flags);
        let question = bank.control_questions().nth(pick).unwrap().id.clone();
        let current = match record.value(&question) {
            Some(AnswerValue::Level(l)) => l.value(),
            Some(_) => return Ok(()), // not applicable is not a level to raise
            None => 0,
        };
        let before = score(&bank, &record);
        let raised = (current + raise_by).min(4);
        set(&mut record, &question, AnswerValue::Level(MaturityLevel::try_from(raised).unwrap()));
        let after = score(&bank, &record);
        for ((name, b), (_, a)) in all_scores(&before).into_iter().zip(all_scores(&after)) {
            match (b, a) {
                (Some(b), Some(a)) => prop_assert!(a >= b, "{name} fell from {b} to {a} raising {question}"),
                (None, None) => {}
                (b, a) => prop_assert!(false, "{name} changed presence {b:?} -> {a:?}"),
            }
        }
    }
}

/// The worked examples of docs/scoring.md: two figures, and a known exception.
#[test]
fn design_and_operating_readiness_and_an_exception_by_hand() {
    let bank = bank();
    let mut record = empty_record(&bank);
    set(
        &mut record,
        "risk.fraud",
        AnswerValue::Level(MaturityLevel::Operating),
    );
    set(
        &mut record,
        "risk.fraud-controls",
        AnswerValue::Level(MaturityLevel::Planned),
    );
    let cc33 = |record: &soc2_readiness::assessment::AssessmentRecord| {
        score(&bank, record)
            .criteria
            .into_iter()
            .find(|c| c.id == "CC3.3")
            .unwrap()
    };
    let c = cc33(&record);
    assert_eq!(
        (c.readiness, c.design, c.operating),
        (Some(62.5), Some(66.7), Some(62.5))
    );

    set(
        &mut record,
        "risk.fraud-controls",
        AnswerValue::Level(MaturityLevel::Operating),
    );
    record.answers.get_mut("risk.fraud").unwrap().exception =
        Some("card refunds are not covered".into());
    let c = cc33(&record);
    assert_eq!((c.design, c.operating), (Some(91.7), Some(81.3)));
    let gaps = gaps_of(&bank, &record);
    let fraud = gaps.iter().find(|g| g.question_id == "risk.fraud").unwrap();
    assert_eq!(fraud.effective_level, 2.5);
    assert_ne!(
        fraud.priority,
        Priority::Low,
        "a known exception is never Low"
    );
}

/// The gap worked by hand in docs/scoring.md.
#[test]
fn a_critical_control_with_an_exception_is_high() {
    let bank = bank();
    let mut record = empty_record(&bank);
    answer_all_controls(&bank, &mut record, MaturityLevel::Operating);
    record
        .answers
        .get_mut("access.deprovisioning")
        .unwrap()
        .exception = Some("three leavers' accounts found active".into());
    let gaps = gaps_of(&bank, &record);
    assert_eq!(gaps.len(), 1);
    let g = &gaps[0];
    assert_eq!(g.priority_score, 5.75);
    assert_eq!(g.priority, Priority::High);
    assert_eq!(g.horizon, Horizon::Now);
    assert_eq!(
        g.work_weeks, 0.25,
        "half of S (half a week) with an exception"
    );
    assert!(
        g.remediation.len() > 20
            && g.remediation
                != bank
                    .question("access.deprovisioning")
                    .unwrap()
                    .remediation
                    .clone()
                    .unwrap(),
        "the advice starts from an operating control, not from nothing"
    );
    let question = bank.question("access.deprovisioning").unwrap();
    assert!(
        g.remediation.starts_with("Close the known exception first")
            && g.remediation
                .ends_with(&question.remediation_operate.as_deref().unwrap()[1..]),
        "with an exception the next step closes it, then operates the control: {}",
        g.remediation
    );
}

/// The plan worked by hand in docs/scoring.md: 3 streams, 30 weeks of work, the longest 10.
#[test]
fn the_plan_by_hand() {
    use chrono::NaiveDate;
    let bank = bank();
    let mut record = empty_record(&bank);
    set(
        &mut record,
        "scope.company-stage",
        AnswerValue::Choice("11-50".into()),
    );
    set(
        &mut record,
        "scope.observation-period",
        AnswerValue::Choice("6-months".into()),
    );
    answer_all_controls(&bank, &mut record, MaturityLevel::Operating);
    set(
        &mut record,
        "access.sso-mfa",
        AnswerValue::Level(MaturityLevel::NotInPlace),
    );
    let template = gaps_of(&bank, &record).remove(0);
    let gap = |weeks: f64| {
        let mut g = template.clone();
        g.work_weeks = weeks;
        g
    };
    let gaps = vec![gap(10.0), gap(10.0), gap(4.0), gap(4.0), gap(2.0)];
    let d = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
    let plan = soc2_readiness::plan::plan(&record, &gaps, d("2026-11-26"));
    assert_eq!(plan.streams, 3);
    assert_eq!(plan.remediation_weeks, 10);
    assert_eq!(plan.remediation_end, d("2027-02-04"));
    assert_eq!(plan.observation_start, Some(d("2027-02-18")));
    assert_eq!(plan.observation_end, Some(d("2027-08-18")));
    assert_eq!(plan.report_date, d("2027-09-29"));
    assert_eq!(plan.meets_target, None, "no target date given");
}
