//! The built-in theme and what a site puts in its place: its own `templates/`,
//! `static/` and `i18n/`, and a theme folder `themes/NAME/`, each replacing the
//! built-in files of the same path (the strings key by key); `theme export`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crisis_site::{BuildError, Error, MessageLang};

use crate::support::{TestSite, snapshot, theme_file};

/// The problems of a build that fails, in `lang`.
fn problems_in(site: &TestSite, lang: MessageLang) -> Vec<String> {
    match site.build() {
        Err(BuildError::Failed(Error::Invalid(problems))) => {
            problems.iter().map(|p| p.text(lang)).collect()
        }
        other => panic!("expected problems, got {other:?}"),
    }
}

/// The output paths whose bytes differ between two snapshots (or are in one only).
fn changed(
    before: &std::collections::BTreeMap<PathBuf, Vec<u8>>,
    after: &std::collections::BTreeMap<PathBuf, Vec<u8>>,
) -> BTreeSet<String> {
    let paths: BTreeSet<&PathBuf> = before.keys().chain(after.keys()).collect();
    paths
        .into_iter()
        .filter(|p| before.get(*p) != after.get(*p))
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect()
}

/// The basic fixture naming theme `corporate` in site.toml, at line 7.
fn with_named_theme() -> TestSite {
    let site = TestSite::basic();
    site.edit(
        "site.toml",
        "home_latest = 2\n",
        "home_latest = 2\ntheme = \"corporate\"\n",
    );
    site
}

#[test]
fn a_site_of_only_site_toml_and_content_builds_with_the_built_in_theme() {
    let site = TestSite::basic();
    let mut folders: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    assert_eq!(folders, ["content", "site.toml"]);
    site.built();
    let home = site.page("index.html");
    assert_eq!(home.text("h1"), "テスト事案に関する特設ページ");
    assert_eq!(home.text(".status dd"), "対応中");
    assert_eq!(home.text(".last-updated dd"), "2023年6月7日 17:00");
    assert_eq!(
        site.page("announcements/index.html").text("h1"),
        "発表情報一覧"
    );
    let en = site.page("en/announcements/index.html");
    assert_eq!(en.text("h1"), "All announcements");
    assert_eq!(en.text(".status dd"), "Responding");
    assert_eq!(
        site.read(&site.stylesheet()),
        theme_file("static/style.css")
    );
}

#[test]
fn a_site_template_replaces_that_template_only() {
    let site = TestSite::basic();
    site.built();
    let before = site.snapshot();
    site.edit_theme("templates/list.html", "<h1>", "<h1 class=\"ours\">");
    site.built();
    assert_eq!(
        changed(&before, &site.snapshot()),
        [
            "announcements/index.html",
            "announcements/ir/index.html",
            "announcements/pr/index.html",
            "en/announcements/index.html",
            "en/announcements/ir/index.html",
            "en/announcements/pr/index.html",
        ]
        .map(String::from)
        .into()
    );
    assert_eq!(
        site.page("announcements/index.html").text("h1.ours"),
        "発表情報一覧"
    );
}

#[test]
fn a_site_partial_replaces_the_built_in_partial_in_every_template_that_includes_it() {
    let site = TestSite::basic();
    site.edit_theme(
        "templates/partials/item.html",
        "class=\"announcement-item",
        "class=\"ours announcement-item",
    );
    site.built();
    assert_eq!(site.page("announcements/index.html").count(".ours"), 3);
    assert_eq!(site.page("index.html").count(".ours"), 2);
}

#[test]
fn a_named_theme_with_a_few_files_takes_the_others_from_the_built_in_theme() {
    let site = with_named_theme();
    site.write(
        "themes/corporate/templates/partials/item.html",
        &theme_file("templates/partials/item.html").replacen(
            "class=\"announcement-item",
            "class=\"corporate announcement-item",
            1,
        ),
    );
    site.write("themes/corporate/static/logo.svg", "<svg/>");
    site.write(
        "themes/corporate/i18n/en.toml",
        "list_title_all = \"Every statement\"\n",
    );
    site.built();
    assert_eq!(site.page("announcements/index.html").count(".corporate"), 3);
    assert_eq!(
        site.page("announcements/index.html").text("h1"),
        "発表情報一覧"
    );
    assert_eq!(
        site.page("en/announcements/index.html").text("h1"),
        "Every statement"
    );
    assert_eq!(site.read("logo.svg"), "<svg/>");
    assert_eq!(
        site.read(&site.stylesheet()),
        theme_file("static/style.css")
    );

    // The site's own files replace the named theme's, as they replace the built-in ones.
    site.write(
        "templates/partials/item.html",
        &theme_file("templates/partials/item.html"),
    );
    site.write("i18n/en.toml", "list_title_all = \"All of them\"\n");
    site.write("static/logo.svg", "<svg id=\"ours\"/>");
    site.built();
    assert_eq!(site.page("announcements/index.html").count(".corporate"), 0);
    assert_eq!(
        site.page("en/announcements/index.html").text("h1"),
        "All of them"
    );
    assert_eq!(site.read("logo.svg"), "<svg id=\"ours\"/>");
}

