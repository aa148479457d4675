//! The bundled question bank and what the validator says about broken ones.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use soc2_readiness::catalog::{Category, Effort, Impact};
use soc2_readiness::files::load_bank_dir;
use soc2_readiness::scoring::{CriterionStatus, Scorecard, score};

use crate::support::{answer, answered, bank, judged};

#[test]
fn bundled_bank_has_the_promised_shape() {
    let bank = bank();
    assert_eq!(bank.criteria.len(), 61, "the 2017 TSC has 61 criteria");
    assert!(bank.scoping_questions().count() >= 15);
    assert!(bank.control_questions().count() >= 150);
    let steps: BTreeSet<u8> = bank.questions.iter().map(|q| q.step).collect();
    assert_eq!(steps, (1..=6).collect(), "every step has questions");
    for step in 5..=6 {
        let count = bank.control_questions().filter(|q| q.step == step).count();
        assert!(
            count >= 12,
            "step {step} is a real step, it has {count} questions"
        );
    }
    let per_category = |c: Category| bank.criteria.iter().filter(|x| x.category == c).count();
    assert_eq!(per_category(Category::Security), 33);
    assert_eq!(per_category(Category::Availability), 3);
    assert_eq!(per_category(Category::Confidentiality), 2);
    assert_eq!(per_category(Category::ProcessingIntegrity), 5);
    assert_eq!(per_category(Category::Privacy), 18);
}

#[test]
fn every_criterion_has_two_unconditional_questions() {
    let bank = bank();
    for criterion in &bank.criteria {
        let count = bank
            .control_questions()
            .filter(|q| q.applies_when.is_none() && q.criteria.contains(&criterion.id))
            .count();
        assert!(count >= 2, "{} is covered by {count}", criterion.id);
    }
}

#[test]
fn every_control_question_carries_its_guidance() {
    for q in bank().control_questions() {
        for (field, text) in [
            ("why", Some(&q.why)),
            ("good", q.good.as_ref()),
            ("remediation", q.remediation.as_ref()),
        ] {
            let text = text.unwrap_or_else(|| panic!("{} has no {field}", q.id));
            assert!(text.len() >= 30, "{}: {field} is too thin: {text}", q.id);
        }
        assert!(q.effort.is_some() && (1..=5).contains(&q.weight()));
    }
}

/// Flesch reading ease of a passage: 206.835 - 1.015 x words per sentence - 84.6 x syllables per
/// word. Each field counts as at least one sentence; syllables are vowel groups, less a silent
/// final e (the same rule as the check a content writer runs while editing).
fn reading_ease(fields: &[&str]) -> f64 {
    let (mut words, mut sentences, mut syllables) = (0usize, 0usize, 0usize);
    for field in fields {
        let text = field.trim();
        let ends = text
            .char_indices()
            .filter(|&(i, c)| {
                matches!(c, '.' | '!' | '?')
                    && text[i + 1..].chars().next().is_none_or(char::is_whitespace)
            })
            .count();
        let closed = text.ends_with(['.', '!', '?']);
        sentences += (ends + usize::from(!closed)).max(1);
        for word in text
            .split(|c: char| !(c.is_ascii_alphabetic() || c == '\''))
            .filter(|w| w.starts_with(|c: char| c.is_ascii_alphabetic()))
        {
            words += 1;
            let lower = word.to_ascii_lowercase();
            let mut groups = 0;
            let mut in_vowel = false;
            for c in lower.chars() {
                let vowel = "aeiouy".contains(c);
                if vowel && !in_vowel {
                    groups += 1;
                }
                in_vowel = vowel;
            }
            if lower.ends_with('e') && !lower.ends_with("le") && groups > 1 {
                groups -= 1;
            }
            syllables += groups.max(1);
        }
    }
    206.835 - 1.015 * words as f64 / sentences as f64 - 84.6 * syllables as f64 / words as f64
}

