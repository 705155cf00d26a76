//! Rule `translation-outdated`: translations that keep up with their original.

use chrono::{DateTime, FixedOffset};

use super::input::{Checked, Observation};
use crate::model::Announcement;

/// `translation-outdated`: a translation whose original changed after it: the
/// original was amended (its `updated` or newest revision), or a published correction
/// of it came out, after the translation's own `updated` (or, without one, after the
/// announcement's date).
pub fn translation_outdated(checked: &Checked) -> Vec<Observation> {
    let site = checked.site;
    let mut found = Vec::new();
    for a in &site.announcements {
        for version in a.translations.values() {
            let own = version.updated.unwrap_or(a.date);
            let mut changes: Vec<(DateTime<FixedOffset>, String)> = Vec::new();
            if a.last_changed() > own {
                changes.push((a.last_changed(), "the original was updated".to_string()));
            }
            for correction in corrections_of(&site.announcements, a) {
                if correction.date > own {
                    changes.push((
                        correction.date,
                        format!("the original was corrected by `{}`", correction.slug),
                    ));
                }
            }
            // The latest change is the one the translation must catch up with.
            // On a tie the original's own update is named: it is the text to follow.
            let latest = changes
                .into_iter()
                .reduce(|kept, next| if next.0 > kept.0 { next } else { kept });
            let Some((at, what)) = latest else {
                continue;
            };
            let line = checked.line_of_key(&version.source, "updated");
            found.push(Observation {
                path: Some(version.source.clone()),
                line,
                message: format!(
                    "{what} on {}, after this translation ({})",
                    checked.shown(&at),
                    checked.shown(&own)
                )
                .into(),
                hint: "bring the translation in line with the original, then set its `updated` \
                       to when you did"
                    .into(),
            });
        }
    }
    found
}

/// The published announcements that correct `a`.
fn corrections_of<'a>(
    all: &'a [Announcement],
    a: &'a Announcement,
) -> impl Iterator<Item = &'a Announcement> {
    all.iter().filter(|c| c.corrects.as_ref() == Some(&a.slug))
}
