//! Inputs are regular files inside the site: no symbolic link is read, wherever it
//! points, and no named pipe, socket or device is opened; each is refused naming its
//! path, by `build`, by `check` and by the preview, which also checks again what it
//! copies from disk when it serves it.
#![cfg(unix)]

use std::os::unix::fs::symlink;
use std::path::Path;

use crate::support::TestSite;
use crate::support::preview::{Preview, Rebuild};

const ANN: &str = "content/announcements";
const SECRET: &str = "SECRET-OUTSIDE-THE-SITE-3c9d";

/// The end of the message about a symbolic link, after the link and its target.
const LINK: &str = "; crisis-site reads no symbolic link, so that nothing outside the site's \
                    folder is ever published through one. Put the file or folder itself here \
                    instead";

fn link_problem(link: &str, target: &Path) -> String {
    format!("{link}: is a symbolic link to `{}`{LINK}", target.display())
}

fn special_problem(path: &str, kind: &str) -> String {
    format!(
        "{path}: is not a regular file but {kind}; crisis-site reads only regular files and \
         folders, since reading this one could wait or go on forever. Remove it from the \
         site's folder"
    )
}

/// A folder outside the site, with a secret file, a folder holding an announcement
/// and a static file, all of them carrying [`SECRET`].
fn outside() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "+++\ntitle = \"{SECRET}\"\ndate = 2023-06-01T10:00:00+09:00\nchannel = \"pr\"\n+++\n{SECRET}\n"
    );
    std::fs::write(dir.path().join("secret.md"), &text).unwrap();
    std::fs::create_dir_all(dir.path().join("folder")).unwrap();
    std::fs::write(dir.path().join("folder/index.md"), &text).unwrap();
    std::fs::write(dir.path().join("folder/secret.txt"), SECRET).unwrap();
    dir
}

/// Puts a symbolic link to `target` at `path` of the site, in place of what is there.
fn link(site: &TestSite, path: &str, target: &Path) {
    let at = site.root().join(path);
    std::fs::create_dir_all(at.parent().unwrap()).unwrap();
    if at.is_dir() && !at.is_symlink() {
        std::fs::remove_dir_all(&at).unwrap();
    } else if at.symlink_metadata().is_ok() {
        std::fs::remove_file(&at).unwrap();
    }
    symlink(target, at).unwrap();
}

#[test]
fn a_symbolic_link_anywhere_in_the_inputs_is_refused_naming_where_it_points() {
    let out = outside();
    let secret = out.path().join("secret.md");
    let folder = out.path().join("folder");
    let text = out.path().join("folder/secret.txt");
    let cases: Vec<(&str, &Path)> = vec![
        ("content/_index.md", &secret),
        ("content/_index.en.md", &secret),
        ("content/_index.md", Path::new("/etc/passwd")),
        ("content/_index.md", Path::new("/dev/zero")),
        (ANN, &folder),
        ("content/announcements/first.md", &secret),
        ("content/announcements/first.en.md", &secret),
        ("content/announcements/linked.md", &secret),
        ("content/announcements/linked", &folder),
        ("content/announcements/both/leak.txt", &text),
        ("content/announcements/both/inner", &folder),
        ("content/pages/help.md", &secret),
        ("content/pages", &folder),
        ("content", &folder),
        ("static", &folder),
        ("static/leak.txt", &text),
        ("templates/base.html", &text),
        ("i18n/ja.toml", &text),
        ("themes/default", &folder),
        ("site.toml", &secret),
        // A link that stays inside the site is refused too: a link can be changed to
        // lead out of it between a check and a read.
        ("content/announcements/again.md", Path::new("first.md")),
    ];
    for (path, target) in cases {
        let site = TestSite::basic();
        let problems = site.refused(|s| link(s, path, target));
        assert_eq!(problems, [link_problem(path, target)], "{path}");
    }
}

