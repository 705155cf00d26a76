//! The messages of loading in Japanese, word for word: site.toml's, the content
//! files', the model's values and the markdown bodies', each with the place first and
//! what to type instead. The English of the same problems is tested beside their
//! inputs (bad_input, incident_errors, guide_pages, redirects, check, markdown).

use crisis_site::{BuildError, Error, MessageLang};

use crate::support::TestSite;

const ANN: &str = "content/announcements";

/// The problems of `site` broken by `change`, in Japanese, after checking that the
/// failed build left the output byte for byte as it was.
fn refused_ja(site: TestSite, change: impl FnOnce(&TestSite)) -> Vec<String> {
    site.built();
    let before = site.snapshot();
    change(&site);
    let problems = match site.build() {
        Ok(_) => panic!("build succeeded, expected problems"),
        Err(BuildError::Failed(Error::Invalid(problems))) => {
            problems.iter().map(|p| p.text(MessageLang::Ja)).collect()
        }
        Err(other) => panic!("expected content problems, got: {other}"),
    };
    assert_eq!(
        site.snapshot(),
        before,
        "a failed build must leave the output as it was"
    );
    problems
}

fn basic(change: impl FnOnce(&TestSite)) -> Vec<String> {
    refused_ja(TestSite::basic(), change)
}

fn incident(change: impl FnOnce(&TestSite)) -> Vec<String> {
    refused_ja(TestSite::fixture("incident"), change)
}

fn announcement(site: &TestSite, name: &str, text: &str) {
    site.write(&format!("{ANN}/{name}"), text);
}

// Content files.

#[test]
fn an_announcement_without_front_matter() {
    let problems = basic(|s| announcement(s, "first.md", "# 見出しだけ\n"));
    assert_eq!(
        problems,
        [format!(
            "{ANN}/first.md:1: 冒頭の設定（+++ で囲んだ部分）がありません。ファイルの 1 行目を\
             「+++」にして title、date、channel を書き、次の「+++」の行で閉じてください。"
        )]
    );
}

#[test]
fn an_unknown_channel_and_number_zero() {
    let problems = basic(|s| {
        announcement(
            s,
            "first.md",
            "+++\ntitle = \"t\"\ndate = 2023-06-05T10:00:00+09:00\nchannel = \"news\"\nnumber = 0\n+++\n",
        )
    });
    assert_eq!(
        problems,
        [
            format!(
                "{ANN}/first.md:4: 「news」という channel はありません。適時開示は \"ir\"、お知らせは \
                 \"pr\"、両方なら [\"ir\", \"pr\"] と書いてください（例: channel = \"pr\"）。"
            ),
            format!(
                "{ANN}/first.md:5: 「number」が 0 です。第N報の番号は 1 から始まります（例: number = 1）。"
            ),
        ]
    );
}

#[test]
fn a_file_name_that_cannot_be_a_slug() {
    let problems = basic(|s| announcement(s, "Bad.md", "+++\ntitle = \"t\"\n+++\n"));
    assert_eq!(
        problems,
        [format!(
            "{ANN}/Bad.md: 「Bad」は発表の URL（スラッグ）に使えません。半角の英小文字 a-z、数字、\
             「-」、「_」だけの名前にしてください（例:「2023-06-06-first-notice」）。"
        )]
    );
}

#[test]
fn a_translation_with_no_original() {
    let problems = basic(|s| announcement(s, "ghost.en.md", "+++\ntitle = \"Ghost\"\n+++\n"));
    assert_eq!(
        problems,
        [format!(
            "{ANN}/ghost.en.md: 翻訳の元になる発表がありません。サイトの主な言語（ja）で \
             {ANN}/ghost.md か {ANN}/ghost/index.md を作ってください。"
        )]
    );
}

#[test]
fn a_translation_that_repeats_a_fact_differently() {
    let problems = basic(|s| {
        s.edit(
            &format!("{ANN}/first.en.md"),
            "+++\ntitle",
            "+++\nchannel = \"ir\"\ntitle",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/first.en.md:2: 「channel」がここでは\"ir\"、元の発表 {ANN}/first.md では\"pr\"\
             です。同じ値にするか、消してください（翻訳は元の発表の値を引き継ぎます）。"
        )]
    );
}

#[test]
fn a_translation_with_a_key_report_and_an_entry_its_original_has_not() {
    let problems = basic(|s| {
        s.edit(
            &format!("{ANN}/first.en.md"),
            "today.\"\n+++",
            "today.\"\nkey_report = \"investigation\"\n[[services]]\nname = \"Online banking\"\n+++",
        )
    });
    assert_eq!(
        problems,
        [
            format!(
                "{ANN}/first.en.md:4: 「key_report」がここでは「investigation」、元の発表 \
                 {ANN}/first.md では未設定です。同じ値にするか、消してください（翻訳は元の発表の値を\
                 引き継ぎます）。"
            ),
            format!(
                "{ANN}/first.en.md:5: 「[[services]]」の項目がここでは 1 件、元の発表 {ANN}/first.md \
                 では 0 件です。元の発表と同じ項目を同じ順に書いてください。"
            ),
        ]
    );
}

