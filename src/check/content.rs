//! Rules about what the published text says and whether every reader can take it in:
//! no request to keep it secret, the topics a kind of notice owes, translations that
//! keep up with their original, facts in the page rather than only in a PDF, and
//! images described in words.
//!
//! The words these rules look for are the theme's (`check_…` keys of
//! `i18n/LANG.toml`), never Rust's, so a site can reword them like any other string.
//! They read the markdown sources of what is published, so a finding names the line a
//! writer has to change.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::{Checked, Found};
use crate::announcement::{Announcement, Kind};
use crate::lang::Lang;
use crate::theme::Strings;

/// The theme's strings for `lang`. The theme loaded for the build already, so a
/// failure here cannot happen in practice; it would only silence the rules that need
/// the words.
fn strings(checked: &Checked, lang: &Lang) -> Option<Strings> {
    let site = checked.site;
    crate::theme::strings(
        &site.root,
        &site.config.theme,
        lang,
        &site.config.timezone_name,
    )
    .ok()
}

/// A published markdown file, read again for its lines.
struct Source {
    text: String,
}

impl Source {
    fn read(root: &Path, path: &Path) -> Option<Source> {
        let text = std::fs::read_to_string(root.join(path)).ok()?;
        Some(Source { text })
    }

    /// The markdown body and the line it starts on. The build has read the file
    /// already, so its front matter is sound.
    fn body(&self) -> (&str, usize) {
        match crate::frontmatter::split(&self.text) {
            Ok(split) => (split.body, split.body_line),
            Err(_) => ("", 1),
        }
    }

    /// The body's markdown events, each with the line it starts on.
    fn events(&self) -> Vec<(Event<'_>, usize)> {
        let (body, body_line) = self.body();
        Parser::new_ext(body, crate::markdown::options())
            .into_offset_iter()
            .map(|(event, range)| {
                let line = body_line + crate::error::line_of(body, range.start) - 1;
                (event, line)
            })
            .collect()
    }
}

/// Every published markdown file: each announcement's original and translations, each
/// page's, and the overview's.
fn published(checked: &Checked) -> Vec<PathBuf> {
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
    for lang in site.overview.keys() {
        let name = if *lang == site.config.language {
            "_index.md".to_string()
        } else {
            format!("_index.{lang}.md")
        };
        paths.push(Path::new(crate::content::DIR).join(name));
    }
    paths.sort();
    paths.dedup();
    paths
}

/// The line of `key = …` in the front matter of `source`.
fn line_of_key(source: &Source, key: &str) -> Option<usize> {
    super::front_matter_line(&source.text, key)
}

/// Whether `phrase` (lowercase) occurs in `text` (lowercase) as a whole: a phrase
/// starting or ending with a Latin letter or digit must not run on into another
/// (`confidential` is not found in `confidentiality`). Japanese has no spaces, so a
/// phrase of it is found anywhere.
fn contains_phrase(text: &str, phrase: &str) -> bool {
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
pub fn confidential_marker(checked: &Checked) -> Vec<Found> {
    let site = checked.site;
    let mut markers: Vec<String> = site
        .languages
        .iter()
        .filter_map(|lang| strings(checked, lang))
        .flat_map(|s| {
            s.phrases("check_confidential_markers")
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
    let found_in = |text: &str| -> Vec<String> {
        let lower = text.to_lowercase();
        markers
            .iter()
            .filter(|m| contains_phrase(&lower, m))
            .map(|m| format!("`{m}`"))
            .collect()
    };
    let mut found = Vec::new();
    for path in published(checked) {
        let Some(source) = Source::read(&site.root, &path) else {
            continue;
        };
        let mut in_front_matter = false;
        for (i, line) in source.text.lines().enumerate() {
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
                found.push(Found {
                    path: Some(path.clone()),
                    line: Some(i + 1),
                    message: format!(
                        "published text marks itself confidential: {}",
                        markers.join(", ")
                    ),
                    hint: "remove the marker: a public statement never asks readers to keep it \
                           secret (and what must stay secret is not published)"
                        .to_string(),
                });
            }
        }
    }
    for a in &site.announcements {
        let folder = a.original.source.parent().unwrap_or(Path::new(""));
        for attachment in &a.attachments {
            let markers = found_in(&attachment.name);
            if !markers.is_empty() {
                found.push(Found {
                    path: Some(folder.join(&attachment.name)),
                    line: None,
                    message: format!(
                        "attachment's file name marks it confidential: {}",
                        markers.join(", ")
                    ),
                    hint: "rename the file, and check that the document itself carries no such \
                           marker: it is published for anyone to read"
                        .to_string(),
                });
            }
        }
    }
    found
}

/// A topic a kind of announcement owes its readers.
struct Topic {
    /// The end of its string key: `check_KIND_KEY`.
    key: &'static str,
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
                key: "overview",
                name: "the overview of the incident",
            },
            Topic {
                key: "personal_data",
                name: "the items of personal data involved",
            },
            Topic {
                key: "cause",
                name: "the cause",
            },
            Topic {
                key: "secondary_damage",
                name: "whether there is secondary damage or a risk of it",
            },
            Topic {
                key: "contact",
                name: "whom to contact and other useful information",
            },
        ],
    }
}

