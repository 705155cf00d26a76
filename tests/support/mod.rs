//! A small builder for fixture sites: copy a fixture into a temp folder (it takes the
//! built-in theme), change files, build, and read the output as parsed HTML.

pub mod check;
pub mod preview;
pub mod published;
pub mod publishing;
pub mod receiver;
pub mod s3;
pub mod sshd;

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, FixedOffset};
use crisis_site::BaseUrl;
use crisis_site::{BuildError, BuildOptions, BuildSummary, Error, Publish};
use scraper::{Html, Selector};
use tempfile::TempDir;

/// The moment fixture builds act in: after `draft.md`'s date, before `embargoed.md`'s.
pub const NOW: &str = "2023-06-08T12:00:00+09:00";

/// A site in a temporary folder.
pub struct TestSite {
    dir: TempDir,
    pub drafts: bool,
    pub future: bool,
    pub now: DateTime<FixedOffset>,
    /// `--base-url`, overriding site.toml's.
    pub base_url: Option<BaseUrl>,
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The text of the built-in theme's file `path` (e.g. `templates/base.html`).
pub fn theme_file(path: &str) -> String {
    crisis_site::BUILT_IN_THEME
        .iter()
        .find(|(p, _)| *p == path)
        .unwrap_or_else(|| panic!("the built-in theme has no {path}"))
        .1
        .to_string()
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

impl TestSite {
    /// The fixture `tests/fixtures/NAME`: site.toml and content/, with the built-in
    /// theme.
    pub fn fixture(name: &str) -> TestSite {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(&repo().join("tests/fixtures").join(name), dir.path());
        TestSite {
            dir,
            drafts: false,
            future: false,
            now: DateTime::parse_from_rfc3339(NOW).unwrap(),
            base_url: None,
        }
    }

    /// The repository's own example site (site.toml, content/, and static/ or
    /// templates/ where it has them), with the built-in theme: the repository's
    /// themes/default/ is the built-in theme's source, not copied.
    pub fn example() -> TestSite {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(repo().join("site.toml"), dir.path().join("site.toml")).unwrap();
        for folder in ["content", "static", "templates", "i18n"] {
            if repo().join(folder).is_dir() {
                copy_tree(&repo().join(folder), &dir.path().join(folder));
            }
        }
        TestSite {
            dir,
            drafts: false,
            future: false,
            // After the example's newest announcement, so it builds as published.
            now: DateTime::parse_from_rfc3339("2026-11-23T12:00:00+09:00").unwrap(),
            base_url: None,
        }
    }

    /// The basic fixture: three published announcements, a draft, an embargoed one.
    pub fn basic() -> TestSite {
        TestSite::fixture("basic")
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn out(&self) -> PathBuf {
        self.root().join("public")
    }

    /// Writes (or overwrites) a file of the site.
    pub fn write(&self, path: &str, text: &str) -> &TestSite {
        let path = self.root().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    /// Gives the site its own copy of the built-in theme's file `path` (e.g.
    /// `templates/base.html`, at the same path in the site), with `from` replaced by
    /// `to` as [`TestSite::edit`] does.
    pub fn edit_theme(&self, path: &str, from: &str, to: &str) {
        self.write(path, &theme_file(path));
        self.edit(path, from, to);
    }

    /// Replaces `from` by `to` in a file of the site. `from` must be in the file, and
    /// once only: an edit that finds nothing to change, or cannot tell which place is
    /// meant, would leave the test testing something else than it says.
    pub fn edit(&self, path: &str, from: &str, to: &str) {
        let file = self.root().join(path);
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        match text.matches(from).count() {
            1 => {
                self.write(path, &text.replacen(from, to, 1));
            }
            0 => panic!("{path} has no {from:?} to replace"),
            n => panic!("{path} has {from:?} {n} times; give more of the text to replace"),
        }
    }

    /// Saves a file of the site as an editor that saves atomically does: the text goes
    /// into a temporary file in the site's folder (where only site.toml is an input)
    /// and is renamed into place. A running preview sees one change, with the file
    /// complete, and rebuilds once; `write` could be seen half done, or as two changes.
    /// The file's folder must exist: a new folder would be a change of its own.
    pub fn save(&self, path: &str, text: &str) -> &TestSite {
        let target = self.root().join(path);
        assert!(
            target.parent().unwrap().is_dir(),
            "{path}: its folder must exist before the preview starts"
        );
        let mut temporary = tempfile::NamedTempFile::new_in(self.root()).unwrap();
        temporary.write_all(text.as_bytes()).unwrap();
        temporary.persist(&target).unwrap();
        self
    }

    pub fn remove(&self, path: &str) -> &TestSite {
        std::fs::remove_file(self.root().join(path)).unwrap();
        self
    }

    pub fn options(&self) -> BuildOptions {
        BuildOptions {
            root: self.root().to_path_buf(),
            output: self.out(),
            publish: Publish {
                drafts: self.drafts,
                future: self.future,
                now: self.now.into(),
                base_url: self.base_url.clone(),
                preview: false,
            },
            publish_with_errors: false,
        }
    }

    pub fn build(&self) -> Result<BuildSummary, BuildError> {
        crisis_site::build(&self.options())
    }

    /// Builds as `build --publish-with-errors` does, and panics if the build fails.
    pub fn build_with_errors(&self) -> BuildSummary {
        let options = BuildOptions {
            publish_with_errors: true,
            ..self.options()
        };
        crisis_site::build(&options).unwrap_or_else(|e| panic!("build failed:\n{e}"))
    }

    /// Builds and panics with the problems if the build fails.
    pub fn built(&self) -> &TestSite {
        if let Err(e) = self.build() {
            panic!("build failed:\n{e}");
        }
        self
    }

    /// Builds, expecting the input to be refused; returns the problems as printed.
    pub fn problems(&self) -> Vec<String> {
        self.problem_list().iter().map(|p| p.to_string()).collect()
    }

    /// Builds, expecting the input to be refused; returns the problems.
    pub fn problem_list(&self) -> Vec<crisis_site::Problem> {
        match self.build() {
            Ok(_) => panic!("build succeeded, expected problems"),
            Err(BuildError::Failed(Error::Invalid(problems))) => problems,
            Err(other) => panic!("expected content problems, got: {other}"),
        }
    }

    /// Builds the site, breaks it with `change`, and returns the problems of the
    /// failed build, after checking that the output is byte for byte as it was and
    /// that no staging folder was left behind.
    pub fn refused(&self, change: impl FnOnce(&TestSite)) -> Vec<String> {
        let problems = self.refused_with(change);
        problems.iter().map(|p| p.to_string()).collect()
    }

    /// [`TestSite::refused`], returning the problems themselves, to be said in any
    /// language.
    pub fn refused_with(&self, change: impl FnOnce(&TestSite)) -> Vec<crisis_site::Problem> {
        self.built();
        let before = self.snapshot();
        change(self);
        let problems = self.problem_list();
        assert_eq!(
            self.snapshot(),
            before,
            "a failed build must leave the output as it was"
        );
        let leftovers: Vec<_> = std::fs::read_dir(self.root())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".crisis-site"))
            .collect();
        assert!(
            leftovers.is_empty(),
            "staging folders left behind: {leftovers:?}"
        );
        problems
    }

    /// Runs the binary in the site's folder with `args`, at the site's `now`, its
    /// messages in English unless `args` choose (the fixtures' sites are Japanese).
    pub fn run(&self, args: &[&str]) -> std::process::Output {
        self.run_at(&self.now.to_rfc3339(), args)
    }

    /// Runs the binary in the site's folder with `args`, at `--now NOW` as written, its
    /// messages in English unless `args` choose.
    pub fn run_at(&self, now: &str, args: &[&str]) -> std::process::Output {
        let mut command = self.command(Some(now), args);
        command.output().unwrap()
    }

    /// The binary in the site's folder with `args`, at `--now NOW` when given (else
    /// the real time), its messages in English unless `args` choose; to add
    /// environment variables, or to start it and read its output as it runs.
    pub fn command(&self, now: Option<&str>, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_crisis-site"));
        command
            .current_dir(self.root())
            .env_remove(crisis_site::MESSAGES_VAR);
        if let Some(now) = now {
            command.args(["--now", now]);
        }
        if !args.contains(&"--messages") {
            command.args(["--messages", "en"]);
        }
        command.args(args);
        command
    }

    pub fn exists(&self, output_path: &str) -> bool {
        self.out().join(output_path).is_file()
    }

    /// A text file of the output (a feed, sitemap.xml, robots.txt).
    pub fn read(&self, output_path: &str) -> String {
        let path = self.out().join(output_path);
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    /// Sets `base_url` as `--base-url` would.
    pub fn published_at(mut self, url: &str) -> TestSite {
        self.base_url = Some(BaseUrl::parse(url).unwrap());
        self
    }

    /// A page of the output, parsed.
    pub fn page(&self, output_path: &str) -> HtmlPage {
        let path = self.out().join(output_path);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        HtmlPage {
            path: output_path.to_string(),
            html: Html::parse_document(&text),
        }
    }

    /// The output path of the stylesheet, as the home page links it
    /// (`assets/style.HASH.css`).
    pub fn stylesheet(&self) -> String {
        self.page("index.html").stylesheet()
    }

    /// Every file of the output with its bytes, to compare before and after.
    pub fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        snapshot(&self.out())
    }
}

pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// The output path an absolute URL of a site published at `base` points to: a folder
/// means its `index.html`.
pub fn output_path(base: &str, url: &str) -> String {
    let path = url
        .strip_prefix(base)
        .unwrap_or_else(|| panic!("{url} is not under {base}"));
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

/// A parsed output page.
pub struct HtmlPage {
    pub path: String,
    pub html: Html,
}

impl HtmlPage {
    /// The trimmed, whitespace-collapsed text of every element matching `css`.
    pub fn texts(&self, css: &str) -> Vec<String> {
        let selector = Selector::parse(css).unwrap();
        self.html
            .select(&selector)
            .map(|e| {
                e.text()
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// The text of the one element matching `css`.
    pub fn text(&self, css: &str) -> String {
        let texts = self.texts(css);
        assert_eq!(
            texts.len(),
            1,
            "{}: expected one `{css}`, found {texts:?}",
            self.path
        );
        texts.into_iter().next().unwrap()
    }

    /// The values of `attr` on every element matching `css`.
    pub fn attrs(&self, css: &str, attr: &str) -> Vec<String> {
        let selector = Selector::parse(css).unwrap();
        self.html
            .select(&selector)
            .filter_map(|e| e.value().attr(attr).map(str::to_string))
            .collect()
    }

    pub fn attr(&self, css: &str, attr: &str) -> String {
        let values = self.attrs(css, attr);
        assert_eq!(
            values.len(),
            1,
            "{}: expected one `{css}[{attr}]`, found {values:?}",
            self.path
        );
        values.into_iter().next().unwrap()
    }

    /// The output path of the one stylesheet the page links, resolved from the page
    /// (one without a `<base>`).
    pub fn stylesheet(&self) -> String {
        self.resolve(&self.attr("link[rel~=stylesheet]", "href"))
    }

    pub fn count(&self, css: &str) -> usize {
        self.html.select(&Selector::parse(css).unwrap()).count()
    }

    /// Resolves a relative link of this page to a path from the output root.
    pub fn resolve(&self, href: &str) -> String {
        let href = href.split(['#', '?']).next().unwrap();
        let href = percent_encoding::percent_decode_str(href)
            .decode_utf8()
            .unwrap();
        let mut parts: Vec<&str> = self.path.split('/').collect();
        parts.pop();
        for segment in href.as_ref().split('/') {
            match segment {
                ".." => {
                    assert!(
                        parts.pop().is_some(),
                        "{}: link {href} climbs out of the site",
                        self.path
                    );
                }
                "." | "" => {}
                s => parts.push(s),
            }
        }
        parts.join("/")
    }
}