#[test]
fn a_template_error_in_a_named_theme_names_its_file() {
    let site = with_named_theme();
    site.write(
        "themes/corporate/templates/list.html",
        "{% extends \"base.html\" %}\n{% block main %}\n{{ items | lenght }}\n{% endblock main %}\n",
    );
    assert_eq!(
        site.problems(),
        [
            "themes/corporate/templates/list.html:3: template `list.html` failed: Unknown filter `lenght`"
        ]
    );
    assert_eq!(
        problems_in(&site, MessageLang::Ja),
        [
            "themes/corporate/templates/list.html:3: テンプレート「list.html」でエラーになりました: Unknown filter `lenght`"
        ]
    );
}

#[test]
fn a_named_theme_that_is_not_there_is_refused_at_its_line_in_both_languages() {
    let site = TestSite::basic();
    let problems = site.refused(|s| {
        s.edit(
            "site.toml",
            "home_latest = 2\n",
            "home_latest = 2\ntheme = \"corporate\"\n",
        );
    });
    assert_eq!(
        problems,
        [
            "site.toml:7: theme `corporate` not found: there is no folder themes/corporate/; \
          create it with the templates, static files or strings the site changes (every other \
          file comes from the built-in theme), or remove `theme` to use the built-in theme"
        ]
    );
    assert_eq!(
        problems_in(&site, MessageLang::Ja),
        [
            "site.toml:7: テーマ「corporate」が見つかりません（themes/corporate/ というフォルダーが\
          ありません）。変えたいテンプレート・静的ファイル・文言だけを入れてこのフォルダーを作って\
          ください（ほかのファイルは組み込みのテーマのものを使います）。組み込みのテーマを使う場合は \
          `theme` の行を消してください。"
        ]
    );
}

#[test]
fn theme_default_is_the_built_in_theme_with_or_without_its_folder() {
    let site = TestSite::basic();
    site.built();
    let before = site.snapshot();
    site.edit(
        "site.toml",
        "home_latest = 2\n",
        "home_latest = 2\ntheme = \"default\"\n",
    );
    site.built();
    assert_eq!(site.snapshot(), before);
    // A folder themes/default/ is the site's own copy of some of its files.
    site.write(
        "themes/default/i18n/ja.toml",
        "status_responding = \"対応しています\"\n",
    );
    site.built();
    assert_eq!(site.page("index.html").text(".status dd"), "対応しています");
}

#[test]
fn a_site_i18n_file_replaces_the_strings_it_holds_and_no_others() {
    let site = TestSite::basic();
    site.write("i18n/ja.toml", "status_responding = \"対応しています\"\n");
    site.built();
    let home = site.page("index.html");
    assert_eq!(home.text(".status dd"), "対応しています");
    assert_eq!(home.text(".last-updated dd"), "2023年6月7日 17:00");
    assert_eq!(
        site.page("announcements/index.html").text("h1"),
        "発表情報一覧"
    );
    assert_eq!(site.page("en/index.html").text(".status dd"), "Responding");
}

#[test]
fn a_bad_value_in_a_site_i18n_file_is_named_in_that_file() {
    let site = TestSite::basic();
    let problems = site.refused(|s| {
        s.write("i18n/ja.toml", "date_format = \"%Y年%-m月%-d日 %H:%M\"\n");
    });
    assert_eq!(
        problems,
        [
            "i18n/ja.toml: `date_format`: `%Y年%-m月%-d日 %H:%M` names a time of day or zone; \
          expected only date fields such as %Y, %m, %d"
        ]
    );
    let problems = TestSite::basic().refused(|s| {
        s.write("i18n/ja.toml", "status_responding = 対応中\n");
    });
    assert_eq!(
        problems,
        ["i18n/ja.toml:1:21: text is written between quotes: status_responding = \"対応中\""]
    );
}

