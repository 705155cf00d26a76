//! The preview server, driven over HTTP: a real `crisis-site serve` process on a free
//! port against a fixture site.
//!
//! Edits are saved as an atomic editor saves (`TestSite::save`), so that each is one
//! change the preview rebuilds once, and tests wait for the rebuild the preview
//! reports before they look: nothing here waits for time to pass.

use std::time::Duration;

use crate::support::preview::{Preview, Rebuild};
use crate::support::{TestSite, theme_file};

#[test]
fn serves_drafts_and_embargoed_announcements_with_banners() {
    let site = TestSite::basic();
    let preview = Preview::start(&site, &["--port", "0"]);
    let draft = preview.page("/announcements/draft/");
    assert_eq!(
        draft.text(".banner-draft"),
        "下書き / DRAFT：この発表はまだ公開されていません"
    );
    let embargoed = preview.page("/announcements/embargoed/index.html");
    assert_eq!(
        embargoed.text(".banner-embargo"),
        "公開予定 / EMBARGOED until 2023年6月9日 15:00：この日時まで公開されません"
    );
    let list = preview.page("/announcements/");
    assert_eq!(list.texts(".is-draft .draft-label"), ["下書き"]);
    assert_eq!(list.texts(".is-embargoed .embargo-label"), ["公開予定"]);
    assert_eq!(list.count("script[src='/__crisis-site/reload.js']"), 1);
    assert!(
        !site.root().join("public").exists(),
        "serve never writes the output folder"
    );
}

#[test]
fn serves_static_files_and_attachments_and_answers_404() {
    let site = TestSite::basic();
    let preview = Preview::start(&site, &["--port", "0"]);
    let stylesheet = preview.page("/index.html").stylesheet();
    let css = preview.get(&format!("/{stylesheet}"));
    assert_eq!(css.status, 200);
    assert_eq!(css.body, theme_file("static/style.css"));
    assert_eq!(preview.get("/announcements/both/report.pdf").status, 200);
    assert_eq!(preview.get("/announcements/nothing-here/").status, 404);
}

#[test]
fn a_missing_page_gets_the_site_404_page_of_its_language_pointing_into_the_preview() {
    let site = TestSite::basic();
    let preview = Preview::start(&site, &["--port", "0"]);
    let origin = format!("http://127.0.0.1:{}/", preview.port);
    for (path, heading, base) in [
        (
            "/announcements/renamed/",
            "ページが見つかりません",
            "404.html",
        ),
        (
            "/en/announcements/renamed/",
            "Page not found",
            "en/404.html",
        ),
        ("/nothing/at/all.html", "ページが見つかりません", "404.html"),
    ] {
        let answer = preview.get(path);
        assert_eq!(answer.status, 404, "{path}");
        let page = answer.page(path);
        assert_eq!(page.text("h1"), heading, "{path}");
        // The preview stands in for base_url, so the page's links stay in the preview.
        assert_eq!(page.attr("base", "href"), format!("{origin}{base}"));
        assert_eq!(
            page.attr("link[rel=canonical]", "href"),
            format!("{origin}{base}")
        );
    }
    // Feeds are previewed too.
    let feed = preview.get("/feed.xml");
    assert_eq!(feed.status, 200);
    let parsed = atom_syndication::Feed::read_from(feed.body.as_bytes()).unwrap();
    assert_eq!(parsed.id, format!("{origin}feed.xml"));
}

