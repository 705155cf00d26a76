//! Rules about text the writer has not finished: a placeholder left in what is
//! published (`placeholder`), and a heading with nothing under it (`empty-section`).
//!
//! What counts as a placeholder is the theme's (`check_placeholder_marks`,
//! `check_placeholder_words`), like the confidential markers: a mark (`TODO`, `○○`) is
//! one anywhere, a word (`会社名`) only as the whole content of a pair of brackets
//! (`（会社名）`), so that ordinary parentheses (`（第1報）`) are never mistaken for one.

mod readable;

use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Tag, TagEnd};

use super::content::published;
use super::input::{Checked, Observation, events};
use crate::load::layout::SITE_TOML;
use crate::msg;
use crate::theme::Key;
use readable::{readable_lines, toml_strings};

/// The brackets a placeholder word is written in: full-width parentheses, lenticular
/// brackets, full-width square brackets, and their half-width forms.
const BRACKETS: [(char, char); 5] = [
    ('（', '）'),
    ('【', '】'),
    ('［', '］'),
    ('(', ')'),
    ('[', ']'),
];

/// Kanji numerals: `〇` among them is a zero (`二〇〇六年`), not a placeholder.
const KANJI_NUMERALS: &str = "〇零一二三四五六七八九十百千万";

/// What counts as a placeholder: the theme's marks and words of every language of the
/// site, compared in ASCII lowercase.
struct Placeholders {
    marks: Vec<String>,
    words: Vec<String>,
}

impl Placeholders {
    fn of(checked: &Checked) -> Placeholders {
        let phrases = |key: Key| {
            let mut all: Vec<String> = checked
                .site
                .languages
                .iter()
                .filter_map(|lang| checked.strings.get(lang))
                .flat_map(|s| s.phrases(key).into_iter().map(str::to_ascii_lowercase))
                .collect();
            all.sort();
            all.dedup();
            all
        };
        Placeholders {
            marks: phrases(Key::PLACEHOLDER_MARKS),
            words: phrases(Key::PLACEHOLDER_WORDS),
        }
    }

    /// Only those of the placeholders that occur in `text` at all, or `None` if none
    /// does: most files hold none, and are passed over in one look.
    fn within(&self, text: &str) -> Option<Placeholders> {
        let lower = text.to_ascii_lowercase();
        let occurring = |list: &[String]| -> Vec<String> {
            list.iter()
                .filter(|p| lower.contains(p.as_str()))
                .cloned()
                .collect()
        };
        let (marks, words) = (occurring(&self.marks), occurring(&self.words));
        (!marks.is_empty() || !words.is_empty()).then_some(Placeholders { marks, words })
    }

    /// The placeholders of one line of published text, as written, in order.
    fn in_line(&self, line: &str) -> Vec<String> {
        let lower = line.to_ascii_lowercase();
        let mut found: Vec<(usize, String)> = Vec::new();
        for mark in &self.marks {
            found.extend(mark_spans(&lower, mark).map(|(from, to)| (from, line[from..to].into())));
        }
        let spans = if !self.words.is_empty() && line.contains(BRACKETS.map(|(open, _)| open)) {
            bracket_spans(line)
        } else {
            Vec::new()
        };
        for (from, to) in spans {
            let inner = &lower[from + char_len(line, from)..to - char_len_before(line, to)];
            if self.words.iter().any(|w| w == inner.trim()) {
                found.push((from, line[from..to].to_string()));
            }
        }
        found.sort();
        let mut seen = std::collections::BTreeSet::new();
        found
            .into_iter()
            .filter(|(_, text)| seen.insert(text.clone()))
            .map(|(_, text)| text)
            .collect()
    }
}

fn char_len(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(0, char::len_utf8)
}

fn char_len_before(text: &str, at: usize) -> usize {
    text[..at].chars().next_back().map_or(0, char::len_utf8)
}

/// Where `mark` (lowercase) occurs in `lower`, as byte ranges. A mark of one repeated
/// character takes in the whole run (`xxxx` is one `xxx`). A mark beginning or ending
/// with a Latin letter or digit must not run on into another (`todos` holds no
/// `todo`); any other must not touch a kanji numeral (`二〇〇六年` holds no `〇〇`).
fn mark_spans<'a>(lower: &'a str, mark: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
    let first = mark.chars().next().unwrap_or(' ');
    let last = mark.chars().next_back().unwrap_or(' ');
    let repeated = mark.chars().all(|c| c == first);
    let mut taken = 0;
    lower.match_indices(mark).filter_map(move |(at, _)| {
        if at < taken {
            return None;
        }
        let (mut from, mut to) = (at, at + mark.len());
        if repeated {
            while lower[..from].ends_with(first) {
                from -= first.len_utf8();
            }
            while lower[to..].starts_with(first) {
                to += first.len_utf8();
            }
        }
        taken = to;
        let before = lower[..from].chars().next_back();
        let after = lower[to..].chars().next();
        let blocks = |edge: char, next: Option<char>| match next {
            None => false,
            Some(c) if edge.is_ascii_alphanumeric() => c.is_ascii_alphanumeric(),
            Some(c) => KANJI_NUMERALS.contains(c),
        };
        (!blocks(first, before) && !blocks(last, after)).then_some((from, to))
    })
}

