//! Samples an auditor would test from a population of the period (hires, leavers): how many, by the table service auditors commonly publish, and which, drawn reproducibly.

use crate::calendar::sha256_hex;

/// The sample size for a population, by its size: the frequency table many service auditors
/// publish for testing a control's operation (yearly 1, quarterly 2, monthly 2, weekly 5, daily
/// 25), read for an event-driven population by the frequency its size amounts to over a year.
/// `docs/evidence-binder.md` states it; the auditor's own table always decides.
pub const SAMPLE_SIZES: [(usize, usize); 5] = [(1, 1), (4, 2), (12, 2), (52, 5), (365, 25)];

/// Above the table's last row: 25, the size for controls that run many times a day.
pub const LARGEST_SAMPLE: usize = 25;

/// How many items of a population of `population` to test (all of them when it is that small).
pub fn sample_size(population: usize) -> usize {
    let size = SAMPLE_SIZES
        .iter()
        .find(|(up_to, _)| population <= *up_to)
        .map_or(LARGEST_SAMPLE, |(_, size)| *size);
    size.min(population)
}

/// Which items to test: the `sample_size` items whose SHA-256 of `seed` and their id sorts
/// first, returned in the population's own order. The same seed (the period and the
/// organisation) gives the same sample, so a binder written twice proposes the same one, while
/// nobody chooses which items are tested.
pub fn propose_sample<'a>(ids: &[&'a str], seed: &str) -> Vec<&'a str> {
    let mut ranked: Vec<(String, usize)> = ids
        .iter()
        .enumerate()
        .map(|(at, id)| (sha256_hex(format!("{seed}\n{id}").as_bytes()), at))
        .collect();
    ranked.sort();
    let mut chosen: Vec<usize> = ranked
        .into_iter()
        .take(sample_size(ids.len()))
        .map(|(_, at)| at)
        .collect();
    chosen.sort_unstable();
    chosen.into_iter().map(|at| ids[at]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_follow_the_table_and_never_exceed_the_population() {
        let sizes: Vec<usize> = [0, 1, 2, 4, 5, 12, 13, 52, 53, 365, 366, 5000]
            .into_iter()
            .map(sample_size)
            .collect();
        assert_eq!(sizes, [0, 1, 2, 2, 2, 2, 5, 5, 25, 25, 25, 25]);
    }

    #[test]
    fn a_sample_is_reproducible_in_population_order_and_moves_with_the_seed() {
        let ids: Vec<String> = (0..40).map(|i| format!("p{i:02}")).collect();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let first = propose_sample(&refs, "2026-01-01..2026-12-31 acme");
        assert_eq!(first.len(), 5);
        assert_eq!(first, propose_sample(&refs, "2026-01-01..2026-12-31 acme"));
        assert!(first.windows(2).all(|w| w[0] < w[1]), "{first:?}");
        let other = propose_sample(&refs, "2027-01-01..2027-12-31 acme");
        assert_ne!(first, other);
    }
}
