//! Pages: `content/pages/NAME.md`, information that is kept up to date rather than
//! announced (an FAQ, what affected people should do, how the investigation works).
//! Each is published at `NAME/`, with its translations at `LANG/NAME/`.
//!
//! Pages are not announcements: they have no date, channel, draft or embargo, appear
//! in no list, and do not change when the site was last updated.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;
use toml::Spanned;

use crate::announcement::Slug;
use crate::content::{self, Role};
use crate::error::{Problem, line_of, toml_problem, unknown_name_hint};
use crate::frontmatter;
use crate::lang::Lang;
use crate::markdown::{self, Heading};
use crate::time;

/// The folder of pages, under `content/`.
pub const DIR: &str = "pages";

/// Names a page cannot have, since its folder `NAME/` is one the site makes itself.
/// The languages of the site are refused too: their folder is `LANG/`.
pub const RESERVED: &[&str] = &["announcements", "services", "measures", "timeline", "api"];

/// A page with its translations.
#[derive(Debug, Clone)]
pub struct Page {
    /// Its name in URLs: the file name without `.md`.
    pub name: Slug,
    /// The text in the site's main language.
    pub original: PageText,
    /// Its translations, by language.
    pub translations: BTreeMap<Lang, PageText>,
}

impl Page {
    /// The text in `lang`, where it exists.
    pub fn version(&self, lang: &Lang, main: &Lang) -> Option<&PageText> {
        if lang == main {
            Some(&self.original)
        } else {
            self.translations.get(lang)
        }
    }
}