/// The texts of the `##` and `###` headings of a body.
fn section_headings(source: &Source) -> Vec<String> {
    let mut headings = Vec::new();
    let mut open: Option<String> = None;
    for (event, _) in source.events() {
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
pub fn required_sections(checked: &Checked) -> Vec<Found> {
    let site = checked.site;
    let main = &site.config.language;
    let mut found = Vec::new();
    for a in &site.announcements {
        let Some(kind) = a.kind else { continue };
        let kind_key = kind.id().replace('-', "_");
        let versions = std::iter::once((main, &a.original)).chain(a.translations.iter());
        for (lang, version) in versions {
            let (Some(strings), Some(source)) = (
                strings(checked, lang),
                Source::read(&site.root, &version.source),
            ) else {
                continue;
            };
            let headings: Vec<String> = section_headings(&source)
                .iter()
                .map(|h| h.to_lowercase())
                .collect();
            let line = line_of_key(&source, "kind");
            for topic in topics(kind) {
                let phrases = strings.phrases(&format!("check_{kind_key}_{}", topic.key));
                let covered = phrases.is_empty()
                    || headings.iter().any(|h| {
                        phrases
                            .iter()
                            .any(|p| contains_phrase(h, &p.to_lowercase()))
                    });
                if !covered {
                    found.push(Found {
                        path: Some(version.source.clone()),
                        line,
                        message: format!(
                            "{} `{}` has no section on {}",
                            kind.id(),
                            a.slug,
                            topic.name
                        ),
                        hint: format!(
                            "add a `##` section on it, with a heading containing one of: {}",
                            phrases.join(", ")
                        ),
                    });
                }
            }
        }
    }
    found
}

/// A date-time as findings show it: in the site's zone, to the minute.
fn shown(checked: &Checked, at: &DateTime<FixedOffset>) -> String {
    at.with_timezone(&checked.site.config.timezone)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// `translation-outdated`: a translation whose original changed after it: the
/// original was amended (its `updated` or newest revision), or a published correction
/// of it came out, after the translation's own `updated` (or, without one, after the
/// announcement's date).
pub fn translation_outdated(checked: &Checked) -> Vec<Found> {
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
            let line =
                Source::read(&site.root, &version.source).and_then(|s| line_of_key(&s, "updated"));
            found.push(Found {
                path: Some(version.source.clone()),
                line,
                message: format!(
                    "{what} on {}, after this translation ({})",
                    shown(checked, &at),
                    shown(checked, &own)
                ),
                hint: "bring the translation in line with the original, then set its `updated` \
                       to when you did"
                    .to_string(),
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

/// How much text, besides links to attachments, a body with attachments needs: in
/// display columns, where a Japanese character takes two and a Latin letter one, so
/// the same limit means about 100 Japanese characters or 40 English words.
pub const PDF_ONLY_COLUMNS: usize = 200;

/// Whether the link `dest` of a body points to one of `a`'s attachments.
fn to_attachment(a: &Announcement, dest: &str) -> bool {
    let dest = dest.split(['#', '?']).next().unwrap_or_default();
    let dest = dest.strip_prefix("./").unwrap_or(dest);
    let decoded = percent_encoding::percent_decode_str(dest).decode_utf8_lossy();
    a.attachments.iter().any(|f| f.name == decoded)
}

/// `pdf-only`: an announcement with attachments whose original says little besides
/// the links to them (fewer than [`PDF_ONLY_COLUMNS`] columns of other text). Its
/// tables of services, measures or timeline state facts on the page, so an
/// announcement with any is not PDF-only. Translations translate the original, so
/// only the original is measured.
pub fn pdf_only(checked: &Checked) -> Vec<Found> {
    let site = checked.site;
    let mut found = Vec::new();
    for a in &site.announcements {
        let tables = &a.tables;
        if a.attachments.is_empty()
            || !tables.services.is_empty()
            || !tables.measures.is_empty()
            || !tables.timeline.is_empty()
        {
            continue;
        }
        let Some(source) = Source::read(&site.root, &a.original.source) else {
            continue;
        };
        let mut text = String::new();
        let mut in_attachment_link = 0usize;
        let mut first_link: Option<(usize, String)> = None;
        for (event, line) in source.events() {
            match event {
                Event::Start(Tag::Link { dest_url, .. }) if to_attachment(a, &dest_url) => {
                    in_attachment_link += 1;
                    first_link.get_or_insert((line, dest_url.to_string()));
                }
                Event::Start(Tag::Link { .. }) if in_attachment_link > 0 => {
                    in_attachment_link += 1;
                }
                Event::End(TagEnd::Link) if in_attachment_link > 0 => in_attachment_link -= 1,
                Event::Text(t) | Event::Code(t) if in_attachment_link == 0 => text.push_str(&t),
                // Line breaks and block ends separate words; collapsed below.
                Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push(' '),
                _ => {}
            }
        }
        let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let columns = unicode_width::UnicodeWidthStr::width(collapsed.as_str());
        if columns >= PDF_ONLY_COLUMNS {
            continue;
        }
        let names: Vec<String> = a
            .attachments
            .iter()
            .map(|f| format!("`{}`", f.name))
            .collect();
        found.push(Found {
            path: Some(a.original.source.clone()),
            line: first_link.map(|(line, _)| line),
            message: format!(
                "the text says little besides its attachments ({}): {columns} columns of text, \
                 fewer than {PDF_ONLY_COLUMNS}",
                names.join(", ")
            ),
            hint: "state the key facts in the page itself (what happened, who is affected, what \
                   to do); phones and screen readers handle PDFs badly"
                .to_string(),
        });
    }
    found
}

/// The attributes of the HTML tag that starts at `tag` (`<img …`), lowercase names,
/// values unquoted.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut attrs = Vec::new();
    let mut rest = tag.trim_start_matches('<');
    // Skip the element's name.
    rest = rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric());
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() || rest.starts_with('>') {
            return attrs;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let name = rest[..end].to_ascii_lowercase();
        rest = rest[end..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            if let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') {
                let inner = &after[1..];
                let close = inner.find(quote).unwrap_or(inner.len());
                value = inner[..close].to_string();
                rest = inner.get(close + 1..).unwrap_or_default();
            } else {
                let close = after
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(after.len());
                value = after[..close].to_string();
                rest = &after[close..];
            }
        }
        attrs.push((name, value));
    }
}

/// The `<img>` tags of raw HTML without a text alternative, each with the `src` it
/// shows. An empty `alt` passes only with `role="presentation"` (or `none`) or
/// `aria-hidden="true"`: the writer said in two ways that the image is decoration.
fn raw_images_without_alt(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut missing = Vec::new();
    for (at, _) in lower.match_indices("<img") {
        let end = lower[at..].find('>').map_or(lower.len(), |e| at + e + 1);
        let attrs = attributes(&html[at..end]);
        let get = |name: &str| {
            attrs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.trim().to_string())
        };
        let decorative = matches!(get("role").as_deref(), Some("presentation" | "none"))
            || get("aria-hidden").as_deref() == Some("true");
        let described = get("alt").is_some_and(|alt| !alt.is_empty());
        let declared_decoration = decorative && get("alt").is_some();
        if !described && !declared_decoration {
            missing.push(get("src").unwrap_or_default());
        }
    }
    missing
}

/// `image-alt`: every image of a published body has alternative text. In a crisis
/// statement an image carries facts (a chart of affected records, a screenshot of a
/// fake e-mail to watch for), so a markdown image with empty alt text (`![](x.png)`)
/// is a finding: markdown has no way to say "decorative". In raw HTML, an `<img>`
/// with `alt=""` and `role="presentation"` or `aria-hidden="true"` is decoration by
/// the writer's explicit choice and passes.
pub fn image_alt(checked: &Checked) -> Vec<Found> {
    let site = checked.site;
    let mut found = Vec::new();
    let finding = |path: &Path, line: usize, src: &str| Found {
        path: Some(path.to_path_buf()),
        line: Some(line),
        message: if src.is_empty() {
            "an image has no alternative text".to_string()
        } else {
            format!("image `{src}` has no alternative text")
        },
        hint: "say what the image shows in its alt text (`![what it shows](file.png)`): readers \
               who cannot see it need the facts it carries"
            .to_string(),
    };
    for path in published(checked) {
        let Some(source) = Source::read(&site.root, &path) else {
            continue;
        };
        // The image being read: where it starts, its source and its alt text so far.
        let mut open: Option<(usize, String, String)> = None;
        for (event, line) in source.events() {
            match event {
                Event::Start(Tag::Image { dest_url, .. }) => {
                    open = Some((line, dest_url.to_string(), String::new()));
                }
                Event::Text(t) | Event::Code(t) => {
                    if let Some((_, _, alt)) = &mut open {
                        alt.push_str(&t);
                    }
                }
                Event::End(TagEnd::Image) => {
                    if let Some((start, src, alt)) = open.take()
                        && alt.trim().is_empty()
                    {
                        found.push(finding(&path, start, &src));
                    }
                }
                Event::Html(html) | Event::InlineHtml(html) => {
                    for src in raw_images_without_alt(&html) {
                        found.push(finding(&path, line, &src));
                    }
                }
                _ => {}
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

    #[test]
    fn raw_images_need_alt_or_an_explicit_decoration() {
        assert_eq!(raw_images_without_alt(r#"<img src="a.png">"#), ["a.png"]);
        assert_eq!(
            raw_images_without_alt(r#"<IMG SRC='b.png' ALT="">"#),
            ["b.png"]
        );
        assert!(raw_images_without_alt(r#"<img src="c.png" alt="図1 影響範囲" />"#).is_empty());
        assert!(
            raw_images_without_alt(r#"<img alt="" role="presentation" src="line.png">"#).is_empty()
        );
        assert_eq!(
            raw_images_without_alt(r#"<img role=presentation src=d.png>"#),
            ["d.png"]
        );
    }
}
