//! The docs stay true to the code: `README.md` and `docs/` are checked against the
//! files they link to, the rules `crisis-site check` has, and the keys `site.toml` and
//! the front matter accept. The keys are not listed here by hand: each table of the
//! input is given an unknown key, and the list of expected keys is read from the
//! problem the build reports, so a key added to the code fails this test until it is
//! documented, and a key removed from the code fails it until the docs drop it.
//!
//! Conventions the docs keep, so that this test can read them:
//! - a table of keys has `key` as its first column, and each row names its keys as code
//!   spans in that column (`` `from`, `until` ``); a row for a sub-table names it as
//!   written in TOML (`` `[[services]]` ``, `` `[contacts.translations.LANG]` ``);
//! - each table of keys sits directly under the heading given in [`SITE_TOML`] or
//!   [`FRONT_MATTER`] (a table is in the section of the nearest heading above it);
//! - each check rule has a heading starting with its id in backticks, a line
//!   `Default level: LEVEL.` in its section, and a row in the summary table (first
//!   column `rule`, second its default level);
//! - the README's `Two commands` section holds the two set-up commands as code blocks;
//! - links are relative to the file they are in, and fragments are GitHub's anchors
//!   (see [`slug`]).
//!
//! Tables that map paths or rule ids to values (`[redirects]`, `[check.levels]`) have
//! no fixed keys to probe: they are only required to have a section, without a table of
//! keys.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

use crisis_site::{BuildOptions, Error, Publish};
use crisis_site::{Level, Rule};
use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Fails with every problem found, one a line.
fn assert_none(what: &str, problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{what}: {} problem{}:\n{}",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" },
        problems.join("\n")
    );
}

// ---------------------------------------------------------------------------------
// Reading markdown

/// A markdown file, parsed once, as GitHub would show it.
struct Doc {
    /// Relative to the repository's root, with `/` between folders.
    path: String,
    headings: Vec<Heading>,
    links: Vec<Link>,
    tables: Vec<Table>,
    code_blocks: Vec<CodeBlock>,
}

struct Heading {
    level: usize,
    line: usize,
    /// The text as shown: code spans with their content, without markup.
    text: String,
    /// The heading's first code span, when the heading starts with one.
    leading_code: Option<String>,
    /// The anchor GitHub gives it (see [`slug`]), made unique within the file.
    slug: String,
}

struct Link {
    line: usize,
    dest: String,
}

struct Table {
    line: usize,
    /// The index in `headings` of the nearest heading above.
    heading: Option<usize>,
    header: Vec<Cell>,
    rows: Vec<Row>,
}

struct Row {
    line: usize,
    cells: Vec<Cell>,
}

#[derive(Default)]
struct Cell {
    text: String,
    code: Vec<String>,
}

struct CodeBlock {
    line: usize,
    heading: Option<usize>,
    lang: String,
    text: String,
}

