//! Attachments and static files are data, not code. A browser runs what an SVG, XHTML
//! or XML file holds when it is opened from a page's link (scripts, event handlers,
//! `javascript:` URLs, HTML inside `<foreignObject>`), and what an HTML file holds; so
//! such a file is refused, naming what it holds, rather than published in a form that
//! would run. XML is read with quick-xml (entities decoded as the browser decodes
//! them), HTML with html5ever's tokenizer (as the browser reads it), never with
//! patterns. A file that cannot be read as XML is refused too, since what it would
//! run cannot be told; a compressed SVG (`.svgz`) cannot be read at all.

use std::cell::RefCell;
use std::path::Path;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, StartTag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use quick_xml::events::Event;

use crate::base::{Message, Problem};
use crate::msg;

/// How a file is read to see whether it would run: by its extension, as hosts serve it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Xml,
    Html,
    Compressed,
}

fn kind_of(name: &str) -> Option<Kind> {
    let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
    match extension.as_str() {
        "svg" | "xhtml" | "xht" | "xml" => Some(Kind::Xml),
        "html" | "htm" | "shtml" => Some(Kind::Html),
        "svgz" => Some(Kind::Compressed),
        _ => None,
    }
}

/// The problem of the attachment or static file `name` at `absolute` (shown as
/// `shown`) if it would run in a browser, or cannot be read to tell. Only the kinds
/// of file a browser runs are read.
pub fn refused_file(name: &str, absolute: &Path, shown: &Path) -> Option<Problem> {
    let kind = kind_of(name)?;
    if kind == Kind::Compressed {
        return Some(Problem::in_file(shown, msg!("load-active-compressed")));
    }
    let bytes = match std::fs::read(absolute) {
        Ok(bytes) => bytes,
        Err(e) => {
            let cause = e.to_string();
            return Some(Problem::in_file(shown, msg!("load-unreadable", cause)));
        }
    };
    let (line, message) = match kind {
        Kind::Xml => active_xml(&bytes)?,
        _ => active_html(&String::from_utf8_lossy(&bytes))?,
    };
    Some(Problem::at(shown, line as usize, message))
}

/// Why `what`, found in a file, would run.
fn active(what: impl Into<String>) -> Message {
    msg!("load-active-file", what = what.into())
}

/// Whether an attribute value holds a script URL: browsers drop whitespace and
/// control characters in URLs and ignore the scheme's case; a `javascript:` anywhere
/// (a refresh's `0;url=javascript:…`) is refused.
fn script_url(value: &str) -> bool {
    let value: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect();
    value.contains("javascript:") || value.contains("vbscript:")
}

/// Elements that run script or hold a document of their own.
const ACTIVE_ELEMENTS: &[&str] = &[
    "script",
    "foreignobject",
    "handler",
    "iframe",
    "frame",
    "object",
    "embed",
    "applet",
];

/// The first thing in an XML file (SVG, XHTML) that would run, by line.
fn active_xml(bytes: &[u8]) -> Option<(u64, Message)> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buf = Vec::new();
    let line = |reader: &quick_xml::Reader<&[u8]>| {
        let at = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        1 + bytes[..at.min(bytes.len())]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64
    };
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(event) => event,
            Err(e) => {
                let cause = e.to_string();
                return Some((line(&reader), msg!("load-active-unreadable", cause)));
            }
        };
        let found = match &event {
            Event::Eof => return None,
            Event::Start(tag) | Event::Empty(tag) => {
                let name = String::from_utf8_lossy(tag.local_name().as_ref()).into_owned();
                if ACTIVE_ELEMENTS.contains(&name.to_ascii_lowercase().as_str()) {
                    Some(active(format!("<{name}>")))
                } else {
                    active_xml_attribute(tag, reader.decoder())
                }
            }
            // An internal subset may declare entities that expand to anything.
            Event::DocType(doctype) if doctype.contains(&b'[') => Some(active("<!DOCTYPE [ … ]>")),
            // A style sheet of XSLT writes a document of its own.
            Event::PI(pi) if pi.target() == b"xml-stylesheet" => Some(active("<?xml-stylesheet?>")),
            _ => None,
        };
        if let Some(message) = found {
            return Some((line(&reader), message));
        }
        buf.clear();
    }
}

/// Why an attribute of `tag` would run, if one would: an event handler (`on…`), or a
/// script URL once its entities are decoded.
fn active_xml_attribute(
    tag: &quick_xml::events::BytesStart,
    decoder: quick_xml::encoding::Decoder,
) -> Option<Message> {
    for attribute in tag.attributes() {
        let attribute = match attribute {
            Ok(attribute) => attribute,
            Err(e) => return Some(msg!("load-active-unreadable", cause = e.to_string())),
        };
        let name = String::from_utf8_lossy(attribute.key.local_name().as_ref()).into_owned();
        if name.len() > 2 && name.to_ascii_lowercase().starts_with("on") {
            return Some(active(format!("{name}=")));
        }
        let value = match attribute
            .decoded_and_normalized_value(quick_xml::XmlVersion::Implicit1_0, decoder)
        {
            Ok(value) => value,
            Err(e) => return Some(msg!("load-active-unreadable", cause = e.to_string())),
        };
        if script_url(&value) {
            return Some(active(format!("{name}=\"{value}\"")));
        }
    }
    None
}