#[test]
fn guidance_is_written_for_a_founder() {
    let bank = bank();
    let scores: Vec<(f64, &str)> = bank
        .control_questions()
        .map(|q| {
            let fields: Vec<&str> = [
                Some(&q.why),
                q.good.as_ref(),
                q.remediation.as_ref(),
                q.remediation_document.as_ref(),
                q.remediation_operate.as_ref(),
            ]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
            (reading_ease(&fields), q.id.as_str())
        })
        .collect();
    let mean = scores.iter().map(|(s, _)| s).sum::<f64>() / scores.len() as f64;
    assert!(mean >= 55.0, "mean reading ease {mean:.1}, floor 55");
    for (score, id) in &scores {
        assert!(*score >= 40.0, "{id} reads at {score:.1}, floor 40");
    }
    // The measure itself: plain words score high, long ones low.
    assert!(reading_ease(&["Turn on MFA for every admin."]) > 70.0);
    assert!(reading_ease(&["Comprehensive organisational implementation documentation."]) < 0.0);
}

#[test]
fn no_frequency_is_made_a_requirement() {
    // SOC 2 sets no frequency: the company sets one and the auditor tests against it.
    let required = [
        "at least once a year",
        "at least yearly",
        "at least quarterly",
        "at least monthly",
        "every quarter",
        "within one working day",
        "twice a year",
    ];
    for q in bank().control_questions() {
        // Common practice is given as guidance in brackets: "(yearly is common)".
        let mut asked = String::new();
        let mut depth = 0;
        for c in q.text.to_lowercase().chars() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ if depth == 0 => asked.push(c),
                _ => {}
            }
        }
        for phrase in required {
            assert!(
                !asked.contains(phrase),
                "{}: '{phrase}' makes common practice a requirement",
                q.id
            );
        }
    }
}

#[test]
fn a_category_question_counts_only_towards_its_category() {
    // A question mapped to a common criterion is asked whenever Security is in scope, so a
    // Privacy, Processing Integrity, Availability or Confidentiality question must not be.
    let bank = bank();
    for q in bank.control_questions() {
        let own = match q.id.split('.').next().unwrap() {
            "privacy" => Some(Category::Privacy),
            "pi" => Some(Category::ProcessingIntegrity),
            "availability" | "capacity" => Some(Category::Availability),
            "conf" => Some(Category::Confidentiality),
            _ => None,
        };
        let Some(own) = own else { continue };
        // A processor's duties to its customers are commitments the common criteria test
        // (CC2.3, CC9.2), so every processor is asked, whatever the categories in scope.
        if q.id == "privacy.processor-duties" {
            continue;
        }
        for id in &q.criteria {
            let category = bank.criterion(id).unwrap().category;
            assert!(
                category != Category::Security,
                "{} is a {own:?} question mapped to {id}",
                q.id
            );
        }
    }
}

#[test]
fn one_question_per_subject_and_audit_tasks_outside_readiness() {
    let bank = bank();
    let mut gaps = BTreeSet::new();
    for q in bank.control_questions() {
        assert!(
            gaps.insert(q.gap_title()),
            "{}: the gap '{}' is stated twice",
            q.id,
            q.gap_title()
        );
        assert_eq!(q.engagement, q.criteria.is_empty(), "{}", q.id);
    }
    for id in [
        "audit.firm",
        "audit.scope-agreed",
        "audit.window-planning",
        "audit.coordinator",
        "audit.management-assertion",
        "audit.control-list",
        "audit.readiness-review",
    ] {
        assert!(
            bank.question(id).unwrap().engagement,
            "{id} is a task of the audit project"
        );
    }
    // Restoring from backup is asked of every report, not only when Availability is in scope.
    let restore = bank.question("maint.restore-tests").unwrap();
    assert!(restore.criteria.iter().any(|c| c.starts_with("CC")));
}

#[test]
fn every_control_names_its_subject_once() {
    let bank = bank();
    let mut subjects = BTreeSet::new();
    for q in bank.control_questions() {
        let subject = q
            .subject
            .as_deref()
            .unwrap_or_else(|| panic!("{} has no subject", q.id));
        assert!(
            subjects.insert(subject),
            "{}: subject '{subject}' is used twice",
            q.id
        );
        let words = subject.split_whitespace().count();
        assert!(
            (2..=9).contains(&words) && !subject.ends_with('.'),
            "{}: '{subject}'",
            q.id
        );
    }
    // The gap says what is missing at the level given: an informal control is not "absent".
    let q = bank.question("crypto.at-rest").unwrap();
    assert_eq!(q.gap_title_at(Some(0), false), q.gap_title());
    assert!(
        q.gap_title_at(Some(2), false)
            .ends_with(": in place, not yet documented")
    );
    assert!(
        q.gap_title_at(Some(3), false)
            .contains("no evidence of operation")
    );
    assert!(
        q.gap_title_at(Some(4), true)
            .contains("does not yet cover everything")
    );
}

