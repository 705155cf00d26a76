//! Markdown bodies to HTML, with the first paragraph kept as a plain-text summary and
//! an anchor on every heading.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// A rendered markdown body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The body as HTML.
    pub html: String,
    /// The text of the first paragraph, without markup: the summary lists show when the
    /// writer gave none.
    pub first_paragraph: String,
    /// The headings in the order they appear, with the ids they were given.
    pub headings: Vec<Heading>,
    /// What the body may not hold: active content, which published pages never carry,
    /// and heading ids that cannot be anchors.
    pub refused: Vec<Refused>,
}

/// A heading of the body, for a table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1 for `#`, 2 for `##`, and so on.
    pub level: u8,
    /// Its `id`: the writer's `{#id}`, or one made from its text.
    pub id: String,
    /// Its text without markup.
    pub text: String,
}

/// Raw HTML or a link that would run code or embed another page, or a heading id that
/// the theme or another heading already uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// Where in the markdown it starts (a byte offset).
    pub offset: usize,
    /// What it is and what is expected instead.
    pub message: String,
}

/// The markdown extensions every body is read with (public for the benchmarks' floor,
/// which must parse the same way).
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders a CommonMark body (with tables, footnotes and strikethrough).
///
/// Raw HTML is allowed, since writers paste tables and notices from other tools, but
/// anything that runs script or embeds another page is reported in
/// [`Rendered::refused`]: published pages carry no JavaScript.
pub fn render(markdown: &str) -> Rendered {
    let mut refused = Vec::new();
    let (mut events, offsets): (Vec<Event>, Vec<usize>) = Parser::new_ext(markdown, options())
        .into_offset_iter()
        .inspect(|(event, range)| {
            if let Some(message) = active_content(event) {
                refused.push(Refused {
                    offset: range.start,
                    message,
                });
            }
        })
        .map(|(event, range)| {
            let event = match event {
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => Event::Start(Tag::Link {
                    link_type,
                    dest_url: folder_link_to_index(dest_url),
                    title,
                    id,
                }),
                other => other,
            };
            (event, range.start)
        })
        .unzip();
    let headings = anchor_headings(&mut events, &offsets, &mut refused);
    let mut html_out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut html_out, events.iter().cloned());
    Rendered {
        html: html_out,
        first_paragraph: first_paragraph(&events),
        headings,
        refused,
    }
}

impl Refused {
    /// The problem of file `path`, whose markdown `body` starts at line `body_line`.
    pub fn problem(&self, path: &std::path::Path, body: &str, body_line: usize) -> crate::Problem {
        let line = body_line + crate::error::line_of(body, self.offset) - 1;
        crate::Problem::at(path, line, self.message.clone())
    }
}

/// Whether the default theme gives `id` to one of its own elements: `main` (the skip
/// link's target), a section heading `NAME-heading`, or a home-page block
/// `key-report-ID`. Headings never take these ids, wherever their body is shown; a
/// theme that adds ids of its own keeps to these forms.
fn theme_uses(id: &str) -> bool {
    id == "main" || id.ends_with("-heading") || id.starts_with("key-report-")
}

/// The id a heading without `{#id}` gets from its text: lowercase, letters and digits
/// of any script kept (so Japanese headings give readable anchors), `-` and `_` kept,
/// each run of spaces one `-`, other punctuation dropped.
fn id_from_text(text: &str) -> String {
    let mut id = String::new();
    let mut space = false;
    for c in text.trim().chars() {
        if c.is_whitespace() {
            space = true;
        } else if c.is_alphanumeric() || c == '-' || c == '_' {
            if space && !id.is_empty() {
                id.push('-');
            }
            space = false;
            id.extend(c.to_lowercase());
        }
    }
    id
}