/// The anchor GitHub makes of a heading's text (github-slugger): lowercase, each
/// space a `-`, and every character dropped that is not a letter, a digit, `-` or
/// `_`.
///
/// Japanese headings: letters of every script are kept, so a Japanese heading keeps
/// its kana and kanji and loses only its punctuation: `## 被害状況（6月8日時点）` is
/// `#被害状況6月8日時点`, as on GitHub. A link may write such a fragment as it is or
/// percent-encoded (`#%E8%A2%AB…`, as a browser's address bar copies it): fragments are
/// percent-decoded before they are compared. (github-slugger also keeps combining
/// marks; Japanese text in the usual composed form has none, so the difference does not
/// arise here.) The docs keep their own headings in English, so a Japanese fragment
/// should be rare.
fn slug(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

#[test]
fn headings_get_the_anchors_github_gives_them() {
    assert_eq!(
        slug("Preview: `crisis-site serve`"),
        "preview-crisis-site-serve"
    );
    assert_eq!(slug("`[[key_reports]]`"), "key_reports");
    assert_eq!(
        slug("What \"all together\" means"),
        "what-all-together-means"
    );
    assert_eq!(slug("A site's own templates"), "a-sites-own-templates");
    assert_eq!(slug("被害状況（6月8日時点）"), "被害状況6月8日時点");
    assert_eq!(slug("Report of 2026-11-23"), "report-of-2026-11-23");
}

fn parse(path: &str) -> Doc {
    let full = repo().join(path);
    let text = std::fs::read_to_string(&full)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", full.display()));
    let line_of = |offset: usize| text[..offset].matches('\n').count() + 1;
    let mut doc = Doc {
        path: path.to_string(),
        headings: Vec::new(),
        links: Vec::new(),
        tables: Vec::new(),
        code_blocks: Vec::new(),
    };
    let mut used_slugs: BTreeMap<String, usize> = BTreeMap::new();
    let mut heading: Option<Heading> = None;
    let mut table: Option<Table> = None;
    let mut row: Option<Row> = None;
    let mut cell: Option<Cell> = None;
    let mut code: Option<CodeBlock> = None;
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(&text, options).into_offset_iter() {
        let line = line_of(range.start);
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some(Heading {
                    level: level as usize,
                    line,
                    text: String::new(),
                    leading_code: None,
                    slug: String::new(),
                });
            }
            Event::End(TagEnd::Heading(_)) => {
                let mut h = heading.take().expect("a heading ends after it starts");
                // GitHub: the first `x`, then `x-1`, `x-2`, …
                let base = slug(&h.text);
                let mut unique = base.clone();
                while let Some(n) = used_slugs.get_mut(&unique) {
                    *n += 1;
                    unique = format!("{base}-{n}");
                }
                used_slugs.insert(unique.clone(), 0);
                h.slug = unique;
                doc.headings.push(h);
            }
            Event::Start(Tag::Table(_)) => {
                table = Some(Table {
                    line,
                    heading: doc.headings.len().checked_sub(1),
                    header: Vec::new(),
                    rows: Vec::new(),
                });
            }
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => {
                row = Some(Row {
                    line,
                    cells: Vec::new(),
                });
            }
            Event::Start(Tag::TableCell) => cell = Some(Cell::default()),
            Event::End(TagEnd::TableCell) => {
                if let (Some(row), Some(cell)) = (row.as_mut(), cell.take()) {
                    row.cells.push(cell);
                }
            }
            Event::End(TagEnd::TableHead) => {
                if let (Some(table), Some(row)) = (table.as_mut(), row.take()) {
                    table.header = row.cells;
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let (Some(table), Some(row)) = (table.as_mut(), row.take()) {
                    table.rows.push(row);
                }
            }
            Event::End(TagEnd::Table) => doc.tables.extend(table.take()),
            Event::Start(Tag::CodeBlock(kind)) => {
                code = Some(CodeBlock {
                    line,
                    heading: doc.headings.len().checked_sub(1),
                    lang: match kind {
                        CodeBlockKind::Fenced(lang) => lang.to_string(),
                        CodeBlockKind::Indented => String::new(),
                    },
                    text: String::new(),
                });
            }
            Event::End(TagEnd::CodeBlock) => doc.code_blocks.extend(code.take()),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) if link_type != LinkType::Email => doc.links.push(Link {
                line,
                dest: dest_url.to_string(),
            }),
            Event::Start(Tag::Image { dest_url, .. }) => doc.links.push(Link {
                line,
                dest: dest_url.to_string(),
            }),
            Event::Text(t) => {
                if let Some(code) = code.as_mut() {
                    code.text.push_str(&t);
                } else if let Some(h) = heading.as_mut() {
                    h.text.push_str(&t);
                } else if let Some(cell) = cell.as_mut() {
                    cell.text.push_str(&t);
                }
            }
            Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    if h.text.trim().is_empty() {
                        h.leading_code = Some(t.to_string());
                    }
                    h.text.push_str(&t);
                } else if let Some(cell) = cell.as_mut() {
                    cell.text.push_str(&t);
                    cell.code.push(t.to_string());
                }
            }
            _ => {}
        }
    }
    doc
}

impl Doc {
    fn heading(&self, text: &str) -> Option<usize> {
        self.headings.iter().position(|h| h.text.trim() == text)
    }

    /// The headings inside the section of heading `index`, which runs to the next
    /// heading of the same or a higher level.
    fn section_end(&self, index: usize) -> usize {
        let level = self.headings[index].level;
        self.headings[index + 1..]
            .iter()
            .position(|h| h.level <= level)
            .map_or(self.headings.len(), |p| index + 1 + p)
    }

    /// Tables whose first column is `key`: the tables of keys.
    fn key_tables(&self) -> impl Iterator<Item = &Table> {
        self.tables
            .iter()
            .filter(|t| t.header.first().is_some_and(|c| c.text.trim() == "key"))
    }