#[test]
fn refuses_every_way_out_of_the_built_site() {
    let site = TestSite::basic();
    std::fs::write(site.root().join("secret.txt"), "TOP-SECRET-OUTSIDE").unwrap();
    let preview = Preview::start(&site, &["--port", "0"]);
    let long = format!("/{}", "a/".repeat(5000));
    // As the README says: `..` or `.` segments, encoded or not, are refused (403); a
    // backslash, a NUL or invalid UTF-8 is a bad request (400); anything else is
    // looked up among the built files, where it is not (404).
    let attempts = [
        ("/../secret.txt", 403),
        ("/../../secret.txt", 403),
        ("/%2e%2e/secret.txt", 403),
        ("/%2E%2E%2Fsecret.txt", 403),
        ("/announcements/..%2f..%2fsecret.txt", 403),
        ("/./secret.txt", 403),
        // Decoded once, to a name with `%2e` in it.
        ("/%252e%252e/secret.txt", 404),
        ("/..%5csecret.txt", 400),
        ("/..\\secret.txt", 400),
        ("/%00", 400),
        ("/index.html%00.txt", 400),
        ("/%ff%fe", 400),
        ("/secret.txt", 404),
        ("/site.toml", 404),
        ("/content/announcements/first.md", 404),
        ("/themes/default/i18n/ja.toml", 404),
        ("//secret.txt", 404),
        (long.as_str(), 404),
    ];
    // What shows that a file outside the build leaked: the secret, and text that only
    // site.toml and the sources hold.
    let source = |path: &str| std::fs::read_to_string(site.root().join(path)).unwrap();
    assert!(source("site.toml").contains("organization ="));
    assert!(source("content/announcements/first.md").contains("+++"));
    for (path, status) in attempts {
        let answer = preview.get(path);
        assert_eq!(answer.status, status, "{path}");
        assert!(!answer.body.contains("TOP-SECRET-OUTSIDE"), "{path}");
        assert!(!answer.body.contains("organization ="), "{path}");
        assert!(!answer.body.contains("+++"), "{path}");
    }
    assert_eq!(preview.get("/").status, 200, "the server keeps answering");
}

#[test]
fn an_edit_shows_after_the_rebuild() {
    let site = TestSite::basic();
    let preview = Preview::start(&site, &["--port", "0"]);
    assert_eq!(
        preview.page("/announcements/first/").text("article h1"),
        "システム障害のお知らせ（第1報）"
    );
    site.save(
        "content/announcements/first.md",
        "+++\ntitle = \"システム障害のお知らせ（第1報・更新）\"\ndate = 2023-06-05T10:00:00+09:00\nchannel = \"pr\"\nnumber = 1\n+++\n本文\n",
    );
    assert_eq!(preview.next_rebuild(), Rebuild::Done);
    assert_eq!(
        preview.page("/announcements/first/").text("article h1"),
        "システム障害のお知らせ（第1報・更新）"
    );
}

#[test]
fn pages_are_previewed_and_read_again_after_an_edit() {
    let site = TestSite::basic();
    site.write(
        "content/pages/faq.md",
        "+++\ntitle = \"よくあるご質問\"\n+++\n本文\n",
    );
    let preview = Preview::start(&site, &["--port", "0"]);
    assert_eq!(preview.page("/faq/").text("article h1"), "よくあるご質問");
    site.save(
        "content/pages/faq.md",
        "+++\ntitle = \"よくあるご質問（更新）\"\n+++\n本文\n",
    );
    assert_eq!(preview.next_rebuild(), Rebuild::Done);
    assert_eq!(
        preview.page("/faq/").text("article h1"),
        "よくあるご質問（更新）"
    );
}

