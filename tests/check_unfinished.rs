//! `crisis-site check`, the rules about unfinished text: a placeholder left in what is
//! published (`placeholder`), a heading with nothing under it (`empty-section`); each
//! triggered and not, with the exact finding as printed in both languages.

use crisis_site::{Level, MessageLang, Rule};

use crate::support::TestSite;
use crate::support::check::{check, check_at, of};

const FIRST: &str = "content/announcements/first.md";
const FIRST_EN: &str = "content/announcements/first.en.md";

const PLACEHOLDER_HINT: &str = "  hint: write what it stands for in its place; an announcement not ready yet can stay a draft (`draft = true`)";

fn placeholder(place: &str, text: &str) -> String {
    format!(
        "error[placeholder]: {place}: published text still holds the placeholder `{text}`\n{PLACEHOLDER_HINT}"
    )
}

#[test]
fn a_sound_site_has_no_placeholder_and_no_empty_section() {
    let report = check(&TestSite::basic());
    assert_eq!(of(&report, Rule::Placeholder), Vec::<String>::new());
    assert_eq!(of(&report, Rule::EmptySection), Vec::<String>::new());
    let report = check_at(&TestSite::example(), "2026-11-23T12:00:00+09:00");
    assert_eq!(of(&report, Rule::Placeholder), Vec::<String>::new());
    assert_eq!(of(&report, Rule::EmptySection), Vec::<String>::new());
}

#[test]
fn placeholder_finds_every_published_text_and_the_values_of_site_toml() {
    let site = TestSite::basic();
    site.edit(
        FIRST,
        "title = \"システム障害のお知らせ（第1報）\"",
        "title = \"（事案）のお知らせ（第1報）\"",
    );
    site.edit(
        FIRST,
        "本日、システム障害が発生しました。",
        "本日、○○にてシステム障害が発生しました。TODO: 時刻",
    );
    site.edit(
        FIRST_EN,
        "A system failure occurred today.\n",
        "A system failure occurred today at (company name), 03-XXXX-XXXX.\n",
    );
    site.edit("content/_index.md", "当社は", "【要記入】当社は");
    site.write(
        "content/pages/faq.md",
        "+++\ntitle = \"よくあるご質問\"\n+++\nお問い合わせは［電話番号］まで。\n",
    );
    site.edit(
        "site.toml",
        "organization = \"テスト株式会社\"",
        "organization = \"（会社名）\"",
    );
    site.edit(
        "site.toml",
        "hours = \"Weekdays 9:00-18:00\"",
        "hours = \"(opening hours)\"",
    );
    assert_eq!(
        of(&check(&site), Rule::Placeholder),
        [
            placeholder("content/_index.md:4", "【要記入】"),
            placeholder("content/announcements/first.en.md:5", "(company name)"),
            placeholder("content/announcements/first.en.md:5", "XXXX"),
            placeholder("content/announcements/first.md:2", "（事案）"),
            placeholder("content/announcements/first.md:7", "○○"),
            placeholder("content/announcements/first.md:7", "TODO"),
            placeholder("content/pages/faq.md:4", "［電話番号］"),
            placeholder("site.toml:2", "（会社名）"),
            placeholder("site.toml:34", "(opening hours)"),
        ]
    );
    assert!(check(&site).fails(false));
}

#[test]
fn placeholder_leaves_ordinary_brackets_drafts_and_the_writers_notes_alone() {
    let site = TestSite::basic();
    site.edit(
        FIRST,
        "本日、システム障害が発生しました。",
        "本日、システム障害が発生しました（平日 9:00〜18:00）。【ご参考】二〇〇六年、△180百万円。",
    );
    site.edit(
        FIRST,
        "number = 1",
        "# TODO: 時刻を（日時）に書く\nnumber = 1",
    );
    site.edit(
        "content/announcements/draft.md",
        "まだ公開しない本文。",
        "（会社名）TODO",
    );
    site.edit(
        "site.toml",
        "[incident]",
        "# organization = \"（会社名）\"\n[incident]",
    );
    site.edit(
        "site.toml",
        "hours = \"平日 9:00〜18:00\"",
        "hours = \"平日 9:00〜18:00\" # TODO: 土日も",
    );
    assert_eq!(of(&check(&site), Rule::Placeholder), Vec::<String>::new());
}

#[test]
fn empty_section_finds_a_heading_with_nothing_under_it() {
    let site = TestSite::basic();
    site.edit(
        FIRST,
        "## 今後の対応\n",
        "## 概要\n\n<!-- 後で書く -->\n\n## 今後の対応\n",
    );
    site.edit(
        FIRST_EN,
        "A system failure occurred today.\n",
        "A system failure occurred today.\n\n## What we are doing\n\n### Next steps\n",
    );
    assert_eq!(
        of(&check(&site), Rule::EmptySection),
        [
            "error[empty-section]: content/announcements/first.en.md:7: the section `What we are doing` is empty: nothing follows its heading before the next heading of its level or above\n  hint: write the section, or delete its heading",
            "error[empty-section]: content/announcements/first.en.md:9: the section `Next steps` is empty: nothing follows its heading before the next heading of its level or above\n  hint: write the section, or delete its heading",
            "error[empty-section]: content/announcements/first.md:9: the section `概要` is empty: nothing follows its heading before the next heading of its level or above\n  hint: write the section, or delete its heading",
        ]
    );
}

#[test]
fn the_findings_say_it_in_japanese() {
    let site = TestSite::basic();
    site.edit("content/_index.md", "当社は", "当社は（会社名）");
    site.edit(FIRST, "## 今後の対応\n", "## 概要\n\n## 今後の対応\n");
    let report = check(&site);
    let ja: Vec<String> = report
        .findings
        .iter()
        .filter(|f| [Rule::Placeholder, Rule::EmptySection].contains(&f.rule))
        .map(|f| f.text(MessageLang::Ja))
        .collect();
    assert_eq!(
        ja,
        [
            "error[placeholder]: content/_index.md:4: 公開される文に仮の記入「（会社名）」が残っています。\n  直し方: 仮の記入を、実際の内容に書き換えてください。まだ公開できない発表は下書き（`draft = true`）のままにできます。",
            "error[empty-section]: content/announcements/first.md:9: 見出し「概要」の下に本文がありません（次の同じか上の階層の見出しまで、またはファイルの終わりまで）。\n  直し方: 本文を書くか、見出しを削除してください。",
        ]
    );
}

#[test]
fn site_toml_changes_their_level_or_turns_them_off() {
    let site = TestSite::basic();
    site.edit("content/_index.md", "当社は", "当社は（会社名）");
    site.edit(FIRST, "## 今後の対応\n", "## 概要\n\n## 今後の対応\n");
    site.edit(
        "site.toml",
        "[incident]",
        "[check.levels]\nplaceholder = \"warning\"\nempty-section = \"off\"\n\n[incident]",
    );
    let report = check(&site);
    let levels: Vec<(Rule, Level)> = report
        .findings
        .iter()
        .filter(|f| [Rule::Placeholder, Rule::EmptySection].contains(&f.rule))
        .map(|f| (f.rule, f.level))
        .collect();
    assert_eq!(levels, [(Rule::Placeholder, Level::Warning)]);
    assert!(!report.fails(false));
}
