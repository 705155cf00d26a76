//! Heading anchors: every heading gets an `id`, made from its text where the writer
//! gave none, that never collides with another heading's or one the theme uses.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::refused::Refused;
use crate::model::heading::{Heading, theme_uses};
use crate::msg;

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
pub(super) fn anchor_headings(
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
            msg!("markdown-heading-id-theme", id = &**id)
        } else if !written.insert(id) {
            msg!("markdown-heading-id-twice", id = &**id)
        } else {
            continue;
        };
        refused.push(Refused { offset, message });
    }
    taken.extend(written.into_iter().map(str::to_string));

    let mut next: HashMap<String, usize> = HashMap::new();
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
                    // Where the last heading of this base stopped: each number is
                    // tried once per base, so the pass stays linear however many
                    // headings repeat one text.
                    let n = next.entry(base.clone()).or_insert(1);
                    let mut candidate = numbered(&base, *n);
                    while taken.contains(&candidate) || theme_uses(&candidate) {
                        *n += 1;
                        candidate = numbered(&base, *n);
                    }
                    *n += 1;
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

/// `base` for the first heading of a text, `base-n` for the n-th.
fn numbered(base: &str, n: usize) -> String {
    if n == 1 {
        base.to_string()
    } else {
        format!("{base}-{n}")
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}
