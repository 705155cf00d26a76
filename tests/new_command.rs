//! Writing announcements with `crisis-site new`: the front matter it fills in, the
//! slugs and numbers it picks (never one twice, even for two runs at once), what it
//! refuses, and its messages in both languages.

use std::io::BufReader;
use std::process::{Command, Stdio};

use chrono::DateTime;
use crisis_site::{Channels, Error, PAUSE_VAR};
use crisis_site::{NewAnnouncement, NewTranslation};

use crate::support::{TestSite, snapshot};

fn problems(result: Result<std::path::PathBuf, Error>) -> Vec<String> {
    match result {
        Err(Error::Invalid(problems)) => problems.iter().map(|p| p.to_string()).collect(),
        other => panic!("expected problems, got {other:?}"),
    }
}

fn no_wait() {
    panic!("no other `new` runs in this test");
}

fn new_pr(site: &TestSite, title: &str) -> NewAnnouncement {
    NewAnnouncement {
        root: site.root().to_path_buf(),
        title: title.to_string(),
        channels: Channels::Pr,
        slug: None,
        numbered: true,
        folder: false,
        now: DateTime::parse_from_rfc3339("2023-06-08T03:30:00Z")
            .unwrap()
            .into(),
    }
}

/// The front matter of a file of the site.
fn front(site: &TestSite, path: &str) -> toml::Table {
    let text = std::fs::read_to_string(site.root().join(path.trim_end())).unwrap();
    toml::from_str(text.split("+++").nth(1).unwrap()).unwrap()
}

/// What a run printed on standard output and error.
fn printed(out: &std::process::Output) -> (String, String) {
    (
        String::from_utf8(out.stdout.clone()).unwrap(),
        String::from_utf8(out.stderr.clone()).unwrap(),
    )
}