#[test]
fn a_named_pipe_a_socket_or_a_device_is_refused_naming_its_path_without_waiting() {
    let cases = [
        "site.toml",
        "content/_index.md",
        "content/announcements/pipe.md",
        "content/announcements/both/pipe.bin",
        "content/pages/pipe.md",
        "static/pipe.txt",
        "templates/pipe.html",
    ];
    for path in cases {
        let site = TestSite::basic();
        let problems = site.refused(|s| fifo(s, path));
        assert_eq!(
            problems,
            [special_problem(path, "a named pipe (FIFO)")],
            "{path}"
        );
    }
    let site = TestSite::basic();
    let path = "content/announcements/socket.md";
    let problems = site.refused(|s| {
        let listener = std::os::unix::net::UnixListener::bind(s.root().join(path)).unwrap();
        drop(listener);
    });
    assert_eq!(problems, [special_problem(path, "a socket")]);
}

fn fifo(site: &TestSite, path: &str) {
    let at = site.root().join(path);
    std::fs::create_dir_all(at.parent().unwrap()).unwrap();
    if at.exists() {
        std::fs::remove_file(&at).unwrap();
    }
    let made = std::process::Command::new("mkfifo")
        .arg(&at)
        .status()
        .unwrap();
    assert!(made.success());
}

#[test]
fn the_refusals_are_said_in_japanese() {
    let out = outside();
    let secret = out.path().join("secret.md");
    let site = TestSite::basic();
    let problems = site.refused_with(|s| {
        link(s, "content/_index.md", &secret);
        fifo(s, "content/announcements/pipe.md");
    });
    let ja: Vec<String> = problems
        .iter()
        .map(|p| p.text(crisis_site::MessageLang::Ja))
        .collect();
    assert_eq!(
        ja,
        [
            format!(
                "content/_index.md: 「{}」へのシンボリックリンクです。サイトのフォルダーの外のものが\
                 リンクを通して公開されないよう、crisis-site はシンボリックリンクを読みません。\
                 リンクではなく、ファイルやフォルダーそのものをここに置いてください。",
                secret.display()
            ),
            "content/announcements/pipe.md: 通常のファイルではなく、名前付きパイプ（FIFO）です。\
             読み込むと終わらないおそれがあるため、crisis-site は通常のファイルとフォルダーだけを\
             読みます。サイトのフォルダーから取り除いてください。"
                .to_string(),
        ]
    );
}

#[test]
fn check_reports_links_and_pipes_as_build_does() {
    let out = outside();
    let secret = out.path().join("secret.md");
    let site = TestSite::basic();
    link(&site, "content/_index.md", &secret);
    fifo(&site, "content/announcements/pipe.md");
    let output = site.run(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("error: ") && !l.contains("failed with"))
        .collect();
    assert_eq!(
        errors,
        [
            format!("error: {}", link_problem("content/_index.md", &secret)),
            format!(
                "error: {}",
                special_problem("content/announcements/pipe.md", "a named pipe (FIFO)")
            ),
        ]
    );
    assert!(!stderr.contains(SECRET) && !String::from_utf8_lossy(&output.stdout).contains(SECRET));
}

/// After a good build, a static file and an attachment are swapped for links out of
/// the site, with a broken announcement in the same save: the rebuild fails, the last
/// good build stays served, and the two files it copies from disk are no longer
/// served, since they are links now.
#[test]
fn the_preview_does_not_serve_a_file_swapped_for_a_link_since_the_last_good_build() {
    let out = outside();
    let text = out.path().join("folder/secret.txt");
    let site = TestSite::basic();
    site.write("static/harmless.txt", "a static file");
    let preview = Preview::start(&site, &["--port", "0"]);
    assert_eq!(preview.get("/harmless.txt").body, "a static file");
    assert_eq!(preview.get("/announcements/both/report.pdf").status, 200);

    preview.stop();
    for path in [
        "static/harmless.txt",
        "content/announcements/both/report.pdf",
    ] {
        // Swapped at once, as a rename does: the link is made beside the site's inputs.
        let made = site.root().join("swap");
        symlink(&text, &made).unwrap();
        std::fs::rename(&made, site.root().join(path)).unwrap();
    }
    site.save("content/announcements/first.md", "no front matter\n");
    preview.resume();
    assert!(matches!(preview.next_rebuild(), Rebuild::Failed(_)));

    for path in ["/harmless.txt", "/announcements/both/report.pdf"] {
        let answer = preview.get(path);
        assert_eq!(answer.status, 404, "{path}");
        assert!(!answer.body.contains(SECRET), "{path}");
    }
    // The pages of the last good build are still served.
    assert_eq!(preview.get("/").status, 200);
}

