//! What the output rules need from a built page, read with html5ever's tokenizer:
//! the URLs it links to, the ids it offers as anchors, its `<base>`, its stylesheets
//! and any script element. A tokenizer, not a tree: the rules need attributes and
//! lines, never the document's structure.

use std::cell::RefCell;
use std::collections::BTreeSet;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, StartTag, Tag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
    TokenizerOpts,
};

/// A URL in an attribute of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The attribute's value, entities decoded, surrounding whitespace removed.
    pub url: String,
    /// The line of the page the element starts on.
    pub line: usize,
    /// Whether it is a `<link rel="stylesheet">`, whose bytes a page's weight counts.
    pub stylesheet: bool,
}

/// What one page holds that the output rules look at.
#[derive(Debug, Default)]
pub struct Scanned {
    /// Every `href`, `src`, `srcset` (each candidate) and `poster`, in order; not
    /// `<base href>`, which says where the page is rather than linking.
    pub links: Vec<Link>,
    /// Every `id`, and `name` of `<a>`: the fragments a link may target.
    pub ids: BTreeSet<String>,
    /// The first `<base href>`, against which the page's links resolve.
    pub base: Option<String>,
    /// The line of each `<script>` start tag.
    pub scripts: Vec<usize>,
}

struct Sink(RefCell<Scanned>);

impl Sink {
    fn tag(&self, tag: &Tag, line: usize) {
        let mut scanned = self.0.borrow_mut();
        let name = &*tag.name;
        let attr = |wanted: &str| {
            tag.attrs
                .iter()
                .find(|a| &*a.name.local == wanted)
                .map(|a| a.value.trim().to_string())
        };
        if name == "script" {
            scanned.scripts.push(line);
        }
        if let Some(id) = attr("id") {
            scanned.ids.insert(id);
        }
        if name == "a"
            && let Some(anchor) = attr("name")
        {
            scanned.ids.insert(anchor);
        }
        if name == "base" {
            if scanned.base.is_none() {
                scanned.base = attr("href");
            }
            return;
        }
        let stylesheet = name == "link"
            && attr("rel").is_some_and(|rel| {
                rel.split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("stylesheet"))
            });
        for a in &tag.attrs {
            let value = a.value.trim();
            match &*a.name.local {
                "href" | "src" | "poster" => scanned.links.push(Link {
                    url: value.to_string(),
                    line,
                    stylesheet,
                }),
                // `img.jpg 2x, big.jpg 800w`: the URL is each candidate's first word.
                "srcset" => {
                    for candidate in value.split(',') {
                        if let Some(url) = candidate.split_ascii_whitespace().next() {
                            scanned.links.push(Link {
                                url: url.to_string(),
                                line,
                                stylesheet: false,
                            });
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        if tag.kind != StartTag {
            return TokenSinkResult::Continue;
        }
        self.tag(&tag, usize::try_from(line).unwrap_or(usize::MAX));
        // Without a tree builder the tokenizer does not know which elements hold raw
        // text; told here, a `<` in a style sheet or a title is not read as a tag.
        match &*tag.name {
            "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
            _ => TokenSinkResult::Continue,
        }
    }
}

/// Reads a page (or a fragment, such as a feed entry's content).
pub fn scan(html: &str) -> Scanned {
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(
        Sink(RefCell::new(Scanned::default())),
        TokenizerOpts::default(),
    );
    // The sink never asks the tokenizer to stop for a script, so one feed reads all.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.take()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_ids_base_and_scripts_are_read_as_a_browser_would() {
        let scanned = scan(
            "<!DOCTYPE html><html><head><base href=\"/404.html\"><title>a <a href=x></title>\n\
             <link rel=\"preload stylesheet\" href=\"style.css\"><style>a<b{}</style></head>\n\
             <body><h1 id=top>t</h1><a name=old></a><a href=\"a.html?x=1&amp;y=2#top\">a</a>\n\
             <img src=\" i.png \" srcset=\"i.png 1x, big%20i.png 2x\"><script src=s.js></script>",
        );
        let links: Vec<(&str, usize, bool)> = scanned
            .links
            .iter()
            .map(|l| (l.url.as_str(), l.line, l.stylesheet))
            .collect();
        assert_eq!(
            links,
            [
                ("style.css", 2, true),
                ("a.html?x=1&y=2#top", 3, false),
                ("i.png", 4, false),
                ("i.png", 4, false),
                ("big%20i.png", 4, false),
                ("s.js", 4, false),
            ]
        );
        assert_eq!(scanned.base.as_deref(), Some("/404.html"));
        assert_eq!(
            scanned.ids.iter().map(String::as_str).collect::<Vec<_>>(),
            ["old", "top"]
        );
        assert_eq!(scanned.scripts, [4]);
    }
}