#[test]
fn soc2_is_an_attestation_not_a_certificate() {
    for q in bank().questions.iter() {
        for text in [
            Some(&q.text),
            Some(&q.why),
            q.good.as_ref(),
            q.remediation.as_ref(),
        ]
        .into_iter()
        .flatten()
        {
            let lower = text.to_lowercase();
            for wrong in ["soc 2 certif", "certified in", "certification audit"] {
                assert!(!lower.contains(wrong), "{}: '{wrong}' in {text}", q.id);
            }
        }
    }
}

#[test]
fn the_criteria_catalogue_uses_our_own_titles() {
    // The catalogue must never carry AICPA criterion text; our titles are short labels.
    for c in bank().criteria {
        assert!(
            c.title.split_whitespace().count() <= 6,
            "{}: {}",
            c.id,
            c.title
        );
        assert!(
            !c.explanation.contains("The entity"),
            "{} reads like AICPA text",
            c.id
        );
    }
}

/// The shipped bank's Privacy rules: personal data alone decides nothing, the role does.
#[test]
fn privacy_is_proposed_for_a_controller_of_personal_data_only() {
    let bank = bank();
    let privacy = |s: &Scorecard| {
        s.scope
            .iter()
            .find(|d| d.category == Category::Privacy)
            .unwrap()
            .clone()
    };
    let mut record = answered(&bank, &[]);
    let d = privacy(&score(&bank, &judged(&bank, &record)));
    assert!(!d.in_scope, "not proposed before the scope answers");
    assert!(
        d.proposal_reason
            .contains(&bank.question("scope.data-kinds").unwrap().text),
        "{}",
        d.proposal_reason
    );

    answer(&bank, &mut record, &[("scope.data-kinds", "personal")]);
    assert!(
        !privacy(&score(&bank, &judged(&bank, &record))).in_scope,
        "personal data alone decides nothing: the role does"
    );
    answer(
        &bank,
        &mut record,
        &[
            ("scope.personal-data-role", "processor"),
            ("scope.required-categories", "security-only"),
        ],
    );
    assert!(
        !privacy(&score(&bank, &judged(&bank, &record))).in_scope,
        "a processor: not proposed"
    );
    answer(
        &bank,
        &mut record,
        &[("scope.personal-data-role", "controller")],
    );
    let s = score(&bank, &judged(&bank, &record));
    let d = privacy(&s);
    assert!(d.in_scope);
    assert!(
        d.proposal_reason.contains("controller"),
        "{}",
        d.proposal_reason
    );
    let p11 = s.criteria.iter().find(|c| c.id == "P1.1").unwrap();
    assert_eq!(p11.status, CriterionStatus::Scored);
}

/// The shipped bank's office questions give way to reliance on the cloud provider, and CC6.4
/// keeps questions to score.
#[test]
fn without_an_office_physical_security_relies_on_the_cloud_provider() {
    let bank = bank();
    let applicable = |s: &Scorecard, id: &str| {
        s.questions
            .iter()
            .find(|q| q.question_id == id)
            .unwrap()
            .applicable
    };
    let s = score(
        &bank,
        &judged(&bank, &answered(&bank, &[("scope.offices", "no")])),
    );
    assert!(!applicable(&s, "physical.office-access"));
    assert!(applicable(&s, "physical.cloud-provider"));
    let cc64 = s.criteria.iter().find(|c| c.id == "CC6.4").unwrap();
    assert!(
        cc64.applicable >= 2,
        "CC6.4 still has questions: {}",
        cc64.applicable
    );
}

/// docs/scoring.md works its examples on the shipped bank; `tests/scoring.rs` checks the same
/// arithmetic on a fixture with these weights, so here the shipped bank must still have them.
#[test]
fn the_worked_examples_of_docs_scoring_use_the_shipped_weights() {
    let bank = bank();
    let mut cc33: Vec<(&str, u32)> = bank
        .control_questions()
        .filter(|q| q.criteria.iter().any(|c| c == "CC3.3"))
        .map(|q| (q.id.as_str(), q.weight()))
        .collect();
    cc33.sort();
    assert_eq!(cc33, [("risk.fraud", 3), ("risk.fraud-controls", 3)]);
    let leavers = bank.question("access.deprovisioning").unwrap();
    assert_eq!(
        (leavers.impact(), leavers.effort),
        (Impact::Critical, Some(Effort::S))
    );
}