#[test]
fn a_broken_edit_shows_the_problems_over_the_last_good_pages() {
    let site = TestSite::basic();
    let preview = Preview::start(&site, &["--port", "0"]);
    assert_eq!(
        preview
            .page("/announcements/first/")
            .count("#crisis-site-problems"),
        0
    );
    site.save(
        "content/announcements/first.md",
        "+++\ntitle = \"t\"\ndate = 2023-06-05T10:00:00+09:00\nchanel = \"pr\"\n+++\n",
    );
    let problem = "content/announcements/first.md:4: unknown key `chanel`; did you mean `channel`?";
    // The terminal says it too.
    assert_eq!(
        preview.next_rebuild(),
        Rebuild::Failed(vec![problem.to_string()])
    );
    let page = preview.page("/announcements/first/");
    assert_eq!(page.texts("#crisis-site-problems li"), [problem]);
    assert_eq!(
        page.text("article h1"),
        "システム障害のお知らせ（第1報）",
        "the last good page stays"
    );

    site.save(
        "content/announcements/first.md",
        "+++\ntitle = \"直しました\"\ndate = 2023-06-05T10:00:00+09:00\nchannel = \"pr\"\n+++\n",
    );
    assert_eq!(preview.next_rebuild(), Rebuild::Done);
    let page = preview.page("/announcements/first/");
    assert_eq!(page.count("#crisis-site-problems"), 0);
    assert_eq!(page.text("article h1"), "直しました");
}

#[test]
fn live_reload_events_announce_each_newer_build() {
    let site = TestSite::basic();
    let preview = Preview::start(&site, &["--port", "0"]);
    let page = preview.page("/");
    let version: u64 = page
        .attr("script[data-version]", "data-version")
        .parse()
        .unwrap();

    let mut events = preview.reload_events();
    assert_eq!(
        events.next(),
        Some(version),
        "the stream starts with the current build"
    );
    // One save is one rebuild, so the next event is the very next build.
    site.save("content/_index.md", "更新した概要。\n");
    assert_eq!(events.next(), Some(version + 1));
    assert_eq!(preview.next_rebuild(), Rebuild::Done);
}

#[test]
fn the_next_free_port_is_taken_when_the_default_is_busy() {
    let Ok(_busy) = std::net::TcpListener::bind(("127.0.0.1", 1111)) else {
        // Something else holds 1111 already, which makes the same point.
        let site = TestSite::basic();
        let preview = Preview::start(&site, &[]);
        assert_ne!(preview.port, 1111);
        return;
    };
    let site = TestSite::basic();
    let preview = Preview::start(&site, &[]);
    assert!(
        preview.port > 1111 && preview.port < 1161,
        "{}",
        preview.port
    );
    assert_eq!(preview.get("/").status, 200);
}

#[test]
fn the_preview_links_every_page_to_the_check_findings_of_the_published_site() {
    let site = TestSite::basic();
    // A promise already due; the fixture's draft and embargoed statement, shown in the
    // preview, are left out of the review as `check` leaves them out.
    site.edit(
        "content/announcements/both/index.md",
        "key_report = \"investigation\"",
        "key_report = \"investigation\"\nnext_update = 2023-06-08T10:00:00+09:00",
    );
    let preview = Preview::start(&site, &["--port", "0"]);
    assert_eq!(
        preview.page("/").attr("#crisis-site-review", "href"),
        "/__crisis-site/check"
    );

    let page = preview.page("/__crisis-site/check");
    assert_eq!(page.text("#summary"), "0 error, 1 warning, 1 info");
    assert_eq!(
        page.texts("#findings li"),
        [
            "warning[next-update-late]: content/announcements/both/index.md:7: the next update was promised for 2023-06-08 10:00 and nothing newer is published hint: publish the update, or a short notice saying when it will come",
            "info[key-report-pending]: site.toml: key report `committee` (第三者委員会の報告) is still in preparation hint: publish the report with key_report = \"committee\" when it is ready",
        ]
    );
}

#[test]
fn build_output_has_no_preview_script() {
    let mut site = TestSite::basic();
    // The preview's pages have both.
    let preview = Preview::start(&site, &["--port", "0"]);
    let home = preview.get("/");
    assert!(
        home.body
            .contains("<script src=\"/__crisis-site/reload.js\"")
    );
    drop(preview);

    // Built as the preview shows it, drafts and embargoed included, a site has neither.
    site.drafts = true;
    site.future = true;
    site.built();
    assert!(site.exists("announcements/draft/index.html"));
    assert!(site.exists("announcements/embargoed/index.html"));
    for (path, bytes) in site.snapshot() {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("__crisis-site"), "{}", path.display());
        assert!(!text.contains("<script"), "{}", path.display());
    }
}

