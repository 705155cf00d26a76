//! Hostile input through the whole build: raw HTML that would put script, another
//! page or a form on a published page is refused with its file and line, and nothing
//! is written; pasted HTML that does none of that is published as written. Also the
//! inputs the fuzzer (fuzz/, `scripts/fuzz`) found, each kept as a regression test.

use crate::support::TestSite;

const FIRST: &str = "content/announcements/first.md";

/// first.md of the basic fixture with `body` after its front matter (which ends on
/// line 6, so the body's first line is line 7).
fn first_with_body(body: &str) -> String {
    format!(
        "+++\ntitle = \"システム障害のお知らせ（第1報）\"\ndate = 2023-06-05T10:00:00+09:00\n\
         channel = \"pr\"\nnumber = 1\n+++\n{body}"
    )
}

fn refused_body(body: &str) -> Vec<String> {
    let body = body.to_string();
    TestSite::basic().refused(move |s| {
        s.write(FIRST, &first_with_body(&body));
    })
}

const NO_JS: &str = "published pages carry no JavaScript";

#[test]
fn raw_html_left_open_or_closed_unopened_is_refused_in_both_languages() {
    let site = TestSite::basic();
    let problems = site.refused_with(|s| {
        s.write(
            FIRST,
            &first_with_body("本文。\n\n<select>\n<option>a\n\n電話は <s>0120 です。\n\n</div>\n"),
        );
    });
    let en: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        en,
        [
            format!(
                "{FIRST}:9: raw HTML `<select>` is never closed, so it would take over the rest \
                 of the page (the list of announcements, the contact desks, the footer); \
                 expected `</select>` later in the body"
            ),
            format!(
                "{FIRST}:12: raw HTML `<s>` is never closed, so it would take over the rest of \
                 the page (the list of announcements, the contact desks, the footer); expected \
                 `</s>` later in the body"
            ),
            format!(
                "{FIRST}:14: raw HTML `</div>` closes an element the body has not opened; \
                 expected it removed, or the `<div>` it closes written before it"
            ),
        ]
    );
    assert_eq!(
        problems[1].text(crisis_site::MessageLang::Ja),
        format!(
            "{FIRST}:12: 本文の HTML の「<s>」が閉じられていません。このままではページの残り\
             （発表の一覧、お問い合わせ窓口、フッター）がこの要素に飲み込まれます。本文の後ろに\
             「</s>」を書いてください。"
        )
    );
}

#[test]
fn an_entity_spelled_script_url_is_refused() {
    assert_eq!(
        refused_body("本文。\n\n<a href=\"jav&#x61;script&colon;alert(1)\">詳細</a>\n"),
        [format!(
            "{FIRST}:9: raw HTML `href` with a javascript: URL is not allowed; {NO_JS}"
        )]
    );
}

#[test]
fn a_handler_on_a_tag_split_across_lines_is_refused_at_its_line() {
    assert_eq!(
        refused_body(
            "本文。\n\n<div>\n<img src=\"chart.png\"\n  OnError=alert(1)\n  alt=\"\">\n</div>\n"
        ),
        [format!(
            "{FIRST}:12: raw HTML attribute `onerror` is not allowed; {NO_JS}"
        )]
    );
}

#[test]
fn svg_with_script_inside_is_refused() {
    assert_eq!(
        refused_body("<svg><script>alert(1)</script></svg>\n"),
        [
            format!(
                "{FIRST}:7: raw HTML `<script>` is not allowed; published pages carry no script \
                 and embed no other page"
            ),
            format!(
                "{FIRST}:7: raw HTML `<svg>` is not allowed; SVG and MathML inside HTML are read by \
                 other parsing rules, where script hides from this check; show the figure with \
                 `<img src=\"FILE.svg\">` instead"
            ),
        ]
    );
}

