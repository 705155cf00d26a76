//! Bad input: every problem is reported with file, line and what is expected, all
//! problems of a run together, and the previous output stays exactly as it was.

use crate::support::TestSite;

const ANN: &str = "content/announcements";

/// The problems of the basic fixture broken by `change` (see [`TestSite::refused`]).
fn refused(change: impl FnOnce(&TestSite)) -> Vec<String> {
    TestSite::basic().refused(change)
}

fn announcement(site: &TestSite, name: &str, text: &str) {
    site.write(&format!("{ANN}/{name}"), text);
}

#[test]
fn missing_front_matter() {
    let problems = refused(|s| announcement(s, "first.md", "# 見出しだけ\n"));
    assert_eq!(
        problems,
        [format!(
            "{ANN}/first.md:1: missing front matter; expected the file to start with a `+++` line, \
             then title, date and channel, then a closing `+++` line"
        )]
    );
}

#[test]
fn unclosed_front_matter() {
    let problems = refused(|s| announcement(s, "first.md", "+++\ntitle = \"t\"\n本文\n"));
    assert_eq!(
        problems,
        [format!(
            "{ANN}/first.md:1: front matter opened with `+++` is never closed; expected a second `+++` line after it"
        )]
    );
}

#[test]
fn yaml_front_matter() {
    let problems = refused(|s| announcement(s, "first.md", "---\ntitle: t\n---\n本文\n"));
    assert_eq!(
        problems,
        [format!(
            "{ANN}/first.md:1: front matter starts with `---` (YAML); expected TOML between `+++` lines"
        )]
    );
}

#[test]
fn malformed_toml_names_the_line() {
    let problems = refused(|s| {
        announcement(
            s,
            "first.md",
            "+++\ntitle = \"t\"\ndate = 2023-06-05T10:00:00+09:00\nchannel = pr\n+++\n",
        )
    });
    // Not the TOML reader's words ("string values must be quoted"): what to type.
    assert_eq!(
        problems,
        [format!(
            "{ANN}/first.md:4:11: text is written between quotes: channel = \"pr\""
        )]
    );
}

