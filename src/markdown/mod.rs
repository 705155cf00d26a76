//! Markdown bodies to HTML, with the first paragraph kept as a plain-text summary, an
//! anchor on every heading, and what the body may not hold reported rather than
//! silently dropped.

mod anchors;
mod nesting;
mod raw_html;
mod refused;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

pub use refused::Refused;

use crate::model::heading::Heading;

/// A rendered markdown body.
#[derive(Debug, Clone, Default)]
pub struct RenderedBody {
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
/// anything that runs script, embeds another page, collects input or changes the page
/// around the body is reported in [`RenderedBody::refused`] (the list is in
/// docs/reference/markdown.md). Raw HTML is read with html5ever's tokenizer, as a
/// browser reads it, not matched as text: `jav&#x61;script:`, unquoted attributes and
/// tags split across lines cannot slip past.
pub fn render(markdown: &str) -> RenderedBody {
    let mut scan = raw_html::RawScan::default();
    let (mut events, offsets): (Vec<Event>, Vec<usize>) = Parser::new_ext(markdown, options())
        .into_offset_iter()
        .inspect(|(event, range)| scan.see(event, range.start))
        .map(|(event, range)| (folder_links_to_index(event), range.start))
        .unzip();
    let mut refused = scan.finish(markdown);
    let headings = anchors::anchor_headings(&mut events, &offsets, &mut refused);
    // In the order of the text, as the writer reads it.
    refused.sort_by_key(|r| r.offset);
    let mut html_out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut html_out, events.iter().cloned());
    RenderedBody {
        html: html_out,
        first_paragraph: first_paragraph(&events),
        headings,
        refused,
    }
}

/// A link's event with its destination pointed at a folder's `index.html`.
fn folder_links_to_index(event: Event) -> Event {
    match event {
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
    }
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
mod tests;
