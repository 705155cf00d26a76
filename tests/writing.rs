//! Starting a site (`init`): the starter, its drafts and placeholders, and what it takes
//! to publish it. Writing announcements (`new`) is in `new_command.rs`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::DateTime;
use scraper::Html;

use crate::support::{HtmlPage, NOW, snapshot};

/// Runs the binary in `root` with `args` at the fixtures' moment, its messages in
/// English unless `args` choose.
fn run_in(root: &Path, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_crisis-site"));
    command
        .current_dir(root)
        .env_remove(crisis_site::MESSAGES_VAR)
        .args(["--now", NOW]);
    if !args.contains(&"--messages") {
        command.args(["--messages", "en"]);
    }
    command.args(args).output().unwrap()
}

/// A new site made by `init` at the fixtures' moment in `dir/incident`.
fn init_in(dir: &Path) -> PathBuf {
    let root = dir.join("incident");
    crisis_site::init(&root, DateTime::parse_from_rfc3339(NOW).unwrap()).unwrap();
    root
}

/// What the starter's writer replaces its placeholders with, in every file.
const FILLED_IN: &[(&str, &str)] = &[
    ("（事案名）", "システム障害"),
    ("（事案）", "システム障害"),
    ("（会社名）", "テスト株式会社"),
    ("（証券コード）", "1234"),
    ("（上場取引所）", "東証プライム"),
    ("（役職・氏名）", "広報部長 山田 太郎"),
    ("（電話番号）", "0120-111-222"),
    ("（メールアドレス）", "desk@test.example.jp"),
    ("（受付時間）", "平日 9:00〜18:00"),
    ("(name of the incident)", "the system failure"),
    ("(company name)", "Test Co., Ltd."),
    ("(securities code)", "1234"),
    ("(title and name)", "Taro Yamada, Head of PR"),
    ("(opening hours)", "Weekdays 9:00-18:00 JST"),
    ("# securities_code = \"9999\"", "securities_code = \"1234\""),
    ("draft = true\n", ""),
];

/// Does what a writer does to the starter before publishing it, the same way every
/// time: each placeholder replaced by [`FILLED_IN`], each line to be written
/// (`【要記入】…`, `[fill in] …`) written, and the drafts made ready.
fn fill_in(root: &Path) {
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.unwrap();
        let relative = entry.path().strip_prefix(root).unwrap();
        if !entry.file_type().is_file() || relative.starts_with("themes") {
            continue;
        }
        let mut text = std::fs::read_to_string(entry.path()).unwrap();
        for (from, to) in FILLED_IN {
            text = text.replace(from, to);
        }
        let text: String = text
            .lines()
            .map(|line| {
                if line.starts_with("【要記入】") {
                    "本文です。"
                } else if line.starts_with("[fill in]") {
                    "Text."
                } else {
                    line
                }
            })
            .map(|line| format!("{line}\n"))
            .collect();
        std::fs::write(entry.path(), text).unwrap();
    }
}

#[test]
fn the_embedded_theme_is_the_default_theme() {
    let theme = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
    let on_disk = snapshot(&theme);
    let embedded: std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> =
        crisis_site::BUILT_IN_THEME
            .iter()
            .map(|(path, text)| (std::path::PathBuf::from(path), text.as_bytes().to_vec()))
            .chain(
                crisis_site::BUILT_IN_FONTS
                    .iter()
                    .map(|(path, bytes)| (std::path::PathBuf::from(path), bytes.to_vec())),
            )
            .chain(std::iter::once((
                std::path::PathBuf::from("fonts/LICENSE-BIZUDPGothic.txt"),
                std::fs::read(theme.join("fonts/LICENSE-BIZUDPGothic.txt")).unwrap(),
            )))
            .collect();
    assert_eq!(
        embedded, on_disk,
        "src/theme/builtin.rs FILES must list every file of themes/default"
    );
}

