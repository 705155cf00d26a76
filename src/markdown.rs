//! Markdown bodies to HTML, with the first paragraph kept as a plain-text summary and
//! an anchor on every heading.

use std::cell::{Cell, RefCell};
use std::collections::HashSet;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, EOFToken, ParseError, StartTag, TagToken, Token, TokenSink, TokenSinkResult,
    Tokenizer, TokenizerOpts,
};
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
/// anything that runs script, embeds another page, collects input or changes the page
/// around the body is reported in [`Rendered::refused`] (see the README's "The body
/// and the summary" for the list). Raw HTML is read with html5ever's tokenizer, as a
/// browser reads it, not matched as text: `jav&#x61;script:`, unquoted attributes and
/// tags split across lines cannot slip past.
pub fn render(markdown: &str) -> Rendered {
    let mut refused = Vec::new();
    let mut raw: Vec<RawHtml> = Vec::new();
    let mut block: Option<RawHtml> = None;
    let mut inline: Option<RawHtml> = None;
    let (mut events, offsets): (Vec<Event>, Vec<usize>) = Parser::new_ext(markdown, options())
        .into_offset_iter()
        .inspect(|(event, range)| {
            if !is_inline(event) {
                raw.extend(inline.take());
            }
            match event {
                Event::Start(Tag::HtmlBlock) => block = Some(RawHtml::default()),
                Event::End(TagEnd::HtmlBlock) => raw.extend(block.take()),
                Event::Html(html) => block
                    .get_or_insert_with(RawHtml::default)
                    .push(html, range.start),
                // A paragraph's (or heading's, or cell's) pieces of inline HTML are read
                // together: `<textarea>` in one and `</textarea>` in the next is one
                // element, and the markdown text between them is escaped, so it changes no
                // tokenizer state. A space stands in for it.
                Event::InlineHtml(html) => {
                    let inline = inline.get_or_insert_with(RawHtml::default);
                    if !inline.text.is_empty() {
                        inline.text.push(' ');
                    }
                    inline.push(html, range.start);
                }
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    if let Some(message) = refused_link(dest_url) {
                        refused.push(Refused {
                            offset: range.start,
                            message,
                        });
                    }
                }
                // `{key=value}` after a heading becomes an attribute of its tag: read the
                // tag as written out, as raw HTML is. A heading without classes or
                // attributes is `<hN>` or `<hN id="…">` with the id escaped: nothing to
                // read, and most headings are such (the tokenizer is not free).
                Event::Start(heading @ Tag::Heading { classes, attrs, .. })
                    if !classes.is_empty() || !attrs.is_empty() =>
                {
                    let mut tag = String::new();
                    html::push_html(&mut tag, std::iter::once(Event::Start(heading.clone())));
                    for (_, message) in scan_raw(tag.trim_start()) {
                        refused.push(Refused {
                            offset: range.start,
                            message,
                        });
                    }
                }
                _ => {}
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
    raw.extend(block);
    raw.extend(inline);
    for html in &raw {
        for (line, message) in scan_raw(&html.text) {
            refused.push(Refused {
                offset: html.offset_of_line(line, markdown),
                message,
            });
        }
    }
    let headings = anchor_headings(&mut events, &offsets, &mut refused);
    // In the order of the text, as the writer reads it.
    refused.sort_by_key(|r| r.offset);
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

/// Raw HTML as a browser reads it in one go: the lines of an HTML block together (a tag
/// may be split across them), or one piece of inline HTML.
#[derive(Debug, Default)]
struct RawHtml {
    text: String,
    /// Where each event's text starts: its byte in `text`, and in the markdown.
    starts: Vec<(usize, usize)>,
}

impl RawHtml {
    fn push(&mut self, html: &str, offset: usize) {
        self.starts.push((self.text.len(), offset));
        self.text.push_str(html);
    }

    /// The byte of `markdown` where line `line` (1-based) of the raw HTML starts. Lines,
    /// not bytes: the markdown may put a quote's `> ` or a list's indent before each one.
    fn offset_of_line(&self, line: u64, markdown: &str) -> usize {
        let at = self
            .text
            .match_indices('\n')
            .nth(
                usize::try_from(line)
                    .unwrap_or(usize::MAX)
                    .saturating_sub(2),
            )
            .filter(|_| line > 1)
            .map_or(0, |(i, _)| i + 1);
        let (from, offset) = self
            .starts
            .iter()
            .rev()
            .find(|(start, _)| *start <= at)
            .copied()
            .unwrap_or((0, 0));
        let newlines = self.text[from..at].matches('\n').count();
        if newlines == 0 {
            return offset;
        }
        markdown[offset..]
            .match_indices('\n')
            .nth(newlines - 1)
            .map_or(markdown.len(), |(i, _)| offset + i + 1)
    }
}

/// Whether `event` is part of a run of inline content (a paragraph's, a heading's, a
/// table cell's), which a block's start or end ends.
fn is_inline(event: &Event) -> bool {
    match event {
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::End(tag) => matches!(
            tag,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        ),
        _ => !matches!(event, Event::Html(_) | Event::Rule),
    }
}

/// Why an element may not be written in raw HTML, if it may not.
fn refused_element(name: &str) -> Option<&'static str> {
    Some(match name {
        "script" | "iframe" | "frame" | "frameset" | "object" | "embed" | "applet" | "portal"
        | "fencedframe" => "published pages carry no script and embed no other page",
        "svg" | "math" => {
            "SVG and MathML inside HTML are read by other parsing rules, where script hides \
             from this check; show the figure with `<img src=\"FILE.svg\">` instead"
        }
        "form" => "published pages collect no input; link to the form's own page instead",
        "base" => "it would change where every link of the page points",
        "meta" => "it could redirect the page or change its rules",
        "link" => "it would load a style sheet or other resource from elsewhere",
        "style" => {
            "it would restyle the whole page, the theme's notices included; use a `style` \
             attribute on the element instead"
        }
        _ => return None,
    })
}

/// Attributes that hold a URL a browser follows or loads: where a `data:` URL other
/// than an image could carry a page of its own.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "cite",
    "codebase",
    "longdesc",
    "ping",
    "xlink:href",
    "lowsrc",
    "dynsrc",
];

/// Why an attribute may not be written in raw HTML, if it may not. `name` is lowercase,
/// `value` has its character references decoded, as the browser reads them.
fn refused_attribute(name: &str, value: &str) -> Option<String> {
    if name.len() > 2 && name.starts_with("on") {
        return Some(format!(
            "raw HTML attribute `{name}` is not allowed; published pages carry no JavaScript"
        ));
    }
    match name {
        "srcdoc" => {
            return Some(
                "raw HTML attribute `srcdoc` is not allowed; published pages embed no other page"
                    .to_string(),
            );
        }
        "formaction" => {
            return Some(
                "raw HTML attribute `formaction` is not allowed; published pages collect no input"
                    .to_string(),
            );
        }
        _ => {}
    }
    // Script URLs are never meant in any attribute; data: URLs only where followed.
    match refused_scheme(value, URL_ATTRIBUTES.contains(&name))? {
        "data" => Some(format!(
            "raw HTML `{name}` with a data: URL is not allowed; expected a link to a file \
             (data: URLs only for images, `data:image/…`)"
        )),
        scheme => Some(format!(
            "raw HTML `{name}` with a {scheme}: URL is not allowed; published pages carry no JavaScript"
        )),
    }
}

/// Why a markdown link or image may not point to `url`, if it may not.
fn refused_link(url: &str) -> Option<String> {
    match refused_scheme(url, true)? {
        "data" => Some(format!(
            "link to `{url}`: data: URLs are allowed only for images (`data:image/…`); \
             expected a link to a file"
        )),
        scheme => Some(format!(
            "link to `{url}`: {scheme}: URLs are not allowed; published pages carry no JavaScript"
        )),
    }
}

/// The scheme of `url` if it runs script (`javascript:`, `vbscript:`) or, with
/// `data_too`, is a `data:` URL of anything but an image. Browsers drop tabs and line
/// breaks anywhere in a URL and spaces and control characters around it, and ignore
/// the scheme's case; all of those are dropped here before looking.
fn refused_scheme(url: &str, data_too: bool) -> Option<&'static str> {
    let url: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if url.starts_with("javascript:") {
        Some("javascript")
    } else if url.starts_with("vbscript:") {
        Some("vbscript")
    } else if data_too && url.starts_with("data:") && !url.starts_with("data:image/") {
        Some("data")
    } else {
        None
    }
}