/// A named pipe saved into `content/` fails the rebuild at once, naming it, and the
/// preview rebuilds again on the next save (a build that waited on the pipe would
/// never report, and the preview would never rebuild again).
#[test]
fn a_named_pipe_fails_the_preview_rebuild_and_the_next_save_rebuilds() {
    let site = TestSite::basic();
    let preview = Preview::start(&site, &["--port", "0"]);
    let path = "content/announcements/pipe.md";
    // Made while the preview is stopped: one change, however many events it makes.
    preview.stop();
    fifo(&site, path);
    preview.resume();
    assert_eq!(
        preview.next_rebuild(),
        Rebuild::Failed(vec![special_problem(path, "a named pipe (FIFO)")])
    );
    site.remove(path);
    assert_eq!(preview.next_rebuild(), Rebuild::Done);
    assert_eq!(preview.get("/").status, 200);
}

/// Where the property test below may put a link, in place of what is there.
const PLACES: [&str; 19] = [
    "site.toml",
    "content",
    "content/_index.md",
    "content/_index.en.md",
    ANN,
    "content/announcements/first.md",
    "content/announcements/first.en.md",
    "content/announcements/linked.md",
    "content/announcements/linked",
    "content/announcements/both/report.pdf",
    "content/announcements/both/leak.txt",
    "content/pages",
    "content/pages/help.md",
    "static",
    "static/leak.txt",
    "static/folder",
    "templates/base.html",
    "i18n/ja.toml",
    "themes/default",
];

/// Where such a link may lead: into the folder outside the site (`None` for the
/// folder itself), or to a path as written.
const TARGETS: [(Option<&str>, &str); 9] = [
    (Some("secret.md"), ""),
    (Some("folder"), ""),
    (Some("folder/secret.txt"), ""),
    (None, ""),
    (Some("missing"), ""),
    (None, "/etc/passwd"),
    (None, ".."),
    (None, "../.."),
    (None, "first.md"),
];

proptest::proptest! {
    // A fixed seed, as tests/escaping.rs has: the same cases on every run.
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: 24,
        failure_persistence: None,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x6c69_6e6b_732d_6f75),
        ..proptest::prelude::ProptestConfig::default()
    })]

    /// Whatever links the site holds, no byte of a file outside its folder reaches the
    /// output, nor the problems the build reports.
    #[test]
    fn no_byte_from_outside_the_site_reaches_the_output_whatever_links_it_holds(
        links in proptest::collection::vec((0..PLACES.len(), 0..TARGETS.len()), 0..5)
    ) {
        let out = outside();
        let site = TestSite::basic();
        site.write("static/harmless.txt", "a static file");
        site.built();
        for (place, target) in links {
            let place = PLACES[place];
            let below_a_link = Path::new(place)
                .ancestors()
                .skip(1)
                .any(|a| site.root().join(a).is_symlink());
            if below_a_link || site.root().join(place).is_symlink() {
                continue;
            }
            let target = match TARGETS[target] {
                (Some(inside), _) => out.path().join(inside),
                (None, "") => out.path().to_path_buf(),
                (None, written) => Path::new(written).to_path_buf(),
            };
            link(&site, place, &target);
        }
        let problems = match site.build() {
            Ok(_) => String::new(),
            Err(e) => e.to_string(),
        };
        let passwd = std::fs::read_to_string("/etc/passwd")
            .ok()
            .and_then(|t| t.lines().next().map(str::to_string))
            .filter(|line| !line.is_empty());
        let secrets: Vec<&str> = [SECRET].into_iter().chain(passwd.as_deref()).collect();
        for secret in &secrets {
            proptest::prop_assert!(!problems.contains(secret), "{problems}");
        }
        for (path, bytes) in site.snapshot() {
            let text = String::from_utf8_lossy(&bytes);
            for secret in &secrets {
                proptest::prop_assert!(!text.contains(secret), "{}", path.display());
            }
        }
    }
}
