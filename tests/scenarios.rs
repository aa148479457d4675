//! Realistic companies answered through the public API, checked against what a senior SOC 2 consultant would conclude: scope, readiness band, top gaps and a plan whose dates add up.

use chrono::NaiveDate;
use soc2_readiness::Workspace;
use soc2_readiness::analysis::Analysis;
use soc2_readiness::assessment::{ReportType, parse_answer_for};
use soc2_readiness::catalog::Category;
use soc2_readiness::gaps::{Priority, top_gaps};
use soc2_readiness::scope::Proposal;
use soc2_readiness::workspace::{AnswerDetails, ScopeDecision};

use crate::support::{at, bank};

/// The day the consultant runs the numbers.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

struct Company {
    ws: Workspace,
    id: String,
}

impl Company {
    fn new(name: &str, report_type: ReportType) -> Company {
        let mut ws = Workspace::in_memory(bank()).unwrap();
        let id = "scenario0001".to_string();
        crate::support::create(&mut ws, &id, name, report_type, at(0));
        Company { ws, id }
    }

    fn answer(&mut self, question: &str, raw: &str) -> &mut Company {
        self.answer_with(question, raw, AnswerDetails::default())
    }

    fn answer_with(&mut self, question: &str, raw: &str, details: AnswerDetails) -> &mut Company {
        let value = parse_answer_for(self.ws.bank(), question, raw)
            .unwrap_or_else(|e| panic!("{question} = {raw}: {e}"));
        self.ws
            .save_answer(&self.id, question, value, details, at(1))
            .unwrap_or_else(|e| panic!("{question} = {raw}: {e}"));
        self
    }

    fn exception(&mut self, question: &str, level: &str, what: &str) -> &mut Company {
        let details = AnswerDetails {
            exception: Some(what.into()),
            ..AnswerDetails::default()
        };
        self.answer_with(question, level, details)
    }

    /// An exception that leaves something exposed today, as the person marks it.
    fn live_exception(&mut self, question: &str, level: &str, what: &str) -> &mut Company {
        let details = AnswerDetails {
            exception: Some(what.into()),
            live_exposure: Some(true),
            ..AnswerDetails::default()
        };
        self.answer_with(question, level, details)
    }

    /// Every control question at one level; the scenario then answers what differs.
    fn all_controls(&mut self, level: &str) -> &mut Company {
        let ids: Vec<String> = self
            .ws
            .bank()
            .control_questions()
            .map(|q| q.id.clone())
            .collect();
        for id in ids {
            self.answer(&id, level);
        }
        self
    }

    /// Every control question whose id starts with `prefix`.
    fn prefix(&mut self, prefix: &str, level: &str) -> &mut Company {
        let ids: Vec<String> = self
            .ws
            .bank()
            .control_questions()
            .filter(|q| q.id.starts_with(prefix))
            .map(|q| q.id.clone())
            .collect();
        assert!(!ids.is_empty(), "no question starts with {prefix}");
        for id in ids {
            self.answer(&id, level);
        }
        self
    }

    fn analysis(&self) -> Analysis {
        self.ws.analysis(&self.id, today()).unwrap()
    }
}

fn in_scope(a: &Analysis) -> Vec<Category> {
    a.scorecard
        .scope
        .iter()
        .filter(|d| d.in_scope)
        .map(|d| d.category)
        .collect()
}

fn proposal(a: &Analysis, category: Category) -> Proposal {
    a.scorecard
        .scope
        .iter()
        .find(|d| d.category == category)
        .unwrap()
        .proposal
}

fn top_ten(a: &Analysis) -> Vec<String> {
    top_gaps(&a.gaps, 10)
        .into_iter()
        .map(|g| g.question_id)
        .collect()
}

fn assert_high_in_top_ten(a: &Analysis, question: &str) {
    let top = top_ten(a);
    assert!(
        top.iter().any(|id| id == question),
        "{question} should be among the top ten gaps: {top:?}"
    );
    let gap = a.gaps.iter().find(|g| g.question_id == question).unwrap();
    assert!(
        matches!(gap.priority, Priority::FixNow | Priority::High),
        "{question} should be High or above: {}",
        gap.priority_reason
    );
}