/// Gives every heading an `id` and returns the headings in order.
///
/// The writer's `{#id}` is used as written, so one the theme uses or an earlier heading
/// has is refused rather than changed. An id made from the text steps around the
/// writer's ids, footnote ids and the theme's: a repeated one takes `-2`, `-3`, …, and
/// text that gives nothing usable, or only an id of the theme's, gives `section`.
fn anchor_headings(
    events: &mut [Event],
    offsets: &[usize],
    refused: &mut Vec<Refused>,
) -> Vec<Heading> {
    let mut taken: HashSet<String> = HashSet::new();
    for event in events.iter() {
        if let Event::Start(Tag::FootnoteDefinition(label)) = event {
            taken.insert(label.to_string());
        }
    }
    let mut written: HashSet<&str> = HashSet::new();
    for (event, &offset) in events.iter().zip(offsets) {
        let Event::Start(Tag::Heading { id: Some(id), .. }) = event else {
            continue;
        };
        let message = if theme_uses(id) {
            format!(
                "heading id `{id}` is one the theme uses for its own elements (`main`, \
                 `…-heading`, `key-report-…`); expected another id"
            )
        } else if !written.insert(id) {
            format!("heading id `{id}` is used by an earlier heading; expected each id once")
        } else {
            continue;
        };
        refused.push(Refused { offset, message });
    }
    taken.extend(written.into_iter().map(str::to_string));

    let mut headings = Vec::new();
    let mut open: Option<usize> = None;
    let mut text = String::new();
    for at in 0..events.len() {
        match &events[at] {
            Event::Start(Tag::Heading { .. }) => {
                open = Some(at);
                text.clear();
            }
            Event::Text(t) | Event::Code(t) if open.is_some() => text.push_str(t),
            Event::End(TagEnd::Heading(_)) => {
                let Some(start) = open.take() else { continue };
                let Event::Start(Tag::Heading { level, id, .. }) = &mut events[start] else {
                    unreachable!("`open` is the index of a heading's start");
                };
                let id = id.get_or_insert_with(|| {
                    let made = id_from_text(&text);
                    let base = if made.is_empty() || theme_uses(&made) {
                        "section".to_string()
                    } else {
                        made
                    };
                    let mut candidate = base.clone();
                    for n in 2.. {
                        if !taken.contains(&candidate) && !theme_uses(&candidate) {
                            break;
                        }
                        candidate = format!("{base}-{n}");
                    }
                    taken.insert(candidate.clone());
                    CowStr::from(candidate)
                });
                headings.push(Heading {
                    level: heading_level(*level),
                    id: id.to_string(),
                    text: text.trim().to_string(),
                });
            }
            _ => {}
        }
    }
    headings
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

/// Elements that run code or pull in another page.
const ACTIVE_ELEMENTS: &[&str] = &["script", "iframe", "object", "embed"];

/// Why an event would put active content on a page, if it would.
fn active_content(event: &Event) -> Option<String> {
    match event {
        Event::Html(html) | Event::InlineHtml(html) => active_html(html),
        Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
            if is_script_url(dest_url) =>
        {
            Some(format!(
                "link to `{dest_url}`: javascript: URLs are not allowed; published pages carry no JavaScript"
            ))
        }
        _ => None,
    }
}

fn is_script_url(url: &str) -> bool {
    let url: String = url.chars().filter(|c| !c.is_whitespace()).collect();
    url.to_ascii_lowercase().starts_with("javascript:")
}

/// Looks through the tags of a raw HTML fragment for script elements, embedded pages,
/// event-handler attributes and javascript: URLs.
fn active_html(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    for tag in lower.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or(tag);
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if ACTIVE_ELEMENTS.contains(&name.as_str()) {
            return Some(format!(
                "raw HTML `<{name}>` is not allowed; published pages carry no script and embed no other page"
            ));
        }
        for attribute in tag.split(|c: char| c.is_whitespace() || c == '/').skip(1) {
            let (key, value) = attribute.split_once('=').unwrap_or((attribute, ""));
            let key = key.trim();
            if key.len() > 2
                && key.starts_with("on")
                && key.chars().all(|c| c.is_ascii_alphabetic())
            {
                return Some(format!(
                    "raw HTML attribute `{key}` is not allowed; published pages carry no JavaScript"
                ));
            }
            if is_script_url(value.trim_matches(['"', '\''])) {
                return Some(format!(
                    "raw HTML `{key}` with a javascript: URL is not allowed; published pages carry no JavaScript"
                ));
            }
        }
    }
    None
}

/// Writers link to another announcement as `../SLUG/`; browsers opening the site from
/// disk show a folder listing for that, so a relative link to a folder is pointed at
/// the folder's `index.html`, like every link the templates make.
fn folder_link_to_index(url: CowStr) -> CowStr {
    let is_relative = !url.contains(':') && !url.starts_with('/') && !url.starts_with('#');
    let end = url.find(['#', '?']).unwrap_or(url.len());
    let (path, rest) = url.split_at(end);
    if is_relative && (path.ends_with('/') || path == "." || path == "..") {
        let slash = if path.ends_with('/') { "" } else { "/" };
        CowStr::from(format!("{path}{slash}index.html{rest}"))
    } else {
        url
    }
}