#[test]
fn init_writes_a_site_that_once_filled_in_builds_in_both_languages_and_channels() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("incident");
    let out = Command::new(env!("CARGO_BIN_EXE_crisis-site"))
        .env(crisis_site::MESSAGES_VAR, "en")
        .args(["--now", NOW, "init"])
        .arg(&root)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[0],
        format!(
            "wrote a new site to {} ({} files):",
            root.display(),
            snapshot(&root).len()
        )
    );
    assert_eq!(
        lines[1..5],
        [
            "  site.toml",
            "  content/_index.md",
            "  content/_index.en.md",
            "  content/announcements/2023-06-08-first-notice.md"
        ]
    );
    let (last, files) = lines[1..].split_last().unwrap();
    let mut listed: Vec<String> = files.iter().map(|l| l.trim().to_string()).collect();
    listed.sort();
    let written: Vec<String> = snapshot(&root)
        .keys()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    assert_eq!(listed, written);
    assert_eq!(written.len(), 7);
    assert!(
        !root.join("themes").exists(),
        "the site takes the built-in theme"
    );
    assert_eq!(
        *last,
        format!("next: cd {} && crisis-site serve", root.display())
    );

    // Filled in, it publishes both channels in both languages.
    fill_in(&root);
    let output = dir.path().join("public");
    crisis_site::build(&crisis_site::BuildOptions {
        root: root.clone(),
        output: output.clone(),
        publish: crisis_site::Publish {
            drafts: false,
            future: false,
            now: DateTime::parse_from_rfc3339(NOW).unwrap().into(),
            base_url: None,
            preview: false,
        },
        publish_with_errors: false,
    })
    .unwrap();
    let page = |path: &str| HtmlPage {
        path: path.to_string(),
        html: Html::parse_document(&std::fs::read_to_string(output.join(path)).unwrap()),
    };
    let list = page("announcements/index.html");
    assert_eq!(
        list.texts(".announcement-item .channel"),
        ["お知らせ", "適時開示"]
    );
    assert_eq!(list.texts(".announcement-item .number"), ["第1報"]);
    assert_eq!(
        list.texts(".announcement-item time")[0],
        "2023年6月8日 12:00"
    );
    let en = page("en/announcements/index.html");
    assert_eq!(en.texts(".announcement-item .title a").len(), 2);
    assert!(
        en.texts(".untranslated").is_empty(),
        "both starter announcements are translated"
    );
    assert_eq!(
        page("index.html").text("#key-report-investigation-report .pending-label"),
        "準備中"
    );
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let err =
        crisis_site::init(dir.path(), DateTime::parse_from_rfc3339(NOW).unwrap()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: is not empty; expected a new or empty folder for the new site (init never overwrites)",
            dir.path().display()
        )
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["notes.txt"]);
}

#[test]
fn init_refuses_a_file_in_place_of_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("incident");
    std::fs::write(&file, "mine").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_crisis-site"))
        .env(crisis_site::MESSAGES_VAR, "en")
        .args(["--now", NOW, "init"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "error: init failed: {}: is a file; expected a new or empty folder for the new site (init never overwrites)\n",
            file.display()
        )
    );
    assert_eq!(out.stdout, b"");
    assert_eq!(
        snapshot(dir.path()),
        [("incident".into(), b"mine".to_vec())].into()
    );
}

#[test]
fn init_dates_the_starter_in_the_site_zone_whatever_the_zone_of_now() {
    // 20:30 UTC is already the next day in Tokyo: the file names and dates say so.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("incident");
    crisis_site::init(
        &root,
        DateTime::parse_from_rfc3339("2023-06-08T20:30:00Z").unwrap(),
    )
    .unwrap();
    let text =
        std::fs::read_to_string(root.join("content/announcements/2023-06-09-first-notice.md"))
            .unwrap();
    let front: toml::Table = toml::from_str(text.split("+++").nth(1).unwrap()).unwrap();
    assert_eq!(front["date"].to_string(), "2023-06-09T05:30:00+09:00");
    let settings: toml::Table =
        toml::from_str(&std::fs::read_to_string(root.join("site.toml")).unwrap()).unwrap();
    assert_eq!(
        settings["incident"]["started"].to_string(),
        "2023-06-09T05:30:00+09:00"
    );
}

