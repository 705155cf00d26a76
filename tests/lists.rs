//! The unified announcement list (発表情報一覧) and its IR and PR filters.

use crate::support::{HtmlPage, TestSite};

fn slugs(page: &HtmlPage) -> Vec<String> {
    page.attrs(".announcements .announcement-item .title a", "href")
        .iter()
        .map(|h| page.resolve(h))
        .map(|p| {
            p.trim_start_matches("announcements/")
                .trim_end_matches("/index.html")
                .to_string()
        })
        .collect()
}

#[test]
fn unified_list_is_newest_first_with_channel_labels_and_numbers() {
    let site = TestSite::basic();
    site.built();
    let list = site.page("announcements/index.html");
    assert_eq!(list.text("h1"), "発表情報一覧");
    assert_eq!(slugs(&list), ["both", "disclosure", "first"]);

    let labels = |n: usize| list.texts(&format!(".announcement-item:nth-child({n}) .channel"));
    assert_eq!(labels(1), ["適時開示", "お知らせ"]);
    assert_eq!(labels(2), ["適時開示"]);
    assert_eq!(labels(3), ["お知らせ"]);
    assert_eq!(list.texts(".announcement-item .number"), ["第2報", "第1報"]);
    assert_eq!(
        list.texts(".announcement-item time"),
        [
            "2023年6月7日 17:00",
            "2023年6月6日 15:00",
            "2023年6月5日 10:00"
        ]
    );
}

#[test]
fn summaries_come_from_front_matter_or_the_first_paragraph() {
    let site = TestSite::basic();
    site.built();
    let list = site.page("announcements/index.html");
    assert_eq!(
        list.texts(".announcement-item .summary"),
        [
            "外部機関による調査が完了しました。",
            "特別損失を計上する見込みです。",
            "本日、システム障害が発生しました。"
        ]
    );
}

#[test]
fn channel_labels_read_the_same_on_every_page() {
    let site = TestSite::basic();
    site.built();
    for path in [
        "index.html",
        "announcements/index.html",
        "announcements/ir/index.html",
        "announcements/both/index.html",
    ] {
        let page = site.page(path);
        for class in ["channel-ir", "channel-pr"] {
            for label in page.texts(&format!(".{class}")) {
                let expected = if class == "channel-ir" {
                    "適時開示"
                } else {
                    "お知らせ"
                };
                assert_eq!(label, expected, "{path}");
            }
        }
    }
}

#[test]
fn ir_and_pr_filters_hold_their_subsets_and_show_which_is_active() {
    let site = TestSite::basic();
    site.built();
    let ir = site.page("announcements/ir/index.html");
    assert_eq!(slugs(&ir), ["both", "disclosure"]);
    assert_eq!(ir.text(".filters [aria-current='page']"), "適時開示（IR）");

    let pr = site.page("announcements/pr/index.html");
    assert_eq!(slugs(&pr), ["both", "first"]);
    assert_eq!(pr.text(".filters [aria-current='page']"), "お知らせ（PR）");

    let all = site.page("announcements/index.html");
    assert_eq!(all.text(".filters [aria-current='page']"), "すべて");
    let filter_targets: Vec<String> = all
        .attrs(".filters a", "href")
        .iter()
        .map(|h| all.resolve(h))
        .collect();
    assert_eq!(
        filter_targets,
        [
            "announcements/index.html",
            "announcements/ir/index.html",
            "announcements/pr/index.html"
        ]
    );
}

#[test]
fn an_empty_channel_says_so() {
    let site = TestSite::basic();
    site.remove("content/announcements/disclosure.md")
        .remove("content/announcements/embargoed.md")
        .write(
            "content/announcements/both/index.md",
            "+++\ntitle = \"調査結果\"\ndate = 2023-06-07T17:00:00+09:00\nchannel = \"pr\"\n+++\n本文\n",
        )
        .remove("content/announcements/both/index.en.md");
    site.built();
    let ir = site.page("announcements/ir/index.html");
    assert_eq!(ir.count(".announcement-item"), 0);
    assert_eq!(ir.text("main > p"), "該当する発表はまだありません。");
}
