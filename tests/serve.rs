//! The preview server, driven over HTTP: a real `crisis-site serve` process on a free
//! port against a fixture site.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use scraper::Html;

use crate::support::preview::Preview;
use crate::support::{Page, TestSite};

/// An HTTP answer: status and body.
struct Answer {
    status: u16,
    body: String,
}

impl Preview {
    /// Sends `path` as it is (no normalisation, no encoding) and reads the answer.
    fn get(&self, path: &str) -> Answer {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(40)))
            .unwrap();
        write!(stream, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n").unwrap();
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        let text = String::from_utf8_lossy(&raw).into_owned();
        let status = text
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let body = text
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_string())
            .unwrap_or_default();
        Answer { status, body }
    }

    fn page(&self, path: &str) -> Page {
        let answer = self.get(path);
        assert_eq!(answer.status, 200, "{path}");
        Page {
            path: path.trim_start_matches('/').to_string(),
            html: Html::parse_document(&answer.body),
        }
    }

    /// Waits (generously; no test depends on speed) until `check` holds for `path`.
    fn wait_for(&self, path: &str, check: impl Fn(&Page) -> bool) -> Page {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let page = self.page(path);
            if check(&page) {
                return page;
            }
            assert!(Instant::now() < deadline, "{path} did not change in time");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

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
    let css = preview.get("/style.css");
    assert_eq!(css.status, 200);
    assert_eq!(
        css.body,
        std::fs::read_to_string(site.root().join("themes/default/static/style.css")).unwrap()
    );
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
        let page = Page {
            path: path.to_string(),
            html: Html::parse_document(&answer.body),
        };
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
    let attempts = [
        "/../secret.txt",
        "/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/announcements/..%2f..%2fsecret.txt",
        "/%252e%252e/secret.txt",
        "/..%5csecret.txt",
        "/..\\secret.txt",
        "/secret.txt",
        "/site.toml",
        "/content/announcements/first.md",
        "/themes/default/i18n/ja.toml",
        "/%00",
        "/index.html%00.txt",
        "/%ff%fe",
        "//secret.txt",
        "/./secret.txt",
        long.as_str(),
    ];
    for path in attempts {
        let answer = preview.get(path);
        assert!(
            matches!(answer.status, 400 | 403 | 404 | 414 | 431),
            "{path}: status {}",
            answer.status
        );
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
    site.write(
        "content/announcements/first.md",
        "+++\ntitle = \"システム障害のお知らせ（第1報・更新）\"\ndate = 2023-06-05T10:00:00+09:00\nchannel = \"pr\"\nnumber = 1\n+++\n本文\n",
    );
    preview.wait_for("/announcements/first/", |p| {
        p.text("article h1") == "システム障害のお知らせ（第1報・更新）"
    });
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
    site.write(
        "content/pages/faq.md",
        "+++\ntitle = \"よくあるご質問（更新）\"\n+++\n本文\n",
    );
    preview.wait_for("/faq/", |p| {
        p.text("article h1") == "よくあるご質問（更新）"
    });
}

#[test]
fn a_broken_edit_shows_the_problems_over_the_last_good_pages() {
    let site = TestSite::basic();
    let preview = Preview::start(&site, &["--port", "0"]);
    site.write(
        "content/announcements/first.md",
        "+++\ntitle = \"t\"\ndate = 2023-06-05T10:00:00+09:00\nchanel = \"pr\"\n+++\n",
    );
    let page = preview.wait_for("/announcements/first/", |p| {
        p.count("#crisis-site-problems") == 1
    });
    assert_eq!(
        page.text("#crisis-site-problems li"),
        "content/announcements/first.md:4: unknown key `chanel`; did you mean `channel`?"
    );
    assert_eq!(
        page.text("article h1"),
        "システム障害のお知らせ（第1報）",
        "the last good page stays"
    );

    site.write(
        "content/announcements/first.md",
        "+++\ntitle = \"直しました\"\ndate = 2023-06-05T10:00:00+09:00\nchannel = \"pr\"\n+++\n",
    );
    let page = preview.wait_for("/announcements/first/", |p| {
        p.count("#crisis-site-problems") == 0
    });
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

    let mut stream = TcpStream::connect(("127.0.0.1", preview.port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(40)))
        .unwrap();
    write!(
        stream,
        "GET /__crisis-site/reload HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    let mut events = BufReader::new(stream)
        .lines()
        .map(|l| l.unwrap())
        .filter_map(|line| {
            line.strip_prefix("data:")
                .map(|v| v.trim().parse::<u64>().unwrap())
        });
    assert_eq!(
        events.next(),
        Some(version),
        "the stream starts with the current build"
    );
    site.write("content/_index.md", "更新した概要。\n");
    assert_eq!(events.next(), Some(version + 1));
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
    let home = preview.get("/");
    let page = Page {
        path: "index.html".to_string(),
        html: Html::parse_document(&home.body),
    };
    assert_eq!(
        page.attr("#crisis-site-review", "href"),
        "/__crisis-site/check"
    );

    let review = preview.get("/__crisis-site/check");
    assert_eq!(review.status, 200);
    let page = Page {
        path: "__crisis-site/check".to_string(),
        html: Html::parse_document(&review.body),
    };
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
    site.drafts = true;
    site.future = true;
    site.built();
    for (path, bytes) in site.snapshot() {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("__crisis-site"), "{}", path.display());
        assert!(!text.contains("<script"), "{}", path.display());
    }
}

#[test]
fn the_preview_reads_again_only_changed_files() {
    use crisis_site::content::Cache;
    let site = TestSite::basic();
    let options = site.options();
    let cache = Cache::default();
    let title = |cache: &Cache| {
        let (site, _) = crisis_site::render_site(&options.root, &options.publish, cache).unwrap();
        let first = site
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
    // A fresh cache always reads.
    assert_eq!(title(&Cache::default()), "システム障害のお知らせ（第9報）");
}

#[test]
fn an_attachment_added_beside_an_unchanged_file_is_served() {
    let site = TestSite::basic();
    let preview = Preview::start(&site, &["--port", "0"]);
    assert_eq!(preview.get("/announcements/both/extra.csv").status, 404);
    site.write("content/announcements/both/extra.csv", "a,b\n");
    preview.wait_for("/announcements/both/", |p| {
        p.texts(".attachments li a")
            .contains(&"extra.csv".to_string())
    });
    assert_eq!(preview.get("/announcements/both/extra.csv").body, "a,b\n");
}

/// The number of the latest rebuild, read from a served page.
fn version(preview: &Preview) -> u64 {
    preview
        .page("/")
        .attr("script[data-version]", "data-version")
        .parse()
        .unwrap()
}

#[test]
fn a_burst_of_saves_gives_one_rebuild_and_reads_do_not_trigger_more() {
    let site = TestSite::basic();
    let preview = Preview::start(&site, &["--port", "0"]);
    let before = version(&preview);
    for i in 0..10 {
        site.write(&format!("content/announcements/burst-{i}.md"), &format!(
            "+++\ntitle = \"一括保存 {i}\"\ndate = 2023-06-05T10:00:00+09:00\nchannel = \"pr\"\n+++\n本文\n"
        ));
    }
    preview.wait_for("/announcements/", |p| p.count(".announcement-item") == 15);
    // Wait for the version to settle: a slow machine may have split the burst, and its
    // last rebuild can come after the page already lists every file. The rebuild's own
    // reads must not start another one, or it would never settle.
    let mut after = version(&preview);
    let settled = (0..10).any(|_| {
        std::thread::sleep(Duration::from_secs(1));
        let now = version(&preview);
        std::mem::replace(&mut after, now) == now
    });
    assert!(settled, "the preview kept rebuilding: {before} -> {after}");
    // One rebuild; two or three if a slow machine split the burst. Never one per file.
    assert!((1..=3).contains(&(after - before)), "{before} -> {after}");
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_site_is_neither_built_nor_served() {
    let site = TestSite::basic();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "TOP-SECRET-OUTSIDE").unwrap();
    std::fs::create_dir_all(site.root().join("static")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        site.root().join("static/secret.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path(), site.root().join("static/outside")).unwrap();
    let preview = Preview::start(&site, &["--port", "0"]);
    for path in ["/secret.txt", "/outside/secret.txt"] {
        let answer = preview.get(path);
        assert_eq!(answer.status, 404, "{path}");
        assert!(!answer.body.contains("TOP-SECRET-OUTSIDE"));
    }
    site.built();
    assert!(!site.exists("secret.txt"));
    assert!(!site.exists("outside/secret.txt"));
}

/// The preview plans the feeds, sitemap and data files without making them until one
/// is asked for; its list of their paths must be exactly what a build makes, with and
/// without base_url and in standby, or a redirect or collision check would differ.
#[test]
fn the_preview_plans_exactly_the_derived_files_a_build_makes() {
    let with_url = TestSite::example();
    let without_url = TestSite::basic();
    let standby = TestSite::example();
    standby.edit("site.toml", "base_url =", "standby = true\nbase_url =");
    for site in [&with_url, &without_url, &standby] {
        let options = site.options();
        let cache = crisis_site::content::Cache::default();
        let (model, theme) = crisis_site::load(&options.root, &options.publish, &cache).unwrap();
        let plan = crisis_site::render::Plan::new(&model);
        let made: Vec<String> = plan
            .derived_files(&model, &theme)
            .unwrap()
            .into_iter()
            .map(|f| f.path)
            .collect();
        assert_eq!(plan.derived_paths(&model), made);
        assert!(made.contains(&"robots.txt".to_string()));
        assert_eq!(
            made.contains(&"feed.xml".to_string()),
            model.config.base_url.is_some()
        );
    }
}