/// The first paragraph at the top level: not one inside a quote or a list, where
/// an opening notice (追記) or a list item would make a poor summary.
fn first_paragraph(events: &[Event]) -> String {
    let mut text = String::new();
    let mut inside = false;
    let mut nesting = 0usize;
    for event in events {
        match event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::FootnoteDefinition(_)) => {
                nesting += 1
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::FootnoteDefinition) => {
                nesting = nesting.saturating_sub(1)
            }
            Event::Start(Tag::Paragraph) if nesting == 0 => inside = true,
            Event::End(TagEnd::Paragraph) if inside => break,
            Event::Text(t) | Event::Code(t) if inside => text.push_str(t),
            Event::SoftBreak | Event::HardBreak if inside => text.push(' '),
            _ => {}
        }
    }
    text.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_paragraph_skips_headings_and_markup() {
        let r = render("# 見出し\n\n当社は**本日**、`障害`を\n確認しました。\n\n次の段落。\n");
        assert_eq!(r.first_paragraph, "当社は本日、障害を 確認しました。");
        assert!(r.html.contains("<h1 id=\"見出し\">見出し</h1>"));
    }

    #[test]
    fn relative_folder_links_point_at_their_index() {
        let r = render(
            "[a](../x/) [b](../x/#part) [c](https://example.jp/) [d](report.pdf) [e](#top) [f](..)",
        );
        assert!(r.html.contains(r#"href="../x/index.html""#), "{}", r.html);
        assert!(r.html.contains(r#"href="../x/index.html#part""#));
        assert!(r.html.contains(r#"href="https://example.jp/""#));
        assert!(r.html.contains(r#"href="report.pdf""#));
        assert!(r.html.contains(r##"href="#top""##));
        assert!(r.html.contains(r#"href="../index.html""#));
    }

    #[test]
    fn first_paragraph_is_not_taken_from_a_quote_or_list() {
        let r = render("> 【追記】訂正があります。\n\n- 項目\n\n本文の最初の段落。\n");
        assert_eq!(r.first_paragraph, "本文の最初の段落。");
    }

    #[test]
    fn active_content_is_refused_and_plain_html_is_not() {
        let refused = |md: &str| {
            render(md)
                .refused
                .into_iter()
                .map(|r| r.message)
                .collect::<Vec<_>>()
        };
        assert!(refused("<table><tr><td style=\"x\">1</td></tr></table>\n").is_empty());
        assert!(refused("<p>Only <b>bold</b> and one=1 online</p>\n").is_empty());
        assert_eq!(
            refused("intro\n\n<SCRIPT src=x></SCRIPT>\n"),
            [
                "raw HTML `<script>` is not allowed; published pages carry no script and embed no other page"
            ]
        );
        assert_eq!(
            refused("text <img src=x onerror=alert(1)> more\n"),
            ["raw HTML attribute `onerror` is not allowed; published pages carry no JavaScript"]
        );
        assert_eq!(
            refused("<a href=\"JavaScript:alert(1)\">x</a>\n"),
            [
                "raw HTML `href` with a javascript: URL is not allowed; published pages carry no JavaScript"
            ]
        );
        assert_eq!(
            refused("[x](javascript:alert(1))\n"),
            [
                "link to `javascript:alert(1)`: javascript: URLs are not allowed; published pages carry no JavaScript"
            ]
        );
        assert_eq!(
            render("a\n\n<iframe src=x></iframe>\n").refused[0].offset,
            3
        );
    }

    #[test]
    fn headings_get_ids_from_their_text_in_any_script() {
        let r = render(
            "## 被害状況（6月8日時点）\n\n## What  to do & why?\n\n### `code` _and_ Ｆｕｌｌ\n\n## ！？\n",
        );
        let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "被害状況6月8日時点",
                "what-to-do-why",
                "code-and-ｆｕｌｌ",
                "section"
            ]
        );
        assert_eq!(r.headings[2].level, 3);
        assert_eq!(r.headings[2].text, "code and Ｆｕｌｌ");
        assert!(r.html.contains("<h2 id=\"what-to-do-why\">"), "{}", r.html);
    }

    #[test]
    fn repeated_headings_writer_ids_and_theme_ids_do_not_collide() {
        let r = render(
            "## 概要\n\n## 概要 {#概要-2}\n\n## 概要\n\n## Main\n\n## Overview heading\n\n## Key report: x\n\n## 1\n\n[^1]\n\n[^1]: 注\n",
        );
        assert!(r.refused.is_empty(), "{:?}", r.refused);
        let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "概要",
                "概要-2",
                "概要-3",
                "section",
                "section-2",
                "section-3",
                "1-2"
            ]
        );
    }

    #[test]
    fn a_writer_id_the_theme_or_an_earlier_heading_uses_is_refused() {
        let r = render("# a {#main}\n\n## b {#x}\n\n## c {#x}\n\n## d {#latest-heading}\n");
        let refused: Vec<(usize, &str)> = r
            .refused
            .iter()
            .map(|r| (r.offset, r.message.as_str()))
            .collect();
        assert_eq!(
            refused,
            [
                (
                    0,
                    "heading id `main` is one the theme uses for its own elements (`main`, `…-heading`, `key-report-…`); expected another id"
                ),
                (
                    24,
                    "heading id `x` is used by an earlier heading; expected each id once"
                ),
                (
                    35,
                    "heading id `latest-heading` is one the theme uses for its own elements (`main`, `…-heading`, `key-report-…`); expected another id"
                ),
            ]
        );
    }

    #[test]
    fn tables_are_enabled() {
        let r = render("| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(r.html.contains("<table>"));
    }
}