fn assets() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Copies the bundled assets, applies one edit, loads the folder and returns the problems.
fn problems_after(file: &str, from: &str, to: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&assets(), dir.path());
    let path = dir.path().join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains(from),
        "fixture edit '{from}' not found in {file}"
    );
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    match load_bank_dir(dir.path()) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems.iter().map(|p| p.to_string()).collect(),
    }
}

#[test]
fn the_copied_assets_load_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&assets(), dir.path());
    assert_eq!(load_bank_dir(dir.path()).unwrap(), bank());
}

#[test]
fn broken_banks_are_refused_with_file_question_and_reason() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "questions/step-2-risks.toml",
            "criteria = [\"CC3.3\"]",
            "criteria = [\"CC3.9\"]",
            "questions/step-2-risks.toml: question 'risk.fraud': unknown criterion 'CC3.9'",
        ),
        (
            "questions/step-2-risks.toml",
            "id = \"gov.org-chart\"",
            "id = \"gov.code-of-conduct\"",
            "questions/step-2-risks.toml: question 'gov.code-of-conduct': the id is used twice (also in questions/step-2-risks.toml)",
        ),
        (
            "questions/step-3-policies.toml",
            "applies_when = { question = \"scope.offices\", is = \"yes\" }",
            "applies_when = { question = \"scope.office\", is = \"yes\" }",
            "questions/step-3-policies.toml: question 'physical.office-access': its condition names unknown question 'scope.office'",
        ),
        (
            "questions/step-3-policies.toml",
            "applies_when = { question = \"scope.offices\", is = \"yes\" }",
            "applies_when = { question = \"scope.offices\", is = \"maybe\" }",
            "question 'physical.office-access': its condition on 'scope.offices' expects 'maybe'",
        ),
        (
            "questions/step-2-risks.toml",
            "criteria = [\"CC3.3\"]",
            "criteria = [\"CC3.2\"]",
            "criterion CC3.3 is covered by 1 unconditional control question(s); it needs at least 2",
        ),
        (
            "questions/step-2-risks.toml",
            "weight = 3\ncriteria = [\"CC1.1\", \"CC1.5\"]",
            "weight = 9\ncriteria = [\"CC1.1\", \"CC1.5\"]",
            "question 'gov.code-of-conduct': weight 9 is outside 1 to 5",
        ),
        (
            "questions/step-4-monitoring.toml",
            "remediation = \"Turn on cloud audit logging",
            "remediaton = \"Turn on cloud audit logging",
            "questions/step-4-monitoring.toml: not valid at line 12: unknown field `remediaton`",
        ),
        (
            "criteria.toml",
            "id = \"P8.1\"",
            "id = \"P7.1\"",
            "criteria.toml: criterion P7.1 is listed twice",
        ),
        (
            "bank.toml",
            "number = 6",
            "number = 5",
            "bank.toml: step 5 must be described exactly once, found 2",
        ),
        (
            "questions/step-1-scope.toml",
            "{ id = \"6-months\", label = \"6 months\" }",
            "{ id = \"six-months\", label = \"6 months\" }",
            "question 'scope.observation-period': the engine reads this question as a question with one choice offering 3-months, 6-months, 12-months: it must stay so (missing: 6-months)",
        ),
        (
            "questions/step-1-scope.toml",
            "The target level of every control follows from this choice.\"\ninput = \"choice\"",
            "The target level of every control follows from this choice.\"\ninput = \"multi_choice\"",
            "question 'scope.report-type': the engine reads this question as a question with one choice offering type1, type2: it must stay so (missing: none)",
        ),
        (
            "questions/step-1-scope.toml",
            "usual reason to add the Availability category.\"\ninput = \"yes_no\"",
            "usual reason to add the Availability category.\"\ninput = \"text\"",
            "question 'scope.sla': the engine reads this question as yes or no",
        ),
    ];
    for (file, from, to, expected) in cases {
        let problems = problems_after(file, from, to);
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "editing {file} ('{from}' -> '{to}') should report\n  {expected}\nbut reported\n  {problems:#?}"
        );
    }
}