/// Every pair of brackets of `line` with no bracket of its kind inside, as the byte
/// range from its opening to past its closing bracket.
fn bracket_spans(line: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for (open, close) in BRACKETS {
        let mut start = None;
        for (at, c) in line.char_indices() {
            if c == open {
                start = Some(at);
            } else if c == close
                && let Some(from) = start.take()
            {
                spans.push((from, at + c.len_utf8()));
            }
        }
    }
    spans
}

fn placeholder_at(path: &Path, line: usize, placeholder: String) -> Observation {
    Observation {
        path: Some(path.to_path_buf()),
        line: Some(line),
        message: msg!("review-placeholder", placeholder),
        hint: msg!("review-placeholder-hint"),
    }
}

/// `placeholder`: no published text (front matter values and body of every published
/// announcement, translation, guide page and overview) and no value of site.toml still
/// holds a placeholder.
pub fn placeholder(checked: &Checked) -> Vec<Observation> {
    let placeholders = Placeholders::of(checked);
    let mut found = Vec::new();
    let site_toml = PathBuf::from(SITE_TOML);
    if let Some(text) = checked.text(&site_toml) {
        for (line, text) in toml_strings(text) {
            for p in placeholders.in_line(&text) {
                found.push(placeholder_at(&site_toml, line, p));
            }
        }
    }
    for path in published(checked) {
        let Some(text) = checked.text(&path) else {
            continue;
        };
        let Some(placeholders) = placeholders.within(text) else {
            continue;
        };
        for (line, text) in readable_lines(text) {
            for p in placeholders.in_line(&text) {
                found.push(placeholder_at(&path, line, p));
            }
        }
    }
    found
}

/// A heading whose section is still open, and whether anything but headings is in it.
struct Open {
    level: pulldown_cmark::HeadingLevel,
    line: usize,
    text: String,
    filled: bool,
}

/// Whether raw HTML shows anything: an HTML comment alone does not.
fn shows(html: &str) -> bool {
    let mut rest = html;
    while let Some(at) = rest.find("<!--") {
        if !rest[..at].trim().is_empty() {
            return true;
        }
        rest = rest[at..]
            .find("-->")
            .map_or("", |end| &rest[at + end + 3..]);
    }
    !rest.trim().is_empty()
}

/// The headings of a body with nothing under them, with their lines: a heading is
/// followed, before the next heading of its level or above (or the end of the file),
/// by nothing but headings, thematic breaks and HTML comments.
fn empty_headings(text: &str) -> Vec<(usize, String)> {
    let mut empty = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut in_heading = false;
    let mut html: Option<String> = None;
    let close = |open: &mut Vec<Open>, empty: &mut Vec<(usize, String)>, level| {
        while open.last().is_some_and(|o| o.level >= level) {
            let o = open.pop().expect("an open heading");
            if !o.filled {
                empty.push((o.line, o.text.trim().to_string()));
            }
        }
    };
    for (event, line) in events(text) {
        if in_heading {
            match event {
                Event::End(TagEnd::Heading(_)) => in_heading = false,
                Event::Text(t) | Event::Code(t) => {
                    if let Some(o) = open.last_mut() {
                        o.text.push_str(&t);
                    }
                }
                _ => {}
            }
            continue;
        }
        let content = match &event {
            Event::Start(Tag::Heading { level, .. }) => {
                close(&mut open, &mut empty, *level);
                open.push(Open {
                    level: *level,
                    line,
                    text: String::new(),
                    filled: false,
                });
                in_heading = true;
                false
            }
            Event::Start(Tag::HtmlBlock) => {
                html = Some(String::new());
                false
            }
            Event::Html(t) if html.is_some() => {
                html.as_mut().expect("an HTML block").push_str(t);
                false
            }
            Event::End(TagEnd::HtmlBlock) => html.take().is_some_and(|h| shows(&h)),
            Event::Html(t) | Event::InlineHtml(t) => shows(t),
            Event::Text(_)
            | Event::Code(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_)
            | Event::Start(Tag::Image { .. }) => true,
            _ => false,
        };
        if content {
            open.iter_mut().for_each(|o| o.filled = true);
        }
    }
    close(&mut open, &mut empty, pulldown_cmark::HeadingLevel::H1);
    empty.sort();
    empty
}

/// `empty-section`: no published markdown file has a heading with nothing under it.
pub fn empty_section(checked: &Checked) -> Vec<Observation> {
    let mut found = Vec::new();
    for path in published(checked) {
        let Some(text) = checked.text(&path) else {
            continue;
        };
        for (line, heading) in empty_headings(text) {
            found.push(Observation {
                path: Some(path.clone()),
                line: Some(line),
                message: msg!("review-empty-section", heading),
                hint: msg!("review-empty-section-hint"),
            });
        }
    }
    found
}

#[cfg(test)]
mod tests;