/// A start tag no writer's HTML contains, put after each piece of raw HTML: read as a
/// tag only if the piece left the tokenizer outside any tag, comment or raw-text
/// element, as it must, since the markdown's own HTML follows it.
const END_MARK: &str = "crisis-site-end-of-raw-html";

/// The problems html5ever's tokenizer finds in one piece of raw HTML: each start tag's
/// first problem, with the line it ends on, and whether the piece was closed.
#[derive(Default)]
struct RawSink {
    found: RefCell<Vec<(u64, String)>>,
    closed: Cell<bool>,
}

impl TokenSink for RawSink {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let tag = match token {
            TagToken(tag) => tag,
            // Errors are reported beside the tokens (one may follow the end mark).
            EOFToken | ParseError(_) => return TokenSinkResult::Continue,
            _ => {
                self.closed.set(false);
                return TokenSinkResult::Continue;
            }
        };
        self.closed
            .set(tag.kind == StartTag && &*tag.name == END_MARK);
        if tag.kind != StartTag {
            return TokenSinkResult::Continue;
        }
        let problem = refused_element(&tag.name)
            .map(|why| format!("raw HTML `<{}>` is not allowed; {why}", tag.name))
            .or_else(|| {
                tag.attrs
                    .iter()
                    .find_map(|a| refused_attribute(&a.name.local, &a.value))
            });
        if let Some(problem) = problem {
            self.found.borrow_mut().push((line, problem));
        }
        // The tokenizer alone does not know which elements hold raw text; a browser
        // does, and reads a `<!--` or a `<` there as text, not as a comment or a tag.
        match &*tag.name {
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
            "plaintext" => TokenSinkResult::Plaintext,
            _ => TokenSinkResult::Continue,
        }
    }
}

