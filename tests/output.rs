//! The output folder: replaced as a whole on success, never a folder crisis-site did
//! not write.

use crate::support::{TestSite, snapshot};

#[test]
fn a_rebuild_replaces_the_previous_output_and_drops_stale_files() {
    let site = TestSite::basic();
    site.built();
    assert!(site.exists("announcements/first/index.html"));
    site.remove("content/announcements/first.md")
        .remove("content/announcements/first.en.md");
    site.built();
    assert!(!site.exists("announcements/first/index.html"));
    assert!(!site.exists("en/announcements/first/index.html"));
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_write() {
    let site = TestSite::basic();
    let foreign = site.root().join("public");
    std::fs::create_dir_all(&foreign).unwrap();
    std::fs::write(foreign.join("precious.txt"), "not ours").unwrap();
    let before = snapshot(&foreign);
    let err = site.build().unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: refusing to replace it, since crisis-site did not write it (no .crisis-site-output inside); \
             expected an empty folder, a missing one, or the output of an earlier build",
            foreign.display()
        )
    );
    assert_eq!(snapshot(&foreign), before);
}

#[test]
fn writes_into_an_empty_or_missing_folder_given_by_output() {
    let site = TestSite::basic();
    let out = site.root().join("deep/down/site");
    let status = site.run(&["build", "--output", "deep/down/site"]);
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    assert!(out.join("index.html").is_file());
    assert!(out.join(".crisis-site-output").is_file());
    assert!(!site.root().join("public").exists());
}

#[test]
fn copies_theme_and_site_static_files_the_site_winning() {
    let site = TestSite::basic();
    site.write("static/robots-note.txt", "site file")
        .write("static/style.css", "body{}");
    site.built();
    assert_eq!(
        std::fs::read_to_string(site.out().join("robots-note.txt")).unwrap(),
        "site file"
    );
    assert_eq!(site.read(&site.stylesheet()), "body{}");
}

#[test]
fn a_failed_first_build_writes_nothing() {
    let site = TestSite::basic();
    site.write("content/announcements/first.md", "no front matter\n");
    assert_eq!(
        site.problems(),
        [
            "content/announcements/first.md:1: missing front matter; expected the file to start with a `+++` line, then title, date and channel, then a closing `+++` line"
        ]
    );
    assert!(!site.out().exists());
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_file_system_failure_is_told_once_and_writes_nothing() {
    let site = TestSite::basic();
    let out = site.run(&["build", "--output", "site.toml/public"]);
    assert_eq!(out.status.code(), Some(1));
    // The system's own words for the cause ("Not a directory (os error 20)" here),
    // once: not repeated by the error chain.
    let cause = std::fs::metadata(site.root().join("site.toml/public")).unwrap_err();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "error: build failed; the output folder was left as it was: cannot inspect site.toml/public: {cause}\n"
        )
    );
    assert!(!site.root().join("public").exists());
}

/// The names crisis-site's own folders beside an output start with, found in `dir`.
fn leftovers(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".crisis-site-"))
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_link_is_built_into_the_folder_it_leads_to_and_stays_a_link() {
    // `public` links to the web root, a folder elsewhere.
    let site = TestSite::basic();
    let web = tempfile::tempdir().unwrap();
    let web_root = web.path().join("html");
    std::fs::create_dir(&web_root).unwrap();
    std::os::unix::fs::symlink(&web_root, site.out()).unwrap();
    site.built();
    site.remove("content/announcements/first.md")
        .remove("content/announcements/first.en.md");
    site.built();
    assert_eq!(std::fs::read_link(site.out()).unwrap(), web_root);
    assert!(web_root.join("index.html").is_file());
    assert!(web_root.join(crisis_site::OUTPUT_MARKER).is_file());
    assert!(!web_root.join("announcements/first/index.html").exists());
    assert_eq!(leftovers(site.root()), Vec::<String>::new());
    assert_eq!(leftovers(web.path()), Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn an_output_link_to_a_folder_crisis_site_did_not_write_leaves_it_untouched() {
    let site = TestSite::basic();
    let web = tempfile::tempdir().unwrap();
    let web_root = web.path().join("html");
    std::fs::create_dir(&web_root).unwrap();
    std::fs::write(web_root.join("precious.txt"), "not ours").unwrap();
    std::os::unix::fs::symlink(&web_root, site.out()).unwrap();
    let before = snapshot(&web_root);
    let err = site.build().unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: refusing to replace it, since crisis-site did not write it (no .crisis-site-output inside); \
             expected an empty folder, a missing one, or the output of an earlier build",
            web_root.display()
        )
    );
    assert_eq!(snapshot(&web_root), before);
    assert_eq!(std::fs::read_link(site.out()).unwrap(), web_root);
}

#[cfg(unix)]
#[test]
fn an_output_link_that_leads_nowhere_is_refused_with_what_to_do() {
    let site = TestSite::basic();
    let missing = site.root().join("gone/html");
    std::os::unix::fs::symlink(&missing, site.out()).unwrap();
    let err = site.build().unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{} is a symbolic link to {}, which does not exist; create that folder (empty), or remove the link",
            site.out().display(),
            missing.display()
        )
    );
    assert_eq!(
        err.text(crisis_site::MessageLang::Ja),
        format!(
            "{} は {} へのシンボリックリンクですが、そのフォルダーがありません。空のフォルダーを作るか、リンクを削除してください。",
            site.out().display(),
            missing.display()
        )
    );
    assert_eq!(leftovers(site.root()), Vec::<String>::new());
}

