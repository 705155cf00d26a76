//! Rule `page-weight`: each built page light enough to load under a traffic spike,
//! and without a script.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::input::{Checked, Observation};
use super::links::{LinkTarget, Output};
use crate::msg;

/// A size in kilobytes, to a tenth: `12.3`.
fn kb(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1024.0)
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
                message: msg!(
                    "review-page-weight",
                    total = kb(html + css),
                    html = kb(html),
                    css = kb(css),
                    budget = site.config.check.page_weight_kb
                ),
                hint: msg!("review-page-weight-hint"),
            });
        }
        for &line in &scanned.scripts {
            found.push(Observation {
                path: Some(PathBuf::from(page)),
                line: Some(line),
                message: msg!("review-script"),
                hint: msg!("review-script-hint", theme = site.config.theme_name()),
            });
        }
    }
    found
}