/// Reads raw HTML as a browser would (character references decoded, attributes
/// unquoted or split across lines, names in any case) and returns what it may not
/// hold, by line of `html`.
fn scan_raw(html: &str) -> Vec<(u64, String)> {
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    input.push_back(StrTendril::from_slice(&format!("<{END_MARK}>")));
    let tokenizer = Tokenizer::new(RawSink::default(), TokenizerOpts::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let mut found = tokenizer.sink.found.take();
    if !tokenizer.sink.closed.get() {
        found.push((
            1,
            "raw HTML is left open: an unfinished tag, an unclosed comment, or a \
             `<textarea>`, `<title>` or other element whose text runs on; expected it closed \
             before the HTML ends (an HTML block ends at a blank line)"
                .to_string(),
        ));
    }
    found
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

    /// The messages of what `md` may not hold, with the line of each.
    fn refused_at(md: &str) -> Vec<(usize, String)> {
        render(md)
            .refused
            .into_iter()
            .map(|r| (crate::error::line_of(md, r.offset), r.message))
            .collect()
    }

    const NO_JS: &str = "published pages carry no JavaScript";

    #[test]
    fn script_urls_are_found_however_they_are_spelled() {
        for html in [
            "<a href=\"jav&#x61;script:alert(1)\">x</a>",
            "<a href=\"jav&#97;script&colon;alert(1)\">x</a>",
            "<a href=\"java&Tab;script:alert(1)\">x</a>",
            "<a href=\"java\tscript:alert(1)\">x</a>",
            "<a href=\" \u{1}javascript:alert(1)\">x</a>",
            "<a HREF=JaVaScRiPt:alert(1)>x</a>",
            "<a href='javascript:alert(1)'>x</a>",
        ] {
            assert_eq!(
                refused_at(&format!("{html}\n")),
                [(
                    1,
                    format!("raw HTML `href` with a javascript: URL is not allowed; {NO_JS}")
                )],
                "{html}"
            );
        }
        assert_eq!(
            refused_at("<a href=\"VBScript:msgbox(1)\">x</a>\n"),
            [(
                1,
                format!("raw HTML `href` with a vbscript: URL is not allowed; {NO_JS}")
            )]
        );
        assert_eq!(
            refused_at("[x](jav&#x61;script:alert(1))\n\n[y](<java\tscript:x>)\n"),
            [
                (
                    1,
                    format!(
                        "link to `javascript:alert(1)`: javascript: URLs are not allowed; {NO_JS}"
                    )
                ),
                (
                    3,
                    format!("link to `java\tscript:x`: javascript: URLs are not allowed; {NO_JS}")
                )
            ]
        );
    }

    #[test]
    fn data_urls_only_for_images() {
        assert_eq!(
            refused_at("<a href=\"data:text/html,<script>alert(1)</script>\">x</a>\n"),
            [(
                1,
                "raw HTML `href` with a data: URL is not allowed; expected a link to a file \
                 (data: URLs only for images, `data:image/…`)"
                    .to_string()
            )]
        );
        assert_eq!(
            refused_at("[x](data:text/html;base64,PHNjcmlwdD4=)\n"),
            [(
                1,
                "link to `data:text/html;base64,PHNjcmlwdD4=`: data: URLs are allowed only for \
                 images (`data:image/…`); expected a link to a file"
                    .to_string()
            )]
        );
        assert!(refused_at("![a](data:image/png;base64,iVBO)\n\n<img src=\"data:image/gif;base64,R0lG\" alt=\"data: x\">\n").is_empty());
    }

    #[test]
    fn elements_that_change_the_page_are_refused() {
        let cases = [
            (
                "<form action=x><input name=q></form>",
                "form",
                "published pages collect no input; link to the form's own page instead",
            ),
            (
                "<base href=\"https://evil.example/\">",
                "base",
                "it would change where every link of the page points",
            ),
            (
                "<meta http-equiv=refresh content=\"0;url=https://evil.example/\">",
                "meta",
                "it could redirect the page or change its rules",
            ),
            (
                "<link rel=stylesheet href=x.css>",
                "link",
                "it would load a style sheet or other resource from elsewhere",
            ),
            (
                "<style>body{display:none}</style>",
                "style",
                "it would restyle the whole page, the theme's notices included; use a `style` attribute on the element instead",
            ),
            (
                "<svg><script>alert(1)</script></svg>",
                "svg",
                "SVG and MathML inside HTML are read by other parsing rules, where script hides from this check; show the figure with `<img src=\"FILE.svg\">` instead",
            ),
            (
                "<math><mtext>x</mtext></math>",
                "math",
                "SVG and MathML inside HTML are read by other parsing rules, where script hides from this check; show the figure with `<img src=\"FILE.svg\">` instead",
            ),
            (
                "<Frameset><frame src=x></frameset>",
                "frameset",
                "published pages carry no script and embed no other page",
            ),
        ];
        for (html, name, why) in cases {
            let found = refused_at(&format!("{html}\n"));
            assert_eq!(
                found.first(),
                Some(&(1, format!("raw HTML `<{name}>` is not allowed; {why}"))),
                "{html}"
            );
        }
        assert_eq!(
            refused_at("<button formaction=x>b</button> <p srcdoc=x>\n"),
            [
                (1, "raw HTML attribute `formaction` is not allowed; published pages collect no input".to_string()),
                (1, "raw HTML attribute `srcdoc` is not allowed; published pages embed no other page".to_string()),
            ]
        );
    }

    #[test]
    fn tags_split_across_lines_are_read_whole() {
        assert_eq!(
            refused_at("intro\n\n<div>\n<img src=x\nONERROR\n=alert(1)>\n</div>\n"),
            // The line the tag ends on, where the tokenizer has read it whole.
            [(
                6,
                format!("raw HTML attribute `onerror` is not allowed; {NO_JS}")
            )]
        );
        assert_eq!(
            refused_at("> <img src=x\n> onerror=alert(1)>\n"),
            [(
                2,
                format!("raw HTML attribute `onerror` is not allowed; {NO_JS}")
            )]
        );
    }

    #[test]
    fn raw_html_left_open_is_refused() {
        let open = "raw HTML is left open: an unfinished tag, an unclosed comment, or a \
                    `<textarea>`, `<title>` or other element whose text runs on; expected it \
                    closed before the HTML ends (an HTML block ends at a blank line)";
        // The paragraph's text would become attributes of the unfinished tag.
        assert_eq!(
            refused_at("<div title=\n\nx onmouseover=alert(1)\n"),
            [(1, open.to_string())]
        );
        // The browser reads what follows as the title's text, where `<!--` starts no
        // comment: the inline comment would hide the `<img>` from a check of it alone.
        assert_eq!(
            refused_at("<title>\n\n<!--</title><img src=x onerror=alert(1)>-->\n"),
            [(1, open.to_string())]
        );
        // A `<textarea>` block runs to its closing tag, blank lines and all: closed.
        assert!(refused_at("<textarea>\n\n<!--</textarea><b>-->\n").is_empty());
        assert_eq!(refused_at("<!-- note\n"), [(1, open.to_string())]);
        // A comment hides nothing from the check inside a raw-text element.
        assert_eq!(
            refused_at("<textarea><!--</textarea><img src=x onerror=alert(1)>--></textarea>\n"),
            [(
                1,
                format!("raw HTML attribute `onerror` is not allowed; {NO_JS}")
            )]
        );
    }

    #[test]
    fn heading_attributes_are_checked_as_the_tag_they_become() {
        assert_eq!(
            refused_at("# Title {onclick=alert(1)}\n\n## Other {x/onmouseover=alert(1)}\n"),
            [
                (
                    1,
                    format!("raw HTML attribute `onclick` is not allowed; {NO_JS}")
                ),
                (
                    3,
                    format!("raw HTML attribute `onmouseover` is not allowed; {NO_JS}")
                ),
            ]
        );
        assert!(refused_at("## a {#a .b lang=en}\n").is_empty());
    }

    #[test]
    fn pasted_html_still_renders() {
        let md = "<table class=\"x\">\n<tr><td style=\"color:red\" colspan=2>1</td></tr>\n</table>\n\n\
                  Text <span lang=en>word</span> <a href=\"https://example.jp/a?b=1&amp;c=2\" title=\"one online\">l</a>\n\n\
                  <details><summary>s</summary>\n\nbody\n\n</details>\n\n<!-- a note -->\n\n\
                  <img src=\"chart.png\" alt=\"javascript is off\" width=10>\n";
        let r = render(md);
        assert!(r.refused.is_empty(), "{:?}", r.refused);
        assert!(r.html.contains("<td style=\"color:red\" colspan=2>1</td>"));
        assert!(r.html.contains("<details><summary>s</summary>"));
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
