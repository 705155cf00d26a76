//! The incident overview (`content/_index.md`, `content/_index.LANG.md`): shown at
//! the top of the home page in each language.

use std::collections::BTreeMap;
use std::path::Path;

use super::layout::{ANNOUNCEMENTS, CONTENT, GUIDE_PAGES, read_text};
use super::{frontmatter, regular};
use crate::base::toml_message::toml_problem;
use crate::base::{Lang, Problem};
use crate::markdown;
use crate::model::{Overview, Sources};
use crate::msg;

/// Reads the overview files in `content/`, reporting any other file there.
pub fn load(
    root: &Path,
    main: &Lang,
    sources: &mut Sources,
    problems: &mut Vec<Problem>,
) -> BTreeMap<Lang, Overview> {
    let mut overview = BTreeMap::new();
    let dir = match regular::folder(root, Path::new(CONTENT)) {
        Ok(Some(dir)) => dir,
        Ok(None) => return overview,
        Err(problem) => {
            problems.push(problem);
            return overview;
        }
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return overview;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = Path::new(CONTENT).join(&name);
        let Some(stem) = name.strip_suffix(".md") else {
            continue;
        };
        let lang = match stem.strip_prefix("_index") {
            Some("") => main.clone(),
            Some(suffix) => match suffix.strip_prefix('.').map(Lang::parse) {
                Some(Ok(lang)) if &lang != main => lang,
                _ => {
                    let main = main.as_str();
                    problems.push(Problem::in_file(&path, msg!("load-overview-name", main)));
                    continue;
                }
            },
            None => {
                problems.push(Problem::in_file(
                    &path,
                    msg!(
                        "load-not-in-site",
                        announcements = format!("{CONTENT}/{ANNOUNCEMENTS}/"),
                        pages = format!("{CONTENT}/{GUIDE_PAGES}/"),
                        overview = format!("{CONTENT}/_index.md")
                    ),
                ));
                continue;
            }
        };
        match read(&path, &entry.path(), sources) {
            Ok(o) => {
                overview.insert(lang, o);
            }
            Err(mut found) => problems.append(&mut found),
        }
    }
    overview
}

fn read(path: &Path, absolute: &Path, sources: &mut Sources) -> Result<Overview, Vec<Problem>> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct OverviewFront {
        title: Option<String>,
    }
    let text = read_text(absolute, path).map_err(|p| vec![p])?;
    sources.insert(path.to_path_buf(), text.as_str().into());
    let split = frontmatter::split(&text).map_err(|e| frontmatter::split_problem(path, e))?;
    let title = match split.front_matter {
        None => None,
        Some(front) => {
            let parsed: OverviewFront = toml::from_str(front).map_err(|e| {
                vec![toml_problem::<OverviewFront>(
                    path,
                    front,
                    split.front_matter_line,
                    &e,
                )]
            })?;
            parsed.title
        }
    };
    let rendered = markdown::render(split.body);
    if !rendered.refused.is_empty() {
        return Err(rendered
            .refused
            .iter()
            .map(|r| r.problem(path, split.body, split.body_line))
            .collect());
    }
    Ok(Overview {
        source: path.to_path_buf(),
        title,
        html: rendered.html,
    })
}
