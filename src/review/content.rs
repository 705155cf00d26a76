//! Rules about what the published text says: no request to keep it secret.
//!
//! The words the content rules look for are the theme's (`check_…` keys of
//! `i18n/LANG.toml`), never Rust's, so a site can reword them like any other string.
//! They read the markdown sources of what is published, so a finding names the line
//! a writer has to change.

use std::path::{Path, PathBuf};

use super::input::{Checked, Observation, quoted_list};
use crate::msg;
use crate::theme::Key;

/// Every published markdown file: each announcement's original and translations, each
/// guide page's, and the overview's.
pub(super) fn published(checked: &Checked) -> Vec<PathBuf> {
    let site = checked.site;
    let mut paths = Vec::new();
    for a in &site.announcements {
        paths.push(a.original.source.clone());
        paths.extend(a.translations.values().map(|v| v.source.clone()));
    }
    for page in &site.pages {
        paths.push(page.original.source.clone());
        paths.extend(page.translations.values().map(|t| t.source.clone()));
    }
    paths.extend(site.overview.values().map(|o| o.source.clone()));
    paths.sort();
    paths.dedup();
    paths
}

/// Whether `phrase` (lowercase) occurs in `text` (lowercase) as a whole: a phrase
/// starting or ending with a Latin letter or digit must not run on into another
/// (`confidential` is not found in `confidentiality`). Japanese has no spaces, so a
/// phrase of it is found anywhere.
pub(super) fn contains_phrase(text: &str, phrase: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        let runs_on_before = word(phrase.chars().next()) && word(before);
        let runs_on_after = word(phrase.chars().next_back()) && word(after);
        !runs_on_before && !runs_on_after
    })
}

/// `confidential-marker`: no published text (title, summary, body, table words) and no
/// attachment's file name asks readers to keep it secret or marks itself internal.
/// The phrases are `check_confidential_markers` of every language of the site, looked
/// for in every file: a Japanese marker left in an English translation counts too.
pub fn confidential_marker(checked: &Checked) -> Vec<Observation> {
    let site = checked.site;
    let mut markers: Vec<String> = site
        .languages
        .iter()
        .filter_map(|lang| checked.strings.get(lang))
        .flat_map(|s| {
            s.phrases(Key::CONFIDENTIAL_MARKERS)
                .into_iter()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect();
    markers.sort();
    markers.dedup();
    if markers.is_empty() {
        return Vec::new();
    }
    let found_in = |text: &str| -> Vec<&str> {
        let lower = text.to_lowercase();
        markers
            .iter()
            .filter(|m| contains_phrase(&lower, m))
            .map(String::as_str)
            .collect()
    };
    let mut found = Vec::new();
    for path in published(checked) {
        // Most files hold no marker: they are passed over in one look.
        let Some(text) = checked.text(&path).filter(|t| !found_in(t).is_empty()) else {
            continue;
        };
        let mut in_front_matter = false;
        for (i, line) in text.lines().enumerate() {
            let trimmed = line.trim();
            if trimmed == "+++" && (i == 0 || in_front_matter) {
                in_front_matter = i == 0;
                continue;
            }
            // A TOML comment is the writer's note, never published.
            if in_front_matter && trimmed.starts_with('#') {
                continue;
            }
            let markers = found_in(line);
            if !markers.is_empty() {
                found.push(Observation {
                    path: Some(path.clone()),
                    line: Some(i + 1),
                    message: msg!("review-confidential-text", markers = quoted_list(&markers)),
                    hint: msg!("review-confidential-text-hint"),
                });
            }
        }
    }
    for a in &site.announcements {
        let folder = a.original.source.parent().unwrap_or(Path::new(""));
        for attachment in &a.attachments {
            let markers = found_in(&attachment.name);
            if !markers.is_empty() {
                found.push(Observation {
                    path: Some(folder.join(&attachment.name)),
                    line: None,
                    message: msg!(
                        "review-confidential-attachment",
                        markers = quoted_list(&markers)
                    ),
                    hint: msg!("review-confidential-attachment-hint"),
                });
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_phrases_are_whole_words_japanese_ones_anywhere() {
        assert!(contains_phrase("strictly confidential.", "confidential"));
        assert!(!contains_phrase("confidentiality of data", "confidential"));
        assert!(contains_phrase("confidential_report.pdf", "confidential"));
        assert!(contains_phrase("本書は社外秘です", "社外秘"));
    }
}
