//! The floor: the least any generator must do with the same input. It reads every
//! markdown file under `content/`, renders it with pulldown-cmark alone (the options
//! crisis-site uses) and writes the HTML, in parallel like the real build, and nothing
//! else: no front matter, no templates, no lists, no feeds. The real build is reported
//! as a ratio to it.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Parser, html};
use rayon::prelude::*;
use walkdir::WalkDir;

/// Renders every `.md` file under `site/content` into `output` (replaced if it
/// exists), as `RELATIVE/PATH.html`. Returns how many files it wrote.
pub fn run(site: &Path, output: &Path) -> io::Result<usize> {
    let content = site.join("content");
    let mut files: Vec<PathBuf> = Vec::new();
    for entry in WalkDir::new(&content) {
        let entry = entry.map_err(io::Error::other)?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "md") {
            files.push(entry.into_path());
        }
    }
    if output.exists() {
        fs::remove_dir_all(output)?;
    }
    files.par_iter().try_for_each(|file| {
        let text = fs::read_to_string(file)?;
        let mut page = String::with_capacity(text.len() * 3 / 2);
        html::push_html(
            &mut page,
            Parser::new_ext(&text, crisis_site::markdown_options()),
        );
        let relative = file.strip_prefix(&content).expect("walked under content/");
        let target = output.join(relative).with_extension("html");
        fs::create_dir_all(target.parent().expect("a file has a folder"))?;
        fs::write(target, page)
    })?;
    Ok(files.len())
}
