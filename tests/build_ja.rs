//! `crisis-site build` in Japanese: what rendering and writing the output say when
//! they refuse a site or the file system says no, and that nothing was written.

use crisis_site::{BuildError, Error, MessageLang, PAUSE_VAR};

use crate::support::TestSite;

/// Builds the site, breaks it with `change`, and returns the problems of the failed
/// build in Japanese, after checking that the output is as it was.
fn refused_ja(site: &TestSite, change: impl FnOnce(&TestSite)) -> Vec<String> {
    site.built();
    let before = site.snapshot();
    change(site);
    let problems = match site.build() {
        Err(BuildError::Failed(Error::Invalid(problems))) => problems,
        other => panic!("expected problems, got {other:?}"),
    };
    assert_eq!(site.snapshot(), before, "a failed build writes nothing");
    problems.iter().map(|p| p.text(MessageLang::Ja)).collect()
}

#[test]
fn two_files_at_one_output_path_are_refused_in_japanese() {
    let site = TestSite::basic();
    let problems = refused_ja(&site, |s| {
        s.write("static/announcements/index.html", "<p>old list</p>");
    });
    assert_eq!(
        problems,
        [
            "static/announcements/index.html: announcements/index.html に書き出されますが、そこには別のもの（生成されるページ）も書き出されます。出力先のパスごとにファイルは1つだけです。どちらかの名前を変えてください。"
        ]
    );
}

#[test]
fn redirects_that_cannot_be_written_are_refused_in_japanese() {
    let site = TestSite::basic();
    let mut line = 0;
    let problems = refused_ja(&site, |s| {
        s.write("static/notice.html", "<p>old</p>");
        let text = std::fs::read_to_string(s.root().join("site.toml")).unwrap();
        line = text.lines().count() + 3;
        s.write(
            "site.toml",
            &format!(
                "{text}\n[redirects]\n\
                 \"/notice.html\" = \"announcements/both/\"\n\
                 \"announcements/both/report.pdf/\" = \"announcements/both/\"\n\
                 \"a/\" = \"b/\"\n\
                 \"b/\" = \"a/\"\n\
                 \"gone/\" = \"announcements/gone/\"\n"
            ),
        );
    });
    assert_eq!(
        problems,
        [
            format!(
                "site.toml:{line}: 「/notice.html」からの転送が、生成で notice.html に書き出すもの（static/notice.html）を置き換えてしまいます。転送元には、生成でもう書き出さない古いパスを指定してください（転送か、そのページを削除してください）。"
            ),
            format!(
                "site.toml:{}: 「announcements/both/report.pdf/」からの転送にはフォルダー announcements/both/report.pdf/ が必要ですが、生成ではそこにファイル（content/announcements/both/report.pdf）を書き出します。転送元には、生成でもう書き出さない古いパスを指定してください。",
                line + 1
            ),
            format!(
                "site.toml:{}: 転送が輪になっています: a/ -> b/ -> a/。それぞれの転送が、生成で書き出すページに行き着くようにしてください。",
                line + 2
            ),
            format!(
                "site.toml:{}: 転送が輪になっています: b/ -> a/ -> b/。それぞれの転送が、生成で書き出すページに行き着くようにしてください。",
                line + 3
            ),
            format!(
                "site.toml:{}: 転送先「announcements/gone/」はサイトのページではありません。生成で書き出すページかファイルのパス（announcements/SLUG/ など）を指定してください。",
                line + 4
            ),
        ]
    );
}

#[test]
fn a_file_system_failure_is_told_in_japanese_and_writes_nothing() {
    let site = TestSite::basic();
    let out = site.run(&["--messages", "ja", "build", "--output", "site.toml/public"]);
    assert_eq!(out.status.code(), Some(1));
    let cause = std::fs::metadata(site.root().join("site.toml/public")).unwrap_err();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "エラー: 生成できませんでした。出力先のフォルダーは元のままです: site.toml/public を確かめられませんでした: {cause}\n"
        )
    );
    assert!(!site.root().join("public").exists());
}

#[test]
fn an_unknown_pause_phase_is_told_in_japanese() {
    let site = TestSite::basic();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_crisis-site"))
        .current_dir(site.root())
        .env(PAUSE_VAR, "swaped")
        .args(["--messages", "ja", "build"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "エラー: CRISIS_SITE_PAUSE_AT: 「swaped」という段階はありません。次のどれかを指定してください: `cleanup`, `claimed`, `writing`, `written`, `swapped`, `deleting`\n\
         エラー: 1 件の問題があり、生成できませんでした。./public は元のままです\n"
    );
    assert!(!site.root().join("public").exists());
}
