//! `build` runs the rules of level error of `check` and refuses to publish what they
//! find (a placeholder, an empty section, a confidential marker, a broken link),
//! leaving the previous output as it was; `--publish-with-errors` publishes anyway and
//! says so; warnings never stop it.

use crisis_site::{BuildError, MessageLang, Rule};

use crate::support::TestSite;

const FIRST: &str = "content/announcements/first.md";

/// Builds the site, breaks it with `change`, and returns the error findings of the
/// refused build as printed, after checking that the output is byte for byte as it was
/// and that no staging folder was left behind.
fn refused_by_review(site: &TestSite, change: impl FnOnce(&TestSite)) -> Vec<String> {
    site.built();
    let before = site.snapshot();
    change(site);
    let report = match site.build() {
        Err(BuildError::Refused(report)) => report,
        other => panic!("expected the review to refuse the build, got {other:?}"),
    };
    assert_eq!(
        site.snapshot(),
        before,
        "a refused build leaves the output as it was"
    );
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".crisis-site"))
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
    report.findings.iter().map(|f| f.to_string()).collect()
}

/// Puts a placeholder and a confidential marker into the first announcement.
fn unfinished(site: &TestSite) {
    site.edit(
        FIRST,
        "本日、システム障害が発生しました。",
        "本日、（日時）にシステム障害が発生しました。本資料は社外秘です。",
    );
}

#[test]
fn an_error_of_the_review_stops_the_build_and_the_output_stays() {
    let site = TestSite::basic();
    assert_eq!(
        refused_by_review(&site, unfinished),
        [
            "error[confidential-marker]: content/announcements/first.md:7: published text marks itself confidential: `社外秘`\n  hint: remove the marker: a public statement never asks readers to keep it secret (and what must stay secret is not published)",
            "error[placeholder]: content/announcements/first.md:7: published text still holds the placeholder `（日時）`\n  hint: write what it stands for in its place; an announcement not ready yet can stay a draft (`draft = true`)",
        ]
    );
}

#[test]
fn a_broken_link_and_an_empty_section_stop_the_build_too() {
    let site = TestSite::basic();
    let findings = refused_by_review(&site, |s| {
        s.edit(
            FIRST,
            "詳細は[調査報告](../both/index.html)をご覧ください。",
            "詳細は[調査報告](../gone/)をご覧ください。\n\n## お問い合わせ",
        );
    });
    let rules: Vec<&str> = findings
        .iter()
        .map(|f| f.split(':').next().unwrap())
        .collect();
    assert_eq!(rules, ["error[broken-link]", "error[empty-section]"]);
}

#[test]
fn the_command_prints_the_errors_and_a_summary_in_either_language() {
    let site = TestSite::basic();
    site.built();
    let before = site.snapshot();
    unfinished(&site);
    let out = site.run(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(out.stdout, b"");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error[confidential-marker]: content/announcements/first.md:7: published text marks itself confidential: `社外秘`\n  \
         hint: remove the marker: a public statement never asks readers to keep it secret (and what must stay secret is not published)\n\
         error[placeholder]: content/announcements/first.md:7: published text still holds the placeholder `（日時）`\n  \
         hint: write what it stands for in its place; an announcement not ready yet can stay a draft (`draft = true`)\n\
         error: build refused: the review found 2 errors in what would be published (as `crisis-site check` reports them); \
         ./public was left as it was; fix them, or pass --publish-with-errors to publish anyway\n"
    );
    let out = site.run(&["--messages", "ja", "build"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.lines().last().unwrap(),
        "エラー: 公開前チェックで、公開される内容に 2 件のエラーが見つかったため、生成を取りやめました（`crisis-site check` と同じ指摘です）。./public は元のままです。直すか、それでも公開する場合は --publish-with-errors を付けてください"
    );
    assert_eq!(
        stderr.lines().nth(2).unwrap(),
        "error[placeholder]: content/announcements/first.md:7: 公開される文に仮の記入「（日時）」が残っています。"
    );
    assert_eq!(site.snapshot(), before);
}

#[test]
fn publish_with_errors_publishes_them_and_says_how_many() {
    let site = TestSite::basic();
    unfinished(&site);
    let out = site.run(&["build", "--publish-with-errors"]);
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines[4],
        "warning: published with 2 errors of the review (--publish-with-errors): readers see them as listed above"
    );
    assert_eq!(
        site.page("announcements/first/index.html")
            .texts(".prose p")[0],
        "本日、（日時）にシステム障害が発生しました。本資料は社外秘です。"
    );
    let summary = site.build_with_errors();
    let rules: Vec<Rule> = summary.published_errors.iter().map(|f| f.rule).collect();
    assert_eq!(rules, [Rule::ConfidentialMarker, Rule::Placeholder]);
    let out = site.run(&["--messages", "ja", "build", "--publish-with-errors"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.lines().nth(4).unwrap(),
        "注意: 公開前チェックのエラー 2 件を含んだまま公開しました（--publish-with-errors）。上に挙げた指摘は、読者にもそのまま見えます"
    );
}

#[test]
fn warnings_and_rules_lowered_in_site_toml_never_stop_a_build() {
    let site = TestSite::basic();
    unfinished(&site);
    // An image without alt text is a warning; the two errors are lowered to one.
    site.edit(
        FIRST,
        "## 今後の対応",
        "![](../both/report.pdf)\n\n## 今後の対応",
    );
    site.edit(
        "site.toml",
        "[incident]",
        "[check.levels]\nconfidential-marker = \"warning\"\nplaceholder = \"info\"\n\n[incident]",
    );
    let summary = site.build().unwrap();
    assert!(summary.published_errors.is_empty());
    assert!(site.exists("announcements/first/index.html"));
}

#[test]
fn a_drafts_build_reviews_the_drafts_it_publishes() {
    let mut site = TestSite::basic();
    site.edit(
        "content/announcements/draft.md",
        "まだ公開しない本文。",
        "TODO: 本文",
    );
    site.built();
    site.drafts = true;
    let err = site.build().unwrap_err();
    assert_eq!(
        err.text(MessageLang::En),
        "error[placeholder]: content/announcements/draft.md:8: published text still holds the placeholder `TODO`\n  \
         hint: write what it stands for in its place; an announcement not ready yet can stay a draft (`draft = true`)"
    );
}