fn assert_between(label: &str, value: Option<f64>, low: f64, high: f64) {
    let value = value.unwrap_or_else(|| panic!("{label} is not scored"));
    assert!(
        (low..=high).contains(&value),
        "{label} {value} is outside {low} to {high}"
    );
}

/// The plan's dates follow each other and the report lag is the documented one.
fn assert_dates_add_up(a: &Analysis) {
    let p = &a.plan;
    assert!(p.remediation_end >= p.today);
    match p.report_type {
        ReportType::Type1 => {
            let date = p.type1_date.expect("a Type I date");
            assert!(date > p.remediation_end);
            assert_eq!(
                (p.report_date - date).num_weeks(),
                soc2_readiness::plan::TYPE1_REPORT_WEEKS
            );
        }
        ReportType::Type2 => {
            let (start, end) = (p.observation_start.unwrap(), p.observation_end.unwrap());
            assert!(start > p.remediation_end && end > start);
            assert_eq!((p.report_date - end).num_weeks(), 6);
        }
    }
    let dates: Vec<NaiveDate> = p.milestones.iter().map(|m| m.date).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    if let (Some(target), Some(meets)) = (p.target_date, p.meets_target) {
        assert_eq!(meets, p.report_date <= target);
    }
}

/// Six people, pre-seed, first enterprise deal wants a report; processes end users' data for
/// its business customers; nothing formal, MFA on four of six people, a leaver still in GitHub,
/// one shared cloud root login.
#[test]
fn six_person_pre_seed_saas() {
    let mut c = Company::new("Tallyboard", ReportType::Type1);
    c.answer("scope.report-type", "type1")
        .answer("scope.required-categories", "security-only")
        .answer("scope.existing-report", "none")
        .answer("scope.target-date", "2027-05-31")
        .answer("scope.company-stage", "1-10")
        .answer("scope.data-kinds", "customer-confidential,personal")
        .answer("scope.personal-data-role", "processor")
        .answer("scope.transaction-processing", "no")
        .answer("scope.sla", "no")
        .answer("scope.uptime-critical", "no")
        .answer("scope.confidentiality-clauses", "no")
        .answer("scope.privacy-notice", "no")
        .answer("scope.offices", "no")
        .answer("scope.remote-work", "yes")
        .answer("scope.content-promises", "no")
        .all_controls("informal")
        .prefix("gov.", "not-in-place")
        .prefix("risk.", "not-in-place")
        .prefix("vendor.", "not-in-place")
        .prefix("policy.", "not-in-place")
        .prefix("audit.", "not-in-place")
        .prefix("maint.", "not-in-place")
        .prefix("monitor.", "not-in-place")
        .answer("crypto.at-rest", "documented")
        .answer("crypto.in-transit", "documented")
        .answer("change.tracked-changes", "documented")
        .answer("access.admin-mfa", "planned")
        .exception(
            "access.sso-mfa",
            "informal",
            "two of six people not enrolled",
        )
        .live_exception(
            "access.deprovisioning",
            "informal",
            "a contractor who left in September still has GitHub access",
        );
    let a = c.analysis();

    assert_eq!(in_scope(&a), [Category::Security], "Security only");
    assert_eq!(
        proposal(&a, Category::Privacy),
        Proposal::NotProposed,
        "a processor whose customers did not ask: {}",
        a.scorecard.scope[4].proposal_reason
    );
    assert_eq!(
        proposal(&a, Category::Confidentiality),
        Proposal::WorthDiscussing
    );
    assert_between("design readiness", a.scorecard.overall.design, 20.0, 55.0);
    assert!(a.scorecard.overall.readiness == a.scorecard.overall.design);
    for question in [
        "access.sso-mfa",
        "access.deprovisioning",
        "access.admin-mfa",
        "policy.security-policy",
    ] {
        assert_high_in_top_ten(&a, question);
    }
    let laptops = a
        .gaps
        .iter()
        .find(|g| g.question_id == "endpoint.device-management")
        .unwrap();
    assert_eq!(
        laptops.impact,
        soc2_readiness::catalog::Impact::Critical,
        "people work from home: laptop management is raised a step ({})",
        laptops.priority_reason
    );
    let mfa = a
        .gaps
        .iter()
        .find(|g| g.question_id == "access.sso-mfa")
        .unwrap();
    assert_eq!(
        mfa.exception.as_deref(),
        Some("two of six people not enrolled")
    );
    assert_eq!(mfa.effective_level, 1.5, "informal with an exception");
    assert_dates_add_up(&a);
}

