use super::*;

/// The default theme's placeholders in both languages, as a site in ja and en has them.
fn default_theme() -> Placeholders {
    let lists = |key: &str| -> Vec<String> {
        let mut all: Vec<String> = [
            include_str!("../../../themes/default/i18n/ja.toml"),
            include_str!("../../../themes/default/i18n/en.toml"),
        ]
        .iter()
        .flat_map(|text| {
            let table: toml::Table = toml::from_str(text).expect("the theme's strings");
            let list = table[key].as_str().expect("a string").to_string();
            list.split('|')
                .map(|p| p.trim().to_ascii_lowercase())
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
        })
        .collect();
        all.sort();
        all.dedup();
        all
    };
    Placeholders {
        marks: lists("check_placeholder_marks"),
        words: lists("check_placeholder_words"),
    }
}

#[test]
fn the_starters_placeholders_are_found_as_written() {
    let p = default_theme();
    assert_eq!(p.in_line("（事案）に関するお知らせ"), ["（事案）"]);
    assert_eq!(
        p.in_line("会社名　（会社名）\\ コード番号　【証券コード】"),
        ["（会社名）", "【証券コード】"]
    );
    assert_eq!(
        p.in_line("日時：［日付］ ( 日時 )"),
        ["［日付］", "( 日時 )"]
    );
    assert_eq!(
        p.in_line("Notice regarding (name of the incident), [Date]"),
        ["(name of the incident)", "[Date]"]
    );
    // A link whose address is still to come.
    assert_eq!(p.in_line("[the report](URL)"), ["(URL)"]);
    // One finding per placeholder however often a line repeats it.
    assert_eq!(p.in_line("（会社名）と（会社名）"), ["（会社名）"]);
}

#[test]
fn marks_are_found_anywhere_latin_ones_as_whole_words() {
    let p = default_theme();
    assert_eq!(p.in_line("TODO: 再開日を書く"), ["TODO"]);
    assert_eq!(p.in_line("詳細は todo"), ["todo"]);
    assert_eq!(p.in_line("お電話は 03-XXXX-XXXX まで"), ["XXXX"]);
    assert_eq!(p.in_line("○○株式会社の△△様"), ["○○", "△△"]);
    assert_eq!(p.in_line("〇〇年〇〇月"), ["〇〇"]);
    assert_eq!(
        p.in_line("ＸＸＸ件、●●名、××、□□"),
        ["ＸＸＸ", "●●", "××", "□□"]
    );
    // Not a placeholder: a word that only holds the letters, a single sign, a kanji
    // zero, the △ of a negative figure.
    for line in [
        "TODOS LOS CLIENTES",
        "the XXL size, Todoroki station",
        "対応済み ○ / 未対応 ×",
        "二〇〇六年、一〇〇番地",
        "当期純利益 △180百万円、△9.02円",
    ] {
        assert_eq!(p.in_line(line), Vec::<String>::new(), "{line}");
    }
}

#[test]
fn ordinary_parentheses_are_not_placeholders() {
    let p = default_theme();
    for line in [
        "システム障害の発生について（第1報）",
        "お問い合わせ窓口（平日 9:00〜18:00）",
        "お客様（事業者）のご対応について",
        "会社名（株式会社みなと労務システム）",
        "（コード番号：9999　東証スタンダード）",
        "【お問い合わせ先】",
        "【ご参考】 前期実績（2026年3月期）",
        "（注）（誤）（正）（A）（B−A）",
        "代表者名（代表取締役社長　高村 誠）",
        "Notice of the outage (Update 1) (weekdays 9:00-18:00 JST)",
        "[the report](https://example.jp/report.pdf) [x] done",
        "The incident (the \"Incident\") was contained.",
    ] {
        assert_eq!(p.in_line(line), Vec::<String>::new(), "{line}");
    }
}

#[test]
fn toml_strings_are_the_values_by_line_without_keys_or_comments() {
    let text = "title = \"（事案名）\" # TODO: 後で\n\
                # organization = \"（会社名）\"\n\
                [ir]\n\
                contact = 'TODO'\n\
                quoted = \"a \\\"TODO\\\" # not a comment\"\n\
                text = \"\"\"\nfirst\nsecond\"\"\"\n\
                list = [\"a\", \"b\"]\n";
    assert_eq!(
        toml_strings(text),
        [
            (1, "（事案名）".to_string()),
            (4, "TODO".to_string()),
            (5, "a \\\"TODO\\\" # not a comment".to_string()),
            (6, String::new()),
            (7, "first".to_string()),
            (8, "second".to_string()),
            (9, "a b".to_string()),
        ]
    );
}

#[test]
fn readable_lines_are_the_front_matter_values_and_the_body() {
    let text = "+++\ntitle = \"T\"\n# a note\nnumber = 1\n+++\n\nBody.\n";
    assert_eq!(
        readable_lines(text),
        [
            (2, "T".to_string()),
            (6, String::new()),
            (7, "Body.".to_string())
        ]
    );
}

fn empty(body: &str) -> Vec<(usize, String)> {
    empty_headings(&format!("+++\ntitle = \"t\"\n+++\n{body}"))
}

#[test]
fn a_heading_with_nothing_under_it_is_an_empty_section() {
    // Line 4 is the body's first.
    assert_eq!(
        empty("## 概要\n\n## 業績への影響\n"),
        [(4, "概要".to_string()), (6, "業績への影響".to_string())]
    );
    // A subsection fills its parent; an empty one leaves it empty.
    assert_eq!(
        empty("## 個人情報について\n\n### 流出しましたか\n\nはい。\n\n## 補償\n\n### 金額\n"),
        [(10, "補償".to_string()), (12, "金額".to_string())]
    );
    // Only a comment, a thematic break or a heading of a lower level with nothing
    // under it: empty. A lower heading after the text does not matter.
    assert_eq!(
        empty("## A `code`\n\n<!-- 後で書く -->\n\n---\n\n## B\n\n本文。\n\n### C\n\n本文。\n"),
        [(4, "A code".to_string())]
    );
}

#[test]
fn any_text_image_list_table_or_shown_html_fills_a_section() {
    for body in [
        "## A\n\n本文。\n",
        "## A\n\n![図](a.png)\n",
        "## A\n\n- 一つ目\n",
        "## A\n\n| a | b |\n| - | - |\n| 1 | 2 |\n",
        "## A\n\n<img src=\"a.png\" alt=\"図\">\n",
        "## A\n\n```\ncode\n```\n",
        "A first paragraph.\n\n## A\n\n> quoted\n",
    ] {
        assert_eq!(empty(body), Vec::<(usize, String)>::new(), "{body}");
    }
    assert!(!shows("<!-- a -->\n<!-- b -->"));
    assert!(shows("<!-- a --><br>"));
}
