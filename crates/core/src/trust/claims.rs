//! The trust page's claims catalogue (`assets/trust-page.toml`): groups as customers think of them, each claim standing on one control question.

use serde::Deserialize;
use std::sync::OnceLock;

/// One group of claims ("Encryption"), in the order the page shows them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimGroup {
    pub id: String,
    pub title: String,
    pub claims: Vec<Claim>,
}

/// What a customer may read about one control, when its answer supports it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub question: String,
    pub text: String,
    /// Other control questions the claim's words also rest on; each must stand too, when asked.
    #[serde(default)]
    pub with: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalogue {
    version: String,
    group: Vec<ClaimGroup>,
}

const BUNDLED: &str = include_str!("../../../../assets/trust-page.toml");

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    // The file is bundled and checked by this crate's tests, so a parse failure is a build
    // defect, not a user's input.
    CATALOGUE.get_or_init(|| toml::from_str(BUNDLED).expect("assets/trust-page.toml parses"))
}

/// The claim groups, in page order.
pub fn groups() -> &'static [ClaimGroup] {
    &catalogue().group
}

/// The catalogue's version, printed on the page so a reader can tell which words were used.
pub fn version() -> &'static str {
    &catalogue().version
}

/// The claim standing on `question_id`, with its group.
pub fn claim(question_id: &str) -> Option<(&'static ClaimGroup, &'static Claim)> {
    groups().iter().find_map(|group| {
        group
            .claims
            .iter()
            .find(|claim| claim.question == question_id)
            .map(|claim| (group, claim))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::bundled_bank;

    #[test]
    fn every_claim_stands_on_one_control_question_of_the_bundled_bank() {
        let bank = bundled_bank();
        let mut seen = std::collections::BTreeSet::new();
        for group in groups() {
            assert!(!group.claims.is_empty(), "{} has no claim", group.id);
            for claim in &group.claims {
                let question = bank
                    .question(&claim.question)
                    .unwrap_or_else(|| panic!("{} is not in the bank", claim.question));
                assert!(
                    question.is_control(),
                    "{} is a scoping question",
                    claim.question
                );
                assert!(
                    seen.insert(&claim.question),
                    "{} is claimed twice",
                    claim.question
                );
                assert!(
                    claim.text.ends_with('.') && claim.text.len() < 140,
                    "{}",
                    claim.text
                );
            }
        }
    }
}