#[test]
fn the_preview_reads_again_only_changed_files() {
    use crisis_site::Cache;
    let site = TestSite::basic();
    let options = site.options();
    let cache = Cache::keeping();
    let title = |cache: &Cache| {
        let rendered = crisis_site::render(&options.root, &options.publish, cache).unwrap();
        let first = rendered
            .prepared
            .site
            .announcements
            .iter()
            .find(|a| a.slug.as_str() == "first")
            .unwrap();
        first.original.title.clone()
    };
    assert_eq!(title(&cache), "システム障害のお知らせ（第1報）");

    // Same size and modification time: taken from the cache, not read again.
    let path = site.root().join("content/announcements/first.md");
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let same_length = text.replacen("第1報", "第9報", 1);
    std::fs::write(&path, &same_length).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    assert_eq!(title(&cache), "システム障害のお知らせ（第1報）");

    // A real edit changes the modification time and is read.
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified + Duration::from_secs(1))
        .unwrap();
    assert_eq!(title(&cache), "システム障害のお知らせ（第9報）");
    // Without a cache every file is read.
    assert_eq!(title(&Cache::none()), "システム障害のお知らせ（第9報）");
}

#[test]
fn an_attachment_added_beside_an_unchanged_file_is_served() {
    let site = TestSite::basic();
    let preview = Preview::start(&site, &["--port", "0"]);
    assert_eq!(preview.get("/announcements/both/extra.csv").status, 404);
    site.save("content/announcements/both/extra.csv", "a,b\n");
    assert_eq!(preview.next_rebuild(), Rebuild::Done);
    assert_eq!(
        preview
            .page("/announcements/both/")
            .texts(".attachments li a"),
        ["extra.csv", "report.pdf"]
    );
    let csv = preview.get("/announcements/both/extra.csv");
    assert_eq!((csv.status, csv.body.as_str()), (200, "a,b\n"));
}

/// The number of the latest rebuild, read from a served page.
fn version(preview: &Preview) -> u64 {
    preview
        .page("/")
        .attr("script[data-version]", "data-version")
        .parse()
        .unwrap()
}

/// That reads are not changes (the rebuild's own reads must not start another one) is
/// pinned where the watcher decides, by a unit test in src/serve.rs: no reported point
/// tells when a batch of reads has been let go without a rebuild.
#[test]
fn a_burst_of_saves_gives_one_rebuild() {
    let site = TestSite::basic();
    let preview = Preview::start(&site, &["--port", "0"]);
    let before = version(&preview);
    // Saved while the preview is stopped, the ten files reach its watcher together
    // when it goes on (the kernel queues the events meanwhile), however slowly this
    // machine writes them: one burst, by construction.
    preview.stop();
    for i in 0..10 {
        site.save(&format!("content/announcements/burst-{i}.md"), &format!(
            "+++\ntitle = \"一括保存 {i}\"\ndate = 2023-06-05T10:00:00+09:00\nchannel = \"pr\"\n+++\n本文\n"
        ));
    }
    preview.resume();
    assert_eq!(preview.next_rebuild(), Rebuild::Done);
    assert_eq!(
        preview.page("/announcements/").count(".announcement-item"),
        15
    );
    assert_eq!(version(&preview), before + 1);

    // A later save is rebuilt on its own, and is the next rebuild reported: a second
    // rebuild of the burst would come first (its changes are older), so none came.
    site.save("content/_index.md", "一括保存のあとの概要。\n");
    assert_eq!(preview.next_rebuild(), Rebuild::Done);
    assert_eq!(
        preview.page("/").text(".overview .prose p"),
        "一括保存のあとの概要。",
        "the rebuild after the burst's is not this save's"
    );
    assert_eq!(version(&preview), before + 2);
}