/// Forty people, payments fintech; bank partners require Availability and Confidentiality;
/// it passes payment data on but customers keep their own ledgers. Controls designed, a few
/// operating, a hotfix path that skips review.
#[test]
fn forty_person_fintech() {
    let mut c = Company::new("Kestrel Pay", ReportType::Type2);
    c.answer("scope.required-categories", "availability,confidentiality")
        .answer("scope.existing-report", "none")
        .answer("scope.observation-period", "6-months")
        .answer("scope.target-date", "2027-10-31")
        .answer("scope.company-stage", "11-50")
        .answer("scope.data-kinds", "payment,customer-confidential,personal")
        .answer("scope.personal-data-role", "processor")
        .answer("scope.transaction-processing", "no")
        .answer("scope.sla", "yes")
        .answer("scope.sla-kind", "uptime,support-response")
        .answer("scope.uptime-critical", "yes")
        .answer("scope.confidentiality-clauses", "yes")
        .answer("scope.privacy-notice", "yes")
        .answer("scope.offices", "yes")
        .all_controls("documented")
        .prefix("access.", "operating")
        .prefix("crypto.", "operating")
        .answer("vuln.scanning", "informal")
        .answer("maint.restore-tests", "planned")
        .exception(
            "change.peer-review",
            "operating",
            "the hotfix path bypasses review on about 5% of deploys",
        );
    let a = c.analysis();

    assert_eq!(
        in_scope(&a),
        [
            Category::Security,
            Category::Availability,
            Category::Confidentiality
        ]
    );
    assert_eq!(
        proposal(&a, Category::ProcessingIntegrity),
        Proposal::NotProposed,
        "payment data alone does not call for Processing Integrity"
    );
    assert_eq!(proposal(&a, Category::Privacy), Proposal::WorthDiscussing);
    assert_between("design readiness", a.scorecard.overall.design, 85.0, 100.0);
    assert_between(
        "operating readiness",
        a.scorecard.overall.operating,
        70.0,
        88.0,
    );
    assert_eq!(a.scorecard.overall.readiness, a.scorecard.overall.operating);
    assert_high_in_top_ten(&a, "change.peer-review");
    assert_high_in_top_ten(&a, "maint.restore-tests");
    let top = top_ten(&a);
    assert!(
        top.iter().any(|id| a
            .gaps
            .iter()
            .any(|g| &g.question_id == id && g.categories.contains(&Category::Availability))),
        "an Availability gap reaches the top ten: {top:?}"
    );
    assert_dates_add_up(&a);
    assert_eq!(a.plan.meets_target, Some(true), "{}", a.plan.verdict);
}

/// Two hundred people with a Type I behind them, six weeks before their Type II window must
/// open: everything operates except two live exceptions.
#[test]
fn two_hundred_person_saas_six_weeks_from_its_window() {
    let mut c = Company::new("Northwind Cloud", ReportType::Type2);
    c.answer("scope.required-categories", "availability,confidentiality")
        .answer("scope.existing-report", "type1")
        .answer("scope.observation-period", "3-months")
        // Window must open by 2027-01-07: 3 months and 6 weeks before the target.
        .answer("scope.target-date", "2027-05-18")
        .answer("scope.company-stage", "200-plus")
        .answer("scope.data-kinds", "customer-confidential,personal")
        .answer("scope.personal-data-role", "processor")
        .answer("scope.transaction-processing", "no")
        .answer("scope.sla", "yes")
        .answer("scope.sla-kind", "uptime,recovery")
        .answer("scope.confidentiality-clauses", "yes")
        .answer("scope.privacy-notice", "no")
        .answer("scope.offices", "yes")
        .all_controls("operating")
        .answer("maint.penetration-test", "documented")
        .answer("audit.evidence-automation", "informal")
        .exception(
            "access.deprovisioning",
            "operating",
            "three leavers' accounts found active in the last quarterly review",
        )
        .exception(
            "change.peer-review",
            "operating",
            "branch protection is off on two legacy repositories",
        );
    let a = c.analysis();

    assert!(
        a.deadline.weeks_to_window.is_some_and(|w| w < 7.0),
        "{:?}",
        a.deadline
    );
    assert_between("design readiness", a.scorecard.overall.design, 95.0, 100.0);
    assert_between(
        "operating readiness",
        a.scorecard.overall.operating,
        90.0,
        99.9,
    );
    assert_high_in_top_ten(&a, "access.deprovisioning");
    assert_high_in_top_ten(&a, "change.peer-review");
    assert!(
        a.gaps
            .iter()
            .filter(|g| g.priority == Priority::High)
            .count()
            >= 2,
        "live exceptions six weeks out are never zero High gaps"
    );
    assert_dates_add_up(&a);
}

