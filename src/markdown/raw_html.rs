//! The raw-HTML policy: raw HTML in a body is read with html5ever's tokenizer, as a
//! browser reads it, and whatever would run script, embed another page, collect input
//! or change the page around the body is refused. So are such links, and heading
//! attributes (`{…}`), which become attributes of the heading's tag.

use std::cell::{Cell, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, EOFToken, ParseError, StartTag, TagToken, Token, TokenSink, TokenSinkResult,
    Tokenizer, TokenizerOpts,
};
use pulldown_cmark::{Event, Tag, TagEnd, html};

use super::nesting::{Nesting, TagSeen};
use super::refused::Refused;
use crate::base::Message;
use crate::msg;

/// What a body's events say about its raw HTML, links and heading attributes, gathered
/// while the body is parsed: the refusals found on the way, and the pieces of raw HTML,
/// read whole once the body is parsed.
#[derive(Default)]
pub(super) struct RawScan {
    refused: Vec<Refused>,
    raw: Vec<RawHtml>,
    block: Option<RawHtml>,
    inline: Option<RawHtml>,
}

impl RawScan {
    /// Looks at one event of the body, which starts at byte `offset`.
    pub(super) fn see(&mut self, event: &Event, offset: usize) {
        if !is_inline(event) {
            self.raw.extend(self.inline.take());
        }
        match event {
            Event::Start(Tag::HtmlBlock) => self.block = Some(RawHtml::default()),
            Event::End(TagEnd::HtmlBlock) => self.raw.extend(self.block.take()),
            Event::Html(html) => self
                .block
                .get_or_insert_with(RawHtml::default)
                .push(html, offset),
            // A paragraph's (or heading's, or cell's) pieces of inline HTML are read
            // together: `<textarea>` in one and `</textarea>` in the next is one
            // element, and the markdown text between them is escaped, so it changes no
            // tokenizer state. A space stands in for it.
            Event::InlineHtml(html) => {
                let inline = self.inline.get_or_insert_with(RawHtml::default);
                if !inline.text.is_empty() {
                    inline.text.push(' ');
                }
                inline.push(html, offset);
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                if let Some(message) = refused_link(dest_url) {
                    self.refused.push(Refused { offset, message });
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
                for (_, message) in scan_raw(tag.trim_start()).found {
                    self.refused.push(Refused { offset, message });
                }
            }
            _ => {}
        }
    }

    /// Everything refused: what the events showed, then what the raw HTML of
    /// `markdown` (the whole body) holds.
    pub(super) fn finish(mut self, markdown: &str) -> Vec<Refused> {
        self.raw.extend(self.block);
        self.raw.extend(self.inline);
        let mut nesting = Nesting::default();
        for (piece, html) in self.raw.iter().enumerate() {
            let scanned = scan_raw(&html.text);
            for (line, message) in scanned.found {
                self.refused.push(Refused {
                    offset: html.offset_of_line(line, markdown),
                    message,
                });
            }
            for (line, start, name) in scanned.tags {
                let at = (piece, line);
                nesting.see(TagSeen { start, name, at });
            }
        }
        for ((piece, line), message) in nesting.finish() {
            self.refused.push(Refused {
                offset: self.raw[piece].offset_of_line(line, markdown),
                message,
            });
        }
        self.refused
    }
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
fn refused_element(name: &str) -> Option<Message> {
    Some(match name {
        "script" | "iframe" | "frame" | "frameset" | "object" | "embed" | "applet" | "portal"
        | "fencedframe" => msg!("markdown-no-script"),
        "svg" | "math" => msg!("markdown-no-svg"),
        "form" => msg!("markdown-no-form"),
        "base" => msg!("markdown-no-base"),
        "meta" => msg!("markdown-no-meta"),
        "link" => msg!("markdown-no-link"),
        "style" => msg!("markdown-no-style"),
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
fn refused_attribute(name: &str, value: &str) -> Option<Message> {
    if name.len() > 2 && name.starts_with("on") {
        return Some(msg!("markdown-event-attribute", attribute = name));
    }
    match name {
        "srcdoc" => return Some(msg!("markdown-srcdoc")),
        "formaction" => return Some(msg!("markdown-formaction")),
        _ => {}
    }
    // Script URLs are never meant in any attribute; data: URLs only where followed.
    match refused_scheme(value, URL_ATTRIBUTES.contains(&name))? {
        "data" => Some(msg!("markdown-data-attribute", attribute = name)),
        scheme => Some(msg!("markdown-script-attribute", attribute = name, scheme)),
    }
}

/// Why a markdown link or image may not point to `url`, if it may not.
fn refused_link(url: &str) -> Option<Message> {
    match refused_scheme(url, true)? {
        "data" => Some(msg!("markdown-data-link", url)),
        scheme => Some(msg!("markdown-script-link", url, scheme)),
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
    found: RefCell<Vec<(u64, Message)>>,
    /// Every start (`true`) and end tag, by line, the end mark's excepted.
    tags: RefCell<Vec<(u64, bool, String)>>,
    closed: Cell<bool>,
}

/// What one piece of raw HTML holds: its problems and its tags, by line.
struct Scanned {
    found: Vec<(u64, Message)>,
    tags: Vec<(u64, bool, String)>,
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
        let end_mark = tag.kind == StartTag && &*tag.name == END_MARK;
        self.closed.set(end_mark);
        if !end_mark {
            self.tags
                .borrow_mut()
                .push((line, tag.kind == StartTag, tag.name.to_string()));
        }
        if tag.kind != StartTag {
            return TokenSinkResult::Continue;
        }
        let problem = refused_element(&tag.name)
            .map(|why| msg!("markdown-element", element = &*tag.name, why))
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
/// hold and its tags, by line of `html`.
fn scan_raw(html: &str) -> Scanned {
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    input.push_back(StrTendril::from_slice(&format!("<{END_MARK}>")));
    let tokenizer = Tokenizer::new(RawSink::default(), TokenizerOpts::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let mut found = tokenizer.sink.found.take();
    let mut tags = tokenizer.sink.tags.take();
    if !tokenizer.sink.closed.get() {
        found.push((1, msg!("markdown-left-open")));
        // Read into the end mark: its tags are not the writer's, and this is the
        // problem to fix first.
        tags.clear();
    }
    Scanned { found, tags }
}