/// The first start tag of an HTML file that would run, by line.
#[derive(Default)]
struct ActiveSink {
    found: RefCell<Option<(u64, Message)>>,
}

impl TokenSink for ActiveSink {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        if tag.kind != StartTag || self.found.borrow().is_some() {
            return TokenSinkResult::Continue;
        }
        let found = if ACTIVE_ELEMENTS.contains(&&*tag.name) {
            Some(active(format!("<{}>", &*tag.name)))
        } else {
            tag.attrs.iter().find_map(|a| {
                let name = &*a.name.local;
                if (name.len() > 2 && name.starts_with("on")) || name == "srcdoc" {
                    Some(active(format!("{name}=")))
                } else if script_url(&a.value) {
                    Some(active(format!("{name}=\"{}\"", &*a.value)))
                } else {
                    None
                }
            })
        };
        *self.found.borrow_mut() = found.map(|m| (line, m));
        TokenSinkResult::Continue
    }
}

/// The first thing in an HTML file that would run, by line.
fn active_html(html: &str) -> Option<(u64, Message)> {
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(ActiveSink::default(), TokenizerOpts::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.found.take()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn what(found: Option<(u64, Message)>) -> Option<(u64, String)> {
        found.map(|(line, m)| (line, m.to_string()))
    }

    #[test]
    fn svg_that_would_run_is_found_with_its_line_and_drawings_pass() {
        let svg = |s: &str| active_xml(s.as_bytes()).map(|(line, m)| (line, m.id()));
        let drawing = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\">\
                       <a href=\"https://example.jp/\"><rect width=\"1\" height=\"1\"/></a></svg>";
        assert_eq!(svg(drawing), None);
        for (text, line) in [
            ("<svg>\n<script>alert(1)</script></svg>", 2),
            ("<svg>\n\n<SCRIPT/></svg>", 3),
            (
                "<svg xmlns:h=\"http://www.w3.org/1999/xhtml\"><h:script/></svg>",
                1,
            ),
            ("<svg onload=\"alert(1)\"/>", 1),
            ("<svg><rect OnClick=\"x\"/></svg>", 1),
            ("<svg><a href=\"javascript:alert(1)\"/></svg>", 1),
            ("<svg><a xlink:href=\" JaVa&#x09;script:x\"/></svg>", 1),
            ("<svg><a href=\"&#106;avascript:x\"/></svg>", 1),
            (
                "<svg><set attributeName=\"href\" to=\"javascript:x\"/></svg>",
                1,
            ),
            ("<svg><foreignObject><div/></foreignObject></svg>", 1),
            ("<!DOCTYPE svg [<!ENTITY x \"y\">]><svg/>", 1),
            ("<?xml-stylesheet href=\"a.xsl\"?><svg/>", 1),
            ("<svg><a href=\"&undefined;\"/></svg>", 1),
            ("<svg><unclosed></svg>", 1),
        ] {
            assert_eq!(svg(text).map(|(l, _)| l), Some(line), "{text}");
        }
        assert_eq!(
            what(active_xml(b"<svg onload=\"alert(1)\"/>")).unwrap().1,
            "holds `onload=`, which would run as a program in the reader's browser when the \
             file is opened from the page; an attachment or a static file must be data: remove \
             it, or publish the file as PDF or PNG"
        );
    }

    #[test]
    fn html_that_would_run_is_found_as_a_browser_reads_it() {
        assert_eq!(
            what(active_html("<p>A notice</p><a href=\"x.pdf\">x</a>")),
            None
        );
        for (text, line) in [
            ("<p>\n<script>x</script>", 2),
            ("<P>\n\n<ScRiPt>x</script>", 3),
            ("<img src=x onerror=alert(1)>", 1),
            ("<a href=\"&#106;avascript:x\">x</a>", 1),
            (
                "<meta http-equiv=refresh content=\"0;url=javascript:x\">",
                1,
            ),
            ("<iframe srcdoc=\"&lt;b&gt;\"></iframe>", 1),
            ("<div srcdoc=x>", 1),
            ("<svg><foreignObject></foreignObject></svg>", 1),
        ] {
            assert_eq!(
                what(active_html(text)).map(|(l, _)| l),
                Some(line),
                "{text}"
            );
        }
    }

    #[test]
    fn only_the_kinds_a_browser_runs_are_read() {
        assert_eq!(kind_of("map.SVG"), Some(Kind::Xml));
        assert_eq!(kind_of("notice.htm"), Some(Kind::Html));
        assert_eq!(kind_of("map.svgz"), Some(Kind::Compressed));
        assert_eq!(kind_of("report.pdf"), None);
        assert_eq!(kind_of("README"), None);
    }
}