/// A healthtech in a consultant's workshop: patients sign up in its app (controller), clinics
/// send records (processor); hospital customers require Privacy and Confidentiality. Privacy is
/// its weakest category.
#[test]
fn healthtech_whose_customers_demand_privacy() {
    let mut c = Company::new("Carelink Health", ReportType::Type2);
    c.answer("scope.required-categories", "confidentiality,privacy")
        .answer("scope.existing-report", "none")
        .answer("scope.observation-period", "6-months")
        .answer("scope.target-date", "2027-12-31")
        .answer("scope.company-stage", "51-200")
        .answer("scope.data-kinds", "health,personal,customer-confidential")
        .answer("scope.personal-data-role", "both")
        .answer("scope.transaction-processing", "no")
        .answer("scope.sla", "yes")
        .answer("scope.sla-kind", "support-response")
        .answer("scope.uptime-critical", "no")
        .answer("scope.confidentiality-clauses", "yes")
        .answer("scope.privacy-notice", "yes")
        .answer("scope.offices", "yes")
        .all_controls("documented")
        .prefix("access.", "operating")
        .prefix("log.", "operating")
        .prefix("privacy.", "planned")
        .answer("privacy.notice", "informal");
    let a = c.analysis();

    assert_eq!(
        in_scope(&a),
        [
            Category::Security,
            Category::Confidentiality,
            Category::Privacy
        ],
        "a support-response SLA does not bring Availability"
    );
    let privacy = a
        .scorecard
        .categories
        .iter()
        .find(|c| c.id == Category::Privacy)
        .unwrap();
    let weakest = a
        .scorecard
        .categories
        .iter()
        .filter(|c| c.in_scope)
        .min_by(|x, y| x.readiness.unwrap().total_cmp(&y.readiness.unwrap()))
        .unwrap();
    assert_eq!(weakest.id, Category::Privacy);
    // Well under half. Retention and access monitoring are one question each for confidential
    // and personal data since bank 2026.11.3, answered "documented" here, so they lift Privacy
    // a little; the programme's own privacy work is still only planned.
    assert_between("privacy readiness", privacy.readiness, 10.0, 50.0);
    let top = top_ten(&a);
    let privacy_high = a
        .gaps
        .iter()
        .filter(|g| top.contains(&g.question_id))
        .filter(|g| g.categories == [Category::Privacy] && g.priority == Priority::High)
        .count();
    assert!(
        privacy_high >= 3,
        "the weakest, customer-required category leads the top ten: {top:?}"
    );
    assert_dates_add_up(&a);
}

/// Twelve people who promised a customer a twelve-month Type II five months from now.
#[test]
fn a_deadline_that_cannot_be_met_says_so_and_offers_a_bridge() {
    let mut c = Company::new("Quickship", ReportType::Type2);
    c.answer("scope.required-categories", "security-only")
        .answer("scope.observation-period", "12-months")
        .answer("scope.target-date", "2027-04-30")
        .answer("scope.company-stage", "11-50")
        .answer("scope.data-kinds", "customer-confidential")
        .answer("scope.transaction-processing", "no")
        .answer("scope.sla", "no")
        .answer("scope.uptime-critical", "no")
        .answer("scope.confidentiality-clauses", "no")
        .answer("scope.privacy-notice", "no")
        .all_controls("documented")
        .prefix("policy.", "informal")
        .answer("access.admin-mfa", "planned");
    let a = c.analysis();

    assert_eq!(a.plan.meets_target, Some(false), "{}", a.plan.verdict);
    assert!(
        a.plan.verdict.contains("cannot be met"),
        "{}",
        a.plan.verdict
    );
    let bridge = a
        .plan
        .options
        .iter()
        .find(|o| o.title.contains("Type I"))
        .expect("a Type I bridge is offered");
    assert_eq!(bridge.meets_target, Some(true), "{}", bridge.detail);
    assert!(
        a.plan
            .options
            .iter()
            .any(|o| o.title.contains("shorter first observation period"))
    );
    assert_dates_add_up(&a);
    // The window had to open months ago: the plan carries the lateness, and priorities stay
    // with impact instead of every gap turning High.
    assert!(a.gaps.iter().all(|g| !g.urgent));
    assert!(
        a.gaps
            .iter()
            .filter(|g| g.priority == Priority::High)
            .count()
            < a.gaps.len() / 2,
        "High keeps its meaning"
    );
}