#[test]
fn new_writes_a_draft_with_the_next_number_dated_now_in_the_site_zone() {
    let mut site = TestSite::basic();
    let path = crisis_site::new_announcement(
        &new_pr(&site, "システム復旧の見通しについて（第4報）"),
        no_wait,
    )
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
    let path = crisis_site::new_announcement(&new, no_wait).unwrap();
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
        problems(crisis_site::new_announcement(&new, no_wait)),
        [
            "content/announcements/first.md: an announcement `first` exists already; expected a new slug (pass --slug NAME)"
        ]
    );
    new.slug = Some("both".into());
    assert_eq!(
        problems(crisis_site::new_announcement(&new, no_wait)),
        [
            "content/announcements/both.md: an announcement `both` exists already; expected a new slug (pass --slug NAME)"
        ]
    );
    new.slug = Some("第4報".into());
    assert_eq!(
        problems(crisis_site::new_announcement(&new, no_wait)),
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

#[test]
fn new_writes_both_channels_however_they_are_named() {
    let site = TestSite::basic();
    for (args, slug) in [
        (
            ["--channel", "ir,pr", "--slug", "joint"].as_slice(),
            "joint",
        ),
        (
            &["--channel", "ir", "--channel", "pr", "--slug", "twice"],
            "twice",
        ),
    ] {
        let out = site.run(&[&["new", "第4報"], args].concat());
        assert_eq!(
            printed(&out),
            (format!("content/announcements/{slug}.md\n"), String::new())
        );
        let text =
            std::fs::read_to_string(site.root().join(format!("content/announcements/{slug}.md")))
                .unwrap();
        assert_eq!(
            text,
            "+++\ntitle = \"第4報\"\ndate = 2023-06-08T12:00:00+09:00\nchannel = [\"ir\", \"pr\"]\nnumber = 4\ndraft = true\n+++\n\n"
                .replace("number = 4", if slug == "joint" { "number = 4" } else { "number = 5" })
        );
    }
    let out = site.run(&[
        "new",
        "IR",
        "--channel",
        "ir",
        "--slug",
        "ir-only",
        "--no-number",
    ]);
    assert!(out.status.success());
    assert_eq!(
        front(&site, "content/announcements/ir-only.md")["channel"].as_str(),
        Some("ir")
    );
}

#[test]
fn new_folder_writes_an_index_ready_for_attachments() {
    let mut site = TestSite::basic();
    let out = site.run(&["new", "調査報告", "--channel", "pr", "--folder"]);
    assert_eq!(
        printed(&out),
        (
            "content/announcements/2023-06-08-1200/index.md\n".to_string(),
            String::new()
        )
    );
    site.write("content/announcements/2023-06-08-1200/report.pdf", "%PDF");
    site.edit(
        "content/announcements/2023-06-08-1200/index.md",
        "+++\n\n",
        "+++\n\n調査の結果を[報告書](report.pdf)にまとめました。\n",
    );
    site.drafts = true;
    site.built();
    assert!(site.exists("announcements/2023-06-08-1200/report.pdf"));
}

#[test]
fn two_new_in_one_minute_take_the_next_free_slug_and_number() {
    let site = TestSite::basic();
    let runs: Vec<(String, String)> = ["--folder", "", ""]
        .iter()
        .map(|flag| {
            let mut args = vec!["new", "続報", "--channel", "pr"];
            if !flag.is_empty() {
                args.push(flag);
            }
            printed(&site.run(&args))
        })
        .collect();
    assert_eq!(
        runs,
        [
            "content/announcements/2023-06-08-1200/index.md\n",
            "content/announcements/2023-06-08-1200-2.md\n",
            "content/announcements/2023-06-08-1200-3.md\n",
        ]
        .map(|path| (path.to_string(), String::new()))
    );
    let numbers: Vec<i64> = runs
        .iter()
        .map(|(path, _)| front(&site, path)["number"].as_integer().unwrap())
        .collect();
    assert_eq!(numbers, [4, 5, 6]);
}

/// `crisis-site new TITLE --channel pr` in the site at its moment, its output piped.
fn spawn_new(site: &TestSite, title: &str, paused: bool) -> std::process::Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_crisis-site"));
    command
        .current_dir(site.root())
        .env_remove(crisis_site::MESSAGES_VAR)
        .env_remove(PAUSE_VAR)
        .args(["--now", &site.now.to_rfc3339(), "--messages", "en"])
        .args(["new", title, "--channel", "pr"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if paused {
        command.env(PAUSE_VAR, "numbered");
    }
    command.spawn().unwrap()
}

/// The next line a child prints on standard error.
fn next_line(reader: &mut impl std::io::BufRead) -> String {
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    line
}

#[test]
fn two_new_at_once_never_take_one_number_or_one_file() {
    // The first run stops once it has read the numbers, holding the lock; the second
    // must wait for it, and reads the numbers only once the first has written its
    // file. Without the lock both would read 3 as the highest number and write 4.
    let site = TestSite::basic();
    let mut first = spawn_new(&site, "第4報", true);
    let mut first_err = BufReader::new(first.stderr.take().unwrap());
    assert_eq!(
        next_line(&mut first_err),
        "crisis-site: paused at numbered\n"
    );

    let mut second = spawn_new(&site, "第5報", false);
    let mut second_err = BufReader::new(second.stderr.take().unwrap());
    assert_eq!(
        next_line(&mut second_err),
        "another `crisis-site new` is writing an announcement in this site; waiting for it to \
         finish, so that the two do not take the same number\n"
    );
    assert!(
        !site
            .root()
            .join("content/announcements/2023-06-08-1200.md")
            .exists(),
        "the first has written nothing yet"
    );

    drop(first.stdin.take());
    let first = first.wait_with_output().unwrap();
    assert!(first.status.success());
    assert_eq!(
        String::from_utf8(first.stdout).unwrap(),
        "content/announcements/2023-06-08-1200.md\n"
    );
    let second = second.wait_with_output().unwrap();
    assert!(second.status.success());
    assert_eq!(
        String::from_utf8(second.stdout).unwrap(),
        "content/announcements/2023-06-08-1200-2.md\n"
    );
    assert_eq!(next_line(&mut second_err), "", "nothing else said");
    for (path, title, number) in [
        ("content/announcements/2023-06-08-1200.md", "第4報", 4),
        ("content/announcements/2023-06-08-1200-2.md", "第5報", 5),
    ] {
        let front = front(&site, path);
        assert_eq!(front["title"].as_str(), Some(title));
        assert_eq!(front["number"].as_integer(), Some(number));
    }
}

#[test]
fn new_refuses_a_title_that_is_empty_or_not_one_line_and_writes_nothing() {
    let site = TestSite::basic();
    let before = snapshot(site.root());
    let empty = "TITLE: the title is empty; expected the words of the announcement's title, e.g. crisis-site new \"System failure (update 2)\" --channel pr";
    let lines = "TITLE: the title runs over more than one line; expected one line";
    let front_matter = "TITLE: the title has a `+++` line, which would end the front matter; expected one line without it";
    for (title, problem) in [
        ("", empty),
        ("  \t", empty),
        ("\u{3000}", empty),
        ("第4報\nの続き", lines),
        ("第4報\r", lines),
        ("第4報\n+++\ndraft = false", front_matter),
    ] {
        assert_eq!(
            problems(crisis_site::new_announcement(
                &new_pr(&site, title),
                no_wait
            )),
            [problem],
            "{title:?}"
        );
        let translation = NewTranslation {
            root: site.root().to_path_buf(),
            title: title.into(),
            lang: crisis_site::Lang::parse("en").unwrap(),
            of: "disclosure".into(),
        };
        assert_eq!(
            problems(crisis_site::new_translation(&translation)),
            [problem],
            "{title:?}"
        );
    }
    let out = site.run(&["new", " ", "--channel", "pr"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(printed(&out), (String::new(), format!("error: {empty}\n")));
    assert_eq!(snapshot(site.root()), before);
}

#[test]
fn new_for_an_unknown_announcement_suggests_the_closest_one() {
    let site = TestSite::basic();
    let before = snapshot(site.root());
    let out = site.run(&["new", "T", "--lang", "en", "--for", "disclosre"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        printed(&out),
        (
            String::new(),
            "error: content/announcements/disclosre.md: no announcement `disclosre` to translate in content/announcements; did you mean `disclosure`?\n".to_string()
        )
    );
    assert_eq!(snapshot(site.root()), before);
}

#[test]
fn new_help_names_the_value_of_for_a_slug() {
    let out = Command::new(env!("CARGO_BIN_EXE_crisis-site"))
        .args(["new", "-h"])
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = help.lines().filter(|l| l.contains("--for ")).collect();
    assert_eq!(
        lines,
        ["      --for <SLUG>           The slug of the announcement to translate (with --lang)"]
    );
}

#[test]
fn new_says_its_problems_in_japanese() {
    let site = TestSite::basic();
    let ja = |args: &[&str]| {
        let out = site.run(&[&["--messages", "ja"], args].concat());
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8(out.stderr).unwrap()
    };
    assert_eq!(
        ja(&["new", "", "--channel", "pr"]),
        "エラー: TITLE: タイトルが空です。発表のタイトルを指定してください（例: crisis-site new \"システム障害について（第2報）\" --channel pr）。\n"
    );
    assert_eq!(
        ja(&["new", "T", "--channel", "pr", "--slug", "first"]),
        "エラー: content/announcements/first.md: 発表「first」はすでにあります。別のスラッグ（URL に使う名前）を --slug で指定してください。\n"
    );
    assert_eq!(
        ja(&["new", "T", "--lang", "en", "--for", "frist"]),
        "エラー: content/announcements/frist.md: 翻訳する発表「frist」は content/announcements にありません。「first」のことですか？\n"
    );
    assert_eq!(
        ja(&["new", "T", "--lang", "en", "--for", "first"]),
        "エラー: content/announcements/first.en.md: すでにあります。新しいファイルを指定してください（何も変更していません）。\n"
    );
    assert_eq!(
        ja(&["new", "T", "--lang", "ja", "--for", "first"]),
        "エラー: --lang: 「ja」はサイトの主な言語です。翻訳の言語（例: en）を指定してください。\n"
    );
}