    /// The text of the lines of heading `index`'s section, for phrases it must hold.
    fn section_text(&self, index: usize) -> String {
        let text = std::fs::read_to_string(repo().join(&self.path)).unwrap();
        let start = self.headings[index].line;
        let end = self
            .headings
            .get(self.section_end(index))
            .map_or(usize::MAX, |h| h.line);
        text.lines()
            .enumerate()
            .filter(|(i, _)| (start..end).contains(&(i + 1)))
            .map(|(_, l)| l)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The markdown files of the docs: the README and every `.md` under `docs/`.
fn doc_files() -> Vec<String> {
    let mut files = vec!["README.md".to_string()];
    for entry in walkdir::WalkDir::new(repo().join("docs")).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "md") {
            let relative = entry.path().strip_prefix(repo()).unwrap();
            files.push(slashed(relative));
        }
    }
    files
}

fn slashed(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The key a code span of a table of keys names: `from` itself; a sub-table by its
/// last part, without `LANG` (`[contacts.translations.LANG]` is `translations`).
fn key_named(code: &str) -> String {
    let bare = code.trim().trim_start_matches('[').trim_end_matches(']');
    bare.split('.')
        .rfind(|part| *part != "LANG")
        .unwrap_or(bare)
        .to_string()
}

// ---------------------------------------------------------------------------------
// Links

/// `path`, with `.` and `..` resolved; `None` if it climbs out of the repository.
fn normalized(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            other => out.push(other),
        }
    }
    Some(out)
}

fn decoded(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

/// The candidate within a few typos of `word`, for a "did you mean".
fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(distance, c)| *distance <= 2.max(c.chars().count() / 3))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

