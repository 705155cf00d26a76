//! An announcement's body as the PDF layouts read it: the HTML the web page shows,
//! as a tree of elements and texts. Made from the page's own HTML, so that the PDF
//! and the page say the same words; every text stays data, never typst markup.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use serde::Serialize;
use unicode_width::UnicodeWidthChar;

/// A piece of the body: a text, or an element with its children.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Node {
    /// Text as a reader sees it: entities decoded, white space as a browser shows it.
    Text(String),
    /// An element.
    Element(Element),
}

/// An HTML element of the body, with what the layouts need of its attributes.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Element {
    /// Its tag name, lowercase (`p`, `h2`, `table`, `a`, …).
    pub tag: String,
    /// A link's address, absolute, where the PDF can follow it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    /// An image's text alternative.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    /// A table cell's alignment (`left`, `center`, `right`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub align: Option<String>,
    /// The first number of an ordered list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<u32>,
    /// The whole text of a `code` or `pre`, white space kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A table's header rows and body rows, each a list of cells (`th`, `td`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub head: Option<Vec<Vec<Element>>>,
    /// See `head`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows: Option<Vec<Vec<Element>>>,
    /// Its children.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub c: Vec<Node>,
}

/// Elements without an end tag.
const VOID: [&str; 10] = [
    "br", "hr", "img", "wbr", "input", "col", "area", "source", "meta", "link",
];

/// Elements whose children are blocks, between which white space means nothing.
const CONTAINERS: [&str; 11] = [
    "ul",
    "ol",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "dl",
    "div",
    "section",
];

/// Elements whose text starts and ends a block: white space at their edges is not
/// shown.
const BLOCKS: [&str; 12] = [
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd",
];

/// The body's HTML as a tree. `link` makes a link's address absolute, or says it
/// cannot be followed from a PDF (`None`: the text stays, without a link).
pub fn tree(html: &str, link: &dyn Fn(&str) -> Option<String>) -> Vec<Node> {
    let sink = Sink {
        stack: RefCell::new(vec![Element::default()]),
        link,
    };
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let mut stack = tokenizer.sink.stack.into_inner();
    while stack.len() > 1 {
        close(&mut stack);
    }
    let mut root = stack.pop().expect("the root stays on the stack");
    tidy(&mut root, true, 0);
    root.c
}

struct Sink<'a> {
    stack: RefCell<Vec<Element>>,
    link: &'a dyn Fn(&str) -> Option<String>,
}