/// A page's text in one language.
#[derive(Debug, Clone)]
pub struct PageText {
    /// The file it was read from, relative to the site root.
    pub source: PathBuf,
    /// Its title.
    pub title: String,
    /// The writer's summary, or the first paragraph: for the meta description and the
    /// home page's block.
    pub summary: String,
    /// When the writer last changed it, if they say.
    pub updated: Option<DateTime<FixedOffset>>,
    /// The body as HTML.
    pub body_html: String,
    /// The body's headings, for the table of contents.
    pub headings: Vec<Heading>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPage {
    title: Spanned<String>,
    summary: Option<String>,
    updated: Option<Spanned<toml::Value>>,
}

/// A file of `content/pages/`, before it is read.
struct Source {
    /// The path shown in messages, relative to the site root.
    path: PathBuf,
    absolute: PathBuf,
    name: String,
    role: Role,
}

/// Reads `content/pages/` under `root`, reporting every problem into `problems`.
///
/// `languages` are those the rest of the content is written in, main included: no
/// page may be named like one, nor like a folder in [`RESERVED`]. `home_pages` is
/// site.toml's list (empty when site.toml is broken): each must name a page file.
pub fn load(
    root: &Path,
    main: &Lang,
    zone: FixedOffset,
    languages: &BTreeSet<Lang>,
    home_pages: &[(String, usize)],
    problems: &mut Vec<Problem>,
) -> Vec<Page> {
    let sources = discover(root, main, problems);
    let mut languages = languages.clone();
    languages.extend(sources.iter().filter_map(|s| match &s.role {
        Role::Translation(lang) => Some(lang.clone()),
        Role::Original => None,
    }));

    let mut originals: BTreeMap<String, Option<Page>> = BTreeMap::new();
    let mut translations = Vec::new();
    for source in &sources {
        let name = match check_name(&source.name, &languages) {
            Ok(name) => Some(name),
            Err(message) => {
                problems.push(Problem::in_file(&source.path, message));
                None
            }
        };
        let text = parse(source, zone).map_err(|mut found| problems.append(&mut found));
        match (&source.role, name, text) {
            (Role::Original, Some(name), Ok(text)) => {
                let page = Page {
                    name,
                    original: text,
                    translations: BTreeMap::new(),
                };
                originals.insert(source.name.clone(), Some(page));
            }
            // Its translations are not orphans: the original's problem is reported.
            (Role::Original, ..) => {
                originals.insert(source.name.clone(), None);
            }
            (Role::Translation(lang), _, text) => translations.push((source, lang, text)),
        }
    }
    for (source, lang, text) in translations {
        match originals.get_mut(&source.name) {
            None => problems.push(Problem::in_file(
                &source.path,
                format!(
                    "translation with no original; expected {} in the site's main language ({main})",
                    shown_dir().join(format!("{}.md", source.name)).display()
                ),
            )),
            Some(Some(page)) => {
                if let Ok(text) = text {
                    page.translations.insert(lang.clone(), text);
                }
            }
            Some(None) => {}
        }
    }
    // A page with problems of its own still exists: listing it is not a mistake.
    let names: Vec<&str> = originals.keys().map(String::as_str).collect();
    check_home_pages(home_pages, &names, problems);
    originals.into_values().flatten().collect()
}

/// Every name in site.toml's `home_pages` is one of `names`, listed once.
fn check_home_pages(home_pages: &[(String, usize)], names: &[&str], problems: &mut Vec<Problem>) {
    let mut listed = BTreeSet::new();
    for (name, line) in home_pages {
        let message = if !listed.insert(name) {
            format!("`home_pages` lists `{name}` twice; expected each page once")
        } else if names.contains(&name.as_str()) {
            continue;
        } else {
            let hint = unknown_name_hint(name, names, || {
                format!(
                    "there are no pages yet; expected a file {}",
                    shown_dir().join(format!("{name}.md")).display()
                )
            });
            format!(
                "`home_pages`: there is no page `{name}` in {}/; {hint}",
                shown_dir().display()
            )
        };
        problems.push(Problem::at(crate::config::FILE, *line, message));
    }
}

/// `content/pages`, as messages show it.
fn shown_dir() -> PathBuf {
    Path::new(content::DIR).join(DIR)
}

/// Lists the page files, reporting anything that cannot be one.
fn discover(root: &Path, main: &Lang, problems: &mut Vec<Problem>) -> Vec<Source> {
    let shown = shown_dir();
    let entries = match std::fs::read_dir(root.join(&shown)) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => {
            problems.push(Problem::in_file(&shown, format!("cannot be read: {e}")));
            return Vec::new();
        }
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    let mut sources = Vec::new();
    for entry in entries {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if file_name.starts_with('.') {
            continue;
        }
        let path = shown.join(&file_name);
        let stem = file_name
            .strip_suffix(".md")
            .filter(|_| entry.path().is_file());
        let Some(stem) = stem else {
            problems.push(Problem::in_file(
                &path,
                "not a page; expected NAME.md, or NAME.LANG.md for a translation \
                 (pages have no folders or attachments)",
            ));
            continue;
        };
        match content::name_and_role(stem, main) {
            Ok((name, role)) => sources.push(Source {
                path,
                absolute: entry.path(),
                name,
                role,
            }),
            Err(m) => problems.push(Problem::in_file(&path, m)),
        }
    }
    sources
}

/// The page's name, if it can be one: a slug, and not a folder the site makes itself.
fn check_name(name: &str, languages: &BTreeSet<Lang>) -> Result<Slug, String> {
    let slug = Slug::parse(name).map_err(|_| {
        format!(
            "`{name}` cannot be a page name (the page's URL); expected lowercase letters \
             a-z, digits, `-` and `_`, such as `faq`"
        )
    })?;
    let taken_by = if RESERVED.contains(&name) {
        "the site's own folder"
    } else if languages.iter().any(|l| l.as_str() == name) {
        "the folder of the site's pages in that language"
    } else {
        return Ok(slug);
    };
    let reserved: Vec<String> = RESERVED.iter().map(|r| format!("`{r}`")).collect();
    Err(format!(
        "page name `{name}` would be published at {name}/, which is {taken_by}; expected \
         another name (not {}, nor a language code of the site)",
        reserved.join(", ")
    ))
}

fn parse(source: &Source, zone: FixedOffset) -> Result<PageText, Vec<Problem>> {
    let path = source.path.as_path();
    let text = std::fs::read_to_string(&source.absolute).map_err(|e| {
        vec![Problem::in_file(
            path,
            format!("cannot be read as UTF-8 text: {e}"),
        )]
    })?;
    let split = frontmatter::split(&text).map_err(|(line, m)| vec![Problem::at(path, line, m)])?;
    let Some(front) = split.front_matter else {
        return Err(vec![Problem::at(
            path,
            1,
            "missing front matter; expected the file to start with a `+++` line, then \
             title = \"…\", then a closing `+++` line",
        )]);
    };
    let first_line = split.front_matter_line;
    let raw: RawPage =
        toml::from_str(front).map_err(|e| vec![toml_problem(path, front, first_line, &e)])?;
    let line = |span: std::ops::Range<usize>| first_line + line_of(front, span.start) - 1;

    let mut problems = Vec::new();
    if raw.title.get_ref().trim().is_empty() {
        problems.push(Problem::at(
            path,
            line(raw.title.span()),
            "`title` is empty; expected the title",
        ));
    }
    let updated = raw.updated.as_ref().and_then(|value| {
        time::parse_value(value.get_ref(), zone)
            .map_err(|m| {
                problems.push(Problem::at(
                    path,
                    line(value.span()),
                    format!("`updated`: {m}"),
                ))
            })
            .ok()
    });
    let rendered = markdown::render(split.body);
    problems.extend(
        rendered
            .refused
            .iter()
            .map(|r| r.problem(path, split.body, split.body_line)),
    );
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(PageText {
        source: path.to_path_buf(),
        title: raw.title.into_inner(),
        summary: raw.summary.unwrap_or(rendered.first_paragraph),
        updated,
        body_html: rendered.html,
        headings: rendered.headings,
    })
}