/// Links are refused by the rebuild (`tests/inputs.rs` has every place); the last
/// good build, which has no such file, stays served.
#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_site_is_neither_built_nor_served() {
    let site = TestSite::basic();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "TOP-SECRET-OUTSIDE").unwrap();
    std::fs::create_dir_all(site.root().join("static")).unwrap();
    let preview = Preview::start(&site, &["--port", "0"]);
    preview.stop();
    let secret = outside.path().join("secret.txt");
    std::os::unix::fs::symlink(&secret, site.root().join("static/secret.txt")).unwrap();
    std::os::unix::fs::symlink(outside.path(), site.root().join("static/outside")).unwrap();
    preview.resume();
    let link = |path: &str, target: &std::path::Path| {
        format!(
            "{path}: is a symbolic link to `{}`; crisis-site reads no symbolic link, so that \
             nothing outside the site's folder is ever published through one. Put the file or \
             folder itself here instead",
            target.display()
        )
    };
    let problems = [
        link("static/outside", outside.path()),
        link("static/secret.txt", &secret),
    ];
    assert_eq!(preview.next_rebuild(), Rebuild::Failed(problems.to_vec()));
    for path in ["/secret.txt", "/outside/secret.txt"] {
        let answer = preview.get(path);
        assert_eq!(answer.status, 404, "{path}");
        assert!(!answer.body.contains("TOP-SECRET-OUTSIDE"));
    }
    assert_eq!(site.problems(), problems);
}

/// The preview makes each file when it is asked for; the paths it answers must be
/// exactly those a build writes, with and without base_url and in standby, or a
/// reader would be shown a file the site does not have (or miss one it has).
#[test]
fn the_preview_answers_exactly_the_paths_a_build_writes() {
    let with_url = TestSite::example();
    let without_url = TestSite::basic();
    let standby = TestSite::example();
    standby.edit("site.toml", "base_url =", "standby = true\nbase_url =");
    for site in [&with_url, &without_url, &standby] {
        let options = site.options();
        let cache = crisis_site::Cache::none();
        let preview = crisis_site::MemoryBuild::new(
            &options.root,
            &options.publish,
            &cache,
            Default::default(),
        )
        .unwrap();
        let rendered = crisis_site::render(&options.root, &options.publish, &cache).unwrap();
        let mut made: Vec<&str> = rendered.files.iter().map(|f| f.path.as_str()).collect();
        made.sort();
        assert_eq!(preview.paths(), made);
        assert!(made.contains(&"robots.txt"));
        assert_eq!(
            made.contains(&"feed.xml"),
            rendered.prepared.site.config.base_url.is_some()
        );
        assert_eq!(
            made.contains(&"sitemap.xml"),
            rendered.prepared.site.config.base_url.is_some()
                && !rendered.prepared.site.config.standby
        );
    }
}

#[test]
fn the_review_page_and_its_bar_speak_the_language_of_the_run() {
    let site = TestSite::basic();
    site.edit(
        "content/announcements/both/index.md",
        "key_report = \"investigation\"",
        "key_report = \"investigation\"\nnext_update = 2023-06-08T10:00:00+09:00",
    );
    let preview = Preview::start(&site, &["--port", "0", "--messages", "ja"]);
    assert_eq!(
        preview.page("/").text("#crisis-site-review"),
        "プレビュー · 公開前チェックの指摘（crisis-site check）"
    );
    let page = preview.page("/__crisis-site/check");
    assert_eq!(page.attr("html", "lang"), "ja");
    assert_eq!(page.text("#summary"), "エラー 0 件、警告 1 件、情報 1 件");
    assert_eq!(page.texts("#findings li").len(), 2);
    assert!(
        page.texts("#findings li")[0]
            .starts_with("warning[next-update-late]: content/announcements/both/index.md:7: "),
        "{:?}",
        page.texts("#findings li")
    );
}
