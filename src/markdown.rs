//! Markdown bodies to HTML, with the first paragraph kept as a plain-text summary.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

/// A rendered markdown body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The body as HTML.
    pub html: String,
    /// The text of the first paragraph, without markup: the summary lists show when the
    /// writer gave none.
    pub first_paragraph: String,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders a CommonMark body (with tables, footnotes and strikethrough).
pub fn render(markdown: &str) -> Rendered {
    let events: Vec<Event> = Parser::new_ext(markdown, options())
        .map(|event| match event {
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
        })
        .collect();
    let mut html_out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut html_out, events.iter().cloned());
    Rendered {
        html: html_out,
        first_paragraph: first_paragraph(&events),
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
mod tests {
    use super::*;

    #[test]
    fn first_paragraph_skips_headings_and_markup() {
        let r = render("# 見出し\n\n当社は**本日**、`障害`を\n確認しました。\n\n次の段落。\n");
        assert_eq!(r.first_paragraph, "当社は本日、障害を 確認しました。");
        assert!(r.html.contains("<h1>見出し</h1>"));
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
    fn tables_are_enabled() {
        let r = render("| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(r.html.contains("<table>"));
    }
}
