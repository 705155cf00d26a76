//! Rule `required-sections`: the topics a kind of announcement owes its readers.

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use super::content::contains_phrase;
use super::input::{Checked, Observation, events, front_matter_line};
use crate::model::Kind;
use crate::theme::Key;

/// A topic a kind of announcement owes its readers.
struct Topic {
    /// The string of its phrases.
    key: Key,
    /// What it is, as findings name it.
    name: &'static str,
}

/// The topics of `kind`, in the order a notice usually has them.
fn topics(kind: Kind) -> &'static [Topic] {
    match kind {
        // What the Personal Information Protection Commission expects a notice to
        // affected individuals to state.
        Kind::BreachNotice => &[
            Topic {
                key: Key::BREACH_NOTICE_OVERVIEW,
                name: "the overview of the incident",
            },
            Topic {
                key: Key::BREACH_NOTICE_PERSONAL_DATA,
                name: "the items of personal data involved",
            },
            Topic {
                key: Key::BREACH_NOTICE_CAUSE,
                name: "the cause",
            },
            Topic {
                key: Key::BREACH_NOTICE_SECONDARY_DAMAGE,
                name: "whether there is secondary damage or a risk of it",
            },
            Topic {
                key: Key::BREACH_NOTICE_CONTACT,
                name: "whom to contact and other useful information",
            },
        ],
    }
}

/// The texts of the `##` and `###` headings of a body.
fn section_headings(text: &str) -> Vec<String> {
    let mut headings = Vec::new();
    let mut open: Option<String> = None;
    for (event, _) in events(text) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2 | HeadingLevel::H3,
                ..
            }) => {
                open = Some(String::new());
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(text) = &mut open {
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => headings.extend(open.take()),
            _ => {}
        }
    }
    headings
}

/// `required-sections`: an announcement of a declared `kind` has, in each of its
/// languages, a `##` or `###` heading for each topic the kind owes, found by the
/// phrases of the theme's `check_KIND_TOPIC` strings in that language.
pub fn required_sections(checked: &Checked) -> Vec<Observation> {
    let site = checked.site;
    let main = &site.config.language;
    let mut found = Vec::new();
    for a in &site.announcements {
        let Some(kind) = a.kind else { continue };
        let versions = std::iter::once((main, &a.original)).chain(a.translations.iter());
        for (lang, version) in versions {
            let (Some(strings), Some(text)) =
                (checked.strings.get(lang), checked.text(&version.source))
            else {
                continue;
            };
            let headings: Vec<String> = section_headings(text)
                .iter()
                .map(|h| h.to_lowercase())
                .collect();
            let line = front_matter_line(text, "kind");
            for topic in topics(kind) {
                let phrases = strings.phrases(topic.key);
                let covered = phrases.is_empty()
                    || headings.iter().any(|h| {
                        phrases
                            .iter()
                            .any(|p| contains_phrase(h, &p.to_lowercase()))
                    });
                if !covered {
                    found.push(Observation {
                        path: Some(version.source.clone()),
                        line,
                        message: format!(
                            "{} `{}` has no section on {}",
                            kind.id(),
                            a.slug,
                            topic.name
                        )
                        .into(),
                        hint: format!(
                            "add a `##` section on it, with a heading containing one of: {}",
                            phrases.join(", ")
                        )
                        .into(),
                    });
                }
            }
        }
    }
    found
}
