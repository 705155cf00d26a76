//! `crisis-site check`, the rules about what the published text says: each triggered
//! and not, with the exact finding as printed; a level changed and a rule turned off;
//! the `kind` key's content errors.

use crisis_site::{Level, Rule};

use crate::support::TestSite;
use crate::support::check::{check, of};

const FIRST: &str = "content/announcements/first.md";
const FIRST_EN: &str = "content/announcements/first.en.md";
const BOTH: &str = "content/announcements/both/index.md";
const LEAK: &str = "content/announcements/leak.md";
const LEAK_EN: &str = "content/announcements/leak.en.md";

const CONTENT_RULES: [Rule; 5] = [
    Rule::ConfidentialMarker,
    Rule::RequiredSections,
    Rule::TranslationOutdated,
    Rule::PdfOnly,
    Rule::ImageAlt,
];

#[test]
fn a_sound_site_gives_the_content_rules_nothing_to_say() {
    let report = check(&TestSite::basic());
    for rule in CONTENT_RULES {
        assert!(
            of(&report, rule).is_empty(),
            "{rule:?}: {:#?}",
            report.findings
        );
    }
}

const CONFIDENTIAL_HINT: &str = "  hint: remove the marker: a public statement never asks readers to keep it secret (and what must stay secret is not published)";

#[test]
fn confidential_marker_finds_the_words_of_every_language_in_text_and_file_names() {
    let site = TestSite::basic();
    site.edit(
        FIRST,
        "本日、システム障害が発生しました。",
        "本日、システム障害が発生しました。本資料は社外秘です。",
    );
    // A Japanese marker in the English text is found too, and Latin ones whatever the case.
    site.edit(
        FIRST_EN,
        "A system failure occurred today.\n",
        "A system failure occurred today.\n\nINTERNAL USE ONLY. 取扱注意\n",
    );
    site.write("content/announcements/both/社外秘_memo.txt", "memo");
    assert_eq!(
        of(&check(&site), Rule::ConfidentialMarker),
        [
            "error[confidential-marker]: content/announcements/both/社外秘_memo.txt: attachment's file name marks it confidential: `社外秘`\n  hint: rename the file, and check that the document itself carries no such marker: it is published for anyone to read".to_string(),
            format!("error[confidential-marker]: content/announcements/first.en.md:7: published text marks itself confidential: `internal use only`, `取扱注意`\n{CONFIDENTIAL_HINT}"),
            format!("error[confidential-marker]: content/announcements/first.md:7: published text marks itself confidential: `社外秘`\n{CONFIDENTIAL_HINT}"),
        ]
    );
    assert!(check(&site).fails(false));
}

#[test]
fn confidential_marker_leaves_whole_other_words_and_the_writers_notes_alone() {
    let site = TestSite::basic();
    // "confidentiality" is not "confidential"; a TOML comment is never published.
    // (In the summary, which is published text too, as the edit always did.)
    site.edit(
        FIRST_EN,
        "summary = \"A system failure occurred today.\"",
        "summary = \"A system failure occurred today. We take the confidentiality of your data seriously.\"",
    );
    site.edit(
        FIRST,
        "number = 1",
        "# 社外秘の資料を確認のこと\nnumber = 1",
    );
    assert!(of(&check(&site), Rule::ConfidentialMarker).is_empty());
}

#[test]
fn site_toml_changes_a_content_rules_level_or_turns_it_off() {
    let site = TestSite::basic();
    site.edit(
        FIRST,
        "本日、システム障害が発生しました。",
        "本日、システム障害が発生しました（社外秘）。\n\n![](chart.png)",
    );
    site.edit("site.toml",
        "[incident]",
        // The image does not exist: broken-link, not a rule of this test, is off too.
        "[check.levels]\nconfidential-marker = \"warning\"\nimage-alt = \"off\"\nbroken-link = \"off\"\n\n[incident]",
    );
    let report = check(&site);
    let rules: Vec<(Rule, Level)> = report
        .findings
        .iter()
        .filter(|f| CONTENT_RULES.contains(&f.rule))
        .map(|f| (f.rule, f.level))
        .collect();
    assert_eq!(rules, [(Rule::ConfidentialMarker, Level::Warning)]);
    assert!(!report.fails(false));
    assert!(report.fails(true));
}

/// A breach notice with the sections `sections` (`##` headings with a line of text).
fn leak(sections: &[&str]) -> String {
    let mut text = "+++\ntitle = \"個人情報の漏えいについて\"\ndate = 2023-06-06T10:00:00+09:00\nchannel = \"pr\"\nkind = \"breach-notice\"\n+++\n".to_string();
    for heading in sections {
        text.push_str(&format!("\n## {heading}\n\n本文です。\n"));
    }
    text
}

fn leak_en(sections: &[&str]) -> String {
    let mut text = "+++\ntitle = \"Leak of personal data\"\n+++\n".to_string();
    for heading in sections {
        text.push_str(&format!("\n## {heading}\n\nText.\n"));
    }
    text
}

