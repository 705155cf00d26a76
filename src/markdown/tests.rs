//! What rendering a body gives: its HTML, summary and headings, and what it refuses.

use super::*;
use crate::base::text::line_of;

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
            .map(|r| r.message.to_string())
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
pub(super) fn refused_at(md: &str) -> Vec<(usize, String)> {
    render(md)
        .refused
        .into_iter()
        .map(|r| (line_of(md, r.offset), r.message.to_string()))
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
                format!("link to `javascript:alert(1)`: javascript: URLs are not allowed; {NO_JS}")
            ),
            (
                3,
                // The tab the browser drops is shown, escaped, where it hides.
                format!(
                    "link to `java\\u{{9}}script:x`: javascript: URLs are not allowed; {NO_JS}"
                )
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
            (
                1,
                "raw HTML attribute `formaction` is not allowed; published pages collect no input"
                    .to_string()
            ),
            (
                1,
                "raw HTML attribute `srcdoc` is not allowed; published pages embed no other page"
                    .to_string()
            ),
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
    assert!(refused_at("<textarea>\n\n<!--</textarea><b>--></b>\n").is_empty());
    assert_eq!(refused_at("<!-- note\n"), [(1, open.to_string())]);
    // A comment hides nothing from the check inside a raw-text element.
    assert_eq!(
        refused_at("<textarea><!--</textarea><img src=x onerror=alert(1)>--></textarea>\n"),
        [
            (
                1,
                format!("raw HTML attribute `onerror` is not allowed; {NO_JS}")
            ),
            (
                1,
                "raw HTML `</textarea>` closes an element the body has not opened; expected \
                 it removed, or the `<textarea>` it closes written before it"
                    .to_string()
            )
        ]
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
    let texts: Vec<(usize, String)> = r
        .refused
        .iter()
        .map(|r| (r.offset, r.message.to_string()))
        .collect();
    let refused: Vec<(usize, &str)> = texts.iter().map(|(o, t)| (*o, t.as_str())).collect();
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

#[test]
fn repeated_headings_step_around_ids_already_taken() {
    let r = render("## a\n\n## a\n\n## a {#a-3}\n\n## a\n\n## a-2\n\n## a\n");
    assert!(r.refused.is_empty(), "{:?}", r.refused);
    let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["a", "a-2", "a-3", "a-4", "a-2-2", "a-5"]);
}

#[test]
fn twenty_thousand_identical_headings_are_numbered_in_order() {
    // The input that took the quadratic de-duplication 14–19 s (the fuzzer's corpus
    // holds it too: fuzz/seeds/render_site/headings-20000).
    let r = render(&"## 同じ見出し\n\n".repeat(20_000));
    assert_eq!(r.headings.len(), 20_000);
    assert_eq!(r.headings[0].id, "同じ見出し");
    for (i, heading) in r.headings.iter().enumerate().skip(1) {
        assert_eq!(heading.id, format!("同じ見出し-{}", i + 1));
    }
}
