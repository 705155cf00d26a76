//! What the preview shows when the site does not build: a template error is a failed
//! rebuild like a content error (printed with its file and line, shown over the last
//! good pages), and without any good build the preview says so instead of claiming to
//! show one.

use crate::support::TestSite;
use crate::support::preview::{Preview, Rebuild};

const HOME: &str = "themes/default/templates/home.html";

/// `text` with `from` (there once) replaced by `to`, as a writer would save it.
fn edited(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from}");
    text.replacen(from, to, 1)
}

#[test]
fn a_template_error_is_printed_with_its_line_and_shown_over_the_last_good_pages() {
    let site = TestSite::basic();
    let good = std::fs::read_to_string(site.root().join(HOME)).unwrap();
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
    let problem = "themes/default/templates/home.html:7: template `home.html` failed: Field `not_a_field` is not defined. Available fields: html, title";
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
        problems[0]
            .starts_with("themes/default/templates/home.html:7: template `home.html` failed: "),
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
    let good = std::fs::read_to_string(site.root().join(HOME)).unwrap();
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
    let problem = "themes/default/templates/home.html:7: template `home.html` failed: Field `not_a_field` is not defined. Available fields: html, title";
    for path in [
        "/",
        "/announcements/first/",
        "/style.css",
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
fn a_site_without_its_theme_gets_the_problems_not_a_404_claiming_a_last_good_build() {
    let site = TestSite::basic();
    std::fs::remove_dir_all(site.root().join("themes")).unwrap();
    let preview = Preview::start(&site, &["--port", "0"]);
    for path in ["/", "/announcements/"] {
        let answer = preview.get(path);
        assert_eq!(answer.status, 200, "{path}");
        assert!(!answer.body.contains("last good build"), "{path}");
        assert_eq!(
            answer.page(path).texts("#crisis-site-problems li"),
            [
                "themes/default: theme `default` not found; expected a folder themes/default with templates/, static/ and i18n/"
            ],
            "{path}"
        );
    }
}