#[test]
fn a_misspelt_correction_gets_a_did_you_mean() {
    let problems = incident(|s| s.edit(&format!("{ANN}/fix.md"), "\"wrong\"", "\"wrnog\""));
    assert_eq!(
        problems,
        [format!(
            "{ANN}/fix.md:5: 「corrects」に書いた「wrnog」という発表はありません。「wrong」のことですか？"
        )]
    );
}

#[test]
fn an_undeclared_key_report_gets_a_did_you_mean() {
    let problems = basic(|s| {
        s.edit(
            &format!("{ANN}/both/index.md"),
            "\"investigation\"",
            "\"investigaton\"",
        )
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/both/index.md:6: 主な報告「investigaton」は site.toml にありません。\
             「investigation」のことですか？"
        )]
    );
}

// Markdown bodies.

#[test]
fn a_script_and_a_heading_id_used_twice() {
    let problems = basic(|s| {
        s.edit(
            &format!("{ANN}/first.md"),
            "## 今後の対応",
            "<script>alert(1)</script>\n\n## a {#x}\n\n## b {#x}",
        )
    });
    assert_eq!(
        problems,
        [
            format!(
                "{ANN}/first.md:9: 本文の HTML に「<script>」は書けません。公開するページには\
                 スクリプトを入れず、ほかのページも埋め込みません。"
            ),
            format!(
                "{ANN}/first.md:13: 見出しの ID「x」は、前の見出しですでに使われています。\
                 ID はそれぞれ 1 回だけ使ってください。"
            ),
        ]
    );
}

// site.toml.

#[test]
fn site_toml_values_that_cannot_be_used() {
    let problems = basic(|s| {
        s.edit(
            "site.toml",
            "home_latest = 2",
            "home_latest = 0\nbase_url = \"ftp://example.jp/\"",
        )
    });
    assert_eq!(
        problems,
        [
            "site.toml:6: 「home_latest」が 0 です。トップページに並べる最新の発表の数を 1 以上で\
             書いてください（例: home_latest = 5）。",
            "site.toml:7: 「base_url」の「ftp://example.jp/」は https:// または http:// で始まる\
             アドレスではありません。公開先のアドレスを「https://incident.example.jp/」のように\
             書いてください。",
        ]
    );
}

#[test]
fn an_unknown_rule_gets_a_did_you_mean_and_an_unknown_level_the_levels() {
    let problems = basic(|s| {
        s.edit(
            "site.toml",
            "home_latest = 2",
            "home_latest = 2\n[check.levels]\nnumberin = \"error\"\nstale = \"loud\"",
        )
    });
    assert_eq!(
        problems,
        [
            "site.toml:8: 「[check.levels]」: 「numberin」というチェック項目はありません。\
             「numbering」のことですか？",
            "site.toml:9: 「[check.levels]」の「stale」: 「loud」という重さ（レベル）はありません。\
             \"error\"、\"warning\"、\"info\"、\"off\" のどれかを書いてください。",
        ]
    );
}

#[test]
fn a_redirect_says_why_and_what_to_write() {
    let problems = basic(|s| {
        s.edit(
            "site.toml",
            "home_latest = 2",
            "home_latest = 2\n[redirects]\n\"old.pdf\" = \"announcements/first/\"",
        )
    });
    assert_eq!(
        problems,
        [
            "site.toml:8: [redirects] の古いパス「old.pdf」は「.pdf」のファイルを指していて、転送用の\
          ページでは置き換えられません（ページとは「/」で終わるフォルダーか「.html」のファイルです）。\
          サイトのページの古いパスを書いてください（例:「announcements/old-slug/」。先頭の「/」は\
          あってもなくても構いません。「..」「?」「#」は使えません）。"
        ]
    );
}

#[test]
fn a_securities_code_and_personal_data_without_aware_on() {
    let problems = basic(|s| {
        s.edit(
            "site.toml",
            "securities_code = \"9999\"",
            "securities_code = \"99\"",
        );
        s.edit(
            "site.toml",
            "status = \"responding\"",
            "status = \"responding\"\npersonal_data = true",
        );
    });
    assert_eq!(
        problems,
        [
            "site.toml:10: 「incident.personal_data」が true ですが、「incident.aware_on」が\
             ありません。漏えいを知った日を書いてください（例: aware_on = 2026-09-14）。",
            "site.toml:42: 「[ir]」の「securities_code」の「99」は証券コードではありません。\
             数字で始まる半角 4 文字の数字・英大文字にしてください（例: \"9999\"、\"130A\"）。",
        ]
    );
}

#[test]
fn a_home_page_that_is_not_a_page_gets_a_did_you_mean() {
    let problems = basic(|s| {
        s.write(
            "content/pages/faq.md",
            "+++\ntitle = \"よくあるご質問\"\n+++\n本文\n",
        );
        s.edit(
            "site.toml",
            "home_latest = 2",
            "home_latest = 2\nhome_pages = [\"faqs\"]",
        );
    });
    assert_eq!(
        problems,
        [
            "site.toml:7: 「home_pages」: content/pages/ に「faqs」というページはありません。\
          「faq」のことですか？"
        ]
    );
}
