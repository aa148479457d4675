//! The rules for kept question modules: which version a name means, when two texts under one version conflict, and which answers a move between versions leaves behind.

use std::collections::BTreeSet;

use super::QuestionModule;

/// A module refused or not found, in a sentence a user reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ModuleRefusal(pub String);

/// `id` or `id@version`, as a person names a module to use.
pub fn module_name(given: &str) -> (&str, Option<&str>) {
    match given.split_once('@') {
        Some((id, version)) => (id, Some(version)),
        None => (given, None),
    }
}

/// The kept version `wanted` names, or without one the newest kept (`kept` oldest first).
pub fn choose_version<'k>(
    module_id: &str,
    kept: &'k [&'k str],
    wanted: Option<&str>,
) -> Result<&'k str, ModuleRefusal> {
    let found = match wanted {
        Some(v) => kept.iter().find(|k| **k == v),
        None => kept.last(),
    };
    found.copied().ok_or_else(|| match wanted {
        Some(v) if !kept.is_empty() => ModuleRefusal(format!(
            "module '{module_id}' has no version {v} here (kept: {})",
            kept.join(", ")
        )),
        _ => ModuleRefusal(format!(
            "no module '{module_id}' is kept in this data file; add its file first"
        )),
    })
}

/// A version names one text, so two colleagues never score "the same" module differently: the
/// same id and version with other content is refused.
pub fn refuse_other_text(module: &QuestionModule, kept_sha256: &str) -> Result<(), ModuleRefusal> {
    if kept_sha256 == module.sha256 {
        return Ok(());
    }
    Err(ModuleRefusal(format!(
        "module {}@{} is already kept with different content (sha256 {} here, {} kept); give the changed module a new version",
        module.id,
        module.version,
        &module.sha256[..12],
        &kept_sha256[..12]
    )))
}

/// A module named twice in one list (`a` and `a@2`) is refused: an assessment uses one version.
pub fn refuse_named_twice<'a>(ids: impl IntoIterator<Item = &'a str>) -> Result<(), ModuleRefusal> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(ModuleRefusal(format!("module '{id}' is named twice")));
        }
    }
    Ok(())
}

/// The answers to `module_id`'s questions that `keep` (the questions of the version moved to;
/// empty when the module is dropped) no longer has: cleared, and kept in the history.
pub fn answers_left_behind<'a>(
    answered: impl IntoIterator<Item = &'a String>,
    module_id: &str,
    keep: &BTreeSet<&str>,
) -> Vec<String> {
    let prefix = format!("{module_id}.");
    answered
        .into_iter()
        .filter(|id| id.starts_with(&prefix) && !keep.contains(id.as_str()))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_without_a_version_means_the_newest_kept() {
        let kept = ["1.0", "1.1"];
        assert_eq!(choose_version("health", &kept, None), Ok("1.1"));
        assert_eq!(choose_version("health", &kept, Some("1.0")), Ok("1.0"));
        let missing = choose_version("health", &kept, Some("2.0")).unwrap_err();
        assert!(
            missing.0.contains("no version 2.0 here (kept: 1.0, 1.1)"),
            "{missing}"
        );
        let none = choose_version("fintech", &[], None).unwrap_err();
        assert!(none.0.contains("add its file first"), "{none}");
    }

    #[test]
    fn moving_versions_leaves_behind_only_the_module_s_questions_it_no_longer_has() {
        let answered: Vec<String> = ["health.baa", "health.phi-map", "access.sso", "healthy.x"]
            .map(String::from)
            .to_vec();
        let keep = BTreeSet::from(["health.baa"]);
        assert_eq!(
            answers_left_behind(&answered, "health", &keep),
            ["health.phi-map"]
        );
        assert!(refuse_named_twice(["health", "fintech", "health"]).is_err());
        assert_eq!(module_name("health@1.1"), ("health", Some("1.1")));
    }
}