/// The basic fixture with a guide page in Traditional Chinese, so the site is in
/// `zh-tw`, a language the built-in theme has no strings for.
fn in_zh_tw() -> TestSite {
    let site = TestSite::basic();
    site.write(
        "content/pages/faq.md",
        "+++\ntitle = \"よくあるご質問\"\n+++\n本文\n",
    );
    site.write(
        "content/pages/faq.zh-tw.md",
        "+++\ntitle = \"常見問題\"\n+++\n本文\n",
    );
    site
}

#[test]
fn a_language_without_strings_is_refused_naming_the_file_to_write() {
    let site = in_zh_tw();
    assert_eq!(
        site.problems(),
        [
            "i18n/zh-tw.toml: no strings for `zh-tw`: the site has content in `zh-tw`, but the \
          built-in theme has strings only for en, ja; write this file with every string \
          (`crisis-site theme export DIR` writes the built-in i18n/en.toml to start from)"
        ]
    );
    assert_eq!(
        problems_in(&site, MessageLang::Ja),
        [
            "i18n/zh-tw.toml: 「zh-tw」の文言がありません。サイトに「zh-tw」の内容がありますが、\
          組み込みのテーマの文言は en, ja だけです。このファイルを作り、すべての文言を書いて\
          ください（`crisis-site theme export フォルダー名` で組み込みの i18n/en.toml を書き出せる\
          ので、それを元にできます）。"
        ]
    );
}

#[test]
fn strings_missing_from_a_new_language_are_named_in_its_file() {
    let site = in_zh_tw();
    let en = theme_file("i18n/en.toml");
    let without: String = en
        .lines()
        .filter(|l| !l.starts_with("badge_label ") && !l.starts_with("date_format "))
        .map(|l| format!("{l}\n"))
        .collect();
    site.write("i18n/zh-tw.toml", &without);
    assert_eq!(
        site.problems(),
        [
            "i18n/zh-tw.toml: missing strings `badge_label`, `date_format`; expected every one of them"
        ]
    );
    assert_eq!(
        problems_in(&site, MessageLang::Ja),
        [
            "i18n/zh-tw.toml: 文言 `badge_label`, `date_format` がありません。サイトの言語ごとに、すべての文言が必要です。"
        ]
    );
    site.write("i18n/zh-tw.toml", &en);
    site.built();
    assert_eq!(
        site.page("zh-tw/faq/index.html").text("article h1"),
        "常見問題"
    );
}

#[test]
fn a_built_in_template_that_fails_says_it_is_built_in() {
    // The built-in list.html uses `filter_label`, which the code itself never asks for.
    let site = in_zh_tw();
    let without: String = theme_file("i18n/en.toml")
        .lines()
        .filter(|l| !l.starts_with("filter_label "))
        .map(|l| format!("{l}\n"))
        .collect();
    site.write("i18n/zh-tw.toml", &without);
    let en = site.problems();
    assert_eq!(en.len(), 1, "{en:?}");
    assert!(
        en[0].starts_with(
            "templates/list.html:4: template `list.html` of the built-in theme failed: \
             Field `filter_label` is not defined. Available fields: alerts, all_announcements,"
        ),
        "{en:?}"
    );
    assert!(
        en[0].ends_with(
            "; the site's own templates or strings lack what it uses (`crisis-site theme \
             export DIR` writes the built-in files to read)"
        ),
        "{en:?}"
    );
    let ja = problems_in(&site, MessageLang::Ja);
    assert!(
        ja[0].starts_with(
            "templates/list.html:4: 組み込みのテーマのテンプレート「list.html」でエラーになりました: "
        ),
        "{ja:?}"
    );
    assert!(
        ja[0].ends_with(
            "。サイト側のテンプレートや文言に、このテンプレートが使うものが欠けています\
             （`crisis-site theme export フォルダー名` で組み込みのファイルを書き出して読めます）。"
        ),
        "{ja:?}"
    );
}

#[test]
fn the_example_site_builds_the_same_with_or_without_the_repository_themes_folder() {
    let example = TestSite::example();
    assert!(!example.root().join("themes").exists());
    example.built();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let mut options = example.options();
    options.root = repo.to_path_buf();
    options.output = out.path().join("public");
    crisis_site::build(&options).unwrap();
    assert_eq!(snapshot(&options.output), example.snapshot());
}

/// Runs `crisis-site theme export DIR` with messages in `lang`.
fn export(dir: &Path, lang: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_crisis-site"))
        .env_remove(crisis_site::MESSAGES_VAR)
        .args(["--messages", lang, "theme", "export"])
        .arg(dir)
        .output()
        .unwrap()
}

