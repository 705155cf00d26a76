//! Rule `page-weight`: each built page light enough to load under a traffic spike,
//! and without a script.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::input::{Checked, Observation};
use super::links::{LinkTarget, Output};

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

/// `page-weight`: each built page with the stylesheets it links stays within
/// `[check] page_weight_kb`, since crisis pages must load under a traffic spike; and
/// no page has a `<script>` element, which the theme never needs.
pub fn page_weight(checked: &Checked) -> Vec<Observation> {
    let output = Output::of(checked);
    let site = checked.site;
    let budget = u64::from(site.config.check.page_weight_kb) * 1024;
    let mut found = Vec::new();
    for (&page, scanned) in output.pages {
        let location = output.location(page, scanned);
        let html = output.files.get(page).map_or(0, |f| f.body.size());
        let styles: BTreeSet<String> = scanned
            .links
            .iter()
            .filter(|l| l.stylesheet)
            .filter_map(|l| match output.resolve(&location, &l.url) {
                LinkTarget::Internal { path, .. } => Some(path),
                _ => None,
            })
            .collect();
        let css: u64 = styles
            .iter()
            .filter_map(|path| output.files.get(path.as_str()))
            .map(|f| f.body.size())
            .sum();
        if html + css > budget {
            found.push(Observation {
                path: Some(PathBuf::from(page)),
                line: None,
                message: format!(
                    "the page weighs {} ({} HTML + {} CSS), over the budget of {} KB",
                    kb(html + css),
                    kb(html),
                    kb(css),
                    site.config.check.page_weight_kb
                ),
                hint: "crisis pages must load under a traffic spike: shorten the page, move \
                       detail into an attachment, or raise [check] page_weight_kb"
                    .to_string(),
            });
        }
        for &line in &scanned.scripts {
            found.push(Observation {
                path: Some(PathBuf::from(page)),
                line: Some(line),
                message: "the page has a <script> element; published pages carry no script"
                    .to_string(),
                hint: format!(
                    "remove it from the theme's templates (themes/{}/templates/, or the site's templates/)",
                    site.config.theme_name()
                ),
            });
        }
    }
    found
}
