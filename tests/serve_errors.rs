//! What the preview shows when the site does not build: a template error is a failed
//! rebuild like a content error (printed with its file and line, shown over the last
//! good pages), and without any good build the preview says so instead of claiming to
//! show one.

use crate::support::preview::{Preview, Rebuild};
use crate::support::{TestSite, theme_file};

const HOME: &str = "templates/home.html";

/// `text` with `from` (there once) replaced by `to`, as a writer would save it.
fn edited(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from}");
    text.replacen(from, to, 1)
}

#[test]
fn a_template_error_is_printed_with_its_line_and_shown_over_the_last_good_pages() {
    let site = TestSite::basic();
    // The site's own copy of the built-in home template, there before the preview
    // starts: the preview watches the folders a site has.
    let good = theme_file(HOME);
    site.write(HOME, &good);
    let preview = Preview::start(&site, &["--port", "0"]);
    assert_eq!(
        preview.page("/").text(".overview .prose p"),
        "当社は不正アクセスを確認しました。"
    );

    // An error only rendering finds (the template compiles): the field does not exist.
    let broken = edited(
        &good,
        "{{ overview.html | safe }}",
        "{{ overview.not_a_field }}",
    );
    site.save(HOME, &broken);
    let problem = "templates/home.html:6: template `home.html` failed: Field `not_a_field` is not defined. Available fields: html, title";
    assert_eq!(
        preview.next_rebuild(),
        Rebuild::Failed(vec![problem.to_string()])
    );
    assert_eq!(
        preview.failure_line(),
        "error: rebuild failed with 1 problem; the preview keeps showing the last good build"
    );
    for path in ["/", "/en/", "/announcements/first/"] {
        let answer = preview.get(path);
        assert_eq!(answer.status, 200, "{path}");
        let page = answer.page(path);
        assert_eq!(page.texts("#crisis-site-problems li"), [problem], "{path}");
        assert_eq!(
            page.text("#crisis-site-problems p"),
            "crisis-site: the last edit broke the build. This page is the last good build. Fix these and save:",
            "{path}"
        );
    }
    assert_eq!(
        preview.page("/").text(".overview .prose p"),
        "当社は不正アクセスを確認しました。",
        "the home page is the last good one"
    );

    // A broken tag, which compiling finds, the same way.
    site.save(
        HOME,
        &edited(
            &good,
            "{{ overview.html | safe }}",
            "{{ overview.html | safe",
        ),
    );
    let Rebuild::Failed(problems) = preview.next_rebuild() else {
        panic!("the broken tag was built");
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("templates/home.html:6: template `home.html` failed: "),
        "{problems:?}"
    );
    assert_eq!(
        preview.page("/").texts("#crisis-site-problems li"),
        problems
    );

    site.save(HOME, &good);
    assert_eq!(preview.next_rebuild(), Rebuild::Done);
    assert_eq!(preview.page("/").count("#crisis-site-problems"), 0);
}

#[test]
fn without_a_good_build_every_path_shows_the_problems_and_claims_no_last_good_build() {
    let site = TestSite::basic();
    let good = theme_file(HOME);
    site.write(
        HOME,
        &edited(
            &good,
            "{{ overview.html | safe }}",
            "{{ overview.not_a_field }}",
        ),
    );
    let preview = Preview::start(&site, &["--port", "0"]);
    assert_eq!(
        preview.failure_line(),
        "error: rebuild failed with 1 problem; there is no good build yet, so the preview shows only these problems"
    );
    let problem = "templates/home.html:6: template `home.html` failed: Field `not_a_field` is not defined. Available fields: html, title";
    for path in [
        "/",
        "/announcements/first/",
        "/announcements/both/report.pdf",
        "/no/such/page.html",
    ] {
        let answer = preview.get(path);
        assert_eq!(answer.status, 200, "{path}");
        assert!(!answer.body.contains("last good build"), "{path}");
        let page = answer.page(path);
        assert_eq!(
            page.text("h1#crisis-site-no-build"),
            "crisis-site: no good build yet",
            "{path}"
        );
        assert_eq!(page.texts("#crisis-site-problems li"), [problem], "{path}");
        // It reloads by itself once a save builds.
        assert_eq!(
            page.count("script[src='/__crisis-site/reload.js']"),
            1,
            "{path}"
        );
    }

    site.save(HOME, &good);
    assert_eq!(preview.next_rebuild(), Rebuild::Done);
    let page = preview.page("/");
    assert_eq!(
        page.count("#crisis-site-no-build, #crisis-site-problems"),
        0
    );
    assert_eq!(
        page.text(".overview .prose p"),
        "当社は不正アクセスを確認しました。"
    );
}

#[test]
fn a_site_whose_theme_is_missing_gets_the_problems_not_a_404_claiming_a_last_good_build() {
    let site = TestSite::basic();
    site.edit(
        "site.toml",
        "home_latest = 2\n",
        "home_latest = 2\ntheme = \"corporate\"\n",
    );
    let preview = Preview::start(&site, &["--port", "0"]);
    for path in ["/", "/announcements/"] {
        let answer = preview.get(path);
        assert_eq!(answer.status, 200, "{path}");
        assert!(!answer.body.contains("last good build"), "{path}");
        assert_eq!(
            answer.page(path).texts("#crisis-site-problems li"),
            [
                "site.toml:7: theme `corporate` not found: there is no folder themes/corporate/; create it with the templates, static files or strings the site changes (every other file comes from the built-in theme), or remove `theme` to use the built-in theme"
            ],
            "{path}"
        );
    }
}
