//! "Did you mean": the likely typo among the names a writer could have meant.

/// The end of a message about an unknown name: "did you mean" the likely typo, else
/// the list of `known` names, else (when there are none) `none_known`.
pub fn unknown_name_hint(
    word: &str,
    known: &[&str],
    none_known: impl FnOnce() -> String,
) -> String {
    match suggest(word, known.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None if known.is_empty() => none_known(),
        None => format!(
            "expected one of {}",
            known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The candidate closest to `word`, when it is close enough to be a likely typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(distance, c)| *distance <= 2.max(c.len() / 3))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}