/// Builds `site` into `output` instead of `public/`.
fn build_into(
    site: &TestSite,
    output: std::path::PathBuf,
) -> Result<crisis_site::BuildSummary, crisis_site::BuildError> {
    crisis_site::build(&crisis_site::BuildOptions {
        output,
        ..site.options()
    })
}

#[test]
fn an_output_that_is_the_site_s_folder_is_refused_and_the_sources_kept() {
    // The site's folder holds the marker an earlier build left in it.
    let site = TestSite::basic();
    std::fs::write(
        site.root().join(crisis_site::OUTPUT_MARKER),
        "written by crisis-site\n",
    )
    .unwrap();
    let before = snapshot(site.root());
    let err = build_into(&site, site.root().to_path_buf()).unwrap_err();
    let root = site.root().display();
    assert_eq!(
        err.to_string(),
        format!(
            "the output folder {root} is or holds {root}, which the build reads: replacing the output would take the site's files with it; \
             build into a folder of its own, such as public/ in the site's folder"
        )
    );
    assert_eq!(
        err.text(crisis_site::MessageLang::Ja),
        format!(
            "出力先のフォルダー {root} は、生成が読み込む {root} そのものか、それを含むフォルダーです。置き換えるとサイトのファイルも失われるため、生成しません。\
             サイトのフォルダーの public/ など、出力専用のフォルダーを指定してください。"
        )
    );
    assert_eq!(snapshot(site.root()), before);
}

#[test]
fn an_output_that_holds_the_site_s_folder_is_refused() {
    // The site in `outer/site`, and `outer` marked as an earlier build's output.
    let site = TestSite::basic();
    let outer = tempfile::tempdir().unwrap();
    let root = outer.path().join("site");
    for entry in walkdir::WalkDir::new(site.root()) {
        let entry = entry.unwrap();
        let target = root.join(entry.path().strip_prefix(site.root()).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    std::fs::write(
        outer.path().join(crisis_site::OUTPUT_MARKER),
        "written by crisis-site\n",
    )
    .unwrap();
    let before = snapshot(outer.path());
    let err = crisis_site::build(&crisis_site::BuildOptions {
        root: root.clone(),
        output: outer.path().to_path_buf(),
        ..site.options()
    })
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "the output folder {} is or holds {}, which the build reads: replacing the output would take the site's files with it; \
             build into a folder of its own, such as public/ in the site's folder",
            outer.path().display(),
            root.display()
        )
    );
    assert_eq!(snapshot(outer.path()), before);
}

#[test]
fn an_output_inside_an_input_folder_is_refused_before_anything_is_written() {
    let site = TestSite::basic();
    site.write("static/keep.txt", "a static file");
    for input in ["content", "static", "templates", "themes", "i18n"] {
        let output = site.root().join(input).join("staging");
        let err = build_into(&site, output.clone()).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "the output folder {} is inside {}, which the build reads: each build would read the one before back in and publish it; \
                 build into a folder outside the site's inputs, such as public/ in the site's folder",
                output.display(),
                site.root().join(input).display()
            )
        );
        assert!(!output.exists(), "{} was created", output.display());
    }
    // The default output, inside the site's folder but no input, is built into.
    site.built();
    assert!(site.exists("index.html"));
}

#[cfg(target_os = "linux")]
#[test]
fn a_mount_point_output_is_refused_with_the_way_to_build_into_it() {
    // `/proc` is a mount point on every Linux system; nothing in it is touched.
    let site = TestSite::basic();
    let err = build_into(&site, "/proc".into()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "/proc is a mount point, which cannot be replaced as a whole; \
         build into a folder inside it, such as /proc/site, and serve that folder"
    );
    assert_eq!(
        err.text(crisis_site::MessageLang::Ja),
        "/proc はマウントポイントのため、まとめて置き換えられません。\
         /proc/site など、その中のフォルダーに生成し、そのフォルダーを公開してください。"
    );
}

#[test]
fn an_output_that_is_the_folder_the_build_runs_from_is_refused_with_what_to_do() {
    // `build -o .` run from a folder that is not the site's.
    let site = TestSite::basic();
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(
        elsewhere.path().join(crisis_site::OUTPUT_MARKER),
        "earlier\n",
    )
    .unwrap();
    let before = snapshot(elsewhere.path());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_crisis-site"))
        .current_dir(elsewhere.path())
        .env_remove(crisis_site::MESSAGES_VAR)
        .args(["--messages", "en", "--root"])
        .arg(site.root())
        .args(["--now", &site.now.to_rfc3339(), "build", "--output", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let here = std::fs::canonicalize(elsewhere.path()).unwrap();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "error: build failed; the output folder was left as it was: {} is or holds the folder the build is run from, \
             which cannot be replaced as a whole; run the build from another folder, or build into a folder inside it, such as {}\n",
            here.display(),
            here.join("site").display()
        )
    );
    assert_eq!(snapshot(elsewhere.path()), before);
}

#[test]
fn a_folder_it_did_not_write_is_named_as_given() {
    let site = TestSite::basic();
    site.write("public/precious.txt", "not ours");
    let out = site.run(&["build"]);
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: build failed; the output folder was left as it was: ./public: refusing to replace it, \
         since crisis-site did not write it (no .crisis-site-output inside); \
         expected an empty folder, a missing one, or the output of an earlier build\n"
    );
}
