//! What the report says in sentences: the statement for leadership and the method as the appendix explains it.

use soc2_readiness_core::assessment::AssessmentRecord;
use soc2_readiness_core::gaps::{Gap, Priority};
use soc2_readiness_core::plan::Plan;
use soc2_readiness_core::scoring::Scorecard;

fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "not scored".into(), |v| format!("{v:.1}%"))
}

/// The plain statement for leadership: where the company stands and what is left to do.
pub(super) fn audit_ready_statement(
    scorecard: &Scorecard,
    gaps: &[Gap],
    record: &AssessmentRecord,
    plan: &Plan,
) -> Vec<String> {
    let report_type = record.report_type();
    let report = report_type.label();
    let overall = &scorecard.overall;
    let mut out = Vec::new();
    if gaps.is_empty() {
        out.push(format!(
            "Every applicable control is at the level a SOC 2 {report} audit expects, with no known exception. Keep the recurring controls running on schedule, collect evidence as you go, and book the auditor."
        ));
        out.push(plan.verdict.clone());
        return out;
    }
    let count = |p: Priority| gaps.iter().filter(|g| g.priority == p).count();
    let exceptions = gaps.iter().filter(|g| g.is_exception()).count();
    let design_gaps = gaps.iter().filter(|g| g.effective_level < 3.0).count();
    out.push(format!(
        "Design readiness (controls designed and in place on one date: what a Type I tests) stands at {}; operating readiness (operating with evidence kept: what a Type II tests) at {}. {} of the questionnaire is answered.",
        percent(overall.design),
        percent(overall.operating),
        percent(overall.completion),
    ));
    let stance = match (report_type, overall.design, overall.operating) {
        (soc2_readiness_core::assessment::ReportType::Type2, Some(design), Some(operating))
            if design >= 85.0 && operating < 70.0 =>
        {
            Some("Design is largely ready: the work now is to operate the controls and keep the evidence an auditor will sample across the observation period.".to_string())
        }
        (soc2_readiness_core::assessment::ReportType::Type1, Some(design), Some(operating))
            if design >= 85.0 && operating < 70.0 =>
        {
            Some("Design is largely ready for a Type I; a Type II will also need the controls operating, with evidence, through an observation period.".to_string())
        }
        _ => None,
    };
    out.extend(stance);
    let fix_now = count(Priority::FixNow);
    if fix_now > 0 {
        out.push(format!(
            "Fix now, before any other work: {fix_now} {} that leave something exposed today or repeat an exception the last report noted. They lead the gap register.",
            if fix_now == 1 { "known exception" } else { "known exceptions" }
        ));
    }
    out.push(format!(
        "{} control questions fall short of a {report} audit: {} High, {} Medium, {} Low{}.",
        gaps.len(),
        count(Priority::High),
        count(Priority::Medium),
        count(Priority::Low),
        if exceptions > 0 {
            format!(
                "; {exceptions} of them carry a known exception, which an auditor would report if found in the window"
            )
        } else {
            String::new()
        }
    ));
    if overall.unanswered > 0 {
        out.push(format!(
            "{} applicable questions are still unanswered and are scored as not in place. Answering them is the first step: some of these controls may already exist.",
            overall.unanswered
        ));
    }
    out.push(format!(
        "To be audit-ready: close the High gaps now, then the Medium ones within 90 days; the {design_gaps} gaps not yet designed and in place must be closed before the audit window opens. {}",
        plan.verdict
    ));
    let owners = gaps.iter().filter(|g| g.owner.is_some()).count();
    if owners < gaps.len() {
        out.push(format!(
            "{} of the {} gaps have no owner yet: give each one an owner and a date.",
            gaps.len() - owners,
            gaps.len()
        ));
    }
    out
}

pub(super) fn method_paragraphs(target: u8) -> Vec<String> {
    vec![
        "Each control question is answered with a maturity level: 0 not in place, 1 planned or in progress, 2 in place but informal, 3 in place and documented, 4 operating with evidence retained; or not applicable, with a justification.".into(),
        format!(
            "Two readiness figures are computed: design readiness against level 3 (what a Type I tests) and operating readiness against level 4 (what a Type II tests); the headline is the one for the report targeted, here level {target}. A question answered at level l earns min(l, target) / target of its weight. A known exception takes half a level off and caps the level at 2.5, so the control never counts as designed in full or operating. An unanswered question, or one answered \"don't know\", counts as level 0; the first is reported as unanswered, the second as to verify."
        ),
        "Readiness of a criterion is 100 x the sum of weight x credit over its applicable questions, divided by the sum of their weights. Not-applicable answers leave both sums. A criterion with no applicable question is reported as such and is never counted as 100%.".into(),
        "Category and overall readiness are the plain mean of the scored criteria in scope; step readiness is the weighted mean of the step's questions. Completion is answered over applicable questions; answers implied by a missing foundation and \"don't know\" are shown beside it, never in it. Every figure is rounded once, to one decimal place.".into(),
        "A gap is an applicable question below target or with a known exception. Its priority comes from the control's impact (critical, high, moderate or low; raised where what the company holds or does makes it matter more, with the reason on the gap, and one step when a customer requires its category), how far the answer is from target, any known exception, and time: a gap whose work cannot finish before the audit window must open for the target date is High. A known exception marked as a live exposure, or as a repeat of the last report's, on a high or critical control is Fix now, above High. The register is one ranked list: the top gaps are its first ones. Fix now and High go on the roadmap Now, Medium in the next 90 days, Low later.".into(),
        "The plan shares the gaps' work (in person-days by its kind: writing down what already happens, closing an exception, finishing what is planned, building from nothing; scaled by the company's size; none once documented) by the time people said they can give each week, with a cautious date half as long again. It adds 2 weeks before the audit window (and no sooner than 8 weeks when no auditor is engaged yet), the observation period for a Type II, and 6 weeks to the report. An observation start chosen before the design work can end is called not credible, and the dates use the earliest credible one.".into(),
        "Categories in scope are proposed from the scope answers (Security always applies) and can be overridden with a recorded reason, shown in Appendix A.".into(),
    ]
}