#[test]
fn required_sections_wants_a_heading_for_each_topic_in_each_language() {
    let site = TestSite::basic();
    site.write(LEAK, &leak(&["概要", "漏えいした個人情報の項目", "原因"]));
    site.write(
        LEAK_EN,
        &leak_en(&["What happened", "Personal data involved"]),
    );
    assert_eq!(
        of(&check(&site), Rule::RequiredSections),
        [
            "warning[required-sections]: content/announcements/leak.en.md: breach-notice `leak` has no section on the cause\n  hint: add a `##` section on it, with a heading containing one of: cause, how it happened",
            "warning[required-sections]: content/announcements/leak.en.md: breach-notice `leak` has no section on whether there is secondary damage or a risk of it\n  hint: add a `##` section on it, with a heading containing one of: secondary damage, misuse, fraud, risk",
            "warning[required-sections]: content/announcements/leak.en.md: breach-notice `leak` has no section on whom to contact and other useful information\n  hint: add a `##` section on it, with a heading containing one of: contact, enquiries, inquiries, what you should do, what to do, other information",
            "warning[required-sections]: content/announcements/leak.md:5: breach-notice `leak` has no section on whether there is secondary damage or a risk of it\n  hint: add a `##` section on it, with a heading containing one of: 二次被害, 二次的な被害, 不正利用",
            "warning[required-sections]: content/announcements/leak.md:5: breach-notice `leak` has no section on whom to contact and other useful information\n  hint: add a `##` section on it, with a heading containing one of: お問い合わせ, 問い合わせ, 窓口, 連絡先, お願い, その他",
        ]
    );

    site.write(
        LEAK,
        &leak(&[
            "概要",
            "漏えいした個人情報の項目",
            "原因",
            "二次被害の有無",
            "お問い合わせ窓口",
        ]),
    );
    site.write(
        LEAK_EN,
        &leak_en(&[
            "Overview",
            "Personal data involved",
            "Cause",
            "Secondary damage",
            "Contact",
        ]),
    );
    assert!(of(&check(&site), Rule::RequiredSections).is_empty());
}

#[test]
fn an_unknown_kind_or_a_translation_that_disagrees_is_refused() {
    let site = TestSite::basic();
    let problems = site.refused(|site| {
        site.edit(FIRST, "number = 1", "number = 1\nkind = \"breach\"");
        site.edit(
            "content/announcements/both/index.en.md",
            "number = 2",
            "number = 2\nkind = \"breach-notice\"",
        );
    });
    assert_eq!(
        problems,
        [
            "content/announcements/both/index.en.md:4: `kind` is \"breach-notice\" here but not set in the original content/announcements/both/index.md; expected the same value (or leave it out: translations inherit it)",
            "content/announcements/first.md:6: unknown kind `breach`; expected \"breach-notice\"",
        ]
    );
}

#[test]
fn translation_outdated_names_the_originals_update_or_its_correction() {
    let site = TestSite::basic();
    site.edit(
        FIRST,
        "number = 1",
        "number = 1\nupdated = 2023-06-06T09:00:00+09:00",
    );
    assert_eq!(
        of(&check(&site), Rule::TranslationOutdated),
        [
            "warning[translation-outdated]: content/announcements/first.en.md: the original was updated on 2023-06-06 09:00, after this translation (2023-06-05 10:00)\n  hint: bring the translation in line with the original, then set its `updated` to when you did"
        ]
    );

    site.edit(
        FIRST_EN,
        "summary",
        "updated = 2023-06-06T09:00:00+09:00\nsummary",
    );
    assert!(of(&check(&site), Rule::TranslationOutdated).is_empty());

    // A correction published later leaves the translation behind too.
    site.write(
        "content/announcements/fix.md",
        "+++\ntitle = \"訂正\"\ndate = 2023-06-07T12:00:00+09:00\nchannel = \"pr\"\ncorrects = \"first\"\n+++\n第1報の発生時刻に誤りがありました。\n",
    );
    assert_eq!(
        of(&check(&site), Rule::TranslationOutdated),
        [
            "warning[translation-outdated]: content/announcements/first.en.md:3: the original was corrected by `fix` on 2023-06-07 12:00, after this translation (2023-06-06 09:00)\n  hint: bring the translation in line with the original, then set its `updated` to when you did"
        ]
    );
}

#[test]
fn pdf_only_wants_the_key_facts_in_the_page_not_only_in_the_attachment() {
    // The fixture's `both` states its findings besides linking the report.
    let site = TestSite::basic();
    assert!(of(&check(&site), Rule::PdfOnly).is_empty());

    let text = std::fs::read_to_string(site.root().join(BOTH)).unwrap();
    let end = text.find("\n\n侵入経路").unwrap();
    site.write(BOTH, &format!("{}\n", &text[..end]));
    assert_eq!(
        of(&check(&site), Rule::PdfOnly),
        [
            "warning[pdf-only]: content/announcements/both/index.md:10: the text says little besides its attachments (`report.pdf`): 55 columns of text, fewer than 200\n  hint: state the key facts in the page itself (what happened, who is affected, what to do); phones and screen readers handle PDFs badly"
        ]
    );
}

#[test]
fn image_alt_wants_every_image_described_unless_raw_html_marks_it_decoration() {
    let site = TestSite::basic();
    site.edit(
        FIRST,
        "本日、システム障害が発生しました。",
        "本日、システム障害が発生しました。\n\n![](chart.png)\n\n<img src=\"map.png\">\n\n\
         ![影響を受けたサービスの一覧](services.png)\n\n\
         <img src=\"rule.png\" alt=\"\" role=\"presentation\">",
    );
    let hint = "  hint: say what the image shows in its alt text (`![what it shows](file.png)`): readers who cannot see it need the facts it carries";
    assert_eq!(
        of(&check(&site), Rule::ImageAlt),
        [
            format!(
                "warning[image-alt]: content/announcements/first.md:9: image `chart.png` has no alternative text\n{hint}"
            ),
            format!(
                "warning[image-alt]: content/announcements/first.md:11: image `map.png` has no alternative text\n{hint}"
            ),
        ]
    );

    site.edit(
        FIRST,
        "![](chart.png)",
        "![9時から17時までの障害件数](chart.png)",
    );
    site.edit(
        FIRST,
        "<img src=\"map.png\">",
        "<img src=\"map.png\" alt=\"影響地域の地図\">",
    );
    assert!(of(&check(&site), Rule::ImageAlt).is_empty());
}