/// The finding of a placeholder of the starter, as `check` and `build` print it.
fn placeholder(place: &str, text: &str) -> String {
    format!(
        "error[placeholder]: {place}: published text still holds the placeholder `{text}`\n  \
         hint: write what it stands for in its place; an announcement not ready yet can stay a draft (`draft = true`)\n"
    )
}

/// What a site right after `init` publishes: its placeholders, in site.toml and the
/// overview; its announcements are drafts.
const STARTER_PLACEHOLDERS: [(&str, &str); 12] = [
    ("content/_index.en.md:4", "[fill in]"),
    ("content/_index.md:4", "【要記入】"),
    ("site.toml:4", "（事案名）"),
    ("site.toml:5", "（会社名）"),
    ("site.toml:26", "（上場取引所）"),
    ("site.toml:27", "（役職・氏名）"),
    ("site.toml:40", "（電話番号）"),
    ("site.toml:41", "（メールアドレス）"),
    ("site.toml:42", "（受付時間）"),
    ("site.toml:46", "(opening hours)"),
    ("site.toml:49", "(name of the incident)"),
    ("site.toml:50", "(company name)"),
];

#[test]
fn a_new_site_is_not_built_until_its_placeholders_are_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let root = init_in(dir.path());
    let before = snapshot(&root);
    let out = run_in(&root, &["build"]);
    assert_eq!(out.status.code(), Some(1));
    let findings: String = STARTER_PLACEHOLDERS
        .iter()
        .map(|(place, text)| placeholder(place, text))
        .collect();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "{findings}error: build refused: the review found 12 errors in what would be published \
             (as `crisis-site check` reports them); ./public was left as it was; fix them, or pass \
             --publish-with-errors to publish anyway\n"
        )
    );
    assert_eq!(out.stdout, b"");
    assert_eq!(snapshot(&root), before, "nothing is written");
}

#[test]
fn the_starters_announcements_are_drafts_so_even_a_forced_build_publishes_none() {
    let dir = tempfile::tempdir().unwrap();
    let root = init_in(dir.path());
    for file in ["first-notice", "disclosure"] {
        let text = std::fs::read_to_string(
            root.join(format!("content/announcements/2023-06-08-{file}.md")),
        )
        .unwrap();
        let front: toml::Table = toml::from_str(text.split("+++").nth(1).unwrap()).unwrap();
        assert_eq!(front["draft"].as_bool(), Some(true), "{file}");
    }
    let out = run_in(&root, &["build", "--publish-with-errors"]);
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines[24],
        "warning: published with 12 errors of the review (--publish-with-errors): readers see them as listed above"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("built 0 announcements into ./public ("),
        "{stdout}"
    );
    let list = HtmlPage {
        path: "announcements/index.html".into(),
        html: Html::parse_document(
            &std::fs::read_to_string(root.join("public/announcements/index.html")).unwrap(),
        ),
    };
    assert_eq!(list.count(".announcement-item"), 0);
}

#[test]
fn the_starter_passes_check_strict_once_filled_in_and_undrafted() {
    let dir = tempfile::tempdir().unwrap();
    let root = init_in(dir.path());
    fill_in(&root);
    let out = run_in(&root, &["check", "--strict"]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "info[key-report-pending]: site.toml: key report `investigation-report` (調査報告書) is still in preparation\n  \
         hint: publish the report with key_report = \"investigation-report\" when it is ready\n\
         check: 0 errors, 0 warnings, 1 info\n"
    );
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn init_says_its_refusals_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let out = run_in(dir.path(), &["--messages", "ja", "init", "."]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "エラー: サイトを作れませんでした（init）: .: 空ではありません。新しいサイトには、まだないフォルダーか空のフォルダーを指定してください（init は上書きしません）。\n"
    );
    let file = dir.path().join("notes.txt");
    let err = crisis_site::init(&file, DateTime::parse_from_rfc3339(NOW).unwrap()).unwrap_err();
    assert_eq!(
        err.text(crisis_site::MessageLang::Ja),
        format!(
            "{}: ファイルです。新しいサイトには、まだないフォルダーか空のフォルダーを指定してください（init は上書きしません）。",
            file.display()
        )
    );
}