/// Whether a link names a scheme (`https:`, `mailto:`): a link outside the repository,
/// not checked here.
fn has_scheme(dest: &str) -> bool {
    dest.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

#[test]
fn every_relative_link_leads_to_a_file_and_its_fragment_to_a_heading() {
    let mut parsed: BTreeMap<String, Doc> = BTreeMap::new();
    let files = doc_files();
    for file in &files {
        parsed.insert(file.clone(), parse(file));
    }
    let mut problems = Vec::new();
    for file in &files {
        let links: Vec<(usize, String)> = parsed[file]
            .links
            .iter()
            .map(|l| (l.line, l.dest.clone()))
            .collect();
        for (line, dest) in links {
            let here = format!("{file}:{line}: link `{dest}`");
            if has_scheme(&dest) {
                continue;
            }
            if dest.starts_with('/') {
                problems.push(format!(
                    "{here} starts with `/`, which GitHub reads from the site's root, not the repository's; write it relative to {file}"
                ));
                continue;
            }
            let (path, fragment) = dest.split_once('#').unwrap_or((&dest, ""));
            let target = if path.is_empty() {
                Some(PathBuf::from(file))
            } else {
                let folder = Path::new(file).parent().unwrap_or(Path::new(""));
                normalized(&folder.join(decoded(path)))
            };
            let Some(target) = target else {
                problems.push(format!(
                    "{here} climbs out of the repository; fix the number of `../`"
                ));
                continue;
            };
            let target_name = slashed(&target);
            if !repo().join(&target).exists() {
                problems.push(format!(
                    "{here} leads to {target_name}, which does not exist; fix the link, or create the file"
                ));
                continue;
            }
            if fragment.is_empty() {
                continue;
            }
            if target.extension().is_none_or(|e| e != "md") {
                problems.push(format!(
                    "{here} has a #fragment into {target_name}, which is not a markdown file; link to the file without `#{fragment}`"
                ));
                continue;
            }
            let doc = parsed
                .entry(target_name.clone())
                .or_insert_with(|| parse(&target_name));
            let wanted = decoded(fragment);
            if doc.headings.iter().any(|h| h.slug == wanted) {
                continue;
            }
            let hint = closest(&wanted, doc.headings.iter().map(|h| h.slug.as_str())).map_or_else(
                || {
                    format!(
                        "its headings' anchors are: {}",
                        doc.headings
                            .iter()
                            .map(|h| format!("#{}", h.slug))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                },
                |best| format!("did you mean `#{best}`?"),
            );
            problems.push(format!(
                "{here}: {target_name} has no heading with the anchor `#{wanted}`; fix the fragment or the heading ({hint})"
            ));
        }
    }
    assert_none("broken links in README.md and docs/", problems);
}

// ---------------------------------------------------------------------------------
// Check rules

const CHECK_RULES: &str = "docs/reference/check-rules.md";

/// Whether a code span looks like a rule id: lowercase words joined by `-`.
fn looks_like_rule_id(text: &str) -> bool {
    !text.is_empty()
        && text.starts_with(|c: char| c.is_ascii_lowercase())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[test]
fn every_check_rule_is_documented_and_no_other() {
    let doc = parse(CHECK_RULES);
    let ids: BTreeSet<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
    let known = || ids.iter().copied().collect::<Vec<_>>().join(", ");
    let mut problems = Vec::new();

    for rule in Rule::ALL {
        let (id, level) = (rule.id(), rule.default_level().id());
        let Some(index) = doc
            .headings
            .iter()
            .position(|h| h.leading_code.as_deref() == Some(id))
        else {
            problems.push(format!(
                "{CHECK_RULES}: rule `{id}` has no section; add a heading `## `{id}`` with `Default level: {level}.`, what it finds, where it points and its settings"
            ));
            continue;
        };
        let phrase = format!("Default level: {level}.");
        if !doc.section_text(index).contains(&phrase) {
            problems.push(format!(
                "{CHECK_RULES}:{}: the section of rule `{id}` does not say `{phrase}` (its default level in the code); fix the line",
                doc.headings[index].line
            ));
        }
    }
    for h in &doc.headings {
        if let Some(code) = h.leading_code.as_deref()
            && looks_like_rule_id(code)
            && !ids.contains(code)
        {
            problems.push(format!(
                "{CHECK_RULES}:{}: the heading names rule `{code}`, which does not exist (the rules are {}); rename or remove the section",
                h.line,
                known()
            ));
        }
    }

    // The summary table: one row per rule, with its default level.
    let summary: Vec<&Table> = doc
        .tables
        .iter()
        .filter(|t| t.header.first().is_some_and(|c| c.text.trim() == "rule"))
        .collect();
    if summary.is_empty() {
        problems.push(format!(
            "{CHECK_RULES}: no summary table of the rules (first column `rule`, then `default`, then `finds`); add one"
        ));
    }
    for table in summary {
        let mut listed = BTreeSet::new();
        for row in &table.rows {
            let Some(id) = row.cells.first().and_then(|c| c.code.first()) else {
                continue;
            };
            listed.insert(id.as_str());
            let Some(rule) = Rule::parse(id) else {
                problems.push(format!(
                    "{CHECK_RULES}:{}: the table lists rule `{id}`, which does not exist (the rules are {}); remove the row or fix the id",
                    row.line,
                    known()
                ));
                continue;
            };
            let documented = row.cells.get(1).map_or("", |c| c.text.trim());
            let level = rule.default_level().id();
            if documented != level {
                problems.push(format!(
                    "{CHECK_RULES}:{}: the table gives rule `{id}` the default `{documented}`, but the code's default is `{level}`; fix the row",
                    row.line
                ));
            }
        }
        for id in ids.difference(&listed) {
            problems.push(format!(
                "{CHECK_RULES}:{}: the table of rules has no row for `{id}`; add one",
                table.line
            ));
        }
    }

    // Findings and `[check.levels]` shown anywhere in the docs name real rules.
    for file in doc_files() {
        let doc = parse(&file);
        for block in &doc.code_blocks {
            for (i, line) in block.text.lines().enumerate() {
                let line_number = block.line + 1 + i;
                for level in [Level::Error, Level::Warning, Level::Info] {
                    let Some(rest) = line.trim_start().strip_prefix(&format!("{}[", level.id()))
                    else {
                        continue;
                    };
                    let id = rest.split(']').next().unwrap_or(rest);
                    if !ids.contains(id) {
                        problems.push(format!(
                            "{file}:{line_number}: a finding of rule `{id}`, which does not exist (the rules are {}); fix the example",
                            known()
                        ));
                    }
                }
            }
            if block.lang == "toml" && block.text.contains("[check.levels]") {
                let table: toml::Table = match toml::from_str(&block.text) {
                    Ok(table) => table,
                    Err(e) => {
                        problems.push(format!(
                            "{file}:{}: this TOML example of `[check.levels]` does not parse ({e}); fix it",
                            block.line
                        ));
                        continue;
                    }
                };
                let levels = table
                    .get("check")
                    .and_then(|c| c.get("levels"))
                    .and_then(|l| l.as_table());
                for (id, value) in levels.into_iter().flatten() {
                    if !ids.contains(id.as_str()) {
                        problems.push(format!(
                            "{file}:{}: the `[check.levels]` example names rule `{id}`, which does not exist (the rules are {}); fix the example",
                            block.line,
                            known()
                        ));
                    }
                    if value.as_str().is_none_or(|v| Level::parse(v).is_err()) {
                        problems.push(format!(
                            "{file}:{}: the `[check.levels]` example gives `{id}` the level {value}; expected \"error\", \"warning\", \"info\" or \"off\"",
                            block.line
                        ));
                    }
                }
            }
        }
    }
    assert_none(
        "the check rules and docs/reference/check-rules.md disagree",
        problems,
    );
}

// ---------------------------------------------------------------------------------
// Keys of site.toml and of the front matter

/// The key no table accepts, far from every real key, so that the problem lists the
/// keys expected instead of suggesting one.
const UNKNOWN: &str = "zzzzzzzz";

/// A table of the input, and how to put an unknown key into it.
struct Probe {
    /// The heading of its section in the reference, as shown (code spans as their text).
    heading: &'static str,
    /// The file of the minimal site to change.
    file: &'static str,
    /// Where in that file: the placeholder the snippet replaces.
    at: &'static str,
    /// TOML holding `zzzzzzzz = 1` in the table.
    snippet: &'static str,
}

/// A section of the reference for a table whose keys are not fixed (paths, rule ids):
/// it is documented as a table, not by a list of keys.
struct MapTable {
    heading: &'static str,
}

/// The minimal valid site, with placeholders where probes put their snippets (removed
/// for the build that shows the site is valid).
const SITE: &[(&str, &str)] = &[
    (
        "site.toml",
        "{TOP}\ntitle = \"テスト\"\norganization = \"テスト株式会社\"\n\n[incident]\nstatus = \"investigating\"\n{END}\n",
    ),
    (
        "content/_index.md",
        "+++\ntitle = \"概要\"\n{FRONT}\n+++\n\n概要です。\n",
    ),
    (
        "content/_index.en.md",
        "+++\ntitle = \"Overview\"\n{FRONT}\n+++\n\nThe overview.\n",
    ),
    (
        "content/announcements/first.md",
        "+++\ntitle = \"お知らせ\"\ndate = 2023-06-01T10:00:00+09:00\nchannel = \"pr\"\n{FRONT}\n+++\n\n本文です。\n",
    ),
    (
        "content/announcements/first.en.md",
        "+++\ntitle = \"Notice\"\n{FRONT}\n+++\n\nThe text.\n",
    ),
    (
        "content/pages/faq.md",
        "+++\ntitle = \"よくあるご質問\"\n{FRONT}\n+++\n\n本文です。\n",
    ),
    (
        "content/pages/faq.en.md",
        "+++\ntitle = \"FAQ\"\n{FRONT}\n+++\n\nThe text.\n",
    ),
];

const SITE_TOML_DOC: &str = "docs/reference/site-toml.md";
const FRONT_MATTER_DOC: &str = "docs/reference/front-matter.md";

/// Every table of site.toml.
const SITE_TOML: &[Probe] = &[
    Probe {
        heading: "Top-level keys",
        file: "site.toml",
        at: "{TOP}",
        snippet: "zzzzzzzz = 1",
    },
    Probe {
        heading: "[incident]",
        file: "site.toml",
        at: "{END}",
        snippet: "zzzzzzzz = 1",
    },
    Probe {
        heading: "[ir]",
        file: "site.toml",
        at: "{END}",
        snippet: "[ir]\nzzzzzzzz = 1",
    },
    Probe {
        heading: "[pdf]",
        file: "site.toml",
        at: "{END}",
        snippet: "[pdf]\nzzzzzzzz = 1",
    },
    Probe {
        heading: "[check]",
        file: "site.toml",
        at: "{END}",
        snippet: "[check]\nzzzzzzzz = 1",
    },
    Probe {
        heading: "[[key_reports]]",
        file: "site.toml",
        at: "{END}",
        snippet: "[[key_reports]]\nid = \"report\"\ntitle = \"報告書\"\nzzzzzzzz = 1",
    },
    Probe {
        heading: "[key_reports.translations.LANG]",
        file: "site.toml",
        at: "{END}",
        snippet: "[[key_reports]]\nid = \"report\"\ntitle = \"報告書\"\n[key_reports.translations.en]\nzzzzzzzz = 1",
    },
    Probe {
        heading: "[[contacts]]",
        file: "site.toml",
        at: "{END}",
        snippet: "[[contacts]]\nname = \"窓口\"\nzzzzzzzz = 1",
    },
    Probe {
        heading: "[contacts.translations.LANG]",
        file: "site.toml",
        at: "{END}",
        snippet: "[[contacts]]\nname = \"窓口\"\n[contacts.translations.en]\nzzzzzzzz = 1",
    },
    Probe {
        heading: "[[alerts]]",
        file: "site.toml",
        at: "{END}",
        snippet: "[[alerts]]\ntext = \"ご注意ください\"\nzzzzzzzz = 1",
    },
    Probe {
        heading: "[alerts.translations.LANG]",
        file: "site.toml",
        at: "{END}",
        snippet: "[[alerts]]\ntext = \"ご注意ください\"\n[alerts.translations.en]\nzzzzzzzz = 1",
    },
    Probe {
        heading: "[[publish]]",
        file: "site.toml",
        at: "{END}",
        snippet: "[[publish]]\nname = \"x\"\nkind = \"folder\"\nlocation = \"w\"\nzzzzzzzz = 1",
    },
    Probe {
        heading: "[[notify]]",
        file: "site.toml",
        at: "{END}",
        snippet: "[[notify]]\nwebhook = \"https://example.jp/\"\nzzzzzzzz = 1",
    },
    Probe {
        heading: "[translations.LANG]",
        file: "site.toml",
        at: "{END}",
        snippet: "[translations.en]\nzzzzzzzz = 1",
    },
];

/// The tables of site.toml that map paths or rule ids to values.
const SITE_TOML_MAPS: &[MapTable] = &[
    MapTable {
        heading: "[redirects]",
    },
    MapTable {
        heading: "[check.levels]",
    },
];

/// Every table of front matter: announcements, their translations, pages, overview.
const FRONT_MATTER: &[Probe] = &[
    Probe {
        heading: "Keys of an announcement",
        file: "content/announcements/first.md",
        at: "{FRONT}",
        snippet: "zzzzzzzz = 1",
    },
    Probe {
        heading: "[[services]] in an announcement",
        file: "content/announcements/first.md",
        at: "{FRONT}",
        snippet: "[[services]]\nname = \"給与計算\"\nstatus = \"stopped\"\nzzzzzzzz = 1",
    },
    Probe {
        heading: "[[measures]] in an announcement",
        file: "content/announcements/first.md",
        at: "{FRONT}",
        snippet: "[[measures]]\nname = \"EDR導入\"\nstatus = \"done\"\nzzzzzzzz = 1",
    },
    Probe {
        heading: "[[timeline]] in an announcement",
        file: "content/announcements/first.md",
        at: "{FRONT}",
        snippet: "[[timeline]]\nat = 2023-06-01\ntext = \"検知\"\nzzzzzzzz = 1",
    },
    Probe {
        heading: "[[revisions]] in an announcement",
        file: "content/announcements/first.md",
        at: "{FRONT}",
        snippet: "[[revisions]]\nat = 2023-06-02T10:00:00+09:00\nkind = \"addendum\"\ntext = \"追記\"\nzzzzzzzz = 1",
    },
    Probe {
        heading: "Keys of a translation",
        file: "content/announcements/first.en.md",
        at: "{FRONT}",
        snippet: "zzzzzzzz = 1",
    },
    Probe {
        heading: "[[services]] in a translation",
        file: "content/announcements/first.en.md",
        at: "{FRONT}",
        snippet: "[[services]]\nzzzzzzzz = 1",
    },
    Probe {
        heading: "[[measures]] in a translation",
        file: "content/announcements/first.en.md",
        at: "{FRONT}",
        snippet: "[[measures]]\nzzzzzzzz = 1",
    },
    Probe {
        heading: "[[timeline]] in a translation",
        file: "content/announcements/first.en.md",
        at: "{FRONT}",
        snippet: "[[timeline]]\nzzzzzzzz = 1",
    },
    Probe {
        heading: "[[revisions]] in a translation",
        file: "content/announcements/first.en.md",
        at: "{FRONT}",
        snippet: "[[revisions]]\nzzzzzzzz = 1",
    },
    Probe {
        heading: "Keys of a page",
        file: "content/pages/faq.md",
        at: "{FRONT}",
        snippet: "zzzzzzzz = 1",
    },
    Probe {
        heading: "Keys of a page",
        file: "content/pages/faq.en.md",
        at: "{FRONT}",
        snippet: "zzzzzzzz = 1",
    },
    Probe {
        heading: "Keys of the overview",
        file: "content/_index.md",
        at: "{FRONT}",
        snippet: "zzzzzzzz = 1",
    },
    Probe {
        heading: "Keys of the overview",
        file: "content/_index.en.md",
        at: "{FRONT}",
        snippet: "zzzzzzzz = 1",
    },
];

/// The minimal site in a temporary folder, with the built-in theme.
struct MinimalSite {
    dir: tempfile::TempDir,
}

impl MinimalSite {
    fn new() -> MinimalSite {
        let dir = tempfile::tempdir().unwrap();
        let site = MinimalSite { dir };
        site.write_all(None);
        if let Err(e) = site.build() {
            panic!(
                "the minimal site of tests/docs.rs no longer builds, so unknown keys cannot be told apart from other problems; update SITE to what the code now requires:\n{e}"
            );
        }
        site
    }

    /// Writes every file of [`SITE`], with `probe`'s snippet in its place.
    fn write_all(&self, probe: Option<&Probe>) {
        for (file, text) in SITE {
            let mut text = text.to_string();
            if let Some(p) = probe.filter(|p| p.file == *file) {
                text = text.replace(p.at, p.snippet);
            }
            for placeholder in ["{TOP}", "{END}", "{FRONT}"] {
                text = text.replace(placeholder, "");
            }
            let path = self.dir.path().join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
    }

    fn build(&self) -> Result<crisis_site::BuildSummary, crisis_site::BuildError> {
        crisis_site::build(&BuildOptions {
            root: self.dir.path().to_path_buf(),
            output: self.dir.path().join("public"),
            publish: Publish {
                drafts: false,
                future: false,
                now: chrono::DateTime::parse_from_rfc3339("2023-06-08T12:00:00+09:00")
                    .unwrap()
                    .into(),
                base_url: None,
                preview: false,
            },
            publish_with_errors: false,
        })
    }

    /// The keys the table of `probe` accepts, read from the problem the build reports
    /// for the unknown key (`unknown key `zzzzzzzz`; expected one of `a`, `b` or `c``).
    fn known_keys(&self, probe: &Probe) -> Result<BTreeSet<String>, String> {
        self.write_all(Some(probe));
        let result = self.build();
        self.write_all(None);
        let what = format!("{} with `{UNKNOWN} = 1` in `{}`", probe.file, probe.heading);
        let problems = match result {
            Ok(_) => {
                return Err(format!(
                    "{what} builds, so the table no longer refuses unknown keys (or tests/docs.rs puts the key in the wrong place); fix the probe in tests/docs.rs"
                ));
            }
            Err(crisis_site::BuildError::Failed(Error::Invalid(problems))) => problems,
            Err(other) => return Err(format!("{what} fails with another error: {other}")),
        };
        let needle = format!("unknown key `{UNKNOWN}`");
        let Some(problem) = problems
            .iter()
            .find(|p| p.message.to_string().contains(&needle))
        else {
            return Err(format!(
                "{what} is refused without naming the unknown key; update tests/docs.rs to the problems reported now:\n{}",
                problems
                    .iter()
                    .map(|p| format!("  {p}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            ));
        };
        let Some((_, expected)) = problem
            .message
            .to_string()
            .split_once("expected one of ")
            .map(|(a, b)| (a.to_string(), b.to_string()))
        else {
            return Err(format!(
                "{what}: the problem `{problem}` does not list the expected keys (\"expected one of `a`, `b` or `c`\"); update tests/docs.rs to how the message reads now"
            ));
        };
        Ok(expected
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect())
    }
}

/// Compares the keys each probe's table accepts with the tables of keys of `doc_path`.
fn compare_keys(doc_path: &str, probes: &[Probe], maps: &[MapTable]) -> Vec<String> {
    let doc = parse(doc_path);
    let site = MinimalSite::new();
    let mut problems = Vec::new();
    let mut sections: BTreeSet<usize> = BTreeSet::new();

    for probe in probes {
        let code_keys = match site.known_keys(probe) {
            Ok(keys) => keys,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let Some(index) = doc.heading(probe.heading) else {
            problems.push(format!(
                "{doc_path}: no heading `{}`; the keys of that table ({}) must be documented under it, in a table whose first column is `key`",
                probe.heading,
                code_keys.iter().cloned().collect::<Vec<_>>().join(", ")
            ));
            continue;
        };
        sections.insert(index);
        let mut documented: BTreeMap<String, usize> = BTreeMap::new();
        for table in doc.key_tables().filter(|t| t.heading == Some(index)) {
            for row in &table.rows {
                for code in row.cells.first().map(|c| c.code.as_slice()).unwrap_or(&[]) {
                    documented.insert(key_named(code), row.line);
                }
            }
        }
        let line = doc.headings[index].line;
        if documented.is_empty() {
            problems.push(format!(
                "{doc_path}:{line}: `{}` has no table of keys (first column `key`) right under its heading; add one",
                probe.heading
            ));
        }
        for key in code_keys.iter().filter(|k| !documented.contains_key(*k)) {
            problems.push(format!(
                "{doc_path}:{line}: `{}` accepts the key `{key}` (in {}), which is not documented; add a row for `{key}` to the table of keys under the heading `{}`",
                probe.heading, probe.file, probe.heading
            ));
        }
        for (key, row) in documented.iter().filter(|(k, _)| !code_keys.contains(*k)) {
            problems.push(format!(
                "{doc_path}:{row}: the table of `{}` documents the key `{key}`, which the code does not accept there (it accepts {}); remove the row or fix its name",
                probe.heading,
                code_keys.iter().cloned().collect::<Vec<_>>().join(", ")
            ));
        }
    }

    for map in maps {
        match doc.heading(map.heading) {
            None => problems.push(format!(
                "{doc_path}: no heading `{}`; document that table (what its keys and values may be) under such a heading",
                map.heading
            )),
            Some(index) => {
                sections.insert(index);
                if let Some(table) = doc.key_tables().find(|t| t.heading == Some(index)) {
                    problems.push(format!(
                        "{doc_path}:{}: `{}` has no fixed keys, so it has no table of keys (first column `key`); describe what its keys may be instead",
                        table.line, map.heading
                    ));
                }
            }
        }
    }

    for table in doc.key_tables() {
        if table.heading.is_none_or(|h| !sections.contains(&h)) {
            let under = table
                .heading
                .map_or("(none)".to_string(), |h| doc.headings[h].text.clone());
            problems.push(format!(
                "{doc_path}:{}: a table of keys under the heading `{under}`, which tests/docs.rs does not know; if it documents a table of the input, add a probe for it in tests/docs.rs, else put it under the heading of its table",
                table.line
            ));
        }
    }
    problems
}

#[test]
fn every_site_toml_key_is_documented_and_no_other() {
    assert_none(
        "the keys of site.toml and docs/reference/site-toml.md disagree",
        compare_keys(SITE_TOML_DOC, SITE_TOML, SITE_TOML_MAPS),
    );
}

#[test]
fn every_front_matter_key_is_documented_and_no_other() {
    assert_none(
        "the keys of front matter and docs/reference/front-matter.md disagree",
        compare_keys(FRONT_MATTER_DOC, FRONT_MATTER, &[]),
    );
}

// ---------------------------------------------------------------------------------
// The README's set-up commands

#[test]
fn the_readme_gives_the_two_setup_commands_and_the_test_command_exists() {
    let doc = parse("README.md");
    let mut problems = Vec::new();
    let expected: BTreeSet<&str> = ["bash .ci/run", "cargo run --release -- serve"].into();
    match doc.heading("Two commands") {
        None => problems.push(
            "README.md: no heading `Two commands`; the README must open with the two set-up commands (`cargo run --release -- serve`, `bash .ci/run`) under it".to_string(),
        ),
        Some(index) => {
            let end = doc.section_end(index);
            let commands: Vec<(usize, String)> = doc
                .code_blocks
                .iter()
                .filter(|b| b.heading.is_some_and(|h| h >= index && h < end))
                .flat_map(|b| {
                    b.text
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(|l| (b.line, l.to_string()))
                        .collect::<Vec<_>>()
                })
                .collect();
            let given: BTreeSet<&str> = commands.iter().map(|(_, c)| c.as_str()).collect();
            for (line, command) in &commands {
                if !expected.contains(command.as_str()) {
                    problems.push(format!(
                        "README.md:{line}: `Two commands` gives `{command}`; expected exactly `cargo run --release -- serve` and `bash .ci/run`, one a code block"
                    ));
                }
            }
            for command in expected.difference(&given) {
                problems.push(format!(
                    "README.md:{}: `Two commands` does not give `{command}`; add it as a code block of its own",
                    doc.headings[index].line
                ));
            }
            if commands.len() != expected.len() {
                problems.push(format!(
                    "README.md:{}: `Two commands` has {} command lines; expected exactly two, one a code block",
                    doc.headings[index].line,
                    commands.len()
                ));
            }
        }
    }
    if !repo().join(".ci/run").is_file() {
        problems.push(
            ".ci/run: missing, but README.md tells readers to run `bash .ci/run`; restore it, or change the README and docs/development/testing.md to the command CI runs".to_string(),
        );
    }
    assert_none("README.md's set-up commands", problems);
}