impl TokenSink for Sink<'_> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut stack = self.stack.borrow_mut();
        match token {
            TagToken(tag) if tag.kind == TagKind::StartTag => {
                let name = tag.name.to_string();
                let attr = |wanted: &str| {
                    tag.attrs
                        .iter()
                        .find(|a| &*a.name.local == wanted)
                        .map(|a| a.value.trim().to_string())
                };
                let element = Element {
                    href: attr("href").and_then(|h| (self.link)(&h)),
                    alt: attr("alt"),
                    align: attr("align").or_else(|| attr("style").and_then(|s| align_of(&s))),
                    start: attr("start").and_then(|s| s.parse().ok()),
                    tag: name.clone(),
                    ..Element::default()
                };
                if VOID.contains(&name.as_str()) || tag.self_closing {
                    push(&mut stack, Node::Element(element));
                } else {
                    stack.push(element);
                }
                // Their text is not the body's words.
                if matches!(name.as_str(), "script" | "style" | "template") {
                    return TokenSinkResult::RawData(RawKind::Rawtext);
                }
            }
            TagToken(tag) => {
                let name = &*tag.name;
                if let Some(at) = stack.iter().rposition(|e| e.tag == name)
                    && at > 0
                {
                    while stack.len() > at {
                        close(&mut stack);
                    }
                }
            }
            Token::CharacterTokens(text) => {
                let parent = stack.last_mut().expect("the root stays on the stack");
                if let Some(Node::Text(last)) = parent.c.last_mut() {
                    last.push_str(&text);
                } else {
                    parent.c.push(Node::Text(text.to_string()));
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Adds `node` to the element being read.
fn push(stack: &mut [Element], node: Node) {
    stack
        .last_mut()
        .expect("the root stays on the stack")
        .c
        .push(node);
}

/// Ends the element being read, leaving out what readers never see.
fn close(stack: &mut Vec<Element>) {
    let element = stack
        .pop()
        .expect("only elements above the root are closed");
    if !matches!(element.tag.as_str(), "script" | "style" | "template") {
        push(stack, Node::Element(element));
    }
}

/// `text-align: right` as pulldown-cmark writes a column's alignment.
fn align_of(style: &str) -> Option<String> {
    let value = style.split(';').find_map(|d| {
        let (key, value) = d.split_once(':')?;
        (key.trim() == "text-align").then(|| value.trim().to_string())
    })?;
    ["left", "center", "right"]
        .contains(&value.as_str())
        .then_some(value)
}

/// How deep elements nest in a PDF: a body nested deeper (quotes in quotes, lists in
/// lists, which the web page shows) keeps its words, as one paragraph at this depth,
/// rather than take a layout past typst's limit of nested calls.
const MAX_DEPTH: usize = 16;

/// White space as a browser shows it, and tables as rows of cells.
fn tidy(element: &mut Element, container: bool, depth: usize) {
    if depth >= MAX_DEPTH && !element.c.is_empty() {
        let text = collapse(&text_of(&element.c));
        *element = Element {
            tag: "p".to_string(),
            c: vec![Node::Text(text.trim().to_string())],
            ..Element::default()
        };
        return;
    }
    if matches!(element.tag.as_str(), "pre" | "code") {
        element.text = Some(text_of(&element.c));
        element.c.clear();
        return;
    }
    let container = container || CONTAINERS.contains(&element.tag.as_str());
    for node in &mut element.c {
        match node {
            Node::Text(text) => *text = collapse(text),
            Node::Element(child) => tidy(child, false, depth + 1),
        }
    }
    if container {
        element
            .c
            .retain(|n| !matches!(n, Node::Text(t) if t.trim().is_empty()));
    }
    if BLOCKS.contains(&element.tag.as_str()) {
        trim_edges(&mut element.c);
    }
    if element.tag == "table" {
        table_rows(element);
    }
}

/// Runs of white space as one space; a line break between two East Asian wide
/// characters as nothing, as CSS Text says of a segment break between them.
fn collapse(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_whitespace() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_whitespace() {
            i += 1;
        }
        let has_break = chars[start..i].contains(&'\n');
        let wide = |c: Option<&char>| c.is_some_and(|c| c.width() == Some(2));
        let between_wide =
            wide(start.checked_sub(1).and_then(|p| chars.get(p))) && wide(chars.get(i));
        if !(has_break && between_wide) {
            out.push(' ');
        }
    }
    out
}

/// Drops the white space at the start and end of a block's text.
fn trim_edges(nodes: &mut Vec<Node>) {
    if let Some(Node::Text(first)) = nodes.first_mut() {
        *first = first.trim_start().to_string();
    }
    if let Some(Node::Text(last)) = nodes.last_mut() {
        *last = last.trim_end().to_string();
    }
    nodes.retain(|n| !matches!(n, Node::Text(t) if t.is_empty()));
}

/// A table's rows of cells, header rows apart.
fn table_rows(table: &mut Element) {
    let (mut head, mut rows) = (Vec::new(), Vec::new());
    for node in std::mem::take(&mut table.c) {
        let Node::Element(part) = node else { continue };
        let in_head = part.tag == "thead";
        let trs = if part.tag == "tr" {
            vec![part]
        } else {
            part.c
                .into_iter()
                .filter_map(|n| match n {
                    Node::Element(tr) if tr.tag == "tr" => Some(tr),
                    _ => None,
                })
                .collect()
        };
        for tr in trs {
            let cells: Vec<Element> =
                tr.c.into_iter()
                    .filter_map(|n| match n {
                        Node::Element(cell) if cell.tag == "th" || cell.tag == "td" => Some(cell),
                        _ => None,
                    })
                    .collect();
            if in_head { &mut head } else { &mut rows }.push(cells);
        }
    }
    table.head = Some(head);
    table.rows = Some(rows);
}

/// The text of nodes, white space kept.
fn text_of(nodes: &[Node]) -> String {
    nodes
        .iter()
        .map(|n| match n {
            Node::Text(t) => t.clone(),
            Node::Element(e) => e.text.clone().unwrap_or_else(|| text_of(&e.c)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Node {
        Node::Text(s.to_string())
    }

    #[test]
    fn a_line_break_between_japanese_characters_is_nothing() {
        assert_eq!(collapse("当社は、\n本日"), "当社は、本日");
        assert_eq!(collapse("the\n company"), "the company");
        assert_eq!(collapse("第5報\nThe"), "第5報 The");
    }

    #[test]
    fn paragraphs_links_and_tables_become_a_tree() {
        let html = "<p>お知らせ <strong>重要</strong>\n<a href=\"../x/\">次</a></p>\n\
                    <table><thead><tr><th>A</th><th style=\"text-align: right\">B</th></tr></thead>\
                    <tbody><tr><td>1</td><td style=\"text-align: right\">2</td></tr></tbody></table>\n\
                    <script>alert(1)</script><p>&amp;&lt;</p>";
        let nodes = tree(html, &|h| Some(format!("https://x.jp/a/{h}")));
        let Node::Element(p) = &nodes[0] else {
            panic!()
        };
        assert_eq!(p.tag, "p");
        assert_eq!(p.c[0], text("お知らせ "));
        let Node::Element(a) = &p.c[3] else { panic!() };
        assert_eq!(a.href.as_deref(), Some("https://x.jp/a/../x/"));
        let Node::Element(table) = &nodes[1] else {
            panic!()
        };
        let head = table.head.as_ref().unwrap();
        assert_eq!(head[0][1].align.as_deref(), Some("right"));
        assert_eq!(table.rows.as_ref().unwrap()[0][0].c, vec![text("1")]);
        assert_eq!(nodes.len(), 3, "the script is not a node: {nodes:?}");
        let Node::Element(last) = &nodes[2] else {
            panic!()
        };
        assert_eq!(last.c, vec![text("&<")]);
    }

    #[test]
    fn a_body_nested_past_the_limit_keeps_its_words() {
        let html = format!(
            "{}深い{}",
            "<blockquote>".repeat(200),
            "</blockquote>".repeat(200)
        );
        let nodes = tree(&html, &|_| None);
        let mut node = &nodes[0];
        let mut depth = 1;
        while let Node::Element(e) = node {
            if e.tag == "p" {
                assert_eq!(e.c, vec![text("深い")]);
                break;
            }
            node = &e.c[0];
            depth += 1;
        }
        assert_eq!(depth, MAX_DEPTH);
    }

    #[test]
    fn code_keeps_its_white_space() {
        let nodes = tree("<pre><code>a  b\n c</code></pre>", &|_| None);
        let Node::Element(pre) = &nodes[0] else {
            panic!()
        };
        assert_eq!(pre.text.as_deref(), Some("a  b\n c"));
    }
}
