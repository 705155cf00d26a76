//! Starting a site (`init`) and writing announcements (`new`).

use std::process::Command;

use chrono::DateTime;
use crisis_site::Channel;
use crisis_site::{Error, Publish};
use crisis_site::{NewAnnouncement, NewTranslation};
use scraper::Html;

use crate::support::{HtmlPage, NOW, TestSite, snapshot};

fn problems(result: Result<std::path::PathBuf, Error>) -> Vec<String> {
    match result {
        Err(Error::Invalid(problems)) => problems.iter().map(|p| p.to_string()).collect(),
        other => panic!("expected problems, got {other:?}"),
    }
}

fn new_pr(site: &TestSite, title: &str) -> NewAnnouncement {
    NewAnnouncement {
        root: site.root().to_path_buf(),
        title: title.to_string(),
        channel: Channel::Pr,
        slug: None,
        numbered: true,
        now: DateTime::parse_from_rfc3339("2023-06-08T03:30:00Z").unwrap(),
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
            .collect();
    assert_eq!(
        embedded, on_disk,
        "src/theme/builtin.rs FILES must list every file of themes/default"
    );
}

#[test]
fn init_writes_a_site_that_builds_in_both_languages_and_channels() {
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

    let output = dir.path().join("public");
    crisis_site::build(&crisis_site::BuildOptions {
        root: root.clone(),
        output: output.clone(),
        publish: Publish {
            drafts: false,
            future: false,
            now: DateTime::parse_from_rfc3339(NOW).unwrap(),
            base_url: None,
        },
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

#[test]
fn new_writes_a_draft_with_the_next_number_dated_now_in_the_site_zone() {
    let mut site = TestSite::basic();
    let path =
        crisis_site::new_announcement(&new_pr(&site, "システム復旧の見通しについて（第4報）"))
            .unwrap();
    assert_eq!(
        path,
        std::path::Path::new("content/announcements/2023-06-08-1230.md")
    );
    let text = std::fs::read_to_string(site.root().join(&path)).unwrap();
    let front: toml::Table = toml::from_str(text.split("+++").nth(1).unwrap()).unwrap();
    assert_eq!(
        front["title"].as_str(),
        Some("システム復旧の見通しについて（第4報）")
    );
    assert_eq!(front["date"].to_string(), "2023-06-08T12:30:00+09:00");
    assert_eq!(front["channel"].as_str(), Some("pr"));
    // 1, 2 and the draft's 3 exist: drafts count.
    assert_eq!(front["number"].as_integer(), Some(4));
    assert_eq!(front["draft"].as_bool(), Some(true));

    site.now = DateTime::parse_from_rfc3339("2023-06-08T13:00:00+09:00").unwrap();
    site.built();
    assert!(
        !site.exists("announcements/2023-06-08-1230/index.html"),
        "a draft is not built"
    );
    site.drafts = true;
    site.built();
    let page = site.page("announcements/2023-06-08-1230/index.html");
    assert_eq!(page.text("article header .number"), "第4報");
    assert_eq!(page.count(".banner-draft"), 1);
}

#[test]
fn new_escapes_the_title_for_toml() {
    let site = TestSite::basic();
    let mut new = new_pr(&site, "\"引用\" と \\ 記号");
    new.slug = Some("quoted".into());
    new.numbered = false;
    let path = crisis_site::new_announcement(&new).unwrap();
    let text = std::fs::read_to_string(site.root().join(path)).unwrap();
    let front: toml::Table = toml::from_str(text.split("+++").nth(1).unwrap()).unwrap();
    assert_eq!(front["title"].as_str(), Some("\"引用\" と \\ 記号"));
    assert!(!front.contains_key("number"));
}

#[test]
fn new_refuses_an_existing_or_bad_slug_and_writes_nothing() {
    let site = TestSite::basic();
    let before = snapshot(site.root());
    let mut new = new_pr(&site, "t");
    new.slug = Some("first".into());
    assert_eq!(
        problems(crisis_site::new_announcement(&new)),
        [
            "content/announcements/first.md: an announcement `first` exists already; expected a new slug (pass --slug NAME)"
        ]
    );
    new.slug = Some("both".into());
    assert_eq!(
        problems(crisis_site::new_announcement(&new)),
        [
            "content/announcements/both.md: an announcement `both` exists already; expected a new slug (pass --slug NAME)"
        ]
    );
    new.slug = Some("第4報".into());
    assert_eq!(
        problems(crisis_site::new_announcement(&new)),
        [
            "--slug: `第4報` cannot be a slug (the announcement's URL); expected a name of lowercase letters a-z, digits, `-` and `_`, such as `2023-06-06-first-notice`"
        ]
    );
    assert_eq!(snapshot(site.root()), before);
}

#[test]
fn new_translation_is_written_beside_its_original() {
    let site = TestSite::basic();
    let out = site.run(&[
        "new",
        "A special loss (IR)",
        "--lang",
        "en",
        "--for",
        "disclosure",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "content/announcements/disclosure.en.md\n"
    );
    site.built();
    assert_eq!(
        site.page("en/announcements/disclosure/index.html")
            .text("article h1"),
        "A special loss (IR)"
    );

    let path = crisis_site::new_translation(&NewTranslation {
        root: site.root().to_path_buf(),
        title: "Draft".into(),
        lang: crisis_site::Lang::parse("zh").unwrap(),
        of: "both".into(),
    })
    .unwrap();
    assert_eq!(
        path,
        std::path::Path::new("content/announcements/both/index.zh.md")
    );
}

#[test]
fn new_translation_refuses_a_missing_original_an_existing_file_and_the_main_language() {
    let site = TestSite::basic();
    let before = snapshot(site.root());
    let translation = |lang: &str, of: &str| NewTranslation {
        root: site.root().to_path_buf(),
        title: "T".into(),
        lang: crisis_site::Lang::parse(lang).unwrap(),
        of: of.into(),
    };
    assert_eq!(
        problems(crisis_site::new_translation(&translation("en", "ghost"))),
        [
            "content/announcements/ghost.md: no announcement `ghost` to translate; expected ghost.md or ghost/index.md in content/announcements"
        ]
    );
    assert_eq!(
        problems(crisis_site::new_translation(&translation("en", "first"))),
        [
            "content/announcements/first.en.md: exists already; expected a new file (nothing was changed)"
        ]
    );
    assert_eq!(
        problems(crisis_site::new_translation(&translation("en", "../first"))),
        [
            "--for: `../first` cannot be a slug (the announcement's URL); expected a name of lowercase letters a-z, digits, `-` and `_`, such as `2023-06-06-first-notice`"
        ]
    );
    assert_eq!(
        problems(crisis_site::new_translation(&translation("ja", "first"))),
        [
            "--lang: `ja` is the site's main language; expected the language of the translation, e.g. en"
        ]
    );
    assert_eq!(snapshot(site.root()), before);
}

#[test]
fn the_new_command_prints_the_path_and_fails_with_the_problems() {
    let site = TestSite::basic();
    let out = site.run(&["new", "第4報", "--channel", "ir", "--slug", "fourth"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "content/announcements/fourth.md\n"
    );
    let out = site.run(&["new", "again", "--channel", "ir", "--slug", "fourth"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: content/announcements/fourth.md: an announcement `fourth` exists already; expected a new slug (pass --slug NAME)\n"
    );
}

#[test]
fn the_new_command_reports_problems_of_the_site_as_build_does_and_writes_nothing() {
    let site = TestSite::basic();
    let settings = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    site.write("site.toml", &format!("tittle = \"x\"\n{settings}"));
    let before = snapshot(site.root());
    let out = site.run(&["new", "第4報", "--channel", "pr"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: site.toml:1: unknown key `tittle`; did you mean `title`?\n"
    );
    assert_eq!(out.stdout, b"");
    assert_eq!(snapshot(site.root()), before);
}

#[test]
fn a_language_that_is_not_a_code_is_a_command_line_error() {
    let site = TestSite::basic();
    let before = snapshot(site.root());
    let out = site.run(&["new", "T", "--lang", "English", "--for", "first"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: invalid value 'English' for '--lang <LANG>': `English` is not a language code; expected a lowercase code such as `ja` or `en`\n\n\
         For more information, try '--help'.\n"
    );
    assert_eq!(snapshot(site.root()), before);
}