#[test]
fn missing_title() {
    let problems = refused(|s| {
        announcement(
            s,
            "first.md",
            "+++\ndate = 2023-06-05T10:00:00+09:00\nchannel = \"pr\"\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [format!("{ANN}/first.md:2: missing required key `title`")]
    );
}

#[test]
fn missing_date() {
    let problems =
        refused(|s| announcement(s, "first.md", "+++\ntitle = \"t\"\nchannel = \"pr\"\n+++\n"));
    assert_eq!(
        problems,
        [format!("{ANN}/first.md:2: missing required key `date`")]
    );
}

#[test]
fn date_that_does_not_parse() {
    let problems = refused(|s| {
        announcement(
            s,
            "first.md",
            "+++\ntitle = \"t\"\nchannel = \"pr\"\ndate = \"6月5日\"\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/first.md:4: `date`: `6月5日` is not a date-time; expected an RFC 3339 date-time such as \
             2023-06-06T17:00:00+09:00 (without the offset, the site's timezone is used)"
        )]
    );
}

#[test]
fn date_without_time() {
    let problems = refused(|s| {
        announcement(
            s,
            "first.md",
            "+++\ntitle = \"t\"\nchannel = \"pr\"\ndate = 2023-06-05\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/first.md:4: `date`: `2023-06-05` has no time of day; expected an RFC 3339 \
             date-time such as 2023-06-06T17:00:00+09:00 (without the offset, the site's \
             timezone is used)"
        )]
    );
}

#[test]
fn unknown_channel() {
    let problems = refused(|s| {
        announcement(
            s,
            "first.md",
            "+++\ntitle = \"t\"\ndate = 2023-06-05T10:00:00+09:00\nchannel = \"news\"\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/first.md:4: unknown channel `news`; expected \"ir\", \"pr\" or [\"ir\", \"pr\"]"
        )]
    );
}

#[test]
fn unknown_key_suggests_the_close_one() {
    let problems = refused(|s| {
        announcement(
            s,
            "first.md",
            "+++\ntitle = \"t\"\ndate = 2023-06-05T10:00:00+09:00\nchanel = \"pr\"\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/first.md:4: unknown key `chanel`; did you mean `channel`?"
        )]
    );
}

#[test]
fn two_files_with_the_same_slug() {
    let problems = refused(|s| {
        announcement(
            s,
            "first/index.md",
            "+++\ntitle = \"t\"\ndate = 2023-06-05T10:00:00+09:00\nchannel = \"pr\"\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/first.md: slug `first` is already used by {ANN}/first/index.md; expected one file per \
             announcement (NAME.md or NAME/index.md, not both)"
        )]
    );
}

#[test]
fn a_name_that_cannot_be_a_slug() {
    let problems = refused(|s| {
        announcement(
            s,
            "第3報.md",
            "+++\ntitle = \"t\"\ndate = 2023-06-05T10:00:00+09:00\nchannel = \"pr\"\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/第3報.md: `第3報` cannot be a slug (the announcement's URL); expected a name \
             of lowercase letters a-z, digits, `-` and `_`, such as `2023-06-06-first-notice`"
        )]
    );
}

#[test]
fn undeclared_key_report() {
    let problems = refused(|s| {
        announcement(
            s,
            "first.md",
            "+++\ntitle = \"t\"\ndate = 2023-06-05T10:00:00+09:00\nchannel = \"pr\"\nkey_report = \"investigaton\"\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/first.md:5: key report `investigaton` is not declared in site.toml; did you mean `investigation`?"
        )]
    );
}

#[test]
fn two_announcements_claiming_one_key_report() {
    let problems = refused(|s| {
        announcement(
            s,
            "first.md",
            "+++\ntitle = \"t\"\ndate = 2023-06-08T10:00:00+09:00\nchannel = \"pr\"\nkey_report = \"investigation\"\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/first.md:5: key report `investigation` is already filled by {ANN}/both/index.md; \
             expected each key report to be filled by one announcement"
        )]
    );
}

#[test]
fn translation_with_no_original() {
    let problems = refused(|s| announcement(s, "ghost.en.md", "+++\ntitle = \"Ghost\"\n+++\n"));
    assert_eq!(
        problems,
        [format!(
            "{ANN}/ghost.en.md: translation with no original; expected {ANN}/ghost.md or {ANN}/ghost/index.md \
             in the site's main language (ja)"
        )]
    );
}

#[test]
fn translation_that_disagrees_with_its_original() {
    let problems = refused(|s| {
        announcement(
            s,
            "both/index.en.md",
            "+++\ntitle = \"Results\"\nnumber = 3\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/both/index.en.md:3: `number` is 3 here but 2 in the original {ANN}/both/index.md; \
             expected the same value (or leave it out: translations inherit it)"
        )]
    );
}

#[test]
fn translation_with_a_key_it_may_not_have() {
    let problems = refused(|s| {
        announcement(
            s,
            "first.en.md",
            "+++\ntitle = \"T\"\nsumary = \"s\"\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/first.en.md:3: unknown key `sumary`; did you mean `summary`?"
        )]
    );
}

#[test]
fn unknown_key_in_site_toml() {
    let problems = refused(|s| {
        s.edit("site.toml", "home_latest = 2", "home_latst = 2");
    });
    assert_eq!(
        problems,
        ["site.toml:6: unknown key `home_latst`; did you mean `home_latest`?"]
    );
}

#[test]
fn unknown_incident_status() {
    let problems = refused(|s| {
        s.edit("site.toml", "\"responding\"", "\"ongoing\"");
    });
    assert_eq!(
        problems,
        [
            "site.toml:9: unknown value `ongoing`; expected `investigating`, `responding`, `recovering` or `resolved`"
        ]
    );
}

#[test]
fn missing_site_toml() {
    let problems = refused(|s| {
        s.remove("site.toml");
    });
    assert_eq!(
        problems,
        [
            "site.toml: not found; every site needs a site.toml at its root (run in the site's folder or pass --root)"
        ]
    );
}

#[test]
fn template_that_fails_to_render_is_named() {
    let problems = refused(|s| {
        s.edit_theme(
            "templates/list.html",
            "<h1>",
            "<h1>{{ undefined_thing.field }}",
        );
    });
    // Tera's own words after the template and line.
    assert_eq!(
        problems,
        [
            "templates/list.html:3: template `list.html` failed: Variable \
             `undefined_thing` is not defined. Available variables: alternates, closed_contacts, \
             contacts, feed, filter, filters, head, items, lang, page_kind, shared, site, t"
        ]
    );
}

#[test]
fn template_with_a_syntax_error_is_named() {
    let problems = refused(|s| {
        s.write(
            "templates/home.html",
            "{% extends \"base.html\" %}\n{% block main %}\n{% if %}\n{% endblock main %}\n",
        );
    });
    assert_eq!(
        problems,
        [
            "templates/home.html:3: template `home.html` failed: Found `%}` but expected one of: \
             integer, float, string, bool, ident, `-`, `not`, `<`, `{`, `[` or `(`"
        ]
    );
}

#[test]
fn all_problems_of_a_run_are_reported_together() {
    let problems = refused(|s| {
        announcement(
            s,
            "first.md",
            "+++\ntitle = \"t\"\ndate = 2023-06-05T10:00:00+09:00\nchannel = \"news\"\n+++\n",
        );
        announcement(s, "disclosure.md", "no front matter\n");
        announcement(s, "ghost.en.md", "+++\ntitle = \"Ghost\"\n+++\n");
    });
    // One run, three files, in the order of their paths.
    assert_eq!(
        problems,
        [
            format!(
                "{ANN}/disclosure.md:1: missing front matter; expected the file to start with a \
                 `+++` line, then title, date and channel, then a closing `+++` line"
            ),
            format!(
                "{ANN}/first.md:4: unknown channel `news`; expected \"ir\", \"pr\" or [\"ir\", \"pr\"]"
            ),
            format!(
                "{ANN}/ghost.en.md: translation with no original; expected {ANN}/ghost.md or \
                 {ANN}/ghost/index.md in the site's main language (ja)"
            ),
        ]
    );
}

#[test]
fn site_toml_and_content_problems_come_in_one_report() {
    let problems = refused(|s| {
        s.write("site.toml", "title = \"t\"\n");
        announcement(s, "first.md", "no front matter\n");
    });
    assert_eq!(
        problems,
        [
            "site.toml:1: missing required key `organization`".to_string(),
            format!(
                "{ANN}/first.md:1: missing front matter; expected the file to start with a `+++` \
                 line, then title, date and channel, then a closing `+++` line"
            ),
        ]
    );
}

#[test]
fn the_command_exits_non_zero_and_prints_every_problem() {
    let site = TestSite::basic();
    let ok = site.run(&["build"]);
    assert!(ok.status.success());
    let before = site.snapshot();
    announcement(&site, "first.md", "no front matter\n");
    announcement(&site, "ghost.en.md", "+++\ntitle = \"Ghost\"\n+++\n");
    let out = site.run(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        [
            format!(
                "error: {ANN}/first.md:1: missing front matter; expected the file to start with \
                 a `+++` line, then title, date and channel, then a closing `+++` line"
            ),
            format!(
                "error: {ANN}/ghost.en.md: translation with no original; expected {ANN}/ghost.md \
                 or {ANN}/ghost/index.md in the site's main language (ja)"
            ),
            "error: build failed with 2 problems; ./public was left as it was".to_string(),
        ]
    );
    assert_eq!(site.snapshot(), before);
}

#[test]
fn empty_title_and_number_zero_are_both_reported() {
    let problems = refused(|s| {
        announcement(
            s,
            "first.md",
            "+++\ntitle = \" \"\ndate = 2023-06-05T10:00:00+09:00\nchannel = \"pr\"\nnumber = 0\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [
            format!("{ANN}/first.md:2: `title` is empty; expected the title"),
            format!("{ANN}/first.md:5: `number` is 0; the series starts at 1"),
        ]
    );
}

#[test]
fn template_with_an_unknown_filter_is_named() {
    let problems = refused(|s| {
        s.write(
            "templates/list.html",
            "{% extends \"base.html\" %}\n{% block main %}\n{{ items | lenght }}\n{% endblock main %}\n",
        );
    });
    assert_eq!(
        problems,
        ["templates/list.html:3: template `list.html` failed: Unknown filter `lenght`"]
    );
}

#[test]
fn a_static_file_that_would_replace_a_page() {
    let problems = refused(|s| {
        s.write("static/announcements/index.html", "<p>old list</p>");
    });
    assert_eq!(
        problems,
        [
            "static/announcements/index.html: would be written to announcements/index.html like a generated page; \
          expected one file per output path (rename one of them)"
        ]
    );
}

#[test]
fn an_attachment_named_like_the_page() {
    let problems = refused(|s| {
        s.write(&format!("{ANN}/both/index.html"), "<p>x</p>");
    });
    // Attachments are published beside every language's page.
    assert_eq!(
        problems,
        [
            format!(
                "{ANN}/both/index.html: would be written to announcements/both/index.html like a generated page; \
                 expected one file per output path (rename one of them)"
            ),
            format!(
                "{ANN}/both/index.html: would be written to en/announcements/both/index.html like a generated page; \
                 expected one file per output path (rename one of them)"
            )
        ]
    );
}

#[test]
fn a_stray_markdown_file_in_an_announcement_folder() {
    let problems = refused(|s| {
        s.write(&format!("{ANN}/both/notes.md"), "メモ");
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/both/notes.md: markdown file in an announcement folder; expected only index.md and \
             index.LANG.md there (other files are published as attachments)"
        )]
    );
}

#[test]
fn translation_with_a_different_channel() {
    let problems = refused(|s| {
        announcement(
            s,
            "first.en.md",
            "+++\ntitle = \"T\"\nchannel = [\"ir\", \"pr\"]\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/first.en.md:3: `channel` is [\"ir\", \"pr\"] here but \"pr\" in the original {ANN}/first.md; \
             expected the same value (or leave it out: translations inherit it)"
        )]
    );
}

#[test]
fn site_toml_translation_into_the_main_language_and_zero_latest_and_feed_limit() {
    let problems = refused(|s| {
        s.edit(
            "site.toml",
            "home_latest = 2",
            "home_latest = 0\nfeed_limit = 0",
        );
        s.edit("site.toml", "[translations.en]", "[translations.ja]");
    });
    assert_eq!(
        problems,
        [
            "site.toml:6: `home_latest` is 0; expected how many of the newest announcements the home page lists (1 or more)",
            "site.toml:7: `feed_limit` is 0; expected how many announcements each feed carries (1 or more)",
            "site.toml:37: `translations.ja` is the site's main language; expected the words in the entry itself",
        ]
    );
}

#[test]
fn a_number_in_quotes() {
    let problems = refused(|s| {
        announcement(
            s,
            "first.md",
            "+++\ntitle = \"t\"\ndate = 2023-06-05T10:00:00+09:00\nchannel = \"pr\"\nnumber = \"1\"\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/first.md:5: wrong type: string \"1\", expected a whole number (without quotes)"
        )]
    );
}

#[test]
fn script_and_event_handlers_in_raw_html_are_refused_with_their_lines() {
    let problems = refused(|s| {
        announcement(
            s,
            "first.md",
            "+++\ntitle = \"t\"\ndate = 2023-06-05T10:00:00+09:00\nchannel = \"pr\"\n+++\n本文\n\n<script>alert(1)</script>\n\n<img src=\"x.png\" onerror=\"alert(1)\">\n",
        );
        announcement(
            s,
            "first.en.md",
            "+++\ntitle = \"T\"\n+++\n[click](javascript:alert(1))\n",
        );
        s.write(
            "content/_index.md",
            "概要\n\n<iframe src=\"https://example.com\"></iframe>\n",
        );
    });
    assert_eq!(
        problems,
        [
            "content/_index.md:3: raw HTML `<iframe>` is not allowed; published pages carry no script and embed no other page".to_string(),
            format!("{ANN}/first.en.md:4: link to `javascript:alert(1)`: javascript: URLs are not allowed; published pages carry no JavaScript"),
            format!("{ANN}/first.md:8: raw HTML `<script>` is not allowed; published pages carry no script and embed no other page"),
            format!("{ANN}/first.md:10: raw HTML attribute `onerror` is not allowed; published pages carry no JavaScript"),
        ]
    );
}

#[test]
fn control_characters_in_a_file_name_reach_no_terminal() {
    let site = TestSite::basic();
    site.write(
        "content/announcements/x\u{1b}[2J\u{7}\u{202e}fdp.md",
        "no front matter\n",
    );
    let output = site.run(&["--messages", "en", "build"]);
    let stderr = String::from_utf8(output.stderr).unwrap();
    // In the path and in the value the message names, escaped alike.
    assert_eq!(
        stderr.lines().next().unwrap(),
        r"error: content/announcements/x\u{1b}[2J\u{7}\u{202e}fdp.md: `x\u{1b}[2J\u{7}\u{202e}fdp` cannot be a slug (the announcement's URL); expected a name of lowercase letters a-z, digits, `-` and `_`, such as `2023-06-06-first-notice`"
    );
    assert!(
        !stderr.contains(['\u{1b}', '\u{7}', '\u{202e}']),
        "{stderr:?}"
    );
}

#[test]
fn bidi_controls_in_attachment_names_and_titles_are_refused() {
    let site = TestSite::basic();
    let problems = site.refused_with(|s| {
        s.write("content/announcements/both/rlo\u{202e}fdp.exe", "MZ");
        s.edit(
            "content/announcements/first.md",
            "title = \"システム障害のお知らせ（第1報）\"",
            "title = \"システム障害の\u{2066}お知らせ（第1報）\"",
        );
        s.edit(
            "site.toml",
            "organization = \"テスト株式会社\"",
            "organization = \"テスト\u{202b}株式会社\"",
        );
    });
    let en: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let reordered = "bidirectional control character (U+202A–U+202E or U+2066–U+2069), which \
                     shows the";
    let example = "(`rlo`, U+202E, `fdp.exe` reads as \"rloexe.pdf\")";
    assert_eq!(
        en,
        [
            format!(
                "site.toml:2: `organization` holds a {reordered} text after it reordered \
                 {example}; expected the text without it"
            ),
            format!(
                r"content/announcements/both/rlo\u{{202e}}fdp.exe: attachment name `rlo\u{{202e}}fdp.exe` holds a {reordered} name reordered {example}; expected the file renamed without it"
            ),
            format!(
                "content/announcements/first.md:2: `title` holds a {reordered} text after it \
                 reordered {example}; expected the text without it"
            ),
        ]
    );
    assert_eq!(
        problems[2].text(crisis_site::MessageLang::Ja),
        "content/announcements/first.md:2: 「title」に文字の並ぶ向きを変える制御文字\
         （U+202A〜U+202E、U+2066〜U+2069）があります。後ろの文字が入れ替わって表示されます\
         （「rlo」、U+202E、「fdp.exe」と並べた名前は「rloexe.pdf」と読めます）。この文字を取り除いてください。"
    );
}

#[test]
fn an_announcement_named_like_a_channel_list_names_its_file() {
    let site = TestSite::basic();
    let problems = site.refused_with(|s| {
        announcement(
            s,
            "pr.md",
            "+++\ntitle = \"t\"\ndate = 2023-06-05T11:00:00+09:00\nchannel = \"pr\"\n+++\nbody\n",
        );
    });
    let said = |lang| problems.iter().map(|p| p.text(lang)).collect::<Vec<_>>();
    assert_eq!(
        said(crisis_site::MessageLang::En),
        [format!(
            "{ANN}/pr.md: `pr` is the name of the list of `pr` announcements (announcements/pr/), \
             which this announcement's page would replace; give it another name, such as \
             `2023-06-06-pr-notice`"
        )]
    );
    assert_eq!(
        said(crisis_site::MessageLang::Ja),
        [format!(
            "{ANN}/pr.md: 「pr」は「pr」の発表の一覧（announcements/pr/）の名前で、この発表のページが\
             一覧を置き換えてしまいます。「2023-06-06-pr-notice」のように別の名前を付けてください。"
        )]
    );
}

#[test]
fn a_date_past_the_year_9999_in_the_site_zone_is_refused() {
    let problems = refused(|s| {
        announcement(
            s,
            "late.md",
            "+++\ntitle = \"t\"\ndate = 9999-12-31T23:00:00-05:00\nchannel = \"pr\"\n+++\nbody\n",
        );
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/late.md:3: `date`: `9999-12-31T23:00:00-05:00` is after the year 9999 in the \
             site's timezone (or before the year 1); expected a date with a four-digit year"
        )]
    );
}