#[test]
fn theme_export_writes_exactly_the_built_in_files() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("theme");
    let out = export(&target, "en");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.stderr, b"");
    let expected: std::collections::BTreeMap<PathBuf, Vec<u8>> = crisis_site::BUILT_IN_THEME
        .iter()
        .map(|(path, text)| (PathBuf::from(path), text.as_bytes().to_vec()))
        .collect();
    assert_eq!(snapshot(&target), expected);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut lines: Vec<String> = stdout.lines().map(String::from).collect();
    assert_eq!(
        lines.remove(0),
        format!(
            "wrote the built-in theme to {} (28 files):",
            target.display()
        )
    );
    assert_eq!(
        lines.pop().unwrap(),
        "these are for reading: copy into the site's templates/, static/ or i18n/ only the \
         files you change (an i18n file needs only the strings you change); every other file \
         keeps coming from crisis-site, with its fixes when you upgrade"
    );
    let listed: Vec<&str> = lines
        .iter()
        .map(|l| l.strip_prefix("  ").unwrap())
        .collect();
    let built_in: Vec<&str> = crisis_site::BUILT_IN_THEME
        .iter()
        .map(|(p, _)| *p)
        .collect();
    assert_eq!(listed, built_in);

    // In Japanese.
    let other = dir.path().join("other");
    let out = export(&other, "ja");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[0],
        format!(
            "組み込みのテーマを {} に書き出しました（28 ファイル）:",
            other.display()
        )
    );
    assert_eq!(
        *lines.last().unwrap(),
        "これらは読むためのファイルです。変えたいファイルだけをサイトの templates/、static/、i18n/ \
         に写してください（i18n のファイルには変える文言だけを書けば足ります）。ほかのファイルは \
         crisis-site のものを使い続け、更新したときに修正が届きます。"
    );
}

#[test]
fn theme_export_refuses_to_overwrite_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("templates/partials")).unwrap();
    std::fs::write(dir.path().join("templates/home.html"), "mine").unwrap();
    std::fs::write(dir.path().join("i18n"), "a file where a folder goes").unwrap();
    let before = snapshot(dir.path());
    let out = export(dir.path(), "en");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(out.stdout, b"");
    let d = dir.path().display();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "error: {d}/i18n: already exists\n\
             error: {d}/templates/home.html: already exists\n\
             error: theme export wrote nothing, since it never overwrites a file: 2 files are \
             in the way; export into a new or empty folder, or move them away\n"
        )
    );
    let out = export(dir.path(), "ja");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "エラー: {d}/i18n: すでにあります\n\
             エラー: {d}/templates/home.html: すでにあります\n\
             エラー: theme export はファイルを上書きしないため、何も書き出していません（書き出し先に\
             既存のファイルが 2 件あります）。新しいフォルダーか空のフォルダーに書き出すか、既存の\
             ファイルを別の場所に移してください。\n"
        )
    );
    assert_eq!(snapshot(dir.path()), before);
    assert!(!dir.path().join("static").exists());

    // A file in place of the folder.
    let file = dir.path().join("templates/home.html");
    let out = export(&file, "en");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "error: {}: is a file; expected a folder to write the built-in theme into (theme \
             export never overwrites)\n\
             error: theme export wrote nothing, since it never overwrites a file: 1 file is in \
             the way; export into a new or empty folder, or move it away\n",
            file.display()
        )
    );
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_theme_file_that_is_not_utf8_is_refused_saying_how_to_save_it() {
    // "対応中" in Shift_JIS.
    let sjis: &[u8] = b"\x91\xce\x89\x9e\x92\x86";
    let site = TestSite::basic();
    let problems = site.refused(|s| {
        std::fs::create_dir_all(s.root().join("templates")).unwrap();
        std::fs::write(s.root().join("templates/home.html"), sjis).unwrap();
        std::fs::create_dir_all(s.root().join("i18n")).unwrap();
        let strings = [b"status_responding = \"".as_slice(), sjis, b"\"\n"].concat();
        std::fs::write(s.root().join("i18n/ja.toml"), strings).unwrap();
    });
    assert_eq!(
        problems,
        [
            "templates/home.html: is not UTF-8 text; save it as UTF-8",
            "i18n/ja.toml: is not UTF-8 text; save it as UTF-8",
        ]
    );
    assert_eq!(
        problems_in(&site, MessageLang::Ja),
        [
            "templates/home.html: UTF-8 のテキストではありません。UTF-8 で保存し直してください。",
            "i18n/ja.toml: UTF-8 のテキストではありません。UTF-8 で保存し直してください。",
        ]
    );
}