/// Work that cannot be finished before the audit window must open is urgent, whatever its level.
#[test]
fn work_that_will_not_fit_before_the_window_is_high() {
    let mut c = Company::new("Tightrope", ReportType::Type1);
    let large_moderate =
        c.ws.bank()
            .control_questions()
            .find(|q| {
                q.impact == Some(soc2_readiness::catalog::Impact::Moderate)
                    && q.effort == Some(soc2_readiness::catalog::Effort::L)
                    && q.criteria.iter().any(|id| id.starts_with("CC"))
            })
            .expect("a large, moderate-impact Security question")
            .id
            .clone();
    // Type I by 5 March 2027: the window must open by 22 January, eight weeks from today.
    c.answer("scope.report-type", "type1")
        .answer("scope.required-categories", "security-only")
        .answer("scope.target-date", "2027-03-05")
        .all_controls("documented")
        .answer(&large_moderate, "not-in-place");
    let a = c.analysis();
    let gap = a
        .gaps
        .iter()
        .find(|g| g.question_id == large_moderate)
        .unwrap();
    // 2.5 person-days from nothing = half a person-week; a large item takes 4 weeks however
    // many people work on it (a tool is chosen, bought and rolled out).
    assert_eq!(gap.work_weeks, 0.5);
    assert!(
        !gap.urgent && gap.priority == Priority::Medium,
        "four weeks fit in the six left: {}",
        gap.priority_reason
    );
    // With the window three weeks sooner, the same work no longer fits.
    c.answer("scope.target-date", "2027-02-12");
    let a = c.analysis();
    let gap = a
        .gaps
        .iter()
        .find(|g| g.question_id == large_moderate)
        .unwrap();
    assert!(
        gap.urgent && gap.priority == Priority::High,
        "{}",
        gap.priority_reason
    );
    assert!(
        gap.priority_reason.contains("audit exception"),
        "{}",
        gap.priority_reason
    );
}

#[test]
fn none_of_these_cannot_be_picked_with_another_kind_of_data() {
    let mut c = Company::new("Exclusive Ltd", ReportType::Type2);
    let value =
        parse_answer_for(c.ws.bank(), "scope.data-kinds", "none-sensitive,personal").unwrap();
    let error =
        c.ws.save_answer(
            &c.id,
            "scope.data-kinds",
            value,
            AnswerDetails::default(),
            at(1),
        )
        .unwrap_err();
    assert!(
        error.to_string().contains("cannot be chosen together"),
        "{error}"
    );
    c.answer("scope.data-kinds", "none-sensitive");
}

#[test]
fn an_exception_needs_a_control_in_place_and_words() {
    let mut c = Company::new("Exceptional Ltd", ReportType::Type2);
    for (level, text) in [("planned", "half the team"), ("operating", "   ")] {
        let details = AnswerDetails {
            exception: Some(text.into()),
            ..AnswerDetails::default()
        };
        let value = parse_answer_for(c.ws.bank(), "access.sso-mfa", level).unwrap();
        let result =
            c.ws.save_answer(&c.id, "access.sso-mfa", value, details, at(1));
        if text.trim().is_empty() {
            // An empty exception clears it: the answer saves without one.
            assert_eq!(result.unwrap().exception, None);
        } else {
            let error = result.unwrap_err().to_string();
            assert!(error.contains("known exception"), "{error}");
        }
    }
    c.exception("access.sso-mfa", "operating", "contractors not enrolled");
    // A later answer that gives no exception keeps it while the control stays in place...
    c.answer("access.sso-mfa", "documented");
    let kept = c.ws.record(&c.id).unwrap().answers["access.sso-mfa"]
        .exception
        .clone();
    assert_eq!(kept.as_deref(), Some("contractors not enrolled"));
    // ...and moving to "not in place" drops it, with the history keeping both.
    c.answer("access.sso-mfa", "not-in-place");
    assert_eq!(
        c.ws.record(&c.id).unwrap().answers["access.sso-mfa"].exception,
        None
    );
    let history = c.ws.history(&c.id).unwrap();
    assert!(history.iter().any(|h| h.exception.is_some()));
}