#[test]
fn a_meta_refresh_and_a_form_are_refused() {
    assert_eq!(
        refused_body(
            "<meta http-equiv=refresh content=\"0;url=https://evil.example/\">\n\n\
             本文。\n\n<form action=\"https://evil.example/\"><input name=pw></form>\n"
        ),
        [
            format!(
                "{FIRST}:7: raw HTML `<meta>` is not allowed; it could redirect the page or \
                 change its rules"
            ),
            format!(
                "{FIRST}:11: raw HTML `<form>` is not allowed; published pages collect no input; \
                 link to the form's own page instead"
            ),
        ]
    );
}

#[test]
fn an_unfinished_tag_that_would_take_the_next_paragraph_as_attributes_is_refused() {
    assert_eq!(
        refused_body("<div title=\n\nx onmouseover=alert(1) y\n"),
        [format!(
            "{FIRST}:7: raw HTML is left open: an unfinished tag, an unclosed comment, or a \
             `<textarea>`, `<title>` or other element whose text runs on; expected it closed \
             before the HTML ends (an HTML block ends at a blank line)"
        )]
    );
}

#[test]
fn heading_attributes_are_held_to_the_same_rules() {
    assert_eq!(
        refused_body("## 今後の対応 {onclick=alert(1)}\n"),
        [format!(
            "{FIRST}:7: raw HTML attribute `onclick` is not allowed; {NO_JS}"
        )]
    );
}

#[test]
fn the_overview_is_held_to_the_same_rules() {
    let problems = TestSite::basic().refused(|s| {
        s.write(
            "content/_index.md",
            "+++\ntitle = \"本件の概要\"\n+++\n[詳細](VBScript:msgbox)\n",
        );
    });
    assert_eq!(
        problems,
        [format!(
            "content/_index.md:4: link to `VBScript:msgbox`: vbscript: URLs are not allowed; {NO_JS}"
        )]
    );
}

#[test]
fn pasted_html_that_runs_nothing_is_published_as_written() {
    let site = TestSite::basic();
    site.write(
        FIRST,
        &first_with_body(
            "本文。\n\n<table class=\"notice\">\n<tr><td style=\"color:#c00\" colspan=2>停止中</td></tr>\n</table>\n\n\
             <details><summary>経緯</summary>\n\n詳細。\n\n</details>\n\n\
             <a href=\"https://example.jp/?a=1&amp;b=2\" title=\"online\">外部</a> \
             ![図](data:image/png;base64,iVBORw0KGgo=)\n",
        ),
    );
    site.built();
    let page = site.page("announcements/first/index.html");
    assert_eq!(page.text("td[style=\"color:#c00\"]"), "停止中");
    assert_eq!(page.text("details summary"), "経緯");
    assert_eq!(
        page.attr("a[title=online]", "href"),
        "https://example.jp/?a=1&b=2"
    );
    assert_eq!(
        page.attr("img[alt=図]", "src"),
        "data:image/png;base64,iVBORw0KGgo="
    );
}

/// Found by the fuzzer: a NUL (TOML `\u0000`) in a translated site title made
/// en/status.svg ill-formed XML. The badge now leaves out what XML cannot hold.
#[test]
fn a_control_character_in_the_site_title_leaves_the_badge_well_formed() {
    let site = TestSite::basic();
    site.edit(
        "site.toml",
        "title = \"Special page on the test incident\"",
        "title = \"Special page on \\u0000 st\\u0001 incident\"",
    );
    site.built();
    for path in ["status.svg", "en/status.svg"] {
        let svg = site.read(path);
        let doc = roxmltree::Document::parse(&svg)
            .unwrap_or_else(|e| panic!("{path} is not well-formed: {e}"));
        if path.starts_with("en/") {
            let title = doc
                .descendants()
                .find(|n| n.tag_name().name() == "title")
                .and_then(|n| n.text())
                .unwrap();
            // The NUL and U+0001 left out, nothing else.
            assert_eq!(
                title,
                "Special page on  st incident | Current status: Responding"
            );
        }
    }
}