/// Three companies written by a consultant who never saw the engine (answers and the
/// conclusions they expect, in `fixtures/consultant-companies.json`), run through the same API.
#[test]
fn companies_written_by_an_independent_consultant() {
    let text = include_str!("fixtures/consultant-companies.json");
    let companies: Vec<serde_json::Value> = serde_json::from_str(text).unwrap();
    let level = |n: &serde_json::Value| n.as_u64().unwrap().to_string();
    let mut failures = Vec::new();
    for spec in &companies {
        let name = spec["name"].as_str().unwrap();
        let report_type = ReportType::parse(spec["report_type"].as_str().unwrap()).unwrap();
        let mut c = Company::new(name, report_type);
        c.answer("scope.report-type", report_type.id());
        for (question, raw) in spec["scoping"].as_object().unwrap() {
            c.answer(question, raw.as_str().unwrap());
        }
        c.all_controls(&level(&spec["default_level"]));
        for (prefix, l) in spec["prefix_levels"].as_object().unwrap() {
            c.prefix(prefix, &level(l));
        }
        for (question, l) in spec["levels"].as_object().unwrap() {
            c.answer(question, &level(l));
        }
        for (question, e) in spec["exceptions"].as_object().unwrap() {
            c.exception(question, &level(&e["level"]), e["text"].as_str().unwrap());
        }
        // A category the engine leaves to discuss and the company chose to include, with its
        // reason (bank 2026.12.1 proposes a category as needed only when customers ask).
        if let Some(overrides) = spec["overrides"].as_object() {
            for (category, reason) in overrides {
                let category = Category::parse(category).unwrap();
                c.ws.set_scope(
                    &c.id,
                    category,
                    ScopeDecision::In,
                    reason.as_str().unwrap(),
                    at(2),
                )
                .unwrap();
            }
        }
        let a = c.analysis();
        let expected = &spec["expected"];
        let want: Vec<Category> = expected["in_scope"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| Category::parse(v.as_str().unwrap()).unwrap())
            .collect();
        if in_scope(&a) != want {
            failures.push(format!(
                "{name}: scope {:?}, expected {want:?}",
                in_scope(&a)
            ));
        }
        for category in expected["worth_discussing"].as_array().unwrap() {
            let category = Category::parse(category.as_str().unwrap()).unwrap();
            if proposal(&a, category) != Proposal::WorthDiscussing {
                failures.push(format!(
                    "{name}: {category:?} should be worth discussing, is {:?}",
                    proposal(&a, category)
                ));
            }
        }
        let band = expected["headline_band"].as_array().unwrap();
        let (low, high) = (band[0].as_f64().unwrap(), band[1].as_f64().unwrap());
        let headline = a.scorecard.overall.readiness.unwrap_or(-1.0);
        if !(low..=high).contains(&headline) {
            failures.push(format!(
                "{name}: headline {headline} outside {low} to {high}"
            ));
        }
        let top = top_ten(&a);
        for question in expected["must_be_high_in_top_ten"].as_array().unwrap() {
            let question = question.as_str().unwrap();
            let gap = a.gaps.iter().find(|g| g.question_id == question);
            match gap {
                Some(g)
                    if top.contains(&g.question_id)
                        && matches!(g.priority, Priority::FixNow | Priority::High) => {}
                Some(g) => failures.push(format!(
                    "{name}: {question} is {:?} ({}), in the top ten: {} ({top:?})",
                    g.priority,
                    g.priority_reason,
                    top.contains(&g.question_id)
                )),
                None => failures.push(format!("{name}: {question} is not a gap")),
            }
        }
        if let Some(met) = expected["deadline_met"].as_bool()
            && a.plan.meets_target != Some(met)
        {
            failures.push(format!("{name}: {}", a.plan.verdict));
        }
        assert_dates_add_up(&a);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
